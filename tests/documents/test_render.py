"""Rendering the three templates: the exact text of every field."""

from __future__ import annotations

import datetime

import docx
import pytest
from document_helpers import NOTICE_PEOPLE, WORK_CONTENT, body_paragraphs, cell_texts, open_docx

from zcbatch import documents

FORM_PARAGRAPHS = [
    "2026 年度",
    "天津市专业技术职称自主聘任表",
    "申报系列：工程技术",
    "申报层级：助理级",
    "申报专业：耐火材料",
]
PERSON_ROWS = [
    ["姓名", "张三", "性别", "男", "民族", "汉族"],
    ["身份证号", "12010119970101123X", "现从事专业", "耐火材料"],
    ["工作单位", "天津滨海耐火材料有限公司", "行政职务", "工艺员"],
]
EDUCATION_HEADER = ["学历情况", "毕业时间", "毕业院校", "所学专业", "学历", "学位"]
GUIDE_EDUCATION_ROW = ["工作前", "2019年6月30日", "天津大学", "冶金", "大学本科", "其他"]
EMPTY_AFTER_ROW = ["工作后", "", "", "", "", ""]
CE_HEADER = ["继续教育\n情况", "年度", "总学时", "公需课学时", "专业课学时"]
WORK_ROWS = [
    ["专业技术\n工作情况", "参加专业技术\n工作日期", "2021年11月30日", "从事专业技术\n工作年限", "4年"],
    ["专业技术工作\n主要内容", WORK_CONTENT],
]


def render_form_rows(context: dict) -> list[list[str]]:
    document = open_docx(documents.render_form(context))
    assert len(document.tables) == 1
    return cell_texts(document.tables[0])


def test_notice_paragraphs(notice_context, tmp_path):
    path = documents.render_notice(notice_context, tmp_path / "公示.docx")
    assert body_paragraphs(open_docx(path)) == [
        "公  示",
        "经单位推荐委员会（推荐小组）推荐，现将我单位自主聘任初（中）级职称人员情况公示如下：",
        "现予公示，公示时间2026年11月16日至2026年11月20日。对以上人员申报职称有异议的，"
        "请于公示期内向本单位人力资源部门反映，反映情况的电话和书面材料要自报或签署真实姓名。",
        "联系方式：",
        "部门（单位）：人力资源部",
        "联系地址：天津经济技术开发区第三大街51号",
        "联系电话：022-66228899",
        "天津滨海耐火材料有限公司",
        "2026年11月23日（单位公章）",
    ]


def test_notice_table(notice_context, tmp_path):
    path = documents.render_notice(notice_context, tmp_path / "公示.docx")
    document = open_docx(path)
    assert len(document.tables) == 1
    rows = cell_texts(document.tables[0])
    assert rows[0] == [
        "姓名", "身份证号", "学历", "工作岗位", "拟聘任专业", "拟聘任级别", "拟聘任时间", "累计专业技术\n工作年限",
    ]
    assert rows[1:] == [list(row) for row in NOTICE_PEOPLE]


def test_notice_without_people(notice_context, tmp_path):
    notice_context["人员"] = []
    document = open_docx(documents.render_notice(notice_context, tmp_path / "公示.docx"))
    assert len(cell_texts(document.tables[0])) == 1


def test_form_guide_applicant(form_context):
    document = open_docx(documents.render_form(form_context))
    assert body_paragraphs(document) == FORM_PARAGRAPHS
    assert cell_texts(document.tables[0]) == [
        *PERSON_ROWS,
        EDUCATION_HEADER,
        GUIDE_EDUCATION_ROW,
        EMPTY_AFTER_ROW,
        CE_HEADER,
        ["2024", "90", "30", "60"],
        ["2025", "96", "32", "64"],
        *WORK_ROWS,
    ]


