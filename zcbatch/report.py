"""The review workbook 审核结果.xlsx: summary, applicants, findings, annotated input.

Sheets:

- 汇总: counts per status, level and tier, the policy and dates used, the
  unit-level problems, and the charts.
- 人员明细: one row per applicant with status, tier, work years, earliest
  date and every computed field, and the file and row of the applicant in
  the input, which holds the other columns (a complete report also copies
  them into 标注_个人信息).
- 问题清单: one row per finding, most serious first, with autofilter.
- 标注_<sheet>: a copy of each input sheet where each cell with a finding is
  filled (red for 错误, yellow for 警告) and carries the messages as a comment.

A batch of more than :data:`FULL_REPORT_ROWS` applicants is abridged, because
an analyst works through the problem rows and a second copy of 100,000 clean
rows would cost more to write than the rest of the report. 人员明细 then lists
the applicants with an error or warning. The annotated copies contain the
input rows with an error or warning, each under its original row number, and
go to a workbook of their own (审核结果_标注.xlsx), written by a child process
at the same time. 问题清单 still lists every finding, and the summary and both
sheets say how many rows were left out. ``full_rows=None`` writes every row.

Every text is written as a string cell, so a value beginning with ``=``,
``+``, ``-`` or ``@`` stays inert text, and characters that the .xlsx format
cannot hold are replaced by U+FFFD so they remain visible.
"""

from __future__ import annotations

import datetime as dt
import math
import os
import re
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import numpy as np
import pandas as pd
import xlsxwriter
import xlsxwriter.exceptions

from zcbatch import findings as fd
from zcbatch.atomic import atomic_path
from zcbatch.background import Background
from zcbatch.codes import ERROR, RULES, STATUSES, WARNING
from zcbatch.evaluate import APPLICANT_COLUMNS
from zcbatch.reader import catalogue, column_index

REPORT_NAME = "审核结果.xlsx"
# Errors without an applicant listed on the 汇总 sheet; the rest are in 问题清单.
SUMMARY_UNIT_ERRORS = 20
# Applicants up to which 人员明细 and the annotated copies contain every row.
FULL_REPORT_ROWS = 20_000
# Chinese characters per line of the wrapped note in columns B to G of 汇总.
NOTE_CHARACTERS_PER_LINE = 34
# Excel's limit on the characters of one cell.
EXCEL_CELL_LIMIT = 32_767
_UNWRITABLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")

STATUS_COLOURS = {"可聘任": "#C6EFCE", "需补充材料": "#FFEB9C", "不符合条件": "#FFC7CE", "数据错误": "#D9D9D9"}
SEVERITY_COLOURS = {ERROR: "#FFC7CE", WARNING: "#FFEB9C", "提示": "#DDEBF7"}
ANNOTATION_FILL = {ERROR: "#FF9999", WARNING: "#FFE066"}


def safe_text(value: object) -> str:
    """Return ``value`` as text that an .xlsx cell can hold.

    >>> safe_text("a\\x01b")
    'a\\ufffdb'
    """
    text = "" if value is None else str(value)
    text = _UNWRITABLE.sub("\ufffd", text)
    if len(text) > EXCEL_CELL_LIMIT:
        text = text[: EXCEL_CELL_LIMIT - 1] + "…"
    return text


