"""Word documents of a batch: 公示, 自主聘任表 and 推荐审核汇总表.

The three documents follow the reference templates of the 2024 TEDA guide for
self-appointed junior and intermediate titles (天津经开区自主聘任初中级职称网上
填报指南): template 1 is the publicity notice (公示), template 2 the appointment
form (天津市专业技术职称自主聘任表). The recommendation committee's list
(推荐审核汇总表) has no reference template and is built to the same layout.

Templates are docxtpl 0.20 templates in the ``templates`` folder: Jinja2 tags
with Chinese context keys, for example ``{{ 姓名 }}`` and
``{%tr for 行 in 人员 %}``. Every context value is a formatted string (or
``None``, rendered empty) and is treated as data:

- ``&``, ``<``, ``>`` and quotes are escaped and appear literally.
- Template syntax inside a value (``{{ x }}``) appears literally, because the
  rendered output is never parsed as a template again.
- A newline becomes a line break (``<w:br/>``) and a tab a tab stop.
  Carriage returns, vertical tabs, form feeds and U+2028/U+2029 end a line
  too.
- Characters that XML 1.0 forbids, and the C1 controls, become U+FFFD, so
  the document always opens.

Rendering is deterministic. :class:`CompiledTemplate` reads a template once,
applies docxtpl's own tag preprocessing (``DocxTemplate.patch_xml``) and
compiles one Jinja2 template. Each render writes the zip members in the
template's order with the timestamp 1980-01-01 00:00:00 and a fixed
``docProps/core.xml`` date, so the same context gives the same bytes.

>>> format_date_cn(datetime.date(2026, 11, 6))
'2026年11月6日'
>>> safe_filename("张三", "123X", set())
'张三_123X.docx'
"""

from __future__ import annotations

import concurrent.futures
import datetime
import functools
import io
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
import zipfile
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape as xml_escape

import jinja2
import jinja2.meta
import markupsafe
from tqdm import tqdm
from docxtpl import DocxTemplate
from lxml import etree

from zcbatch.atomic import atomic_path, write_bytes
from zcbatch.errors import ZcbatchError
from zcbatch.resources import data_dir

__all__ = [
    "CompiledTemplate",
    "DocumentError",
    "FormMergeError",
    "InvalidTemplateError",
    "LibreOfficeNotFound",
    "PdfConversionError",
    "TemplateContextError",
    "clean_text",
    "convert_to_pdf",
    "find_soffice",
    "format_date_cn",
    "load_template",
    "merge_forms",
    "render_committee_sheet",
    "render_form",
    "render_forms",
    "render_notice",
    "safe_filename",
]

NOTICE_TEMPLATE = "公示.docx"
FORM_TEMPLATE = "自主聘任表.docx"
COMMITTEE_TEMPLATE = "推荐审核汇总表.docx"

# The earliest timestamp a zip entry can carry.
ZIP_TIMESTAMP = (1980, 1, 1, 0, 0, 0)
# docProps/core.xml dates of every rendered document unless a caller passes one.
CORE_TIMESTAMP = datetime.datetime(1980, 1, 1, tzinfo=datetime.timezone.utc)

# Batches larger than this are rendered in worker processes. A form takes
# 5 to 7.5 ms in one process, so smaller batches finish in under 2 s.
# NOTE: on a 2-core container 1,000 forms took as long with two workers as in
# one process (5 to 8 s), so the pool pays off only with more cores.
PARALLEL_THRESHOLD = 200

WORDML_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = f"{{{WORDML_NS}}}"
_HEADER_FOOTER_TYPES = (DocxTemplate.HEADER_URI, DocxTemplate.FOOTER_URI)
_XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


class DocumentError(ZcbatchError):
    """Base class of the errors raised while producing Word or PDF documents."""


class InvalidTemplateError(DocumentError):
    """A template's tags are not valid Jinja2 or do not produce valid XML."""


class TemplateContextError(DocumentError):
    """A context lacks a value the template needs, or has one of a wrong kind."""


class FormMergeError(DocumentError):
    """Forms to merge are not all rendered from the same template."""


class LibreOfficeNotFound(DocumentError):
    """LibreOffice (``soffice``) is not installed or not on the PATH."""

    def __init__(self) -> None:
        super().__init__("未找到 LibreOffice（soffice），无法转换 PDF。请安装 LibreOffice 后重试，或去掉 --pdf 选项。")


class PdfConversionError(DocumentError):
    """LibreOffice ran but did not produce every PDF."""


# --------------------------------------------------------------------------
# Values


