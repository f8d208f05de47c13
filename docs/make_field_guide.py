"""Generate the Chinese user guide of the input template, 输入模板填写说明.md.

The field tables come from ``schemas/fields.yaml``, ``schemas/enums.yaml`` and
``schemas/qualifications.yaml`` (read through :mod:`zcbatch.resources`), the
单位信息 help texts from :data:`zcbatch.template.UNIT_INFO_HELP`, and the
examples from the example applicant that ``zcbatch.write_template(path,
example=True)`` writes. The sections around the tables are written by hand
below. Regenerate the guide after changing any of these sources; a test
compares the committed guide with the output of :func:`render_guide`.

Usage::

    python docs/make_field_guide.py          # rewrite docs/输入模板填写说明.md
    python docs/make_field_guide.py --check  # exit 1 when the committed guide is out of date
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
GUIDE_PATH = ROOT / "docs" / "输入模板填写说明.md"

# A source checkout runs this script without installing zcbatch.
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import openpyxl  # noqa: E402

from zcbatch import resources  # noqa: E402
from zcbatch.template import UNIT_INFO_HELP, write_template  # noqa: E402

# Meaning of one row, per sheet.
ROW_MEANING: dict[str, str] = {
    "个人信息": "一位申请人",
    "学历信息": "一位申请人的一段学历",
    "工作经历": "一位申请人的一段工作经历",
    "继续教育": "一位申请人一个年度的继续教育学时",
    "考核情况": "一位申请人一个年度的考核结果",
    "单位审核": "单位对一位申请人的审核结果",
    "单位信息": "单位的一个项目（“项目”“内容”两列）",
}

# Number of rows per applicant, per sheet.
ROW_COUNT: dict[str, str] = {
    "个人信息": "每人一行，证件号码不能重复",
    "学历信息": "每人至少一行，每段学历一行",
    "工作经历": "每人至少一行，每段经历一行",
    "继续教育": "每人每年一行，填写政策要求的年度",
    "考核情况": "每人每年一行，填写政策要求的年度",
    "单位审核": "每位已审核的申请人一行",
    "单位信息": "整个工作簿一份",
}

# Format of a cell, per column type of fields.yaml.
FORMAT_BY_TYPE: dict[str, str] = {
    "text": "文字",
    "enum": "从可选值中选择",
    "date": "日期",
    "year": "四位年份",
    "hours": "数字（学时）",
    "bool": "是/否",
    "id": "文本格式的证件号码",
    "mobile": "文本格式，11 位数字",
    "phone": "文本格式的电话号码",
    "years": "整年数",
    "attachments": "文件名，多个用分号分隔",
    "image": "图片文件名",
    "count": "整数（人数）",
    "uscc": "文本格式，18 位数字或大写字母",
}

# Examples for columns that the example applicant leaves blank, by sheet
# and column, then by column type.
EXAMPLE_BY_COLUMN: dict[tuple[str, str], str] = {
    ("个人信息", "照片"): "李明远_证件照.jpg",
    ("个人信息", "职称授予时间"): "2023-07-01",
    ("个人信息", "职称证书附件"): "李明远_助理工程师证书.pdf",
    ("个人信息", "业绩佐证材料"): "李明远_项目验收报告.pdf；李明远_专利证书.pdf",
    ("工作经历", "结束日期"): "2021-10-31",
    ("继续教育", "附件"): "李明远_2024年度继续教育学习记录.pdf",
}
EXAMPLE_BY_TYPE: dict[str, str] = {
    "date": "2019-06-30",
    "year": "2026",
    "hours": "32",
    "years": "3",
    "phone": "022-12345678",
    "count": "5",
}

# Maximum length of an enumeration listed in full in a table. Longer ones go to the appendix.
MAX_INLINE_VALUES_CHARS = 40
# Examples longer than this are cut, so the tables stay readable.
MAX_EXAMPLE_CHARS = 24

INTRODUCTION = """\
# 输入模板填写说明

<!-- 本文件由 docs/make_field_guide.py 根据 schemas/fields.yaml、schemas/enums.yaml 和
schemas/qualifications.yaml 生成，请勿直接修改。修改字段定义后运行
python docs/make_field_guide.py 重新生成。 -->

zcbatch 从一个 Excel 工作簿（也可以是同一文件夹中的多个工作簿）读取整批申请人。本说明逐表、逐列说明每一项怎么填。用下面的命令生成空白模板，加 `--example` 则带一位示例申请人：

```sh
zcbatch template -o 申报信息模板.xlsx
zcbatch template -o 申报信息模板.xlsx --example
```

模板中必填列的表头为橙色，选填列的表头为蓝色；鼠标移到表头单元格可以看到该列的说明，带下拉箭头的列请从列表中选择。
"""

SHEET_OVERVIEW_INTRO = """\
## 工作表一览

