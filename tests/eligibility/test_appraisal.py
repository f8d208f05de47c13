"""Annual appraisals: the years required per tier, and passing results.

Application year Y = 2026, reference date 2026-06-30; the window ends at
Y − 1 = 2025 because the current year's appraisal is normally not done yet.
Years required: 博士 and 硕士 one year once they have worked a whole year and
none before; 本科 1; 大专 3; 中专 and below 5. Passing results are 优秀, 良好,
合格 and 称职.
"""

from __future__ import annotations

import datetime as dt

import pytest

from .helpers import appraisal_row, applicant, evaluate_applicants, findings_of, messages, row_of

YEAR = 2026
WINDOWS = {
    ("助理级", "博士"): [2025],
    ("助理级", "硕士"): [2025],
    ("中级", "博士"): [2025],
    ("中级", "硕士"): [2025],
    ("助理级", "本科"): [2025],
    ("助理级", "大专"): [2025, 2024, 2023],
    ("助理级", "中专及以下"): [2025, 2024, 2023, 2022, 2021],
    ("员级", "大专"): [2025, 2024, 2023],
}
IDS = ["-".join(pair) for pair in WINDOWS]


def with_years(number: int, level: str, tier: str, years: list[int], **dates) -> dict:
    person = applicant(number, level=level, tier=tier, year=YEAR, **dates)
    person["考核情况"] = [appraisal_row(year) for year in years]
    return person


EXACT = {}
OLDEST_MISSING = {}
NEWEST_MISSING = {}
for index, ((level, tier), window) in enumerate(WINDOWS.items()):
    # The exact window, plus failing results for the application year and
    # for the year before the window, neither of which counts.
    EXACT[level, tier] = with_years(100 + 2 * index, level, tier, window)
    EXACT[level, tier]["考核情况"] += [appraisal_row(YEAR, "不合格"), appraisal_row(window[-1] - 1, "不合格")]
    OLDEST_MISSING[level, tier] = with_years(200 + 2 * index, level, tier, window[:-1])
    NEWEST_MISSING[level, tier] = with_years(300 + 2 * index, level, tier, window[1:])

# 博士 and 硕士 who graduated on 2025-06-30: starting the next day they have
# 0 years 11 months of work on the reference date, starting the same day
# exactly one year.
NEW_GRADUATE = dt.date(2025, 6, 30)
SHORT_OF_YEAR = {
    (level, tier): with_years(400 + 2 * index, level, tier, [], graduation=NEW_GRADUATE, work_start=dt.date(2025, 7, 1))
    for index, (level, tier) in enumerate([("助理级", "博士"), ("助理级", "硕士"), ("中级", "博士")])
}
FULL_YEAR = {
    (level, tier): with_years(450 + 2 * index, level, tier, [], graduation=NEW_GRADUATE, work_start=NEW_GRADUATE)
    for index, (level, tier) in enumerate([("助理级", "博士"), ("助理级", "硕士"), ("中级", "博士")])
}

PASSING = ["优秀", "良好", "合格", "称职"]
FAILING = ["基本合格", "基本称职", "不合格", "不称职"]
RESULTS = {result: with_years(500 + 2 * index, "助理级", "本科", []) for index, result in enumerate(PASSING + FAILING)}
for result_text, person in RESULTS.items():
    person["考核情况"] = [appraisal_row(2025, result_text)]

# 大专: the middle year of three is 基本合格.
MIDDLE_YEAR_FAILING = with_years(601, "助理级", "大专", [2025, 2023])
MIDDLE_YEAR_FAILING["考核情况"].insert(1, appraisal_row(2024, "基本合格"))


@pytest.fixture(scope="module")
def result(tmp_path_factory):
    people = [*EXACT.values(), *OLDEST_MISSING.values(), *NEWEST_MISSING.values(), *SHORT_OF_YEAR.values(),
              *FULL_YEAR.values(), *RESULTS.values(), MIDDLE_YEAR_FAILING]
    return evaluate_applicants(tmp_path_factory.mktemp("appraisal"), people, year=YEAR, date=dt.date(2026, 6, 30))


