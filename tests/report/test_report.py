"""The review workbook 审核结果.xlsx: sheets, columns, colours, comments, inert text."""

from __future__ import annotations

import openpyxl
import pytest

from zcbatch.batch import read_batch
from zcbatch.evaluate import evaluate
from zcbatch.report import write_report
from zcbatch.resources import sample_workbook

FINDINGS_COLUMNS = ["文件", "工作表", "行号", "列", "姓名", "证件号码", "规则", "规则说明", "级别", "说明"]


@pytest.fixture(scope="module")
def sample_report(tmp_path_factory):
    """Write the report of the sample batch once and open it with openpyxl."""
    result = evaluate(read_batch([sample_workbook()]))
    path = write_report(result, tmp_path_factory.mktemp("report") / "审核结果.xlsx")
    return result, openpyxl.load_workbook(path)


def _row_of(sheet, column_name: str, value: str) -> int:
    header = [cell.value for cell in sheet[1]]
    column = header.index(column_name) + 1
    for row in range(2, sheet.max_row + 1):
        if sheet.cell(row, column).value == value:
            return row
    raise AssertionError(f"{value} not found in {column_name}")


def test_sheet_names(sample_report):
    _, workbook = sample_report
    assert workbook.sheetnames == ["汇总", "人员明细", "问题清单", "标注_个人信息", "标注_学历信息", "标注_工作经历",
                                   "标注_继续教育", "标注_考核情况", "标注_单位审核"]


def test_findings_columns(sample_report):
    _, workbook = sample_report
    assert [cell.value for cell in workbook["问题清单"][1]] == FINDINGS_COLUMNS


def test_findings_sorted_by_severity(sample_report):
    _, workbook = sample_report
    severities = [row[8].value for row in workbook["问题清单"].iter_rows(min_row=2)]
    order = {"错误": 0, "警告": 1, "提示": 2}
    assert severities == sorted(severities, key=order.__getitem__)


def test_findings_row_count(sample_report):
    result, workbook = sample_report
    assert workbook["问题清单"].max_row - 1 == len(result.findings)


def test_findings_frozen_header(sample_report):
    _, workbook = sample_report
    assert workbook["问题清单"].freeze_panes == "A2"


def test_findings_autofilter(sample_report):
    _, workbook = sample_report
    assert workbook["问题清单"].auto_filter.ref.startswith("A1:J")


def test_applicant_sheet_has_status(sample_report):
    _, workbook = sample_report
    header = [cell.value for cell in workbook["人员明细"][1]]
    assert {"姓名", "证件号码", "申报层级", "学历层次", "工作年限", "最早满足日期", "状态", "错误数", "警告数"} <= set(header)


def test_applicant_ids_masked(sample_report):
    _, workbook = sample_report
    sheet = workbook["人员明细"]
    column = [cell.value for cell in sheet[1]].index("证件号码")
    ids = [row[column].value for row in sheet.iter_rows(min_row=2)]
    assert all("*" in value for value in ids if value)


def test_bad_cell_is_red(sample_report):
    """熊伟's ID has a wrong check digit: the cell in the annotated copy is red."""
    _, workbook = sample_report
    sheet = workbook["标注_个人信息"]
    row = _row_of(sheet, "姓名", "熊伟")
    column = [cell.value for cell in sheet[1]].index("证件号码") + 1
    assert sheet.cell(row, column).fill.fgColor.rgb == "FFFF9999"


def test_bad_cell_comment(sample_report):
    _, workbook = sample_report
    sheet = workbook["标注_个人信息"]
    row = _row_of(sheet, "姓名", "熊伟")
    column = [cell.value for cell in sheet[1]].index("证件号码") + 1
    assert "校验位应为" in sheet.cell(row, column).comment.text


def test_warning_cell_is_yellow(sample_report):
    """高鹏 typed a work-years figure that disagrees with the computed one (a warning)."""
    _, workbook = sample_report
    sheet = workbook["标注_个人信息"]
    row = _row_of(sheet, "姓名", "高鹏")
    column = [cell.value for cell in sheet[1]].index("从事专业技术工作年限") + 1
    assert sheet.cell(row, column).fill.fgColor.rgb == "FFFFE066"


def test_clean_cell_has_no_comment(sample_report):
    _, workbook = sample_report
    sheet = workbook["标注_个人信息"]
    row = _row_of(sheet, "姓名", "刘洋")
    assert all(cell.comment is None for cell in sheet[row])


def test_annotated_copy_keeps_row_numbers(sample_report):
    _, workbook = sample_report
    sheet = workbook["标注_个人信息"]
    column = [cell.value for cell in sheet[1]].index("原行号") + 1
    assert sheet.cell(2, column).value == 2


def test_annotated_cell_matches_listed_letter(sample_report):
    """The 列 of a finding in 问题清单 names the annotated cell's letter."""
    result, workbook = sample_report
    finding = result.findings[(result.findings["规则"] == "ID_CHECKSUM")].iloc[0]
    letter = finding["列"].split("（")[1].removesuffix("列）")
    cell = workbook["标注_个人信息"][f"{letter}{finding['行号']}"]
    assert cell.fill.fgColor.rgb == "FFFF9999"


@pytest.fixture
def hostile_report(tmp_path):
    """A one-applicant workbook whose texts look like formulas or hold control characters."""
    from zcbatch.template import write_template

    source = tmp_path / "输入.xlsx"
    write_template(source, example=True)
    book = openpyxl.load_workbook(source)
    sheet = book["个人信息"]
    header = [cell.value for cell in sheet[1]]
    formula_like = sheet.cell(2, header.index("工作能力") + 1)
    formula_like.value = "=HYPERLINK(\"http://127.0.0.1\",\"点我\")"
    formula_like.data_type = "s"  # a text cell, as when typed with a leading apostrophe
    sheet.cell(2, header.index("业绩成果") + 1).value = "+1-2"
    sheet.cell(2, header.index("工作岗位") + 1).value = "@SUM(A1)"
    book.save(source)
    result = evaluate(read_batch([source]))
    # Control characters cannot be stored by openpyxl, so put one into the
    # parsed batch the way another producer's workbook would deliver it.
    result.batch.raw["个人信息"].loc[0, "行政职务"] = "经理\x01\x1f"
    path = write_report(result, tmp_path / "审核结果.xlsx")
    return openpyxl.load_workbook(path)["标注_个人信息"]


def _annotated_value(sheet, column_name: str):
    column = [cell.value for cell in sheet[1]].index(column_name) + 1
    return sheet.cell(2, column)


def test_formula_text_stays_text(hostile_report):
    cell = _annotated_value(hostile_report, "工作能力")
    assert (cell.data_type, cell.value) == ("s", "=HYPERLINK(\"http://127.0.0.1\",\"点我\")")


def test_plus_text_stays_text(hostile_report):
    assert _annotated_value(hostile_report, "业绩成果").data_type == "s"


def test_at_text_stays_text(hostile_report):
    assert _annotated_value(hostile_report, "工作岗位").value == "@SUM(A1)"


def test_control_characters_replaced_visibly(hostile_report):
    assert _annotated_value(hostile_report, "行政职务").value == "经理\ufffd\ufffd"


def test_computed_column_explained(sample_report):
    _, workbook = sample_report
    sheet = workbook["人员明细"]
    column = [cell.value for cell in sheet[1]].index("最早满足日期") + 1
    assert "拟聘任时间不得早于这一天" in sheet.cell(1, column).comment.text
