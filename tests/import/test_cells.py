"""Cell contents: numeric IDs, merged cells, blank rows, invisible characters, error values, provenance."""

from __future__ import annotations

import datetime as dt
from typing import Any

import openpyxl
import pytest

from zcbatch.batch import Batch, read_batch

# 120101199703150014 as Excel stores it once typed into a General cell: a
# double with 15 significant digits, so the last three digits are gone.
ID_AS_EXCEL_NUMBER = 1.20101199703150e17


# --- IDs stored as numbers ------------------------------------------------------------


@pytest.mark.parametrize("stored", [ID_AS_EXCEL_NUMBER, 120101199703150014], ids=["excel-double", "integer"])
def test_numeric_id_lost_digits(applicant: Any, load_batch: Any, rule_findings: Any, cell: Any,
                                stored: object) -> None:
    person = applicant()
    person["个人信息"][0]["证件号码"] = stored
    batch = load_batch(person)
    found = rule_findings(batch, "ID_LOST_DIGITS")
    assert len(found) == 1
    assert found.at[0, "级别"] == "错误"
    assert found.at[0, "工作表"] == "个人信息"
    assert cell(batch, found.iloc[0]) == "H2"
    assert "末几位已经丢失，无法恢复" in found.at[0, "说明"]
    assert "设为文本格式" in found.at[0, "说明"]


@pytest.mark.parametrize("text", ["1.20101199703150E+17", "1.2010119970315e+17", "1.20101E+17"])
def test_scientific_text_id_lost_digits(applicant: Any, load_batch: Any, rule_findings: Any, cell: Any,
                                        text: str) -> None:
    """A text cell with the number as Excel displays it has lost the same digits."""
    person = applicant()
    person["个人信息"][0]["证件号码"] = text
    batch = load_batch(person)
    found = rule_findings(batch, "ID_LOST_DIGITS")
    assert len(found) == 1
    assert cell(batch, found.iloc[0]) == "H2"
    assert f"“{text}”" in found.at[0, "说明"]
    assert rule_findings(batch, "ID_FORMAT").empty


def test_numeric_id_never_repaired(applicant: Any, load_batch: Any) -> None:
    person = applicant()
    number = person["个人信息"][0]["证件号码"]
    person["个人信息"][0]["证件号码"] = ID_AS_EXCEL_NUMBER
    batch = load_batch(person)
    typed = batch.applicants.at[0, "证件号码"]
    assert typed != number
    assert not typed.isdigit()


def test_numeric_id_no_format_findings(applicant: Any, load_batch: Any) -> None:
    """The lost digits are reported once, not also as a malformed or mis-checked ID."""
    person = applicant()
    person["个人信息"][0]["证件号码"] = ID_AS_EXCEL_NUMBER
    batch = load_batch(person)
    people_rules = set(batch.findings.loc[batch.findings["工作表"] == "个人信息", "规则"])
    assert people_rules & {"ID_FORMAT", "ID_CHECKSUM", "ID_15_DIGITS", "ID_BIRTH_MISMATCH", "ID_GENDER_MISMATCH"} == set()


def test_numeric_id_in_row_sheet(applicant: Any, load_batch: Any, rule_findings: Any, cell: Any) -> None:
    person = applicant()
    person["继续教育"][0]["证件号码"] = ID_AS_EXCEL_NUMBER
    batch = load_batch(person)
    found = rule_findings(batch, "ID_LOST_DIGITS")
    assert len(found) == 1
    assert found.at[0, "工作表"] == "继续教育"
    assert cell(batch, found.iloc[0]) == "A2"


def test_numeric_15_digit_id(applicant: Any, load_batch: Any, rule_findings: Any) -> None:
    """A 15-digit number fits a double exactly, so it is reported as an old ID, not as lost digits."""
    person = applicant()
    person["个人信息"][0]["证件号码"] = 120101970315001
    batch = load_batch(person)
    assert len(rule_findings(batch, "ID_15_DIGITS")) == 1
    assert rule_findings(batch, "ID_LOST_DIGITS").empty


# --- Merged cells and blank rows -------------------------------------------------------


