"""Tests of the input template written by zcbatch.template."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import openpyxl
import pytest
import python_calamine
from openpyxl.worksheet.worksheet import Worksheet
from stdnum.cn import ric, uscc

from zcbatch import resources
from zcbatch.batch import read_batch
from zcbatch.template import (
    DATA_LAST_ROW,
    INSTRUCTIONS_SHEET,
    OPTIONS_SHEET,
    UNIT_INFO_HELP,
    write_template,
)

SHEETS: dict[str, dict[str, Any]] = resources.fields()["sheets"]
TABLE_SHEETS = [name for name, sheet in SHEETS.items() if sheet.get("layout") != "key_value"]
EXPECTED_SHEET_NAMES = [
    "填写说明",
    "个人信息",
    "学历信息",
    "工作经历",
    "继续教育",
    "考核情况",
    "单位审核",
    "单位信息",
    "_选项",
]
# A column range such as '_选项'!$H$2:$H$9, or one cell for a single value.
RANGE_REFERENCE = re.compile(
    r"^'?(?P<sheet>.+?)'?!\$(?P<col>[A-Z]+)\$(?P<first>\d+)(?::\$(?P=col)\$(?P<last>\d+))?$"
)


def table_columns(sheet: str) -> list[tuple[int, dict[str, Any]]]:
    """Return (1-based column index, definition) of every column of a table sheet."""
    return list(enumerate(SHEETS[sheet]["columns"], start=1))


@pytest.fixture(scope="module")
def blank_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_template(tmp_path_factory.mktemp("blank") / "申报信息.xlsx")


@pytest.fixture(scope="module")
def example_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_template(tmp_path_factory.mktemp("example") / "申报信息.xlsx", example=True)


@pytest.fixture(scope="module")
def blank(blank_path: Path) -> openpyxl.Workbook:
    return openpyxl.load_workbook(blank_path)


@pytest.fixture(scope="module")
def example(example_path: Path) -> openpyxl.Workbook:
    return openpyxl.load_workbook(example_path)


def validation_for(worksheet: Worksheet, col: int, row: int = 2) -> Any:
    """Return the data validation that covers a cell, or None."""
    coordinate = f"{openpyxl.utils.get_column_letter(col)}{row}"
    for validation in worksheet.data_validations.dataValidation:
        if coordinate in validation.sqref:
            return validation
    return None


def list_values(workbook: openpyxl.Workbook, formula: str) -> list[str]:
    """Resolve a list validation's range reference to the values it offers."""
    match = RANGE_REFERENCE.match(formula)
    assert match is not None, f"list source is not a range reference: {formula!r}"
    source = workbook[match["sheet"]]
    col = match["col"]
    first = int(match["first"])
    last = int(match["last"] or first)
    return [source[f"{col}{row}"].value for row in range(first, last + 1)]


def column_number_format(worksheet: Worksheet, col: int) -> str | None:
    """Return the number format set on a whole column, or None when the column has none."""
    for dimension in worksheet.column_dimensions.values():
        if dimension.min is not None and dimension.min <= col <= dimension.max:
            return dimension.number_format
    return None


def has_list(column: dict[str, Any]) -> bool:
    return column["type"] in ("enum", "bool") or "choices_from" in column


def expected_list(column: dict[str, Any]) -> list[str]:
    if column["type"] == "bool":
        return ["是", "否"]
    if column.get("choices_from") == "qualifications.yaml":
        names: list[str] = []
        for by_level in resources.qualifications().values():
            names.extend(name for name in by_level.values() if name not in names)
        return names
    return resources.enums()[column["enum"]]["values"]


# --- Structure -------------------------------------------------------------------------


def test_sheet_names_and_order(blank: openpyxl.Workbook) -> None:
    assert blank.sheetnames == EXPECTED_SHEET_NAMES


def test_options_sheet_hidden(blank: openpyxl.Workbook) -> None:
    assert blank[OPTIONS_SHEET].sheet_state == "hidden"