# XML 1.0 allows tab, newline, carriage return, U+0020-U+D7FF, U+E000-U+FFFD
# and the supplementary planes. C1 controls (U+007F-U+009F) are allowed but
# never meaningful in these documents, so they are replaced too.
_FORBIDDEN_CHARS = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
# Carriage returns, vertical tab (Word's manual line break in copied text),
# form feed and the Unicode line and paragraph separators end a line.
_LINE_ENDS = re.compile("\r\n?|[\x0b\x0c\u2028\u2029]")
# Closing the text element, adding the break and reopening keeps the run's
# formatting for the following line.
_BREAK_XML = '</w:t><w:br/><w:t xml:space="preserve">'
_TAB_XML = '</w:t><w:tab/><w:t xml:space="preserve">'


def clean_text(text: str) -> str:
    """Normalise line ends to ``\\n`` and replace characters XML 1.0 forbids by U+FFFD.

    >>> clean_text("a\\r\\nb\\x00c")
    'a\\nb\\ufffdc'
    """
    text = _LINE_ENDS.sub("\n", text)
    return _FORBIDDEN_CHARS.sub("\ufffd", text)


def _finalize(value: Any) -> markupsafe.Markup:
    """Turn one ``{{ }}`` value into escaped WordprocessingML text.

    Markup values are escaped as well: every value is data, never XML.
    """
    if value is None:
        return markupsafe.Markup("")
    text = clean_text(str(value))
    escaped = str(markupsafe.escape(text))
    if "\n" in escaped:
        escaped = escaped.replace("\n", _BREAK_XML)
    if "\t" in escaped:
        escaped = escaped.replace("\t", _TAB_XML)
    return markupsafe.Markup(escaped)


def _new_environment() -> jinja2.Environment:
    return jinja2.Environment(
        autoescape=True,
        finalize=_finalize,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )


def format_date_cn(date: datetime.date) -> str:
    """Format a date as in Chinese documents, without leading zeros.

    >>> format_date_cn(datetime.date(2026, 1, 5))
    '2026年1月5日'
    """
    return f"{date.year}年{date.month}月{date.day}日"


# --------------------------------------------------------------------------
# Compiled templates


class CompiledTemplate:
    """A docxtpl template read and compiled once, rendered many times.

    ``render`` fills ``word/document.xml`` (and any header or footer with
    tags) and copies every other zip member of the template unchanged.
    ``timestamp`` is the created and modified date written into
    ``docProps/core.xml``.
    """

    def __init__(self, path: str | os.PathLike[str], *, timestamp: datetime.datetime = CORE_TIMESTAMP) -> None:
        self.path = Path(path)
        self.name = self.path.name
        data = self.path.read_bytes()
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            self._members = [(info.filename, archive.read(info)) for info in archive.infolist()]

        docx_template = DocxTemplate(io.BytesIO(data))
        docx_template.init_docx()
        self._environment = _new_environment()

        (self._document_prefix, self._document_suffix), body_source = self._split_document(docx_template)
        sources = {"word/document.xml": docx_template.patch_xml(body_source)}
        for member, source in self._tagged_headers_footers(docx_template):
            sources[member] = docx_template.patch_xml(source)
        self._parts = {member: self._compile(source) for member, source in sources.items()}
        # Top-level context keys the template reads; loop variables are excluded.
        self.variables = frozenset().union(
            *(jinja2.meta.find_undeclared_variables(self._environment.parse(source)) for source in sources.values())
        )
        self._members = [
            (name, _fix_core_dates(content, timestamp) if name == "docProps/core.xml" else content)
            for name, content in self._members
        ]
        # The members that never change are compressed once; each render
        # appends only the tagged parts, so [Content_Types].xml stays first
        # and the rendered parts come last.
        self._static_zip = _write_zip([(name, content) for name, content in self._members if name not in self._parts], {})
        self._rendered_order = [name for name, _ in self._members if name in self._parts]

    def _split_document(self, docx_template: DocxTemplate) -> tuple[tuple[str, str], str]:
        """Return the text of document.xml before and after ``w:body``, and the body.

        The body is serialised on its own, as docxtpl does, so it carries its
        own namespace declarations. Repeating them inside the document
        element is valid XML.
        """
        root = docx_template.docx._element
        document_xml = etree.tostring(root, encoding="unicode")
        start = re.search(r"<w:body[ >/]", document_xml)
        end = document_xml.rfind("</w:body>")
        if start is None or end < 0:
            raise InvalidTemplateError(f"模板 {self.name} 缺少正文（w:body）。")
        prefix = _XML_DECLARATION + document_xml[: start.start()]
        suffix = document_xml[end + len("</w:body>") :]
        return (prefix, suffix), docx_template.get_xml()

    @staticmethod
    def _tagged_headers_footers(docx_template: DocxTemplate) -> Iterable[tuple[str, str]]:
        for rel in docx_template.docx.part.rels.values():
            if rel.reltype not in _HEADER_FOOTER_TYPES or rel.is_external:
                continue
            source = docx_template.get_part_xml(rel.target_part)
            if "{{" in source or "{%" in source:
                yield str(rel.target_part.partname).lstrip("/"), source

    def _compile(self, source: str) -> jinja2.Template:
        try:
            return self._environment.from_string(source)
        except jinja2.TemplateSyntaxError as exc:
            raise InvalidTemplateError(
                f"模板 {self.name} 中的标记有误：{exc.message}。"
                "请检查 Word 中每个 {{ }} 和 {% %} 标记是否完整、成对。"
            ) from exc

    def render_xml(self, context: Mapping[str, Any]) -> dict[str, bytes]:
        """Render the tagged parts and return them by zip member name."""
        missing = self.variables - context.keys()
        if missing:
            raise TemplateContextError(f"模板 {self.name} 缺少字段：{'、'.join(sorted(missing))}。")
        rendered = {}
        for member, template in self._parts.items():
            try:
                xml = template.render(context)
            except jinja2.UndefinedError as exc:
                raise TemplateContextError(f"模板 {self.name} 渲染失败：{_describe_undefined(exc)}。") from exc
            if member == "word/document.xml":
                xml = self._document_prefix + xml + self._document_suffix
            else:
                xml = _XML_DECLARATION + xml
            data = xml.encode("utf-8")
            try:
                etree.fromstring(data)
            except etree.XMLSyntaxError as exc:
                raise InvalidTemplateError(
                    f"模板 {self.name} 渲染后的 {member} 不是有效的 XML（{exc}）。"
                    "请检查模板中 {%tr %}、{%p %} 等标记是否成对。"
                ) from exc
            rendered[member] = data
        return rendered

    def render(self, context: Mapping[str, Any]) -> bytes:
        """Render a complete .docx and return its bytes."""
        rendered = self.render_xml(context)
        buffer = io.BytesIO()
        buffer.write(self._static_zip)
        with zipfile.ZipFile(buffer, "a") as archive:
            for name in self._rendered_order:
                archive.writestr(_zip_info(name), rendered[name])
        return buffer.getvalue()


