"""The abridged report of a large batch: problem rows only, annotated copies in a workbook of their own.

The sample batch has 64 applicants, and a threshold of 10 makes it "large".
The behaviour of a 100,000-applicant report is thus tested on real files in
a fraction of a second. The applicants expected in 人员明细 are read from the
sample's own 预期规则 column (the rules each row is built to break).
"""

from __future__ import annotations

import openpyxl
import pytest
import python_calamine

from zcbatch.batch import read_batch
from zcbatch.codes import ERROR, RULES, WARNING
from zcbatch.evaluate import evaluate
from zcbatch.pipeline import evaluate_inputs
from zcbatch.report import annotated_path, is_abridged, write_report
from zcbatch.resources import data_dir, sample_workbook

SMALL_LIMIT = 10


def _expected_problem_names() -> set[str]:
    """Names of the sample applicants built to break at least one error or warning rule."""
    rows = python_calamine.CalamineWorkbook.from_path(str(sample_workbook())).get_sheet_by_name("个人信息").to_python()
    header = rows[0]
    name, rules = header.index("姓名"), header.index("预期规则")
    serious = {code for code, spec in RULES.items() if spec.severity in (ERROR, WARNING)}
    return {row[name] for row in rows[1:] if row[name] and set(str(row[rules]).replace("，", ",").split(",")) & serious}


@pytest.fixture(scope="module")
def abridged(tmp_path_factory):
    # With its attachment folder, as `zcbatch demo` checks it, so the photo rules apply too.
    result = evaluate_inputs([sample_workbook()], attachments=data_dir("sample_data") / "附件")
    path = write_report(result, tmp_path_factory.mktemp("abridged") / "审核结果.xlsx", full_rows=SMALL_LIMIT)
    return result, path


def _column(sheet, name: str) -> list:
    header = [cell.value for cell in sheet[1]]
    position = header.index(name)
    return [row[position] for row in sheet.iter_rows(min_row=2, values_only=True)]


def test_sample_is_abridged_below_its_size(abridged) -> None:
    result, _ = abridged
    assert is_abridged(result, SMALL_LIMIT) is True


def test_sample_is_complete_at_the_default_threshold(abridged) -> None:
    result, _ = abridged
    assert is_abridged(result) is False


def test_report_keeps_only_summary_applicants_findings(abridged) -> None:
    _, path = abridged
    assert openpyxl.load_workbook(path, read_only=True).sheetnames == ["汇总", "人员明细", "问题清单"]


def test_applicant_sheet_lists_the_problem_applicants(abridged) -> None:
    _, path = abridged
    names = [name for name in _column(openpyxl.load_workbook(path)["人员明细"], "姓名") if name]
    assert sorted(names) == sorted(_expected_problem_names())


def test_applicant_sheet_says_how_many_are_listed(abridged) -> None:
    _, path = abridged
    sheet = openpyxl.load_workbook(path)["人员明细"]
    notes = [cell.value for cell in sheet[1] if isinstance(cell.value, str) and cell.value.startswith("批次较大")]
    assert notes == [f"批次较大，只列出有错误或警告的 {len(_expected_problem_names())} 人（共 64 人）。"]


def test_findings_sheet_stays_complete(abridged) -> None:
    result, path = abridged
    sheet = openpyxl.load_workbook(path, read_only=True)["问题清单"]
    assert sheet.max_row - 1 == len(result.findings)


def test_summary_names_the_annotated_workbook(abridged) -> None:
    _, path = abridged
    values = [cell for row in openpyxl.load_workbook(path)["汇总"].iter_rows(values_only=True) for cell in row]
    assert any(isinstance(value, str) and "审核结果_标注.xlsx" in value for value in values)


def test_annotated_workbook_is_written_beside_the_report(abridged) -> None:
    _, path = abridged
    assert annotated_path(path).is_file()


def test_annotated_workbook_holds_every_input_sheet(abridged) -> None:
    _, path = abridged
    workbook = openpyxl.load_workbook(annotated_path(path), read_only=True)
    assert workbook.sheetnames == ["标注_个人信息", "标注_学历信息", "标注_工作经历", "标注_继续教育", "标注_考核情况",
                                   "标注_单位审核"]


def test_annotated_copy_keeps_problem_rows_at_their_rows(abridged) -> None:
    """熊伟 (ID_CHECKSUM) sits on row 8 of the input and stays on row 8, his ID cell red."""
    _, path = abridged
    sheet = openpyxl.load_workbook(annotated_path(path))["标注_个人信息"]
    header = [cell.value for cell in sheet[1]]
    id_cell = sheet.cell(8, header.index("证件号码") + 1)
    assert (sheet.cell(8, header.index("姓名") + 1).value, id_cell.fill.fgColor.rgb) == ("熊伟", "FFFF9999")


def test_annotated_copy_leaves_out_clean_rows(abridged) -> None:
    """刘洋 (row 2) has no finding, so row 2 of the copy is empty."""
    _, path = abridged
    sheet = openpyxl.load_workbook(annotated_path(path))["标注_个人信息"]
    assert [cell.value for cell in sheet[2] if cell.value is not None] == []


def test_annotated_copy_counts_its_rows(abridged) -> None:
    _, path = abridged
    sheet = openpyxl.load_workbook(annotated_path(path))["标注_个人信息"]
    notes = [cell.value for cell in sheet[1] if isinstance(cell.value, str) and cell.value.startswith("批次较大")]
    assert len(notes) == 1


def test_complete_report_writes_no_annotated_workbook(tmp_path) -> None:
    result = evaluate(read_batch([sample_workbook()]))
    path = write_report(result, tmp_path / "审核结果.xlsx")
    assert not annotated_path(path).exists()


def test_applicant_sheet_omits_phone_numbers(abridged) -> None:
    _, path = abridged
    header = [cell.value for cell in openpyxl.load_workbook(path)["人员明细"][1]]
    assert "手机号码" not in header


def test_no_scratch_files_left_behind(abridged) -> None:
    _, path = abridged
    assert sorted(item.name for item in path.parent.iterdir()) == ["审核结果.xlsx", "审核结果_标注.xlsx"]
