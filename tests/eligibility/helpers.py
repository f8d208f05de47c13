"""Build input workbooks with openpyxl and evaluate them, for the rule tests.

An applicant is a dict keyed by sheet name: ``个人信息`` maps to one row (a
dict), and ``学历信息``, ``工作经历``, ``继续教育``, ``考核情况`` and ``单位审核``
map to lists of rows. :func:`applicant` builds one that meets every rule for
its level and tier; a test changes the one value it is about and runs the
whole path (workbook on disk, :func:`zcbatch.batch.read_batch`,
:func:`zcbatch.evaluate.evaluate`) with :func:`evaluate_applicants`.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import openpyxl
import pandas as pd
from stdnum.cn import ric

from zcbatch.batch import Batch, read_batch
from zcbatch.evaluate import EvaluationResult, evaluate
from zcbatch.resources import fields

ROW_SHEETS = ("学历信息", "工作经历", "继续教育", "考核情况", "单位审核")
COMPANY = "测试精密机械（天津）有限公司"
SUPERIOR_UNIT = "天津经济技术开发区人力资源和社会保障局"

# Education row that sets each tier: (学历, 学位).
TIER_EDUCATION = {
    "博士": ("博士研究生", "博士"),
    "硕士": ("硕士研究生", "硕士"),
    "本科": ("大学本科", "学士"),
    "大专": ("大学专科", "无"),
    "中专及以下": ("中等专科", "无"),
}
QUALIFICATION = {"员级": "技术员", "助理级": "助理工程师", "中级": "工程师"}


def id_number(number: int, birth: dt.date = dt.date(1995, 5, 17)) -> str:
    """Return a valid 18-digit Tianjin resident ID; sequence ``number`` (odd: male)."""
    body = f"120101{birth:%Y%m%d}{number:03d}"
    return body + ric.calc_check_digit(body + "0")


def applicant(
    number: int,
    *,
    level: str = "助理级",
    tier: str = "本科",
    year: int = 2026,
    graduation: dt.date = dt.date(2018, 6, 30),
    work_start: dt.date = dt.date(2018, 7, 1),
    date: dt.date | None = None,
    grant_date: dt.date = dt.date(2021, 9, 1),
) -> dict[str, Any]:
    """Return an applicant who meets every rule for ``level`` and ``tier``.

    The applicant has one education row of ``tier`` (是否工作前学历 是,
    confirmed by 学信网), continuing education of 32 + 64 hours for each of
    the five years ending at ``year`` and a 合格 appraisal for each of the
    five years ending at ``year - 1``, so every window of the policy is
    covered. A 硕士 applying for 中级 holds a 助理级 title granted on
    ``grant_date``. ``date`` (the reference date, default 30 June of
    ``year``) sets the typed 从事专业技术工作年限.
    """
    date = date or dt.date(year, 6, 30)
    key = id_number(number)
    degree, title = TIER_EDUCATION[tier]
    typed_years = _whole_years(work_start, date)
    master_intermediate = level == "中级" and tier == "硕士"
    person = {
        "工作单位": COMPANY,
        "评价方式": "自主聘任",
        "申报系列": "工程技术",
        "申报层级": level,
        "申报职称专业": "机械设计",
        "申报资格名称": QUALIFICATION[level],
        "证件类型": "居民身份证(户口簿)",
        "证件号码": key,
        "姓名": f"测试{number:03d}",
        "性别": "男" if number % 2 else "女",
        "出生日期": dt.date(1995, 5, 17),
        "国别": "中国",
        "民族": "汉族",
        "手机号码": f"139{number:08d}",
        "政治面貌": "群众",
        "现从事专业": "机械设计",
        "参加专业技术工作日期": work_start,
        "从事专业技术工作年限": typed_years,
        "职称系列": "工程技术" if master_intermediate else "无",
        "职称层级": "助理级" if master_intermediate else "无",
        "职称专业": "机械设计" if master_intermediate else "无",
        "职称授予时间": grant_date if master_intermediate else None,
        "聘任系列": "工程技术" if master_intermediate else "无",
        "职称证书附件": "助理工程师证书.pdf" if master_intermediate else None,
        "工作岗位": "机械设计员",
        "工作能力": "能独立完成零部件的结构设计和校核。",
        "业绩成果": "完成两套夹具的设计并投入生产。",
        "业绩佐证材料": "业绩佐证.pdf" if level == "中级" else None,
    }
    education = {
        "入学时间": dt.date(graduation.year - 3, 9, 1),
        "毕业时间": graduation,
        "毕业院校": "天津理工大学",
        "所学专业": "机械设计制造及其自动化",
        "学历": degree,
        "学位": title,
        "学制": "全日制",
        "是否工作前学历": "是",
        "学信网可查": "是",
    }
    work = {
        "开始日期": work_start,
        "工作单位": COMPANY,
        "行政职务": "职员",
        "专业技术职务": "助理工程师" if master_intermediate else None,
        "工作内容": "从事机械零部件设计，独立承担结构校核。",
    }
    continuing = [ce_row(year - offset) for offset in range(5)]
    appraisals = [appraisal_row(year - 1 - offset) for offset in range(5)]
    return {
        "个人信息": person,
        "学历信息": [education],
        "工作经历": [work],
        "继续教育": continuing,
        "考核情况": appraisals,
        "单位审核": [],
    }


def ce_row(year: int, public: float = 32, professional: float = 64, total: float | None = None,
           confirmed: str | None = "是", attachment: str | None = None) -> dict[str, Any]:
    """Return a 继续教育 row; the total defaults to the sum of the two parts."""
    return {
        "年度": year,
        "公需科目学时数": public,
        "专业培训学时数": professional,
        "总学时数": public + professional if total is None else total,
        "继续教育网可查": confirmed,
        "附件": attachment,
    }


def appraisal_row(year: int, result: str = "合格") -> dict[str, Any]:
    """Return a 考核情况 row."""
    return {"考核年度": year, "考核结果": result}


def unit_info(**items: Any) -> dict[str, Any]:
    """Return 单位信息 items of a unit whose committee and publicity are in order.

    The publicity period 2026-06-01 (Monday) to 2026-06-05 (Friday) has five
    working days and no holiday.
    """
    values = {
        "单位名称": COMPANY,
        "行政区划": "经济技术开发区",
        "联系人": "王晓",
        "上级单位": SUPERIOR_UNIT,
        "推荐委员会总人数": 5,
        "参加人数": 5,
        "赞成人数": 5,
        "公示开始日期": dt.date(2026, 6, 1),
        "公示结束日期": dt.date(2026, 6, 5),
        "公示部门": "人力资源部",
    }
    values.update(items)
    return {key: value for key, value in values.items() if value is not None}


def write_workbook(path: Path, applicants: list[dict[str, Any]], unit: dict[str, Any] | None = None) -> Path:
    """Write the applicants (and the 单位信息 items, when given) to an .xlsx file.

    Every sheet gets the full header row of the input contract. ID numbers
    are written as text cells (number format ``@``) as the template does.
    """
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    sheets = fields()["sheets"]
    for name, definition in sheets.items():
        if definition.get("layout") == "key_value":
            continue
        columns = [column["name"] for column in definition["columns"]]
        text_columns = {column["name"] for column in definition["columns"] if column["type"] in ("id", "mobile", "phone")}
        worksheet = workbook.create_sheet(name)
        worksheet.append(columns)
        for person in applicants:
            rows = [person[name]] if name == "个人信息" else person.get(name, [])
            for row in rows:
                values = dict(row)
                values.setdefault("证件号码", person["个人信息"]["证件号码"])
                worksheet.append([values.get(column) for column in columns])
                for index, column in enumerate(columns, start=1):
                    cell = worksheet.cell(row=worksheet.max_row, column=index)
                    if column in text_columns:
                        cell.number_format = "@"
                    elif isinstance(cell.value, dt.date):
                        cell.number_format = "yyyy-mm-dd"
    if unit is not None:
        worksheet = workbook.create_sheet("单位信息")
        worksheet.append(["项目", "内容"])
        for item, value in unit.items():
            worksheet.append([item, value])
            if isinstance(value, dt.date):
                worksheet.cell(row=worksheet.max_row, column=2).number_format = "yyyy-mm-dd"
    workbook.save(path)
    return path


def read_applicants(folder: Path, applicants: list[dict[str, Any]] | dict[str, Any],
                    unit: dict[str, Any] | None = None, name: str = "申报信息.xlsx") -> Batch:
    """Write the applicants to a workbook in ``folder`` and read it back."""
    if isinstance(applicants, dict):
        applicants = [applicants]
    return read_batch(write_workbook(folder / name, applicants, unit))


def evaluate_applicants(folder: Path, applicants: list[dict[str, Any]] | dict[str, Any], *, year: int = 2026,
                        date: dt.date | str = dt.date(2026, 6, 30), unit: dict[str, Any] | None = None,
                        policy: Any = None, name: str = "申报信息.xlsx") -> EvaluationResult:
    """Write the applicants to a workbook in ``folder``, read it back and evaluate it."""
    batch = read_applicants(folder, applicants, unit, name)
    return evaluate(batch, policy=policy, year=year, date=date)


def findings_of(result: EvaluationResult, rule: str, person: dict[str, Any] | None = None) -> pd.DataFrame:
    """Return the findings of one rule code, for one applicant when given."""
    findings = result.findings
    selected = findings[findings["规则"] == rule]
    if person is not None:
        selected = selected[selected["_key"] == person["个人信息"]["证件号码"]]
    return selected.reset_index(drop=True)


def messages(result: EvaluationResult, rule: str, person: dict[str, Any] | None = None) -> list[str]:
    """Return the messages of one rule code, in report order."""
    return findings_of(result, rule, person)["说明"].tolist()


def row_of(result: EvaluationResult, person: dict[str, Any]) -> pd.Series:
    """Return the applicant-table row of one applicant."""
    table = result.applicants
    return table[table["_key"] == person["个人信息"]["证件号码"]].iloc[0]


def rules_of(result: EvaluationResult, person: dict[str, Any] | None = None) -> set[str]:
    """Return the rule codes found, for one applicant when given."""
    findings = result.findings
    if person is not None:
        findings = findings[findings["_key"] == person["个人信息"]["证件号码"]]
    return set(findings["规则"])


def _whole_years(start: dt.date, end: dt.date) -> int:
    years = end.year - start.year - ((end.month, end.day) < (start.month, start.day))
    return max(years, 0)


def with_fields(person: dict[str, Any], **values: Any) -> dict[str, Any]:
    """Set 个人信息 fields of an applicant and return the applicant."""
    person["个人信息"].update(values)
    return person