def test_data_sheets_visible(blank: openpyxl.Workbook) -> None:
    for name in EXPECTED_SHEET_NAMES[:-1]:
        assert blank[name].sheet_state == "visible", name


@pytest.mark.parametrize("sheet", TABLE_SHEETS)
def test_headers_equal_field_names(blank: openpyxl.Workbook, sheet: str) -> None:
    worksheet = blank[sheet]
    headers = [cell.value for cell in worksheet[1]]
    assert headers == [column["name"] for column in SHEETS[sheet]["columns"]]


@pytest.mark.parametrize("sheet", TABLE_SHEETS)
def test_blank_template_has_no_data_rows(blank: openpyxl.Workbook, sheet: str) -> None:
    assert blank[sheet].max_row == 1


def test_unit_info_key_value_layout(blank: openpyxl.Workbook) -> None:
    worksheet = blank["单位信息"]
    assert [worksheet["A1"].value, worksheet["B1"].value] == ["项目", "内容"]
    items = [worksheet.cell(row, 1).value for row in range(2, worksheet.max_row + 1)]
    assert items == [item["name"] for item in SHEETS["单位信息"]["columns"]]


def test_unit_info_prefilled_values(blank: openpyxl.Workbook) -> None:
    values = {row[0]: row[1] for row in blank["单位信息"].iter_rows(min_row=2, values_only=True)}
    assert values["行政区划"] == "经济技术开发区"
    assert values["上级单位"] == "天津经济技术开发区人力资源和社会保障局"
    assert values["单位名称"] is None


@pytest.mark.parametrize("sheet", [*TABLE_SHEETS, "单位信息"])
def test_header_row_frozen(blank: openpyxl.Workbook, sheet: str) -> None:
    assert blank[sheet].freeze_panes == "A2"


@pytest.mark.parametrize("sheet", TABLE_SHEETS)
def test_autofilter_spans_header(blank: openpyxl.Workbook, sheet: str) -> None:
    last = openpyxl.utils.get_column_letter(len(SHEETS[sheet]["columns"]))
    assert blank[sheet].auto_filter.ref == f"A1:{last}{DATA_LAST_ROW}"


@pytest.mark.parametrize("sheet", TABLE_SHEETS)
def test_column_widths_from_fields(blank: openpyxl.Workbook, sheet: str) -> None:
    worksheet = blank[sheet]
    for col, column in table_columns(sheet):
        letter = openpyxl.utils.get_column_letter(col)
        dimension = next(d for d in worksheet.column_dimensions.values() if d.min <= col <= d.max)
        # xlsxwriter stores the width plus the cell padding of 0.71 characters.
        assert round(dimension.width) == column["width"] + 1, letter


# --- Header comments and fills ---------------------------------------------------------


@pytest.mark.parametrize("sheet", TABLE_SHEETS)
def test_header_comment_contains_help(blank: openpyxl.Workbook, sheet: str) -> None:
    worksheet = blank[sheet]
    for col, column in table_columns(sheet):
        comment = worksheet.cell(1, col).comment
        assert comment is not None, column["name"]
        assert column["help"] in comment.text, column["name"]


@pytest.mark.parametrize("sheet", TABLE_SHEETS)
def test_required_comment_starts_with_mark(blank: openpyxl.Workbook, sheet: str) -> None:
    worksheet = blank[sheet]
    for col, column in table_columns(sheet):
        text = worksheet.cell(1, col).comment.text
        assert text.startswith("必填。") == bool(column.get("required")), column["name"]


@pytest.mark.parametrize("sheet", TABLE_SHEETS)
def test_required_header_fill_differs(blank: openpyxl.Workbook, sheet: str) -> None:
    worksheet = blank[sheet]
    for col, column in table_columns(sheet):
        fill = worksheet.cell(1, col).fill.fgColor.rgb
        expected = "FFF8CBAD" if column.get("required") else "FFDDEBF7"
        assert fill == expected, column["name"]


def test_comment_lists_short_enum(blank: openpyxl.Workbook) -> None:
    text = blank["学历信息"]["H1"].comment.text
    assert "可选值：全日制、非全日制" in text


