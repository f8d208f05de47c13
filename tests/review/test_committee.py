"""The recommendation committee, checked when at least one applicant is approved.

推荐委员会总人数 is in principle at least 5 (a warning); 参加人数 may not exceed
it (an error) and is normally odd (a warning when even); 赞成人数 may not
exceed 参加人数 and must be more than half of it (errors).
"""

import datetime as dt

import pytest

from eligibility.helpers import applicant, evaluate_applicants, findings_of, unit_info

COMMITTEE_RULES = {"COMMITTEE_SIZE", "COMMITTEE_MISSING", "ATTENDANCE_EXCEEDS", "ATTENDANCE_EVEN", "VOTES_EXCEED",
                   "VOTES_MAJORITY"}


def approved(number: int = 1, decision: str = "通过") -> dict:
    person = applicant(number)
    person["单位审核"] = [{"审核结果": decision, "审批意见": "同意聘任。", "拟聘任时间": dt.date(2026, 6, 30)}]
    return person


def committee_findings(result) -> list[tuple[str, str, str]]:
    findings = result.findings[result.findings["规则"].isin(COMMITTEE_RULES)]
    return sorted(zip(findings["规则"], findings["级别"], findings["说明"]))


CASES = {
    "five-of-five": ((5, 5, 5), []),
    "bare-majority": ((5, 5, 3), []),
    "four-members": ((4, 3, 3), [
        ("COMMITTEE_SIZE", "警告", "推荐委员会总人数为 4 人，原则上不得少于 5 人。"),
    ]),
    "attendance-exceeds": ((5, 7, 7), [
        ("ATTENDANCE_EXCEEDS", "错误", "参加人数 7 人多于推荐委员会总人数 5 人。请核对。"),
    ]),
    "even-attendance": ((7, 6, 4), [
        ("ATTENDANCE_EVEN", "警告", "参加人数为 6 人（偶数）。为保证意见统一，参会人数通常为奇数（如 5、7、9 人）。"),
    ]),
    "votes-below-half": ((5, 5, 2), [
        ("VOTES_MAJORITY", "错误", "赞成人数 2 人未超过参加人数 5 人的半数，至少需要 3 人赞成。"),
    ]),
    "votes-exactly-half": ((7, 6, 3), [
        ("ATTENDANCE_EVEN", "警告", "参加人数为 6 人（偶数）。为保证意见统一，参会人数通常为奇数（如 5、7、9 人）。"),
        ("VOTES_MAJORITY", "错误", "赞成人数 3 人未超过参加人数 6 人的半数，至少需要 4 人赞成。"),
    ]),
    "votes-exceed": ((5, 5, 6), [
        ("VOTES_EXCEED", "错误", "赞成人数 6 人多于参加人数 5 人。请核对。"),
    ]),
}


@pytest.mark.parametrize("counts, expected", CASES.values(), ids=CASES.keys())
def test_committee(tmp_path, counts, expected):
    members, attendance, votes = counts
    unit = unit_info(推荐委员会总人数=members, 参加人数=attendance, 赞成人数=votes)
    result = evaluate_applicants(tmp_path, approved(), unit=unit)
    assert committee_findings(result) == expected


def test_votes_missing(tmp_path):
    unit = unit_info(赞成人数=None)
    result = evaluate_applicants(tmp_path, approved(), unit=unit)
    assert committee_findings(result) == [
        ("COMMITTEE_MISSING", "错误", "有审核通过的申请人，但单位信息中未填写：赞成人数。请补充推荐委员会的表决情况。"),
    ]


def test_finding_points_at_unit_item(tmp_path):
    unit = unit_info(推荐委员会总人数=4, 参加人数=3, 赞成人数=3)
    result = evaluate_applicants(tmp_path, approved(), unit=unit)
    finding = findings_of(result, "COMMITTEE_SIZE")
    # 推荐委员会总人数 is the 5th item, below the 项目 | 内容 header.
    assert finding[["工作表", "行号", "_field"]].values.tolist() == [["单位信息", 6, "推荐委员会总人数"]]


def test_no_approval_no_committee_check(tmp_path):
    unit = unit_info(推荐委员会总人数=3, 参加人数=4, 赞成人数=1)
    result = evaluate_applicants(tmp_path, approved(decision="不通过"), unit=unit)
    assert committee_findings(result) == []


@pytest.mark.parametrize("column", ["列", "规则", "级别", "_kind", "_field"])
def test_unit_finding_text_types(tmp_path, column):
    # Every text column of a findings table is an object column, whichever rules fired.
    result = evaluate_applicants(tmp_path, approved(), unit=unit_info(赞成人数=None))
    assert result.findings[column].dtype == object
