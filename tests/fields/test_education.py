"""Field rules of 学历信息: enumerations, enrolment and graduation dates, 备注 length."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest

from zcbatch import schemas
from zcbatch.batch import Batch

SHEET = "学历信息"
LETTER = {"入学时间": "B", "毕业时间": "C", "学历": "F", "学位": "G", "学制": "H", "是否工作前学历": "I", "备注": "K"}

EDUCATION_LEVELS = ["博士研究生", "硕士研究生", "大学本科", "大学专科", "中等专科", "技工学校", "高中", "初中及以下"]
DEGREES = ["博士", "硕士", "学士", "其他", "无"]
STUDY_MODES = ["全日制", "非全日制"]
TODAY = dt.date.today()


def rules_at(batch: Batch, row: int) -> list[str]:
    found = batch.findings
    return sorted(found.loc[(found["工作表"] == SHEET) & (found["行号"] == row), "规则"])


def typed_at(batch: Batch, row: int, column: str) -> object:
    frame = batch.sheets[SHEET]
    return frame.loc[frame["_row"] == row, column].iloc[0]


ACCEPTED: dict[str, dict[str, Any]] = {
    **{f"level-{value}": {"学历": value} for value in EDUCATION_LEVELS},
    **{f"degree-{value}": {"学位": value} for value in DEGREES},
    **{f"mode-{value}": {"学制": value} for value in STUDY_MODES},
    "level-alias-本科": {"学历": "本科"},
    "level-alias-大专": {"学历": "大专"},
    "degree-alias-学士学位": {"学位": "学士学位"},
    "mode-alias-在职": {"学制": "在职"},
    "dates-one-day-apart": {"入学时间": dt.date(2019, 6, 29), "毕业时间": dt.date(2019, 6, 30)},
    "graduated-today": {"毕业时间": TODAY},
    "note-100-characters": {"备注": "注" * 100},
    "note-blank": {"备注": None},
}
REJECTED: dict[str, tuple[dict[str, Any], str, str, str]] = {
    "level-graduate-student": ({"学历": "研究生"}, "ENUM_INVALID", "学历", "“研究生”不是“学历”的可选值"),
    "level-mba": ({"学历": "MBA"}, "ENUM_INVALID", "学历", "“MBA”不是“学历”的可选值"),
    "degree-double": ({"学位": "双学位"}, "ENUM_INVALID", "学位", "“双学位”不是“学位”的可选值"),
    "mode-release": ({"学制": "脱产"}, "ENUM_INVALID", "学制", "“脱产”不是“学制”的可选值"),
    "dates-equal": ({"入学时间": dt.date(2019, 6, 30)}, "EDU_DATES_ORDER", "入学时间",
                    "入学时间 2019-06-30 不早于毕业时间 2019-06-30"),
    "dates-reversed": ({"入学时间": dt.date(2020, 9, 1)}, "EDU_DATES_ORDER", "入学时间",
                       "入学时间 2020-09-01 不早于毕业时间 2019-06-30"),
    "graduation-tomorrow": ({"毕业时间": TODAY + dt.timedelta(days=1)}, "EDU_GRADUATION_FUTURE", "毕业时间",
                            f"毕业时间 {TODAY + dt.timedelta(days=1):%Y-%m-%d} 晚于今天"),
    "note-101-characters": ({"备注": "注" * 101}, "TEXT_TOO_LONG", "备注", "“备注”限 100 字，现为 101 字，超出 1 字"),
    "before-work-blank": ({"是否工作前学历": None}, "REQUIRED_MISSING", "是否工作前学历", "“是否工作前学历”为必填项"),
}


@pytest.fixture(scope="module")
def education_batch(case_batch: Any) -> Iterator[tuple[Batch, dict[str, int]]]:
    cases = {case: dict(cells) for case, cells in ACCEPTED.items()}
    cases |= {case: spec[0] for case, spec in REJECTED.items()}
    # The cases were built from TODAY; a run that crosses midnight must not move "today".
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(schemas, "_today", lambda: TODAY)
        yield case_batch(SHEET, cases)


@pytest.mark.parametrize("case", list(ACCEPTED))
def test_education_accepted(education_batch: Any, case: str) -> None:
    batch, rows = education_batch
    assert rules_at(batch, rows[case]) == []


@pytest.mark.parametrize("case", list(REJECTED))
def test_education_rejected(education_batch: Any, assert_rejected: Any, case: str) -> None:
    batch, rows = education_batch
    _, rule, column, words = REJECTED[case]
    assert_rejected(batch, SHEET, LETTER, rows[case], rule, column, words)


@pytest.mark.parametrize(("case", "column", "expected"), [
    ("level-alias-本科", "学历", "大学本科"),
    ("level-alias-大专", "学历", "大学专科"),
    ("degree-alias-学士学位", "学位", "学士"),
    ("mode-alias-在职", "学制", "非全日制"),
])
def test_education_alias_read(education_batch: Any, case: str, column: str, expected: str) -> None:
    batch, rows = education_batch
    assert typed_at(batch, rows[case], column) == expected


def test_education_levels_read(education_batch: Any) -> None:
    batch, rows = education_batch
    assert [typed_at(batch, rows[f"level-{value}"], "学历") for value in EDUCATION_LEVELS] == EDUCATION_LEVELS


def test_enum_message_lists_choices(education_batch: Any, rule_findings: Any) -> None:
    batch, rows = education_batch
    message = rule_findings(batch, "ENUM_INVALID", rows["degree-double"], SHEET).at[0, "说明"]
    assert "可选值：博士、硕士、学士、其他、无。" in message
