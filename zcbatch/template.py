"""Write the Excel input template that HR analysts fill for a batch.

The workbook (``.xlsx``, written with xlsxwriter) has these sheets, in order:

- ``填写说明``: instructions in Chinese, one row per data sheet.
- ``个人信息``, ``学历信息``, ``工作经历``, ``继续教育``, ``考核情况``,
  ``单位审核``: one table each. Row 1 contains the headers, which are exactly the
  column names of ``schemas/fields.yaml`` because the reader matches header
  text. Required columns are marked by a fill colour and by a header comment
  that starts with ``必填。``; every header comment gives the help text, the
  format, the allowed values and the rule.
- ``单位信息``: key/value layout with the two columns ``项目`` and ``内容``,
  one row per item.
- ``_选项`` (hidden): the allowed values that the dropdown lists refer to.
  Every list is referenced by cell range, because Excel rejects inline lists
  longer than 255 characters.

Data rows 2 to ``DATA_LAST_ROW`` carry data validation with the "warning"
alert style, so a pasted or mistyped value is flagged but not rejected. Dates
are formatted ``yyyy-mm-dd``, and ID, phone and credit-code columns are
formatted as text (``@``) so that Excel keeps all digits of an 18-digit number.

The column definitions come from ``fields.yaml``, ``enums.yaml`` and
``qualifications.yaml`` (loaded through :mod:`zcbatch.resources`). The 单位信息
help texts, which ``fields.yaml`` does not carry, are in ``UNIT_INFO_HELP``.
The example applicant is the one of the 2024 TEDA online filing guide
(天津经开区自主聘任初中级职称网上填报指南) with a made-up name, ID and company.

The output is byte-identical for the same inputs: the document creation date
is fixed, and xlsxwriter stamps every zip entry with 1980-01-01.
"""

from __future__ import annotations

import datetime as dt
import math
import os
import secrets
import unicodedata
from collections.abc import Iterable
from io import BytesIO
from pathlib import Path
from typing import Any

import xlsxwriter
from stdnum.cn import ric, uscc
from xlsxwriter.utility import xl_range_abs
from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import Worksheet

from zcbatch import resources

__all__ = [
    "DATA_LAST_ROW",
    "INSTRUCTIONS_SHEET",
    "OPTIONS_SHEET",
    "TemplateSchemaError",
    "UNIT_INFO_HELP",
    "write_template",
]

INSTRUCTIONS_SHEET = "填写说明"
OPTIONS_SHEET = "_选项"
UNIT_INFO_HEADERS = ("项目", "内容")

# Last Excel row (1-based) that carries data validation and input hints.
DATA_LAST_ROW = 2000

# Fixed creation date in the document properties, so two runs give the same bytes.
CREATED = dt.datetime(2024, 1, 1, 0, 0, 0)

TITLE = "自主聘任初（中）级职称申报信息填写模板"

YEAR_MIN = 1950
YEAR_MAX = 2100

# Header fills: required columns orange, optional columns blue.
REQUIRED_FILL = "#F8CBAD"
OPTIONAL_FILL = "#DDEBF7"

DATE_FORMAT = "yyyy-mm-dd"
TEXT_FORMAT = "@"

# Column types whose cells must stay text so Excel never turns them into numbers.
TEXT_TYPES = frozenset({"id", "mobile", "phone", "uscc"})

# A text column with ``choices_from: qualifications.yaml`` offers every
# qualification name of that file, under this key of the hidden options sheet.
QUALIFICATION_SOURCE = "qualifications.yaml"
QUALIFICATION_LIST = "申报资格名称"
BOOL_ENUM = "是否"
BOOL_VALUES = ("是", "否")

# Allowed values are listed in the header comment up to this many characters.
MAX_LISTED_VALUES_CHARS = 40

