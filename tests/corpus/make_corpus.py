"""Build a corpus of hostile input workbooks for the ``zcbatch`` command line.

:func:`build_corpus` writes every case into a folder and returns one
:class:`Case` per input. A case gives the paths to pass, the expected exit
code (0 done, 2 unusable input or usage) and the Chinese key words that the
message must contain. The key words are searched in the command's output,
and also in the 问题清单 sheet of 审核结果.xlsx when the command finishes.

The valid starting point is the example applicant of the input template
(:func:`zcbatch.template.write_template`), read back cell by cell. Each case
changes one thing about it, the way other producers, careless edits or old
systems do: wrong file types, broken archives, passwords, odd layouts,
formulas and error values, numbers where text belongs, invisible characters.
Workbooks are written with openpyxl, with xlsxwriter where openpyxl cannot
write the cell (formulas with cached error values, control characters), by
patching the XML of a written file, or by LibreOffice (``.xls`` and ``.ods``).

Run it as a script to write the corpus into a folder and list the cases::

    python tests/corpus/make_corpus.py /tmp/corpus
"""

from __future__ import annotations

import copy
import csv
import datetime as dt
import io
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import zipfile
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import openpyxl
import python_calamine
import xlsxwriter
from openpyxl.utils import get_column_letter
from stdnum.cn import ric

from zcbatch.template import write_template

EXIT_DONE, EXIT_INPUT = 0, 2

Sheets = dict[str, list[list[Any]]]
KEY_VALUE_SHEET = "单位信息"
TEMPLATE_ONLY_SHEETS = ("填写说明", "_选项")
# The example applicant of the template; a second one is derived from it.
FIRST_ID = "120101199703150014"


# Every case, in the order build_corpus returns them. The test module
# parametrizes over this list before the corpus exists; build_corpus
# checks that it returns exactly these names.
CASE_NAMES = (
    "empty_file",
    "text_renamed_xlsx",
    "csv_renamed_xlsx",
    "truncated_zip",
    "corrupt_sheet_xml",
    "password_protected",
    "html_table_named_xls",
    "input_not_found",
    "unsupported_extension",
    "lock_file_given_directly",
    "missing_required_sheet",
    "no_known_sheets",
    "english_headers",
    "misspelt_id_header",
    "misspelt_header",
    "duplicate_headers",
    "header_only",
    "blank_rows_between",
    "hidden_rows_and_columns",
    "data_under_blank_header",
    "hidden_sheets",
    "merged_cells",
    "title_row_above_header",
    "three_hundred_extra_columns",
    "five_thousand_formatted_blank_rows",
    "dimension_claims_whole_sheet",
    "sheet_names_with_spaces",
    "fullwidth_sheet_names",
    "formula_error_values",
    "formula_cached_values",
    "serial_dates_and_leap_day",
    "date_before_1900_as_text",
    "future_dates",
    "dates_after_2262",
    "boolean_and_time_in_date_cells",
    "impossible_dates",
    "negative_fractional_huge_numbers",
    "infinite_numbers",
    "two_digit_and_chinese_years",
    "values_as_people_type_them",
    "id_15_digits",
    "id_lowercase_x",
    "id_zero_width_and_fullwidth",
    "id_stored_as_number",
    "duplicate_id",
    "phone_stored_as_number",
    "cell_with_32000_characters",
    "cell_over_excel_limit",
    "emoji_and_bidi_marks",
    "control_chars_escaped",
    "control_chars_raw_in_xml",
    "names_with_path_characters",
    "names_reserved_by_file_systems",
    "headers_named_like_internal_columns",
    "empty_optional_sheet",
    "empty_required_sheet",
    "two_applicants_same_name",
    "formula_looking_text",
    "formula_without_cached_value",
    "xls_by_libreoffice",
    "ods_by_libreoffice",
    "xls_renamed_xlsx",
    "xlsm_workbook",
    "uppercase_extension",
    "path_with_spaces_and_chinese",
    "workbook_with_1904_dates",
    "unit_info_with_junk_rows",
    "folder_without_spreadsheets",
    "lock_file_beside_workbook",
    "folder_with_same_applicant_twice",
    "folder_split_by_department",
    "same_file_name_in_two_folders",
    "photo_claiming_300_megapixels",
    "attachments_folder_missing",
    "output_folder_not_empty",
    "impossible_date_option",
    "unknown_policy_option",
    "output_path_is_a_file",
    "output_folder_below_a_file",
    "input_among_outputs_with_force",
)


@dataclass(frozen=True)
class Case:
    """One hostile input and what the command line must do with it.

    ``paths`` are the input files and folders whose bytes must not change.
    ``command_args`` follow the subcommand (``check`` or ``run``), and the
    test adds ``-o`` unless the case names its own output folder. ``keywords``
    must all appear in the command's output or in 问题清单; ``absent`` must
    appear in neither. ``cells`` are (sheet, Excel row, column) triples that
    must each carry a finding, and every finding must name one of ``files``
    when that is given. ``run`` is false where ``zcbatch run`` adds
    nothing to ``zcbatch check`` (no applicant can get documents, or the
    case is about reading only), and ``skip`` gives the reason a case could
    not be built on this machine.
    """

    name: str
    paths: tuple[Path, ...]
    command_args: tuple[str, ...]
    expected_exit: int
    keywords: tuple[str, ...]
    absent: tuple[str, ...] = ()
    cells: tuple[tuple[str, int, str], ...] = ()
    run: bool = False
    documents: int | None = None
    files: tuple[str, ...] = ()
    skip: str | None = None


# ---------------------------------------------------------------------------
# The valid starting point


@cache
def _template_sheets() -> Sheets:
    folder = Path(tempfile.mkdtemp(prefix="zcbatch-corpus-template-"))
    try:
        path = write_template(folder / "模板.xlsx", example=True)
        workbook = python_calamine.CalamineWorkbook.from_path(str(path))
        sheets: Sheets = {}
        for name in workbook.sheet_names:
            if name in TEMPLATE_ONLY_SHEETS:
                continue
            rows = workbook.get_sheet_by_name(name).to_python(skip_empty_area=False)
            sheets[name] = [list(row) for row in rows if any(cell != "" for cell in row)]
        workbook.close()
        return sheets
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def base_sheets() -> Sheets:
    """Return a fresh copy of the template's valid example applicant, sheet by sheet."""
    return copy.deepcopy(_template_sheets())


