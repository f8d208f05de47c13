"""拟聘任时间 of an approved applicant.

It is not the entry date of the current job (an error), not before the
earliest date on which the applicant meets the conditions (an error), and
normally in the application month (a warning otherwise). The application
month here is June 2026: reference date 2026-06-30.
"""

from __future__ import annotations

import datetime as dt

import pytest

from eligibility.helpers import applicant, evaluate_applicants, findings_of, messages, row_of, unit_info

APPOINTMENT_RULES = ("APPOINT_DATE_ENTRY", "APPOINT_DATE_EARLY", "APPOINT_DATE_MONTH", "APPOINT_DATE_MISSING")


def approved(number: int, appointment: dt.date | None, decision: str = "通过", **dates) -> dict:
    person = applicant(number, **dates)
    person["单位审核"] = [{"审核结果": decision, "审批意见": "同意聘任。", "拟聘任时间": appointment}]
    return person


IN_MONTH = approved(1, dt.date(2026, 6, 30))

# Professional work since 2018; the current job started on 2026-06-01.
ON_ENTRY = approved(3, dt.date(2026, 6, 1))
ON_ENTRY["工作经历"] = [
    {**ON_ENTRY["工作经历"][0], "结束日期": dt.date(2026, 5, 31)},
    {**ON_ENTRY["工作经历"][0], "开始日期": dt.date(2026, 6, 1), "工作单位": "另一家机械（天津）有限公司"},
]
# A two-week job entered on 2026-06-01 ended before the current one began:
# only the current job's entry date is checked.
ON_EARLIER_ENTRY = approved(5, dt.date(2026, 6, 1))
ON_EARLIER_ENTRY["工作经历"] = [
    {**ON_EARLIER_ENTRY["工作经历"][0], "结束日期": dt.date(2026, 5, 31)},
    {**ON_EARLIER_ENTRY["工作经历"][0], "开始日期": dt.date(2026, 6, 1), "结束日期": dt.date(2026, 6, 14)},
    {**ON_EARLIER_ENTRY["工作经历"][0], "开始日期": dt.date(2026, 6, 15)},
]

# 本科, work since 2025-06-15: the year of work is complete on 2026-06-15.
BEFORE_EARLIEST = approved(7, dt.date(2026, 6, 10), graduation=dt.date(2025, 6, 10), work_start=dt.date(2025, 6, 15))
ON_EARLIEST = approved(9, dt.date(2026, 6, 15), graduation=dt.date(2025, 6, 10), work_start=dt.date(2025, 6, 15))
PREVIOUS_MONTH = approved(11, dt.date(2026, 5, 29))
SAME_MONTH_LAST_YEAR = approved(13, dt.date(2025, 6, 30))
NO_DATE = approved(15, None)
REJECTED_EARLY = approved(17, dt.date(2020, 1, 1), decision="不通过")

CASES = [IN_MONTH, ON_ENTRY, ON_EARLIER_ENTRY, BEFORE_EARLIEST, ON_EARLIEST, PREVIOUS_MONTH, SAME_MONTH_LAST_YEAR,
         NO_DATE, REJECTED_EARLY]


@pytest.fixture(scope="module")
def result(tmp_path_factory):
    return evaluate_applicants(tmp_path_factory.mktemp("appointment"), CASES, year=2026, date=dt.date(2026, 6, 30),
                               unit=unit_info())


def appointment_rules(result, person) -> list[str]:
    return sorted(rule for rule in APPOINTMENT_RULES if messages(result, rule, person))


def test_date_in_month_passes(result):
    assert appointment_rules(result, IN_MONTH) == []


def test_date_on_entry(result):
    assert messages(result, "APPOINT_DATE_ENTRY", ON_ENTRY) == [
        "拟聘任时间 2026-06-01 与现工作单位的入职时间相同。聘任时间不是入职时间，应为申请人满足聘任条件后单位同意聘任的日期。"
    ]


def test_date_on_entry_status(result):
    assert row_of(result, ON_ENTRY)["状态"] == "数据错误"


def test_earlier_job_entry_allowed(result):
    assert appointment_rules(result, ON_EARLIER_ENTRY) == []


def test_date_before_earliest(result):
    assert messages(result, "APPOINT_DATE_EARLY", BEFORE_EARLIEST) == [
        "拟聘任时间 2026-06-10 早于最早满足条件日期 2026-06-15。请改为满足条件之后的日期。"
    ]


def test_date_on_earliest_passes(result):
    assert appointment_rules(result, ON_EARLIEST) == []


def test_date_in_previous_month(result):
    assert messages(result, "APPOINT_DATE_MONTH", PREVIOUS_MONTH) == [
        "拟聘任时间 2026-05-29 不在申报当月（2026年6月）。聘任时间一般为申报当月的日期，请确认。"
    ]


def test_same_month_other_year(result):
    assert messages(result, "APPOINT_DATE_MONTH", SAME_MONTH_LAST_YEAR) == [
        "拟聘任时间 2025-06-30 不在申报当月（2026年6月）。聘任时间一般为申报当月的日期，请确认。"
    ]


def test_other_month_is_warning(result):
    assert findings_of(result, "APPOINT_DATE_MONTH", PREVIOUS_MONTH)["级别"].tolist() == ["警告"]


def test_date_missing(result):
    assert messages(result, "APPOINT_DATE_MISSING", NO_DATE) == [
        "审核通过，但未填写拟聘任时间。公示文件须标明聘任时间，一般为申报当月的日期。"
    ]


def test_rejected_not_checked(result):
    assert appointment_rules(result, REJECTED_EARLY) == []