# Help texts of the 单位信息 items, which fields.yaml does not carry.
UNIT_INFO_HELP: dict[str, str] = {
    "单位名称": "与营业执照一致的单位全称，打印在公示和推荐审核汇总表中。",
    "统一社会信用代码": "营业执照上的18位统一社会信用代码，末位为校验码。",
    "行政区划": "固定填写“经济技术开发区”。",
    "联系人": "负责本单位职称申报的联系人姓名。",
    "通讯地址": "单位通讯地址。",
    "联系电话": "单位联系电话，例如 022-12345678。",
    "上级单位": "固定填写“天津经济技术开发区人力资源和社会保障局”。",
    "单位性质": "与系统“基本信息维护”中的单位性质一致，例如“非公有制企业”。",
    "申报年度": "继续教育和考核的年度要求以此年度为准。",
    "申报日期": "从事专业技术工作年限和最早满足条件日期计算到此日期。",
    "推荐委员会总人数": "单位推荐委员会（推荐小组）的人数，原则上不少于5人。",
    "参加人数": "参加表决的人数，不超过总人数，通常为奇数（如5、7、9人）。",
    "赞成人数": "赞成票数，不超过参加人数，且须超过参加人数的一半。",
    "公示开始日期": "公示第一天。公示时间不少于5个工作日。",
    "公示结束日期": "公示最后一天。与开始日期之间不少于5个工作日（按法定节假日和调休计算）。",
    "公示部门": "受理异议的部门（单位），例如“人力资源部”，打印在公示中。",
    "公示联系地址": "受理异议的联系地址，打印在公示中。",
    "公示联系电话": "受理异议的联系电话，打印在公示中。",
}

# Values the guide fixes; the template prefills them even without the example.
UNIT_INFO_PREFILLED: dict[str, str] = {
    "行政区划": "经济技术开发区",
    "上级单位": "天津经济技术开发区人力资源和社会保障局",
}

ACCEPTED_DATE_FORMS = "2019-06-30、2019/6/30、2019.06.30、2019年6月30日或Excel日期"

# Format line of the header comment, per column type.
FORMAT_TEXT: dict[str, str] = {
    "text": "文字",
    "enum": "从下拉列表选择",
    "date": f"日期，可写 {ACCEPTED_DATE_FORMS}",
    "year": "四位年份，例如 2024",
    "hours": "学时数，可带小数，例如 32 或 32.5",
    "bool": "是或否",
    "id": "文本；居民身份证为18位，末位可为X",
    "mobile": "文本，11位数字",
    "phone": "文本，例如 022-12345678",
    "years": "整年数，例如 3 或“3年”",
    "attachments": "文件名，多个用分号分隔",
    "image": "图片文件名",
    "count": "整数（人数）",
    "uscc": "文本，18位，数字和大写字母",
}


class TemplateSchemaError(ValueError):
    """The column definitions cannot be turned into a template.

    Raised when a column names an enumeration without values in
    ``enums.yaml``, takes its choices from a file other than
    ``qualifications.yaml``, or has a type the template does not know.
    """


def write_template(path: str | Path, *, example: bool = False) -> Path:
    """Write the input template to ``path`` and return the path.

    With ``example=True`` every sheet gets one filled example applicant in
    row 2. The file is first written to a temporary file in the same folder
    and then moved over ``path``, so a reader never sees a half-written file.
    Raises FileNotFoundError when the folder of ``path`` does not exist.
    """
    target = Path(path)
    buffer = BytesIO()
    workbook = xlsxwriter.Workbook(
        buffer,
        {
            "in_memory": True,
            "strings_to_numbers": False,
            "strings_to_formulas": False,
            "strings_to_urls": False,
        },
    )
    try:
        _build_workbook(workbook, example=example)
    finally:
        workbook.close()
    _replace_atomically(target, buffer.getvalue())
    return target


def _replace_atomically(target: Path, content: bytes) -> None:
    # The temporary name does not end in .xlsx, so a folder reader never picks
    # it up. O_EXCL fails instead of reusing an existing file, and the mode
    # 0o666 is reduced by the umask as for any new file.
    temporary = target.with_name(f".{target.name}.{secrets.token_hex(8)}.tmp")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(content)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


