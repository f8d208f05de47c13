"""Field rules of 考核情况: result enumeration and one row per year."""

from __future__ import annotations

from typing import Any

import pytest

from zcbatch.batch import Batch

SHEET = "考核情况"
RESULTS = ["优秀", "良好", "合格", "称职", "基本合格", "基本称职", "不合格", "不称职"]
REJECTED = ["良", "优", "通过", "A"]


def rules_at(batch: Batch, row: int) -> list[str]:
    found = batch.findings
    return sorted(found.loc[(found["工作表"] == SHEET) & (found["行号"] == row), "规则"])


@pytest.fixture(scope="module")
def result_batch(case_batch: Any) -> tuple[Batch, dict[str, int]]:
    return case_batch(SHEET, {value: {"考核结果": value} for value in RESULTS + REJECTED})


@pytest.mark.parametrize("value", RESULTS)
def test_result_accepted(result_batch: Any, value: str) -> None:
    batch, rows = result_batch
    assert rules_at(batch, rows[value]) == []


def test_results_read(result_batch: Any) -> None:
    batch, rows = result_batch
    frame = batch.sheets[SHEET].set_index("_row")
    assert [frame.at[rows[value], "考核结果"] for value in RESULTS] == RESULTS


@pytest.mark.parametrize("value", REJECTED)
def test_result_rejected(result_batch: Any, rule_findings: Any, cell: Any, value: str) -> None:
    batch, rows = result_batch
    row = rows[value]
    found = rule_findings(batch, "ENUM_INVALID", row, SHEET)
    assert len(found) == 1
    assert found.at[0, "级别"] == "错误"
    assert cell(batch, found.iloc[0]) == f"C{row}"
    assert f"“{value}”不是“考核结果”的可选值" in found.at[0, "说明"]
    assert rules_at(batch, row) == ["ENUM_INVALID"]


def test_result_required(case_batch: Any, rule_findings: Any, cell: Any) -> None:
    batch, _ = case_batch(SHEET, {"blank": {"考核结果": None}})
    found = rule_findings(batch, "REQUIRED_MISSING", 2, SHEET)
    assert len(found) == 1
    assert cell(batch, found.iloc[0]) == "C2"


@pytest.fixture(scope="module")
def year_batch(applicant: Any, load_batch: Any) -> Batch:
    first, second = applicant(1), applicant(2)
    rows = first["考核情况"]
    rows += [dict(rows[0], 考核结果="优秀"), dict(rows[0], 考核年度=2022)]
    return load_batch(first, second)


@pytest.mark.parametrize("row", [2, 3])
def test_duplicate_year_warned(year_batch: Batch, rule_findings: Any, cell: Any, row: int) -> None:
    found = rule_findings(year_batch, "APPRAISAL_DUPLICATE_YEAR", row, SHEET)
    assert len(found) == 1
    assert found.at[0, "级别"] == "警告"
    assert cell(year_batch, found.iloc[0]) == f"B{row}"
    assert "2023 年度的考核填写了多行" in found.at[0, "说明"]


def test_duplicate_year_other_rows_clean(year_batch: Batch, rule_findings: Any) -> None:
    assert sorted(rule_findings(year_batch, "APPRAISAL_DUPLICATE_YEAR")["行号"]) == [2, 3]


def test_year_header_synonym(applicant: Any, load_batch: Any) -> None:
    person = applicant()
    person["考核情况"] = [{"证件号码": row["证件号码"], "年度": row["考核年度"], "考核结果": row["考核结果"]}
                      for row in person["考核情况"]]
    batch = load_batch(person)
    assert batch.sheets[SHEET]["考核年度"].tolist() == [2023]
