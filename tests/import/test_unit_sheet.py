"""Reading the 单位信息 sheet: its two layouts, and what is reported about it.

The template lists the items down the sheet (项目 | 内容); some analysts type
them across, as a header row over a value row. Both read the same. A sheet
that mixes the two, or has several value rows, is rejected.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from eligibility.helpers import applicant, unit_info, write_workbook
from zcbatch.batch import Batch, read_batch
from zcbatch.errors import InputError
from zcbatch.evaluate import EvaluationResult, evaluate

# unit_info() lists its items in this order, so across they sit in A to J.
LETTERS = dict(zip(unit_info(), "ABCDEFGHIJ"))


def write_across(path: Path, unit: dict[str, object]) -> Path:
    """Write one approved applicant, and 单位信息 as a header row over a value row."""
    person = applicant(1)
    person["单位审核"] = [{"审核结果": "通过", "审批意见": "同意聘任。", "拟聘任时间": dt.date(2026, 6, 30)}]
    write_workbook(path, [person], unit)
    workbook = openpyxl.load_workbook(path)
    sheet = workbook["单位信息"]
    sheet.delete_rows(1, sheet.max_row)
    for column, (item, value) in enumerate(unit.items(), start=1):
        sheet.cell(row=1, column=column, value=item)
        sheet.cell(row=2, column=column, value=value)
    workbook.save(path)
    return path


def write_down(path: Path) -> Path:
    """Write one applicant, and 单位信息 down the sheet as the template has it."""
    return write_workbook(path, [applicant(1)], unit_info())


def edit_unit_sheet(path: Path, cells: dict[str, object] | None = None, insert_row: int | None = None,
                    hidden_row: int | None = None) -> Path:
    """Change the 单位信息 sheet of a written workbook: insert a blank row, then set cells or hide a row."""
    workbook = openpyxl.load_workbook(path)
    sheet = workbook["单位信息"]
    if insert_row is not None:
        sheet.insert_rows(insert_row)
    for cell, value in (cells or {}).items():
        sheet[cell] = value
    if hidden_row is not None:
        sheet.row_dimensions[hidden_row].hidden = True
    workbook.save(path)
    return path


def input_error(path: Path) -> str:
    with pytest.raises(InputError) as raised:
        read_batch(path)
    return str(raised.value)


def rule_findings(batch: Batch, rule: str) -> pd.DataFrame:
    return batch.findings[batch.findings["规则"] == rule]


@pytest.fixture(scope="module")
def across(tmp_path_factory: pytest.TempPathFactory) -> Batch:
    return read_batch(write_across(tmp_path_factory.mktemp("across") / "横排.xlsx", unit_info()))


def evaluate_across(folder: Path, **items: object) -> EvaluationResult:
    batch = read_batch(write_across(folder / "横排.xlsx", unit_info(**items)))
    return evaluate(batch, year=2026, date="2026-06-30")


def finding(result: EvaluationResult, rule: str) -> pd.Series:
    found = result.findings[result.findings["规则"] == rule]
    assert len(found) == 1
    return found.iloc[0]


def test_across_values_read(across: Batch) -> None:
    assert across.unit["推荐委员会总人数"] == 5


def test_across_dates_read(across: Batch) -> None:
    assert across.unit["公示开始日期"] == pd.Timestamp("2026-06-01")


def test_across_every_item_read(across: Batch) -> None:
    assert sorted(across.unit) == sorted(unit_info())


def test_across_items_on_value_row(across: Batch) -> None:
    assert set(across.unit_items["_row"]) == {2}


def test_across_no_findings(across: Batch) -> None:
    assert across.findings.empty


def test_across_rule_finding_names_item_cell(tmp_path: Path) -> None:
    found = finding(evaluate_across(tmp_path, 推荐委员会总人数=4, 参加人数=3, 赞成人数=3), "COMMITTEE_SIZE")
    assert found["列"] == f"推荐委员会总人数（{LETTERS['推荐委员会总人数']}列）"
    assert found["行号"] == 2


def test_across_field_finding_names_item_cell(tmp_path: Path) -> None:
    found = finding(evaluate_across(tmp_path, 参加人数="五人"), "NUMBER_INVALID")
    assert found["列"] == f"参加人数（{LETTERS['参加人数']}列）"
    assert found["行号"] == 2


def test_across_formula_names_item_cell(tmp_path: Path) -> None:
    found = finding(evaluate_across(tmp_path, 推荐委员会总人数="=2+3"), "CELL_FORMULA")
    assert found["列"] == f"推荐委员会总人数（{LETTERS['推荐委员会总人数']}列）"
    assert found["行号"] == 2


def test_across_blank_row_skipped(tmp_path: Path) -> None:
    batch = read_batch(edit_unit_sheet(write_across(tmp_path / "空行.xlsx", unit_info()), insert_row=2))
    assert batch.unit["推荐委员会总人数"] == 5
    assert set(batch.unit_items["_row"]) == {3}


def test_across_note_row_rejected(tmp_path: Path) -> None:
    path = edit_unit_sheet(write_across(tmp_path / "说明行.xlsx", unit_info()), {"A2": "（请填写全称）"}, insert_row=2)
    assert input_error(path) == (
        "“说明行.xlsx”的工作表“单位信息”横排单位信息，但项目名称（第 1 行）下方第 2、3 行都有内容，"
        "无法确定哪一行是单位信息。请把各项内容填在项目名称下方的同一行，删去说明文字，"
        "或按模板竖排（A 列为项目名称，B 列为内容）。"
    )


def test_mixed_layout_rejected(tmp_path: Path) -> None:
    # A value that is itself an item name makes its row name two items.
    path = edit_unit_sheet(write_down(tmp_path / "混排.xlsx"), {"B2": "统一社会信用代码"})
    assert input_error(path) == (
        "“混排.xlsx”的工作表“单位信息”第 2 行横向列出了多个单位信息项目，其他行又在 A 列竖向列出项目，"
        "无法确定每项的内容在哪个单元格。请按模板竖排（A 列为项目名称，B 列为内容），"
        "或全部横排（一行为项目名称，下一行为内容）。"
    )


def write_departments(folder: Path, second_unit: dict[str, object]) -> Path:
    """Write two departments' workbooks into one folder, each with its own 单位信息."""
    write_workbook(folder / "一部.xlsx", [applicant(1)], unit_info())
    write_workbook(folder / "二部.xlsx", [applicant(2)], second_unit)
    return folder