def missing_message(year: int, count: int) -> str:
    return f"考核情况表缺少 {year} 年度的考核结果。该学历层次须有近 {count} 年的考核，请补充。"


def failing_message(year: int, result_text: str) -> str:
    return f"{year} 年度考核结果为“{result_text}”，只有优秀、良好、合格、称职计为合格。"


@pytest.mark.parametrize("pair", list(WINDOWS), ids=IDS)
def test_exact_window_has_no_finding(result, pair):
    person = EXACT[pair]
    assert messages(result, "APPRAISAL_MISSING_YEAR", person) + messages(result, "APPRAISAL_NOT_PASSING", person) == []


@pytest.mark.parametrize("pair", list(WINDOWS), ids=IDS)
def test_exact_window_is_eligible(result, pair):
    assert row_of(result, EXACT[pair])["状态"] == "可聘任"


@pytest.mark.parametrize("pair", list(WINDOWS), ids=IDS)
def test_required_year_count(result, pair):
    assert row_of(result, EXACT[pair])["要求考核年数"] == len(WINDOWS[pair])


@pytest.mark.parametrize("pair", list(WINDOWS), ids=IDS)
def test_oldest_year_missing(result, pair):
    window = WINDOWS[pair]
    assert messages(result, "APPRAISAL_MISSING_YEAR", OLDEST_MISSING[pair]) == [missing_message(window[-1], len(window))]


@pytest.mark.parametrize("pair", list(WINDOWS), ids=IDS)
def test_last_year_missing(result, pair):
    window = WINDOWS[pair]
    assert messages(result, "APPRAISAL_MISSING_YEAR", NEWEST_MISSING[pair]) == [missing_message(2025, len(window))]


@pytest.mark.parametrize("pair", list(WINDOWS), ids=IDS)
def test_missing_year_is_ineligible(result, pair):
    assert row_of(result, OLDEST_MISSING[pair])["状态"] == "不符合条件"


@pytest.mark.parametrize("pair", list(SHORT_OF_YEAR), ids=["-".join(pair) for pair in SHORT_OF_YEAR])
def test_under_a_year_needs_none(result, pair):
    assert messages(result, "APPRAISAL_MISSING_YEAR", SHORT_OF_YEAR[pair]) == []


@pytest.mark.parametrize("pair", list(SHORT_OF_YEAR), ids=["-".join(pair) for pair in SHORT_OF_YEAR])
def test_under_a_year_requires_zero(result, pair):
    assert row_of(result, SHORT_OF_YEAR[pair])["要求考核年数"] == 0


@pytest.mark.parametrize("pair", list(FULL_YEAR), ids=["-".join(pair) for pair in FULL_YEAR])
def test_full_year_needs_one(result, pair):
    assert messages(result, "APPRAISAL_MISSING_YEAR", FULL_YEAR[pair]) == [missing_message(2025, 1)]


@pytest.mark.parametrize("result_text", PASSING)
def test_passing_result(result, result_text):
    assert messages(result, "APPRAISAL_NOT_PASSING", RESULTS[result_text]) == []


@pytest.mark.parametrize("result_text", FAILING)
def test_failing_result(result, result_text):
    assert messages(result, "APPRAISAL_NOT_PASSING", RESULTS[result_text]) == [failing_message(2025, result_text)]


@pytest.mark.parametrize("result_text", FAILING)
def test_failing_result_is_ineligible(result, result_text):
    assert row_of(result, RESULTS[result_text])["状态"] == "不符合条件"


def test_middle_year_failing(result):
    assert messages(result, "APPRAISAL_NOT_PASSING", MIDDLE_YEAR_FAILING) == [failing_message(2024, "基本合格")]


def test_failing_result_points_at_cell(result):
    finding = findings_of(result, "APPRAISAL_NOT_PASSING", MIDDLE_YEAR_FAILING)
    assert finding[["工作表", "_field"]].values.tolist() == [["考核情况", "考核结果"]]
