"""Field rules of 继续教育: year, hours, the total and one row per year."""

from __future__ import annotations

from typing import Any

import pytest

from zcbatch.batch import Batch

SHEET = "继续教育"
LETTER = {"年度": "B", "公需科目学时数": "C", "专业培训学时数": "D", "总学时数": "E"}


def rules_at(batch: Batch, row: int) -> list[str]:
    found = batch.findings
    return sorted(found.loc[(found["工作表"] == SHEET) & (found["行号"] == row), "规则"])


ACCEPTED: dict[str, dict[str, Any]] = {
    "total-is-sum": {},
    "decimal-hours": {"公需科目学时数": 32.5, "专业培训学时数": 63.5, "总学时数": 96},
    "zero-professional": {"专业培训学时数": 0, "总学时数": 32},
    "year-with-suffix": {"年度": "2024年"},
    "year-with-du": {"年度": "2024年度"},
    "year-chinese-numerals": {"年度": "二〇二四"},
    "year-text": {"年度": "2024"},
}
REJECTED: dict[str, tuple[dict[str, Any], str, str, str, str]] = {
    "total-too-high": ({"总学时数": 100}, "CE_TOTAL_MISMATCH", "警告", "总学时数",
                       "总学时数填写为 100，公需 32 + 专业 64 = 96"),
    "total-too-low": ({"总学时数": 90}, "CE_TOTAL_MISMATCH", "警告", "总学时数",
                      "总学时数填写为 90，公需 32 + 专业 64 = 96"),
    "year-two-digits": ({"年度": "24"}, "YEAR_INVALID", "错误", "年度", "（两位数年份无法确定世纪）"),
    "year-out-of-range": ({"年度": 1949}, "YEAR_INVALID", "错误", "年度", "（年份应在1950至2100之间）"),
    "public-blank": ({"公需科目学时数": None}, "REQUIRED_MISSING", "错误", "公需科目学时数", "“公需科目学时数”为必填项"),
    "total-blank": ({"总学时数": None}, "REQUIRED_MISSING", "错误", "总学时数", "“总学时数”为必填项"),
}


@pytest.fixture(scope="module")
def ce_batch(case_batch: Any) -> tuple[Batch, dict[str, int]]:
    cases = {case: dict(cells) for case, cells in ACCEPTED.items()}
    cases |= {case: spec[0] for case, spec in REJECTED.items()}
    return case_batch(SHEET, cases)


@pytest.mark.parametrize("case", list(ACCEPTED))
def test_ce_accepted(ce_batch: Any, case: str) -> None:
    batch, rows = ce_batch
    assert rules_at(batch, rows[case]) == []


@pytest.mark.parametrize("case", [case for case in ACCEPTED if case.startswith("year-")])
def test_ce_year_read(ce_batch: Any, case: str) -> None:
    batch, rows = ce_batch
    frame = batch.sheets[SHEET]
    assert frame.loc[frame["_row"] == rows[case], "年度"].iloc[0] == 2024


@pytest.mark.parametrize("case", list(REJECTED))
def test_ce_rejected(ce_batch: Any, assert_rejected: Any, case: str) -> None:
    batch, rows = ce_batch
    _, rule, severity, column, words = REJECTED[case]
    assert_rejected(batch, SHEET, LETTER, rows[case], rule, column, words, severity)


@pytest.fixture(scope="module")
def year_batch(applicant: Any, load_batch: Any) -> Batch:
    first, second = applicant(1), applicant(2)
    # The first applicant has 2024 twice (once typed as 2024年) and 2023 once.
    rows = first["继续教育"]
    rows += [dict(rows[0], 年度="2024年", 公需科目学时数=10, 专业培训学时数=20, 总学时数=30), dict(rows[0], 年度=2023)]
    # Another applicant with the same year is no duplicate.
    return load_batch(first, second)


@pytest.mark.parametrize("row", [2, 3])
def test_duplicate_year_reported(year_batch: Batch, rule_findings: Any, cell: Any, row: int) -> None:
    found = rule_findings(year_batch, "CE_DUPLICATE_YEAR", row, SHEET)
    assert len(found) == 1
    assert found.at[0, "级别"] == "错误"
    assert cell(year_batch, found.iloc[0]) == f"B{row}"
    assert "2024 年度的继续教育填写了多行" in found.at[0, "说明"]


def test_duplicate_year_other_rows_clean(year_batch: Batch, rule_findings: Any) -> None:
    assert sorted(rule_findings(year_batch, "CE_DUPLICATE_YEAR")["行号"]) == [2, 3]