class _Writer:
    """Typed cell writing with shared formats."""

    def __init__(self, workbook: xlsxwriter.Workbook) -> None:
        self.workbook = workbook
        self.header = workbook.add_format({"bold": True, "bg_color": "#1F4E78", "font_color": "#FFFFFF", "border": 1,
                                           "text_wrap": True, "valign": "vcenter", "font_name": "宋体"})
        self.date = workbook.add_format({"num_format": "yyyy-mm-dd"})
        self.title = workbook.add_format({"bold": True, "font_size": 16})
        self.bold = workbook.add_format({"bold": True})
        self.bold_top = workbook.add_format({"bold": True, "valign": "top"})
        self.wrap = workbook.add_format({"text_wrap": True, "valign": "top"})
        self.fills = {name: workbook.add_format({"bg_color": colour}) for name, colour in {**STATUS_COLOURS, **SEVERITY_COLOURS}.items()}
        self.annotation = {name: workbook.add_format({"bg_color": colour}) for name, colour in ANNOTATION_FILL.items()}
        self.annotation_dates = {name: workbook.add_format({"bg_color": colour, "num_format": "yyyy-mm-dd"})
                                 for name, colour in ANNOTATION_FILL.items()}

    def cell(self, sheet, row: int, column: int, value: object, cell_format=None, date_format=None) -> None:
        # Most cells are text or finite numbers, so they are handled first.
        kind = type(value)
        if kind is str:
            sheet.write_string(row, column, safe_text(value), cell_format)
            return
        if kind is float and math.isfinite(value):
            sheet.write_number(row, column, value, cell_format)
            return
        if kind is dt.datetime:
            sheet.write_datetime(row, column, value, date_format or self.date)
            return
        if kind is dt.date:
            sheet.write_datetime(row, column, dt.datetime(value.year, value.month, value.day), date_format or self.date)
            return
        if value is None or value is pd.NA or value is pd.NaT:
            if cell_format is not None:
                sheet.write_blank(row, column, None, cell_format)
            return
        if isinstance(value, float) and math.isnan(value):
            if cell_format is not None:
                sheet.write_blank(row, column, None, cell_format)
            return
        if isinstance(value, (pd.Timestamp, dt.datetime, dt.date)):
            moment = pd.Timestamp(value).to_pydatetime()
            sheet.write_datetime(row, column, moment, date_format or self.date)
            return
        if isinstance(value, (bool, np.bool_)):
            sheet.write_string(row, column, "是" if value else "否", cell_format)
            return
        if isinstance(value, (int, float, np.integer, np.floating)):
            if math.isfinite(float(value)):
                sheet.write_number(row, column, float(value), cell_format)
            else:
                sheet.write_string(row, column, str(value), cell_format)
            return
        sheet.write_string(row, column, safe_text(value), cell_format)


def write_report(result, path: str | os.PathLike, *,
                 charts: dict[str, Path] | Callable[[], dict[str, Path]] | None = None,
                 full_rows: int | None = FULL_REPORT_ROWS) -> Path:
    """Write 审核结果.xlsx for an evaluation result and return its path.

    ``charts`` maps chart titles to PNG files for the 汇总 sheet. It may
    also be a function returning that mapping: it is called after the other
    sheets are written, so the charts can be drawn meanwhile. ``full_rows``
    is the number of applicants up to which every row is written (``None``:
    always); see :func:`is_abridged`. An abridged report leaves the
    annotated copies to :func:`write_annotated`, which writes them to
    :func:`annotated_path` in a child process at the same time.
    """
    path = Path(path)
    abridged = is_abridged(result, full_rows)
    companion = Background(write_annotated, result, annotated_path(path), full_rows) if abridged else None
    written = False
    try:
        with _report_workbook(path) as (workbook, writer):
            # 汇总 comes first in the workbook but is filled last, when the charts are ready.
            summary = workbook.add_worksheet("汇总")
            _applicant_sheet(workbook, writer, result.applicants, abridged)
            _findings_sheet(workbook, writer, result.findings)
            if not abridged:
                for sheet_name in result.batch.raw:
                    _annotated_sheet(workbook, writer, result, sheet_name, abridged)
            _summary_sheet(summary, writer, result, (charts() if callable(charts) else charts) or {}, abridged, full_rows)
        written = True
        if companion is not None:
            companion.result()
    except BaseException:
        # The report and its annotated workbook are written both or neither.
        if companion is not None and companion.cancel():
            annotated_path(path).unlink(missing_ok=True)
        if written:
            path.unlink(missing_ok=True)
        raise
    return path


def write_annotated(result, path: str | os.PathLike, full_rows: int | None = FULL_REPORT_ROWS) -> Path:
    """Write only the annotated copies of the input sheets (标注_…) to ``path``.

    For an abridged batch (see :func:`is_abridged`) each copy contains only
    the input rows with an error or warning.
    """
    path = Path(path)
    abridged = is_abridged(result, full_rows)
    with _report_workbook(path) as (workbook, writer):
        for sheet_name in result.batch.raw:
            _annotated_sheet(workbook, writer, result, sheet_name, abridged)
    return path


