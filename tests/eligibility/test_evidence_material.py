"""业绩佐证材料 is required for 中级 only; its absence is a material warning."""

import pytest

from .helpers import applicant, evaluate_applicants, findings_of, messages, row_of, with_fields

DOCTOR_WITH = applicant(1, level="中级", tier="博士")
DOCTOR_WITHOUT = with_fields(applicant(3, level="中级", tier="博士"), 业绩佐证材料=None)
MASTER_WITHOUT = with_fields(applicant(5, level="中级", tier="硕士"), 业绩佐证材料=None)
JUNIOR_WITHOUT = with_fields(applicant(7, level="助理级", tier="本科"), 业绩佐证材料=None)
DOCTOR_NONE_TEXT = with_fields(applicant(9, level="中级", tier="博士"), 业绩佐证材料="无")

MESSAGE = "申报中级须提供业绩成果佐证材料，“业绩佐证材料”为空。请上传佐证材料并填写文件名。"


@pytest.fixture(scope="module")
def result(tmp_path_factory):
    return evaluate_applicants(tmp_path_factory.mktemp("evidence"), [DOCTOR_WITH, DOCTOR_WITHOUT, MASTER_WITHOUT, JUNIOR_WITHOUT,
                                                                                   DOCTOR_NONE_TEXT])


def test_intermediate_with_evidence_passes(result):
    assert messages(result, "EVIDENCE_MATERIAL", DOCTOR_WITH) == []


def test_doctor_without_evidence(result):
    assert messages(result, "EVIDENCE_MATERIAL", DOCTOR_WITHOUT) == [MESSAGE]


def test_master_without_evidence(result):
    assert messages(result, "EVIDENCE_MATERIAL", MASTER_WITHOUT) == [MESSAGE]


def test_none_text_is_no_evidence(result):
    assert messages(result, "EVIDENCE_MATERIAL", DOCTOR_NONE_TEXT) == [MESSAGE]


def test_junior_needs_no_evidence(result):
    assert messages(result, "EVIDENCE_MATERIAL", JUNIOR_WITHOUT) == []


def test_missing_evidence_is_warning(result):
    assert findings_of(result, "EVIDENCE_MATERIAL", DOCTOR_WITHOUT)["级别"].tolist() == ["警告"]


def test_missing_evidence_needs_material(result):
    assert row_of(result, DOCTOR_WITHOUT)["状态"] == "需补充材料"


def test_junior_without_evidence_eligible(result):
    assert row_of(result, JUNIOR_WITHOUT)["状态"] == "可聘任"
