"""Status per applicant, first match wins: 数据错误 (an invalid or missing
value), 不符合条件 (a failed eligibility rule), 需补充材料 (only attachment
or material warnings), 可聘任.
"""

import pytest

from .helpers import applicant, evaluate_applicants, row_of, rules_of, with_fields


def with_material_warning(person: dict) -> dict:
    person["学历信息"][0]["学信网可查"] = "否"
    return person


# An invalid mobile number (field error), a specialty mismatch (eligibility
# error) and a missing certificate (material warning).
ALL_THREE = with_material_warning(with_fields(applicant(1), 手机号码="12345", 现从事专业="电气工程"))
INELIGIBLE_AND_MATERIAL = with_material_warning(with_fields(applicant(3), 现从事专业="电气工程"))
MATERIAL_ONLY = with_material_warning(applicant(5))
CLEAN = applicant(7)
# A typed work-year mismatch is an eligibility warning, not material.
OTHER_WARNING = with_fields(applicant(9), 从事专业技术工作年限=1)
FIELD_ERROR_ONLY = with_fields(applicant(11), 手机号码="12345")

CASES = [ALL_THREE, INELIGIBLE_AND_MATERIAL, MATERIAL_ONLY, CLEAN, OTHER_WARNING, FIELD_ERROR_ONLY]


@pytest.fixture(scope="module")
def result(tmp_path_factory):
    return evaluate_applicants(tmp_path_factory.mktemp("status"), CASES)


def test_cases_carry_intended_rules(result):
    assert {"MOBILE_INVALID", "SPECIALTY_MATCH", "EDU_ATTACHMENT"} <= rules_of(result, ALL_THREE)


@pytest.mark.parametrize("person, status", [
    (ALL_THREE, "数据错误"),
    (FIELD_ERROR_ONLY, "数据错误"),
    (INELIGIBLE_AND_MATERIAL, "不符合条件"),
    (MATERIAL_ONLY, "需补充材料"),
    (OTHER_WARNING, "可聘任"),
    (CLEAN, "可聘任"),
], ids=["all-three", "field-error", "ineligible-and-material", "material-only", "other-warning", "clean"])
def test_status(result, person, status):
    assert row_of(result, person)["状态"] == status


@pytest.mark.parametrize("person, errors", [(ALL_THREE, 2), (INELIGIBLE_AND_MATERIAL, 1), (MATERIAL_ONLY, 0), (CLEAN, 0)],
                         ids=["all-three", "ineligible-and-material", "material-only", "clean"])
def test_error_count(result, person, errors):
    assert row_of(result, person)["错误数"] == errors


@pytest.mark.parametrize("person, warnings", [(ALL_THREE, 1), (MATERIAL_ONLY, 1), (OTHER_WARNING, 1), (CLEAN, 0)],
                         ids=["all-three", "material-only", "other-warning", "clean"])
def test_warning_count(result, person, warnings):
    assert row_of(result, person)["警告数"] == warnings


def test_main_problem_is_first_error(result):
    assert row_of(result, INELIGIBLE_AND_MATERIAL)["主要问题"].startswith("现从事专业“电气工程”")


def test_summary_counts_statuses(result):
    assert result.summary["状态"] == {"数据错误": 2, "不符合条件": 1, "需补充材料": 1, "可聘任": 2}


@pytest.mark.filterwarnings("error")
def test_clean_batch_has_blank_main_problem(tmp_path):
    clean = evaluate_applicants(tmp_path, [applicant(21), applicant(23)])
    assert clean.applicants["主要问题"].tolist() == ["", ""]
