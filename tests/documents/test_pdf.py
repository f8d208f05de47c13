"""PDF conversion with LibreOffice and the page count of each document."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from document_helpers import make_committee_context, make_form_context, make_notice_context, pdf_pages, requires_soffice

from zcbatch import documents

HOSTILE_TEXT = 'A&B <c> "{{ 姓名 }}" {% for %} \x00\x1f 😀\n第二行 ' + "长" * 10_000


@pytest.fixture(scope="module")
def converted(tmp_path_factory) -> dict[str, Path]:
    """Render every document once, convert them in one LibreOffice run, return the PDFs by stem."""
    if shutil.which("soffice") is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    folder = tmp_path_factory.mktemp("documents")
    form = make_form_context()
    sources = [
        documents.render_notice(make_notice_context(), folder / "公示.docx"),
        documents.render_committee_sheet(make_committee_context(), folder / "推荐审核汇总表.docx"),
    ]
    (folder / "自主聘任表.docx").write_bytes(documents.render_form(form))
    sources.append(folder / "自主聘任表.docx")
    forms = [documents.render_form({**form, "姓名": name}) for name in ("甲", "乙", "丙", "丁")]
    sources.append(documents.merge_forms(forms, folder / "自主聘任表_合并.docx"))
    hostile = {**form, "姓名": HOSTILE_TEXT[:40], "工作单位": HOSTILE_TEXT[:60], "专业技术工作主要内容": HOSTILE_TEXT}
    (folder / "恶意值.docx").write_bytes(documents.render_form(hostile))
    sources.append(folder / "恶意值.docx")
    pdfs = documents.convert_to_pdf(sources, folder / "PDF")
    return {pdf.stem: pdf for pdf in pdfs}


@pytest.mark.slow
@requires_soffice
def test_pdf_paths(converted):
    assert sorted(converted) == sorted(["公示", "推荐审核汇总表", "自主聘任表", "自主聘任表_合并", "恶意值"])
    assert {pdf.parent.name for pdf in converted.values()} == {"PDF"}


@pytest.mark.slow
@requires_soffice
def test_notice_ten_rows_one_page(converted):
    assert pdf_pages(converted["公示"]) == 1


@pytest.mark.slow
@requires_soffice
def test_form_one_page(converted):
    assert pdf_pages(converted["自主聘任表"]) == 1


@pytest.mark.slow
@requires_soffice
def test_committee_sheet_one_page(converted):
    assert pdf_pages(converted["推荐审核汇总表"]) == 1


@pytest.mark.slow
@requires_soffice
def test_merged_forms_one_page_each(converted):
    assert pdf_pages(converted["自主聘任表_合并"]) == 4


@pytest.mark.slow
@requires_soffice
def test_hostile_form_converts(converted):
    # 10,000 characters of work content need more than one page.
    assert pdf_pages(converted["恶意值"]) >= 2


@pytest.mark.slow
@requires_soffice
def test_hostile_text_in_pdf(converted):
    text = subprocess.run(["pdftotext", str(converted["恶意值"]), "-"], capture_output=True, text=True, check=True).stdout
    assert 'A&B <c> "{{ 姓名 }}" {% for %}' in text


@pytest.mark.slow
@requires_soffice
def test_missing_fonts_replaced(converted):
    if "仿宋" in (documents._installed_font_families() or ()):
        pytest.skip("仿宋 is installed, so no replacement is needed")
    fonts = subprocess.run(["pdffonts", str(converted["自主聘任表"])], capture_output=True, text=True, check=True).stdout
    assert "NotoSerifCJK" in fonts
    assert "DejaVu" not in fonts


def test_soffice_missing(monkeypatch, tmp_path):
    monkeypatch.setattr(documents.shutil, "which", lambda name: None)
    monkeypatch.setattr(documents, "_SOFFICE_INSTALL_PATHS", ())
    source = tmp_path / "公示.docx"
    source.write_bytes(documents.render_form(make_form_context()))
    with pytest.raises(documents.LibreOfficeNotFound) as error:
        documents.convert_to_pdf([source], tmp_path / "PDF")
    assert str(error.value) == "未找到 LibreOffice（soffice），无法转换 PDF。请安装 LibreOffice 后重试，或去掉 --pdf 选项。"


def test_same_stem_rejected(tmp_path):
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "公示.docx").write_bytes(b"x")
    with pytest.raises(ValueError) as error:
        documents.convert_to_pdf([tmp_path / "a" / "公示.docx", tmp_path / "b" / "公示.docx"], tmp_path)
    assert str(error.value) == (
        f"{tmp_path / 'a' / '公示.docx'} 与 {tmp_path / 'b' / '公示.docx'} 会生成同名 PDF，请改名后重试。"
    )


def test_missing_source_rejected(tmp_path):
    with pytest.raises(FileNotFoundError) as error:
        documents.convert_to_pdf([tmp_path / "无.docx"], tmp_path)
    assert str(error.value) == f"找不到要转换的文件：{tmp_path / '无.docx'}"


def test_font_replacements(monkeypatch):
    monkeypatch.setattr(
        documents, "_installed_font_families", lambda: frozenset({"黑体", "Noto Serif CJK SC", "Noto Sans CJK SC"})
    )
    assert documents.font_replacements() == [
        ("仿宋", "Noto Serif CJK SC"),
        ("仿宋_GB2312", "Noto Serif CJK SC"),
        ("方正小标宋简体", "Noto Serif CJK SC"),
        ("Times New Roman", "Noto Serif CJK SC"),
    ]


def test_font_replacements_without_fontconfig(monkeypatch):
    monkeypatch.setattr(documents, "_installed_font_families", lambda: None)
    assert documents.font_replacements() == []


def test_replacement_table_written(monkeypatch, tmp_path):
    monkeypatch.setattr(documents, "_installed_font_families", lambda: frozenset({"Noto Sans CJK SC"}))
    documents._write_font_replacement_table(tmp_path)
    table = (tmp_path / "user" / "registrymodifications.xcu").read_text(encoding="utf-8")
    assert '<prop oor:name="ReplaceFont" oor:op="fuse"><value>黑体</value></prop>' in table
    assert '<prop oor:name="SubstituteFont" oor:op="fuse"><value>Noto Sans CJK SC</value></prop>' in table
    assert table.count("<node ") == 1
