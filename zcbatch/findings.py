"""Findings: one row per problem, pointing at a cell of the input workbook.

A findings table is a :class:`pandas.DataFrame` with the columns of the
问题清单 sheet (:data:`COLUMNS`) and a few internal columns whose names start
with ``_`` (the full 证件号码 used to join findings to applicants, the rule's
kind and the canonical field name). Internal columns are never written to a
report or a document.

Rules are vectorized, so findings are built a column at a time with
:func:`frame` from boolean masks over a sheet, never one by one in a loop over
rows.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd

from zcbatch.codes import RULES, SEVERITY_ORDER

FILE, SHEET, ROW, COLUMN, NAME, ID, RULE, SEVERITY, MESSAGE = (
    "文件", "工作表", "行号", "列", "姓名", "证件号码", "规则", "级别", "说明"
)
COLUMNS = [FILE, SHEET, ROW, COLUMN, NAME, ID, RULE, SEVERITY, MESSAGE]
KEY, KIND, FIELD, CODE = "_key", "_kind", "_field", "_applicant"
INTERNAL = [KEY, KIND, FIELD, CODE]

# Provenance columns kept on every sheet frame.
SRC_FILE, SRC_SHEET, SRC_ROW = "_file", "_sheet", "_row"


def mask_id(values: pd.Series) -> pd.Series:
    """Mask ID numbers, keeping the first 6 and last 4 characters.

    Values of 10 characters or fewer keep only their first 2 characters, so a
    short or truncated value never shows whole.

    >>> mask_id(pd.Series(["120101199001011237", "12345"])).tolist()
    ['120101********1237', '12***']
    """
    texts = values.astype("string").fillna("").to_numpy(dtype=object)
    masked = [
        text[:6] + "*" * (len(text) - 10) + text[-4:] if len(text) > 10 else text[:2] + "*" * max(len(text) - 2, 0)
        for text in texts
    ]
    return pd.Series(masked, index=values.index, dtype=object)


def empty() -> pd.DataFrame:
    """Return an empty findings table with every column."""
    # pandas copies on write, so every caller may change its shallow copy.
    return _EMPTY.copy(deep=False)


_EMPTY = pd.DataFrame({column: pd.Series(dtype=object) for column in COLUMNS + INTERNAL})


def frame(
    rows: pd.DataFrame,
    *,
    rule: str,
    column: str | None,
    message: pd.Series | str,
    key: pd.Series | None = None,
    name: pd.Series | None = None,
) -> pd.DataFrame:
    """Build findings for every row of ``rows`` (a slice of a sheet frame).

    ``rows`` carries the provenance columns (``_file``, ``_sheet``, ``_row``)
    and usually 证件号码, 姓名 and the applicant code ``_applicant`` (see
    :data:`zcbatch.batch.APPLICANT_CODE`), which is -1 in the finding when
    ``rows`` has none or ``key`` is given. ``column`` is the field the finding points
    at, or ``None`` for a finding about the whole row. ``message`` is a string
    or a Series aligned with ``rows``.
    """
    if rows.empty:
        return empty()
    spec = RULES[rule]
    index = rows.index
    key_values = key if key is not None else rows.get("证件号码", pd.Series(None, index=index))
    name_values = name if name is not None else rows.get("姓名", pd.Series(None, index=index))
    message_values = message if isinstance(message, pd.Series) else pd.Series(message, index=index)
    out = pd.DataFrame(
        {
            FILE: rows[SRC_FILE].astype(object),
            SHEET: rows[SRC_SHEET].astype(object),
            ROW: rows[SRC_ROW].astype(object),
            COLUMN: column or "",
            NAME: pd.Series(name_values, index=index).astype(object),
            ID: None,
            RULE: rule,
            SEVERITY: spec.severity,
            MESSAGE: message_values.astype(object),
            KEY: pd.Series(key_values, index=index).astype(object),
            KIND: spec.kind,
            FIELD: column or "",
            CODE: rows[CODE] if CODE in rows and key is None else -1,
        },
        index=index,
    )
    return out.reset_index(drop=True)


def batch_level(*, rule: str, message: str, file: str = "", sheet: str = "", row: int | None = None,
                column: str = "") -> pd.DataFrame:
    """Build one finding that concerns the batch or a sheet, not an applicant."""
    spec = RULES[rule]
    record = {
        FILE: file, SHEET: sheet, ROW: row, COLUMN: column, NAME: None, ID: None, RULE: rule,
        SEVERITY: spec.severity, MESSAGE: message, KEY: None, KIND: spec.kind, FIELD: column, CODE: -1,
    }
    return pd.DataFrame([record], columns=COLUMNS + INTERNAL)


def concat(parts: Iterable[pd.DataFrame]) -> pd.DataFrame:
    """Concatenate findings tables, dropping empty ones."""
    frames = [part for part in parts if part is not None and not part.empty]
    if not frames:
        return empty()
    return pd.concat(frames, ignore_index=True)


def finalize(findings: pd.DataFrame) -> pd.DataFrame:
    """Sort and de-duplicate findings whose names and masked IDs are filled in.

    Findings are sorted by severity, then file, sheet, row and rule, so the
    most serious problems come first.
    """
    if findings.empty:
        return empty()
    out = findings[~_duplicated(findings)]
    severity_codes, severities = pd.factorize(out[SEVERITY])
    order = np.array([*(SEVERITY_ORDER.get(value, 9) for value in severities), 9])[severity_codes]
    rows = pd.to_numeric(out[ROW], errors="coerce")
    # np.lexsort sorts stably by its last key first.
    sorted_positions = np.lexsort((
        _sort_codes(out[RULE]), rows.fillna(-1).to_numpy(), _sort_codes(out[SHEET]), _sort_codes(out[FILE]), order,
    ))
    out = out.iloc[sorted_positions].reset_index(drop=True)
    rows = rows.iloc[sorted_positions].astype("Int64")
    out[ROW] = rows.astype(object).where(rows.notna(), None).to_numpy()
    return out


def _duplicated(findings: pd.DataFrame) -> np.ndarray:
    """Mark the findings that repeat an earlier one at the same place with the same message."""
    # Repeats share their row and rule, and few findings do, so only those
    # are compared on every column.
    shared = pd.Series(combinations(findings, [ROW, RULE])).duplicated(keep=False).to_numpy()
    repeated = np.zeros(len(findings), dtype=bool)
    if shared.any():
        candidates = findings[shared]
        again = pd.Series(combinations(candidates, [FILE, SHEET, ROW, COLUMN, RULE, MESSAGE, KEY])).duplicated().to_numpy()
        repeated[np.flatnonzero(shared)[again]] = True
    return repeated


def combinations(frame: pd.DataFrame, columns: list[str]) -> np.ndarray:
    """Number the distinct combinations of ``columns``: rows with equal values get equal numbers.

    Blank cells count as equal to each other.

    >>> combinations(pd.DataFrame({"a": ["x", "y", "x"], "b": [1, 1, 1]}), ["a", "b"]).tolist()
    [0, 1, 0]
    """
    numbers = np.zeros(len(frame), dtype="int64")
    for column in columns:
        codes, uniques = pd.factorize(frame[column], use_na_sentinel=False)
        # Renumbering after each column keeps the numbers below the row count.
        numbers, _ = pd.factorize(numbers * len(uniques) + codes)
    return numbers


def _sort_codes(values: pd.Series) -> np.ndarray:
    """Return codes that sort like the values, blanks last."""
    codes, uniques = pd.factorize(values, sort=True)
    return np.where(codes < 0, len(uniques), codes)


def public(findings: pd.DataFrame) -> pd.DataFrame:
    """Return the findings with only the 问题清单 columns."""
    return findings[COLUMNS].copy()