def test_comment_points_to_dropdown_for_long_enum(blank: openpyxl.Workbook) -> None:
    text = blank["个人信息"]["M1"].comment.text
    assert blank["个人信息"]["M1"].value == "民族"
    assert "可选值：见下拉列表" in text


def test_comment_states_max_length(blank: openpyxl.Workbook) -> None:
    worksheet = blank["工作经历"]
    assert worksheet["G1"].value == "工作内容"
    assert "不超过500字" in worksheet["G1"].comment.text


def test_unit_info_items_have_help(blank: openpyxl.Workbook) -> None:
    worksheet = blank["单位信息"]
    for row in range(2, worksheet.max_row + 1):
        name = worksheet.cell(row, 1).value
        comment = worksheet.cell(row, 1).comment
        assert comment is not None, name
        assert UNIT_INFO_HELP[name] in comment.text, name


# --- Data validation -------------------------------------------------------------------


@pytest.mark.parametrize("sheet", TABLE_SHEETS)
def test_enum_and_bool_columns_offer_list(blank: openpyxl.Workbook, sheet: str) -> None:
    worksheet = blank[sheet]
    for col, column in table_columns(sheet):
        if not has_list(column):
            continue
        validation = validation_for(worksheet, col)
        assert validation is not None, column["name"]
        assert validation.type == "list", column["name"]
        assert list_values(blank, validation.formula1) == expected_list(column), column["name"]


def test_education_offers_exactly_eight(blank: openpyxl.Workbook) -> None:
    worksheet = blank["学历信息"]
    assert worksheet["F1"].value == "学历"
    values = list_values(blank, validation_for(worksheet, 6).formula1)
    assert values == ["博士研究生", "硕士研究生", "大学本科", "大学专科", "中等专科", "技工学校", "高中", "初中及以下"]


def test_qualification_list_contains_assistant_engineer(blank: openpyxl.Workbook) -> None:
    worksheet = blank["个人信息"]
    assert worksheet["F1"].value == "申报资格名称"
    values = list_values(blank, validation_for(worksheet, 6).formula1)
    assert "助理工程师" in values
    assert len(values) == len(set(values))


def test_long_list_referenced_by_range(blank: openpyxl.Workbook) -> None:
    # Excel rejects an inline list longer than 255 characters; this one is longer,
    # and list_values fails unless the source is a range reference.
    values = list_values(blank, validation_for(blank["个人信息"], 6).formula1)
    assert len(",".join(values)) > 255


def test_nationality_list_complete(blank: openpyxl.Workbook) -> None:
    assert blank["个人信息"]["M1"].value == "民族"
    values = list_values(blank, validation_for(blank["个人信息"], 13).formula1)
    assert len(values) == 58


@pytest.mark.parametrize("sheet", TABLE_SHEETS)
def test_validation_covers_data_rows(blank: openpyxl.Workbook, sheet: str) -> None:
    worksheet = blank[sheet]
    for col, column in table_columns(sheet):
        if not has_list(column) and column["type"] not in ("year", "hours"):
            continue
        assert validation_for(worksheet, col, 1) is None, column["name"]
        assert validation_for(worksheet, col, DATA_LAST_ROW) is not None, column["name"]
        assert validation_for(worksheet, col, DATA_LAST_ROW + 1) is None, column["name"]


@pytest.mark.parametrize("sheet", TABLE_SHEETS)
def test_validation_warns_with_hint(blank: openpyxl.Workbook, sheet: str) -> None:
    for validation in blank[sheet].data_validations.dataValidation:
        assert validation.prompt, str(validation.sqref)
        if validation.type is not None:
            assert validation.errorStyle == "warning", str(validation.sqref)


def test_year_column_whole_number_range(blank: openpyxl.Workbook) -> None:
    worksheet = blank["继续教育"]
    assert worksheet["B1"].value == "年度"
    validation = validation_for(worksheet, 2)
    assert validation.type == "whole"
    assert (validation.formula1, validation.formula2) == ("1950", "2100")


