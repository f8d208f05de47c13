"""A 拟聘任时间 typed as year and month only is printed as the 1st; warn about it."""

import pytest

from eligibility.helpers import applicant, evaluate_applicants, findings_of, unit_info


def approved_on(number: int, typed: str | float) -> dict:
    person = applicant(number)
    person["单位审核"] = [{"审核结果": "通过", "审批意见": "同意聘任。", "拟聘任时间": typed}]
    return person


# Excel stores a typed 2026.11 as a number.
@pytest.mark.parametrize("typed", ["2026年11月", 2026.11], ids=["text", "number"])
def test_month_only_warned(tmp_path, typed):
    result = evaluate_applicants(tmp_path, [approved_on(1, typed)], unit=unit_info())
    assert findings_of(result, "APPOINT_DATE_DAY_MISSING")["说明"].tolist() == [
        "拟聘任时间只写了年月，按 2026-11-01 计算，公示和推荐审核汇总表中也会打印这一天。请写明具体日期。"
    ]


# An impossible month is no date at all, so only its DATE_INVALID error is given.
# A number with four digits before the point that are no year from 1900 to
# 2100 (1899.12) is an invalid date, so it gets no month-only warning either.
@pytest.mark.parametrize("typed", ["2026年11月30日", "2026年13月", 1899.12],
                         ids=["full-date", "impossible-month", "year-before-1900"])
def test_day_given_or_invalid_not_warned(tmp_path, typed):
    result = evaluate_applicants(tmp_path, [approved_on(1, typed)], unit=unit_info())
    assert findings_of(result, "APPOINT_DATE_DAY_MISSING").empty


def test_impossible_month_is_invalid_date(tmp_path):
    result = evaluate_applicants(tmp_path, [approved_on(1, "2026年13月")], unit=unit_info())
    assert findings_of(result, "DATE_INVALID")["列"].tolist() == ["拟聘任时间（D列）"]


def test_unit_finding_names_column_letter(tmp_path):
    unit = unit_info(推荐委员会总人数=4, 参加人数=3, 赞成人数=3)
    result = evaluate_applicants(tmp_path, [approved_on(1, "2026年11月30日")], unit=unit)
    assert findings_of(result, "COMMITTEE_SIZE")["列"].tolist() == ["内容（B列）"]
