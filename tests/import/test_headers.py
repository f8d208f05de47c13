"""Header matching: synonyms, spacing and full-width forms, extra, duplicate and missing columns."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import pytest

from zcbatch.batch import read_batch
from zcbatch.errors import InputError


def relabel(rows: Sequence[Mapping[str, Any]], labels: Mapping[str, str]) -> list[list[Any]]:
    """Return rows as lists under a header where some column names are replaced."""
    keys = list(rows[0])
    return [[labels.get(key, key) for key in keys], *([row.get(key) for key in keys] for row in rows)]


def test_id_synonyms_match_key(applicant: Any, load_batch: Any) -> None:
    person = applicant()
    number = person["个人信息"][0]["证件号码"]
    batch = load_batch(person, extra={
        "个人信息": relabel(person["个人信息"], {"证件号码": "身份证号", "手机号码": "手机"}),
        "学历信息": relabel(person["学历信息"], {"证件号码": "身份证号码"}),
    })
    assert batch.findings.empty
    assert batch.applicants["证件号码"].tolist() == [number]
    assert batch.applicants["手机号码"].tolist() == ["13800000001"]
    assert batch.sheets["学历信息"]["证件号码"].tolist() == [number]
    assert batch.letters[("申报信息.xlsx", "个人信息")]["证件号码"] == "H"


@pytest.mark.parametrize("label", [
    " 证件 号码 ",
    "证件\u3000号码",
    "*证件号码",
    "＊证件号码",
    "证件号码（必填）",
    "\ufeff证件号码\u200b",
], ids=["spaces", "ideographic-space", "asterisk", "full-width-asterisk", "required-note", "invisible"])
def test_header_spacing_folded(applicant: Any, load_batch: Any, label: str) -> None:
    person = applicant()
    batch = load_batch(person, extra={"个人信息": relabel(person["个人信息"], {"证件号码": label})})
    assert batch.findings.empty
    assert batch.applicants["证件号码"].tolist() == [person["个人信息"][0]["证件号码"]]


def test_full_width_header_folded(applicant: Any, load_batch: Any) -> None:
    person = applicant()
    labels = {"公需科目学时数": "公需科目\u3000学时数", "总学时数": "总学时数（必填）"}
    batch = load_batch(person, extra={"继续教育": relabel(person["继续教育"], labels)})
    assert batch.findings.empty
    assert batch.sheets["继续教育"]["总学时数"].tolist() == [96.0]


@pytest.fixture(scope="module")
def extra_column_batch(applicant: Any, load_batch: Any) -> Any:
    person = applicant(备用说明="内部编号A-17")
    return load_batch(person)


def test_extra_column_kept(extra_column_batch: Any) -> None:
    assert extra_column_batch.applicants["备用说明"].tolist() == ["内部编号A-17"]


def test_extra_column_reported(extra_column_batch: Any, rule_findings: Any) -> None:
    found = rule_findings(extra_column_batch, "HEADER_UNKNOWN")
    assert len(found) == 1
    assert found.at[0, "级别"] == "提示"
    assert found.at[0, "工作表"] == "个人信息"
    assert found.at[0, "行号"] == 1
    assert found.at[0, "列"] == "备用说明（Y列）"
    assert "已原样保留" in found.at[0, "说明"]


def test_extra_column_only_finding(extra_column_batch: Any) -> None:
    assert extra_column_batch.findings["规则"].tolist() == ["HEADER_UNKNOWN"]


@pytest.fixture(scope="module")
def duplicate_batch(applicant: Any, load_batch: Any) -> Any:
    person = applicant()
    rows = relabel(person["个人信息"], {})
    rows[0].append("姓名")
    rows[1].append("另一个名字")
    return load_batch(person, extra={"个人信息": rows})


def test_duplicate_header_reported(duplicate_batch: Any, rule_findings: Any) -> None:
    found = rule_findings(duplicate_batch, "HEADER_DUPLICATE")
    assert len(found) == 1
    assert found.at[0, "级别"] == "警告"
    assert found.at[0, "工作表"] == "个人信息"
    assert found.at[0, "行号"] == 1
    assert found.at[0, "列"] == "姓名（Y列）"
    assert "按I列读取" in found.at[0, "说明"]


def test_duplicate_header_first_read(duplicate_batch: Any) -> None:
    assert duplicate_batch.applicants["姓名"].tolist() == ["测试1"]


def test_duplicate_header_second_kept(duplicate_batch: Any) -> None:
    assert duplicate_batch.applicants["姓名（Y列）"].tolist() == ["另一个名字"]


@pytest.mark.parametrize(("sheet", "column"), [
    ("个人信息", "民族"),
    ("工作经历", "工作内容"),
    ("考核情况", "考核结果"),
])
def test_missing_required_column(applicant: Any, load_batch: Any, rule_findings: Any, sheet: str,
                                 column: str) -> None:
    person = applicant()
    for row in person[sheet]:
        del row[column]
    batch = load_batch(person)
    found = rule_findings(batch, "HEADER_MISSING")
    assert len(found) == 1
    assert found.at[0, "级别"] == "错误"
    assert found.at[0, "工作表"] == sheet
    assert found.at[0, "行号"] == 1
    assert found.at[0, "列"] == column
    assert f"缺少必填列“{column}”" in found.at[0, "说明"]
    assert batch.sheets[sheet][column].isna().all()


@pytest.mark.parametrize("sheet", ["个人信息", "学历信息", "继续教育"])
def test_missing_key_column_raises(applicant: Any, write_workbook: Any, sheet: str) -> None:
    person = applicant()
    for row in person[sheet]:
        del row["证件号码"]
    path = write_workbook(person)
    with pytest.raises(InputError) as raised:
        read_batch(path)
    assert f"“申报信息.xlsx”的工作表“{sheet}”缺少“证件号码”列" in str(raised.value)


def test_title_row_above_header(applicant: Any, load_batch: Any) -> None:
    person = applicant()
    rows = [["2024年度自主聘任申报人员信息"], *relabel(person["个人信息"], {})]
    batch = load_batch(person, extra={"个人信息": rows})
    assert batch.findings.empty
    assert batch.applicants["_row"].tolist() == [3]
