"""Title fields of 资历信息.

Junior levels (员级, 助理级) and a doctor applying for 中级: 职称系列 and
聘任系列 are 无 (a blank cell counts as 无). A master applying for 中级:
职称系列, 职称层级 (助理级), 职称专业 and 职称授予时间 describe the 助理级
title already held, 聘任系列 is filled, and 职称证书附件 names the scanned
certificate; a missing certificate is a material warning (需补充材料).
"""

import pytest

from .helpers import applicant, evaluate_applicants, findings_of, messages, row_of, with_fields

JUNIOR_NONE = applicant(1, level="助理级", tier="本科")
JUNIOR_BLANK = with_fields(applicant(3, level="员级", tier="大专"), 职称系列=None, 职称层级=None, 职称专业=None, 聘任系列=None)
JUNIOR_SERIES = with_fields(applicant(5, level="助理级", tier="本科"), 职称系列="工程技术")
JUNIOR_APPOINTED = with_fields(applicant(7, level="员级", tier="大专"), 聘任系列="工程技术")
DOCTOR_NONE = applicant(9, level="中级", tier="博士")
DOCTOR_SERIES = with_fields(applicant(11, level="中级", tier="博士"), 职称系列="工程技术", 聘任系列="工程技术")

MASTER_COMPLETE = applicant(13, level="中级", tier="硕士")
MASTER_LEVEL_BLANK = with_fields(applicant(15, level="中级", tier="硕士"), 职称层级=None)
MASTER_LEVEL_WRONG = with_fields(applicant(17, level="中级", tier="硕士"), 职称层级="员级")
MASTER_SERIES_NONE = with_fields(applicant(19, level="中级", tier="硕士"), 职称系列="无")
MASTER_SPECIALTY_BLANK = with_fields(applicant(21, level="中级", tier="硕士"), 职称专业=None)
MASTER_GRANT_BLANK = with_fields(applicant(23, level="中级", tier="硕士"), 职称授予时间=None)
MASTER_APPOINTMENT_NONE = with_fields(applicant(25, level="中级", tier="硕士"), 聘任系列="无")
MASTER_NO_CERTIFICATE = with_fields(applicant(27, level="中级", tier="硕士"), 职称证书附件=None)
MASTER_CERTIFICATE_NONE = with_fields(applicant(29, level="中级", tier="硕士"), 职称证书附件="无")

CASES = [
    JUNIOR_NONE, JUNIOR_BLANK, JUNIOR_SERIES, JUNIOR_APPOINTED, DOCTOR_NONE, DOCTOR_SERIES,
    MASTER_COMPLETE, MASTER_LEVEL_BLANK, MASTER_LEVEL_WRONG, MASTER_SERIES_NONE, MASTER_SPECIALTY_BLANK,
    MASTER_GRANT_BLANK, MASTER_APPOINTMENT_NONE, MASTER_NO_CERTIFICATE, MASTER_CERTIFICATE_NONE,
]
TITLE_RULES = ("TITLE_FIELDS_NONE", "PREREQUISITE_TITLE", "APPOINTMENT_SERIES", "TITLE_CERTIFICATE")


@pytest.fixture(scope="module")
def result(tmp_path_factory):
    return evaluate_applicants(tmp_path_factory.mktemp("title_fields"), CASES)


def title_findings(result, person):
    found = [findings_of(result, rule, person) for rule in TITLE_RULES]
    return [(row["规则"], row["_field"]) for frame in found for _, row in frame.iterrows()]


@pytest.mark.parametrize("person", [JUNIOR_NONE, JUNIOR_BLANK, DOCTOR_NONE, MASTER_COMPLETE],
                         ids=["junior-none", "junior-blank", "doctor-none", "master-complete"])
def test_complete_title_fields_pass(result, person):
    assert title_findings(result, person) == []


