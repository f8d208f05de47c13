"""工作经历.专业技术职务 stays blank for junior levels and for a doctor applying
for 中级; a master applying for 中级 enters the 助理级 post held."""

import datetime as dt

import pytest

from .helpers import applicant, evaluate_applicants, findings_of, messages, row_of

JUNIOR_BLANK = applicant(1, level="助理级", tier="本科")
JUNIOR_NONE = applicant(3, level="员级", tier="大专")
JUNIOR_NONE["工作经历"][0]["专业技术职务"] = "无"
JUNIOR_POST = applicant(5, level="助理级", tier="本科")
JUNIOR_POST["工作经历"][0]["专业技术职务"] = "技术员"
DOCTOR_POST = applicant(7, level="中级", tier="博士")
DOCTOR_POST["工作经历"][0]["专业技术职务"] = "助理工程师"
MASTER_POST = applicant(9, level="中级", tier="硕士")

# Two work periods; only the second names a post.
SECOND_PERIOD = applicant(11, level="员级", tier="大专")
SECOND_PERIOD["工作经历"][0]["结束日期"] = dt.date(2022, 6, 30)
SECOND_PERIOD["工作经历"].append({
    **SECOND_PERIOD["工作经历"][0], "开始日期": dt.date(2022, 7, 1), "结束日期": None, "专业技术职务": "技术员",
})

CASES = [JUNIOR_BLANK, JUNIOR_NONE, JUNIOR_POST, DOCTOR_POST, MASTER_POST, SECOND_PERIOD]


@pytest.fixture(scope="module")
def result(tmp_path_factory):
    return evaluate_applicants(tmp_path_factory.mktemp("tech_post"), CASES)


def test_blank_post_passes(result):
    assert messages(result, "TECH_POST_BLANK", JUNIOR_BLANK) == []


def test_none_post_passes(result):
    assert messages(result, "TECH_POST_BLANK", JUNIOR_NONE) == []


def test_junior_post_message(result):
    assert messages(result, "TECH_POST_BLANK", JUNIOR_POST) == [
        "助理级申报时工作经历的“专业技术职务”不填写，现为“技术员”。请清空该单元格。"
    ]


def test_doctor_intermediate_post(result):
    assert messages(result, "TECH_POST_BLANK", DOCTOR_POST) == [
        "中级申报时工作经历的“专业技术职务”不填写，现为“助理工程师”。请清空该单元格。"
    ]


def test_master_intermediate_post_allowed(result):
    assert messages(result, "TECH_POST_BLANK", MASTER_POST) == []


def test_finding_points_at_work_row(result):
    finding = findings_of(result, "TECH_POST_BLANK", SECOND_PERIOD)
    assert finding[["工作表", "行号", "_field"]].values.tolist() == [["工作经历", 8, "专业技术职务"]]


def test_finding_names_applicant(result):
    assert findings_of(result, "TECH_POST_BLANK", JUNIOR_POST)["姓名"].tolist() == ["测试005"]


def test_post_makes_ineligible(result):
    assert row_of(result, JUNIOR_POST)["状态"] == "不符合条件"
