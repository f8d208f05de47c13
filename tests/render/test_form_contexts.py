"""Contexts of the appointment form built from the sample batch's guide applicant."""

from __future__ import annotations

import pytest

from zcbatch.pipeline import evaluate_inputs
from zcbatch.render import form_contexts, notice_context
from zcbatch.resources import sample_workbook


@pytest.fixture(scope="module")
def result():
    """Evaluate the sample batch once."""
    return evaluate_inputs([sample_workbook()])


@pytest.fixture(scope="module")
def guide_form(result):
    """Return the form context of 刘洋, the applicant of the filing guide."""
    approved = result.approved
    return form_contexts(result, approved[approved["姓名"] == "刘洋"])[0]


def test_guide_education_before_work(guide_form):
    assert guide_form["学历"] == [{"类别": "工作前", "毕业时间": "2019年6月30日", "毕业院校": "天津大学",
                                  "所学专业": "冶金", "学历": "大学本科", "学位": "其他"}]


def test_guide_work_start(guide_form):
    assert guide_form["参加专业技术工作日期"] == "2021年11月30日"


def test_guide_work_years(guide_form):
    assert guide_form["从事专业技术工作年限"] == "4年"


def test_guide_specialty(guide_form):
    assert guide_form["申报专业"] == "耐火材料"


def test_guide_ce_year(guide_form):
    assert [row["年度"] for row in guide_form["继续教育"]] == ["2026"]


def test_notice_masks_ids(result):
    rows = notice_context(result, result.approved, full_id=False)["人员"]
    assert all("********" in row["身份证号"] for row in rows)


def test_notice_full_ids_on_request(result):
    rows = notice_context(result, result.approved, full_id=True)["人员"]
    assert not any("*" in row["身份证号"] for row in rows)


def test_notice_and_forms_agree_on_work_years(result):
    approved = result.approved
    notice_years = [row["累计专业技术工作年限"] for row in notice_context(result, approved, full_id=False)["人员"]]
    form_years = [form["从事专业技术工作年限"] for form in form_contexts(result, approved)]
    assert notice_years == form_years