class _Formats:
    """Cell formats shared by all sheets of one workbook."""

    def __init__(self, workbook: Workbook) -> None:
        self._workbook = workbook
        self._table_formats: dict[str, Any] = {}
        self._boxed_formats: dict[str, Any] = {}

        header = {"bold": True, "text_wrap": True, "align": "center", "valign": "vcenter", "border": 1}
        self.header_required = workbook.add_format({**header, "bg_color": REQUIRED_FILL})
        self.header_optional = workbook.add_format({**header, "bg_color": OPTIONAL_FILL})
        self.key = workbook.add_format({"bold": True, "border": 1, "valign": "vcenter"})
        self.title = workbook.add_format({"bold": True, "font_size": 16, "valign": "vcenter"})
        self.section = workbook.add_format({"bold": True, "font_size": 12, "valign": "vcenter"})
        self.table_header = workbook.add_format(
            {"bold": True, "border": 1, "bg_color": "#D9D9D9", "align": "center", "valign": "vcenter"}
        )
        self.wrapped = workbook.add_format({"text_wrap": True, "valign": "top", "border": 1})
        self.wrapped_bold = workbook.add_format({"text_wrap": True, "valign": "top", "border": 1, "bold": True})
        self.command = workbook.add_format(
            {"font_name": "Consolas", "bg_color": "#F2F2F2", "border": 1, "valign": "vcenter"}
        )

    def for_type(self, column_type: str) -> Any:
        """Return the data-cell format of a table column type (``None`` for General)."""
        properties = _data_properties(column_type)
        if not properties:
            return None
        if column_type not in self._table_formats:
            self._table_formats[column_type] = self._workbook.add_format(properties)
        return self._table_formats[column_type]

    def boxed_for_type(self, column_type: str) -> Any:
        """Return the format of a 单位信息 value cell: bordered and left-aligned."""
        if column_type not in self._boxed_formats:
            properties = {**_data_properties(column_type), "align": "left", "valign": "vcenter", "border": 1}
            self._boxed_formats[column_type] = self._workbook.add_format(properties)
        return self._boxed_formats[column_type]


def _data_properties(column_type: str) -> dict[str, Any]:
    """Return the xlsxwriter format properties of the data cells of a column type."""
    if column_type == "date":
        return {"num_format": DATE_FORMAT, "align": "center"}
    if column_type in TEXT_TYPES:
        return {"num_format": TEXT_FORMAT}
    if column_type in ("year", "count"):
        return {"num_format": "0", "align": "center"}
    if column_type in ("hours", "years"):
        return {"align": "center"}
    return {}


def _build_workbook(workbook: Workbook, *, example: bool) -> None:
    schema = resources.fields()
    sheets: dict[str, dict[str, Any]] = schema["sheets"]
    formats = _Formats(workbook)
    workbook.set_properties(
        {
            "title": TITLE,
            "subject": "自主聘任初（中）级职称批量申报",
            "author": "zcbatch",
            "keywords": "职称,自主聘任,申报",
            "comments": "由 zcbatch template 生成；填写后运行 zcbatch check 检查。",
            "created": CREATED,
        }
    )

    instructions = workbook.add_worksheet(INSTRUCTIONS_SHEET)
    data_sheets: dict[str, Worksheet] = {name: workbook.add_worksheet(name) for name in sheets}
    options = workbook.add_worksheet(OPTIONS_SHEET)

    option_ranges = _write_options(options, _option_lists(sheets))
    examples = _example_rows() if example else {}

    _write_instructions(instructions, formats, sheets, example=example)
    for name, sheet in sheets.items():
        worksheet = data_sheets[name]
        if sheet.get("layout") == "key_value":
            _write_key_value_sheet(worksheet, formats, sheet["columns"], option_ranges, examples.get(name, {}))
        else:
            _write_table_sheet(worksheet, formats, sheet["columns"], option_ranges, examples.get(name))
    instructions.activate()


# --- Allowed values -------------------------------------------------------------------


def _qualification_names() -> list[str]:
    names: list[str] = []
    for by_level in resources.qualifications().values():
        for name in by_level.values():
            if name not in names:
                names.append(name)
    return names


def _list_values(key: str) -> list[str]:
    """Return the values of the dropdown list ``key``."""
    if key == BOOL_ENUM:
        return list(BOOL_VALUES)
    if key == QUALIFICATION_LIST:
        return _qualification_names()
    definitions = resources.enums()
    if key in definitions and "values" in definitions[key]:
        return [str(value) for value in definitions[key]["values"]]
    raise TemplateSchemaError(f"enumeration {key!r} has no values in enums.yaml")


def _list_key(column: dict[str, Any]) -> str | None:
    """Return the key of the dropdown list of a column, or None when it has none."""
    if column["type"] == "enum":
        return str(column["enum"])
    if column["type"] == "bool":
        return BOOL_ENUM
    source = column.get("choices_from")
    if source == QUALIFICATION_SOURCE:
        return QUALIFICATION_LIST
    if source is not None:
        raise TemplateSchemaError(f"column {column['name']!r} takes its choices from unknown source {source!r}")
    return None


