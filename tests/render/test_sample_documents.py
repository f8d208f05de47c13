"""The documents of the sample batch: exact texts of the guide applicant, and pages.

The whole job runs once on the bundled sample (with PDFs when LibreOffice is
installed); the generated .docx files are opened with python-docx.
"""

from __future__ import annotations

import shutil
import subprocess

import docx
import pytest

from zcbatch import pipeline

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("sample-documents")]
HAS_SOFFICE = shutil.which("soffice") is not None


@pytest.fixture(scope="module")
def outdir(tmp_path_factory):
    """Run the whole job on the sample batch once."""
    folder = tmp_path_factory.mktemp("sample") / "输出"
    pipeline.run([pipeline.sample_workbook()], folder, attachments=None, pdf=HAS_SOFFICE)
    return folder


def _all_text(document) -> str:
    parts = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return "\n".join(parts)


def _cells(document) -> list[str]:
    return [cell.text for table in document.tables for row in table.rows for cell in row.cells]


@pytest.fixture(scope="module")
def guide_form(outdir):
    """Open the 自主聘任表 of 刘洋, the applicant of the filing guide."""
    return docx.Document(outdir / "自主聘任表" / "刘洋_2994.docx")


@pytest.mark.parametrize("text", ["2026 年度", "天津市专业技术职称自主聘任表", "申报系列：工程技术", "申报层级：助理级", "申报专业：耐火材料"])
def test_guide_form_headings(guide_form, text):
    assert text in _all_text(guide_form)


@pytest.mark.parametrize("value", ["刘洋", "120107199703122994", "耐火材料", "天津滨海泰达新材料科技有限公司",
                                   "2019年6月30日", "天津大学", "冶金", "大学本科", "其他", "2021年11月30日", "4年"])
def test_guide_form_fields(guide_form, value):
    assert value in _cells(guide_form)


def test_guide_education_row_before_work(guide_form):
    rows = [[cell.text for cell in row.cells] for table in guide_form.tables for row in table.rows]
    before = next(row for row in rows if "工作前" in row)
    assert "天津大学" in before


def test_notice_lists_guide_applicant_masked(outdir):
    notice = docx.Document(outdir / "公示.docx")
    row = next([cell.text for cell in r.cells] for table in notice.tables for r in table.rows if "刘洋" in [c.text for c in r.cells])
    assert row[1] == "120107********2994"


def test_notice_period_sentence(outdir):
    notice = docx.Document(outdir / "公示.docx")
    assert "公示时间2026年11月23日至2026年11月27日" in _all_text(notice).replace(" ", "")


def test_one_form_per_approved(outdir):
    assert len(list((outdir / "自主聘任表").glob("*.docx"))) == 36


def _pages(path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


@pytest.mark.skipif(not HAS_SOFFICE, reason="LibreOffice (soffice) is not installed")
def test_each_form_one_page(outdir):
    pages = {path.name: _pages(path) for path in (outdir / "PDF").glob("*_*.pdf") if path.stem != "自主聘任表_合并"}
    assert set(pages.values()) == {1}


@pytest.mark.skipif(not HAS_SOFFICE, reason="LibreOffice (soffice) is not installed")
def test_merged_forms_one_page_each(outdir):
    assert _pages(outdir / "PDF" / "自主聘任表_合并.pdf") == 36


@pytest.mark.skipif(not HAS_SOFFICE, reason="LibreOffice (soffice) is not installed")
def test_committee_sheet_pages(outdir):
    """36 one-line rows fill three landscape pages, the vote and signatures after the last row."""
    assert _pages(outdir / "PDF" / "推荐审核汇总表.pdf") == 3


@pytest.mark.skipif(not HAS_SOFFICE, reason="LibreOffice (soffice) is not installed")
def test_notice_pages(outdir):
    """36 one-line rows on A4 landscape fill two pages, the closing after the last row."""
    assert _pages(outdir / "PDF" / "公示.pdf") == 2