def _describe_undefined(exc: jinja2.UndefinedError) -> str:
    match = re.search(r"has no attribute '([^']+)'|'([^']+)' is undefined", exc.message or "")
    if match:
        return f"缺少字段 {match.group(1) or match.group(2)}"
    return str(exc)


def _fix_core_dates(core_xml: bytes, timestamp: datetime.datetime) -> bytes:
    stamp = timestamp.astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    text = core_xml.decode("utf-8")
    for element in ("dcterms:created", "dcterms:modified"):
        text = re.sub(rf"(<{element}\b[^>]*>)[^<]*(</{element}>)", rf"\g<1>{stamp}\g<2>", text)
    return text.encode("utf-8")


def _zip_info(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=ZIP_TIMESTAMP)
    info.compress_type = zipfile.ZIP_DEFLATED
    # The creating system is part of the entry header. Fixing it makes
    # Windows and POSIX hosts write the same bytes.
    info.create_system = 0
    info.external_attr = 0
    return info


def _write_zip(members: Sequence[tuple[str, bytes]], replacements: Mapping[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in members:
            archive.writestr(_zip_info(name), replacements.get(name, content))
    return buffer.getvalue()


@functools.lru_cache(maxsize=16)
def _load_cached(path: Path, modified_ns: int, size: int) -> CompiledTemplate:
    return CompiledTemplate(path)


def load_template(name: str, template_dir: str | os.PathLike[str] | None = None) -> CompiledTemplate:
    """Return the compiled template ``name``, compiled again only after the file changes."""
    folder = Path(template_dir) if template_dir is not None else data_dir("templates")
    path = (folder / name).resolve()
    try:
        stat = path.stat()
    except FileNotFoundError:
        raise DocumentError(f"未找到模板文件：{path}") from None
    return _load_cached(path, stat.st_mtime_ns, stat.st_size)


# --------------------------------------------------------------------------
# Rendering the three documents


_EDUCATION_GROUPS = ("工作前", "工作后")


def _check_form_context(context: Mapping[str, Any]) -> None:
    """Reject 学历 rows whose 类别 the form cannot place (they would be dropped)."""
    for number, row in enumerate(context.get("学历") or [], start=1):
        group = row.get("类别") if isinstance(row, Mapping) else None
        if group not in _EDUCATION_GROUPS:
            raise TemplateContextError(f"学历 第 {number} 行的类别应为“工作前”或“工作后”，实际为“{group}”。")


def render_notice(
    context: Mapping[str, Any],
    path: str | os.PathLike[str],
    *,
    template_dir: str | os.PathLike[str] | None = None,
) -> Path:
    """Render the publicity notice (公示) to ``path`` and return the path."""
    data = load_template(NOTICE_TEMPLATE, template_dir).render(context)
    return write_bytes(Path(path), data)


def render_form(
    context: Mapping[str, Any],
    *,
    template_dir: str | os.PathLike[str] | None = None,
) -> bytes:
    """Render one applicant's 自主聘任表 and return the .docx bytes."""
    _check_form_context(context)
    return load_template(FORM_TEMPLATE, template_dir).render(context)


def render_committee_sheet(
    context: Mapping[str, Any],
    path: str | os.PathLike[str],
    *,
    template_dir: str | os.PathLike[str] | None = None,
) -> Path:
    """Render the recommendation committee's sheet (推荐审核汇总表) to ``path``."""
    data = load_template(COMMITTEE_TEMPLATE, template_dir).render(context)
    return write_bytes(Path(path), data)


# Template of the worker processes of ``render_forms``, set by the initializer.
_worker_template: CompiledTemplate | None = None


def _init_worker(template_path: str) -> None:
    global _worker_template
    _worker_template = CompiledTemplate(template_path)


def _render_form_file(task: tuple[Mapping[str, Any], str]) -> str:
    context, path = task
    assert _worker_template is not None, "worker started without _init_worker"
    _check_form_context(context)
    write_bytes(Path(path), _worker_template.render(context))
    return path


def _check_file_names(names: Sequence[str]) -> None:
    seen: set[str] = set()
    for name in names:
        if not name or Path(name).name != name or name in (".", "..") or "/" in name or "\\" in name:
            raise ValueError(f"文件名无效：“{name}”。文件名不能包含路径。")
        if not name.lower().endswith(".docx"):
            raise ValueError(f"文件名无效：“{name}”。文件名应以 .docx 结尾。")
        key = name.casefold()
        if key in seen:
            raise ValueError(f"文件名重复：{name}。")
        seen.add(key)


def render_forms(
    contexts: Sequence[Mapping[str, Any]],
    outdir: str | os.PathLike[str],
    names: Sequence[str],
    workers: int | None = None,
    progress: bool = False,
    *,
    template_dir: str | os.PathLike[str] | None = None,
) -> list[Path]:
    """Write one 自主聘任表 per context to ``outdir / names[i]`` and return the paths.

    Batches of more than ``PARALLEL_THRESHOLD`` forms are rendered in
    ``workers`` processes (default: ``os.cpu_count()``), each compiling the
    template once. ``workers=1`` renders in this process. ``progress`` shows
    a tqdm bar on stderr. Names must be plain, distinct file names ending in
    ``.docx``, as :func:`safe_filename` returns them.
    """
    if len(contexts) != len(names):
        raise ValueError(f"人员数（{len(contexts)}）与文件名数（{len(names)}）不一致。")
    _check_file_names(names)
    for context in contexts:
        _check_form_context(context)

    template = load_template(FORM_TEMPLATE, template_dir)
    for number, context in enumerate(contexts, start=1):
        missing = template.variables - context.keys()
        if missing:
            raise TemplateContextError(f"第 {number} 份自主聘任表缺少字段：{'、'.join(sorted(missing))}。")

    folder = Path(outdir)
    folder.mkdir(parents=True, exist_ok=True)
    paths = [folder / name for name in names]
    worker_count = workers if workers is not None else (os.cpu_count() or 1)

    with tqdm(total=len(paths), desc="自主聘任表", unit="份", disable=not progress, file=sys.stderr) as bar:
        if len(paths) <= PARALLEL_THRESHOLD or worker_count <= 1:
            for context, path in zip(contexts, paths):
                write_bytes(path, template.render(context))
                bar.update()
            return paths

        tasks = [(context, str(path)) for context, path in zip(contexts, paths)]
        chunk_size = max(1, len(tasks) // (worker_count * 8))
        # Workers start with the platform's default method (fork on Linux
        # with Python 3.11, spawn on Windows and macOS), so a calling script
        # needs the usual ``if __name__ == "__main__":`` guard on spawn.
        with concurrent.futures.ProcessPoolExecutor(
            max_workers=worker_count, initializer=_init_worker, initargs=(str(template.path),)
        ) as executor:
            for _ in executor.map(_render_form_file, tasks, chunksize=chunk_size):
                bar.update()
    return paths


# --------------------------------------------------------------------------
# Merging forms

# docxcompose 2.2's Composer is quadratic in the number of forms. Measured on
# a 2-core container with forms of one sample applicant, 100 forms took 3.6 s
# (36 ms per form) and 1,000 forms 661 s (661 ms per form; another benchmark
# shared the CPU for part of that run). pyinstrument shows why. After every
# append it runs renumber_bookmarks, renumber_docpr_ids and
# renumber_nvpicpr_ids, each a descendant XPath over the whole, growing body.
# Deferring those three passes to the end still left 10.7 ms per form at 100
# and 19.9 ms at 1,000, because Composer.insert places every element with
# body.insert(index), which walks the body's children from the start.
# docxcompose exists to reconcile styles, numbering, relationships and media
# between documents. Forms of one template already share all of them, so
# merge_forms streams each form's body into the first form's package,
# renumbers the ids that must be unique in one document and starts each form
# on a new page. It took 3.5 ms per form at both 100 and 1,000 forms on the
# same container.

# Members that differ between forms of one template. Every other member must
# be identical to the first form's, or the forms cannot share one package.
_PER_FORM_MEMBERS = frozenset({"word/document.xml", "docProps/core.xml", "docProps/app.xml"})
_WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
_PIC = "{http://schemas.openxmlformats.org/drawingml/2006/picture}"
_W14 = "{http://schemas.microsoft.com/office/word/2010/wordml}"
# Children of w:pPr that precede w:pageBreakBefore in the schema.
_BEFORE_PAGE_BREAK = (f"{W}pStyle", f"{W}keepNext", f"{W}keepLines")


class _Form:
    """One form's package: every member's CRC-32 and size, and its document.xml."""

    def __init__(self, source: str | os.PathLike[str] | bytes, number: int, *, read_all: bool = False) -> None:
        data = source if isinstance(source, bytes) else Path(source).read_bytes()
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                infos = archive.infolist()
                self.checksums = {info.filename: (info.CRC, info.file_size) for info in infos}
                self.members = {info.filename: archive.read(info) for info in infos} if read_all else {}
                self.document_xml = archive.read("word/document.xml")
        except (zipfile.BadZipFile, KeyError) as exc:
            raise FormMergeError(f"第 {number} 份自主聘任表不是有效的 Word 文档：{exc}") from exc
        # Serialised w:sectPr of the body, set while merging.
        self.page_setup: bytes | None = None


def _start_on_new_page(body: etree._Element) -> None:
    """Make the first block of ``body`` start a new page."""
    first = body[0] if len(body) else None
    if first is None or first.tag != f"{W}p":
        # A form that starts with a table gets an empty 1 pt paragraph
        # carrying the page break.
        first = etree.Element(f"{W}p")
        run_properties = etree.SubElement(etree.SubElement(first, f"{W}pPr"), f"{W}rPr")
        etree.SubElement(run_properties, f"{W}sz").set(f"{W}val", "2")
        body.insert(0, first)
    properties = first.find(f"{W}pPr")
    if properties is None:
        properties = etree.Element(f"{W}pPr")
        first.insert(0, properties)
    existing = properties.find(f"{W}pageBreakBefore")
    if existing is not None:
        existing.attrib.pop(f"{W}val", None)
        return
    position = 0
    while position < len(properties) and properties[position].tag in _BEFORE_PAGE_BREAK:
        position += 1
    properties.insert(position, etree.Element(f"{W}pageBreakBefore"))


class _IdCounter:
    """Ids that must be unique in one document, renumbered across all forms."""

    def __init__(self) -> None:
        self.bookmark = 0
        self.drawing = 0
        self.content_control = 0

    def renumber(self, body: etree._Element) -> None:
        bookmark_ids: dict[str, str] = {}
        for element in body.iter(f"{W}bookmarkStart", f"{W}bookmarkEnd"):
            old = element.get(f"{W}id")
            if old not in bookmark_ids:
                bookmark_ids[old] = str(self.bookmark)
                self.bookmark += 1
            element.set(f"{W}id", bookmark_ids[old])
        for element in body.iter(f"{_WP}docPr", f"{_PIC}cNvPr"):
            self.drawing += 1
            element.set("id", str(self.drawing))
        for element in body.iter(f"{W}sdtPr"):
            identifier = element.find(f"{W}id")
            if identifier is not None:
                self.content_control += 1
                identifier.set(f"{W}val", str(self.content_control))
        # Word assigns paragraph ids again when they are missing.
        for element in body.iter(f"{W}p", f"{W}tr"):
            element.attrib.pop(f"{_W14}paraId", None)
            element.attrib.pop(f"{_W14}textId", None)


def _split_body(document_xml: bytes) -> tuple[str, str]:
    """Return the text of document.xml up to the end of ``<w:body>`` and from ``</w:body>``."""
    text = document_xml.decode("utf-8")
    start = re.search(r"<w:body\b[^>]*>", text)
    end = text.rfind("</w:body>")
    if start is None or end < 0 or start.group(0).endswith("/>"):
        raise FormMergeError("自主聘任表缺少正文（w:body），无法合并。")
    return text[: start.end()], text[end:]


def merge_forms(
    forms: Sequence[str | os.PathLike[str] | bytes],
    out_path: str | os.PathLike[str],
) -> Path:
    """Merge rendered 自主聘任表 into one document, each form starting on a new page.

    ``forms`` are paths or .docx bytes, all rendered from the same template.
    The first form's styles, page setup and other parts are used for all.
    Raises :class:`FormMergeError` when a form differs from the first one in
    anything but its text. Writes ``out_path`` atomically and returns it.
    """
    if not forms:
        raise ValueError("没有可合并的自主聘任表。")
    first = _Form(forms[0], 1, read_all=True)
    prefix, suffix = _split_body(first.document_xml)
    first_root = etree.fromstring(first.document_xml)
    namespaces = first_root.nsmap
    section = first_root.find(f"{W}body/{W}sectPr")
    counter = _IdCounter()

    with atomic_path(out_path) as temporary, zipfile.ZipFile(temporary, "w") as archive:
        for name, content in first.members.items():
            if name != "word/document.xml":
                archive.writestr(_zip_info(name), content)
                continue
            with archive.open(_zip_info(name), "w") as stream:
                stream.write(prefix.encode("utf-8"))
                for number, source in enumerate(forms, start=1):
                    form = first if number == 1 else _Form(source, number)
                    stream.write(_form_body_xml(form, first, namespaces, counter, number).encode("utf-8"))
                if section is not None:
                    stream.write(etree.tostring(section, encoding="unicode").encode("utf-8"))
                stream.write(suffix.encode("utf-8"))
    return Path(out_path)


def _form_body_xml(
    form: _Form,
    first: _Form,
    namespaces: Mapping[str | None, str],
    counter: _IdCounter,
    number: int,
) -> str:
    """Return the XML of one form's body content, ready to follow the previous form."""
    if form is not first:
        for name in first.checksums.keys() | form.checksums.keys():
            if name not in _PER_FORM_MEMBERS and form.checksums.get(name) != first.checksums.get(name):
                raise FormMergeError(
                    f"第 {number} 份自主聘任表的 {name} 与第 1 份不同，无法合并。所有表格必须由同一模板生成。"
                )
    try:
        root = etree.fromstring(form.document_xml)
    except etree.XMLSyntaxError as exc:
        raise FormMergeError(f"第 {number} 份自主聘任表不是有效的 Word 文档：{exc}") from exc
    body = root.find(f"{W}body")
    # The body's text is written without its start tag, under the first
    # form's document element, so every prefix in scope must be declared there.
    if body is None or body.nsmap != namespaces:
        raise FormMergeError(f"第 {number} 份自主聘任表的 XML 命名空间与第 1 份不同，无法合并。")

    section = body.find(f"{W}sectPr")
    if section is not None:
        body.remove(section)
    page_setup = etree.tostring(section) if section is not None else b""
    if first.page_setup is None:
        first.page_setup = page_setup
    elif page_setup != first.page_setup:
        raise FormMergeError(f"第 {number} 份自主聘任表的页面设置与第 1 份不同，无法合并。所有表格必须由同一模板生成。")
    if number > 1:
        _start_on_new_page(body)
    counter.renumber(body)

    xml = etree.tostring(body, encoding="unicode")
    if xml.endswith("/>"):
        return ""
    return xml[xml.index(">") + 1 : xml.rindex("</w:body>")]


# --------------------------------------------------------------------------
# File names

# Names that Windows reserves for devices, with or without an extension.
_WINDOWS_RESERVED = frozenset(
    {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"}
    | {f"{device}{number}" for device in ("COM", "LPT") for number in "123456789¹²³"}
)
# Characters Windows forbids in file names, besides the controls.
_FORBIDDEN_IN_NAMES = frozenset('<>:"/\\|?*')
# Unicode categories removed from names: controls, format characters such as
# the right-to-left override, surrogates, private use and unassigned code points.
_REMOVED_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Cn"})
MAX_NAME_CHARS = 40


def _clean_name_part(text: str, max_chars: int) -> str:
    characters = []
    for character in unicodedata.normalize("NFC", text):
        category = unicodedata.category(character)
        if category in _REMOVED_CATEGORIES:
            continue
        if character in _FORBIDDEN_IN_NAMES:
            characters.append("_")
        elif character.isspace():
            characters.append(" ")
        else:
            characters.append(character)
    cleaned = re.sub(r" {2,}", " ", "".join(characters))
    cleaned = re.sub(r"\.{2,}", ".", cleaned)
    # Windows drops trailing dots and spaces; a leading dot hides the file.
    cleaned = cleaned.strip(" .")[:max_chars].strip(" .")
    return cleaned


def safe_filename(name: str, id_last4: str, taken: set[str]) -> str:
    """Return ``<姓名>_<证件号码后4位>.docx``, safe on Windows, macOS and Linux.

    Path separators and characters Windows forbids become ``_``. Controls,
    format characters and runs of dots are removed, and the name part is cut
    to ``MAX_NAME_CHARS`` characters. A Windows device name such as ``CON``
    gets a leading ``_``. ``taken`` contains the casefolded names already
    used: a name already in it gets ``_2``, ``_3`` and so on, and the
    returned name's casefold is added to it.

    >>> taken = set()
    >>> safe_filename("张三", "123X", taken), safe_filename("张三", "123X", taken)
    ('张三_123X.docx', '张三_123X_2.docx')
    >>> safe_filename("../CON", "", set())
    '_CON.docx'
    """
    stem = _clean_name_part(name, MAX_NAME_CHARS) or "未命名"
    digits = re.sub(r"[^0-9A-Za-z]", "", unicodedata.normalize("NFKC", id_last4))[-4:].upper()
    base = f"{stem}_{digits}" if digits else stem
    if base.split(".")[0].upper() in _WINDOWS_RESERVED:
        base = f"_{base}"

    candidate = f"{base}.docx"
    number = 2
    while candidate.casefold() in taken:
        candidate = f"{base}_{number}.docx"
        number += 1
    taken.add(candidate.casefold())
    return candidate


# --------------------------------------------------------------------------
# PDF conversion

_SOFFICE_NAMES = ("soffice", "libreoffice")
_SOFFICE_INSTALL_PATHS = (
    r"C:\Program Files\LibreOffice\program\soffice.exe",
    r"C:\Program Files (x86)\LibreOffice\program\soffice.exe",
    "/Applications/LibreOffice.app/Contents/MacOS/soffice",
)
# Files per soffice call. Windows limits a command line to 32,767 characters.
PDF_BATCH_SIZE = 50
# Estimated time limit of one soffice call: start-up plus a generous time per
# document (a form converts in well under a second on a 2-core container).
PDF_TIMEOUT_BASE_SECONDS = 120
PDF_TIMEOUT_PER_FILE_SECONDS = 10

# Fonts of the templates and what LibreOffice uses in their place when they
# are not installed, first installed candidate wins. Without this table
# LibreOffice falls back to a sans-serif CJK font for 仿宋 and to DejaVu for
# Times New Roman, which changes line breaks and column fits.
FONT_SUBSTITUTES = {
    "仿宋": ("FangSong", "仿宋_GB2312", "Noto Serif CJK SC", "Source Han Serif SC"),
    "仿宋_GB2312": ("仿宋", "FangSong", "Noto Serif CJK SC", "Source Han Serif SC"),
    "方正小标宋简体": ("方正小标宋_GBK", "Noto Serif CJK SC", "Source Han Serif SC"),
    "黑体": ("SimHei", "Noto Sans CJK SC", "Source Han Sans SC"),
    "Times New Roman": ("Liberation Serif", "Noto Serif CJK SC"),
}


def find_soffice() -> str:
    """Return the path of LibreOffice's ``soffice``, or raise :class:`LibreOfficeNotFound`."""
    for name in _SOFFICE_NAMES:
        found = shutil.which(name)
        if found:
            return found
    for candidate in _SOFFICE_INSTALL_PATHS:
        if Path(candidate).is_file():
            return candidate
    raise LibreOfficeNotFound()


@functools.lru_cache(maxsize=1)
def _installed_font_families() -> frozenset[str] | None:
    """Return the font families that ``fc-list`` lists, or None without fontconfig."""
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return None
    try:
        result = subprocess.run(
            [fc_list, "--format", "%{family}\n"], capture_output=True, text=True, timeout=60, check=True
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return frozenset(family.strip() for line in result.stdout.splitlines() for family in line.split(","))


def font_replacements() -> list[tuple[str, str]]:
    """Return (font, substitute) pairs for template fonts that are not installed.

    Returns an empty list where fontconfig is missing (Windows, most macOS
    installations); LibreOffice then uses its own fallback.
    """
    families = _installed_font_families()
    if families is None:
        return []
    pairs = []
    for font, substitutes in FONT_SUBSTITUTES.items():
        if font in families:
            continue
        substitute = next((candidate for candidate in substitutes if candidate in families), None)
        if substitute is not None:
            pairs.append((font, substitute))
    return pairs


def _write_font_replacement_table(profile: Path) -> None:
    """Write LibreOffice's font replacement table into a fresh user profile.

    ``Always`` is set because LibreOffice 7.4.7 applied the table in a
    headless conversion only with it. The table lists missing fonts only, so
    an installed font is never replaced.
    """
    pairs = font_replacements()
    if not pairs:
        return
    items = [
        '<item oor:path="/org.openoffice.Office.Common/Font/Substitution">'
        '<prop oor:name="Replacement" oor:op="fuse"><value>true</value></prop></item>'
    ]
    for number, (font, substitute) in enumerate(pairs):
        items.append(
            '<item oor:path="/org.openoffice.Office.Common/Font/Substitution/FontPairs">'
            f'<node oor:name="_{number}" oor:op="replace">'
            '<prop oor:name="Always" oor:op="fuse"><value>true</value></prop>'
            '<prop oor:name="OnScreenOnly" oor:op="fuse"><value>false</value></prop>'
            f'<prop oor:name="ReplaceFont" oor:op="fuse"><value>{xml_escape(font)}</value></prop>'
            f'<prop oor:name="SubstituteFont" oor:op="fuse"><value>{xml_escape(substitute)}</value></prop>'
            "</node></item>"
        )
    user = profile / "user"
    user.mkdir(parents=True, exist_ok=True)
    (user / "registrymodifications.xcu").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<oor:items xmlns:oor="http://openoffice.org/2001/registry" '
        'xmlns:xs="http://www.w3.org/2001/XMLSchema" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n' + "\n".join(items) + "\n</oor:items>\n",
        encoding="utf-8",
    )


def convert_to_pdf(
    paths: Sequence[str | os.PathLike[str]],
    outdir: str | os.PathLike[str],
) -> list[Path]:
    """Convert .docx files to PDF with LibreOffice and return the PDF paths.

    Each PDF is ``outdir / <stem>.pdf``, replacing an existing PDF of that
    name. Every call uses its own temporary LibreOffice profile, so
    parallel runs do not block each other. Raises :class:`LibreOfficeNotFound`
    without LibreOffice and :class:`PdfConversionError` when a PDF is missing
    afterwards or LibreOffice times out.
    """
    sources = [Path(path).resolve() for path in paths]
    stems: dict[str, Path] = {}
    for source in sources:
        if not source.is_file():
            raise FileNotFoundError(f"找不到要转换的文件：{source}")
        if stems.setdefault(source.stem.casefold(), source) != source:
            raise ValueError(f"{stems[source.stem.casefold()]} 与 {source} 会生成同名 PDF，请改名后重试。")
    soffice = find_soffice()
    folder = Path(outdir).resolve()
    folder.mkdir(parents=True, exist_ok=True)
    targets = [folder / f"{source.stem}.pdf" for source in sources]
    for target in targets:
        target.unlink(missing_ok=True)

    with tempfile.TemporaryDirectory(prefix="zcbatch-soffice-") as profile_dir:
        profile = Path(profile_dir)
        _write_font_replacement_table(profile)
        for start in range(0, len(sources), PDF_BATCH_SIZE):
            _run_soffice(soffice, profile, sources[start : start + PDF_BATCH_SIZE], folder)

    missing = [target.name for target in targets if not target.is_file()]
    if missing:
        raise PdfConversionError(f"LibreOffice 未能生成以下 PDF：{'、'.join(missing)}。")
    return targets


def _run_soffice(soffice: str, profile: Path, sources: Sequence[Path], folder: Path) -> None:
    timeout = PDF_TIMEOUT_BASE_SECONDS + PDF_TIMEOUT_PER_FILE_SECONDS * len(sources)
    command = [
        soffice,
        f"-env:UserInstallation={profile.as_uri()}",
        "--headless",
        "--invisible",
        "--nodefault",
        "--nolockcheck",
        "--nologo",
        "--norestore",
        "--convert-to",
        "pdf",
        "--outdir",
        str(folder),
        *(str(source) for source in sources),
    ]
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=timeout, stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired as exc:
        raise PdfConversionError(f"LibreOffice 转换 PDF 超时（{timeout} 秒）：{sources[0].name} 等 {len(sources)} 个文件。") from exc
    if result.returncode != 0:
        detail = (result.stderr or result.stdout).strip()[-500:]
        raise PdfConversionError(f"LibreOffice 转换 PDF 失败（退出码 {result.returncode}）：{detail}")
