"""从事专业技术工作年限 as typed should equal the whole years from
参加专业技术工作日期 to the reference date D (2026-06-30 here).

A mismatch is a warning that shows both numbers, and does not change the status.
"""

import datetime as dt

import pytest

from .helpers import applicant, evaluate_applicants, findings_of, messages, row_of, with_fields

# 2018-07-01 to 2026-06-30 is 7 years 11 months.
MATCHING = applicant(1, work_start=dt.date(2018, 7, 1))
ONE_TOO_MANY = with_fields(applicant(3, work_start=dt.date(2018, 7, 1)), 从事专业技术工作年限=8)
# 2018-06-30 to 2026-06-30 is exactly 8 years.
ANNIVERSARY = applicant(5, work_start=dt.date(2018, 6, 30), graduation=dt.date(2018, 6, 30))
ONE_TOO_FEW = with_fields(applicant(7, work_start=dt.date(2018, 6, 30), graduation=dt.date(2018, 6, 30)),
                          从事专业技术工作年限=7)
TYPED_AS_TEXT = with_fields(applicant(9, work_start=dt.date(2018, 7, 1)), 从事专业技术工作年限="7年")

# A master's degree finished while working: the typed years still count from
# 参加专业技术工作日期, not from the later graduation.
LATER_MASTER = applicant(11, tier="本科", work_start=dt.date(2018, 7, 1))
LATER_MASTER["学历信息"].append({
    **LATER_MASTER["学历信息"][0], "入学时间": dt.date(2021, 9, 1), "毕业时间": dt.date(2024, 6, 30),
    "学历": "硕士研究生", "学位": "硕士", "学制": "非全日制", "是否工作前学历": "否",
})

CASES = [MATCHING, ONE_TOO_MANY, ANNIVERSARY, ONE_TOO_FEW, TYPED_AS_TEXT, LATER_MASTER]


@pytest.fixture(scope="module")
def result(tmp_path_factory):
    return evaluate_applicants(tmp_path_factory.mktemp("typed_years"), CASES, year=2026, date=dt.date(2026, 6, 30))


def test_matching_years_pass(result):
    assert messages(result, "WORK_YEARS_TYPED", MATCHING) == []


def test_one_year_too_many(result):
    assert messages(result, "WORK_YEARS_TYPED", ONE_TOO_MANY) == [
        "填写的从事专业技术工作年限为 8 年，按参加专业技术工作日期 2018-07-01 计算到 2026-06-30 为 7 年。请核对后按计算结果填写。"
    ]


def test_anniversary_counts_whole_year(result):
    assert messages(result, "WORK_YEARS_TYPED", ANNIVERSARY) == []


def test_one_year_too_few(result):
    assert messages(result, "WORK_YEARS_TYPED", ONE_TOO_FEW) == [
        "填写的从事专业技术工作年限为 7 年，按参加专业技术工作日期 2018-06-30 计算到 2026-06-30 为 8 年。请核对后按计算结果填写。"
    ]


def test_years_typed_with_unit(result):
    assert messages(result, "WORK_YEARS_TYPED", TYPED_AS_TEXT) == []


def test_counts_from_work_start(result):
    assert messages(result, "WORK_YEARS_TYPED", LATER_MASTER) == []


def test_mismatch_is_warning(result):
    assert findings_of(result, "WORK_YEARS_TYPED", ONE_TOO_MANY)["级别"].tolist() == ["警告"]


def test_mismatch_keeps_status(result):
    assert row_of(result, ONE_TOO_MANY)["状态"] == "可聘任"