模板有下面七张工作表。前五张必须有；“单位审核”和“单位信息”可以不填，也可以整张删除，但没有“单位审核”就不会生成公示和自主聘任表。工作表名也可以用“也可写作”一栏中的名称。
"""

JOINING = """\
## 一行代表什么，各表如何对应

- “个人信息”表每位申请人占一行，只有这张表中的人参加审核。
- 其他各表用“证件号码”对应到申请人：同一个人在各表中的证件号码必须与“个人信息”表中的完全一致。号码中的空格、连字符会被去掉，小写 x 按大写 X 处理，其余任何差别都会使两行对应不上。
- 在其他表中找不到对应申请人的行会报告为错误（规则 ORPHAN_ROW），这一行不参与审核。
- 一个人可以有多行学历、多段工作经历、多个年度的继续教育和考核，每行写一次证件号码。
- 多个部门可以各填一个工作簿，放在同一个文件夹中，检查时指定这个文件夹，各工作簿会合并成一个批次。以 `~$` 开头的 Office 临时文件会被跳过。
"""

HEADERS = """\
## 表头和列的顺序

- 表头文字须与模板一致，或使用下表“规则与说明”中列出的其他写法（例如“身份证号”可代替“证件号码”）。表头前后的空格和全角字符不影响识别。
- 列的顺序可以调整。模板以外的列会原样保留，检查时提示一次（规则 HEADER_UNKNOWN），不参与检查。
- 表头一般在第 1 行；表头上方可以有标题行，zcbatch 在前 10 行中查找表头。
- 缺少必填列时，该表所有申请人的这一项都视为未填写（规则 HEADER_MISSING）。各表都必须有“证件号码”列，缺少时无法处理。
"""

DATES_AND_NUMBERS = """\
## 日期、年份和数字的写法

| 类型 | 可以这样写 | 说明 |
|---|---|---|
| 日期 | Excel 日期、2019-06-30、2019/6/30、2019.06.30、20190630、2019年6月30日 | 推荐直接输入 Excel 日期，单元格格式为 yyyy-mm-dd |
| 只到月份的日期 | 2019.06、2019年6月 | 按该月 1 日计算 |
| 年份、年度 | 2024、2024年、2024年度、二〇二四 | 两位数年份（如 24）不予识别，须写四位 |
| 学时数 | 32、32.0、32.5、32学时 | 不能为负数 |
| 从事专业技术工作年限 | 3、3年、3年6个月 | 只计整年，月数不计 |
| 人数 | 5、5人 | 须为整数 |
| 是/否 | 是、否、Y、N、√、× 等（见附录） | |

日期、年份、数字、是/否、下拉选项、证件号码、手机号码、电话号码和统一社会信用代码中的全角数字和字母（如“２０１９”“Ｘ”）在读取时按半角处理，不会因此报错。姓名、单位名称等文字列按原样保留。
"""

COMMON_MISTAKES = """\
## 常见错误

**证件号码被 Excel 当成数字。** 在常规格式的单元格中输入 18 位号码，Excel 会把它存成 1.20101199001011E+17 这样的数字，末几位已经变成 0，无法恢复。zcbatch 把这样的单元格报告为错误（规则 ID_LOST_DIGITS），不会猜测原来的号码。模板中的证件号码、手机号码、联系电话和统一社会信用代码列已设为文本格式；从其他表格复制时请用“选择性粘贴—数值”，或先把目标列设为文本格式、在号码前加英文单引号（'）后重新录入完整号码。

**15 位旧身份证号。** 旧的 15 位身份证号不被接受（规则 ID_15_DIGITS），请向申请人索取 18 位号码后重新填写。18 位号码的末位校验码、出生日期和性别都会核对：第 7 至 14 位须与“出生日期”一致，第 17 位奇数为男、偶数为女，须与“性别”一致。

**全角数字。** 用中文输入法输入的全角数字（如“１３８００００１２３４”）在证件号码、手机号码、日期和数字列中按半角处理，检查不会因此报错。录入官方系统时请使用半角数字，可以在 Excel 中用 ASC 函数转换。

**合并单元格。** zcbatch 读取时把合并区域左上角的值复制到区域内的每个单元格。上下合并同一列（例如把一个人三段学历的“证件号码”合并成一格）等于每行都写了这个值；左右合并不同列（例如把“入学时间”和“毕业时间”合并）会让两列得到同一个值，通常是错的。合并单元格还会妨碍 Excel 排序和筛选，建议取消合并后逐格填写。

