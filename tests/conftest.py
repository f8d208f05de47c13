"""Shared fixtures: test workbooks written with openpyxl and a valid applicant.

Workbooks are built from plain Python values, so each test shows the exact
cells it feeds to the reader. Every string cell is stored as a text cell
(number format ``@``), the way the template asks analysts to type ID numbers.
Dates, numbers and booleans keep their Excel cell types.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

import openpyxl
import pandas as pd
import pytest
import xlsxwriter
from stdnum.cn import ric, uscc

from zcbatch import findings as fd
from zcbatch.batch import Batch, read_batch

# Rows of one sheet: dicts (the header is the union of their keys, in
# first-seen order) or lists (the first list is the header row).
Rows = Sequence[Mapping[str, Any]] | Sequence[Sequence[Any]]
# Sheets of a workbook: table rows, or {项目: 内容} for a two-column sheet.
Sheets = Mapping[str, Rows | Mapping[str, Any]]

# Region codes of Tianjin: 和平区 and 滨海新区 (TEDA lies in the latter).
HEPING = "120101"
BINHAI = "120116"
SUPERIOR_UNIT = "天津经济技术开发区人力资源和社会保障局"
COMPANY = "示例精密机械（天津）有限公司"
TABLE_SHEETS = ("个人信息", "学历信息", "工作经历", "继续教育", "考核情况", "单位审核")


def resident_id(birth: dt.date = dt.date(1997, 3, 15), *, region: str = HEPING, sequence: int = 1) -> str:
    """Return an 18-digit GB 11643 ID; an odd ``sequence`` is a man, an even one a woman."""
    body = f"{region}{birth:%Y%m%d}{sequence:03d}"
    # stdnum's calc_check_digit expects the full number and ignores its last character.
    return body + ric.calc_check_digit(body + "0")


def credit_code(body: str = "91120116MA05XK3L7") -> str:
    """Return an 18-character GB 32100 credit code from its first 17 characters."""
    return body + uscc.calc_check_digit(body)


def build_applicant(index: int = 1, *, birth: dt.date = dt.date(1997, 3, 15), gender: str = "男",
                    region: str = HEPING, **personal: Any) -> dict[str, list[dict[str, Any]]]:
    """Return one valid applicant as {sheet: [row]}; ``personal`` overrides 个人信息 cells.

    ``index`` makes the ID number and name distinct within a batch. The
    applicant is a 本科 graduate of 2019 applying for 助理工程师, with one
    open-ended work period, one continuing-education year and one appraisal.
    """
    sequence = 2 * index - 1 if gender == "男" else 2 * index
    # An overridden 证件号码 is used in every sheet, so the rows still join.
    number = personal.get("证件号码", resident_id(birth, region=region, sequence=sequence))
    person = {
        "工作单位": COMPANY,
        "评价方式": "自主聘任",
        "申报系列": "工程技术",
        "申报层级": "助理级",
        "申报职称专业": "机械设计",
        "申报资格名称": "助理工程师",
        "证件类型": "居民身份证(户口簿)",
        "证件号码": number,
        "姓名": f"测试{index}",
        "性别": gender,
        "出生日期": birth,
        "国别": "中国",
        "民族": "汉族",
        "手机号码": f"138{index:08d}",
        "政治面貌": "群众",
        "现从事专业": "机械设计",
        "参加专业技术工作日期": dt.date(2021, 7, 1),
        "从事专业技术工作年限": 2,
        "职称系列": "无",
        "职称层级": "无",
        "职称专业": "无",
        "聘任系列": "无",
        "工作能力": "能独立完成零部件的结构设计和工艺图纸绘制。",
        "业绩成果": "参与两条装配线的改造设计，负责夹具的选型与校核。",
    }
    person.update(personal)
    return {
        "个人信息": [person],
        "学历信息": [{
            "证件号码": number, "入学时间": dt.date(2015, 9, 1), "毕业时间": dt.date(2019, 6, 30),
            "毕业院校": "天津大学", "所学专业": "机械工程", "学历": "大学本科", "学位": "学士",
            "学制": "全日制", "是否工作前学历": "是", "学信网可查": "是",
        }],
        "工作经历": [{
            "证件号码": number, "开始日期": dt.date(2021, 7, 1), "工作单位": COMPANY,
            "行政职务": "职员", "工作内容": "从事机械零部件设计与装配工艺改进。",
        }],
        "继续教育": [{
            "证件号码": number, "年度": 2024, "公需科目学时数": 32, "专业培训学时数": 64, "总学时数": 96,
            "继续教育网可查": "是",
        }],
        "考核情况": [{"证件号码": number, "考核年度": 2023, "考核结果": "合格"}],
    }


def build_unit_info(**items: Any) -> dict[str, Any]:
    """Return valid 单位信息 items {项目: 内容}; keyword arguments override items."""
    values: dict[str, Any] = {
        "单位名称": COMPANY,
        "统一社会信用代码": credit_code(),
        "行政区划": "经济技术开发区",
        "联系人": "王晓",
        "通讯地址": "天津经济技术开发区示例路1号",
        "联系电话": "022-12345678",
        "上级单位": SUPERIOR_UNIT,
        "申报年度": 2024,
        "申报日期": dt.date(2024, 6, 14),
    }
    values.update(items)
    return values


def merge_sheets(*parts: Mapping[str, list[dict[str, Any]]]) -> dict[str, list[dict[str, Any]]]:
    """Concatenate the rows of several applicants sheet by sheet."""
    merged: dict[str, list[dict[str, Any]]] = {}
    for part in parts:
        for sheet, rows in part.items():
            merged.setdefault(sheet, []).extend(dict(row) for row in rows)
    return merged


def save_workbook(path: Path, sheets: Sheets) -> Path:
    """Write ``sheets`` to ``path`` with openpyxl, string cells as text cells."""
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for name, content in sheets.items():
        worksheet = workbook.create_sheet(name)
        for row in _sheet_rows(content):
            worksheet.append(list(row))
        for row in worksheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, str):
                    cell.number_format = "@"
    path.parent.mkdir(parents=True, exist_ok=True)
    workbook.save(path)
    return path


def _sheet_rows(content: Rows | Mapping[str, Any]) -> list[Sequence[Any]]:
    if isinstance(content, Mapping):
        return [["项目", "内容"], *([key, value] for key, value in content.items())]
    rows = list(content)
    if not rows or not isinstance(rows[0], Mapping):
        return rows
    header: list[str] = []
    for row in rows:
        header.extend(key for key in row if key not in header)
    return [header, *([row.get(key) for key in header] for row in rows)]


def save_error_workbook(path: Path, sheets: Mapping[str, list[dict[str, Any]]],
                        errors: Mapping[tuple[str, str], tuple[str, str]]) -> Path:
    """Write dict rows with xlsxwriter; ``errors`` maps (sheet, cell) to (formula, cached error value).

    openpyxl cannot store the cached value of a formula, so error cells such as
    ``#N/A`` need xlsxwriter's ``write_formula(cell, formula, None, value)``.
    """
    workbook = xlsxwriter.Workbook(str(path))
    date_format = workbook.add_format({"num_format": "yyyy-mm-dd"})
    text_format = workbook.add_format({"num_format": "@"})
    for name, rows in sheets.items():
        worksheet = workbook.add_worksheet(name)
        header = list(rows[0])
        for col, label in enumerate(header):
            worksheet.write_string(0, col, label)
        for row_index, row in enumerate(rows, start=1):
            for col, key in enumerate(header):
                value = row.get(key)
                if isinstance(value, dt.date):
                    worksheet.write_datetime(row_index, col, dt.datetime(value.year, value.month, value.day), date_format)
                elif isinstance(value, str):
                    worksheet.write_string(row_index, col, value, text_format)
                elif value is not None:
                    worksheet.write_number(row_index, col, value)
    for (name, reference), (formula, cached) in errors.items():
        workbook.get_worksheet_by_name(name).write_formula(reference, formula, None, cached)
    workbook.close()
    return path


def cell_of(batch: Batch, finding: pd.Series) -> str:
    """Return the Excel cell (``H2``) a finding points at, from its sheet's column letters."""
    letters = batch.letters[(finding[fd.FILE], finding[fd.SHEET])]
    return f"{letters[finding[fd.FIELD]]}{finding[fd.ROW]}"