def test_form_education_after_work(form_context):
    form_context["学历"].append({
        "类别": "工作后", "毕业时间": "2024年1月10日", "毕业院校": "天津理工大学",
        "所学专业": "材料工程", "学历": "硕士研究生", "学位": "工程硕士",
    })
    rows = render_form_rows(form_context)
    assert rows[3:6] == [
        EDUCATION_HEADER,
        GUIDE_EDUCATION_ROW,
        ["工作后", "2024年1月10日", "天津理工大学", "材料工程", "硕士研究生", "工程硕士"],
    ]
    assert rows[6] == CE_HEADER


def test_form_education_rows_sorted_by_group(form_context):
    # A 工作后 row listed first still prints below the 工作前 rows.
    form_context["学历"] = [
        {"类别": "工作后", "毕业时间": "2024年1月10日", "毕业院校": "乙", "所学专业": "丙", "学历": "硕士研究生", "学位": "丁"},
        {"类别": "工作前", "毕业时间": "2016年7月1日", "毕业院校": "戊", "所学专业": "己", "学历": "大学专科", "学位": "无"},
        {
            "类别": "工作前", "毕业时间": "2019年6月30日", "毕业院校": "天津大学",
            "所学专业": "冶金", "学历": "大学本科", "学位": "其他",
        },
    ]
    rows = render_form_rows(form_context)
    assert rows[4:7] == [
        ["工作前", "2016年7月1日", "戊", "己", "大学专科", "无"],
        GUIDE_EDUCATION_ROW,
        ["工作后", "2024年1月10日", "乙", "丙", "硕士研究生", "丁"],
    ]


def test_form_without_education_rows(form_context):
    form_context["学历"] = []
    rows = render_form_rows(form_context)
    assert rows[3:6] == [EDUCATION_HEADER, ["工作前", "", "", "", "", ""], EMPTY_AFTER_ROW]


def test_form_without_continuing_education(form_context):
    form_context["继续教育"] = []
    rows = render_form_rows(form_context)
    assert rows[6:8] == [CE_HEADER, ["", "", "", ""]]
    assert rows[8:] == WORK_ROWS


def test_form_continuing_education_merged_label(form_context):
    document = open_docx(documents.render_form(form_context))
    table = document.tables[0]
    # The label cell spans the header row and both year rows.
    label_cells = {table.cell(row, 0)._tc for row in (6, 7, 8)}
    assert len(label_cells) == 1
    assert table.cell(8, 0).text == "继续教育\n情况"


def test_form_values_none_and_numbers(form_context):
    form_context["行政职务"] = None
    form_context["继续教育"] = [{"年度": 2025, "总学时": 96, "公需课学时": 32, "专业课学时": 64}]
    rows = render_form_rows(form_context)
    assert rows[2] == ["工作单位", "天津滨海耐火材料有限公司", "行政职务", ""]
    assert rows[7] == ["2025", "96", "32", "64"]


def test_committee_sheet(committee_context, tmp_path):
    path = documents.render_committee_sheet(committee_context, tmp_path / "推荐审核汇总表.docx")
    document = open_docx(path)
    assert body_paragraphs(document) == [
        "2026年度自主聘任初（中）级职称推荐审核汇总表",
        "单位名称：天津滨海耐火材料有限公司",
        "推荐委员会总人数：7人；参加人数：7人；赞成人数：6人。",
        "推荐委员会主任（签字）：\t日期：2026年11月10日\t（单位公章）",
    ]
    rows = cell_texts(document.tables[0])
    assert rows[0] == ["序号", "姓名", "身份证号", "学历层次", "申报层级", "申报专业", "拟聘任时间", "最早满足条件日期"]
    assert rows[1] == ["1", "张三", "12010119970100001X", "大学本科", "助理级", "耐火材料", "2026年11月1日", "2025年12月1日"]
    assert len(rows) == 11


def test_committee_sheet_is_landscape(committee_context, tmp_path):
    document = open_docx(documents.render_committee_sheet(committee_context, tmp_path / "汇总.docx"))
    section = document.sections[0]
    assert section.page_width > section.page_height


