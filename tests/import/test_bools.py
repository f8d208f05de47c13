"""是/否 cells: the spellings analysts type for yes and no."""

from __future__ import annotations

from typing import Any

import pandas as pd
import pytest

from zcbatch.batch import Batch

# (case id, 是否工作前学历 cell, expected value).
ACCEPTED = [
    ("shi", "是", True),
    ("fou", "否", False),
    ("upper-y", "Y", True),
    ("upper-n", "N", False),
    ("lower-y", "y", True),
    ("lower-n", "n", False),
    ("check-mark", "√", True),
    ("cross", "×", False),
    ("full-width-y", "Ｙ", True),
    ("excel-true", True, True),
    ("excel-false", False, False),
    ("padded", " 是 ", True),
]
REJECTED = [
    ("unsure", "不确定"),
    ("maybe", "待定"),
    ("number", 2),
]
CASES = [(case_id, value) for case_id, value, *_ in ACCEPTED] + REJECTED
FIRST_CASE_ROW = 3


def case_row(case_id: str) -> int:
    return FIRST_CASE_ROW + [case[0] for case in CASES].index(case_id)


@pytest.fixture(scope="module")
def batch(applicant: Any, load_batch: Any) -> Batch:
    person = applicant()
    template = person["学历信息"][0]
    person["学历信息"] += [dict(template, 是否工作前学历=value) for _, value in CASES]
    return load_batch(person)


def before_work(batch: Batch, row: int) -> object:
    frame = batch.sheets["学历信息"]
    return frame.loc[frame["_row"] == row, "是否工作前学历"].iloc[0]


@pytest.mark.parametrize(("case_id", "value", "expected"), ACCEPTED, ids=[case[0] for case in ACCEPTED])
def test_bool_accepted(batch: Batch, case_id: str, value: object, expected: bool) -> None:
    row = case_row(case_id)
    assert before_work(batch, row) == expected
    assert batch.findings[batch.findings["行号"] == row].empty


@pytest.mark.parametrize(("case_id", "value"), REJECTED, ids=[case[0] for case in REJECTED])
def test_bool_rejected(batch: Batch, rule_findings: Any, cell: Any, case_id: str, value: object) -> None:
    row = case_row(case_id)
    found = rule_findings(batch, "BOOL_INVALID", row)
    assert len(found) == 1
    assert found.at[0, "级别"] == "错误"
    assert found.at[0, "工作表"] == "学历信息"
    assert cell(batch, found.iloc[0]) == f"I{row}"
    assert f"“{value}”无法识别为是/否" in found.at[0, "说明"]
    assert "请填写“是”或“否”" in found.at[0, "说明"]
    assert pd.isna(before_work(batch, row))