@pytest.fixture(scope="session")
def make_id() -> Callable[..., str]:
    """Return resident_id: a valid 18-digit ID for a birth date, region code and sequence."""
    return resident_id


@pytest.fixture(scope="session")
def make_credit_code() -> Callable[..., str]:
    """Return credit_code: a valid GB 32100 credit code from its first 17 characters."""
    return credit_code


@pytest.fixture(scope="session")
def applicant() -> Callable[..., dict[str, list[dict[str, Any]]]]:
    """Return build_applicant: one valid applicant as {sheet: [row]}."""
    return build_applicant


@pytest.fixture(scope="session")
def unit_info() -> Callable[..., dict[str, Any]]:
    """Return build_unit_info: valid 单位信息 items with a computed credit code."""
    return build_unit_info


@pytest.fixture(scope="session")
def write_workbook(tmp_path_factory: pytest.TempPathFactory) -> Callable[..., Path]:
    """Return a writer of {sheet: rows} to an .xlsx in a new temporary folder, or in ``folder``."""

    def write(sheets: Sheets, name: str = "申报信息.xlsx", folder: Path | None = None) -> Path:
        return save_workbook((folder or tmp_path_factory.mktemp("workbook")) / name, sheets)

    return write


@pytest.fixture(scope="session")
def write_error_workbook(tmp_path_factory: pytest.TempPathFactory) -> Callable[..., Path]:
    """Return a writer of dict rows with xlsxwriter, where ``errors`` puts cached error values in cells."""

    def write(sheets: Mapping[str, list[dict[str, Any]]], errors: Mapping[tuple[str, str], tuple[str, str]],
              name: str = "申报信息.xlsx") -> Path:
        return save_error_workbook(tmp_path_factory.mktemp("workbook") / name, sheets, errors)

    return write