def _option_lists(sheets: dict[str, dict[str, Any]]) -> dict[str, list[str]]:
    """Collect the dropdown lists the columns use, in order of first use."""
    lists: dict[str, list[str]] = {}
    for sheet in sheets.values():
        for column in sheet["columns"]:
            key = _list_key(column)
            if key is None or key in lists:
                continue
            lists[key] = _list_values(key)
    return lists


def _write_options(worksheet: Worksheet, lists: dict[str, list[str]]) -> dict[str, str]:
    """Write one list per column of the hidden sheet and return the range formula per key."""
    ranges: dict[str, str] = {}
    # The sheet name is always quoted, because a quoted name is valid in a
    # formula whatever characters it contains.
    sheet_reference = "'" + OPTIONS_SHEET.replace("'", "''") + "'"
    for col, (key, values) in enumerate(lists.items()):
        worksheet.write_string(0, col, key)
        for row, value in enumerate(values, start=1):
            worksheet.write_string(row, col, value)
        ranges[key] = f"={sheet_reference}!{xl_range_abs(1, col, len(values), col)}"
        worksheet.set_column(col, col, max(_display_width(v) for v in [key, *values]) + 2)
    worksheet.hide()
    return ranges


# --- Header comments and validation ---------------------------------------------------


def _display_width(text: str) -> int:
    """Return the width of ``text`` in Excel character units (CJK characters count 2)."""
    return sum(2 if unicodedata.east_asian_width(char) in ("W", "F") else 1 for char in text)


def _values_text(column: dict[str, Any]) -> str | None:
    key = _list_key(column)
    if key is None:
        return None
    listed = "、".join(_list_values(key))
    if len(listed) > MAX_LISTED_VALUES_CHARS:
        return "见下拉列表"
    return listed


def _rule_text(column: dict[str, Any]) -> str | None:
    rules: list[str] = []
    column_type = column["type"]
    if column_type == "id":
        rules.append("居民身份证号码须符合GB 11643校验位，出生日期和性别须与本表一致")
    elif column_type == "mobile":
        rules.append("11位，以13至19开头")
    elif column_type == "year":
        rules.append(f"{YEAR_MIN}至{YEAR_MAX}之间的整数")
    elif column_type == "hours":
        rules.append("不小于0")
    elif column_type == "count":
        rules.append("不小于0的整数")
    elif column_type == "uscc":
        rules.append("末位须符合GB 32100校验")
    elif column_type == "image":
        rules.append("不超过500KB")
    elif _list_key(column) == QUALIFICATION_LIST:
        rules.append("须为申报系列和申报层级对应的资格名称")
    elif column_type in ("enum", "bool"):
        rules.append("须为可选值之一")
    if "max_length" in column:
        rules.append(f"不超过{column['max_length']}字")
    if not rules:
        return None
    return "；".join(rules) + "。"


def _comment_text(column: dict[str, Any], help_text: str, *, mark_required: bool) -> str:
    """Compose a header comment: required mark, help, format, allowed values and rule."""
    if column["type"] not in FORMAT_TEXT:
        raise TemplateSchemaError(f"column {column['name']!r} has unknown type {column['type']!r}")
    lines: list[str] = []
    if mark_required and column.get("required"):
        lines.append(f"必填。{help_text}")
    elif mark_required and not help_text.startswith("选填"):
        lines.append(f"选填。{help_text}")
    else:
        lines.append(help_text)
    values = _values_text(column)
    format_text = FORMAT_TEXT["enum"] if values is not None and column["type"] != "bool" else FORMAT_TEXT[column["type"]]
    lines.append(f"格式：{format_text}")
    if values is not None:
        lines.append(f"可选值：{values}")
    rule = _rule_text(column)
    if rule is not None:
        lines.append(f"规则：{rule}")
    return "\n".join(lines)


def _comment_options(text: str) -> dict[str, Any]:
    # Estimate: about 24 CJK characters fit on one line of a 320-pixel comment
    # box at 9 pt, and each line needs 16 pixels.
    width_px = 320
    units_per_line = 48
    lines = sum(max(1, math.ceil(_display_width(line) / units_per_line)) for line in text.split("\n"))
    return {
        "author": "zcbatch",
        "width": width_px,
        "height": 16 * lines + 12,
        "font_name": "宋体",
        "font_size": 9,
    }