**“单位审核”中的申请人与“个人信息”对不上。** 两表的证件号码须完全一致；复制号码时多出的空格会被去掉，但多一位、少一位或录错一位都会使该行找不到申请人。

**继续教育同一年度写了多行。** 每人每年只填一行，把公需和专业学时分别合计后填入（规则 CE_DUPLICATE_YEAR）。
"""

FIELDS_INTRO = """\
## 各表字段

“是否必填”一栏：必填项为空时报告为错误（规则 REQUIRED_MISSING）。有默认值的必填项留空时按默认值处理。
"""

APPENDIX_INTRO = """\
## 附录：可选值

带下拉列表的列只接受下面的值。“也接受”是常见的其他写法，读取时自动换成规范值；标为“不接受”的写法含义不明确，须改为具体的值。
"""

QUALIFICATION_INTRO = """\
### 申报资格名称

申报资格名称须与申报系列和申报层级对应。表中为“—”的组合，zcbatch 不核对申报资格名称。
"""


def _cell(text: object) -> str:
    """Return ``text`` escaped for a Markdown table cell."""
    return str(text).replace("|", "\\|").replace("\n", " ")


def _table(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines.extend("| " + " | ".join(_cell(value) for value in row) + " |" for row in rows)
    return "\n".join(lines) + "\n"


def _example_text(value: Any) -> str | None:
    """Return an example cell value as the analyst would type it."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return f"{value:%Y-%m-%d}"
    text = str(value)
    if len(text) > MAX_EXAMPLE_CHARS:
        text = text[:MAX_EXAMPLE_CHARS] + "…"
    return text


def example_values() -> dict[str, dict[str, str]]:
    """Return the example applicant's cell values as text, by sheet and column.

    The values are read back from the workbook that
    ``write_template(example=True)`` writes, so they are what the template shows.
    """
    sheets = resources.fields()["sheets"]
    examples: dict[str, dict[str, str]] = {}
    with tempfile.TemporaryDirectory() as folder:
        path = write_template(Path(folder) / "示例模板.xlsx", example=True)
        workbook = openpyxl.load_workbook(path, read_only=True)
        try:
            for name, definition in sheets.items():
                rows = list(workbook[name].iter_rows(min_row=1, values_only=True))
                if definition.get("layout") == "key_value":
                    pairs = {row[0]: row[1] for row in rows[1:] if row and row[0]}
                else:
                    pairs = dict(zip(rows[0], rows[1])) if len(rows) > 1 else {}
                examples[name] = {str(key): text for key, value in pairs.items() if (text := _example_text(value)) is not None}
        finally:
            workbook.close()
    return examples


def _enum_key(column: dict[str, Any]) -> str | None:
    if column["type"] == "bool":
        return "是否"
    return column.get("enum")


def _values_cell(column: dict[str, Any], enums: dict[str, Any], example: str | None) -> str:
    """Return the allowed values of an enumerated column, else an example value."""
    key = _enum_key(column)
    if column.get("choices_from"):
        text = "见附录“申报资格名称”"
        return f"{text}；示例：{example}" if example else text
    if key == "是否":
        return "是、否（其他写法见附录）"
    if key is not None:
        listed = "、".join(enums[key]["values"])
        if len(listed) > MAX_INLINE_VALUES_CHARS:
            return f"见附录“{key}”；示例：{example}" if example else f"见附录“{key}”"
        return listed
    example = example or EXAMPLE_BY_TYPE.get(column["type"])
    return f"示例：{example}" if example else "—"


def _format_cell(column: dict[str, Any]) -> str:
    text = FORMAT_BY_TYPE[column["type"]]
    if "max_length" in column:
        text += f"，不超过 {column['max_length']} 字"
    return text


def _notes_cell(column: dict[str, Any], help_text: str) -> str:
    notes = [help_text] if help_text else []
    if column.get("default"):
        notes.append(f"留空时按“{column['default']}”处理。")
    if column.get("synonyms"):
        notes.append("列名也可写作：" + "、".join(column["synonyms"]) + "。")
    return "".join(notes) or "—"


def _required_cell(column: dict[str, Any], sheet: dict[str, Any]) -> str:
    if sheet.get("layout") == "key_value":
        return "选填"
    if column.get("required"):
        return "必填（有默认值）" if column.get("default") else "必填"
    return "选填"


def sheet_overview(sheets: dict[str, Any]) -> str:
    """Return the table of sheets: whether required, what a row is, other names."""
    rows = [
        (name, "可选" if sheet.get("optional") else "必需", ROW_MEANING[name], ROW_COUNT[name],
         "、".join(sheet.get("synonyms", [])) or "—")
        for name, sheet in sheets.items()
    ]
    return SHEET_OVERVIEW_INTRO + "\n" + _table(("工作表", "是否必需", "一行代表", "行数", "也可写作"), rows)