def test_merged_id_cells_filled(applicant: Any, write_workbook: Any) -> None:
    person = applicant()
    number = person["学历信息"][0]["证件号码"]
    master = dict(person["学历信息"][0], 入学时间=dt.date(2019, 9, 1), 毕业时间=dt.date(2021, 6, 30),
                  学历="硕士研究生", 学位="硕士", 是否工作前学历="是")
    person["学历信息"].append(dict(master, 证件号码=None))
    path = write_workbook(person)
    workbook = openpyxl.load_workbook(path)
    workbook["学历信息"].merge_cells("A2:A3")
    workbook.save(path)
    batch = read_batch(path)
    assert batch.sheets["学历信息"]["证件号码"].tolist() == [number, number]
    assert batch.findings.empty


def test_merged_text_cells_filled(applicant: Any, write_workbook: Any) -> None:
    first, second = applicant(1), applicant(2, gender="女")
    sheets = {name: first[name] + second[name] for name in first}
    path = write_workbook(sheets)
    workbook = openpyxl.load_workbook(path)
    workbook["个人信息"].merge_cells("A2:A3")  # 工作单位 of both applicants
    workbook.save(path)
    batch = read_batch(path)
    assert batch.applicants["工作单位"].tolist() == [first["个人信息"][0]["工作单位"]] * 2


@pytest.fixture(scope="module")
def gap_batch(applicant: Any, write_workbook: Any) -> Batch:
    first, second, third = applicant(1), applicant(2), applicant(3)
    sheets: dict[str, list[Any]] = {name: first[name] + second[name] + third[name] for name in first}
    people = sheets["个人信息"]
    blank = {key: None for key in people[0]}
    spaces = {key: None for key in people[0]} | {"姓名": " ", "民族": "\u3000", "行政职务": "\u200b"}
    sheets["个人信息"] = [people[0], blank, people[1], spaces, people[2]]
    return read_batch(write_workbook(sheets))


def test_blank_row_skipped(gap_batch: Batch) -> None:
    assert gap_batch.applicants["姓名"].tolist() == ["测试1", "测试2", "测试3"]


def test_rows_after_blank_keep_excel_row(gap_batch: Batch) -> None:
    assert gap_batch.applicants["_row"].tolist() == [2, 4, 6]


def test_whitespace_row_not_reported(gap_batch: Batch) -> None:
    """A row holding only spaces and invisible characters looks blank in Excel and is skipped."""
    assert gap_batch.findings.empty


def test_numbered_empty_rows_skipped(applicant: Any, load_batch: Any) -> None:
    """Rows with only a pre-filled 序号 carry no applicant and are skipped like blank rows."""
    person = applicant()
    person["个人信息"] = [{"序号": 1, **person["个人信息"][0]}, {"序号": 2}, {"序号": 3}]
    batch = load_batch(person)
    assert batch.applicants["序号"].tolist() == ["1"]
    assert batch.findings["规则"].tolist() == ["HEADER_UNKNOWN"]


# --- Whitespace and invisible characters -------------------------------------------


@pytest.fixture(scope="module")
def padded_batch(applicant: Any, load_batch: Any) -> tuple[Batch, dict[str, Any]]:
    person = applicant()
    number = person["个人信息"][0]["证件号码"]
    row = person["个人信息"][0]
    row.update({
        "证件号码": f"\u200b{number[:6]} {number[6:14]} {number[14:]}\u3000",
        "姓名": "\u3000测试1\u00a0",
        "民族": "汉族\u200b",
        "手机号码": " 138 0000 0001 ",
        "工作单位": "\ufeff" + row["工作单位"] + " ",
    })
    for sheet in ("学历信息", "工作经历", "继续教育", "考核情况"):
        person[sheet][0]["证件号码"] = f" {number}\u200b"
    return load_batch(person), applicant()["个人信息"][0]


def test_padded_cells_no_findings(padded_batch: tuple[Batch, dict[str, Any]]) -> None:
    batch, _ = padded_batch
    assert batch.findings.empty