# Data validation per column type without a dropdown list: the xlsxwriter
# criteria, the input hint and, for checked types, the warning message.
TYPE_VALIDATIONS: dict[str, tuple[dict[str, Any], str, str | None]] = {
    "year": (
        {"validate": "integer", "criteria": "between", "minimum": YEAR_MIN, "maximum": YEAR_MAX},
        "四位年份，例如 2024。",
        f"年度应为{YEAR_MIN}至{YEAR_MAX}之间的整数。",
    ),
    "hours": ({"validate": "decimal", "criteria": ">=", "value": 0}, "学时数，不小于0。", "学时数应为不小于0的数字。"),
    "count": ({"validate": "integer", "criteria": ">=", "value": 0}, "人数，整数。", "人数应为不小于0的整数。"),
    "mobile": ({"validate": "length", "criteria": "==", "value": 11}, "11位手机号码，按文本录入。", "手机号码应为11位。"),
    # "any" checks nothing; it only shows the input hint.
    "id": ({"validate": "any"}, "按文本录入，居民身份证为18位，末位可为X。", None),
    "date": ({"validate": "any"}, "日期，例如 2019-06-30、2019/6/30 或 2019年6月30日。", None),
}


def _validation(column: dict[str, Any], option_ranges: dict[str, str]) -> dict[str, Any] | None:
    """Return the xlsxwriter data-validation options of a column, or None."""
    key = _list_key(column)
    if key is not None:
        criteria: dict[str, Any] = {"validate": "list", "source": option_ranges[key]}
        hint = "请选择“是”或“否”。" if key == BOOL_ENUM else "请从下拉列表中选择。"
        error: str | None = "该值不在下拉列表中。如确需保留，请点“是”，检查时会再核对。"
    elif column["type"] in TYPE_VALIDATIONS:
        criteria, hint, error = TYPE_VALIDATIONS[column["type"]]
    else:
        return None

    options = {**criteria, "input_title": column["name"], "input_message": hint}
    if error is not None:
        # The warning style flags a value that breaks the rule but lets the user keep it.
        options.update({"error_type": "warning", "error_title": "请核对", "error_message": error})
    return options


# --- Table sheets ---------------------------------------------------------------------


def _header_height(columns: list[dict[str, Any]]) -> float:
    """Return a header row height (points) that fits the longest wrapped header."""
    lines = 1
    for column in columns:
        lines = max(lines, math.ceil(_display_width(column["name"]) / int(column["width"])))
    return 16.0 * lines + 4


def _write_table_sheet(
    worksheet: Worksheet,
    formats: _Formats,
    columns: list[dict[str, Any]],
    option_ranges: dict[str, str],
    example_row: dict[str, Any] | None,
) -> None:
    last_col = len(columns) - 1
    last_row = DATA_LAST_ROW - 1
    worksheet.set_row(0, _header_height(columns))
    for col, column in enumerate(columns):
        data_format = formats.for_type(column["type"])
        worksheet.set_column(col, col, column["width"], data_format)
        header_format = formats.header_required if column.get("required") else formats.header_optional
        worksheet.write_string(0, col, column["name"], header_format)
        comment = _comment_text(column, column.get("help", ""), mark_required=True)
        worksheet.write_comment(0, col, comment, _comment_options(comment))
        validation = _validation(column, option_ranges)
        if validation is not None:
            worksheet.data_validation(1, col, last_row, col, validation)
        if example_row is not None and column["name"] in example_row:
            _write_value(worksheet, 1, col, example_row[column["name"]], data_format)
    worksheet.freeze_panes(1, 0)
    worksheet.autofilter(0, 0, last_row, last_col)
    worksheet.set_landscape()
    worksheet.set_paper(9)  # A4
    worksheet.repeat_rows(0)


def _write_value(worksheet: Worksheet, row: int, col: int, value: Any, cell_format: Any) -> None:
    """Write one value with the writer method of its Python type."""
    if isinstance(value, dt.date):
        worksheet.write_datetime(row, col, value, cell_format)
    elif isinstance(value, (int, float)):
        worksheet.write_number(row, col, value, cell_format)
    else:
        worksheet.write_string(row, col, str(value), cell_format)


# --- 单位信息 ----------------------------------------------------------------------------