def resident_id(birth: dt.date, sequence: int, region: str = "120101") -> str:
    """Return a valid 18-digit ID; an odd ``sequence`` is a man, an even one a woman."""
    body = f"{region}{birth:%Y%m%d}{sequence:03d}"
    return body + ric.calc_check_digit(body + "0")


def column(sheets: Sheets, sheet: str, name: str) -> int:
    """Return the 0-based position of a header in a table sheet."""
    return sheets[sheet][0].index(name)


def set_cell(sheets: Sheets, sheet: str, row: int, name: str, value: Any) -> None:
    """Set the cell of Excel row ``row`` (the header is row 1) under header ``name``."""
    sheets[sheet][row - 1][column(sheets, sheet, name)] = value


def set_item(sheets: Sheets, item: str, value: Any) -> None:
    """Set the 内容 of an item of the 单位信息 sheet."""
    for row in sheets[KEY_VALUE_SHEET]:
        if row and row[0] == item:
            row[1] = value
            return
    sheets[KEY_VALUE_SHEET].append([item, value])


def add_applicant(sheets: Sheets, *, number: str, name: str, gender: str, birth: dt.date) -> None:
    """Copy the first applicant's rows in every table sheet under a new ID and name."""
    for sheet, rows in sheets.items():
        if sheet == KEY_VALUE_SHEET:
            continue
        key = rows[0].index("证件号码")
        for row in [row for row in rows[1:] if row[key] == FIRST_ID]:
            copied = list(row)
            copied[key] = number
            rows.append(copied)
        if sheet == "个人信息":
            last = len(rows)
            set_cell(sheets, sheet, last, "姓名", name)
            set_cell(sheets, sheet, last, "性别", gender)
            set_cell(sheets, sheet, last, "出生日期", birth)
            set_cell(sheets, sheet, last, "手机号码", "13900005678")


def two_applicants() -> Sheets:
    """Return the example applicant and a second, valid woman born 1995-05-20."""
    sheets = base_sheets()
    add_applicant(sheets, number=resident_id(dt.date(1995, 5, 20), 2), name="王晓雯", gender="女",
                  birth=dt.date(1995, 5, 20))
    return sheets


# ---------------------------------------------------------------------------
# Writers


def write_openpyxl(path: Path, sheets: Sheets, *, customize: Callable[[openpyxl.Workbook], None] | None = None,
                   names: dict[str, str] | None = None) -> Path:
    """Write ``sheets`` with openpyxl: text as text cells (format ``@``), dates as dates.

    ``names`` renames sheets on the way out; ``customize`` edits the workbook
    just before it is saved.
    """
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for sheet_name, rows in sheets.items():
        worksheet = workbook.create_sheet((names or {}).get(sheet_name, sheet_name))
        for row_index, row in enumerate(rows, start=1):
            for column_index, value in enumerate(row, start=1):
                if value is None or value == "":
                    continue
                cell = worksheet.cell(row=row_index, column=column_index, value=value)
                if isinstance(value, str):
                    cell.number_format = "@"
                elif isinstance(value, (dt.date, dt.datetime)):
                    cell.number_format = "yyyy-mm-dd"
    if customize:
        customize(workbook)
    path.parent.mkdir(parents=True, exist_ok=True)
    workbook.save(path)
    return path


def write_xlsxwriter(path: Path, sheets: Sheets,
                     customize: Callable[[xlsxwriter.Workbook, dict[str, Any]], None] | None = None) -> Path:
    """Write ``sheets`` with xlsxwriter, which escapes control characters as Excel does (``_x0001_``)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    workbook = xlsxwriter.Workbook(str(path), {"strings_to_numbers": False, "strings_to_formulas": False,
                                               "strings_to_urls": False})
    date_format = workbook.add_format({"num_format": "yyyy-mm-dd"})
    worksheets = {}
    for sheet_name, rows in sheets.items():
        worksheet = workbook.add_worksheet(sheet_name)
        worksheets[sheet_name] = worksheet
        for row_index, row in enumerate(rows):
            for column_index, value in enumerate(row):
                if value is None or value == "":
                    continue
                if isinstance(value, str):
                    worksheet.write_string(row_index, column_index, value)
                elif isinstance(value, (dt.date, dt.datetime)):
                    worksheet.write_datetime(row_index, column_index, value, date_format)
                else:
                    worksheet.write(row_index, column_index, value)
    if customize:
        customize(workbook, worksheets)
    workbook.close()
    return path


def patch_zip(path: Path, member: str, edit: Callable[[bytes], bytes]) -> Path:
    """Rewrite one member of a zip archive in place with ``edit``."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == member:
                data = edit(data)
            target.writestr(info, data)
    path.write_bytes(buffer.getvalue())
    return path


def sheet_member(path: Path, sheet_name: str) -> str:
    """Return the zip member that holds a sheet of an .xlsx written by openpyxl or xlsxwriter."""
    with zipfile.ZipFile(path) as archive:
        workbook = archive.read("xl/workbook.xml").decode("utf-8")
    names = re.findall(r'<sheet\b[^>]*?\bname="([^"]*)"', workbook)
    return f"xl/worksheets/sheet{names.index(sheet_name) + 1}.xml"


def soffice_convert(source: Path, target_suffix: str, folder: Path) -> Path | None:
    """Convert ``source`` with LibreOffice into ``folder``; return None when LibreOffice is missing or fails."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        return None
    profile = Path(tempfile.mkdtemp(prefix="zcbatch-corpus-lo-"))
    try:
        completed = subprocess.run(
            [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", target_suffix,
             "--outdir", str(folder), str(source)],
            capture_output=True, timeout=180, check=False,
        )
    except subprocess.TimeoutExpired:
        return None
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    result = folder / f"{source.stem}.{target_suffix.split(':')[0]}"
    return result if completed.returncode == 0 and result.is_file() else None


def encrypt_xlsx(source: Path, target: Path, password: str) -> str | None:
    """Encrypt an .xlsx with a password (msoffcrypto-tool); return the reason when that is impossible."""
    try:
        from msoffcrypto.format.ooxml import OOXMLFile
    except ImportError:
        return "msoffcrypto-tool 未安装，无法生成加密工作簿"
    with open(source, "rb") as stream, open(target, "wb") as output:
        OOXMLFile(stream).encrypt(password, output)
    return None


# ---------------------------------------------------------------------------
# The cases


class _Builder:
    """Collects the cases while writing their files into one folder."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.cases: list[Case] = []

    def path(self, name: str) -> Path:
        target = self.folder / name
        target.parent.mkdir(parents=True, exist_ok=True)
        return target

    def add(self, name: str, paths: Sequence[Path], expected_exit: int, keywords: Sequence[str] = (), *,
            args: Sequence[str] = (), inputs: Sequence[Path] | None = None, **options: Any) -> None:
        """Record a case; ``inputs`` (default ``paths``) go on the command line before ``args``."""
        command = tuple(str(path) for path in (paths if inputs is None else inputs)) + tuple(args)
        for key in ("absent", "cells", "files"):
            if key in options:
                options[key] = tuple(options[key])
        self.cases.append(Case(name, tuple(paths), command, expected_exit, tuple(keywords), **options))