def test_appraisal_year_whole_number_range(blank: openpyxl.Workbook) -> None:
    worksheet = blank["考核情况"]
    validation = validation_for(worksheet, 2)
    assert validation.type == "whole"
    assert (validation.formula1, validation.formula2) == ("1950", "2100")


def test_hours_columns_decimal_non_negative(blank: openpyxl.Workbook) -> None:
    worksheet = blank["继续教育"]
    for col in (3, 4, 5):
        validation = validation_for(worksheet, col)
        assert validation.type == "decimal", worksheet.cell(1, col).value
        assert validation.operator == "greaterThanOrEqual", worksheet.cell(1, col).value
        assert validation.formula1 == "0", worksheet.cell(1, col).value


def test_unit_info_count_validation(blank: openpyxl.Workbook) -> None:
    worksheet = blank["单位信息"]
    row = next(r for r in range(2, worksheet.max_row + 1) if worksheet.cell(r, 1).value == "参加人数")
    validation = validation_for(worksheet, 2, row)
    assert validation.type == "whole"
    assert validation.operator == "greaterThanOrEqual"


# --- Number formats --------------------------------------------------------------------


@pytest.mark.parametrize("sheet", TABLE_SHEETS)
def test_id_column_is_text(blank: openpyxl.Workbook, sheet: str) -> None:
    worksheet = blank[sheet]
    col = [column["name"] for column in SHEETS[sheet]["columns"]].index("证件号码") + 1
    assert column_number_format(worksheet, col) == "@"


def test_phone_columns_are_text(blank: openpyxl.Workbook) -> None:
    worksheet = blank["个人信息"]
    names = [cell.value for cell in worksheet[1]]
    for name in ("手机号码", "联系电话"):
        assert column_number_format(worksheet, names.index(name) + 1) == "@", name


def test_id_header_cell_not_text(blank: openpyxl.Workbook) -> None:
    assert blank["个人信息"]["H1"].value == "证件号码"
    assert blank["个人信息"]["H1"].number_format == "General"


def test_birth_date_column_is_date(blank: openpyxl.Workbook) -> None:
    worksheet = blank["个人信息"]
    assert worksheet["K1"].value == "出生日期"
    assert column_number_format(worksheet, 11) == "yyyy-mm-dd"


@pytest.mark.parametrize("sheet", TABLE_SHEETS)
def test_every_date_column_is_date(blank: openpyxl.Workbook, sheet: str) -> None:
    worksheet = blank[sheet]
    for col, column in table_columns(sheet):
        if column["type"] == "date":
            assert column_number_format(worksheet, col) == "yyyy-mm-dd", column["name"]


def test_unit_info_value_formats(blank: openpyxl.Workbook) -> None:
    formats = {row[0].value: row[1].number_format for row in blank["单位信息"].iter_rows(min_row=2)}
    assert formats["统一社会信用代码"] == "@"
    assert formats["联系电话"] == "@"
    assert formats["公示联系电话"] == "@"
    assert formats["申报日期"] == "yyyy-mm-dd"
    assert formats["公示开始日期"] == "yyyy-mm-dd"


# --- Instructions and properties -------------------------------------------------------


def instruction_text(workbook: openpyxl.Workbook) -> str:
    worksheet = workbook[INSTRUCTIONS_SHEET]
    return "\n".join(str(value) for row in worksheet.iter_rows(values_only=True) for value in row if value)


def test_instructions_list_every_sheet(blank: openpyxl.Workbook) -> None:
    first_column = [row[0] for row in blank[INSTRUCTIONS_SHEET].iter_rows(values_only=True)]
    for name in SHEETS:
        assert name in first_column, name


def test_instructions_give_check_command(blank: openpyxl.Workbook) -> None:
    assert "zcbatch check 申报信息.xlsx -o 审核输出" in instruction_text(blank)


def test_instructions_give_date_forms(blank: openpyxl.Workbook) -> None:
    text = instruction_text(blank)
    for form in ("2019-06-30", "2019/6/30", "2019.06.30", "2019年6月30日", "Excel日期"):
        assert form in text, form