def _write_key_value_sheet(
    worksheet: Worksheet,
    formats: _Formats,
    items: list[dict[str, Any]],
    option_ranges: dict[str, str],
    example_values: dict[str, Any],
) -> None:
    key_width = max(_display_width(item["name"]) for item in items) + 4
    value_width = max(int(item["width"]) for item in items)
    worksheet.set_column(0, 0, key_width)
    worksheet.set_column(1, 1, value_width)
    for col, header in enumerate(UNIT_INFO_HEADERS):
        worksheet.write_string(0, col, header, formats.header_optional)

    for row, item in enumerate(items, start=1):
        name = item["name"]
        worksheet.write_string(row, 0, name, formats.key)
        comment = _comment_text(item, UNIT_INFO_HELP.get(name, ""), mark_required=False)
        worksheet.write_comment(row, 0, comment, _comment_options(comment))

        value = example_values.get(name, UNIT_INFO_PREFILLED.get(name))
        value_format = formats.boxed_for_type(item["type"])
        if value is None:
            worksheet.write_blank(row, 1, None, value_format)
        else:
            _write_value(worksheet, row, 1, value, value_format)
        validation = _validation(item, option_ranges)
        if validation is not None:
            worksheet.data_validation(row, 1, row, 1, validation)
    worksheet.freeze_panes(1, 0)
    worksheet.set_paper(9)


# --- 填写说明 ----------------------------------------------------------------------------

# Per data sheet: what one row is, and the main points.
SHEET_NOTES: dict[str, tuple[str, str]] = {
    "个人信息": ("一位申请人", "申报设置、基本信息、资历信息以及工作能力、业绩成果，每位申请人只占一行。"),
    "学历信息": ("一段学历", "每人至少一行。参加工作前取得的学历在“是否工作前学历”填“是”。"),
    "工作经历": ("一段工作经历", "每人至少一行。至今仍在的经历“结束日期”留空。聘任初级不填“专业技术职务”。"),
    "继续教育": ("一人一个年度的学时", "每人每年一行。总学时数等于公需科目学时数与专业培训学时数之和。"),
    "考核情况": (
        "一人一个年度的考核结果",
        "每人每年一行。博士、硕士从事相关工作满1年的填1年，不满1年的不填；本科填近1年，大专填近3年，中专及以下填近5年。",
    ),
    "单位审核": ("一位申请人的单位审核结果", "审核结果为“不通过”时须填写审批意见。"),
    "单位信息": ("一个项目（“项目”“内容”两列）", "单位基本信息、推荐委员会表决情况和公示信息，用于生成公示等材料。"),
}

GENERAL_NOTES: tuple[tuple[str, str], ...] = (
    (
        "证件号码",
        "各表通过“证件号码”对应到同一位申请人，其他表中的号码须与“个人信息”表完全一致。",
    ),
    (
        "表头",
        "请勿修改表头文字。列的顺序可以调整，也可以增加列（增加的列会原样保留）。"
        "鼠标移到表头单元格可查看该列的填写说明。",
    ),
    ("日期", f"可写 {ACCEPTED_DATE_FORMS}。"),
    (
        "文本列",
        "证件号码、手机号码、联系电话和统一社会信用代码已设为文本格式，请直接输入。"
        "从其他表格粘贴时请用“选择性粘贴—数值”；若18位号码已变成 1.20101E+17 这样的数字，"
        "后几位已经丢失，须重新录入。",
    ),
    (
        "下拉列表",
        "带下拉箭头的列请从列表中选择。输入列表以外的值会弹出提示，可以确认保留，检查时会再核对。"
        "隐藏的“_选项”表存放下拉列表的可选值，请勿修改。",
    ),
    ("可选工作表", "“单位审核”和“单位信息”可以不填，也可以整张删除。"),
)

CHECK_COMMAND = "zcbatch check 申报信息.xlsx -o 审核输出"

# Column widths of the 填写说明 sheet: sheet or topic, needed, one row, notes.
INSTRUCTION_WIDTHS = (14, 10, 28, 64)


def _wrapped_height(text: str, width: float) -> float:
    """Return a row height (points) for ``text`` wrapped in a column ``width`` units wide."""
    usable = max(1.0, width - 2)
    lines = sum(max(1, math.ceil(_display_width(part) / usable)) for part in text.split("\n"))
    return 15.0 * lines + 4


