"""The unit's decision: 审核结果 不通过 needs a non-empty 审批意见."""

import datetime as dt

import pytest

from eligibility.helpers import applicant, evaluate_applicants, findings_of, messages, row_of, unit_info


def reviewed(number: int, decision: str | None, opinion: str | None) -> dict:
    person = applicant(number)
    person["单位审核"] = [{"审核结果": decision, "审批意见": opinion, "拟聘任时间": dt.date(2026, 6, 30)}]
    return person


REJECTED_WITHOUT_OPINION = reviewed(1, "不通过", None)
REJECTED_WITH_OPINION = reviewed(3, "不通过", "继续教育学时不足，明年再报。")
APPROVED_WITHOUT_OPINION = reviewed(5, "通过", None)
APPROVED_AS_AGREED = reviewed(7, "同意", "同意聘任。")

CASES = [REJECTED_WITHOUT_OPINION, REJECTED_WITH_OPINION, APPROVED_WITHOUT_OPINION, APPROVED_AS_AGREED]


@pytest.fixture(scope="module")
def result(tmp_path_factory):
    return evaluate_applicants(tmp_path_factory.mktemp("decisions"), CASES, unit=unit_info())


def test_rejection_without_opinion(result):
    assert messages(result, "REVIEW_OPINION_MISSING", REJECTED_WITHOUT_OPINION) == [
        "审核结果为“不通过”，须填写审批意见，说明不通过的理由。"
    ]


def test_rejection_points_at_opinion(result):
    finding = findings_of(result, "REVIEW_OPINION_MISSING", REJECTED_WITHOUT_OPINION)
    assert finding[["工作表", "行号", "_field", "级别"]].values.tolist() == [["单位审核", 2, "审批意见", "错误"]]


def test_rejection_with_opinion(result):
    assert messages(result, "REVIEW_OPINION_MISSING", REJECTED_WITH_OPINION) == []


def test_approval_needs_no_opinion(result):
    assert messages(result, "REVIEW_OPINION_MISSING", APPROVED_WITHOUT_OPINION) == []


def test_rejection_without_opinion_status(result):
    assert row_of(result, REJECTED_WITHOUT_OPINION)["状态"] == "数据错误"


def test_agreed_read_as_approved(result):
    assert row_of(result, APPROVED_AS_AGREED)["审核结果"] == "通过"


def test_only_approved_get_documents(result):
    assert sorted(result.approved["姓名"]) == ["测试005", "测试007"]
