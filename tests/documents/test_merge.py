"""Merging rendered forms into 自主聘任表_合并.docx."""

from __future__ import annotations

import io
import zipfile

import pytest
from document_helpers import cell_texts, open_docx
from lxml import etree

from zcbatch import documents

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
W14 = "{http://schemas.microsoft.com/office/word/2010/wordml}"


def forms_for(context: dict, names: list[str]) -> list[bytes]:
    return [documents.render_form({**context, "姓名": name}) for name in names]


def merged_body(path) -> etree._Element:
    with zipfile.ZipFile(path) as archive:
        return etree.fromstring(archive.read("word/document.xml")).find(f"{W}body")


def test_merge_keeps_order_and_text(form_context, tmp_path):
    names = ["张三", "李四", "王五"]
    path = documents.merge_forms(forms_for(form_context, names), tmp_path / "合并.docx")
    document = open_docx(path)
    assert len(document.tables) == 3
    assert [cell_texts(table)[0][1] for table in document.tables] == names
    assert [paragraph.text for paragraph in document.paragraphs if paragraph.text].count("2026 年度") == 3


def test_merge_starts_each_form_on_new_page(form_context, tmp_path):
    path = documents.merge_forms(forms_for(form_context, ["甲", "乙", "丙"]), tmp_path / "合并.docx")
    headings = [paragraph for paragraph in open_docx(path).paragraphs if paragraph.text == "2026 年度"]
    assert [bool(paragraph.paragraph_format.page_break_before) for paragraph in headings] == [False, True, True]


def test_merge_single_section(form_context, tmp_path):
    path = documents.merge_forms(forms_for(form_context, ["甲", "乙"]), tmp_path / "合并.docx")
    body = merged_body(path)
    assert len(body.findall(f".//{W}sectPr")) == 1
    assert body[-1].tag == f"{W}sectPr"


def test_merge_accepts_paths_and_bytes(form_context, tmp_path):
    first, second = forms_for(form_context, ["甲", "乙"])
    (tmp_path / "甲.docx").write_bytes(first)
    path = documents.merge_forms([tmp_path / "甲.docx", second], tmp_path / "合并.docx")
    assert [cell_texts(table)[0][1] for table in open_docx(path).tables] == ["甲", "乙"]


def test_merge_one_form(form_context, tmp_path):
    path = documents.merge_forms(forms_for(form_context, ["甲"]), tmp_path / "合并.docx")
    assert [cell_texts(table)[0][1] for table in open_docx(path).tables] == ["甲"]


def test_merge_is_deterministic(form_context, tmp_path):
    forms = forms_for(form_context, ["甲", "乙"])
    first = documents.merge_forms(forms, tmp_path / "a.docx").read_bytes()
    second = documents.merge_forms(forms, tmp_path / "b.docx").read_bytes()
    assert first == second


def test_merge_empty_list(tmp_path):
    with pytest.raises(ValueError) as error:
        documents.merge_forms([], tmp_path / "合并.docx")
    assert str(error.value) == "没有可合并的自主聘任表。"


def test_merge_rejects_other_page_setup(form_context, notice_context, tmp_path):
    notice = documents.render_notice(notice_context, tmp_path / "公示.docx")
    with pytest.raises(documents.FormMergeError) as error:
        documents.merge_forms([documents.render_form(form_context), notice], tmp_path / "合并.docx")
    assert str(error.value) == "第 2 份自主聘任表的页面设置与第 1 份不同，无法合并。所有表格必须由同一模板生成。"
    assert not (tmp_path / "合并.docx").exists()


def test_merge_rejects_other_styles(form_context, tmp_path):
    form = documents.render_form(form_context)
    restyled = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(form)) as reader, zipfile.ZipFile(restyled, "w") as writer:
        for info in reader.infolist():
            data = reader.read(info)
            if info.filename == "word/styles.xml":
                data = data.replace("仿宋".encode("utf-8"), "楷体".encode("utf-8"))
            writer.writestr(info, data)
    with pytest.raises(documents.FormMergeError) as error:
        documents.merge_forms([form, restyled.getvalue()], tmp_path / "合并.docx")
    assert str(error.value) == "第 2 份自主聘任表的 word/styles.xml 与第 1 份不同，无法合并。所有表格必须由同一模板生成。"


def test_merge_rejects_non_docx(form_context, tmp_path):
    with pytest.raises(documents.FormMergeError) as error:
        documents.merge_forms([documents.render_form(form_context), b"not a zip"], tmp_path / "合并.docx")
    assert str(error.value).startswith("第 2 份自主聘任表不是有效的 Word 文档：")
    assert not (tmp_path / "合并.docx").exists()


def with_bookmark_template(tmp_path):
    """Return a copy of the form template whose first paragraph has a bookmark and Word 2010 ids."""
    source = documents.load_template(documents.FORM_TEMPLATE).path
    target = tmp_path / "自主聘任表.docx"
    with zipfile.ZipFile(source) as reader, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as writer:
        for info in reader.infolist():
            data = reader.read(info)
            if info.filename == "word/document.xml":
                text = data.decode("utf-8")
                text = text.replace(
                    "<w:body><w:p>",
                    '<w:body><w:p w14:paraId="1A2B3C4D" w14:textId="77777777">'
                    '<w:bookmarkStart w:id="5" w:name="表头"/><w:bookmarkEnd w:id="5"/>',
                    1,
                )
                if 'xmlns:w14="' not in text.split(">", 2)[1]:
                    text = text.replace(
                        "<w:document ",
                        '<w:document xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" ',
                        1,
                    )
                data = text.encode("utf-8")
            writer.writestr(info, data)
    return target


def test_merge_renumbers_unique_ids(form_context, tmp_path):
    template = documents.CompiledTemplate(with_bookmark_template(tmp_path))
    forms = [template.render({**form_context, "姓名": name}) for name in ("甲", "乙", "丙")]
    body = merged_body(documents.merge_forms(forms, tmp_path / "合并.docx"))
    assert [element.get(f"{W}id") for element in body.iter(f"{W}bookmarkStart")] == ["0", "1", "2"]
    assert [element.get(f"{W}id") for element in body.iter(f"{W}bookmarkEnd")] == ["0", "1", "2"]
    assert [element for element in body.iter() if element.get(f"{W14}paraId") is not None] == []


def test_merge_output_opens_with_zipfile(form_context, tmp_path):
    path = documents.merge_forms(forms_for(form_context, ["甲", "乙"]), tmp_path / "合并.docx")
    with zipfile.ZipFile(path) as archive:
        assert archive.testzip() is None
        with zipfile.ZipFile(io.BytesIO(documents.render_form(form_context))) as single:
            assert archive.namelist() == single.namelist()