def test_instructions_mention_example_only_with_example(
    blank: openpyxl.Workbook, example: openpyxl.Workbook
) -> None:
    assert "示例申请人" not in instruction_text(blank)
    assert "示例申请人" in instruction_text(example)


def test_document_properties(blank: openpyxl.Workbook) -> None:
    assert blank.properties.title == "自主聘任初（中）级职称申报信息填写模板"
    assert blank.properties.created == dt.datetime(2024, 1, 1)


# --- Writing ---------------------------------------------------------------------------


@pytest.mark.parametrize("with_example", [False, True])
def test_two_writes_identical_bytes(tmp_path: Path, with_example: bool) -> None:
    first = write_template(tmp_path / "a.xlsx", example=with_example)
    second = write_template(tmp_path / "b.xlsx", example=with_example)
    assert first.read_bytes() == second.read_bytes()


def test_write_returns_path_and_leaves_no_temp(tmp_path: Path) -> None:
    result = write_template(str(tmp_path / "申报信息.xlsx"))
    assert result == tmp_path / "申报信息.xlsx"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["申报信息.xlsx"]


def test_write_replaces_existing_file(tmp_path: Path) -> None:
    target = tmp_path / "申报信息.xlsx"
    target.write_bytes(b"old content")
    write_template(target)
    assert target.read_bytes()[:2] == b"PK"


