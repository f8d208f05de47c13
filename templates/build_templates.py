"""Build the three Word templates that zcbatch fills for each batch.

Run ``python templates/build_templates.py`` from the repository root to
(re)write, beside this script:

- 公示.docx: the publicity notice, reference template 1 of the 2024 TEDA guide
  for self-appointed junior and intermediate titles.
- 自主聘任表.docx: 天津市专业技术职称自主聘任表, one applicant per document,
  the grid of reference template 2 of the same guide.
- 推荐审核汇总表.docx: the recommendation committee's list of approved
  applicants with the vote and the signature lines.

The templates are docxtpl templates: Jinja2 tags with Chinese context keys,
each tag inside a single run so that restyling a template in Word keeps the
tags intact. ``{%tr ... %}`` rows are control rows that docxtpl removes while
rendering; they stay visible in Word so the analyst can see the loops.

Layout follows GB/T 9704-2012 (党政机关公文格式) where it fits a form: A4,
titles in 方正小标宋简体, body in 仿宋, ruled tables. GB/T 9704 sets margins
of 3.7 cm (top), 3.5 cm (bottom), 2.8 cm (left) and 2.6 cm (right) for a
22-line page of 三号 text. These documents are mostly tables, so they use 2.5
to 3.0 cm to fit a 10-row notice and one applicant's form on one page each. Word falls back through the font table (alternative name, GB2312
charset, PANOSE) when a font is missing. LibreOffice, which zcbatch uses for
PDF output, maps the same names to Noto CJK fonts through the replacement
table that ``zcbatch.documents.convert_to_pdf`` writes into its private
profile.

The output is reproducible: the core properties carry fixed dates, so running
the script twice writes identical document parts.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Sequence
from pathlib import Path

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_ROW_HEIGHT_RULE, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING, WD_TAB_ALIGNMENT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

HERE = Path(__file__).resolve().parent

# Font names as Chinese official documents set them (East Asian text).
BODY_FONT = "仿宋"
TITLE_FONT = "方正小标宋简体"
HEADING_FONT = "黑体"
# Latin letters and digits (ID numbers, years).
LATIN_FONT = "Times New Roman"

# Chinese type sizes in points (字号).
ERHAO = 22.0  # 二号
XIAOER = 18.0  # 小二
SANHAO = 16.0  # 三号
SIHAO = 14.0  # 四号
XIAOSI = 12.0  # 小四
WUHAO = 10.5  # 五号
XIAOWU = 9.0  # 小五

# Font table entries written into every template. Word uses w:altName, the
# GB2312 charset (86) and the PANOSE class to choose a substitute when the
# named font is not installed. The PANOSE values are those of the Windows
# fonts simfang.ttf, simhei.ttf and simsun.ttc.
FONT_TABLE_ENTRIES = {
    "仿宋": ("FangSong", "02010609060101010101", "modern", "fixed"),
    "仿宋_GB2312": ("FangSong_GB2312", "02010609030101010101", "modern", "fixed"),
    "黑体": ("SimHei", "02010609060101010101", "modern", "fixed"),
    "方正小标宋简体": ("FZXiaoBiaoSong-B05S", "02000000000000000000", "auto", "variable"),
}

# Fixed core-property dates keep rebuilt templates byte-stable in git.
FIXED_DATE = dt.datetime(2024, 1, 1, 0, 0, 0)


# --------------------------------------------------------------------------
# Document setup


def new_document(
    title: str,
    *,
    margins_cm: tuple[float, float, float, float],
    landscape: bool = False,
) -> DocumentObject:
    """Create an empty A4 document with official-document fonts.

    ``margins_cm`` is (top, bottom, left, right).
    """
    document = Document()
    _drop_unused_parts(document)
    _prune_styles(document)
    _set_default_fonts(document)
    _add_font_table_entries(document)

    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    width, height = Cm(21.0), Cm(29.7)
    section.page_width, section.page_height = (height, width) if landscape else (width, height)
    top, bottom, left, right = (Cm(value) for value in margins_cm)
    section.top_margin, section.bottom_margin = top, bottom
    section.left_margin, section.right_margin = left, right
    section.header_distance = Cm(1.5)
    section.footer_distance = Cm(2.0)

    # Only dc: and dcterms: properties are set. docxcompose 2.2, which docxtpl
    # imports, maps python-docx's "cp" prefix to the custom-properties
    # namespace, so cp: properties (lastModifiedBy, revision, lastPrinted)
    # written after that import would land in the wrong namespace.
    properties = document.core_properties
    properties.title = title
    properties.author = "zcbatch"
    properties.comments = ""
    properties.created = FIXED_DATE
    properties.modified = FIXED_DATE
    properties.language = "zh-CN"
    return document


def _drop_unused_parts(document: DocumentObject) -> None:
    """Remove parts of python-docx's default template that the templates never use.

    The thumbnail shows a blank page, stylesWithEffects.xml only serves Word
    2010, and customXml contains a bibliography store. Dropping them keeps every
    rendered document small.
    """
    package_rels = document.part.package.rels
    for rel_id, rel in list(package_rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            package_rels.pop(rel_id)
    document_rels = document.part.rels
    for rel_id, rel in list(document_rels.items()):
        if rel.reltype.rsplit("/", 1)[-1] in ("stylesWithEffects", "customXml"):
            document_rels.pop(rel_id)


# Styles kept from the default template: the defaults Word expects, the
# table grid the tables use, and header and footer for analysts who add them.
KEPT_STYLES = {
    "Normal", "DefaultParagraphFont", "TableNormal", "NoList", "TableGrid",
    "Header", "HeaderChar", "Footer", "FooterChar",
}


def _prune_styles(document: DocumentObject) -> None:
    """Remove the ~160 unused styles of the default template (about 340 kB)."""
    styles = document.styles.element
    for style in styles.findall(qn("w:style")):
        if style.get(qn("w:styleId")) not in KEPT_STYLES:
            styles.remove(style)
    latent = styles.find(qn("w:latentStyles"))
    if latent is not None:
        styles.remove(latent)


def _set_default_fonts(document: DocumentObject) -> None:
    """Replace the theme fonts of the default template by explicit Chinese fonts."""
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    defaults.getparent().remove(defaults)
    defaults = parse_xml(
        f"<w:docDefaults {nsdecls('w')}>"
        "<w:rPrDefault><w:rPr>"
        f'<w:rFonts w:ascii="{LATIN_FONT}" w:hAnsi="{LATIN_FONT}" '
        f'w:eastAsia="{BODY_FONT}" w:cs="{LATIN_FONT}" w:hint="eastAsia"/>'
        f'<w:sz w:val="{int(SANHAO * 2)}"/><w:szCs w:val="{int(SANHAO * 2)}"/>'
        '<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/>'
        "</w:rPr></w:rPrDefault>"
        "<w:pPrDefault><w:pPr>"
        '<w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>'
        "</w:pPr></w:pPrDefault>"
        "</w:docDefaults>"
    )
    styles.insert(0, defaults)

    # Styles of the default template name theme fonts, which would override
    # the explicit fonts above in Word.
    theme_attributes = [qn(f"w:{name}") for name in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme")]
    for fonts in styles.iter(qn("w:rFonts")):
        for attribute in theme_attributes:
            fonts.attrib.pop(attribute, None)


def _add_font_table_entries(document: DocumentObject) -> None:
    part = document.part.part_related_by(RT.FONT_TABLE)
    entries = "".join(
        f'<w:font w:name="{name}"><w:altName w:val="{alt}"/>'
        f'<w:panose1 w:val="{panose}"/><w:charset w:val="86"/>'
        f'<w:family w:val="{family}"/><w:pitch w:val="{pitch}"/></w:font>'
        for name, (alt, panose, family, pitch) in FONT_TABLE_ENTRIES.items()
    )
    xml = part.blob.decode("utf-8")
    part._blob = xml.replace("</w:fonts>", entries + "</w:fonts>").encode("utf-8")


def save(document: DocumentObject, name: str, outdir: Path) -> Path:
    """Save with fixed zip timestamps so a rebuild gives identical bytes."""
    buffer = io.BytesIO()
    document.save(buffer)
    output = io.BytesIO()
    with zipfile.ZipFile(buffer) as source, zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            info = zipfile.ZipInfo(item.filename, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0
            target.writestr(info, source.read(item))
    path = outdir / name
    path.write_bytes(output.getvalue())
    return path


# --------------------------------------------------------------------------
# Paragraphs and runs


def set_run_font(run, east_asia: str, size: float, *, bold: bool = False) -> None:
    """Set the East Asian font, the Latin font and the size of one run."""
    run.font.size = Pt(size)
    run.font.bold = bold
    run_properties = run._element.get_or_add_rPr()
    fonts = run_properties.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        run_properties.insert(0, fonts)
    fonts.set(qn("w:ascii"), LATIN_FONT)
    fonts.set(qn("w:hAnsi"), LATIN_FONT)
    fonts.set(qn("w:eastAsia"), east_asia)
    fonts.set(qn("w:cs"), LATIN_FONT)
    fonts.set(qn("w:hint"), "eastAsia")


def format_paragraph(
    paragraph: Paragraph,
    *,
    align: WD_ALIGN_PARAGRAPH = WD_ALIGN_PARAGRAPH.LEFT,
    line: float | None = None,
    before: float = 0,
    after: float = 0,
    first_line_chars: int = 0,
    size: float = SANHAO,
    keep_with_next: bool = False,
) -> None:
    """Set alignment, exact line pitch (pt), spacing (pt) and first-line indent (chars)."""
    paragraph_format = paragraph.paragraph_format
    paragraph_format.alignment = align
    paragraph_format.space_before = Pt(before)
    paragraph_format.space_after = Pt(after)
    if line is not None:
        paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        paragraph_format.line_spacing = Pt(line)
    if first_line_chars:
        paragraph_format.first_line_indent = Pt(size * first_line_chars)
    paragraph_format.keep_with_next = keep_with_next
    paragraph_format.widow_control = False


def disable_autospace(paragraph: Paragraph) -> None:
    """Turn off the extra space Word puts between CJK and Latin text in a cell.

    LibreOffice 7.4 ignores this setting on import and always adds about a
    quarter of a character at each CJK-Latin boundary, so the column widths
    below leave room for that space.
    """
    properties = paragraph._p.get_or_add_pPr()
    for tag in ("w:autoSpaceDE", "w:autoSpaceDN"):
        element = OxmlElement(tag)
        element.set(qn("w:val"), "0")
        # Keep the schema order of w:pPr children, which Word enforces.
        properties.insert_element_before(
            element, "w:bidi", "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind",
            "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc",
            "w:textDirection", "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl",
            "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange",
        )


def add_text(
    paragraph: Paragraph,
    text: str,
    *,
    font: str = BODY_FONT,
    size: float = SANHAO,
    bold: bool = False,
) -> None:
    """Append ``text`` as one run, so any tag in it stays in a single run."""
    run = paragraph.add_run(text)
    set_run_font(run, font, size, bold=bold)


def add_paragraph(
    container,
    text: str = "",
    *,
    font: str = BODY_FONT,
    size: float = SANHAO,
    bold: bool = False,
    **layout,
) -> Paragraph:
    paragraph = container.add_paragraph()
    format_paragraph(paragraph, size=size, **layout)
    if text:
        add_text(paragraph, text, font=font, size=size, bold=bold)
    return paragraph


def add_end_paragraph(document: DocumentObject) -> None:
    """Add the paragraph that must follow a final table, 1 pt high.

    Word requires a paragraph between a table and the end of the body. At 1 pt
    it cannot push a page-filling table onto an extra blank page.
    """
    paragraph = document.add_paragraph()
    format_paragraph(paragraph, line=1, size=1)
    run = paragraph.add_run("")
    set_run_font(run, BODY_FONT, 1)
    paragraph_mark = OxmlElement("w:rPr")
    size = OxmlElement("w:sz")
    size.set(qn("w:val"), "2")
    paragraph_mark.append(size)
    paragraph._p.get_or_add_pPr().append(paragraph_mark)


# --------------------------------------------------------------------------
# Tables


def new_table(
    document: DocumentObject,
    rows: int,
    widths_cm: Sequence[float],
    *,
    cell_margin_cm: float | None = None,
) -> Table:
    """Add a ruled table (single borders) with fixed column widths.

    ``cell_margin_cm`` sets the left and right cell margins. Word's default
    is 0.19 cm.
    """
    table = document.add_table(rows=rows, cols=len(widths_cm))
    table.style = document.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False

    grid = table._tbl.tblGrid
    for column, width in zip(grid.findall(qn("w:gridCol")), widths_cm):
        column.set(qn("w:w"), str(int(Cm(width).twips)))
    for row in table.rows:
        for cell, width in zip(row.cells, widths_cm):
            cell.width = Cm(width)

    # Fixed layout keeps the widths above whatever the cell text; the
    # explicit borders keep the rules when an analyst changes the table style.
    properties = table._tbl.tblPr
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    properties.append(layout)
    borders = parse_xml(
        f"<w:tblBorders {nsdecls('w')}>"
        + "".join(
            f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
            for side in ("top", "left", "bottom", "right", "insideH", "insideV")
        )
        + "</w:tblBorders>"
    )
    existing = properties.find(qn("w:tblBorders"))
    if existing is not None:
        properties.remove(existing)
    # Schema order inside w:tblPr: tblStyle, ..., tblW, jc, ..., tblBorders,
    # ..., tblLayout, tblCellMar, tblLook.
    properties.find(qn("w:tblLayout")).addprevious(borders)
    if cell_margin_cm is not None:
        twips = int(Cm(cell_margin_cm).twips)
        margins = parse_xml(
            f"<w:tblCellMar {nsdecls('w')}>"
            f'<w:left w:w="{twips}" w:type="dxa"/><w:right w:w="{twips}" w:type="dxa"/>'
            "</w:tblCellMar>"
        )
        properties.find(qn("w:tblLayout")).addnext(margins)
    return table


def set_row(row, *, height_cm: float | None = None, header: bool = False, cant_split: bool = True) -> None:
    """Set a minimum row height, repeat-as-header and keep-on-one-page flags."""
    if height_cm is not None:
        row.height = Cm(height_cm)
        row.height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST
    properties = row._tr.get_or_add_trPr()
    if cant_split:
        properties.append(OxmlElement("w:cantSplit"))
    if header:
        properties.append(OxmlElement("w:tblHeader"))


def fill_cell(
    cell: _Cell,
    text: str,
    *,
    font: str = BODY_FONT,
    size: float = WUHAO,
    bold: bool = False,
    align: WD_ALIGN_PARAGRAPH = WD_ALIGN_PARAGRAPH.CENTER,
    vertical: WD_CELL_VERTICAL_ALIGNMENT = WD_CELL_VERTICAL_ALIGNMENT.CENTER,
    line: float | None = None,
) -> None:
    """Write ``text`` as the single run of the cell's first paragraph."""
    cell.vertical_alignment = vertical
    paragraph = cell.paragraphs[0]
    format_paragraph(paragraph, align=align, line=line if line is not None else size * 1.5, size=size)
    disable_autospace(paragraph)
    # The paragraph mark carries the same font so that empty cells keep the
    # row height of filled ones.
    mark = OxmlElement("w:rPr")
    fonts = OxmlElement("w:rFonts")
    fonts.set(qn("w:eastAsia"), font)
    mark.append(fonts)
    for tag in ("w:sz", "w:szCs"):
        element = OxmlElement(tag)
        element.set(qn("w:val"), str(int(size * 2)))
        mark.append(element)
    paragraph._p.get_or_add_pPr().append(mark)
    if text:
        add_text(paragraph, text, font=font, size=size, bold=bold)


