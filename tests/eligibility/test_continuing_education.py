"""Continuing education: the years required per level and tier, and the hours.

Application year Y = 2026. Years required, ending at Y: junior 博士 and 硕士
the application year, 本科 1, 大专 3, below 大专 5; intermediate 硕士 2,
博士 the application year. Each required year needs 公需 ≥ 32, 专业 ≥ 64 and a
total ≥ 96 hours.
"""

from __future__ import annotations

import datetime as dt

import pytest

from .helpers import applicant, ce_row, evaluate_applicants, findings_of, messages, row_of

YEAR = 2026
WINDOWS = {
    ("员级", "大专"): [2026, 2025, 2024],
    ("员级", "中专及以下"): [2026, 2025, 2024, 2023, 2022],
    ("助理级", "博士"): [2026],
    ("助理级", "硕士"): [2026],
    ("助理级", "本科"): [2026],
    ("助理级", "大专"): [2026, 2025, 2024],
    ("助理级", "中专及以下"): [2026, 2025, 2024, 2023, 2022],
    ("中级", "硕士"): [2026, 2025],
    ("中级", "博士"): [2026],
}
IDS = ["-".join(pair) for pair in WINDOWS]


def with_years(number: int, level: str, tier: str, years: list[int]) -> dict:
    person = applicant(number, level=level, tier=tier, year=YEAR)
    person["继续教育"] = [ce_row(year) for year in years]
    return person


# The exact window, plus a short year just before it that must not count.
EXACT = {}
OLDEST_MISSING = {}
NEWEST_MISSING = {}
for index, ((level, tier), window) in enumerate(WINDOWS.items()):
    EXACT[level, tier] = with_years(100 + 2 * index, level, tier, window)
    EXACT[level, tier]["继续教育"].append(ce_row(window[-1] - 1, public=10, professional=10))
    OLDEST_MISSING[level, tier] = with_years(200 + 2 * index, level, tier, window[:-1])
    NEWEST_MISSING[level, tier] = with_years(300 + 2 * index, level, tier, window[1:])


def hours_case(number: int, **hours) -> dict:
    person = applicant(number, level="助理级", tier="本科", year=YEAR)
    person["继续教育"] = [ce_row(YEAR, **hours)]
    return person


MORE_THAN_MINIMUM = hours_case(401, public=40, professional=70)
PUBLIC_SHORT = hours_case(403, public=31, professional=65)
PROFESSIONAL_SHORT = hours_case(405, public=33, professional=63)
PROFESSIONAL_48 = hours_case(407, public=48, professional=48)
TOTAL_SHORT = hours_case(409, public=32, professional=64, total=95)
HALF_HOUR_SHORT = hours_case(411, public=31.5, professional=64.5)
BOTH_SHORT = hours_case(413, public=30, professional=60)

# 硕士 → 中级: the second required year (2025) is short.
MASTER_SECOND_YEAR_SHORT = applicant(415, level="中级", tier="硕士", year=YEAR)
MASTER_SECOND_YEAR_SHORT["继续教育"] = [ce_row(2026), ce_row(2025, public=36, professional=60)]

HOURS_CASES = [MORE_THAN_MINIMUM, PUBLIC_SHORT, PROFESSIONAL_SHORT, PROFESSIONAL_48, TOTAL_SHORT, HALF_HOUR_SHORT,
               BOTH_SHORT, MASTER_SECOND_YEAR_SHORT]


@pytest.fixture(scope="module")
def result(tmp_path_factory):
    people = [*EXACT.values(), *OLDEST_MISSING.values(), *NEWEST_MISSING.values(), *HOURS_CASES]
    return evaluate_applicants(tmp_path_factory.mktemp("continuing_education"), people, year=YEAR,
                               date=dt.date(2026, 6, 30))


def missing_message(year: int) -> str:
    return f"继续教育表缺少 {year} 年度的记录。该年度须完成公需 32、专业 64、合计 96 学时，请补充该年度的继续教育。"


@pytest.mark.parametrize("pair", list(WINDOWS), ids=IDS)
def test_exact_window_has_no_finding(result, pair):
    assert messages(result, "CE_MISSING_YEAR", EXACT[pair]) + messages(result, "CE_HOURS", EXACT[pair]) == []


@pytest.mark.parametrize("pair", list(WINDOWS), ids=IDS)
def test_exact_window_is_eligible(result, pair):
    assert row_of(result, EXACT[pair])["状态"] == "可聘任"


@pytest.mark.parametrize("pair", list(WINDOWS), ids=IDS)
def test_required_year_count(result, pair):
    assert row_of(result, EXACT[pair])["要求继续教育年数"] == len(WINDOWS[pair])


@pytest.mark.parametrize("pair", list(WINDOWS), ids=IDS)
def test_oldest_year_missing(result, pair):
    assert messages(result, "CE_MISSING_YEAR", OLDEST_MISSING[pair]) == [missing_message(WINDOWS[pair][-1])]


@pytest.mark.parametrize("pair", list(WINDOWS), ids=IDS)
def test_application_year_missing(result, pair):
    assert messages(result, "CE_MISSING_YEAR", NEWEST_MISSING[pair]) == [missing_message(YEAR)]


@pytest.mark.parametrize("pair", list(WINDOWS), ids=IDS)
def test_missing_year_is_ineligible(result, pair):
    assert row_of(result, OLDEST_MISSING[pair])["状态"] == "不符合条件"


def test_hours_above_minimum_pass(result):
    assert messages(result, "CE_HOURS", MORE_THAN_MINIMUM) == []


def test_public_hours_one_short(result):
    assert messages(result, "CE_HOURS", PUBLIC_SHORT) == ["2026 年度公需科目学时 31，少于 32，还差 1 学时。"]


def test_professional_hours_one_short(result):
    assert messages(result, "CE_HOURS", PROFESSIONAL_SHORT) == ["2026 年度专业培训学时 63，少于 64，还差 1 学时。"]


def test_professional_hours_48(result):
    assert messages(result, "CE_HOURS", PROFESSIONAL_48) == ["2026 年度专业培训学时 48，少于 64，还差 16 学时。"]


def test_total_hours_one_short(result):
    assert messages(result, "CE_HOURS", TOTAL_SHORT) == ["2026 年度总学时 95，少于 96，还差 1 学时。"]


def test_total_mismatch_warned(result):
    assert findings_of(result, "CE_TOTAL_MISMATCH", TOTAL_SHORT)["级别"].tolist() == ["警告"]


def test_half_hour_short(result):
    assert messages(result, "CE_HOURS", HALF_HOUR_SHORT) == ["2026 年度公需科目学时 31.5，少于 32，还差 0.5 学时。"]


def test_every_short_part_reported(result):
    assert sorted(messages(result, "CE_HOURS", BOTH_SHORT)) == sorted([
        "2026 年度公需科目学时 30，少于 32，还差 2 学时。",
        "2026 年度专业培训学时 60，少于 64，还差 4 学时。",
        "2026 年度总学时 90，少于 96，还差 6 学时。",
    ])


def test_second_required_year_checked(result):
    assert messages(result, "CE_HOURS", MASTER_SECOND_YEAR_SHORT) == ["2025 年度专业培训学时 60，少于 64，还差 4 学时。"]


def test_short_hours_point_at_row(result):
    finding = findings_of(result, "CE_HOURS", MASTER_SECOND_YEAR_SHORT).iloc[0]
    assert (finding["工作表"], finding["_field"]) == ("继续教育", "专业培训学时数")


def test_short_hours_are_ineligible(result):
    assert row_of(result, PROFESSIONAL_48)["状态"] == "不符合条件"
