"""A batch of applicants: the typed sheets, their provenance and the findings.

:func:`read_batch` is the entry point: it reads the workbooks, parses every
column to its type, runs the Pandera schemas of each sheet and the rules that
join the sheets (rows without an applicant, applicants without education or
work rows), and returns a :class:`Batch`.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from zcbatch import findings as fd
from zcbatch import parse, schemas
from zcbatch.errors import InputError
from zcbatch.gcpause import paused_gc
from zcbatch.reader import RawSheet, SourceFile, catalogue, expand_paths, file_labels, read_workbook, sha256_of

log = logging.getLogger(__name__)

APPLICANT_SHEET = "个人信息"
ROW_SHEETS = ("学历信息", "工作经历", "继续教育", "考核情况", "单位审核")
UNIT_SHEET = "单位信息"

# Internal column on every sheet: the applicant a row belongs to, as the
# position of its 证件号码 among the distinct 证件号码 of 个人信息, or -1
# when the row has no 证件号码 or no applicant has it. Rules group and join
# on these integers instead of hashing the ID strings again and again.
APPLICANT_CODE = fd.CODE


@dataclass
class Batch:
    """The applicants of one batch, read and validated.

    ``sheets`` maps each sheet name to its typed frame (columns named as in
    the input contract, plus ``_file``, ``_sheet`` and ``_row``). ``raw`` maps
    each sheet to the cell values as read, for the annotated copy. ``unit``
    holds the 单位信息 items. ``findings`` holds every problem found while
    reading and validating.
    """

    sheets: dict[str, pd.DataFrame]
    raw: dict[str, pd.DataFrame]
    unit: dict[str, object]
    unit_items: pd.DataFrame
    findings: pd.DataFrame
    sources: list[SourceFile]
    letters: dict[tuple[str, str], dict[str, str]] = field(default_factory=dict)
    _applicant_ids: pd.Index | None = field(default=None, repr=False)

    @property
    def applicants(self) -> pd.DataFrame:
        """Return the 个人信息 frame, one row per applicant."""
        return self.sheets[APPLICANT_SHEET]

    @property
    def applicant_ids(self) -> pd.Index:
        """Return the distinct 证件号码 of 个人信息, in the order of :data:`APPLICANT_CODE`."""
        if self._applicant_ids is None:
            self._applicant_ids = link_applicants(self.sheets)
        return self._applicant_ids


@paused_gc()
def read_batch(paths: str | os.PathLike | list[str | os.PathLike]) -> Batch:
    """Read, normalise and validate a batch from workbooks or folders.

    Raises :class:`~zcbatch.errors.InputError` when the input cannot be used
    at all: a file is missing or not a spreadsheet, or a required sheet is
    missing from the whole batch. Every other problem becomes a finding.
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    files = expand_paths(list(paths))
    raw_by_sheet: dict[str, list[RawSheet]] = {}
    problems: list[pd.DataFrame] = []
    sources: list[SourceFile] = []
    letters: dict[tuple[str, str], dict[str, str]] = {}

    labels = file_labels(files)
    for path in files:
        log.info("读取 %s", labels[path])
        sheets, layout_problems = read_workbook(path, labels[path], prepare=_parse_part)
        problems.append(layout_problems)
        sources.append(SourceFile(path=path, sha256=sha256_of(path), sheets=[sheet.sheet for sheet in sheets]))
        for sheet in sheets:
            raw_by_sheet.setdefault(sheet.canonical, []).append(sheet)
            letters[(sheet.file, sheet.sheet)] = sheet.letters
        if not sheets:
            problems.append(fd.batch_level(
                rule="SHEET_UNKNOWN", file=labels[path],
                message=f"“{labels[path]}”中没有可识别的申报信息工作表，已跳过。请确认工作表名称与模板一致。",
            ))

    _require_sheets(raw_by_sheet, files)

    typed: dict[str, pd.DataFrame] = {}
    raw_frames: dict[str, pd.DataFrame] = {}
    cat = catalogue()
    for name, definition in cat.sheets.items():
        if definition.get("layout") == "key_value":
            continue
        parts = raw_by_sheet.get(name, [])
        for part in parts:
            problems.append(_missing_headers(part, definition))
        if parts:
            raw_frames[name] = pd.concat([part.frame for part in parts], ignore_index=True)
            typed[name] = pd.concat([part.prepared[0] for part in parts], ignore_index=True)
            problems.extend(part.prepared[1] for part in parts)
        else:
            raw_frames[name] = _empty_raw(definition)
            typed[name], parse_problems = parse.parse_sheet(raw_frames[name], name)
            problems.append(parse_problems)

    unit: dict[str, object] = {}
    unit_items = pd.DataFrame(columns=["项目", fd.SRC_FILE, fd.SRC_SHEET, fd.SRC_ROW, "列名"])
    if UNIT_SHEET in raw_by_sheet:
        first, *others = raw_by_sheet[UNIT_SHEET]
        unit, unit_items, unit_problems = parse.parse_key_value(first)
        problems.append(unit_problems)
        problems.append(schemas.check_unit_info(unit, unit_items))
        problems.extend(_unit_differences(first, unit, other) for other in others)

    # Linked first, so the findings of the schemas carry the applicant codes.
    applicant_ids = link_applicants(typed)
    for name, model in schemas.MODELS.items():
        problems.append(schemas.run_schema(model, typed[name]))
    problems.append(check_joins(typed))

    batch = Batch(
        sheets=typed, raw=raw_frames, unit=unit, unit_items=unit_items,
        findings=fd.empty(), sources=sources, letters=letters, _applicant_ids=applicant_ids,
    )
    batch.findings = link_findings(fd.concat(problems), applicant_ids)
    log.info("读取完成：%d 名申请人，%d 条问题", len(typed[APPLICANT_SHEET]), len(batch.findings))
    return batch