def build_corpus(folder: str | os.PathLike) -> list[Case]:
    """Write every hostile input into ``folder`` and return the cases, in a fixed order."""
    builder = _Builder(Path(folder))
    for add_cases in (_unreadable_files, _layout_cases, _value_cases, _id_cases, _text_cases, _format_cases,
                      _folder_and_output_cases):
        add_cases(builder)
    names = tuple(case.name for case in builder.cases)
    if names != CASE_NAMES:
        raise ValueError(f"the cases built differ from CASE_NAMES: {sorted(set(names) ^ set(CASE_NAMES))}")
    return builder.cases


def _unreadable_files(builder: _Builder) -> None:
    empty = builder.path("empty/申报信息.xlsx")
    empty.write_bytes(b"")
    builder.add("empty_file", [empty], EXIT_INPUT, ["空文件", "申报信息.xlsx"], run=True)

    text = builder.path("text_renamed/申报信息.xlsx")
    text.write_text("姓名 证件号码\n李明远 120101199703150014\n", encoding="utf-8")
    builder.add("text_renamed_xlsx", [text], EXIT_INPUT, ["无法作为电子表格打开", "申报信息.xlsx"], run=True)

    csv_path = builder.path("csv_renamed/申报信息.xlsx")
    rows = base_sheets()["个人信息"]
    with open(csv_path, "w", encoding="gbk", errors="replace", newline="") as stream:
        csv.writer(stream).writerows(rows)
    builder.add("csv_renamed_xlsx", [csv_path], EXIT_INPUT, ["无法作为电子表格打开", "另存为"])

    valid = write_openpyxl(builder.path("truncated/完整.xlsx"), base_sheets())
    truncated = builder.path("truncated/申报信息.xlsx")
    truncated.write_bytes(valid.read_bytes()[: valid.stat().st_size // 2])
    valid.unlink()
    builder.add("truncated_zip", [truncated], EXIT_INPUT, ["损坏", "申报信息.xlsx"])

    garbage = write_openpyxl(builder.path("corrupt_member/申报信息.xlsx"), base_sheets())
    patch_zip(garbage, sheet_member(garbage, "学历信息"), lambda data: data[: len(data) // 2] + b"<<garbage")
    builder.add("corrupt_sheet_xml", [garbage], EXIT_INPUT, ["学历信息", "无法读取"])

    plain = write_openpyxl(builder.path("password/明文.xlsx"), base_sheets())
    locked = builder.path("password/申报信息.xlsx")
    reason = encrypt_xlsx(plain, locked, "zcbatch-2024")
    plain.unlink()
    builder.add("password_protected", [locked], EXIT_INPUT, ["密码", "申报信息.xlsx"], run=True, skip=reason)

    html = builder.path("html_export/人员导出.xls")
    html.write_text(
        "<html><head><meta charset='utf-8'></head><body><table><tr><td>姓名</td><td>证件号码</td></tr>"
        "<tr><td>李明远</td><td>120101199703150014</td></tr></table></body></html>", encoding="utf-8")
    builder.add("html_table_named_xls", [html], EXIT_INPUT, ["无法作为电子表格打开", "人员导出.xls"])

    missing = builder.path("not_there/申报信息.xlsx")
    builder.add("input_not_found", [missing], EXIT_INPUT, ["找不到输入文件"], run=True)

    wrong_suffix = builder.path("wrong_suffix/申报信息.csv")
    wrong_suffix.write_text("姓名,证件号码\n", encoding="utf-8")
    builder.add("unsupported_extension", [wrong_suffix], EXIT_INPUT, ["不是支持的电子表格格式", ".csv"])

    lock = builder.path("lock_direct/~$申报信息.xlsx")
    lock.write_bytes(b"\x08zcbatch " + b"\x00" * 150)
    builder.add("lock_file_given_directly", [lock], EXIT_INPUT, ["临时锁文件"])


def _layout_cases(builder: _Builder) -> None:
    sheets = base_sheets()
    del sheets["考核情况"]
    path = write_openpyxl(builder.path("missing_sheet/申报信息.xlsx"), sheets)
    builder.add("missing_required_sheet", [path], EXIT_INPUT, ["缺少必需的工作表", "考核情况"], run=True)

    path = write_openpyxl(builder.path("no_known_sheets/申报信息.xlsx"), {"Sheet1": base_sheets()["个人信息"]})
    builder.add("no_known_sheets", [path], EXIT_INPUT, ["缺少必需的工作表", "个人信息"])

    sheets = base_sheets()
    english = {"工作单位": "Employer", "评价方式": "Method", "申报系列": "Series", "申报层级": "Level",
               "证件号码": "ID Number", "姓名": "Name", "性别": "Gender", "出生日期": "Birth Date"}
    sheets["个人信息"][0] = [english.get(label, f"Column {index}") for index, label in enumerate(sheets["个人信息"][0])]
    path = write_openpyxl(builder.path("english_headers/申报信息.xlsx"), sheets)
    builder.add("english_headers", [path], EXIT_INPUT, ["找不到表头", "个人信息"])

    sheets = base_sheets()
    sheets["学历信息"][0][column(sheets, "学历信息", "证件号码")] = "证件号玛"
    path = write_openpyxl(builder.path("misspelt_key/申报信息.xlsx"), sheets)
    builder.add("misspelt_id_header", [path], EXIT_INPUT, ["学历信息", "缺少“证件号码”列"])

    sheets = base_sheets()
    sheets["学历信息"][0][column(sheets, "学历信息", "所学专业")] = "所学专亚"
    path = write_openpyxl(builder.path("misspelt_header/申报信息.xlsx"), sheets)
    builder.add("misspelt_header", [path], EXIT_DONE, ["所学专亚", "不是模板中的列", "缺少必填列“所学专业”"],
          cells=(("学历信息", 1, "所学专业"),))

    sheets = base_sheets()
    for row in sheets["个人信息"]:
        row.append(row[column(sheets, "个人信息", "姓名")])
    sheets["个人信息"][1][-1] = "李明源"
    path = write_openpyxl(builder.path("duplicate_headers/申报信息.xlsx"), sheets)
    builder.add("duplicate_headers", [path], EXIT_DONE, ["“姓名”列出现了两次"])

    sheets = {name: rows[:1] for name, rows in base_sheets().items()}
    path = write_openpyxl(builder.path("header_only/申报信息.xlsx"), sheets)
    builder.add("header_only", [path], EXIT_INPUT, ["“个人信息”表中没有申请人", "申报信息.xlsx"], run=True)

    sheets = base_sheets()
    for name in ("个人信息", "学历信息"):
        data = sheets[name][1]
        sheets[name][1:] = [[""] * len(data), [""] * len(data), data]
    set_cell(sheets, "学历信息", 4, "学历", "本科毕业")
    path = write_openpyxl(builder.path("blank_rows/申报信息.xlsx"), sheets)
    builder.add("blank_rows_between", [path], EXIT_DONE, ["“本科毕业”不是“学历”的可选值"],
          cells=(("学历信息", 4, "学历"),), absent=["为必填项"])

    sheets = two_applicants()
    set_cell(sheets, "个人信息", 3, "民族", "汉民族")

    def hide_row_and_column(workbook: openpyxl.Workbook) -> None:
        workbook["个人信息"].row_dimensions[3].hidden = True
        workbook["个人信息"].column_dimensions["O"].hidden = True

    path = write_openpyxl(builder.path("hidden_rows/申报信息.xlsx"), sheets, customize=hide_row_and_column)
    builder.add("hidden_rows_and_columns", [path], EXIT_DONE,
          ["“汉民族”不是“民族”的可选值", "第 3 行是隐藏行", "“联系电话”列（O列）是隐藏列"],
          cells=(("个人信息", 3, "民族"), ("个人信息", 3, ""), ("个人信息", 1, "联系电话")))

    sheets = base_sheets()
    for row in sheets["学历信息"]:
        row += ["", ""]
    sheets["学历信息"][1][-1] = "2019年获优秀毕业生"
    path = write_openpyxl(builder.path("blank_header/申报信息.xlsx"), sheets)
    builder.add("data_under_blank_header", [path], EXIT_DONE, ["N列有 1 个单元格有内容，但第 1 行的列名为空"])

    def hide_sheets(workbook: openpyxl.Workbook) -> None:
        workbook["考核情况"].sheet_state = "hidden"
        workbook["继续教育"].sheet_state = "veryHidden"

    path = write_openpyxl(builder.path("hidden_sheets/申报信息.xlsx"), base_sheets(), customize=hide_sheets)
    builder.add("hidden_sheets", [path], EXIT_DONE, ["工作表“考核情况”是隐藏的", "工作表“继续教育”是隐藏的"])

    sheets = two_applicants()
    second = sheets["个人信息"][2][column(sheets, "个人信息", "证件号码")]
    work = sheets["工作经历"]
    work.insert(2, list(work[1]))
    set_cell(sheets, "工作经历", 3, "开始日期", dt.date(2019, 7, 1))
    set_cell(sheets, "工作经历", 3, "结束日期", dt.date(2021, 11, 1))
    for row in (3, 4):
        set_cell(sheets, "工作经历", row, "工作单位", "")
    set_cell(sheets, "工作经历", 4, "证件号码", second)

    def merge(workbook: openpyxl.Workbook) -> None:
        letter = get_column_letter(column(sheets, "工作经历", "工作单位") + 1)
        workbook["工作经历"].merge_cells(f"{letter}2:{letter}4")
        key = get_column_letter(column(sheets, "工作经历", "证件号码") + 1)
        workbook["工作经历"].merge_cells(f"{key}2:{key}3")

    sheets["工作经历"][2][column(sheets, "工作经历", "证件号码")] = ""
    path = write_openpyxl(builder.path("merged_cells/申报信息.xlsx"), sheets, customize=merge)
    builder.add("merged_cells", [path], EXIT_DONE, [], absent=["为必填项", "找不到对应的申请人"])

    sheets = base_sheets()
    sheets["个人信息"].insert(0, ["2024年度自主聘任申报人员信息表"])
    path = write_openpyxl(builder.path("title_row/申报信息.xlsx"), sheets)
    builder.add("title_row_above_header", [path], EXIT_DONE, [], absent=["为必填项", "表头"])

    sheets = base_sheets()
    for index in range(300):
        sheets["个人信息"][0].append(f"备用列{index}")
        sheets["个人信息"][1].append(index)
    path = write_openpyxl(builder.path("many_columns/申报信息.xlsx"), sheets)
    builder.add("three_hundred_extra_columns", [path], EXIT_DONE, ["列“备用列299”不是模板中的列"])

    sheets = base_sheets()

    def formatted_blank_rows(workbook: openpyxl.Workbook) -> None:
        sheet = workbook["学历信息"]
        fill = openpyxl.styles.PatternFill("solid", fgColor="FFFF00")
        for row in range(3, 5003):
            for column_index in range(1, 13):
                cell = sheet.cell(row=row, column=column_index)
                cell.fill = fill
                cell.number_format = "@"

    path = write_openpyxl(builder.path("formatted_blank_rows/申报信息.xlsx"), sheets, customize=formatted_blank_rows)
    builder.add("five_thousand_formatted_blank_rows", [path], EXIT_DONE, [], absent=["为必填项"])

    path = write_openpyxl(builder.path("dimension_lie/申报信息.xlsx"), base_sheets())
    patch_zip(path, sheet_member(path, "考核情况"),
              lambda data: data.replace(b'<dimension ref="A1:C2"/>', b'<dimension ref="A1:XFD1048576"/>'))
    builder.add("dimension_claims_whole_sheet", [path], EXIT_DONE, [], absent=["为必填项"])

    names = {"个人信息": "个人信息  ", "学历信息": " 学历信息"}
    path = write_openpyxl(builder.path("sheet_spaces/申报信息.xlsx"), base_sheets(), names=names)
    builder.add("sheet_names_with_spaces", [path], EXIT_DONE, [], absent=["缺少必需的工作表"], run=True, documents=1)

    names = {"个人信息": "个人信息\u3000", "考核情况": "考核情况（2023）"}
    path = write_openpyxl(builder.path("fullwidth_sheet/申报信息.xlsx"), base_sheets(), names=names)
    builder.add("fullwidth_sheet_names", [path], EXIT_INPUT, ["缺少必需的工作表", "考核情况"])


def _value_cases(builder: _Builder) -> None:
    sheets = base_sheets()

    def formulas(workbook: xlsxwriter.Workbook, worksheets: dict[str, Any]) -> None:
        hours = worksheets["继续教育"]
        hours.write_formula(1, column(sheets, "继续教育", "总学时数"), "=C2/0", None, "#DIV/0!")
        hours.write_formula(1, column(sheets, "继续教育", "公需科目学时数"), "=VLOOKUP(A2,X:Y,2,FALSE)", None, "#N/A")

    path = write_xlsxwriter(builder.path("error_values/申报信息.xlsx"), sheets, formulas)
    builder.add("formula_error_values", [path], EXIT_DONE, ["错误值“#DIV/0!”", "错误值“#N/A”"],
          cells=(("继续教育", 2, "总学时数"), ("继续教育", 2, "公需科目学时数")))

    def cached_formulas(workbook: xlsxwriter.Workbook, worksheets: dict[str, Any]) -> None:
        worksheets["继续教育"].write_formula(1, column(sheets, "继续教育", "总学时数"), "=C2+D2", None, 96)
        worksheets["个人信息"].write_formula(1, column(sheets, "个人信息", "姓名"), '="李"&"明远"', None, "李明远")

    path = write_xlsxwriter(builder.path("cached_formulas/申报信息.xlsx"), sheets, cached_formulas)
    builder.add("formula_cached_values", [path], EXIT_DONE, [], absent=["为必填项", "错误值"], run=True, documents=1)

    sheets = two_applicants()
    set_cell(sheets, "学历信息", 2, "入学时间", 42248.0)  # 2015-09-01
    set_cell(sheets, "学历信息", 2, "毕业时间", 43646)  # 2019-06-30
    set_cell(sheets, "个人信息", 3, "出生日期", 60)
    path = write_openpyxl(builder.path("serial_dates/申报信息.xlsx"), sheets)
    builder.add("serial_dates_and_leap_day", [path], EXIT_DONE, ["1900年2月29日"], cells=(("个人信息", 3, "出生日期"),),
          absent=["入学时间”无法识别"])

    sheets = base_sheets()
    set_cell(sheets, "个人信息", 2, "出生日期", "1899-12-31")
    path = write_openpyxl(builder.path("before_1900/申报信息.xlsx"), sheets)
    builder.add("date_before_1900_as_text", [path], EXIT_DONE, ["早于1900年"], cells=(("个人信息", 2, "出生日期"),))

    sheets = base_sheets()
    set_cell(sheets, "学历信息", 2, "毕业时间", dt.date(2035, 6, 30))
    set_cell(sheets, "工作经历", 2, "开始日期", "2099/1/1")
    path = write_openpyxl(builder.path("future_dates/申报信息.xlsx"), sheets)
    builder.add("future_dates", [path], EXIT_DONE, ["毕业时间 2035-06-30 晚于今天"], cells=(("学历信息", 2, "毕业时间"),))

    # HR systems write 9999-12-31 for "no end date"; pandas cannot hold
    # dates after 2262 at all.
    sheets = base_sheets()
    set_cell(sheets, "工作经历", 2, "结束日期", "9999-12-31")
    set_cell(sheets, "学历信息", 2, "毕业时间", dt.date(2300, 1, 1))
    set_cell(sheets, "学历信息", 2, "入学时间", 200000)
    path = write_openpyxl(builder.path("far_future/申报信息.xlsx"), sheets)
    builder.add("dates_after_2262", [path], EXIT_DONE, ["“9999-12-31”无法识别为日期（晚于2100年）"],
                cells=(("工作经历", 2, "结束日期"), ("学历信息", 2, "毕业时间"), ("学历信息", 2, "入学时间")))

    sheets = base_sheets()
    set_cell(sheets, "学历信息", 2, "入学时间", True)
    set_cell(sheets, "学历信息", 2, "毕业时间", dt.time(8, 30))
    path = write_openpyxl(builder.path("bool_in_date/申报信息.xlsx"), sheets)
    builder.add("boolean_and_time_in_date_cells", [path], EXIT_DONE, ["“TRUE”无法识别为日期"],
          cells=(("学历信息", 2, "入学时间"), ("学历信息", 2, "毕业时间")))

    sheets = base_sheets()
    set_cell(sheets, "学历信息", 2, "入学时间", "2015年2月30日")
    set_cell(sheets, "学历信息", 2, "毕业时间", 1e20)
    path = write_openpyxl(builder.path("impossible_dates/申报信息.xlsx"), sheets)
    builder.add("impossible_dates", [path], EXIT_DONE, ["“2015年2月30日”无法识别为日期", "不是有效的Excel日期序号"],
          cells=(("学历信息", 2, "入学时间"), ("学历信息", 2, "毕业时间")))

    sheets = base_sheets()
    set_cell(sheets, "继续教育", 2, "公需科目学时数", -32)
    set_cell(sheets, "继续教育", 2, "专业培训学时数", 64.5)
    set_cell(sheets, "继续教育", 2, "总学时数", 1e308)
    set_item(sheets, "推荐委员会总人数", 7.5)
    path = write_openpyxl(builder.path("negative_hours/申报信息.xlsx"), sheets)
    builder.add("negative_fractional_huge_numbers", [path], EXIT_DONE, ["“-32”为负数", "应为整数"],
          cells=(("继续教育", 2, "公需科目学时数"),))

    # Excel never stores an infinite number, but other producers write
    # "1e400" into a number cell, which reads back as infinity.
    sheets = base_sheets()
    set_cell(sheets, "继续教育", 2, "总学时数", 123456789)
    set_cell(sheets, "继续教育", 2, "专业培训学时数", "Infinity")
    set_item(sheets, "推荐委员会总人数", "inf")
    path = write_openpyxl(builder.path("infinite_numbers/申报信息.xlsx"), sheets)
    patch_zip(path, sheet_member(path, "继续教育"), lambda data: data.replace(b"<v>123456789</v>", b"<v>1e400</v>"))
    builder.add("infinite_numbers", [path], EXIT_DONE, ["“inf”无法识别为学时数", "“Infinity”无法识别为学时数",
                                                  "“inf”无法识别为人数"],
          cells=(("继续教育", 2, "总学时数"), ("继续教育", 2, "专业培训学时数")), run=True)

    sheets = base_sheets()
    set_cell(sheets, "继续教育", 2, "年度", "24")
    set_cell(sheets, "考核情况", 2, "考核年度", "二〇二三")
    path = write_openpyxl(builder.path("year_forms/申报信息.xlsx"), sheets)
    builder.add("two_digit_and_chinese_years", [path], EXIT_DONE, ["两位数年份无法确定世纪"],
          cells=(("继续教育", 2, "年度"),), absent=["“二〇二三”无法识别"])

    sheets = base_sheets()
    set_cell(sheets, "继续教育", 2, "公需科目学时数", "３２学时")
    set_cell(sheets, "学历信息", 2, "学信网可查", "√")
    set_cell(sheets, "学历信息", 2, "入学时间", "2015.09")
    set_cell(sheets, "学历信息", 2, "毕业时间", "2019年6月30日")
    path = write_openpyxl(builder.path("typed_forms/申报信息.xlsx"), sheets)
    builder.add("values_as_people_type_them", [path], EXIT_DONE, [], absent=["无法识别"], run=True, documents=1)


def _id_cases(builder: _Builder) -> None:
    sheets = base_sheets()
    old = "120101970315001"
    for name, rows in sheets.items():
        if name != KEY_VALUE_SHEET:
            for row in rows[1:]:
                row[rows[0].index("证件号码")] = old
    path = write_openpyxl(builder.path("id15/申报信息.xlsx"), sheets)
    builder.add("id_15_digits", [path], EXIT_DONE, ["15位旧身份证号"], cells=(("个人信息", 2, "证件号码"),),
          absent=[old])

    x_id = next(number for number in (resident_id(dt.date(1997, 3, 15), sequence) for sequence in range(1, 999, 2))
                if number.endswith("X"))
    sheets = base_sheets()
    for name, rows in sheets.items():
        if name != KEY_VALUE_SHEET:
            for row in rows[1:]:
                row[rows[0].index("证件号码")] = x_id.lower() if name == "个人信息" else x_id
    path = write_openpyxl(builder.path("id_lower_x/申报信息.xlsx"), sheets)
    builder.add("id_lowercase_x", [path], EXIT_DONE, [], absent=["校验位", "格式不正确", "找不到对应的申请人"], run=True,
          documents=1)

    sheets = base_sheets()
    fullwidth = FIRST_ID.translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    set_cell(sheets, "个人信息", 2, "证件号码", "\u200b" + FIRST_ID[:6] + "\u200d" + FIRST_ID[6:] + "\ufeff ")
    set_cell(sheets, "学历信息", 2, "证件号码", fullwidth)
    set_cell(sheets, "工作经历", 2, "证件号码", "\u3000" + FIRST_ID)
    path = write_openpyxl(builder.path("id_invisible/申报信息.xlsx"), sheets)
    builder.add("id_zero_width_and_fullwidth", [path], EXIT_DONE, [],
          absent=["格式不正确", "找不到对应的申请人", "没有任何记录"], run=True, documents=1)

    sheets = base_sheets()
    set_cell(sheets, "个人信息", 2, "证件号码", int(FIRST_ID))
    set_cell(sheets, "学历信息", 2, "证件号码", float(FIRST_ID))
    path = write_openpyxl(builder.path("id_number/申报信息.xlsx"), sheets)
    builder.add("id_stored_as_number", [path], EXIT_DONE, ["末几位已经丢失"], cells=(("个人信息", 2, "证件号码"),),
          absent=[FIRST_ID])

    sheets = two_applicants()
    set_cell(sheets, "个人信息", 3, "证件号码", FIRST_ID)
    path = write_openpyxl(builder.path("duplicate_id/申报信息.xlsx"), sheets)
    builder.add("duplicate_id", [path], EXIT_DONE, ["在个人信息中出现多次"], cells=(("个人信息", 3, "证件号码"),))

    sheets = base_sheets()
    set_cell(sheets, "个人信息", 2, "手机号码", 13800001234)
    set_cell(sheets, "个人信息", 2, "出生日期", "1997/3/15")
    path = write_openpyxl(builder.path("phone_number_cell/申报信息.xlsx"), sheets)
    builder.add("phone_stored_as_number", [path], EXIT_DONE, [], absent=["手机号码“"])


def _text_cases(builder: _Builder) -> None:
    sheets = base_sheets()
    set_cell(sheets, "工作经历", 2, "工作内容", "耐火材料检测。" * 4571)
    path = write_openpyxl(builder.path("long_cell/申报信息.xlsx"), sheets)
    builder.add("cell_with_32000_characters", [path], EXIT_DONE, ["“工作内容”限 500 字"], cells=(("工作经历", 2, "工作内容"),))

    sheets = base_sheets()
    set_cell(sheets, "学历信息", 2, "备注", "PLACEHOLDER")
    path = write_openpyxl(builder.path("over_excel_limit/申报信息.xlsx"), sheets)
    patch_zip(path, sheet_member(path, "学历信息"), lambda data: data.replace(b"PLACEHOLDER", b"x" * 40_000))
    builder.add("cell_over_excel_limit", [path], EXIT_DONE, ["已截断"], cells=(("学历信息", 2, "备注"),))

    sheets = base_sheets()
    set_cell(sheets, "个人信息", 2, "姓名", "李明远\U0001f600")
    set_cell(sheets, "工作经历", 2, "工作内容", "负责窑炉检测🔥，工作认真👍。\u202eRTL\u202c \u200fعربي\u200f")
    set_cell(sheets, "个人信息", 2, "工作岗位", "工艺技术员🧪")
    path = write_openpyxl(builder.path("emoji/申报信息.xlsx"), sheets)
    builder.add("emoji_and_bidi_marks", [path], EXIT_DONE, [], run=True, documents=1)

    sheets = base_sheets()
    set_cell(sheets, "个人信息", 2, "姓名", "李明\x01远")
    set_cell(sheets, "工作经历", 2, "工作内容", "负责\x1f窑炉\x0b检测。")
    path = write_xlsxwriter(builder.path("control_escaped/申报信息.xlsx"), sheets)
    builder.add("control_chars_escaped", [path], EXIT_DONE, ["控制字符"],
          cells=(("个人信息", 2, "姓名"), ("工作经历", 2, "工作内容")), run=True, documents=1)

    sheets = base_sheets()
    set_cell(sheets, "工作经历", 2, "工作内容", "CONTROLPLACEHOLDER")
    path = write_xlsxwriter(builder.path("control_raw/申报信息.xlsx"), sheets)
    patch_zip(path, "xl/sharedStrings.xml",
              lambda data: data.replace(b"CONTROLPLACEHOLDER", "负责\x01窑炉\x1f检测。".encode("utf-8")))
    builder.add("control_chars_raw_in_xml", [path], EXIT_DONE, ["控制字符"], cells=(("工作经历", 2, "工作内容"),))

    sheets = two_applicants()
    set_cell(sheets, "个人信息", 2, "姓名", "../../李明远")
    set_cell(sheets, "个人信息", 3, "姓名", "王/晓雯\\:*?")
    path = write_openpyxl(builder.path("path_names/申报信息.xlsx"), sheets)
    builder.add("names_with_path_characters", [path], EXIT_DONE, [], run=True, documents=2)

    sheets = two_applicants()
    add_applicant(sheets, number=resident_id(dt.date(1996, 1, 9), 3), name="CON", gender="男",
                  birth=dt.date(1996, 1, 9))
    set_cell(sheets, "个人信息", 2, "姓名", "..")
    set_cell(sheets, "个人信息", 3, "姓名", "王晓雯. ")
    path = write_openpyxl(builder.path("reserved_names/申报信息.xlsx"), sheets)
    builder.add("names_reserved_by_file_systems", [path], EXIT_DONE, [], run=True, documents=3)

    sheets = base_sheets()
    for label, value in (("_row", "用户的行号"), ("_file", "用户的文件"), ("_blank_0", "x"), ("原行号", 7)):
        sheets["个人信息"][0].append(label)
        sheets["个人信息"][1].append(value)
    path = write_openpyxl(builder.path("internal_names/申报信息.xlsx"), sheets)
    builder.add("headers_named_like_internal_columns", [path], EXIT_DONE, ["列“_row”不是模板中的列"], run=True,
                documents=1)

    sheets = base_sheets()
    sheets["单位审核"] = []
    path = write_openpyxl(builder.path("empty_optional_sheet/申报信息.xlsx"), sheets)
    builder.add("empty_optional_sheet", [path], EXIT_DONE, ["工作表“单位审核”是空的"])

    sheets = base_sheets()
    sheets["考核情况"] = []
    path = write_openpyxl(builder.path("empty_required_sheet/申报信息.xlsx"), sheets)
    builder.add("empty_required_sheet", [path], EXIT_INPUT, ["缺少必需的工作表", "考核情况"])

    sheets = two_applicants()
    set_cell(sheets, "个人信息", 3, "姓名", "李明远")
    path = write_openpyxl(builder.path("same_name/申报信息.xlsx"), sheets)
    builder.add("two_applicants_same_name", [path], EXIT_DONE, [], run=True, documents=2)

    sheets = base_sheets()
    set_cell(sheets, "工作经历", 2, "工作内容", '=HYPERLINK("http://127.0.0.1/x","点击")')
    set_cell(sheets, "学历信息", 2, "备注", "+1")
    set_cell(sheets, "学历信息", 2, "毕业院校", "@SUM(1+1)*cmd|' /C calc'!A0")
    set_cell(sheets, "个人信息", 2, "工作岗位", "-2+3")
    set_cell(sheets, "学历信息", 2, "学历", "=1+1")
    path = write_xlsxwriter(builder.path("formula_text/申报信息.xlsx"), sheets)
    builder.add("formula_looking_text", [path], EXIT_DONE, ["“=1+1”不是“学历”的可选值"], run=True)

    # openpyxl stores a string that starts with "=" as a formula without a
    # computed value, as do pandas and other programs that write .xlsx.
    sheets = base_sheets()
    set_cell(sheets, "工作经历", 2, "工作内容", '=CONCATENATE("负责","检测")')
    set_cell(sheets, "继续教育", 2, "总学时数", "=C2+D2")
    path = write_openpyxl(builder.path("formula_no_value/申报信息.xlsx"), sheets)
    builder.add("formula_without_cached_value", [path], EXIT_DONE, ["=C2+D2", "没有保存计算结果"],
          cells=(("工作经历", 2, "工作内容"), ("继续教育", 2, "总学时数")))


def _format_cases(builder: _Builder) -> None:
    source = write_openpyxl(builder.path("libreoffice/source/申报信息.xlsx"), base_sheets())
    for suffix in ("xls", "ods"):
        converted = soffice_convert(source, suffix, builder.path(f"libreoffice/{suffix}/x").parent)
        paths = [converted] if converted else [builder.path(f"libreoffice/{suffix}/申报信息.{suffix}")]
        builder.add(f"{suffix}_by_libreoffice", paths, EXIT_DONE, [], absent=["为必填项", "无法识别"], run=suffix == "xls",
              documents=1 if suffix == "xls" else None,
              skip=None if converted else f"LibreOffice 无法转换为 .{suffix}")
    shutil.rmtree(source.parent)

    xls = builder.path("libreoffice/xls/申报信息.xls")
    if xls.is_file():
        renamed = builder.path("xls_renamed/申报信息.xlsx")
        shutil.copyfile(xls, renamed)
        builder.add("xls_renamed_xlsx", [renamed], EXIT_DONE, [], absent=["为必填项"])

    path = write_openpyxl(builder.path("xlsm/申报信息.xlsm"), base_sheets())
    patch_zip(path, "[Content_Types].xml", lambda data: data.replace(
        b"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
        b"application/vnd.ms-excel.sheet.macroEnabled.main+xml"))
    builder.add("xlsm_workbook", [path], EXIT_DONE, [], absent=["为必填项"])

    path = write_openpyxl(builder.path("upper/申报信息.XLSX"), base_sheets())
    builder.add("uppercase_extension", [path], EXIT_DONE, [], absent=["为必填项"])

    path = write_openpyxl(builder.path("中文 路径/2024 申报 (终版)/申报 信息 #1.xlsx"), base_sheets())
    builder.add("path_with_spaces_and_chinese", [path], EXIT_DONE, [], run=True, documents=1)

    def mac_epoch(workbook: openpyxl.Workbook) -> None:
        workbook.epoch = openpyxl.utils.datetime.CALENDAR_MAC_1904

    path = write_openpyxl(builder.path("epoch1904/申报信息.xlsx"), base_sheets(), customize=mac_epoch)
    builder.add("workbook_with_1904_dates", [path], EXIT_DONE, [], absent=["身份证号中的出生日期"])

    sheets = base_sheets()
    set_item(sheets, "申报年度", "二〇二四年")
    set_item(sheets, "公示开始日期", "2024.6.1")
    sheets[KEY_VALUE_SHEET].append([12345, "无关内容"])
    sheets[KEY_VALUE_SHEET].append(["", "没有项目名的值"])
    sheets[KEY_VALUE_SHEET].append(["推荐委员会总人数", "九"])
    path = write_openpyxl(builder.path("unit_info_junk/申报信息.xlsx"), sheets)
    builder.add("unit_info_with_junk_rows", [path], EXIT_DONE, [], absent=["Traceback"])


def _folder_and_output_cases(builder: _Builder) -> None:
    folder = builder.path("no_spreadsheets/说明.txt").parent
    (folder / "说明.txt").write_text("申报材料见附件。", encoding="utf-8")
    (folder / "照片.jpg").write_bytes(b"\xff\xd8\xff\xe0not really a jpeg")
    builder.add("folder_without_spreadsheets", [folder], EXIT_INPUT, ["没有电子表格"], run=True)

    folder = builder.path("with_lock/申报信息.xlsx").parent
    write_openpyxl(folder / "申报信息.xlsx", base_sheets())
    (folder / "~$申报信息.xlsx").write_bytes(b"\x08zcbatch " + b"\x00" * 150)
    (folder / ".~lock.申报信息.xlsx#").write_text("zcbatch,host,2024", encoding="utf-8")
    builder.add("lock_file_beside_workbook", [folder], EXIT_DONE, [], absent=["无法作为电子表格打开"], run=True, documents=1)

    folder = builder.path("two_workbooks/一部.xlsx").parent
    write_openpyxl(folder / "一部.xlsx", base_sheets())
    write_openpyxl(folder / "二部.xlsx", base_sheets())
    builder.add("folder_with_same_applicant_twice", [folder], EXIT_DONE, ["在个人信息中出现多次"])

    sheets = two_applicants()
    second = sheets["个人信息"][2][column(sheets, "个人信息", "证件号码")]
    first_only = {name: [rows[0], *[row for row in rows[1:] if second not in row]] if name != KEY_VALUE_SHEET else rows
                  for name, rows in sheets.items()}
    second_only = {name: [rows[0], *[row for row in rows[1:] if second in row]]
                   for name, rows in sheets.items() if name != KEY_VALUE_SHEET}
    folder = builder.path("split_batch/一部.xlsx").parent
    write_openpyxl(folder / "一部.xlsx", first_only)
    write_openpyxl(folder / "二部.xlsx", second_only)
    builder.add("folder_split_by_department", [folder], EXIT_DONE, [], absent=["找不到对应的申请人"], run=True, documents=2)

    first_part, second_part = builder.path("same_file_name/一部/申报信息.xlsx"), builder.path("same_file_name/二部/申报信息.xlsx")
    write_openpyxl(first_part, first_only)
    broken = copy.deepcopy(second_only)
    set_cell(broken, "个人信息", 2, "民族", "火星族")
    write_openpyxl(second_part, broken)
    builder.add("same_file_name_in_two_folders", [first_part, second_part], EXIT_DONE,
          ["“火星族”不是“民族”的可选值"], cells=(("个人信息", 2, "民族"),), files=("二部/申报信息.xlsx",))

    sheets = base_sheets()
    set_cell(sheets, "个人信息", 2, "照片", "证件照.png")
    path = write_openpyxl(builder.path("attachments/申报信息.xlsx"), sheets)
    attachments = builder.path("attachments/附件/证件照.png")
    attachments.write_bytes(_png_header(10_000, 30_000))
    builder.add("photo_claiming_300_megapixels", [path, attachments.parent], EXIT_DONE, ["照片“证件照.png”"],
                inputs=[path], args=["--attachments", str(attachments.parent)], cells=(("个人信息", 2, "照片"),))
    builder.add("attachments_folder_missing", [path], EXIT_INPUT, ["附件文件夹", "不存在"],
                args=["--attachments", str(attachments.parent.parent / "没有这个文件夹")])

    path = write_openpyxl(builder.path("used_outdir/申报信息.xlsx"), base_sheets())
    used = builder.path("used_outdir/旧结果/备忘.txt")
    used.write_text("上一次的结果", encoding="utf-8")
    # The note in the used folder is listed in paths so that its bytes are checked too.
    builder.add("output_folder_not_empty", [path, used], EXIT_INPUT, ["不为空", "--force"], run=True, inputs=[path],
          args=["-o", str(used.parent)])

    path = write_openpyxl(builder.path("usage/申报信息.xlsx"), base_sheets())
    builder.add("impossible_date_option", [path], EXIT_INPUT, ["参数错误", "2024-02-30"], args=["--date", "2024-02-30"])
    builder.add("unknown_policy_option", [path], EXIT_INPUT, ["找不到", "teda-2099"], args=["--policy", "teda-2099"])

    path = write_openpyxl(builder.path("outdir_is_file/申报信息.xlsx"), base_sheets())
    blocker = builder.path("outdir_is_file/结果.xlsx")
    blocker.write_bytes(b"not a folder")
    builder.add("output_path_is_a_file", [path, blocker], EXIT_INPUT, ["是一个文件"], inputs=[path],
          args=["-o", str(blocker)])
    builder.add("output_folder_below_a_file", [path, blocker], EXIT_INPUT, ["无法创建输出文件夹", "不是文件夹"], inputs=[path],
          args=["-o", str(blocker / "结果")], run=True)

    # An input named like an output, in the folder that --force cleans.
    path = write_openpyxl(builder.path("input_in_outdir/审核结果.xlsx"), base_sheets())
    builder.add("input_among_outputs_with_force", [path], EXIT_INPUT, ["位于输出文件夹", "审核结果.xlsx"], run=True,
          args=["-o", str(path.parent), "--force"])


def _png_header(width: int, height: int) -> bytes:
    """Return a small PNG file that declares ``width`` × ``height`` pixels but holds almost no data."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\x00" * 100)) + chunk(b"IEND", b"")


def main(argv: list[str] | None = None) -> int:
    """Write the corpus into the folder given on the command line and list the cases."""
    arguments = sys.argv[1:] if argv is None else argv
    if len(arguments) != 1:
        print("usage: make_corpus.py FOLDER", file=sys.stderr)
        return 2
    for case in build_corpus(arguments[0]):
        status = f"skip: {case.skip}" if case.skip else f"exit {case.expected_exit}"
        print(f"{case.name:40} {status:12} {' | '.join(case.keywords)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