def test_notice_is_a4_landscape(notice_context, tmp_path):
    section = open_docx(documents.render_notice(notice_context, tmp_path / "公示.docx")).sections[0]
    assert (round(section.page_width.cm, 1), round(section.page_height.cm, 1)) == (29.7, 21.0)


def test_form_is_a4_portrait(form_context):
    section = open_docx(documents.render_form(form_context)).sections[0]
    assert (round(section.page_width.cm, 1), round(section.page_height.cm, 1)) == (21.0, 29.7)


def test_missing_top_level_key(form_context):
    del form_context["姓名"]
    del form_context["民族"]
    with pytest.raises(documents.TemplateContextError) as error:
        documents.render_form(form_context)
    assert str(error.value) == "模板 自主聘任表.docx 缺少字段：姓名、民族。"


def test_missing_row_key(form_context):
    del form_context["学历"][0]["毕业院校"]
    with pytest.raises(documents.TemplateContextError) as error:
        documents.render_form(form_context)
    assert str(error.value) == "模板 自主聘任表.docx 渲染失败：缺少字段 毕业院校。"


def test_unknown_education_group(form_context):
    form_context["学历"][0]["类别"] = "在职"
    with pytest.raises(documents.TemplateContextError) as error:
        documents.render_form(form_context)
    assert str(error.value) == "学历 第 1 行的类别应为“工作前”或“工作后”，实际为“在职”。"


def test_broken_template_tags(tmp_path):
    document = docx.Document()
    document.add_paragraph("{{ 姓名 ")
    document.add_paragraph("{% for 行 in 人员 %}")
    path = tmp_path / "坏模板.docx"
    document.save(str(path))
    with pytest.raises(documents.InvalidTemplateError) as error:
        documents.CompiledTemplate(path)
    assert str(error.value).startswith("模板 坏模板.docx 中的标记有误：")


def test_template_dir_override(tmp_path, notice_context):
    with pytest.raises(documents.DocumentError) as error:
        documents.render_notice(notice_context, tmp_path / "公示.docx", template_dir=tmp_path)
    assert str(error.value) == f"未找到模板文件：{(tmp_path / '公示.docx').resolve()}"


def test_compiled_template_variables():
    template = documents.load_template(documents.FORM_TEMPLATE)
    assert template.variables == {
        "年度", "申报系列", "申报层级", "申报专业", "姓名", "性别", "民族", "身份证号", "现从事专业", "工作单位",
        "行政职务", "学历", "继续教育", "参加专业技术工作日期", "从事专业技术工作年限", "专业技术工作主要内容",
    }


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (datetime.date(2026, 11, 16), "2026年11月16日"),
        (datetime.date(2026, 1, 5), "2026年1月5日"),
        (datetime.datetime(2024, 12, 31, 23, 59), "2024年12月31日"),
    ],
)
def test_format_date_cn(value, expected):
    assert documents.format_date_cn(value) == expected


def test_footer_tags_rendered(form_context, tmp_path):
    document = docx.Document(str(documents.load_template(documents.FORM_TEMPLATE).path))
    document.sections[0].footer.paragraphs[0].text = "申报人：{{ 姓名 }}"
    path = tmp_path / "带页脚.docx"
    document.save(str(path))
    form_context["姓名"] = "<张三>"
    rendered = open_docx(documents.CompiledTemplate(path).render(form_context))
    assert rendered.sections[0].footer.paragraphs[0].text == "申报人：<张三>"
    assert cell_texts(rendered.tables[0])[0][1] == "<张三>"


def test_footer_key_is_required(form_context, tmp_path):
    document = docx.Document(str(documents.load_template(documents.FORM_TEMPLATE).path))
    document.sections[0].footer.paragraphs[0].text = "{{ 页脚备注 }}"
    path = tmp_path / "带页脚.docx"
    document.save(str(path))
    with pytest.raises(documents.TemplateContextError) as error:
        documents.CompiledTemplate(path).render(form_context)
    assert str(error.value) == "模板 带页脚.docx 缺少字段：页脚备注。"
