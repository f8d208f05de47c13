"""参加专业技术工作日期: on or after the initial education's graduation, not after D.

Every applicant is evaluated with the reference date 2026-06-30 and the
application year 2026. The default applicant graduated (工作前学历) on
2018-06-30.
"""

import datetime as dt

import pytest

from .helpers import applicant, evaluate_applicants, messages, rules_of

ON_GRADUATION = applicant(1, work_start=dt.date(2018, 6, 30))
BEFORE_GRADUATION = applicant(3, work_start=dt.date(2018, 6, 29))
ON_REFERENCE = applicant(5, work_start=dt.date(2026, 6, 30))
AFTER_REFERENCE = applicant(7, work_start=dt.date(2026, 7, 1))

NO_INITIAL = applicant(9)
NO_INITIAL["学历信息"][0]["是否工作前学历"] = "否"

# Two initial educations: the later graduation (本科, 2018-06-30) is the one
# the start date is checked against.
TWO_INITIAL = applicant(11, work_start=dt.date(2016, 7, 1))
TWO_INITIAL["学历信息"].insert(0, {
    **TWO_INITIAL["学历信息"][0], "入学时间": dt.date(2013, 9, 1), "毕业时间": dt.date(2016, 6, 30),
    "学历": "大学专科", "学位": "无",
})

# The only education graduates after the reference date.
NOT_GRADUATED = applicant(13, graduation=dt.date(2026, 7, 10), work_start=dt.date(2026, 7, 11))

CASES = [ON_GRADUATION, BEFORE_GRADUATION, ON_REFERENCE, AFTER_REFERENCE, NO_INITIAL, TWO_INITIAL, NOT_GRADUATED]


@pytest.fixture(scope="module")
def result(tmp_path_factory):
    return evaluate_applicants(tmp_path_factory.mktemp("work_start"), CASES, year=2026, date=dt.date(2026, 6, 30))


def test_start_on_graduation_day_passes(result):
    assert messages(result, "WORK_START_BEFORE_GRADUATION", ON_GRADUATION) == []


def test_start_day_before_graduation(result):
    assert messages(result, "WORK_START_BEFORE_GRADUATION", BEFORE_GRADUATION) == [
        "参加专业技术工作日期 2018-06-29 早于工作前学历的毕业时间 2018-06-30。应填写初始学历毕业后从事申报专业工作的起始日期。"
    ]


def test_start_on_reference_date_passes(result):
    assert messages(result, "WORK_START_AFTER_REFERENCE", ON_REFERENCE) == []


def test_start_day_after_reference(result):
    assert messages(result, "WORK_START_AFTER_REFERENCE", AFTER_REFERENCE) == [
        "参加专业技术工作日期 2026-07-01 晚于申报日期 2026-06-30。请核对日期。"
    ]


def test_no_initial_education(result):
    assert messages(result, "INITIAL_EDUCATION_MISSING", NO_INITIAL) == [
        "学历信息中没有标为“工作前学历”的学历，无法核对参加专业技术工作日期。请把参加工作前取得的学历的“是否工作前学历”填为“是”。"
    ]


def test_latest_initial_graduation_counts(result):
    assert messages(result, "WORK_START_BEFORE_GRADUATION", TWO_INITIAL) == [
        "参加专业技术工作日期 2016-07-01 早于工作前学历的毕业时间 2018-06-30。应填写初始学历毕业后从事申报专业工作的起始日期。"
    ]


def test_not_graduated_by_reference(result):
    assert messages(result, "EDUCATION_NOT_GRADUATED", NOT_GRADUATED) == [
        "截至申报日期 2026-06-30，学历信息中没有已毕业的学历，无法确定学历层次。请核对毕业时间和学历。"
    ]


def test_graduated_applicants_not_flagged(result):
    flagged = {person["个人信息"]["姓名"] for person in CASES if "EDUCATION_NOT_GRADUATED" in rules_of(result, person)}
    assert flagged == {NOT_GRADUATED["个人信息"]["姓名"]}