def test_write_into_missing_folder_raises(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        write_template(tmp_path / "missing" / "申报信息.xlsx")


# --- Example applicant -----------------------------------------------------------------


def example_record(workbook: openpyxl.Workbook, sheet: str) -> dict[str, Any]:
    worksheet = workbook[sheet]
    headers = [cell.value for cell in worksheet[1]]
    return dict(zip(headers, (cell.value for cell in worksheet[2])))


def test_example_id_is_valid(example: openpyxl.Workbook) -> None:
    id_number = example_record(example, "个人信息")["证件号码"]
    assert isinstance(id_number, str)
    assert ric.is_valid(id_number)


def test_example_id_matches_birth_date_and_sex(example: openpyxl.Workbook) -> None:
    record = example_record(example, "个人信息")
    assert ric.get_birth_date(record["证件号码"]) == record["出生日期"].date()
    assert record["性别"] == ("男" if int(record["证件号码"][16]) % 2 else "女")


@pytest.mark.parametrize("sheet", ["学历信息", "工作经历", "继续教育", "考核情况", "单位审核"])
def test_example_id_joins_sheets(example: openpyxl.Workbook, sheet: str) -> None:
    expected = example_record(example, "个人信息")["证件号码"]
    assert example_record(example, sheet)["证件号码"] == expected


def test_example_id_cell_is_text(example: openpyxl.Workbook) -> None:
    assert example["个人信息"]["H2"].number_format == "@"


def test_example_birth_date_is_date(example: openpyxl.Workbook) -> None:
    cell = example["个人信息"]["K2"]
    assert cell.value == dt.datetime(1997, 3, 15)
    assert cell.number_format == "yyyy-mm-dd"


def test_example_application_from_guide(example: openpyxl.Workbook) -> None:
    record = example_record(example, "个人信息")
    assert record["评价方式"] == "自主聘任"
    assert record["申报系列"] == "工程技术"
    assert record["申报层级"] == "助理级"
    assert record["申报职称专业"] == "耐火材料"
    assert record["申报资格名称"] == "助理工程师"
    assert record["现从事专业"] == "耐火材料"
    assert record["参加专业技术工作日期"] == dt.datetime(2021, 11, 30)


def test_example_education_from_guide(example: openpyxl.Workbook) -> None:
    record = example_record(example, "学历信息")
    assert record["毕业院校"] == "天津大学"
    assert record["所学专业"] == "冶金"
    assert record["学历"] == "大学本科"
    assert record["入学时间"] == dt.datetime(2015, 9, 1)
    assert record["毕业时间"] == dt.datetime(2019, 6, 30)
    assert record["学位"] == "其他"
    assert record["学制"] == "全日制"
    assert record["是否工作前学历"] == "是"


def test_example_hours_add_up(example: openpyxl.Workbook) -> None:
    record = example_record(example, "继续教育")
    assert record["公需科目学时数"] + record["专业培训学时数"] == record["总学时数"]


def test_example_fills_required_columns(example: openpyxl.Workbook) -> None:
    for sheet in TABLE_SHEETS:
        record = example_record(example, sheet)
        for column in SHEETS[sheet]["columns"]:
            if column.get("required"):
                assert record[column["name"]] not in (None, ""), f"{sheet}.{column['name']}"


def test_example_values_in_dropdowns(example: openpyxl.Workbook) -> None:
    for sheet in TABLE_SHEETS:
        record = example_record(example, sheet)
        for column in SHEETS[sheet]["columns"]:
            value = record[column["name"]]
            if has_list(column) and value is not None:
                assert value in expected_list(column), f"{sheet}.{column['name']}"


def test_example_qualification_matches_series_and_level(example: openpyxl.Workbook) -> None:
    record = example_record(example, "个人信息")
    expected = resources.qualifications()[record["申报系列"]][record["申报层级"]]
    assert record["申报资格名称"] == expected


def test_example_unit_credit_code_valid(example: openpyxl.Workbook) -> None:
    values = {row[0]: row[1] for row in example["单位信息"].iter_rows(min_row=2, values_only=True)}
    assert uscc.is_valid(values["统一社会信用代码"])


def test_example_unit_vote_counts(example: openpyxl.Workbook) -> None:
    values = {row[0]: row[1] for row in example["单位信息"].iter_rows(min_row=2, values_only=True)}
    assert values["推荐委员会总人数"] >= 5
    assert values["参加人数"] <= values["推荐委员会总人数"]
    assert values["赞成人数"] * 2 > values["参加人数"]


# --- LibreOffice round trip ------------------------------------------------------------


def convert_with_libreoffice(source: Path, target_format: str, out_dir: Path, profile: Path) -> Path:
    """Convert ``source`` with a private LibreOffice profile and return the new file."""
    # A private profile keeps this run independent of any other soffice process.
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            target_format,
            "--outdir",
            str(out_dir),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    converted = out_dir / f"{source.stem}.{target_format}"
    assert converted.is_file(), f"LibreOffice wrote no {converted.name}"
    return converted


def first_rows(path: Path) -> dict[str, list[Any]]:
    workbook = python_calamine.CalamineWorkbook.from_path(str(path))
    return {name: workbook.get_sheet_by_name(name).to_python()[0] for name in workbook.sheet_names}


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
@pytest.mark.parametrize("target_format", ["xls", "ods"])
def test_libreoffice_round_trip(example_path: Path, tmp_path: Path, target_format: str) -> None:
    converted = convert_with_libreoffice(example_path, target_format, tmp_path, tmp_path / "profile")
    original = first_rows(example_path)
    round_tripped = first_rows(converted)

    assert list(round_tripped) == EXPECTED_SHEET_NAMES
    for name in EXPECTED_SHEET_NAMES:
        assert round_tripped[name] == original[name], name

    workbook = python_calamine.CalamineWorkbook.from_path(str(converted))
    items = [row[0] for row in workbook.get_sheet_by_name("单位信息").to_python()[1:]]
    assert items == [item["name"] for item in SHEETS["单位信息"]["columns"]]
    example_row = workbook.get_sheet_by_name("个人信息").to_python()[1]
    assert example_row[7] == example_path_id(example_path)


def example_path_id(path: Path) -> str:
    return openpyxl.load_workbook(path)["个人信息"]["H2"].value


# --- Reading back with zcbatch ---------------------------------------------------------


def test_example_reads_without_findings(example_path: Path) -> None:
    batch = read_batch(example_path)
    assert batch.findings.empty, batch.findings.to_string()
    assert len(batch.applicants) == 1
    assert batch.unit["上级单位"] == "天津经济技术开发区人力资源和社会保障局"


def test_blank_reads_without_applicants(blank_path: Path) -> None:
    batch = read_batch(blank_path)
    assert len(batch.applicants) == 0