def row_cells(row) -> tuple[list[_Cell], list[_Cell]]:
    """Return the cells that start in this row and the vertically merged ones.

    A cell spanning several grid columns counts once. A cell continuing a
    vertical merge from the row above belongs to the second list.
    """
    own, continued = [], []
    for tc in row._tr.tc_lst:
        cell = _Cell(tc, row.table)
        (continued if tc.vMerge == "continue" else own).append(cell)
    return own, continued


def fill_row(row, texts: Sequence[str], **style) -> None:
    """Fill the cells that start in this row, in order, one text each."""
    cells, continued = row_cells(row)
    if len(cells) != len(texts):
        raise ValueError(f"row has {len(cells)} cells, got {len(texts)} texts")
    for cell, text in zip(cells, texts):
        fill_cell(cell, text, **style)
    for cell in continued:
        fill_cell(cell, "", size=style.get("size", WUHAO))


def control_row(row, tag: str) -> None:
    """Write a docxtpl row tag (``{%tr ... %}``) into the row's first own cell."""
    cells, continued = row_cells(row)
    fill_cell(cells[0], tag, size=WUHAO, align=WD_ALIGN_PARAGRAPH.LEFT)
    for cell in cells[1:] + continued:
        fill_cell(cell, "", size=WUHAO)