def _parse_part(part: RawSheet) -> tuple[pd.DataFrame, pd.DataFrame] | None:
    """Parse one sheet of one workbook as soon as it is read (see :func:`read_workbook`).

    Each cell is parsed on its own, so the sheets of several workbooks can be
    parsed apart and their typed frames put together afterwards.
    """
    if catalogue().sheets[part.canonical].get("layout") == "key_value":
        return None
    return parse.parse_sheet(part, part.canonical)


def _require_sheets(raw_by_sheet: dict[str, list[RawSheet]], files: list[Path]) -> None:
    cat = catalogue()
    missing = [name for name, definition in cat.sheets.items()
               if not definition.get("optional") and name not in raw_by_sheet]
    if missing:
        where = f"“{files[0].name}”" if len(files) == 1 else f"这 {len(files)} 个文件"
        raise InputError(
            f"{where}中缺少必需的工作表：{'、'.join(missing)}。"
            "申报信息表须包含 个人信息、学历信息、工作经历、继续教育、考核情况 五张工作表；"
            "可用 zcbatch template -o 申报信息模板.xlsx 生成模板。"
        )


def _missing_headers(part: RawSheet, definition: dict) -> pd.DataFrame:
    results = []
    for column in definition["columns"]:
        if column.get("required") and column["name"] not in part.letters and not column.get("default"):
            if column["name"] == "证件号码":
                raise InputError(
                    f"“{part.file}”的工作表“{part.sheet}”缺少“证件号码”列，无法把各表的数据对应到申请人。"
                    "请在表头加上“证件号码”列（也可写作“身份证号”）。"
                )
            results.append(fd.batch_level(
                rule="HEADER_MISSING", file=part.file, sheet=part.sheet, row=part.header_row, column=column["name"],
                message=f"缺少必填列“{column['name']}”，该表所有申请人的这一项都视为未填写。请在表头加上这一列并补充数据。",
            ))
    return fd.concat(results)


def _empty_raw(definition: dict) -> pd.DataFrame:
    columns = [column["name"] for column in definition["columns"]]
    return pd.DataFrame(columns=columns + [fd.SRC_FILE, fd.SRC_SHEET, fd.SRC_ROW], dtype=object)


