"""Field rules of 工作经历: 工作内容, period order and overlapping periods."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from zcbatch.batch import Batch

SHEET = "工作经历"
# Builder order: 证件号码, 开始日期, 工作单位, 行政职务, 工作内容; 结束日期 comes last when a case adds it.
LETTER = {"开始日期": "B", "工作内容": "E", "结束日期": "F"}


def rules_at(batch: Batch, row: int) -> list[str]:
    found = batch.findings
    return sorted(found.loc[(found["工作表"] == SHEET) & (found["行号"] == row), "规则"])


ACCEPTED: dict[str, dict[str, Any]] = {
    "content-500-characters": {"工作内容": "设" * 500},
    "end-equals-start": {"结束日期": dt.date(2021, 7, 1)},
    "end-after-start": {"结束日期": dt.date(2023, 12, 31)},
    "end-blank-is-ongoing": {"结束日期": None},
}
REJECTED: dict[str, tuple[dict[str, Any], str, str, str]] = {
    "content-blank": ({"工作内容": None}, "REQUIRED_MISSING", "工作内容", "“工作内容”为必填项，当前为空"),
    "content-spaces": ({"工作内容": "\u3000 "}, "REQUIRED_MISSING", "工作内容", "“工作内容”为必填项，当前为空"),
    "content-501-characters": ({"工作内容": "设" * 501}, "TEXT_TOO_LONG", "工作内容",
                               "“工作内容”限 500 字，现为 501 字，超出 1 字"),
    "end-before-start": ({"结束日期": dt.date(2021, 6, 30)}, "WORK_DATES_ORDER", "结束日期",
                         "结束日期 2021-06-30 早于开始日期 2021-07-01"),
    "start-blank": ({"开始日期": None}, "REQUIRED_MISSING", "开始日期", "“开始日期”为必填项"),
}


@pytest.fixture(scope="module")
def work_batch(case_batch: Any) -> tuple[Batch, dict[str, int]]:
    cases = {case: dict(cells) for case, cells in ACCEPTED.items()}
    cases |= {case: spec[0] for case, spec in REJECTED.items()}
    return case_batch(SHEET, cases)


@pytest.mark.parametrize("case", list(ACCEPTED))
def test_work_accepted(work_batch: Any, case: str) -> None:
    batch, rows = work_batch
    assert rules_at(batch, rows[case]) == []


@pytest.mark.parametrize("case", list(REJECTED))
def test_work_rejected(work_batch: Any, assert_rejected: Any, case: str) -> None:
    batch, rows = work_batch
    _, rule, column, words = REJECTED[case]
    assert_rejected(batch, SHEET, LETTER, rows[case], rule, column, words)


# --- Overlapping periods -------------------------------------------------------------------


def periods(*spans: tuple[dt.date, dt.date | None]) -> list[dict[str, Any]]:
    """Return work rows of one applicant (ID filled in later) for (start, end) spans."""
    return [{"开始日期": start, "结束日期": end, "工作单位": "某公司", "工作内容": "技术工作。"} for start, end in spans]


OVERLAP_CASES: dict[str, tuple[list[tuple[dt.date, dt.date | None]], list[int]]] = {
    # spans, positions (0-based, in sheet order) expected to be reported
    "consecutive": ([(dt.date(2019, 7, 1), dt.date(2021, 6, 30)), (dt.date(2021, 7, 1), None)], []),
    "overlap-one-month": ([(dt.date(2019, 7, 1), dt.date(2021, 6, 30)), (dt.date(2021, 6, 1), None)], [1]),
    "overlap-rows-reversed": ([(dt.date(2021, 6, 1), None), (dt.date(2019, 7, 1), dt.date(2021, 6, 30))], [0]),
    "ongoing-then-new": ([(dt.date(2019, 7, 1), None), (dt.date(2021, 7, 1), dt.date(2022, 7, 1))], [1]),
    "nested": ([(dt.date(2015, 1, 1), dt.date(2023, 1, 1)), (dt.date(2018, 1, 1), dt.date(2019, 1, 1)),
                (dt.date(2020, 1, 1), dt.date(2021, 1, 1))], [1, 2]),
}


@pytest.fixture(scope="module")
def overlap_batch(applicant: Any, load_batch: Any) -> tuple[Batch, dict[str, list[int]]]:
    people = []
    rows: dict[str, list[int]] = {}
    next_row = 2
    for position, (case, (spans, _)) in enumerate(OVERLAP_CASES.items(), start=1):
        person = applicant(position)
        number = person["个人信息"][0]["证件号码"]
        person["工作经历"] = [{"证件号码": number, **row} for row in periods(*spans)]
        rows[case] = list(range(next_row, next_row + len(spans)))
        next_row += len(spans)
        people.append(person)
    return load_batch(*people), rows


@pytest.mark.parametrize("case", list(OVERLAP_CASES))
def test_overlap_rows(overlap_batch: Any, rule_findings: Any, case: str) -> None:
    batch, rows = overlap_batch
    expected = [rows[case][position] for position in OVERLAP_CASES[case][1]]
    found = rule_findings(batch, "WORK_OVERLAP", sheet=SHEET)
    assert sorted(found.loc[found["行号"].isin(rows[case]), "行号"]) == expected


def test_overlap_is_warning(overlap_batch: Any, rule_findings: Any, cell: Any) -> None:
    batch, rows = overlap_batch
    found = rule_findings(batch, "WORK_OVERLAP", rows["overlap-one-month"][1], SHEET)
    assert len(found) == 1
    assert found.at[0, "级别"] == "警告"
    assert cell(batch, found.iloc[0]) == f"B{rows['overlap-one-month'][1]}"
    assert "开始日期 2021-06-01 早于同一申请人上一段工作经历的结束日期" in found.at[0, "说明"]


def test_overlap_only_within_applicant(applicant: Any, load_batch: Any, rule_findings: Any) -> None:
    first, second = applicant(1), applicant(2)
    second["工作经历"][0]["开始日期"] = dt.date(2018, 1, 1)
    batch = load_batch(first, second)
    assert rule_findings(batch, "WORK_OVERLAP").empty


def test_end_typed_ongoing_accepted(case_batch: Any) -> None:
    batch, rows = case_batch(SHEET, {"ongoing": {"结束日期": "至今"}})
    assert rules_at(batch, rows["ongoing"]) == []