# --------------------------------------------------------------------------
# 公示

# Column label, context key and width. The notice is A4 landscape (24.7 cm
# of text width): at 小五 (9 pt) in Noto Serif CJK an 18-character ID
# number is 3.17 cm wide, an ID ending in X a little more, and a date such
# as 2026年11月16日 about 2.4 cm with LibreOffice's CJK-Latin spacing, plus
# 0.16 cm of cell margins each. In the 16 cm of portrait width those values
# wrapped onto a second line.
NOTICE_COLUMNS = (
    ("姓名", "姓名", 2.2),
    ("身份证号", "身份证号", 4.6),
    ("学历", "学历", 2.7),
    ("工作岗位", "工作岗位", 3.4),
    ("拟聘任专业", "拟聘任专业", 3.4),
    ("拟聘任级别", "拟聘任级别", 2.2),
    ("拟聘任时间", "拟聘任时间", 3.6),
    ("累计专业技术\n工作年限", "累计专业技术工作年限", 2.4),
)
NOTICE_TABLE_SIZE = XIAOWU


def build_notice(outdir: Path = HERE) -> Path:
    document = new_document("公示", margins_cm=(2.0, 2.0, 2.5, 2.5), landscape=True)
    body = {"size": SIHAO, "line": 20.0}

    add_paragraph(
        document, "公  示", font=TITLE_FONT, size=ERHAO,
        align=WD_ALIGN_PARAGRAPH.CENTER, line=32, after=6,
    )
    add_paragraph(
        document,
        "经单位推荐委员会（推荐小组）推荐，现将我单位自主聘任初（中）级职称人员情况公示如下：",
        first_line_chars=2, after=6, **body,
    )

    widths = [width for _, _, width in NOTICE_COLUMNS]
    table = new_table(document, rows=4, widths_cm=widths, cell_margin_cm=0.08)
    header, loop_start, data, loop_end = table.rows
    set_row(header, height_cm=0.8, header=True)
    fill_row(header, [label for label, _, _ in NOTICE_COLUMNS], font=HEADING_FONT, size=NOTICE_TABLE_SIZE, line=12)
    control_row(loop_start, "{%tr for 行 in 人员 %}")
    set_row(data, height_cm=0.65)
    fill_row(data, [f"{{{{ 行.{key} }}}}" for _, key, _ in NOTICE_COLUMNS], size=NOTICE_TABLE_SIZE, line=13)
    control_row(loop_end, "{%tr endfor %}")

    add_paragraph(
        document,
        "现予公示，公示时间{{ 公示开始 }}至{{ 公示结束 }}。对以上人员申报职称有异议的，"
        "请于公示期内向本单位人力资源部门反映，反映情况的电话和书面材料要自报或签署真实姓名。",
        first_line_chars=2, before=8, **body,
    )
    add_paragraph(document, "联系方式：", first_line_chars=2, **body)
    add_paragraph(document, "部门（单位）：{{ 部门 }}", first_line_chars=2, **body)
    add_paragraph(document, "联系地址：{{ 联系地址 }}", first_line_chars=2, **body)
    add_paragraph(document, "联系电话：{{ 联系电话 }}", first_line_chars=2, **body)
    add_paragraph(
        document, "{{ 单位名称 }}", before=10,
        align=WD_ALIGN_PARAGRAPH.RIGHT, keep_with_next=True, **body,
    )
    add_paragraph(document, "{{ 落款日期 }}（单位公章）", align=WD_ALIGN_PARAGRAPH.RIGHT, **body)
    return save(document, "公示.docx", outdir)


