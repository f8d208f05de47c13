"""The terms the rules use: education tier, work years and the earliest date.

The reference date is 2026-06-30 and the application year 2026. The tier is
the highest over the education rows graduated by that date. The work years
count from the later of 参加专业技术工作日期 and the tier's graduation, or
from the 助理级 grant date for a master applying for 中级. The earliest date
is the day the minimum work years are complete. An anniversary of
29 February falls on 1 March in a common year.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from zcbatch.rules.terms import add_years, months_between

from .helpers import applicant, evaluate_applicants, messages, row_of

LEAP_DAY = dt.date(2024, 2, 29)


def education(person: dict, **values) -> dict:
    """Append an education row taken after work started (是否工作前学历 否)."""
    row = {**person["学历信息"][0], "学制": "非全日制", "是否工作前学历": "否", **values}
    person["学历信息"].append(row)
    return person


# --- Tier ---------------------------------------------------------------------
LATER_MASTER = education(applicant(1), 入学时间=dt.date(2021, 9, 1), 毕业时间=dt.date(2024, 6, 30),
                         学历="硕士研究生", 学位="硕士")
MASTER_BY_DEGREE = education(applicant(3), 入学时间=dt.date(2021, 9, 1), 毕业时间=dt.date(2024, 6, 30),
                             学历="大学本科", 学位="硕士")
DOCTOR_BY_DEGREE = education(applicant(5, tier="硕士"), 入学时间=dt.date(2020, 9, 1), 毕业时间=dt.date(2024, 6, 30),
                             学历="硕士研究生", 学位="博士")
MASTER_NOT_YET = education(applicant(7), 入学时间=dt.date(2023, 9, 1), 毕业时间=dt.date(2026, 7, 10),
                           学历="硕士研究生", 学位="硕士")
BELOW_COLLEGE = {
    degree: applicant(9 + 2 * index, level="员级", tier="中专及以下")
    for index, degree in enumerate(["中等专科", "技工学校", "高中", "初中及以下"])
}
for degree, person in BELOW_COLLEGE.items():
    person["学历信息"][0]["学历"] = degree
JUNIOR_COLLEGE = applicant(19, level="员级", tier="大专")
TWO_BACHELORS = education(applicant(21, graduation=dt.date(2016, 6, 30), work_start=dt.date(2016, 7, 1)),
                          入学时间=dt.date(2018, 3, 1), 毕业时间=dt.date(2020, 6, 30), 学历="大学本科", 学位="学士")

# --- Work years and the earliest date -------------------------------------------
SEVEN_YEARS = applicant(31, work_start=dt.date(2018, 7, 1))
BACHELOR_LEAP = applicant(33, tier="本科", graduation=dt.date(2023, 6, 30), work_start=LEAP_DAY)
COLLEGE_LEAP = applicant(35, tier="大专", graduation=dt.date(2023, 6, 30), work_start=LEAP_DAY)
SECONDARY_LEAP = applicant(37, tier="中专及以下", graduation=dt.date(2023, 6, 30), work_start=LEAP_DAY)
STAFF_LEAP = applicant(39, level="员级", tier="大专", graduation=dt.date(2019, 6, 30), work_start=dt.date(2020, 2, 29))
DOCTOR_LEAP = applicant(41, tier="博士", graduation=dt.date(2023, 6, 30), work_start=LEAP_DAY)
MASTER_GRANT_LEAP = applicant(43, level="中级", tier="硕士", grant_date=LEAP_DAY)
MONTH_END = applicant(45, graduation=dt.date(2022, 6, 30), work_start=dt.date(2025, 10, 31))
LATER_BACHELOR = education(applicant(47, tier="大专", graduation=dt.date(2016, 6, 30), work_start=dt.date(2016, 7, 1)),
                           入学时间=dt.date(2023, 3, 1), 毕业时间=dt.date(2025, 12, 31), 学历="大学本科", 学位="学士")
CLOSED_ROUTE = applicant(49, level="中级", tier="本科")

CASES = [
    LATER_MASTER, MASTER_BY_DEGREE, DOCTOR_BY_DEGREE, MASTER_NOT_YET, *BELOW_COLLEGE.values(), JUNIOR_COLLEGE,
    TWO_BACHELORS, SEVEN_YEARS, BACHELOR_LEAP, COLLEGE_LEAP, SECONDARY_LEAP, STAFF_LEAP, DOCTOR_LEAP,
    MASTER_GRANT_LEAP, MONTH_END, LATER_BACHELOR, CLOSED_ROUTE,
]


@pytest.fixture(scope="module")
def result(tmp_path_factory):
    return evaluate_applicants(tmp_path_factory.mktemp("terms"), CASES, year=2026, date=dt.date(2026, 6, 30))


def value(result, person, column):
    found = row_of(result, person)[column]
    return found.date() if isinstance(found, pd.Timestamp) else found


@pytest.mark.parametrize("person, tier", [
    (LATER_MASTER, "硕士"),
    (MASTER_BY_DEGREE, "硕士"),
    (DOCTOR_BY_DEGREE, "博士"),
    (MASTER_NOT_YET, "本科"),
    (JUNIOR_COLLEGE, "大专"),
    *[(person, "中专及以下") for person in BELOW_COLLEGE.values()],
], ids=["later-master", "master-by-degree", "doctor-by-degree", "master-not-yet", "junior-college",
        *BELOW_COLLEGE])
def test_education_tier(result, person, tier):
    assert value(result, person, "学历层次") == tier


def test_tier_graduation_is_earliest_of_tier(result):
    assert value(result, TWO_BACHELORS, "学历层次毕业时间") == dt.date(2016, 6, 30)


def test_later_tier_graduation_recorded(result):
    assert value(result, LATER_MASTER, "学历层次毕业时间") == dt.date(2024, 6, 30)


def test_initial_graduation_recorded(result):
    assert value(result, LATER_MASTER, "初始学历毕业时间") == dt.date(2018, 6, 30)


def test_work_years_text(result):
    assert value(result, SEVEN_YEARS, "工作年限") == "7年11个月"


def test_whole_work_years(result):
    assert value(result, SEVEN_YEARS, "计算工作年限") == 7


@pytest.mark.parametrize("person, start", [
    (LATER_MASTER, dt.date(2024, 6, 30)),
    (SEVEN_YEARS, dt.date(2018, 7, 1)),
    (MASTER_GRANT_LEAP, LEAP_DAY),
    (LATER_BACHELOR, dt.date(2025, 12, 31)),
], ids=["later-master", "work-start", "master-grant", "later-bachelor"])
def test_work_years_count_from(result, person, start):
    assert value(result, person, "工作年限起算日期") == start


@pytest.mark.parametrize("person, earliest", [
    (BACHELOR_LEAP, dt.date(2025, 3, 1)),
    (COLLEGE_LEAP, dt.date(2027, 3, 1)),
    (SECONDARY_LEAP, dt.date(2029, 3, 1)),
    (STAFF_LEAP, dt.date(2021, 3, 1)),
    (DOCTOR_LEAP, LEAP_DAY),
    (MASTER_GRANT_LEAP, dt.date(2026, 3, 1)),
    (MONTH_END, dt.date(2026, 10, 31)),
    (LATER_BACHELOR, dt.date(2026, 12, 31)),
    (SEVEN_YEARS, dt.date(2019, 7, 1)),
], ids=["bachelor-leap", "college-leap", "secondary-leap", "staff-leap", "doctor-leap", "master-grant-leap",
        "month-end", "later-bachelor", "seven-years"])
def test_earliest_date(result, person, earliest):
    assert value(result, person, "最早满足日期") == earliest


def test_closed_route_has_no_earliest_date(result):
    assert pd.isna(row_of(result, CLOSED_ROUTE)["最早满足日期"])


def test_leap_day_shortfall_message(result):
    assert messages(result, "MIN_WORK_YEARS", COLLEGE_LEAP) == [
        "大专学历申报助理级需从事专业技术工作满 3 年，现为 2 年 4 个月，最早 2027-03-01 满足。"
    ]


def test_later_graduation_shortfall_message(result):
    assert messages(result, "MIN_WORK_YEARS", LATER_BACHELOR) == [
        "本科学历申报助理级需从事专业技术工作满 1 年，现为 0 年 5 个月，最早 2026-12-31 满足。"
    ]


@pytest.mark.parametrize("end, months", [
    ("2025-02-28", 11), ("2025-03-01", 12), ("2028-02-28", 47), ("2028-02-29", 48),
])
def test_months_from_leap_day(end, months):
    assert months_between(pd.Series(pd.to_datetime(["2024-02-29"])), pd.Timestamp(end)).tolist() == [months]


@pytest.mark.parametrize("years, anniversary", [(1, "2025-03-01"), (3, "2027-03-01"), (4, "2028-02-29")])
def test_leap_day_anniversary(years, anniversary):
    assert add_years(pd.Series(pd.to_datetime(["2024-02-29"])), years).tolist() == [pd.Timestamp(anniversary)]


@pytest.mark.parametrize("start, years, anniversary", [
    # 1677-09-01 is before the first nanosecond timestamp, but the 25th is after it.
    ("1677-09-25", 5, "1682-09-25"),
    ("2021-11-30 13:45", 1, "2022-11-30 13:45"),
    ("2260-01-31", 2, "2262-01-31"),
])
def test_anniversary_near_range_ends(start, years, anniversary):
    starts = pd.Series([pd.Timestamp(start)], dtype="datetime64[ns]")
    assert add_years(starts, years).tolist() == [pd.Timestamp(anniversary)]


def test_anniversary_past_2262_blank():
    starts = pd.Series([pd.Timestamp("2262-03-05")], dtype="datetime64[ns]")
    assert add_years(starts, 1).isna().tolist() == [True]