def test_differing_unit_sheets_reported(tmp_path: Path) -> None:
    batch = read_batch(write_departments(tmp_path, unit_info(联系人="李明", 参加人数=3)))
    assert rule_findings(batch, "UNIT_SHEET_DIFFERS")["说明"].tolist() == [
        "“二部.xlsx”的单位信息与“一部.xlsx”的不同（联系人、参加人数），已使用“一部.xlsx”的单位信息。"
        "请核对后把各工作簿的单位信息改为一致，或只保留一份。"
    ]


def test_differing_unit_sheets_first_used(tmp_path: Path) -> None:
    batch = read_batch(write_departments(tmp_path, unit_info(联系人="李明", 参加人数=3)))
    assert batch.unit["联系人"] == "王晓"


def test_equal_unit_sheets_not_reported(tmp_path: Path) -> None:
    batch = read_batch(write_departments(tmp_path, unit_info()))
    assert rule_findings(batch, "UNIT_SHEET_DIFFERS").empty


def test_label_with_colon_read(tmp_path: Path) -> None:
    path = edit_unit_sheet(write_down(tmp_path / "冒号.xlsx"), {"A2": "单位名称："})
    assert read_batch(path).unit["单位名称"] == unit_info()["单位名称"]


@pytest.mark.parametrize(("layout", "cell", "row"), [("down", "A12", 12), ("across", "K1", 1)])
def test_unknown_item_reported(tmp_path: Path, layout: str, cell: str, row: int) -> None:
    path = tmp_path / "未知项目.xlsx"
    written = write_down(path) if layout == "down" else write_across(path, unit_info())
    found = rule_findings(read_batch(edit_unit_sheet(written, {cell: "单位邮箱"})), "HEADER_UNKNOWN")
    assert found[["行号", "列", "说明"]].values.tolist() == [[
        row, f"单位邮箱（{cell[0]}列）",
        "“单位邮箱”不是单位信息模板中的项目，未读取。如是模板项目的别名，请改为模板中的项目名称。",
    ]]


def test_hidden_item_row_reported(tmp_path: Path) -> None:
    # Row 6 holds 推荐委员会总人数.
    found = rule_findings(read_batch(edit_unit_sheet(write_down(tmp_path / "隐藏行.xlsx"), hidden_row=6)), "SHEET_HIDDEN")
    assert found[["行号", "说明"]].values.tolist() == [[
        6, "单位信息“推荐委员会总人数”所在的第 6 行是隐藏的，已照常读取。如该项内容不应使用，请改正或删除，而不是隐藏。",
    ]]
