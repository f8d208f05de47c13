"""Hostile context values render literally and never break the document."""

from __future__ import annotations

import io
import re
import zipfile

import markupsafe
import pytest
from document_helpers import cell_texts, open_docx

from zcbatch import documents

LONG_TEXT = ("专业技术工作内容" * 1250)[:10_000]


def form_cells(context: dict) -> list[list[str]]:
    return cell_texts(open_docx(documents.render_form(context)).tables[0])


def document_xml(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.read("word/document.xml").decode("utf-8")


@pytest.mark.parametrize(
    "value",
    [
        'A&B <c> "d" \'e\'',
        "&amp; &lt; &#x41; ]]> <![CDATA[x]]>",
        "</w:t></w:r></w:p><w:p><w:r><w:t>注入",
        "{{ 姓名 }}",
        "{% for x in y %}{% endfor %}",
        "{%tr for 行 in 人员 %}",
        "{# 注释 #}",
        "{_{ x }_} {_% y %_}",
        "😀👍🏽 家庭👨‍👩‍👧",
        "𠀀𪚥 (CJK Extension B)",
    ],
)
def test_value_appears_literally(form_context, value):
    form_context["姓名"] = value
    form_context["工作单位"] = value
    rows = form_cells(form_context)
    assert rows[0][1] == value
    assert rows[2][1] == value


def test_markup_value_is_escaped(form_context):
    form_context["姓名"] = markupsafe.Markup("<w:br/>")
    assert form_cells(form_context)[0][1] == "<w:br/>"


def test_newlines_become_line_breaks(form_context):
    form_context["专业技术工作主要内容"] = "第一行\n第二行\r\n第三行\r第四行\u2028第五行"
    data = documents.render_form(form_context)
    assert cell_texts(open_docx(data).tables[0])[-1][1] == "第一行\n第二行\n第三行\n第四行\n第五行"
    content_cell = re.search(r"<w:tc>(?:(?!</w:tc>).)*第一行.*?</w:tc>", document_xml(data), flags=re.DOTALL)
    assert content_cell is not None
    assert content_cell.group(0).count("<w:br/>") == 4


def test_line_break_keeps_run_formatting(form_context):
    form_context["专业技术工作主要内容"] = "甲\n乙"
    xml = document_xml(documents.render_form(form_context))
    run = re.search(r"<w:r>(?:(?!</w:r>).)*甲(?:(?!</w:r>).)*</w:r>", xml, flags=re.DOTALL)
    assert run is not None
    assert '<w:t xml:space="preserve">甲</w:t><w:br/><w:t xml:space="preserve">乙</w:t>' in run.group(0)


def test_tab_kept(form_context):
    form_context["专业技术工作主要内容"] = "甲\t乙"
    assert form_cells(form_context)[-1][1] == "甲\t乙"


def test_leading_and_trailing_spaces_kept(form_context):
    form_context["工作单位"] = "  前后空格  "
    assert form_cells(form_context)[2][1] == "  前后空格  "


def test_forbidden_characters_replaced(form_context):
    form_context["姓名"] = "a\x00b\x01c\x08d\x1fe\x7ff\x85g\ufffeh\uffffi"
    assert form_cells(form_context)[0][1] == "a\ufffdb\ufffdc\ufffdd\ufffde\ufffdf\ufffdg\ufffdh\ufffdi"


def test_lone_surrogate_replaced(form_context):
    form_context["姓名"] = "张\ud800三\udfff"
    assert form_cells(form_context)[0][1] == "张\ufffd三\ufffd"


def test_vertical_tab_and_form_feed_end_lines(form_context):
    form_context["专业技术工作主要内容"] = "甲\x0b乙\x0c丙"
    assert form_cells(form_context)[-1][1] == "甲\n乙\n丙"


def test_long_text_renders(form_context):
    form_context["专业技术工作主要内容"] = LONG_TEXT
    assert form_cells(form_context)[-1][1] == LONG_TEXT


def test_hostile_rows_in_notice(notice_context, tmp_path):
    hostile = {key: f"<{key}>&\"{{{{ {key} }}}}\"\n第二行" for key in notice_context["人员"][0]}
    notice_context["人员"] = [hostile]
    notice_context["部门"] = "{% raw %}人力&资源{% endraw %}"
    document = open_docx(documents.render_notice(notice_context, tmp_path / "公示.docx"))
    assert cell_texts(document.tables[0])[1] == list(hostile.values())
    assert "部门（单位）：{% raw %}人力&资源{% endraw %}" in [paragraph.text for paragraph in document.paragraphs]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a\r\nb", "a\nb"),
        ("a\x00b", "a\ufffdb"),
        ("a\tb\nc", "a\tb\nc"),
        ("\ud83d", "\ufffd"),
        ("😀", "😀"),
    ],
)
def test_clean_text(text, expected):
    assert documents.clean_text(text) == expected