def link_applicants(sheets: dict[str, pd.DataFrame]) -> pd.Index:
    """Add the :data:`APPLICANT_CODE` column to every sheet and return the distinct IDs.

    Rows of 个人信息 that share a 证件号码 share a code.
    """
    people = sheets[APPLICANT_SHEET]
    codes, ids = pd.factorize(people["证件号码"])
    ids = pd.Index(ids)
    people[APPLICANT_CODE] = codes.astype("int64")
    for name in ROW_SHEETS:
        frame = sheets[name]
        frame[APPLICANT_CODE] = ids.get_indexer(frame["证件号码"]).astype("int64") if len(ids) else -1
    return ids


def _unit_differences(first: RawSheet, unit: dict[str, object], other: RawSheet) -> pd.DataFrame:
    """Report the items of a further workbook's 单位信息 that differ from the one that is used."""
    values, _, _ = parse.parse_key_value(other)
    differing = [name for name in {**unit, **values} if unit.get(name) != values.get(name)]
    if not differing:
        return fd.empty()
    return fd.batch_level(
        rule="UNIT_SHEET_DIFFERS", file=other.file, sheet=other.sheet,
        message=f"“{other.file}”的单位信息与“{first.file}”的不同（{'、'.join(differing)}），"
        f"已使用“{first.file}”的单位信息。请核对后把各工作簿的单位信息改为一致，或只保留一份。",
    )


def link_findings(findings: pd.DataFrame, ids: pd.Index) -> pd.DataFrame:
    """Give findings without an applicant code the code of their 证件号码 among ``ids``.

    The findings made while the cells are parsed come before the rows are
    linked, so they get their codes here.
    """
    codes = findings[APPLICANT_CODE].to_numpy(dtype="int64", na_value=-1, copy=True)
    unlinked = np.flatnonzero((codes < 0) & findings[fd.KEY].notna().to_numpy(dtype=bool))
    if len(unlinked) and len(ids):
        codes[unlinked] = ids.get_indexer(findings[fd.KEY].iloc[unlinked])
    return findings.assign(**{APPLICANT_CODE: codes})


def check_joins(sheets: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Check the rules that join the sheets by 证件号码.

    Rows whose 证件号码 has no applicant in 个人信息 are reported, and so are
    applicants without any education or work-history row. The sheets carry
    :data:`APPLICANT_CODE` (see :func:`link_applicants`).
    """
    people = sheets[APPLICANT_SHEET]
    codes = people[APPLICANT_CODE].to_numpy()
    results = []
    for name in ROW_SHEETS:
        frame = sheets[name]
        orphan = frame["证件号码"].notna() & (frame[APPLICANT_CODE] < 0)
        if orphan.any():
            rows = frame[orphan]
            results.append(fd.frame(
                rows, rule="ORPHAN_ROW", column="证件号码", key=pd.Series(None, index=rows.index),
                message="证件号码“" + fd.mask_id(rows["证件号码"]).astype(str)
                + f"”在个人信息表中找不到对应的申请人，该行未参与审核。请核对号码，或在个人信息表中补充该申请人。",
            ))
    for name, rule, label in (("学历信息", "NO_EDUCATION", "学历信息"), ("工作经历", "NO_WORK_HISTORY", "工作经历")):
        linked = sheets[name][APPLICANT_CODE].to_numpy()
        has_rows = np.bincount(linked[linked >= 0], minlength=max(codes.max(initial=-1) + 1, 1)) > 0
        lacking = people[(codes >= 0) & ~has_rows[codes.clip(min=0)]] if len(codes) else people
        results.append(fd.frame(
            lacking, rule=rule, column="证件号码",
            message=f"该申请人在“{label}”表中没有任何记录。每位申请人至少填写一条{label}。",
        ))
    return fd.concat(results)


def reference_today() -> dt.date:
    """Return today's date (a function so tests can replace it)."""
    return dt.date.today()
