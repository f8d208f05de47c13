"""Read a batch of applicants from one or more workbooks.

A batch is one workbook (``.xlsx``, ``.xlsm``, ``.xls`` or ``.ods``), several,
or a folder of them; Office lock files (``~$name.xlsx``) and hidden files are
skipped. Sheets and columns are matched by their labels after trimming spaces
and folding full-width characters, with the synonyms of ``fields.yaml``.
Column order is free and extra columns are kept.

Cells are read with python-calamine exactly as typed, with no type inference
(a text ID never becomes a number). Each data row keeps its file, sheet and
Excel row number so that every finding points at a cell.
"""

from __future__ import annotations

import hashlib
import logging
import os
import posixpath
import queue
import re
import threading
import unicodedata
import zipfile
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import python_calamine

from zcbatch import findings as fd
from zcbatch import normalize
from zcbatch.errors import InputError
from zcbatch.normalize import is_blank
from zcbatch.resources import fields as field_definitions

log = logging.getLogger(__name__)

SPREADSHEET_SUFFIXES = {".xlsx", ".xlsm", ".xls", ".ods"}
# Rows a sheet may hold; more is refused before anything is parsed.
MAX_DATA_ROWS = 1_000_000
# Characters a cell may hold; Excel itself stops at 32,767.
MAX_CELL_CHARS = 32_767
# Rows searched for the header row, so a title line above it is allowed.
HEADER_SEARCH_ROWS = 10


@dataclass
class SourceFile:
    """A workbook of the batch with its SHA-256 and the sheets used from it."""

    path: Path
    sha256: str
    sheets: list[str] = field(default_factory=list)


@dataclass
class RawSheet:
    """One sheet of one workbook: raw cell values under canonical column names.

    ``frame`` holds the cell values as python-calamine returns them, with the
    provenance columns ``_file``, ``_sheet`` and ``_row`` (Excel row number).
    ``letters`` maps each column (canonical or extra) to its Excel letter.
    """

    canonical: str
    file: str
    sheet: str
    frame: pd.DataFrame
    letters: dict[str, str]
    header_row: int
    extras: list[str]
    # For the key/value sheet 单位信息: the Excel row and the 0-based column
    # of each item's value, and the header above the values. The header is ""
    # when the items run across one row, each value under its own name.
    item_rows: dict[str, int] = field(default_factory=dict)
    item_columns: dict[str, int] = field(default_factory=dict)
    value_header: str = "内容"
    # What read_workbook's ``prepare`` returned for this sheet.
    prepared: object = None

    def value_column(self, item: str) -> str:
        """Return the header of the column that holds a 单位信息 item's value: 内容, or the item's name."""
        return self.value_header or item


def column_letter(index: int) -> str:
    """Return the Excel column letter of a 0-based column index.

    >>> column_letter(0), column_letter(25), column_letter(26), column_letter(701)
    ('A', 'Z', 'AA', 'ZZ')
    """
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(ord("A") + remainder) + letters
    return letters


def normalize_label(label: object) -> str:
    """Fold a header or sheet label for matching: NFKC, no spaces, no ``*``.

    >>> normalize_label(" *证件号码 ")
    '证件号码'
    >>> normalize_label("身份证号（必填）")
    '身份证号'
    """
    text = unicodedata.normalize("NFKC", str(label or ""))
    for marker in ("(必填)", "(选填)", "*", "＊"):
        text = text.replace(marker, "")
    return "".join(text.split()).strip("\u200b\ufeff")


def expand_paths(paths: list[str | os.PathLike]) -> list[Path]:
    """Expand files and folders into the workbooks of the batch, each folder sorted by name."""
    if not paths:
        raise InputError("没有指定输入文件。请给出申报信息的 Excel 文件或所在文件夹。")
    found: list[Path] = []
    for item in paths:
        path = Path(item)
        if not path.exists():
            raise InputError(f"找不到输入文件“{path}”。请检查路径和文件名是否正确。")
        if path.is_dir():
            members = sorted(
                child for child in path.iterdir()
                if child.is_file() and child.suffix.lower() in SPREADSHEET_SUFFIXES and not _is_skipped(child)
            )
            if not members:
                raise InputError(
                    f"文件夹“{path}”中没有电子表格（.xlsx、.xlsm、.xls 或 .ods）。"
                    "请把申报信息表放入该文件夹，或直接指定文件。"
                )
            found.extend(members)
        else:
            if _is_skipped(path):
                raise InputError(f"“{path.name}”是 Office 临时锁文件或隐藏文件，不是申报信息表。请指定原始工作簿。")
            found.append(path)
    # A file named twice, or named and inside a named folder, is read once.
    unique: dict[Path, Path] = {}
    for path in found:
        unique.setdefault(path.resolve(), path)
    return list(unique.values())