# --------------------------------------------------------------------------
# 自主聘任表

# Six grid columns. Every row of the guide's template 2 lines up with them.
# Column 1 contains dates such as 2019年6月30日, 2.87 cm wide at 五号 with
# LibreOffice's CJK-Latin spacing, plus cell margins.
FORM_WIDTHS = (2.2, 3.2, 3.3, 2.5, 2.6, 2.2)
# With 0.12 cm cell margins a six-character label (从事专业技术, 2.22 cm at
# 五号) fits column 4.
FORM_CELL_MARGIN_CM = 0.12
FORM_ROW_CM = 0.85
FORM_LINE = 15.0
# Minimum height of the 专业技术工作主要内容 cell. With two education rows and
# five years of continuing education (中专 and below) the form still fits one
# page in LibreOffice 7.4, which keeps this row with the merged label beside
# it and so moves it whole to a new page when it does not fit. About 290
# characters fit before the cell grows.
FORM_CONTENT_CM = 5.5


def _merge(table: Table, row: int, first: int, last: int) -> _Cell:
    return table.cell(row, first).merge(table.cell(row, last))


def build_form(outdir: Path = HERE) -> Path:
    document = new_document("天津市专业技术职称自主聘任表", margins_cm=(2.5, 2.5, 2.5, 2.5))

    add_paragraph(document, "{{ 年度 }} 年度", size=SANHAO, align=WD_ALIGN_PARAGRAPH.CENTER, line=26)
    add_paragraph(
        document, "天津市专业技术职称自主聘任表", font=TITLE_FONT, size=ERHAO,
        align=WD_ALIGN_PARAGRAPH.CENTER, line=34, after=10,
    )
    for label in ("申报系列", "申报层级", "申报专业"):
        add_paragraph(document, f"{label}：{{{{ {label} }}}}", size=SIHAO, line=26)
    add_paragraph(document, "", size=WUHAO, line=8)

    rows = [
        "person", "id", "unit",
        "edu_head", "before_start", "before", "before_else", "before_empty", "before_end",
        "after_start", "after", "after_else", "after_empty", "after_end",
        "ce_head", "ce_start", "ce", "ce_else", "ce_empty", "ce_end",
        "work_dates", "work_content",
    ]
    index = {name: number for number, name in enumerate(rows)}
    table = new_table(document, rows=len(rows), widths_cm=FORM_WIDTHS, cell_margin_cm=FORM_CELL_MARGIN_CM)
    row = {name: table.rows[number] for name, number in index.items()}
    label = {"font": BODY_FONT, "size": WUHAO, "line": FORM_LINE}
    value = {"font": BODY_FONT, "size": WUHAO, "line": FORM_LINE}

    # Personal rows.
    fill_row(row["person"], ["姓名", "{{ 姓名 }}", "性别", "{{ 性别 }}", "民族", "{{ 民族 }}"], **label)
    _merge(table, index["id"], 1, 2)
    _merge(table, index["id"], 4, 5)
    fill_row(row["id"], ["身份证号", "{{ 身份证号 }}", "现从事专业", "{{ 现从事专业 }}"], **label)
    _merge(table, index["unit"], 1, 2)
    _merge(table, index["unit"], 4, 5)
    fill_row(row["unit"], ["工作单位", "{{ 工作单位 }}", "行政职务", "{{ 行政职务 }}"], **label)

    # 学历情况: the 工作前 rows and the 工作后 rows. A group without rows
    # shows one empty row, so the printed form always has both labels.
    fill_row(row["edu_head"], ["学历情况", "毕业时间", "毕业院校", "所学专业", "学历", "学位"], **label)
    education_cells = ["{{ 行.毕业时间 }}", "{{ 行.毕业院校 }}", "{{ 行.所学专业 }}", "{{ 行.学历 }}", "{{ 行.学位 }}"]
    control_row(row["before_start"], '{%tr for 行 in 学历 if 行.类别 == "工作前" %}')
    fill_row(row["before"], ["工作前", *education_cells], **value)
    control_row(row["before_else"], "{%tr else %}")
    fill_row(row["before_empty"], ["工作前", "", "", "", "", ""], **value)
    control_row(row["before_end"], "{%tr endfor %}")
    control_row(row["after_start"], '{%tr for 行 in 学历 if 行.类别 == "工作后" %}')
    fill_row(row["after"], ["工作后", *education_cells], **value)
    control_row(row["after_else"], "{%tr else %}")
    fill_row(row["after_empty"], ["工作后", "", "", "", "", ""], **value)
    control_row(row["after_end"], "{%tr endfor %}")

    # 继续教育情况: the label cell spans the header and every year row.
    for name in ("ce_head", "ce", "ce_empty"):
        _merge(table, index[name], 4, 5)
    table.cell(index["ce_head"], 0).merge(table.cell(index["ce_end"], 0))
    fill_row(row["ce_head"], ["继续教育\n情况", "年度", "总学时", "公需课学时", "专业课学时"], **label)
    control_row(row["ce_start"], "{%tr for 行 in 继续教育 %}")
    fill_row(
        row["ce"], ["{{ 行.年度 }}", "{{ 行.总学时 }}", "{{ 行.公需课学时 }}", "{{ 行.专业课学时 }}"], **value
    )
    control_row(row["ce_else"], "{%tr else %}")
    fill_row(row["ce_empty"], ["", "", "", ""], **value)
    control_row(row["ce_end"], "{%tr endfor %}")

    # 专业技术工作情况: dates row and the tall 主要内容 cell.
    table.cell(index["work_dates"], 0).merge(table.cell(index["work_content"], 0))
    _merge(table, index["work_dates"], 2, 3)
    _merge(table, index["work_content"], 2, 5)
    fill_row(
        row["work_dates"],
        [
            "专业技术\n工作情况", "参加专业技术\n工作日期", "{{ 参加专业技术工作日期 }}",
            "从事专业技术\n工作年限", "{{ 从事专业技术工作年限 }}",
        ],
        **label,
    )
    (content_label, content_cell), continued = row_cells(row["work_content"])
    fill_cell(content_label, "专业技术工作\n主要内容", **label)
    # Left-aligned, because justified lines that end in a line break are
    # stretched across the cell.
    fill_cell(
        content_cell, "{{ 专业技术工作主要内容 }}", **value,
        align=WD_ALIGN_PARAGRAPH.LEFT, vertical=WD_CELL_VERTICAL_ALIGNMENT.TOP,
    )
    for cell in continued:
        fill_cell(cell, "")

    for name in ("person", "id", "unit", "edu_head", "before", "before_empty", "after", "after_empty", "ce_head", "ce", "ce_empty"):
        set_row(row[name], height_cm=FORM_ROW_CM)
    set_row(row["work_dates"], height_cm=1.2)
    # The content row may grow past a page for very long text.
    set_row(row["work_content"], height_cm=FORM_CONTENT_CM, cant_split=False)

    add_end_paragraph(document)
    return save(document, "自主聘任表.docx", outdir)