def annotated_path(report: str | os.PathLike) -> Path:
    """Return where the annotated copies of an abridged report go, beside the report.

    >>> annotated_path("输出/审核结果.xlsx").as_posix()
    '输出/审核结果_标注.xlsx'
    """
    report = Path(report)
    return report.with_name(f"{report.stem}_标注{report.suffix}")


@contextmanager
def _report_workbook(path: Path) -> Iterator[tuple[xlsxwriter.Workbook, _Writer]]:
    """Yield a constant-memory workbook and its writer; the file appears at ``path`` when complete."""
    path.parent.mkdir(parents=True, exist_ok=True)
    # xlsxwriter keeps each sheet's rows in a scratch file until close(); an
    # exception before that would leave them (full ID numbers included) in
    # the output folder, so they live in a folder removed on any exit.
    with atomic_path(path) as temporary, tempfile.TemporaryDirectory(
        prefix=".zcbatch-", dir=path.parent, ignore_cleanup_errors=True
    ) as scratch:
        # constant_memory writes each row out as soon as the next one starts,
        # so the sheets must be written in row order. It keeps memory flat and
        # skips the shared-string table, whose cost grows with the batch.
        workbook = xlsxwriter.Workbook(str(temporary), {
            "strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False,
            "nan_inf_to_errors": False, "tmpdir": scratch, "constant_memory": True,
        })
        workbook.set_properties({"title": "职称自主聘任审核结果", "created": dt.datetime(2000, 1, 1)})
        yield workbook, _Writer(workbook)
        try:
            workbook.close()
        except xlsxwriter.exceptions.FileCreateError as error:
            # xlsxwriter wraps the system error, such as a full disk, which the caller explains.
            cause = error.args[0] if error.args and isinstance(error.args[0], OSError) else None
            if cause is None:
                raise
            raise cause from error


def is_abridged(result, full_rows: int | None = FULL_REPORT_ROWS) -> bool:
    """Tell whether the report of ``result`` lists only the rows with problems."""
    return full_rows is not None and len(result.applicants) > full_rows


def problem_applicants(applicants: pd.DataFrame) -> pd.Series:
    """Mark the applicants with at least one error or warning."""
    return (applicants["错误数"] > 0) | (applicants["警告数"] > 0)


def abridged_note(result, full_rows: int = FULL_REPORT_ROWS) -> str:
    """Say what an abridged report leaves out, for the summary and the command line."""
    total = len(result.applicants)
    listed = int(problem_applicants(result.applicants).sum())
    return (f"批次共 {total:,} 人，超过 {full_rows:,} 人：“人员明细”只列出有错误或警告的 {listed:,} 人，"
            f"其余 {total - listed:,} 人没有任何错误或警告；输入表的标注副本只含有错误或警告的行，"
            f"另存为“{annotated_path(REPORT_NAME).name}”。需要全部名单时，加 --all-rows 重新运行。")


class _InRowOrder:
    """A worksheet whose cell writes are buffered and written in row order on :meth:`flush`.

    In constant_memory mode xlsxwriter drops a write to a row above the last
    one written. The 汇总 sheet puts chart titles beside rows it wrote before,
    so it buffers its writes.
    """

    def __init__(self, sheet) -> None:
        self._sheet = sheet
        self._writes: list[tuple] = []

    def __getattr__(self, name: str):
        attribute = getattr(self._sheet, name)
        if not name.startswith(("write", "merge_range", "set_row")):
            return attribute

        def buffered(row: int, *args, **kwargs) -> int:
            # A row's height is set before its cells are written.
            column = -1 if name == "set_row" else args[0]
            self._writes.append((row, column, len(self._writes), attribute, args, kwargs))
            return 0

        return buffered

    def flush(self) -> None:
        for row, _, _, method, args, kwargs in sorted(self._writes, key=lambda write: write[:3]):
            method(row, *args, **kwargs)
        self._writes.clear()


