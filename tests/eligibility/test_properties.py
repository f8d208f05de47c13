"""Monotonicity properties of the eligibility rules, checked with Hypothesis.

- More continuing-education hours never make an applicant's status worse.
- More passing appraisal years (a missing year added, or a failing result
  replaced by a passing one) never make an applicant's status worse.
- A later reference date never makes MIN_WORK_YEARS fail where it passed
  at an earlier date. The education tier stays the same, because every
  applicant of the pool graduated before the dates drawn.

Each example writes one workbook holding a few (before, after) pairs of
applicants, so one read covers several comparisons. Statuses are ranked
可聘任 < 需补充材料 < 不符合条件 < 数据错误.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zcbatch.evaluate import evaluate

from .helpers import appraisal_row, applicant, ce_row, evaluate_applicants, read_applicants, row_of

YEAR = 2026
DATE = dt.date(2026, 6, 30)
STATUS_RANK = {"可聘任": 0, "需补充材料": 1, "不符合条件": 2, "数据错误": 3}
OPEN_ROUTES = [
    ("员级", "大专"), ("员级", "中专及以下"),
    ("助理级", "博士"), ("助理级", "硕士"), ("助理级", "本科"), ("助理级", "大专"), ("助理级", "中专及以下"),
    ("中级", "博士"), ("中级", "硕士"),
]
WORK_STARTS = [dt.date(2018, 7, 1), dt.date(2023, 7, 1), dt.date(2025, 7, 1)]
RESULTS = ["优秀", "良好", "合格", "称职", "基本合格", "基本称职", "不合格", "不称职"]
PASSING = ["优秀", "良好", "合格", "称职"]
PROPERTY_SETTINGS = settings(max_examples=20, deadline=None, database=None)

routes = st.sampled_from(OPEN_ROUTES)
work_starts = st.sampled_from(WORK_STARTS)


def statuses(pairs: list[tuple[dict, dict]]) -> list[tuple[str, str]]:
    """Evaluate every applicant of the pairs in one workbook; return (before, after) statuses."""
    with tempfile.TemporaryDirectory() as folder:
        people = [person for pair in pairs for person in pair]
        result = evaluate_applicants(Path(folder), people, year=YEAR, date=DATE)
    return [(row_of(result, before)["状态"], row_of(result, after)["状态"]) for before, after in pairs]


def worsened(pairs: list[tuple[dict, dict]]) -> list[tuple[str, str]]:
    return [pair for pair in statuses(pairs) if STATUS_RANK[pair[1]] > STATUS_RANK[pair[0]]]


# --- Continuing-education hours ---------------------------------------------------

# Hours of one year: None for a missing row, else (公需, 专业).
ce_years = st.lists(st.none() | st.tuples(st.integers(0, 60), st.integers(0, 120)), min_size=5, max_size=5)
ce_extra = st.lists(st.tuples(st.integers(0, 40), st.integers(0, 80)), min_size=5, max_size=5)
ce_pair = st.tuples(routes, work_starts, ce_years, ce_extra)


def ce_applicants(index: int, spec) -> tuple[dict, dict]:
    (level, tier), work_start, hours, extra = spec
    before = applicant(2 * index + 1, level=level, tier=tier, work_start=work_start, year=YEAR, date=DATE)
    after = applicant(2 * index + 2, level=level, tier=tier, work_start=work_start, year=YEAR, date=DATE)
    before["继续教育"] = [ce_row(YEAR - offset, *year_hours) for offset, year_hours in enumerate(hours) if year_hours]
    # A missing year stays missing or gets the extra hours alone.
    after["继续教育"] = [
        ce_row(YEAR - offset, (year_hours or (0, 0))[0] + add[0], (year_hours or (0, 0))[1] + add[1])
        for offset, (year_hours, add) in enumerate(zip(hours, extra)) if year_hours or any(add)
    ]
    return before, after


@PROPERTY_SETTINGS
@given(st.lists(ce_pair, min_size=1, max_size=3))
def test_more_hours_never_worse(specs):
    assert worsened([ce_applicants(index, spec) for index, spec in enumerate(specs)]) == []


# --- Appraisal years ----------------------------------------------------------------

# Results of the six years ending at YEAR - 1: None for a missing row.
appraisal_years = st.lists(st.none() | st.sampled_from(RESULTS), min_size=6, max_size=6)
# Per year: whether the "after" applicant gets a passing result there, and which one.
improvements = st.lists(st.tuples(st.booleans(), st.sampled_from(PASSING)), min_size=6, max_size=6)
appraisal_pair = st.tuples(routes, work_starts, appraisal_years, improvements)


def appraisal_applicants(index: int, spec) -> tuple[dict, dict]:
    (level, tier), work_start, results, better = spec
    before = applicant(2 * index + 1, level=level, tier=tier, work_start=work_start, year=YEAR, date=DATE)
    after = applicant(2 * index + 2, level=level, tier=tier, work_start=work_start, year=YEAR, date=DATE)
    before["考核情况"] = [appraisal_row(YEAR - 1 - offset, result) for offset, result in enumerate(results) if result]
    after_results = [
        passing if improve and (result is None or result not in PASSING) else result
        for result, (improve, passing) in zip(results, better)
    ]
    after["考核情况"] = [appraisal_row(YEAR - 1 - offset, result) for offset, result in enumerate(after_results) if result]
    return before, after


@PROPERTY_SETTINGS
@given(st.lists(appraisal_pair, min_size=1, max_size=3))
def test_more_passing_years_never_worse(specs):
    assert worsened([appraisal_applicants(index, spec) for index, spec in enumerate(specs)]) == []


# --- Reference date -----------------------------------------------------------------

# Start dates that stress the whole-year count: a leap day, month ends, a
# first of the month. Every applicant graduated on 2023-06-30 or earlier.
POOL_STARTS = [dt.date(2024, 2, 29), dt.date(2023, 1, 31), dt.date(2022, 12, 31), dt.date(2021, 3, 1),
               dt.date(2023, 8, 31), dt.date(2019, 7, 1)]


def pool() -> list[dict]:
    people = []
    for route_index, (level, tier) in enumerate(OPEN_ROUTES):
        for start_index, start in enumerate(POOL_STARTS):
            number = 2 * (route_index * len(POOL_STARTS) + start_index) + 1
            people.append(applicant(number, level=level, tier=tier, graduation=dt.date(2016, 6, 30), work_start=start,
                                    grant_date=start, year=YEAR, date=DATE))
    return people


@pytest.fixture(scope="module")
def pool_batch(tmp_path_factory):
    return read_applicants(tmp_path_factory.mktemp("pool"), pool())


@settings(max_examples=40, deadline=None, database=None)
@given(earlier=st.dates(dt.date(2023, 7, 1), dt.date(2029, 12, 31)), days=st.integers(0, 2000))
def test_later_date_never_fails_work_years(pool_batch, earlier, days):
    later = earlier + dt.timedelta(days=days)
    assert failing_keys(pool_batch, later) - failing_keys(pool_batch, earlier) == set()


def failing_keys(batch, date: dt.date) -> set[str]:
    findings = evaluate(batch, year=date.year, date=date).findings
    return set(findings.loc[findings["规则"] == "MIN_WORK_YEARS", "_key"])