def _write_instructions(
    worksheet: Worksheet,
    formats: _Formats,
    sheets: dict[str, dict[str, Any]],
    *,
    example: bool,
) -> None:
    for col, width in enumerate(INSTRUCTION_WIDTHS):
        worksheet.set_column(col, col, width)
    worksheet.hide_gridlines(2)
    worksheet.set_landscape()
    worksheet.set_paper(9)  # A4
    worksheet.fit_to_pages(1, 1)

    worksheet.set_row(0, 30)
    worksheet.write_string(0, 0, TITLE, formats.title)
    row = _write_sheet_table(worksheet, formats, 2, sheets)
    row = _write_legend(worksheet, formats, row + 1)

    notes = list(GENERAL_NOTES)
    if example:
        notes.insert(0, ("示例", "各表第2行是一位示例申请人，正式填写前请删除这些行。"))
    worksheet.write_string(row + 1, 0, "填写规则", formats.section)
    row = _write_notes(worksheet, formats, row + 2, notes)

    worksheet.write_string(row + 1, 0, "检查", formats.section)
    row += 2
    check_note = "保存本文件后，在命令行运行下面的命令，检查结果写入“审核输出”文件夹："
    worksheet.merge_range(row, 0, row, 3, check_note, formats.wrapped)
    worksheet.set_row(row + 1, 20)
    worksheet.merge_range(row + 1, 0, row + 1, 3, CHECK_COMMAND, formats.command)


def _write_sheet_table(worksheet: Worksheet, formats: _Formats, row: int, sheets: dict[str, dict[str, Any]]) -> int:
    """Write one row per data sheet from ``row`` on; return the next free row."""
    worksheet.write_string(row, 0, "各工作表", formats.section)
    for col, header in enumerate(("工作表", "是否必需", "一行填写", "说明")):
        worksheet.write_string(row + 1, col, header, formats.table_header)
    row += 2
    for name, sheet in sheets.items():
        one_row, notes = SHEET_NOTES.get(name, ("", ""))
        needed = "可选" if sheet.get("optional") else "必需"
        height = max(_wrapped_height(one_row, INSTRUCTION_WIDTHS[2]), _wrapped_height(notes, INSTRUCTION_WIDTHS[3]))
        worksheet.set_row(row, height)
        worksheet.write_string(row, 0, name, formats.wrapped_bold)
        worksheet.write_string(row, 1, needed, formats.wrapped)
        worksheet.write_string(row, 2, one_row, formats.wrapped)
        worksheet.write_string(row, 3, notes, formats.wrapped)
        row += 1
    return row


def _write_legend(worksheet: Worksheet, formats: _Formats, row: int) -> int:
    """Write the header-colour legend from ``row`` on; return the next free row."""
    worksheet.write_string(row, 0, "表头颜色", formats.section)
    worksheet.write_string(row + 1, 0, "必填列", formats.header_required)
    worksheet.merge_range(row + 1, 1, row + 1, 3, "表头为橙色的列必须填写，表头批注以“必填。”开头。", formats.wrapped)
    worksheet.write_string(row + 2, 0, "选填列", formats.header_optional)
    worksheet.merge_range(row + 2, 1, row + 2, 3, "表头为蓝色的列按需填写。", formats.wrapped)
    return row + 3


def _write_notes(worksheet: Worksheet, formats: _Formats, row: int, notes: Iterable[tuple[str, str]]) -> int:
    """Write topic | text rows, the text merged over columns B to D; return the next free row."""
    text_width = sum(INSTRUCTION_WIDTHS[1:])
    for topic, text in notes:
        worksheet.set_row(row, _wrapped_height(text, text_width))
        worksheet.write_string(row, 0, topic, formats.wrapped_bold)
        worksheet.merge_range(row, 1, row, 3, text, formats.wrapped)
        row += 1
    return row


# --- Example applicant ----------------------------------------------------------------

# A made-up Tianjin resident ID: region 120101, born 1997-03-15, sequence 001
# (odd, so male). The check digit is computed, so the number passes GB 11643.
_EXAMPLE_ID_BODY = "12010119970315001"
# A made-up credit code of a TEDA company: 9 (industry and commerce), 1
# (enterprise), region 120116, organisation code MA05XK3L7 (its own GB 11714
# check character 7). The last character is computed per GB 32100.
_EXAMPLE_USCC_BODY = "91120116MA05XK3L7"

_EXAMPLE_COMPANY = "示例耐火材料（天津）有限公司"
_EXAMPLE_ADDRESS = "天津经济技术开发区示例路1号"
_EXAMPLE_PHONE = "022-12345678"


