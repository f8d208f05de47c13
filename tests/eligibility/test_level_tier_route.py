"""Which education tiers may reach which level by self-appointment.

员级 is open to 大专 and 中专及以下; 助理级 to every tier; 中级 to 博士 and
硕士 only. A closed route is an error whose message gives the reason from the
policy, and no work-year, continuing-education or appraisal requirement is
computed for it.
"""

import pandas as pd
import pytest

from .helpers import applicant, evaluate_applicants, messages, row_of

CLOSED = {
    ("员级", "博士"): "博士研究生学历可直接申报助理级或中级，不申报员级（学历层次：博士，申报层级：员级）。",
    ("员级", "硕士"): "硕士研究生学历可直接申报助理级，不申报员级（学历层次：硕士，申报层级：员级）。",
    ("员级", "本科"): "大学本科学历应申报助理级，不申报员级（学历层次：本科，申报层级：员级）。",
    ("中级", "本科"): "大学本科学历申报中级须走评审途径，不属于自主聘任范围（学历层次：本科，申报层级：中级）。",
    ("中级", "大专"): "大学专科学历申报中级须走评审途径，不属于自主聘任范围（学历层次：大专，申报层级：中级）。",
    ("中级", "中专及以下"): "中专及以下学历申报中级须走评审途径，不属于自主聘任范围（学历层次：中专及以下，申报层级：中级）。",
}
OPEN = [
    ("员级", "大专"), ("员级", "中专及以下"),
    ("助理级", "博士"), ("助理级", "硕士"), ("助理级", "本科"), ("助理级", "大专"), ("助理级", "中专及以下"),
    ("中级", "博士"), ("中级", "硕士"),
]

CLOSED_PEOPLE = {pair: applicant(2 * index + 1, level=pair[0], tier=pair[1]) for index, pair in enumerate(CLOSED)}
OPEN_PEOPLE = {pair: applicant(2 * index + 41, level=pair[0], tier=pair[1]) for index, pair in enumerate(OPEN)}


@pytest.fixture(scope="module")
def result(tmp_path_factory):
    people = [*CLOSED_PEOPLE.values(), *OPEN_PEOPLE.values()]
    return evaluate_applicants(tmp_path_factory.mktemp("route"), people)


@pytest.mark.parametrize("pair", list(CLOSED), ids=lambda pair: "-".join(pair))
def test_closed_route_message(result, pair):
    assert messages(result, "LEVEL_TIER_ROUTE", CLOSED_PEOPLE[pair]) == [CLOSED[pair]]


@pytest.mark.parametrize("pair", list(CLOSED), ids=lambda pair: "-".join(pair))
def test_closed_route_is_ineligible(result, pair):
    assert row_of(result, CLOSED_PEOPLE[pair])["状态"] == "不符合条件"


@pytest.mark.parametrize("pair", list(CLOSED), ids=lambda pair: "-".join(pair))
@pytest.mark.parametrize("column", ["要求继续教育年数", "要求考核年数"])
def test_closed_route_requires_no_years(result, pair, column):
    assert row_of(result, CLOSED_PEOPLE[pair])[column] == 0


@pytest.mark.parametrize("pair", list(CLOSED), ids=lambda pair: "-".join(pair))
def test_closed_route_has_no_minimum(result, pair):
    assert pd.isna(row_of(result, CLOSED_PEOPLE[pair])["要求最低年限"])


@pytest.mark.parametrize("pair", list(CLOSED), ids=lambda pair: "-".join(pair))
def test_closed_route_no_work_years_finding(result, pair):
    assert messages(result, "MIN_WORK_YEARS", CLOSED_PEOPLE[pair]) == []


@pytest.mark.parametrize("pair", OPEN, ids=lambda pair: "-".join(pair))
def test_open_route_passes(result, pair):
    assert messages(result, "LEVEL_TIER_ROUTE", OPEN_PEOPLE[pair]) == []


@pytest.mark.parametrize("pair", OPEN, ids=lambda pair: "-".join(pair))
def test_open_route_eligible(result, pair):
    assert row_of(result, OPEN_PEOPLE[pair])["状态"] == "可聘任"

