"""Policy files: loading, every kind of error, and a changed value changing the outcome.

Each broken policy is the bundled teda-2024.yaml with one change, written to
a temporary file, so the message names exactly the key that was changed.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
import yaml

from zcbatch.cli import main
from zcbatch.errors import PolicyError
from zcbatch.evaluate import evaluate
from zcbatch.policy import load_policy
from zcbatch.resources import data_dir

from eligibility.helpers import applicant, messages, read_applicants, write_workbook

BUNDLED = data_dir("schemas") / "policies" / "teda-2024.yaml"


def bundled() -> dict:
    return yaml.safe_load(BUNDLED.read_text(encoding="utf-8"))


def write_policy(path: Path, data: dict) -> Path:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def policy_error(path: Path) -> str:
    with pytest.raises(PolicyError) as raised:
        load_policy(path)
    return str(raised.value)


def expected(path: Path, problems: str) -> str:
    return f"政策文件“{path.name}”有误：{problems}。请对照内置政策 teda-2024.yaml 修改。"


def test_bundled_policy_loads():
    assert load_policy("teda-2024").label == "teda-2024 2024.1"


def test_default_policy_is_bundled():
    assert load_policy().name == "teda-2024"


def test_unknown_policy_name():
    with pytest.raises(PolicyError) as raised:
        load_policy("teda-2099")
    assert str(raised.value).startswith("找不到名为“teda-2099”的政策。内置政策有：")


def test_missing_policy_file(tmp_path):
    assert policy_error(tmp_path / "缺失.yaml") == f"找不到政策文件“{tmp_path / '缺失.yaml'}”。请检查路径。"


def test_unknown_key(tmp_path):
    data = bundled()
    data["review"]["committe_min_members"] = data["review"].pop("committee_min_members")
    path = write_policy(tmp_path / "typo.yaml", data)
    assert policy_error(path) == expected(
        path, "未知的键“review.committe_min_members”；缺少“review.committee_min_members”的值"
    )


def test_unknown_top_level_key(tmp_path):
    data = bundled()
    data["remarks"] = "extra"
    path = write_policy(tmp_path / "extra.yaml", data)
    assert policy_error(path) == expected(path, "未知的键“remarks”")


def test_missing_value(tmp_path):
    data = bundled()
    data["review"]["publicity_min_workdays"] = None
    path = write_policy(tmp_path / "missing.yaml", data)
    assert policy_error(path) == expected(path, "缺少“review.publicity_min_workdays”的值")


def test_missing_section(tmp_path):
    data = bundled()
    del data["appraisal"]
    path = write_policy(tmp_path / "no_appraisal.yaml", data)
    assert policy_error(path) == expected(path, "缺少“appraisal”的值")


def test_wrong_type_text_for_hours(tmp_path):
    data = bundled()
    data["continuing_education"]["min_hours"]["公需"] = "三十二"
    path = write_policy(tmp_path / "text_hours.yaml", data)
    assert policy_error(path) == expected(path, "“continuing_education.min_hours.公需”的值“三十二”类型不对")


def test_wrong_type_in_level_table(tmp_path):
    data = bundled()
    data["min_work_years"]["助理级"]["本科"] = "一年"
    path = write_policy(tmp_path / "text_years.yaml", data)
    assert policy_error(path) == expected(path, "“min_work_years.助理级.本科”的值“一年”类型不对")


def test_wrong_type_yes_for_count(tmp_path):
    data = bundled()
    data["review"]["publicity_min_workdays"] = True
    path = write_policy(tmp_path / "bool_days.yaml", data)
    assert policy_error(path) == expected(path, "“review.publicity_min_workdays”的值“True”类型不对")


def test_wrong_type_yes_for_fraction(tmp_path):
    data = bundled()
    data["review"]["majority_fraction"] = True
    path = write_policy(tmp_path / "bool_fraction.yaml", data)
    assert policy_error(path) == expected(path, "“review.majority_fraction”的值“True”类型不对")


def test_wrong_type_number_in_list(tmp_path):
    data = bundled()
    data["appraisal"]["passing_results"] = ["合格", 1]
    path = write_policy(tmp_path / "number_result.yaml", data)
    assert policy_error(path) == expected(path, "“appraisal.passing_results第2项”的值“1”类型不对")


def test_wrong_type_text_for_list(tmp_path):
    data = bundled()
    data["attachments"]["registration_form_keywords"] = "备案表"
    path = write_policy(tmp_path / "text_keywords.yaml", data)
    assert policy_error(path) == expected(path, "“attachments.registration_form_keywords”应为列表")


def test_empty_list_rejected(tmp_path):
    data = bundled()
    data["appraisal"]["passing_results"] = []
    path = write_policy(tmp_path / "no_results.yaml", data)
    assert policy_error(path) == expected(path, "“appraisal.passing_results”不能为空列表")


def test_spaced_list_item_rejected(tmp_path):
    data = bundled()
    data["appraisal"]["passing_results"] = ["优秀", " 良好"]
    path = write_policy(tmp_path / "spaced_result.yaml", data)
    assert policy_error(path) == expected(path, "“appraisal.passing_results第2项”“ 良好”为空或前后有空格")


def test_wrong_type_section_as_list(tmp_path):
    data = bundled()
    data["review"] = [5, True]
    path = write_policy(tmp_path / "list_review.yaml", data)
    assert policy_error(path) == expected(path, "“review”应为键值结构")


def test_unknown_level(tmp_path):
    data = bundled()
    data["min_work_years"]["副高级"] = {"博士": 2}
    path = write_policy(tmp_path / "senior.yaml", data)
    assert policy_error(path) == expected(path, "“min_work_years.副高级”不是有效的申报层级")


def test_unknown_tier(tmp_path):
    data = bundled()
    data["appraisal"]["years"]["研究生"] = 1
    path = write_policy(tmp_path / "tier.yaml", data)
    assert policy_error(path) == expected(path, "“appraisal.years.研究生”不是有效的学历层次")


def test_negative_value(tmp_path):
    data = bundled()
    data["review"]["committee_min_members"] = -5
    path = write_policy(tmp_path / "negative.yaml", data)
    assert policy_error(path) == expected(path, "“review.committee_min_members”不能为负数")


def test_invalid_yaml(tmp_path):
    path = tmp_path / "broken.yaml"
    path.write_text("name: teda\nreview: [1, 2\n", encoding="utf-8")
    assert policy_error(path).startswith("政策文件“broken.yaml”不是有效的 YAML：")


# --- A changed value changes the outcome --------------------------------------------

# 本科, work since 2025-03-01: 1 year 3 months on 2026-06-30.
BACHELOR = applicant(1, graduation=dt.date(2024, 6, 30), work_start=dt.date(2025, 3, 1))


@pytest.fixture
def stricter_policy(tmp_path) -> Path:
    data = bundled()
    data["name"] = "teda-2024-stricter"
    data["min_work_years"]["助理级"]["本科"] = 2
    return write_policy(tmp_path / "stricter.yaml", data)


def test_bundled_policy_accepts(tmp_path):
    result = evaluate(read_applicants(tmp_path, BACHELOR), year=2026, date="2026-06-30")
    assert messages(result, "MIN_WORK_YEARS", BACHELOR) == []


def test_policy_path_changes_outcome(tmp_path, stricter_policy):
    result = evaluate(read_applicants(tmp_path, BACHELOR), policy=str(stricter_policy), year=2026, date="2026-06-30")
    assert messages(result, "MIN_WORK_YEARS", BACHELOR) == [
        "本科学历申报助理级需从事专业技术工作满 2 年，现为 1 年 3 个月，最早 2027-03-01 满足。"
    ]


def run_check(folder: Path, capsys, *options: str) -> tuple[int, str, str]:
    """Run ``zcbatch check`` on a workbook of BACHELOR; return the exit code, stdout and stderr."""
    workbook = write_workbook(folder / "申报信息.xlsx", [BACHELOR])
    code = main(["check", str(workbook), "-o", str(folder / "out"), "--year", "2026", "--date", "2026-06-30", *options])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def summary_line(output: str) -> str:
    return next(line for line in output.splitlines() if line.startswith("共 "))


@pytest.fixture
def stricter_run(tmp_path, stricter_policy, capsys):
    return run_check(tmp_path, capsys, "--policy", str(stricter_policy))


@pytest.fixture
def default_run(tmp_path, capsys):
    return run_check(tmp_path, capsys)


def test_cli_policy_option_succeeds(stricter_run):
    assert stricter_run[0] == 0


def test_cli_policy_option_changes_status(stricter_run):
    assert summary_line(stricter_run[1]) == "共 1 名申请人：数据错误 0 人，不符合条件 1 人，需补充材料 0 人，可聘任 0 人"


def test_cli_policy_option_named(stricter_run):
    assert "政策 teda-2024-stricter 2024.1" in stricter_run[1]


def test_cli_default_policy_status(default_run):
    assert summary_line(default_run[1]) == "共 1 名申请人：数据错误 0 人，不符合条件 0 人，需补充材料 0 人，可聘任 1 人"


@pytest.fixture
def broken_run(tmp_path, capsys):
    data = bundled()
    data["review"]["publicity_min_workdays"] = None
    policy = write_policy(tmp_path / "missing.yaml", data)
    return policy, run_check(tmp_path, capsys, "--policy", str(policy))


def test_cli_broken_policy_exit_code(broken_run):
    assert broken_run[1][0] == 2


def test_cli_broken_policy_message(broken_run):
    policy, (_, _, error) = broken_run
    assert error == "zcbatch：" + expected(policy, "缺少“review.publicity_min_workdays”的值") + "\n"


def test_edited_policy_reloaded(tmp_path):
    # cp -p and rsync -t keep the modification time, so an edit of the same
    # size is recognised by the content.
    path = tmp_path / "policy.yaml"
    path.write_text(BUNDLED.read_text(encoding="utf-8"), encoding="utf-8")
    before = path.stat()
    assert load_policy(path).continuing_education["min_hours"]["公需"] == 32
    path.write_text(path.read_text(encoding="utf-8").replace("公需: 32", "公需: 33"), encoding="utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert load_policy(path).continuing_education["min_hours"]["公需"] == 33


def test_loaded_policy_is_own_copy():
    first = load_policy()
    first.continuing_education["min_hours"]["公需"] = 0
    assert load_policy().continuing_education["min_hours"]["公需"] == 32
