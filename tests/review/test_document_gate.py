"""Which applicants get documents, and why nobody does after a failed vote.

Documents are made for applicants approved by the unit (审核结果 通过) whose
status is 可聘任 or 需补充材料, unless a unit-level error makes the
committee's recommendation or the publicity invalid. Applicants without a
decision in 单位审核 get a 提示.
"""

import datetime as dt

from eligibility.helpers import applicant, evaluate_applicants, findings_of, unit_info


def reviewed(number: int, decision: str | None = "通过") -> dict:
    person = applicant(number)
    if decision is not None:
        person["单位审核"] = [{"审核结果": decision, "审批意见": "同意聘任。", "拟聘任时间": dt.date(2026, 6, 30)}]
    return person


def test_approved_applicant_gets_documents(tmp_path):
    result = evaluate_applicants(tmp_path, [reviewed(1)], unit=unit_info())
    assert len(result.approved) == 1


def test_failed_vote_blocks_documents(tmp_path):
    unit = unit_info(推荐委员会总人数=5, 参加人数=5, 赞成人数=2)
    result = evaluate_applicants(tmp_path, [reviewed(1)], unit=unit)
    assert len(result.approved) == 0


def test_failed_vote_names_the_reason(tmp_path):
    unit = unit_info(推荐委员会总人数=5, 参加人数=5, 赞成人数=2)
    result = evaluate_applicants(tmp_path, [reviewed(1)], unit=unit)
    assert result.summary["文件生成受阻原因"] == ["赞成人数 2 人未超过参加人数 5 人的半数，至少需要 3 人赞成。"]


def test_committee_warning_does_not_block(tmp_path):
    unit = unit_info(推荐委员会总人数=4, 参加人数=3, 赞成人数=3)
    result = evaluate_applicants(tmp_path, [reviewed(1)], unit=unit)
    assert len(result.approved) == 1


def test_undecided_applicant_noted(tmp_path):
    result = evaluate_applicants(tmp_path, [reviewed(1), reviewed(3, decision=None)], unit=unit_info())
    assert findings_of(result, "REVIEW_MISSING")["级别"].tolist() == ["提示"]


def test_decided_applicants_not_noted(tmp_path):
    result = evaluate_applicants(tmp_path, [reviewed(1), reviewed(3, decision="不通过")], unit=unit_info())
    assert findings_of(result, "REVIEW_MISSING").empty
