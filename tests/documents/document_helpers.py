"""Contexts and helpers shared by the document tests.

The form context describes the applicant of the 2024 TEDA guide's worked
example: 天津大学, 冶金, 大学本科, degree 其他, graduated 2019-06-30, working in
耐火材料 since 2021-11-30, applying for 工程技术 / 助理级 / 耐火材料.
"""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import docx
import pytest
from docx.table import Table, _Cell

NOTICE_PEOPLE = [
    ("张三", "120101********123X", "大学本科", "工艺工程师", "耐火材料", "助理级", "2026年11月1日", "5年"),
    ("李四", "120102********2345", "硕士研究生", "研发工程师", "冶金工程", "中级", "2026年11月1日", "3年"),
    ("王五", "120103********3456", "大学专科", "质检员", "材料检测", "员级", "2026年11月1日", "2年"),
    ("赵六", "120104********4567", "大学本科", "设备工程师", "机械设计", "助理级", "2026年11月1日", "4年"),
    ("欧阳娜娜", "120105********5678", "大学本科", "工艺员", "耐火材料", "助理级", "2026年11月1日", "6年"),
    ("阿依古丽·买买提", "650102********6789", "大学本科", "化验员", "分析化学", "助理级", "2026年11月1日", "5年"),
    ("孙七", "120106********7890", "博士研究生", "研究员", "材料科学", "中级", "2026年11月1日", "1年"),
    ("周八", "120107********8901", "大学本科", "安全员", "安全工程", "助理级", "2026年11月1日", "4年"),
    ("吴九", "120108********9012", "中专", "电工", "电气自动化", "员级", "2026年11月1日", "3年"),
    ("郑十", "120109********0123", "大学本科", "工艺工程师", "耐火材料", "助理级", "2026年11月1日", "5年"),
]
NOTICE_KEYS = ("姓名", "身份证号", "学历", "工作岗位", "拟聘任专业", "拟聘任级别", "拟聘任时间", "累计专业技术工作年限")
COMMITTEE_KEYS = ("序号", "姓名", "身份证号", "学历层次", "申报层级", "申报专业", "拟聘任时间", "最早满足日期")

WORK_CONTENT = (
    "2021年11月至今在天津滨海耐火材料有限公司从事耐火材料工艺技术工作：\n"
    "1. 负责高铝质耐火砖配方试验与烧成制度优化，独立承担。\n"
    "2. 参加镁碳砖抗氧化性能改进项目，排名第二。"
)


def make_notice_context() -> dict:
    return {
        "年度": "2026",
        "单位名称": "天津滨海耐火材料有限公司",
        "人员": [dict(zip(NOTICE_KEYS, row)) for row in NOTICE_PEOPLE],
        "公示开始": "2026年11月16日",
        "公示结束": "2026年11月20日",
        "部门": "人力资源部",
        "联系地址": "天津经济技术开发区第三大街51号",
        "联系电话": "022-66228899",
        "落款日期": "2026年11月23日",
    }


def make_form_context() -> dict:
    return {
        "年度": "2026",
        "申报系列": "工程技术",
        "申报层级": "助理级",
        "申报专业": "耐火材料",
        "姓名": "张三",
        "性别": "男",
        "民族": "汉族",
        "身份证号": "12010119970101123X",
        "现从事专业": "耐火材料",
        "工作单位": "天津滨海耐火材料有限公司",
        "行政职务": "工艺员",
        "学历": [
            {
                "类别": "工作前", "毕业时间": "2019年6月30日", "毕业院校": "天津大学",
                "所学专业": "冶金", "学历": "大学本科", "学位": "其他",
            },
        ],
        "继续教育": [
            {"年度": "2024", "总学时": "90", "公需课学时": "30", "专业课学时": "60"},
            {"年度": "2025", "总学时": "96", "公需课学时": "32", "专业课学时": "64"},
        ],
        "参加专业技术工作日期": "2021年11月30日",
        "从事专业技术工作年限": "4年",
        "专业技术工作主要内容": WORK_CONTENT,
    }


def make_committee_context() -> dict:
    people = [
        dict(zip(COMMITTEE_KEYS, (str(number), row[0], f"1201011997010{number:04d}X", row[2], row[5], row[4], row[6], "2025年12月1日")))
        for number, row in enumerate(NOTICE_PEOPLE, start=1)
    ]
    return {
        "年度": "2026",
        "单位名称": "天津滨海耐火材料有限公司",
        "人员": people,
        "委员会总人数": "7",
        "参加人数": "7",
        "赞成人数": "6",
        "日期": "2026年11月10日",
    }


def open_docx(source: bytes | Path) -> docx.document.Document:
    if isinstance(source, bytes):
        return docx.Document(io.BytesIO(source))
    return docx.Document(str(source))


def cell_texts(table: Table) -> list[list[str]]:
    """Return the text of each cell that starts in its row, row by row.

    A cell spanning several columns appears once; a cell continuing a
    vertical merge from the row above is left out.
    """
    rows = []
    for row in table.rows:
        rows.append([
            _Cell(tc, table).text for tc in row._tr.tc_lst if tc.vMerge != "continue"
        ])
    return rows


def body_paragraphs(document: docx.document.Document) -> list[str]:
    """Return the text of the paragraphs outside tables, empty ones left out."""
    return [paragraph.text for paragraph in document.paragraphs if paragraph.text]


requires_soffice = pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")


def pdf_pages(path: Path) -> int:
    """Return the page count that pdfinfo reports for ``path``."""
    output = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    for line in output.splitlines():
        if line.startswith("Pages:"):
            return int(line.split()[1])
    raise AssertionError(f"pdfinfo printed no page count for {path}")