@pytest.mark.parametrize("column", ["证件号码", "姓名", "民族", "手机号码", "工作单位"])
def test_padded_cell_trimmed(padded_batch: tuple[Batch, dict[str, Any]], column: str) -> None:
    batch, clean = padded_batch
    assert batch.applicants.at[0, column] == clean[column]


@pytest.mark.parametrize("sheet", ["学历信息", "工作经历", "继续教育", "考核情况"])
def test_padded_key_joins(padded_batch: tuple[Batch, dict[str, Any]], sheet: str) -> None:
    batch, clean = padded_batch
    assert batch.sheets[sheet]["证件号码"].tolist() == [clean["证件号码"]]


# --- Excel error values -------------------------------------------------------------------


ERROR_CELLS = {
    ("个人信息", "M2"): ("=NA()", "#N/A"),  # 民族
    ("学历信息", "C2"): ("=DATEVALUE(\"x\")", "#VALUE!"),  # 毕业时间
    ("继续教育", "E2"): ("=1/0", "#DIV/0!"),  # 总学时数
    ("考核情况", "A2"): ("=VLOOKUP(\"x\",Z:Z,1,FALSE)", "#N/A"),  # 证件号码
}


@pytest.fixture(scope="module")
def error_batch(applicant: Any, write_error_workbook: Any) -> Batch:
    return read_batch(write_error_workbook(applicant(), ERROR_CELLS))


@pytest.mark.parametrize(("sheet", "reference"), list(ERROR_CELLS), ids=[ref for _, ref in ERROR_CELLS])
def test_error_value_reported(error_batch: Batch, rule_findings: Any, cell: Any, sheet: str, reference: str) -> None:
    found = rule_findings(error_batch, "CELL_ERROR_VALUE")
    found = found[found["工作表"] == sheet].reset_index(drop=True)
    cached = ERROR_CELLS[(sheet, reference)][1]
    assert len(found) == 1
    assert found.at[0, "级别"] == "错误"
    assert cell(error_batch, found.iloc[0]) == reference
    assert f"单元格为错误值“{cached}”" in found.at[0, "说明"]


def test_error_value_read_as_missing(error_batch: Batch) -> None:
    assert error_batch.applicants["民族"].isna().all()


def test_error_value_only_finding_per_cell(error_batch: Batch) -> None:
    """An error cell is not also reported as blank, as an invalid value or by a sum check."""
    cells = error_batch.findings[error_batch.findings["规则"] != "ORPHAN_ROW"]
    assert sorted(cells["规则"]) == ["CELL_ERROR_VALUE"] * len(ERROR_CELLS)


# --- Provenance ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def shuffled_batch(applicant: Any, write_workbook: Any) -> Batch:
    first, second = applicant(1), applicant(2, gender="女")
    second["个人信息"][0]["手机号码"] = "12800000002"
    second["考核情况"][0]["考核结果"] = "良"
    second["工作经历"][0]["开始日期"] = "2021年13月"
    sheets = {name: first[name] + second[name] for name in first}
    # Column order is free: write 个人信息 with its columns reversed.
    sheets["个人信息"] = [dict(reversed(list(row.items()))) for row in sheets["个人信息"]]
    return read_batch(write_workbook(sheets))


@pytest.mark.parametrize(("rule", "sheet", "reference"), [
    ("MOBILE_INVALID", "个人信息", "K3"),
    ("ENUM_INVALID", "考核情况", "C3"),
    ("DATE_INVALID", "工作经历", "B3"),
])
def test_finding_points_at_cell(shuffled_batch: Batch, rule_findings: Any, cell: Any, rule: str, sheet: str,
                                reference: str) -> None:
    found = rule_findings(shuffled_batch, rule)
    assert len(found) == 1
    assert found.at[0, "文件"] == "申报信息.xlsx"
    assert found.at[0, "工作表"] == sheet
    assert cell(shuffled_batch, found.iloc[0]) == reference


def test_finding_carries_full_id(shuffled_batch: Batch, rule_findings: Any) -> None:
    found = rule_findings(shuffled_batch, "ENUM_INVALID")
    assert found.at[0, "_key"] == shuffled_batch.applicants["证件号码"].iloc[1]