@pytest.fixture(scope="session")
def load_batch(write_workbook: Callable[..., Path]) -> Callable[..., Batch]:
    """Return a function that writes applicants (plus ``unit`` and ``extra`` sheets) and reads them."""

    def load(*applicants: Mapping[str, list[dict[str, Any]]], unit: Mapping[str, Any] | None = None,
             extra: Sheets | None = None) -> Batch:
        sheets: dict[str, Any] = merge_sheets(*applicants)
        if unit is not None:
            sheets["单位信息"] = dict(unit)
        sheets.update(extra or {})
        return read_batch(write_workbook(sheets))

    return load


@pytest.fixture(scope="session")
def case_batch(load_batch: Callable[..., Batch]) -> Callable[..., tuple[Batch, dict[str, int]]]:
    """Return a loader of one applicant per case, its cells in ``sheet`` overridden; returns the Excel row per case."""

    def load(sheet: str, cases: Mapping[str, Mapping[str, Any]],
             unit: Mapping[str, Any] | None = None) -> tuple[Batch, dict[str, int]]:
        people = []
        rows = {}
        for position, (case_id, cells) in enumerate(cases.items(), start=1):
            person = build_applicant(position)
            person[sheet][0].update(cells)
            if "证件号码" in cells:
                # The other sheets follow, so the applicant's rows still join.
                for sheet_rows in person.values():
                    sheet_rows[0]["证件号码"] = cells["证件号码"]
            people.append(person)
            rows[case_id] = position + 1
        return load_batch(*people, unit=unit), rows

    return load


@pytest.fixture(scope="session")
def rule_findings() -> Callable[..., pd.DataFrame]:
    """Return a function selecting the findings of one rule code (and Excel row and sheet) from a batch."""

    def select(batch: Batch, rule: str, row: int | None = None, sheet: str | None = None) -> pd.DataFrame:
        found = batch.findings
        selected = found[fd.RULE] == rule
        if row is not None:
            selected &= found[fd.ROW] == row
        if sheet is not None:
            selected &= found[fd.SHEET] == sheet
        return found[selected].reset_index(drop=True)

    return select


@pytest.fixture(scope="session")
def cell() -> Callable[[Batch, pd.Series], str]:
    """Return cell_of: the Excel cell (``H2``) of a finding."""
    return cell_of
