"""Publicity (公示) lasts at least five working days.

Working days follow the official calendar of statutory holidays and make-up
working days (调休上班) as the installed chinesecalendar 1.11 package
records it, which covers the years up to 2026. The periods below are real:

- National Day 2024: holidays 10-01 to 10-07, make-up days Sunday 09-29 and
  Saturday 10-12.
- Spring Festival 2026: holidays 02-15 to 02-23, make-up days Saturday 02-14
  and Saturday 02-28.
- National Day 2025 (with Mid-Autumn): holidays 10-01 to 10-08, make-up
  days Sunday 09-28 and Saturday 10-11.

A period in a year the calendar does not cover is reported, not guessed.
"""

from __future__ import annotations

import datetime as dt

import chinese_calendar
import pytest

from zcbatch.rules.review import CalendarNotCovered, count_workdays

from eligibility.helpers import applicant, evaluate_applicants, unit_info

PUBLICITY_RULES = {"PUBLICITY_MISSING", "PUBLICITY_ORDER", "PUBLICITY_WORKDAYS", "PUBLICITY_CALENDAR"}


@pytest.mark.parametrize("start, end, workdays", [
    (dt.date(2024, 9, 30), dt.date(2024, 10, 8), 2),
    (dt.date(2024, 9, 30), dt.date(2024, 10, 12), 6),
    (dt.date(2024, 9, 29), dt.date(2024, 10, 12), 7),
    (dt.date(2024, 10, 8), dt.date(2024, 10, 12), 5),
    (dt.date(2026, 2, 12), dt.date(2026, 2, 25), 5),
    (dt.date(2026, 2, 13), dt.date(2026, 2, 25), 4),
    (dt.date(2026, 2, 14), dt.date(2026, 2, 28), 6),
    (dt.date(2025, 9, 28), dt.date(2025, 10, 11), 6),
    (dt.date(2026, 6, 1), dt.date(2026, 6, 5), 5),
    (dt.date(2026, 6, 6), dt.date(2026, 6, 7), 0),
], ids=["national-day-2024", "to-makeup-saturday", "both-makeup-days", "after-national-day", "spring-festival-2026",
        "spring-festival-short", "spring-festival-makeups", "national-day-2025", "plain-week", "weekend"])
def test_count_workdays(start, end, workdays):
    assert count_workdays(start, end) == workdays


def test_calendar_lacks_2027():
    # Guards the tests below: they need a year the installed calendar lacks.
    assert max(day.year for day in chinese_calendar.holidays) == 2026


def test_count_workdays_uncovered_year():
    with pytest.raises(CalendarNotCovered):
        count_workdays(dt.date(2027, 1, 11), dt.date(2027, 1, 15))


def approved() -> dict:
    person = applicant(1)
    person["单位审核"] = [{"审核结果": "通过", "审批意见": "同意聘任。", "拟聘任时间": dt.date(2026, 6, 30)}]
    return person


def publicity_findings(tmp_path, **dates) -> list[tuple[str, str, str]]:
    result = evaluate_applicants(tmp_path, approved(), unit=unit_info(**dates))
    findings = result.findings[result.findings["规则"].isin(PUBLICITY_RULES)]
    return sorted(zip(findings["规则"], findings["级别"], findings["说明"]))


SHORT = "只有 {count} 个工作日（已扣除法定节假日、计入调休上班日），不得少于 5 个工作日。"
UNCOVERED = ("节假日日历只覆盖到 2026 年，无法计算 {start} 至 {end} 的工作日数。"
             "请按国务院办公厅公布的放假安排人工核对公示期不少于 5 个工作日，或升级 chinesecalendar。")

CASES = {
    "national-day-2024-short": ((dt.date(2024, 9, 30), dt.date(2024, 10, 8)), [
        ("PUBLICITY_WORKDAYS", "错误",
         "公示期 2024-09-30 至 2024-10-08 " + SHORT.format(count=2) + "最早可于 2024-10-11 结束。"),
    ]),
    "national-day-2024-enough": ((dt.date(2024, 10, 8), dt.date(2024, 10, 12)), []),
    "spring-festival-2026-enough": ((dt.date(2026, 2, 12), dt.date(2026, 2, 25)), []),
    "spring-festival-2026-short": ((dt.date(2026, 2, 13), dt.date(2026, 2, 25)), [
        ("PUBLICITY_WORKDAYS", "错误",
         "公示期 2026-02-13 至 2026-02-25 " + SHORT.format(count=4) + "最早可于 2026-02-26 结束。"),
    ]),
    "within-2027": ((dt.date(2027, 1, 11), dt.date(2027, 1, 15)), [
        ("PUBLICITY_CALENDAR", "警告", UNCOVERED.format(start="2027-01-11", end="2027-01-15")),
    ]),
    "into-2027": ((dt.date(2026, 12, 28), dt.date(2027, 1, 8)), [
        ("PUBLICITY_CALENDAR", "警告", UNCOVERED.format(start="2026-12-28", end="2027-01-08")),
    ]),
    # Three working days at the end of 2026: the earliest end falls in 2027,
    # which the calendar cannot tell.
    "short-at-end-of-2026": ((dt.date(2026, 12, 28), dt.date(2026, 12, 30)), [
        ("PUBLICITY_WORKDAYS", "错误",
         "公示期 2026-12-28 至 2026-12-30 " + SHORT.format(count=3)
         + "节假日日历只覆盖到 2026 年，最早结束日期请按国务院办公厅公布的放假安排人工推算。"),
    ]),
    "end-before-start": ((dt.date(2026, 6, 5), dt.date(2026, 6, 1)), [
        ("PUBLICITY_ORDER", "错误", "公示结束日期 2026-06-01 早于开始日期 2026-06-05。请核对。"),
    ]),
}


@pytest.mark.parametrize("period, expected", CASES.values(), ids=CASES.keys())
def test_publicity(tmp_path, period, expected):
    start, end = period
    assert publicity_findings(tmp_path, 公示开始日期=start, 公示结束日期=end) == expected


def test_publicity_end_missing(tmp_path):
    assert publicity_findings(tmp_path, 公示结束日期=None) == [
        ("PUBLICITY_MISSING", "错误", "有审核通过的申请人，但单位信息中未填写公示结束日期。公示期不得少于 5 个工作日，请补充。"),
    ]