def _summary_sheet(worksheet, writer: _Writer, result, charts: dict[str, Path], abridged: bool,
                   full_rows: int | None) -> None:
    sheet = _InRowOrder(worksheet)
    sheet.set_column(0, 0, 24)
    sheet.set_column(1, 6, 12)
    sheet.set_landscape()
    sheet.set_paper(9)  # A4
    sheet.fit_to_pages(1, 0)
    sheet.write_string(0, 0, "职称自主聘任审核汇总", writer.title)
    summary = result.summary
    facts = [
        ("申报年度", str(result.year)),
        ("申报日期（审核基准日）", f"{result.date:%Y-%m-%d}"),
        ("政策", f"{result.policy.title}（{result.policy.label}）"),
        ("单位名称", str(result.batch.unit.get("单位名称") or "")),
        ("申请人数", summary["申请人数"]),
        ("审核通过且可生成文件", summary["审核通过且可生成文件"]),
        ("输入文件", "；".join(source.path.name for source in result.batch.sources)),
    ]
    note = abridged_note(result, full_rows) if abridged else None
    row = 2
    for label, value in facts:
        sheet.write_string(row, 0, label, writer.bold)
        writer.cell(sheet, row, 1, value)
        row += 1
    if note is not None:
        # The note wraps inside columns B to G, left of the charts, so they
        # cover none of it and the printed page keeps its width.
        sheet.set_row(row, 15 * (len(note) // NOTE_CHARACTERS_PER_LINE + 1))
        sheet.write_string(row, 0, "人员明细和标注表", writer.bold_top)
        sheet.merge_range(row, 1, row, 6, note, writer.wrap)
        row += 1

    row += 1
    sheet.write_string(row, 0, "按状态", writer.bold)
    row += 1
    for status in STATUSES:
        sheet.write_string(row, 0, status, writer.fills[status])
        sheet.write_number(row, 1, summary["状态"][status])
        row += 1

    row += 1
    row = _crosstab(sheet, writer, row, "申报层级 × 状态", result.applicants, "申报层级")
    row = _crosstab(sheet, writer, row, "学历层次 × 状态", result.applicants, "学历层次")

    sheet.write_string(row, 0, "问题级别", writer.bold)
    row += 1
    for severity in (ERROR, WARNING, "提示"):
        sheet.write_string(row, 0, severity, writer.fills[severity])
        sheet.write_number(row, 1, summary["问题级别"].get(severity, 0))
        row += 1

    unit_errors = summary["批次级错误"]
    if unit_errors:
        row += 1
        sheet.write_string(row, 0, "单位层面的错误", writer.bold)
        row += 1
        # A large batch can have thousands of such rows (orphan rows among
        # them); the summary lists the first few and points at 问题清单.
        for message in unit_errors[:SUMMARY_UNIT_ERRORS]:
            sheet.write_string(row, 0, safe_text(message))
            row += 1
        if len(unit_errors) > SUMMARY_UNIT_ERRORS:
            sheet.write_string(row, 0, f"另有 {len(unit_errors) - SUMMARY_UNIT_ERRORS} 条，见“问题清单”。")
            row += 1

    column = 8
    image_row = 2
    for title, image in charts.items():
        if image and Path(image).is_file():
            sheet.write_string(image_row - 1, column, title, writer.bold)
            sheet.insert_image(image_row, column, str(image), {"x_scale": 0.6, "y_scale": 0.6, "object_position": 3})
            image_row += 24
    sheet.flush()


# Row order of the summary tables: levels and tiers from lowest to highest.
_SUMMARY_ORDER = {
    "申报层级": ["员级", "助理级", "中级", "副高级", "正高级"],
    "学历层次": ["中专及以下", "大专", "本科", "硕士", "博士"],
}


def _crosstab(sheet, writer: _Writer, row: int, title: str, applicants: pd.DataFrame, by: str) -> int:
    table = pd.crosstab(applicants[by].fillna("未确定"), applicants["状态"]).reindex(columns=list(STATUSES), fill_value=0)
    known = [label for label in _SUMMARY_ORDER.get(by, []) if label in table.index]
    table = table.reindex(known + sorted(label for label in table.index if label not in known))
    sheet.write_string(row, 0, title, writer.bold)
    row += 1
    sheet.write_string(row, 0, by, writer.header)
    for position, status in enumerate(STATUSES, start=1):
        sheet.write_string(row, position, status, writer.header)
    row += 1
    for label, counts in table.iterrows():
        sheet.write_string(row, 0, str(label))
        for position, status in enumerate(STATUSES, start=1):
            sheet.write_number(row, position, int(counts[status]))
        row += 1
    return row + 1


def _write_table(sheet, writer: _Writer, frame: pd.DataFrame, widths: dict[str, int], row_format=None) -> None:
    columns = list(frame.columns)
    for position, name in enumerate(columns):
        sheet.write_string(0, position, name, writer.header)
        sheet.set_column(position, position, widths.get(name, 12))
    if row_format is None:
        prepared = [_column_cells(sheet, writer, frame[name]) for name in columns]
        for row_index in range(len(frame)):
            for position, (write, cells, cell_format) in enumerate(prepared):
                value = cells[row_index]
                if value is not None:
                    write(row_index + 1, position, value, cell_format)
    else:
        values = frame.to_numpy(dtype=object)
        for row_index in range(len(values)):
            row_values = values[row_index]
            fmt = row_format(row_index)
            for position in range(len(columns)):
                writer.cell(sheet, row_index + 1, position, row_values[position], fmt)
    sheet.freeze_panes(1, 0)
    if len(columns):
        sheet.autofilter(0, 0, max(len(frame), 1), len(columns) - 1)


_YES_NO = {True: "是", False: "否"}


def _column_cells(sheet, writer: _Writer, column: pd.Series) -> tuple:
    """Return how to write a column's cells: a write method, the values (``None`` for blank), a format.

    A typed column is converted in one pass, so that writing a cell is one
    call; the values are those :meth:`_Writer.cell` would write.
    """
    dtype = column.dtype
    missing = column.isna().to_numpy()
    if pd.api.types.is_datetime64_any_dtype(dtype):
        moments = column.dt.to_pydatetime()
        return sheet.write_datetime, [None if blank else moment for blank, moment in zip(missing, moments)], writer.date
    if pd.api.types.is_bool_dtype(dtype):
        flags = column.to_numpy(dtype=object)
        return sheet.write_string, [None if blank else _YES_NO[bool(flag)] for blank, flag in zip(missing, flags)], None
    if pd.api.types.is_numeric_dtype(dtype):
        numbers = column.to_numpy(dtype="float64", na_value=np.nan)
        if np.isfinite(numbers[~missing]).all():
            return sheet.write_number, [None if blank else number for blank, number in zip(missing, numbers.tolist())], None
    if isinstance(dtype, pd.StringDtype):
        texts = column.to_numpy(dtype=object, na_value=None)
        return sheet.write_string, [None if text is None else safe_text(text) for text in texts], None

    def write(row: int, position: int, value: object, cell_format) -> None:
        writer.cell(sheet, row, position, value, cell_format)

    cells = column.to_numpy(dtype=object)
    return write, [None if blank else value for blank, value in zip(missing, cells)], None


# Header comments of 人员明细 for the columns zcbatch computes.
APPLICANT_COLUMN_NOTES = {
    "学历层次": "截至申报日期已毕业的最高学历层次：博士、硕士、本科、大专、中专及以下。",
    "学历层次毕业时间": "确定学历层次的那段学历的毕业时间。",
    "初始学历毕业时间": "标为“工作前学历”的学历的毕业时间（有多段时取最晚一段）。",
    "工作年限起算日期": "计算聘任所需工作年限的起点：参加专业技术工作日期与学历层次毕业时间中较晚的一个；硕士聘任中级为助理级职称授予时间。",
    "工作年限": "从工作年限起算日期到申报日期的年数和月数，用于判断最低工作年限。",
    "计算工作年限": "工作年限的整年数。",
    "从事专业技术工作年限": "申请人填写的年限，打印在公示和自主聘任表中。",
    "从参加工作起年限": "从参加专业技术工作日期到申报日期的整年数，填写的年限应与它一致。",
    "要求最低年限": "政策规定该学历层次申报该层级所需的最低工作年限。",
    "要求继续教育年数": "须完成继续教育的年数（截至申报年度）。",
    "要求考核年数": "须有合格考核结果的年数（截至申报年度前一年）。",
    "最早满足日期": "工作年限等与时间有关的条件全部满足的最早日期；拟聘任时间不得早于这一天。",
    "状态": "数据错误：有无效或缺失的值；不符合条件：聘任条件不满足；需补充材料：只缺附件或材料；可聘任：无问题。",
    "主要问题": "该申请人最严重的一条问题，全部问题见“问题清单”。",
}


def _applicant_sheet(workbook, writer: _Writer, applicants: pd.DataFrame, abridged: bool) -> None:
    sheet = workbook.add_worksheet("人员明细")
    sheet.set_landscape()
    sheet.set_paper(9)  # A4
    sheet.repeat_rows(0)
    public = applicants[[column for column in APPLICANT_COLUMNS if column in applicants.columns]]
    if abridged:
        public = public[problem_applicants(applicants).to_numpy()]
        sheet.write_string(0, len(public.columns) + 1,
                           f"批次较大，只列出有错误或警告的 {len(public):,} 人（共 {len(applicants):,} 人）。", writer.bold)
    widths = {"姓名": 10, "证件号码": 21, "工作单位": 20, "主要问题": 60, "状态": 11, "工作年限": 11, "文件": 18}
    # Header comments go first: the header row is written before the data.
    for position, name in enumerate(public.columns):
        if name in APPLICANT_COLUMN_NOTES:
            sheet.write_comment(0, position, APPLICANT_COLUMN_NOTES[name], {"x_scale": 2.0, "author": "zcbatch"})
    _write_table(sheet, writer, public, widths)
    status_column = list(public.columns).index("状态")
    for status, colour_format in ((status, writer.fills[status]) for status in STATUSES):
        sheet.conditional_format(1, status_column, max(len(public), 1), status_column,
                                 {"type": "cell", "criteria": "==", "value": f'"{status}"', "format": colour_format})


def _findings_sheet(workbook, writer: _Writer, findings: pd.DataFrame) -> None:
    sheet = workbook.add_worksheet("问题清单")
    sheet.set_landscape()
    sheet.set_paper(9)  # A4
    sheet.fit_to_pages(1, 0)
    sheet.repeat_rows(0)
    public = fd.public(findings)
    public.insert(public.columns.get_loc(fd.RULE) + 1, "规则说明", public[fd.RULE].map(lambda code: RULES[code].title))
    # Typed columns are written a column at a time (see _column_cells).
    for name in public.columns:
        public[name] = pd.to_numeric(public[name]) if name == fd.ROW else public[name].astype("string")
    widths = {fd.FILE: 18, fd.SHEET: 10, fd.ROW: 6, fd.COLUMN: 22, fd.NAME: 10, fd.ID: 21, fd.RULE: 26,
              "规则说明": 22, fd.SEVERITY: 6, fd.MESSAGE: 90}
    _write_table(sheet, writer, public, widths)
    severity_column = list(public.columns).index(fd.SEVERITY)
    for severity in (ERROR, WARNING, "提示"):
        sheet.conditional_format(1, severity_column, max(len(public), 1), severity_column,
                                 {"type": "cell", "criteria": "==", "value": f'"{severity}"', "format": writer.fills[severity]})


def annotated_sheet_name(sheet: str) -> str:
    """Return the name of the annotated copy of an input sheet."""
    return f"标注_{sheet}"[:31]


def _annotated_sheet(workbook, writer: _Writer, result, sheet_name: str, abridged: bool) -> None:
    raw = result.batch.raw[sheet_name]
    findings = result.findings
    own = findings[(findings[fd.SHEET].notna()) & findings[fd.ROW].notna()]
    own = own[own[fd.SHEET].isin(raw[fd.SRC_SHEET].unique()) if not raw.empty else own[fd.SHEET] == sheet_name]
    definitions = [column["name"] for column in catalogue().sheets[sheet_name]["columns"]]
    extras = [column for column in raw.columns if column not in definitions and not column.startswith("_")]
    columns = [column for column in definitions if column in raw.columns] + extras
    several_files = raw[fd.SRC_FILE].nunique() > 1 if not raw.empty else False

    # Each column keeps the letter it has in the (first) input workbook, so
    # the letters and rows in 问题清单 point at the same cells here; the
    # bookkeeping columns come after the last input column.
    first = (raw[fd.SRC_FILE].iloc[0], raw[fd.SRC_SHEET].iloc[0]) if not raw.empty else None
    letters = result.batch.letters.get(first, {}) if first else {}
    positions = {name: column_index(letters[name]) for name in columns if name in letters}
    next_free = max(positions.values(), default=-1) + 1
    for name in columns:
        if name not in positions:
            positions[name] = next_free
            next_free += 1
    row_column = next_free
    file_column = next_free + 1 if several_files else None

    sheet = workbook.add_worksheet(annotated_sheet_name(sheet_name))
    header = {positions[name]: name for name in columns}
    header[row_column] = "原行号"
    if file_column is not None:
        header[file_column] = "原文件"
    for position, name in header.items():
        sheet.write_string(0, position, name, writer.header)
        sheet.set_column(position, position, 14 if name not in ("工作内容", "工作能力", "业绩成果") else 30)
    sheet.freeze_panes(1, 0)

    cell_findings = own[own[fd.FIELD].isin(columns)]
    keyed = cell_findings.assign(_pos=list(zip(cell_findings[fd.FILE], cell_findings[fd.ROW].astype("int64"))))
    severity_rank = keyed[fd.SEVERITY].map({ERROR: 0, WARNING: 1}).fillna(2)
    # Plain dicts: a lookup per written cell in a pandas Series costs microseconds.
    worst = keyed.assign(_rank=severity_rank).groupby(["_pos", fd.FIELD])["_rank"].min().to_dict()
    notes = keyed.groupby(["_pos", fd.FIELD])[fd.MESSAGE].agg(lambda messages: "\n".join(dict.fromkeys(messages))).to_dict()
    rows_with_findings = set(own.assign(_p=list(zip(own[fd.FILE], own[fd.ROW].astype("int64"))))["_p"])

    if abridged:
        serious = own[own[fd.SEVERITY].isin((ERROR, WARNING))]
        serious_rows = set(zip(serious[fd.FILE], serious[fd.ROW].astype("int64")))
        cells = list(zip(raw[fd.SRC_FILE], raw[fd.SRC_ROW]))
        keep = np.fromiter((cell in serious_rows for cell in cells), dtype=bool, count=len(cells))
        sheet.write_string(0, max(header) + 2, f"批次较大，只列出有错误或警告的 {int(keep.sum()):,} 行（共 {len(raw):,} 行）。",
                           writer.bold)
        raw = raw[keep]

    values = raw[columns].to_numpy(dtype=object)
    files = raw[fd.SRC_FILE].to_numpy(dtype=object)
    rows = raw[fd.SRC_ROW].to_numpy()
    for index in range(len(values)):
        # A single workbook keeps its Excel row numbers too; rows of several
        # workbooks are listed one after another.
        out_row = int(rows[index]) - 1 if file_column is None else index + 1
        if file_column is not None:
            sheet.write_string(out_row, file_column, safe_text(files[index]))
        sheet.write_number(out_row, row_column, int(rows[index]))
        position = (files[index], int(rows[index]))
        row_values = values[index]
        for column_position, name in enumerate(columns):
            value = row_values[column_position]
            value = None if isinstance(value, str) and value == "" else value
            target = positions[name]
            rank = worst.get((position, name)) if position in rows_with_findings else None
            if rank is not None and rank < 2:
                severity = ERROR if rank == 0 else WARNING
                writer.cell(sheet, out_row, target, value, writer.annotation[severity], writer.annotation_dates[severity])
                sheet.write_comment(out_row, target, safe_text(notes[(position, name)])[:30000],
                                    {"x_scale": 2.5, "y_scale": 2.0, "author": "zcbatch"})
            else:
                writer.cell(sheet, out_row, target, value)
    if len(values):
        last_row = int(rows.max()) - 1 if file_column is None else len(values)
        sheet.autofilter(0, 0, last_row, max(header))