def _is_skipped(path: Path) -> bool:
    return path.name.startswith("~$") or path.name.startswith(".")


def sha256_of(path: Path) -> str:
    """Return the SHA-256 hex digest of a file, read in chunks."""
    digest = hashlib.sha256()
    with open(path, "rb") as stream:
        for chunk in iter(lambda: stream.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def open_workbook(path: Path) -> python_calamine.CalamineWorkbook:
    """Open a workbook with python-calamine, turning failures into :class:`InputError`."""
    suffix = path.suffix.lower()
    if suffix not in SPREADSHEET_SUFFIXES:
        raise InputError(
            f"“{path.name}”不是支持的电子表格格式（{suffix or '无扩展名'}）。"
            "请另存为 .xlsx 后重试。"
        )
    if path.stat().st_size == 0:
        raise InputError(f"“{path.name}”是空文件（0 字节）。请确认文件已保存完整后重试。")
    try:
        try:
            return python_calamine.CalamineWorkbook.from_path(str(path))
        except (python_calamine.CalamineError, python_calamine.ZipError, python_calamine.XmlError) as error:
            if isinstance(error, python_calamine.PasswordError):
                raise
            # from_path picks the format by extension; WPS and web systems
            # often save an .xls under an .xlsx name. from_filelike detects
            # the format from the content instead.
            with open(path, "rb") as stream:
                workbook = python_calamine.CalamineWorkbook.from_filelike(stream)
            log.info("“%s”的扩展名与内容不符，已按实际格式读取", path.name)
            return workbook
    except python_calamine.PasswordError as error:
        raise InputError(f"“{path.name}”设有打开密码，无法读取。请在 Excel 中取消密码后另存，再重试。") from error
    except (python_calamine.CalamineError, python_calamine.ZipError, python_calamine.XmlError,
            zipfile.BadZipFile, ValueError, OSError) as error:
        raise InputError(
            f"“{path.name}”无法作为电子表格打开（文件可能已损坏，或是改了扩展名的其他文件）。"
            "请用 Excel 或 WPS 打开后另存为 .xlsx，再重试。"
        ) from error


class _Catalogue:
    """Lookup tables built from ``fields.yaml``."""

    def __init__(self) -> None:
        definitions = field_definitions()
        self.sheets: dict[str, dict] = definitions["sheets"]
        self.sheet_by_label: dict[str, str] = {}
        self.column_by_label: dict[str, dict[str, str]] = {}
        for name, sheet in self.sheets.items():
            for label in [name, *sheet.get("synonyms", [])]:
                self.sheet_by_label[normalize_label(label)] = name
            labels: dict[str, str] = {}
            for column in sheet["columns"]:
                for label in [column["name"], *column.get("synonyms", [])]:
                    labels.setdefault(normalize_label(label), column["name"])
            self.column_by_label[name] = labels


_catalogue: _Catalogue | None = None


def catalogue() -> _Catalogue:
    """Return the lookup tables of the input contract, built once."""
    global _catalogue
    if _catalogue is None:
        _catalogue = _Catalogue()
    return _catalogue


def file_labels(files: list[Path]) -> dict[Path, str]:
    """Name each file by its file name, adding parent folders where names repeat.

    Findings point at a file by this label, so two workbooks both called
    申报信息.xlsx in different folders must not share one.

    >>> file_labels([Path("一部/申报信息.xlsx"), Path("二部/申报信息.xlsx"), Path("x/汇总.xlsx")])[Path("二部/申报信息.xlsx")]
    '二部/申报信息.xlsx'
    """
    resolved = {path: path.resolve().parts for path in files}
    labels: dict[Path, str] = {}
    for path, parts in resolved.items():
        depth = 1
        while depth < len(parts) and sum(other[-depth:] == parts[-depth:] for other in resolved.values()) > 1:
            depth += 1
        labels[path] = "/".join(parts[-depth:])
    return labels


def read_workbook(path: Path, label: str | None = None, *,
                  prepare: Callable[[RawSheet], object] | None = None) -> tuple[list[RawSheet], pd.DataFrame]:
    """Read every recognised sheet of one workbook.

    ``label`` names the file in findings and messages (default: the file
    name; see :func:`file_labels`). Returns the raw sheets and the findings
    about the workbook's layout (unknown sheets and columns, duplicate
    headers, hidden sheets). ``prepare``, when given, is called on each sheet
    as soon as it is read, and its result is kept as ``RawSheet.prepared``.

    The sheets are read in worker threads: python-calamine releases the GIL
    while it parses a sheet's XML, and zlib while it inflates the archive
    for :func:`scan_xlsx`, so on two cores one sheet's XML is parsed while
    another sheet is turned into Python values and prepared.
    """
    label = label or path.name
    workbook = open_workbook(path)
    cat = catalogue()
    problems: list[pd.DataFrame] = []
    seen: set[str] = set()
    to_read: list[tuple[str, str]] = []
    try:
        metadata = {meta.name: meta for meta in workbook.sheets_metadata}
        names = workbook.sheet_names
    except Exception:
        workbook.close()
        raise
    for sheet_name in names:
        canonical = cat.sheet_by_label.get(normalize_label(sheet_name))
        if canonical is None:
            if not sheet_name.startswith("_") and sheet_name != "填写说明":
                problems.append(fd.batch_level(
                    rule="SHEET_UNKNOWN", file=label, sheet=sheet_name,
                    message=f"工作表“{sheet_name}”不是申报信息表的组成部分，已忽略。如其中有申报数据，请按模板的工作表名称重命名。",
                ))
            continue
        if canonical in seen:
            problems.append(fd.batch_level(
                rule="SHEET_UNKNOWN", file=label, sheet=sheet_name,
                message=f"工作簿中已有“{canonical}”工作表，“{sheet_name}”已忽略。请把两张表的数据合并到一张表中。",
            ))
            continue
        seen.add(canonical)
        meta = metadata.get(sheet_name)
        if meta is not None and str(meta.visible).split(".")[-1] != "Visible":
            problems.append(fd.batch_level(
                rule="SHEET_HIDDEN", file=label, sheet=sheet_name,
                message=f"工作表“{sheet_name}”是隐藏的，已照常读取。如其中数据不应申报，请删除而不是隐藏。",
            ))
        to_read.append((sheet_name, canonical))

    sheets: list[RawSheet] = []
    workbooks = _Workbooks(path, workbook)
    pool = ThreadPoolExecutor(max_workers=READ_THREADS + 1, thread_name_prefix="zcbatch-read")
    try:
        scans = pool.submit(scan_xlsx, path)
        futures = [pool.submit(_read_sheet, workbooks, scans, label, sheet_name, canonical, prepare)
                   for sheet_name, canonical in to_read]
        for future in futures:
            raw_sheet, sheet_problems = future.result()
            problems.append(sheet_problems)
            if raw_sheet is not None:
                sheets.append(raw_sheet)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
        workbooks.close()
    return sheets, fd.concat(problems)


def _read_sheet(workbooks: _Workbooks, scans: Future, label: str, sheet_name: str, canonical: str,
                prepare: Callable[[RawSheet], object] | None) -> tuple[RawSheet | None, pd.DataFrame]:
    """Read, build and prepare one sheet (in a reading thread)."""
    rows, merged = _read_rows(workbooks, label, sheet_name)
    scan = scans.result().get(sheet_name, SheetScan())
    for (row_index, column_index_), value in scan.errors.items():
        if row_index < len(rows) and column_index_ < len(rows[row_index]):
            rows[row_index][column_index_] = value
    raw_sheet, problems = _build_sheet(label, sheet_name, canonical, rows, merged or [])
    del rows
    if raw_sheet is None:
        return None, problems
    problems = fd.concat([problems, _scan_findings(raw_sheet, scan)])
    if prepare is not None:
        raw_sheet.prepared = prepare(raw_sheet)
    return raw_sheet, problems


# Sheets read at once. A third thread scans the archive (see scan_xlsx).
READ_THREADS = 2


class _Workbooks:
    """Open workbooks of one file, lent to one reading thread at a time.

    A python-calamine workbook cannot read two sheets at once, so a second
    thread opens the file a second time.
    """

    def __init__(self, path: Path, first: python_calamine.CalamineWorkbook) -> None:
        self._path = path
        self._free: queue.SimpleQueue = queue.SimpleQueue()
        self._free.put(first)
        self._opened = [first]
        self._lock = threading.Lock()

    @contextmanager
    def borrow(self):
        try:
            workbook = self._free.get_nowait()
        except queue.Empty:
            workbook = open_workbook(self._path)
            with self._lock:
                self._opened.append(workbook)
        try:
            yield workbook
        finally:
            self._free.put(workbook)

    def close(self) -> None:
        with self._lock:
            for workbook in self._opened:
                workbook.close()


def _read_rows(workbooks: _Workbooks, label: str, sheet_name: str) -> tuple[list[list[object]], list]:
    """Return the cell values and merged ranges of one sheet."""
    with workbooks.borrow() as workbook:
        try:
            sheet = workbook.get_sheet_by_name(sheet_name)
            rows = sheet.to_python(skip_empty_area=False, nrows=MAX_DATA_ROWS + HEADER_SEARCH_ROWS + 1)
            merged = sheet.merged_cell_ranges
        except (python_calamine.CalamineError, ValueError) as error:
            raise InputError(
                f"“{label}”的工作表“{sheet_name}”无法读取（{error}）。请用 Excel 打开后另存为 .xlsx，再重试。"
            ) from error
    if len(rows) > MAX_DATA_ROWS + HEADER_SEARCH_ROWS:
        raise InputError(
            f"“{label}”的工作表“{sheet_name}”超过 {MAX_DATA_ROWS:,} 行，超出一次处理的上限。"
            "请按部门拆分为多个工作簿放在同一文件夹中再处理。"
        )
    return rows, merged


_CELL_TAG = re.compile(rb'<c\s([^>]*?)(?:/>|>(.*?)</c>)', re.S)
_ATTRIBUTE = re.compile(rb'(\w+)="([^"]*)"')
_VALUE = re.compile(rb"<v>([^<]*)</v>")
_FORMULA = re.compile(rb"<f(?:\s[^>]*)?(?:/>|>([^<]*)</f>)")
_HIDDEN_ROW = re.compile(rb'<row\s[^>]*?\bhidden="(?:1|true)"[^>]*>')
_HIDDEN_COLUMNS = re.compile(rb'<col\s[^>]*?\bhidden="(?:1|true)"[^>]*/?>')


@dataclass
class SheetScan:
    """What python-calamine does not report about one .xlsx sheet (0-based positions)."""

    # Error-value cells (#N/A, #DIV/0! …), which python-calamine reads as blank.
    errors: dict[tuple[int, int], str] = field(default_factory=dict)
    # Formula cells saved without a computed value, which read as blank; the
    # value is the formula text ("" for a cell that shares another's formula).
    unevaluated: dict[tuple[int, int], str] = field(default_factory=dict)
    hidden_rows: set[int] = field(default_factory=set)
    hidden_columns: set[int] = field(default_factory=set)


def xlsx_error_cells(path: Path) -> dict[str, dict[tuple[int, int], str]]:
    """Return the error-value cells (``#N/A``, ``#DIV/0!`` …) of each sheet of an .xlsx.

    Keys are sheet names, then 0-based (row, column). Other formats return ``{}``.
    """
    return {name: scan.errors for name, scan in scan_xlsx(path).items() if scan.errors}


def scan_xlsx(path: Path) -> dict[str, SheetScan]:
    """Scan the sheet XML of an .xlsx (or .xlsm) for what python-calamine hides.

    python-calamine reads an error cell and a formula saved without its
    result as blank, so a broken formula would look like an empty cell. It
    does not report hidden rows and columns either, so their data would be
    read unnoticed. The file is recognised by its zip content, whatever its
    extension.
    Other formats and unreadable archives return ``{}``.
    """
    if not zipfile.is_zipfile(path):
        return {}
    try:
        with zipfile.ZipFile(path) as archive:
            workbook = archive.read("xl/workbook.xml")
            relations = archive.read("xl/_rels/workbook.xml.rels")
            targets = {
                dict(_ATTRIBUTE.findall(match)).get(b"Id"): dict(_ATTRIBUTE.findall(match)).get(b"Target")
                for match in re.findall(rb"<Relationship\s([^>]*)/?>", relations)
            }
            result: dict[str, SheetScan] = {}
            for match in re.findall(rb"<sheet\s([^>]*)/?>", workbook):
                attributes = dict(_ATTRIBUTE.findall(match))
                name = _xml_unescape(attributes.get(b"name", b"").decode("utf-8"))
                relation = next((value for key, value in attributes.items() if key.endswith(b"id")), None)
                target = targets.get(relation)
                if not target:
                    continue
                target_text = target.decode("utf-8")
                member = target_text.lstrip("/") if target_text.startswith("/") else posixpath.normpath(posixpath.join("xl", target_text))
                result[name] = _scan_sheet(archive.read(member))
            return result
    except (KeyError, zipfile.BadZipFile, OSError, UnicodeDecodeError):
        return {}


def _scan_sheet(data: bytes) -> SheetScan:
    scan = SheetScan()
    # Searching for the attribute first skips the regular expressions, which
    # visit every row tag, in the usual sheet without hidden rows or columns.
    if b'hidden="' not in data:
        return _scan_cells(data, scan)
    for row in _HIDDEN_ROW.finditer(data):
        number = dict(_ATTRIBUTE.findall(row.group(0))).get(b"r")
        if number and number.isdigit():
            scan.hidden_rows.add(int(number) - 1)
    for columns in _HIDDEN_COLUMNS.finditer(data):
        attributes = dict(_ATTRIBUTE.findall(columns.group(0)))
        first, last = attributes.get(b"min", b""), attributes.get(b"max", b"")
        if first.isdigit() and last.isdigit():
            # A hidden range may run to column 16384; only the first columns can hold data.
            scan.hidden_columns.update(range(int(first) - 1, min(int(last), int(first) + 1000)))
    return _scan_cells(data, scan)


def _scan_cells(data: bytes, scan: SheetScan) -> SheetScan:
    """Add the error-value cells and the formulas saved without a value to ``scan``."""
    if b't="e"' not in data and b"<f" not in data:
        return scan
    for cell in _CELL_TAG.finditer(data):
        content = cell.group(2)
        if not content:
            continue
        cell_attributes = dict(_ATTRIBUTE.findall(cell.group(1)))
        reference = cell_attributes.get(b"r", b"").decode("ascii")
        parts = re.fullmatch(r"([A-Z]+)(\d+)", reference)
        if not parts:
            continue
        position = (int(parts.group(2)) - 1, column_index(parts.group(1)))
        value = _VALUE.search(content)
        if cell_attributes.get(b"t") == b"e":
            if value:
                scan.errors[position] = value.group(1).decode("utf-8")
            continue
        formula = _FORMULA.search(content)
        # A formula whose result is the empty text is saved as t="str" with
        # an empty value; any other formula without a value was never computed.
        if formula and not (value and value.group(1)) and cell_attributes.get(b"t") != b"str":
            scan.unevaluated[position] = _xml_unescape((formula.group(1) or b"").decode("utf-8"))
    return scan


def _scan_findings(raw: RawSheet, scan: SheetScan) -> pd.DataFrame:
    """Report the hidden rows and columns and the uncomputed formulas of a read sheet."""
    if raw.item_rows:
        return _unit_scan_findings(raw, scan)
    problems: list[pd.DataFrame] = []
    name_by_letter = {letter: name for name, letter in raw.letters.items()}
    if not scan.unevaluated and not scan.hidden_rows and not scan.hidden_columns:
        return fd.empty()
    rows = raw.frame.set_index(fd.SRC_ROW, drop=False)
    key = normalize.clean_id(rows["证件号码"])[0].astype(object) if "证件号码" in rows else None
    for (row_index, column_position), formula in sorted(scan.unevaluated.items()):
        name = name_by_letter.get(column_letter(column_position))
        if name is None or row_index + 1 not in rows.index:
            continue
        selected = rows.loc[[row_index + 1]]
        problems.append(fd.frame(selected, rule="CELL_FORMULA", column=name, message=_unevaluated_message(name, formula),
                                 key=key.loc[[row_index + 1]] if key is not None else None))
    hidden = rows[rows[fd.SRC_ROW].isin([index + 1 for index in scan.hidden_rows])]
    if not hidden.empty:
        problems.append(fd.frame(
            hidden, rule="SHEET_HIDDEN", column=None, key=key.loc[hidden.index] if key is not None else None,
            message="第 " + hidden[fd.SRC_ROW].astype(str) + " 行是隐藏行，已照常读取。如该行数据不应申报，请删除该行而不是隐藏。",
        ))
    for position in sorted(scan.hidden_columns):
        name = name_by_letter.get(column_letter(position))
        if name is not None:
            problems.append(fd.batch_level(
                rule="SHEET_HIDDEN", file=raw.file, sheet=raw.sheet, row=raw.header_row, column=name,
                message=f"“{name}”列（{column_letter(position)}列）是隐藏列，已照常读取。如该列数据不应申报，请删除该列而不是隐藏。",
            ))
    return fd.concat(problems)


def _unit_scan_findings(raw: RawSheet, scan: SheetScan) -> pd.DataFrame:
    """Report the uncomputed formulas and the hidden rows and columns of 单位信息's value cells."""
    problems: list[pd.DataFrame] = []
    item_by_cell = {(raw.item_rows[name] - 1, raw.item_columns[name]): name for name in raw.item_rows}
    for cell, formula in sorted(scan.unevaluated.items()):
        if cell in item_by_cell:
            name = item_by_cell[cell]
            problems.append(fd.batch_level(
                rule="CELL_FORMULA", file=raw.file, sheet=raw.sheet, row=cell[0] + 1,
                column=raw.value_column(name), message=_unevaluated_message(name, formula),
            ))
    for (row_index, position), name in item_by_cell.items():
        if row_index in scan.hidden_rows or position in scan.hidden_columns:
            where = f"第 {row_index + 1} 行" if row_index in scan.hidden_rows else f"{column_letter(position)}列"
            problems.append(fd.batch_level(
                rule="SHEET_HIDDEN", file=raw.file, sheet=raw.sheet, row=row_index + 1, column=raw.value_column(name),
                message=f"单位信息“{name}”所在的{where}是隐藏的，已照常读取。如该项内容不应使用，请改正或删除，而不是隐藏。",
            ))
    return fd.concat(problems)


def _unevaluated_message(name: str, formula: str) -> str:
    shown = f"“={formula}”" if formula else "（与相邻单元格共用的公式）"
    return (f"“{name}”单元格是公式{shown}，但文件中没有保存计算结果（常见于由程序生成、未用 Excel 保存过的文件），"
            "已按空值读取。请用 Excel 或 WPS 打开该文件并保存后重试，或直接填写数值。")


def _xml_unescape(text: str) -> str:
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace("&apos;", "'").replace("&amp;", "&")


def column_index(letters: str) -> int:
    """Return the 0-based index of an Excel column letter.

    >>> column_index("A"), column_index("AA")
    (0, 26)
    """
    index = 0
    for letter in letters:
        index = index * 26 + ord(letter) - ord("A") + 1
    return index - 1


def _fill_merged(rows: list[list[object]], merged: list) -> None:
    """Copy each merged range's top-left value into every cell of the range."""
    for (top, left), (bottom, right) in merged:
        if top >= len(rows):
            continue
        value = rows[top][left] if left < len(rows[top]) else ""
        for row_index in range(top, min(bottom, len(rows) - 1) + 1):
            row = rows[row_index]
            for column_index in range(left, min(right, len(row) - 1) + 1):
                row[column_index] = value


def _find_header(rows: list[list[object]], labels: dict[str, str]) -> int | None:
    best, best_hits = None, 0
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        hits = sum(1 for cell in row if normalize_label(cell) in labels)
        if hits > best_hits:
            best, best_hits = index, hits
    return best if best_hits >= 2 or (best_hits == 1 and len(labels) <= 4) else None


def _build_sheet(file: str, sheet_name: str, canonical: str, rows: list[list[object]],
                 merged: list) -> tuple[RawSheet | None, pd.DataFrame]:
    cat = catalogue()
    definition = cat.sheets[canonical]
    problems: list[pd.DataFrame] = []
    if merged:
        _fill_merged(rows, merged)

    if definition.get("layout") == "key_value":
        return _build_key_value_sheet(file, sheet_name, canonical, rows)

    labels = cat.column_by_label[canonical]
    header_index = _find_header(rows, labels)
    if header_index is None and not any(normalize_label(cell) for row in rows for cell in row):
        # A blank tab left in the workbook holds no data to lose; a missing
        # required sheet is reported when the batch is put together.
        return None, fd.batch_level(
            rule="SHEET_UNKNOWN", file=file, sheet=sheet_name,
            message=f"工作表“{sheet_name}”是空的，已跳过。如该表应有数据，请按模板的列名填写。",
        )
    if header_index is None:
        expected = "、".join(column["name"] for column in definition["columns"][:6])
        raise InputError(
            f"“{file}”的工作表“{sheet_name}”中找不到表头（前 {HEADER_SEARCH_ROWS} 行没有可识别的列名）。"
            f"第一行应为列名，例如：{expected}……。请用 zcbatch template 生成的模板填写。"
        )
    header = rows[header_index]
    header_row = header_index + 1

    names: list[str] = []
    letters: dict[str, str] = {}
    extras: list[str] = []
    for position, cell in enumerate(header):
        label = normalize_label(cell)
        letter = column_letter(position)
        if not label:
            names.append(f"_blank_{position}")
            continue
        canonical_column = labels.get(label)
        if canonical_column is None:
            name = str(cell).strip()
            if name in letters:
                name = f"{name}（{letter}列）"
            extras.append(name)
            names.append(name)
            letters[name] = letter
            problems.append(fd.batch_level(
                rule="HEADER_UNKNOWN", file=file, sheet=sheet_name, row=header_row, column=f"{name}（{letter}列）",
                message=f"列“{name}”不是模板中的列，已原样保留，不参与检查。如是模板列的别名，请改为模板列名。",
            ))
        elif canonical_column in letters:
            kept = letters[canonical_column]
            name = f"{canonical_column}（{letter}列）"
            extras.append(name)
            names.append(name)
            letters[name] = letter
            problems.append(fd.batch_level(
                rule="HEADER_DUPLICATE", file=file, sheet=sheet_name, row=header_row, column=f"{canonical_column}（{letter}列）",
                message=f"“{canonical_column}”列出现了两次（{kept}列和{letter}列），按{kept}列读取，{letter}列已原样保留。请删除多余的一列。",
            ))
        else:
            names.append(canonical_column)
            letters[canonical_column] = letter

    data = rows[header_index + 1:]
    width = len(names)
    if data:
        frame = pd.DataFrame(data, dtype=object)
        if frame.shape[1] < width:
            for position in range(frame.shape[1], width):
                frame[position] = ""
        frame = frame.iloc[:, :width]
        frame.columns = names
    else:
        frame = pd.DataFrame(columns=names, dtype=object)
    for name in [name for name in frame.columns if name.startswith("_blank_")]:
        filled = int((~(frame[name].eq("") | frame[name].isna())).sum())
        if filled:
            letter = column_letter(int(name.removeprefix("_blank_")))
            problems.append(fd.batch_level(
                rule="HEADER_UNKNOWN", file=file, sheet=sheet_name, row=header_row, column=f"（{letter}列）",
                message=f"{letter}列有 {filled} 个单元格有内容，但第 {header_row} 行的列名为空，该列未读取。"
                "如该列是申报数据，请填写列名。",
            ))
    frame = frame[[name for name in names if not name.startswith("_blank_")]]
    frame[fd.SRC_ROW] = range(header_row + 1, header_row + 1 + len(frame))
    frame[fd.SRC_FILE] = file
    frame[fd.SRC_SHEET] = sheet_name

    # Rows with values only in extra columns, such as a 序号 column numbered
    # down the whole sheet in advance, contain no applicant data.
    content = [name for name in frame.columns if not name.startswith("_") and name not in extras]
    blank_row = _blank_rows(frame[content]) if content else pd.Series(True, index=frame.index)
    frame = frame[~blank_row].reset_index(drop=True)
    return RawSheet(canonical, file, sheet_name, frame, letters, header_row, extras), fd.concat(problems)


def _blank_rows(frame: pd.DataFrame) -> pd.Series:
    """Mark rows whose every cell is empty or holds only whitespace and invisible characters.

    python-calamine reads blank cells as ``""``. A cell holding only a space
    or a zero-width character looks blank in Excel too.
    """
    blank = pd.Series(True, index=frame.index)
    # A data row leaves the search at its first cell with content, so this
    # costs about one column's worth of string work.
    for name in frame.columns:
        if not blank.any():
            break
        cells = frame.loc[blank, name]
        blank[cells.index[~is_blank(cells)]] = False
    return blank


def _build_key_value_sheet(file: str, sheet_name: str, canonical: str,
                           rows: list[list[object]]) -> tuple[RawSheet, pd.DataFrame]:
    """Read the 单位信息 sheet into a one-column-per-item frame, and report labels that name no item.

    The template lists the items down column A with their values in column
    B (项目 | 内容). A sheet that names the items across one row, each value
    in the cell below its name, is read the same way. A sheet that does
    both, or whose values are on several rows, is rejected: either reading
    would take one item's name or note for another's value.
    """
    labels = _item_labels(canonical)
    items_down = {index for index, row in enumerate(rows) if row and labels(row[0]) is not None}
    across = _rows_naming_items(rows, labels)
    if across and items_down - set(across):
        across_rows = "、".join(str(index + 1) for index in sorted(across))
        raise InputError(
            f"“{file}”的工作表“{sheet_name}”第 {across_rows} 行横向列出了多个单位信息项目，其他行又在 A 列竖向列出项目，"
            "无法确定每项的内容在哪个单元格。请按模板竖排（A 列为项目名称，B 列为内容），"
            "或全部横排（一行为项目名称，下一行为内容）。"
        )
    if across:
        header_index = max(across, key=lambda index: len(across[index]))
        return _build_items_across(file, sheet_name, canonical, rows, labels, header_index, across[header_index])
    values: dict[str, object] = {}
    item_rows: dict[str, int] = {}
    unknown: list[tuple[str, int, int]] = []
    for index, row in enumerate(rows):
        if not row or normalize_label(row[0]) in ("项目", ""):
            continue
        name = labels(row[0])
        if name is None:
            unknown.append((str(row[0]).strip(), index + 1, 0))
        # NOTE: an item listed twice keeps its first value without a finding.
        elif name not in values:
            values[name] = row[1] if len(row) > 1 else ""
            item_rows[name] = index + 1
    sheet = _key_value_sheet(file, sheet_name, canonical, values, {name: 1 for name in values}, item_rows, "内容")
    return sheet, _unknown_items(file, sheet_name, unknown)


def _item_labels(canonical: str) -> Callable[[object], str | None]:
    """Return a function that gives the item a 单位信息 label names, or None.

    A label may end in a colon, as in 单位名称：.
    """
    labels = catalogue().column_by_label[canonical]
    return lambda cell: labels.get(normalize_label(cell).rstrip(":"))


def _unknown_items(file: str, sheet_name: str, unknown: list[tuple[str, int, int]]) -> pd.DataFrame:
    """Report 单位信息 labels that name no item (label, Excel row, 0-based column)."""
    return fd.concat(
        fd.batch_level(
            rule="HEADER_UNKNOWN", file=file, sheet=sheet_name, row=row, column=f"{label}（{column_letter(column)}列）",
            message=f"“{label}”不是单位信息模板中的项目，未读取。如是模板项目的别名，请改为模板中的项目名称。",
        )
        for label, row, column in unknown
    )


def _rows_naming_items(rows: list[list[object]], labels: Callable[[object], str | None]) -> dict[int, dict[str, int]]:
    """Return the rows that name two or more items across their cells, with each item's column."""
    found: dict[int, dict[str, int]] = {}
    for index, row in enumerate(rows):
        columns: dict[str, int] = {}
        for position, cell in enumerate(row):
            name = labels(cell)
            if name is not None and name not in columns:
                columns[name] = position
        if len(columns) >= 2:
            found[index] = columns
    return found


def _build_items_across(file: str, sheet_name: str, canonical: str, rows: list[list[object]],
                        labels: Callable[[object], str | None], header_index: int,
                        columns: dict[str, int]) -> tuple[RawSheet, pd.DataFrame]:
    """Read a 单位信息 sheet whose item names run across one row, each value in the cell below.

    The values are on the only row below the names that has any. Blank rows
    in between are skipped, and several filled rows are rejected.

    NOTE: a value that is a formula without a saved result reads as blank, so
    a row of such values with a note row below it is misread: the note row
    is taken as the values.
    """
    def has_value(row: list[object]) -> bool:
        cells = [row[position] for position in columns.values() if position < len(row)]
        return any(cell is not None and normalize_label(str(cell)) for cell in cells)

    filled = [index for index in range(header_index + 1, len(rows)) if has_value(rows[index])]
    if len(filled) > 1:
        listed = "、".join(str(index + 1) for index in filled)
        raise InputError(
            f"“{file}”的工作表“{sheet_name}”横排单位信息，但项目名称（第 {header_index + 1} 行）下方第 {listed} 行都有内容，"
            "无法确定哪一行是单位信息。请把各项内容填在项目名称下方的同一行，删去说明文字，"
            "或按模板竖排（A 列为项目名称，B 列为内容）。"
        )
    value_index = filled[0] if filled else header_index + 1
    value_row = rows[value_index] if value_index < len(rows) else []
    values = {name: value_row[position] if position < len(value_row) else None for name, position in columns.items()}
    unknown = [(str(cell).strip(), header_index + 1, position) for position, cell in enumerate(rows[header_index])
               if normalize_label(cell) not in ("", "项目", "内容") and labels(cell) is None]
    item_rows = dict.fromkeys(columns, value_index + 1)
    sheet = _key_value_sheet(file, sheet_name, canonical, values, columns, item_rows, "")
    return sheet, _unknown_items(file, sheet_name, unknown)


def _key_value_sheet(file: str, sheet_name: str, canonical: str, values: dict[str, object], columns: dict[str, int],
                     item_rows: dict[str, int], value_header: str) -> RawSheet:
    frame = pd.DataFrame([values], dtype=object) if values else pd.DataFrame([{}], dtype=object)
    frame[fd.SRC_FILE] = file
    frame[fd.SRC_SHEET] = sheet_name
    frame[fd.SRC_ROW] = 0
    letters = {name: column_letter(position) for name, position in columns.items()}
    return RawSheet(canonical, file, sheet_name, frame, letters, 0, [], item_rows, columns, value_header)
