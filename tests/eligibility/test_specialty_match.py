"""现从事专业 must equal 申报职称专业 (blanks inside the text are ignored)."""

import pytest

from .helpers import applicant, evaluate_applicants, findings_of, messages, row_of, with_fields

SAME = applicant(1)
SPACED = with_fields(applicant(3), 现从事专业="机械 设计")
OTHER = with_fields(applicant(5), 现从事专业="电气工程")


@pytest.fixture(scope="module")
def result(tmp_path_factory):
    return evaluate_applicants(tmp_path_factory.mktemp("specialty"), [SAME, SPACED, OTHER])


def test_equal_specialty_passes(result):
    assert messages(result, "SPECIALTY_MATCH", SAME) == []


def test_inner_blank_ignored(result):
    assert messages(result, "SPECIALTY_MATCH", SPACED) == []


def test_different_specialty_message(result):
    assert messages(result, "SPECIALTY_MATCH", OTHER) == [
        "现从事专业“电气工程”与申报职称专业“机械设计”不一致。两者须保持一致，请按实际从事的专业改正其中之一。"
    ]


def test_different_specialty_points_at_cell(result):
    finding = findings_of(result, "SPECIALTY_MATCH", OTHER).iloc[0]
    assert (finding["工作表"], finding["行号"], finding["级别"]) == ("个人信息", 4, "错误")


def test_different_specialty_is_ineligible(result):
    assert row_of(result, OTHER)["状态"] == "不符合条件"


def test_equal_specialty_is_eligible(result):
    assert row_of(result, SAME)["状态"] == "可聘任"