def _example_id_number() -> str:
    """Return the made-up 18-digit ID of the example applicant.

    >>> _example_id_number()
    '120101199703150014'
    """
    # calc_check_digit ignores the last character of its argument.
    return _EXAMPLE_ID_BODY + ric.calc_check_digit(_EXAMPLE_ID_BODY + "0")


def _example_rows() -> dict[str, dict[str, Any]]:
    """Return the example applicant, one row per sheet (key/value items for 单位信息).

    Application year 2024, reference date 2024-06-14: a 本科 graduate applying
    for 助理级 needs 1 work year, 1 year of continuing education (2024) and
    1 passing appraisal (2023). Work years from 2021-11-30 to 2024-06-14 are 2.
    """
    id_number = _example_id_number()
    return {
        "个人信息": {
            "工作单位": _EXAMPLE_COMPANY,
            "评价方式": "自主聘任",
            "申报系列": "工程技术",
            "申报层级": "助理级",
            "申报职称专业": "耐火材料",
            "申报资格名称": "助理工程师",
            "证件类型": "居民身份证(户口簿)",
            "证件号码": id_number,
            "姓名": "李明远",
            "性别": "男",
            "出生日期": dt.date(1997, 3, 15),
            "国别": "中国",
            "民族": "汉族",
            "手机号码": "13800001234",
            "联系电话": _EXAMPLE_PHONE,
            "政治面貌": "群众",
            "行政职务": "职员",
            "现从事专业": "耐火材料",
            "参加专业技术工作日期": dt.date(2021, 11, 30),
            "从事专业技术工作年限": 2,
            "职称系列": "无",
            "职称层级": "无",
            "职称专业": "无",
            "聘任系列": "无",
            "工作岗位": "工艺技术员",
            "工作能力": "熟悉耐火材料配方设计和窑炉内衬施工工艺，能独立完成原料检测和产品性能分析。",
            "业绩成果": "参与高铝质浇注料配方改进，独立承担产品抗热震性检测，降低了产品返工率。",
        },
        "学历信息": {
            "证件号码": id_number,
            "入学时间": dt.date(2015, 9, 1),
            "毕业时间": dt.date(2019, 6, 30),
            "毕业院校": "天津大学",
            "所学专业": "冶金",
            "学历": "大学本科",
            "学位": "其他",
            "学制": "全日制",
            "是否工作前学历": "是",
            "学信网可查": "是",
            "附件": "学历证书电子注册备案表.pdf",
        },
        "工作经历": {
            "证件号码": id_number,
            "开始日期": dt.date(2021, 11, 30),
            "工作单位": _EXAMPLE_COMPANY,
            "行政职务": "职员",
            "工作内容": "从事耐火材料配方设计与生产工艺改进，独立承担窑炉内衬材料的性能检测。",
        },
        "继续教育": {
            "证件号码": id_number,
            "年度": 2024,
            "公需科目学时数": 32,
            "专业培训学时数": 64,
            "总学时数": 96,
            "继续教育网可查": "是",
        },
        "考核情况": {
            "证件号码": id_number,
            "考核年度": 2023,
            "考核结果": "合格",
        },
        "单位审核": {
            "证件号码": id_number,
            "审核结果": "通过",
            "审批意见": "同意聘任。",
            "拟聘任时间": dt.date(2024, 6, 14),
        },
        "单位信息": {
            "单位名称": _EXAMPLE_COMPANY,
            "统一社会信用代码": _EXAMPLE_USCC_BODY + uscc.calc_check_digit(_EXAMPLE_USCC_BODY),
            "行政区划": UNIT_INFO_PREFILLED["行政区划"],
            "联系人": "王晓",
            "通讯地址": _EXAMPLE_ADDRESS,
            "联系电话": _EXAMPLE_PHONE,
            "上级单位": UNIT_INFO_PREFILLED["上级单位"],
            "单位性质": "非公有制企业",
            "申报年度": 2024,
            "申报日期": dt.date(2024, 6, 14),
            "推荐委员会总人数": 5,
            "参加人数": 5,
            "赞成人数": 5,
            # Monday to Friday, five working days with no holiday in between.
            "公示开始日期": dt.date(2024, 6, 3),
            "公示结束日期": dt.date(2024, 6, 7),
            "公示部门": "人力资源部",
            "公示联系地址": _EXAMPLE_ADDRESS,
            "公示联系电话": _EXAMPLE_PHONE,
        },
    }