def field_tables(sheets: dict[str, Any], enums: dict[str, Any], examples: dict[str, dict[str, str]]) -> str:
    """Return one section per sheet with a row per column."""
    parts = [FIELDS_INTRO]
    for name, sheet in sheets.items():
        parts.append(f"\n### {name}\n")
        if sheet.get("layout") == "key_value":
            parts.append(
                "\n本表只有“项目”“内容”两列，每个项目占一行，“项目”一栏写下表的名称，“内容”一栏写值。"
                "“申报年度”和“申报日期”决定继续教育、考核的年度要求和工作年限的计算日期；表决人数和公示日期用于核对单位审核；单位名称、公示部门和联系方式打印在公示和推荐审核汇总表中。\n"
            )
        header = ("项目" if sheet.get("layout") == "key_value" else "列名", "是否必填", "格式", "可选值/示例", "规则与说明")
        rows = []
        for column in sheet["columns"]:
            help_text = column.get("help") or UNIT_INFO_HELP.get(column["name"], "")
            example = examples.get(name, {}).get(column["name"]) or EXAMPLE_BY_COLUMN.get((name, column["name"]))
            rows.append((
                column["name"], _required_cell(column, sheet), _format_cell(column),
                _values_cell(column, enums, example), _notes_cell(column, help_text),
            ))
        parts.append("\n" + _table(header, rows))
    return "".join(parts)


def _used_enums(sheets: dict[str, Any]) -> list[str]:
    used: list[str] = []
    for sheet in sheets.values():
        for column in sheet["columns"]:
            key = _enum_key(column)
            if key is not None and key not in used:
                used.append(key)
    return used


def enum_appendix(sheets: dict[str, Any], enums: dict[str, Any]) -> str:
    """Return the allowed values and accepted spellings of every enumeration."""
    parts = [APPENDIX_INTRO]
    for key in _used_enums(sheets):
        spec = enums[key]
        parts.append(f"\n### {key}\n\n")
        if key == "是否":
            parts.append("表示“是”：" + "、".join(spec["true_values"]) + "\n\n")
            parts.append("表示“否”：" + "、".join(spec["false_values"]) + "\n")
            continue
        parts.append("可选值：" + "、".join(spec["values"]) + "\n")
        aliases = spec.get("aliases") or {}
        accepted = [f"{alias} → {target}" for alias, target in aliases.items() if target is not None]
        rejected = [str(alias) for alias, target in aliases.items() if target is None]
        if accepted:
            parts.append("\n也接受：" + "；".join(accepted) + "\n")
        if rejected:
            parts.append("\n不接受：" + "、".join(rejected) + "\n")
        if spec.get("outside_scope"):
            parts.append("\n" + "、".join(spec["outside_scope"]) + "不属于自主聘任范围，填写后报告为错误，须走职称评审途径。\n")
    return "".join(parts)


def qualification_appendix(qualifications: dict[str, dict[str, str]], levels: Sequence[str]) -> str:
    """Return the table of qualification names per series and level."""
    rows = [(series, *(names.get(level, "—") for level in levels)) for series, names in qualifications.items()]
    return QUALIFICATION_INTRO + "\n" + _table(("申报系列", *levels), rows)


def render_guide() -> str:
    """Return the whole guide as Markdown."""
    sheets = resources.fields()["sheets"]
    enums = resources.enums()
    levels = enums["申报层级"]["values"]
    sections = [
        INTRODUCTION,
        sheet_overview(sheets),
        JOINING,
        HEADERS,
        DATES_AND_NUMBERS,
        COMMON_MISTAKES,
        field_tables(sheets, enums, example_values()),
        enum_appendix(sheets, enums),
        qualification_appendix(resources.qualifications(), levels),
    ]
    return "\n".join(section.rstrip("\n") + "\n" for section in sections)


def main(argv: Sequence[str] | None = None) -> int:
    """Write the guide, or with ``--check`` report whether the committed one is current."""
    parser = argparse.ArgumentParser(description="生成 docs/输入模板填写说明.md")
    parser.add_argument("--check", action="store_true", help="只检查已提交的说明是否为最新，过期时退出码为 1")
    args = parser.parse_args(argv)
    text = render_guide()
    if args.check:
        current = GUIDE_PATH.read_text(encoding="utf-8") if GUIDE_PATH.is_file() else ""
        if current != text:
            print(f"{GUIDE_PATH.name} 已过期，请运行 python docs/make_field_guide.py 重新生成。", file=sys.stderr)
            return 1
        return 0
    GUIDE_PATH.write_text(text, encoding="utf-8", newline="\n")
    print(f"已写入 {GUIDE_PATH}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