def test_junior_title_series_filled(result):
    assert messages(result, "TITLE_FIELDS_NONE", JUNIOR_SERIES) == [
        "助理级申报时“职称系列”应填“无”，现为“工程技术”。聘任初级职称及博士聘任中级职称不填写已有职称。"
    ]


def test_junior_appointment_series_filled(result):
    assert messages(result, "TITLE_FIELDS_NONE", JUNIOR_APPOINTED) == [
        "员级申报时“聘任系列”应填“无”，现为“工程技术”。聘任初级职称及博士聘任中级职称不填写已有职称。"
    ]


def test_doctor_both_series_filled(result):
    assert title_findings(result, DOCTOR_SERIES) == [("TITLE_FIELDS_NONE", "职称系列"), ("TITLE_FIELDS_NONE", "聘任系列")]


def test_master_title_level_blank(result):
    assert messages(result, "PREREQUISITE_TITLE", MASTER_LEVEL_BLANK) == [
        "硕士聘任中级须已取得助理级职称，现职称层级为“未填写”。请按已取得的助理级职称填写职称系列、层级、专业和授予时间。"
    ]


def test_master_title_level_wrong(result):
    assert messages(result, "PREREQUISITE_TITLE", MASTER_LEVEL_WRONG) == [
        "硕士聘任中级须已取得助理级职称，现职称层级为“员级”。请按已取得的助理级职称填写职称系列、层级、专业和授予时间。"
    ]


def test_master_title_series_none(result):
    assert messages(result, "PREREQUISITE_TITLE", MASTER_SERIES_NONE) == [
        "硕士聘任中级须填写已取得的助理级职称的“职称系列”，现为空。"
    ]


def test_master_title_specialty_blank(result):
    assert messages(result, "PREREQUISITE_TITLE", MASTER_SPECIALTY_BLANK) == [
        "硕士聘任中级须填写已取得的助理级职称的“职称专业”，现为空。"
    ]


def test_master_grant_date_blank(result):
    assert messages(result, "PREREQUISITE_TITLE", MASTER_GRANT_BLANK) == [
        "硕士聘任中级须填写已取得的助理级职称的“职称授予时间”，现为空。"
    ]


def test_master_appointment_series_none(result):
    assert messages(result, "APPOINTMENT_SERIES", MASTER_APPOINTMENT_NONE) == [
        "硕士聘任中级须按现聘任的助理级职务填写“聘任系列”，现为空或“无”。"
    ]


def test_master_no_certificate(result):
    assert messages(result, "TITLE_CERTIFICATE", MASTER_NO_CERTIFICATE) == [
        "硕士聘任中级须上传助理级职称证书原件扫描件，“职称证书附件”为空。请补充扫描件并填写文件名。"
    ]


def test_certificate_none_text(result):
    assert messages(result, "TITLE_CERTIFICATE", MASTER_CERTIFICATE_NONE) == [
        "硕士聘任中级须上传助理级职称证书原件扫描件，“职称证书附件”为空。请补充扫描件并填写文件名。"
    ]


def test_no_certificate_is_warning(result):
    assert findings_of(result, "TITLE_CERTIFICATE", MASTER_NO_CERTIFICATE)["级别"].tolist() == ["警告"]


def test_no_certificate_needs_material(result):
    assert row_of(result, MASTER_NO_CERTIFICATE)["状态"] == "需补充材料"


@pytest.mark.parametrize("person", [JUNIOR_SERIES, DOCTOR_SERIES, MASTER_LEVEL_BLANK, MASTER_LEVEL_WRONG,
                                    MASTER_SERIES_NONE, MASTER_GRANT_BLANK, MASTER_APPOINTMENT_NONE],
                         ids=["junior-series", "doctor-series", "master-level-blank", "master-level-wrong",
                              "master-series-none", "master-grant-blank", "master-appointment-none"])
def test_title_error_is_ineligible(result, person):
    assert row_of(result, person)["状态"] == "不符合条件"
