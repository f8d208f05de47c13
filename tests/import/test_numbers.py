"""Hour cells of 继续教育: numbers, number text, full-width digits and units."""

from __future__ import annotations

from typing import Any

import pandas as pd
import pytest

from zcbatch.batch import Batch

# (case id, 公需科目学时数 cell, expected hours). 专业培训学时数 is 64 and
# 总学时数 96 on every row, so an accepted value also passes the sum check.
ACCEPTED = [
    ("integer-cell", 32, 32.0),
    ("float-cell", 32.0, 32.0),
    ("text", "32", 32.0),
    ("text-with-decimal", "32.0", 32.0),
    ("full-width", "３２", 32.0),
    ("with-unit", "32学时", 32.0),
    ("surrounding-spaces", " 32 ", 32.0),
]
# (case id, cell value, rule code, words the message must contain).
REJECTED = [
    ("negative-cell", -32, "NUMBER_NEGATIVE", "“-32”为负数"),
    ("negative-text", "-32", "NUMBER_NEGATIVE", "“公需科目学时数”不能为负"),
    ("chinese-numerals", "三十二", "NUMBER_INVALID", "“三十二”无法识别为学时数"),
    ("words", "待补充", "NUMBER_INVALID", "“待补充”无法识别为学时数"),
]
CASES = ACCEPTED + REJECTED
FIRST_CASE_ROW = 3


def case_row(case_id: str) -> int:
    return FIRST_CASE_ROW + [case[0] for case in CASES].index(case_id)


@pytest.fixture(scope="module")
def batch(applicant: Any, load_batch: Any) -> Batch:
    person = applicant()
    template = person["继续教育"][0]
    # A distinct year per row keeps the one-row-per-year rule quiet.
    person["继续教育"] += [
        dict(template, 年度=2000 + position, 公需科目学时数=case[1]) for position, case in enumerate(CASES)
    ]
    return load_batch(person)


def public_hours(batch: Batch, row: int) -> float:
    frame = batch.sheets["继续教育"]
    return frame.loc[frame["_row"] == row, "公需科目学时数"].iloc[0]


@pytest.mark.parametrize(("case_id", "value", "expected"), ACCEPTED, ids=[case[0] for case in ACCEPTED])
def test_hours_accepted(batch: Batch, case_id: str, value: object, expected: float) -> None:
    row = case_row(case_id)
    assert public_hours(batch, row) == expected
    assert batch.findings[batch.findings["行号"] == row].empty


@pytest.mark.parametrize(("case_id", "value", "rule", "words"), REJECTED, ids=[case[0] for case in REJECTED])
def test_hours_rejected(batch: Batch, rule_findings: Any, cell: Any, case_id: str, value: object,
                        rule: str, words: str) -> None:
    row = case_row(case_id)
    found = rule_findings(batch, rule, row)
    assert len(found) == 1
    assert found.at[0, "级别"] == "错误"
    assert found.at[0, "工作表"] == "继续教育"
    assert cell(batch, found.iloc[0]) == f"C{row}"
    assert words in found.at[0, "说明"]
    assert pd.isna(public_hours(batch, row))


def test_rejected_hours_not_summed(batch: Batch) -> None:
    """A value that could not be read is not also reported by the sum check."""
    rows = [case_row(case[0]) for case in REJECTED]
    found = batch.findings[batch.findings["行号"].isin(rows)]
    assert "CE_TOTAL_MISMATCH" not in set(found["规则"])