# --------------------------------------------------------------------------
# 推荐审核汇总表


# Landscape: full ID numbers (4.22 cm at 小四 in Noto Serif CJK), two date
# columns (3.2 cm for 2026年11月16日 with LibreOffice's CJK-Latin spacing)
# and the eight-character header 最早满足条件日期 (3.39 cm) need the 24.7 cm
# text width.
COMMITTEE_COLUMNS = (
    ("序号", "序号", 1.3),
    ("姓名", "姓名", 2.6),
    ("身份证号", "身份证号", 4.7),
    ("学历层次", "学历层次", 2.4),
    ("申报层级", "申报层级", 2.4),
    ("申报专业", "申报专业", 3.5),
    ("拟聘任时间", "拟聘任时间", 3.9),
    ("最早满足条件日期", "最早满足日期", 3.9),
)


def build_committee_sheet(outdir: Path = HERE) -> Path:
    document = new_document("推荐审核汇总表", margins_cm=(2.5, 2.5, 2.5, 2.5), landscape=True)
    body = {"size": SIHAO, "line": 24.0}

    add_paragraph(
        document, "{{ 年度 }}年度自主聘任初（中）级职称推荐审核汇总表", font=TITLE_FONT, size=XIAOER,
        align=WD_ALIGN_PARAGRAPH.CENTER, line=32, after=8,
    )
    add_paragraph(document, "单位名称：{{ 单位名称 }}", after=6, **body)

    widths = [width for _, _, width in COMMITTEE_COLUMNS]
    table = new_table(document, rows=4, widths_cm=widths, cell_margin_cm=0.1)
    header, loop_start, data, loop_end = table.rows
    set_row(header, height_cm=0.9, header=True)
    fill_row(header, [label for label, _, _ in COMMITTEE_COLUMNS], font=HEADING_FONT, size=XIAOSI, line=15)
    control_row(loop_start, "{%tr for 行 in 人员 %}")
    set_row(data, height_cm=0.8)
    fill_row(data, [f"{{{{ 行.{key} }}}}" for _, key, _ in COMMITTEE_COLUMNS], size=XIAOSI, line=16)
    control_row(loop_end, "{%tr endfor %}")

    add_paragraph(
        document,
        "推荐委员会总人数：{{ 委员会总人数 }}人；参加人数：{{ 参加人数 }}人；赞成人数：{{ 赞成人数 }}人。",
        before=10, **body,
    )
    # One signature line: the chairman signs after the colon, the date sits at
    # 12 cm and the seal goes over （单位公章） at the right margin.
    signature = add_paragraph(
        document, "推荐委员会主任（签字）：\t日期：{{ 日期 }}\t（单位公章）",
        before=body["line"], **body,
    )
    tab_stops = signature.paragraph_format.tab_stops
    tab_stops.add_tab_stop(Cm(12.0))
    tab_stops.add_tab_stop(Cm(24.7), WD_TAB_ALIGNMENT.RIGHT)
    return save(document, "推荐审核汇总表.docx", outdir)


def build_all(outdir: Path = HERE) -> list[Path]:
    """Write the three templates into ``outdir`` and return their paths."""
    return [build_notice(outdir), build_form(outdir), build_committee_sheet(outdir)]


def main() -> None:
    for path in build_all():
        print(path)


if __name__ == "__main__":
    main()
