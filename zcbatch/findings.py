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

from collections.abc import Callable, Iterable

import numpy as np
import pandas as pd

from zcbatch.codes import RULES, SEVERITY_ORDER
from zcbatch.rules import groups
from zcbatch.rules.groups import FEW_VALUES

FILE, SHEET, ROW, COLUMN, NAME, ID, RULE, SEVERITY, MESSAGE = (
    "文件", "工作表", "行号", "列", "姓名", "证件号码", "规则", "级别", "说明"
)
COLUMNS = [FILE, SHEET, ROW, COLUMN, NAME, ID, RULE, SEVERITY, MESSAGE]
KEY, KIND, FIELD, CODE, NUMBER = "_key", "_kind", "_field", "_applicant", "_rule"
INTERNAL = [KEY, KIND, FIELD, CODE, NUMBER]

# Every rule's number, its position among the rule codes. A findings table
# carries it in NUMBER, so sorting and counting read small integers, not text.
RULE_NUMBERS = {code: number for number, code in enumerate(RULES)}
RULE_CODES = np.array(list(RULES), dtype=object)
# Per rule number: its place when rule codes sort as text, and its severity's place.
RULE_SORT = np.argsort(np.argsort(RULE_CODES.astype(str), kind="stable"), kind="stable")
SEVERITY_SORT = np.array([SEVERITY_ORDER.get(rule.severity, 9) for rule in RULES.values()])

# The columns of a findings table that hold text or Python objects: every one but the two numbers.
TEXT_COLUMNS = [column for column in COLUMNS + INTERNAL if column not in (CODE, NUMBER)]
TEXT_POSITION = {column: position for position, column in enumerate(TEXT_COLUMNS)}

# Provenance columns kept on every sheet frame.
SRC_FILE, SRC_SHEET, SRC_ROW = "_file", "_sheet", "_row"


def mask_id(values: pd.Series) -> pd.Series:
    """Mask ID numbers, keeping the first 6 and last 4 characters.

    Values of 10 characters or fewer keep only their first 2 characters, so a
    short or truncated value never shows whole.

    >>> mask_id(pd.Series(["120101199001011237", "12345"])).tolist()
    ['120101********1237', '12***']
    """
    try:
        masked = mask_texts(values.to_numpy(dtype=object, na_value=""))
    except TypeError:  # a value that is not text, such as a number
        masked = mask_texts(values.astype("string").fillna("").to_numpy(dtype=object))
    return pd.Series(masked, index=values.index, dtype=object)


def mask_texts(texts: np.ndarray) -> np.ndarray:
    """Mask an array of ID texts without blanks as :func:`mask_id` does.

    >>> mask_texts(np.array(["120101199001011237"], dtype=object)).tolist()
    ['120101********1237']
    """
    masked = np.empty(len(texts), dtype=object)
    masked[:] = [
        f"{text[:6]}{'*' * (length - 10)}{text[-4:]}" if (length := len(text)) > 10 else text[:2] + "*" * max(length - 2, 0)
        for text in texts
    ]
    return masked


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
    # The text columns form one block of Python objects, filled a column at
    # a time, because pandas would otherwise infer its own string type for each.
    texts = np.empty((len(rows), len(TEXT_COLUMNS)), dtype=object)
    place = TEXT_POSITION
    texts[:, place[FILE]] = rows[SRC_FILE].to_numpy(dtype=object)
    texts[:, place[SHEET]] = rows[SRC_SHEET].to_numpy(dtype=object)
    texts[:, place[ROW]] = rows[SRC_ROW].to_numpy(dtype=object)
    texts[:, place[COLUMN]] = texts[:, place[FIELD]] = column or ""
    if name is not None:
        texts[:, place[NAME]] = _aligned(name, index)
    elif "姓名" in rows:
        texts[:, place[NAME]] = rows["姓名"].to_numpy(dtype=object)
    texts[:, place[RULE]] = rule
    texts[:, place[SEVERITY]] = spec.severity
    texts[:, place[MESSAGE]] = _aligned(message, index) if isinstance(message, pd.Series) else message
    if key is not None:
        texts[:, place[KEY]] = _aligned(key, index)
    elif "证件号码" in rows:
        texts[:, place[KEY]] = rows["证件号码"].to_numpy(dtype=object)
    texts[:, place[KIND]] = spec.kind
    out = pd.DataFrame(texts, columns=TEXT_COLUMNS, dtype=object, copy=False)
    out[CODE] = rows[CODE].to_numpy(dtype="int64") if CODE in rows and key is None else -1
    out[NUMBER] = RULE_NUMBERS[rule]
    return out


def _aligned(values: pd.Series, index: pd.Index) -> np.ndarray:
    """Return ``values`` in the order of ``index``, as an object array."""
    if not values.index.equals(index):
        values = values.reindex(index)
    return values.to_numpy(dtype=object)


def select(sheet: pd.DataFrame, rows: pd.Series | np.ndarray, *columns: str) -> pd.DataFrame:
    """Return some rows of a sheet frame with the columns :func:`frame` reads and ``columns``.

    ``rows`` is a boolean mask in the sheet's order (a blank counts as
    false) or an array of integer positions. Sheet frames are wide, so a rule
    that takes only these columns copies a fraction of what whole rows would
    cost.
    """
    place = [SRC_FILE, SRC_SHEET, SRC_ROW, *(name for name in ("证件号码", "姓名", CODE) if name in sheet)]
    narrow = sheet[[*place, *(name for name in columns if name not in place)]]
    if isinstance(rows, np.ndarray) and rows.dtype.kind in "iu":
        return narrow.iloc[rows]
    return narrow.loc[rows]


def batch_level(*, rule: str, message: str, file: str = "", sheet: str = "", row: int | None = None,
                column: str = "") -> pd.DataFrame:
    """Build one finding that concerns the batch or a sheet, not an applicant."""
    place = pd.DataFrame({SRC_FILE: [file], SRC_SHEET: [sheet], SRC_ROW: pd.Series([row], dtype=object)})
    return frame(place, rule=rule, column=column, message=message, key=pd.Series([None], dtype=object))


def concat(parts: Iterable[pd.DataFrame]) -> pd.DataFrame:
    """Concatenate findings tables, dropping empty ones."""
    frames = [part for part in parts if part is not None and not part.empty]
    if not frames:
        return empty()
    return pd.concat(frames, ignore_index=True)


def rule_numbers(findings: pd.DataFrame) -> np.ndarray:
    """Return the number of every finding's rule (see :data:`RULE_NUMBERS`).

    Findings built by :func:`frame` and :func:`batch_level` carry it. A
    table built another way gets it from its rule codes.
    """
    if NUMBER in findings and findings[NUMBER].notna().all():
        return findings[NUMBER].to_numpy(dtype="int64")
    numbers = groups.map_distinct(findings[RULE], RULE_NUMBERS, other=-1, missing=-1)
    if (numbers < 0).any():
        unknown = sorted(set(findings[RULE][numbers < 0].astype(str)))
        raise ValueError(f"unknown rule codes in findings: {', '.join(unknown)}")
    return numbers.astype("int64")


def finalize(findings: pd.DataFrame) -> pd.DataFrame:
    """Sort and de-duplicate findings whose names and masked IDs are filled in.

    Findings are sorted by severity, then file, sheet, row and rule, so the
    most serious problems come first.
    """
    if findings.empty:
        return empty()
    rows = pd.to_numeric(findings[ROW], errors="coerce").to_numpy(dtype="float64")
    numbers = rule_numbers(findings)
    rules, sheets = RULE_SORT[numbers], _sort_codes(findings[SHEET])
    unrepeated = np.flatnonzero(~_duplicated(findings, rows, rules, sheets))
    # np.lexsort sorts stably by its last key first.
    keys = (rules, np.nan_to_num(rows, nan=-1), sheets, _sort_codes(findings[FILE]), SEVERITY_SORT[numbers])
    positions = unrepeated[np.lexsort([key[unrepeated] for key in keys])]
    out = findings.iloc[positions].reset_index(drop=True)
    # Row numbers become Python integers again, and unknown rows None.
    row_numbers = rows[positions]
    blank = np.isnan(row_numbers)
    whole = np.where(blank, 0, row_numbers).astype("int64").astype(object)
    whole[blank] = None
    out[ROW] = whole
    return out


def _duplicated(findings: pd.DataFrame, rows: np.ndarray, rules: np.ndarray, sheets: np.ndarray) -> np.ndarray:
    """Mark the findings that repeat an earlier one at the same place with the same message.

    ``rows``, ``rules`` and ``sheets`` number the row, rule and sheet of every finding.
    """
    # Repeats share their row, rule, sheet and column, and few findings do,
    # so only those are compared on every column.
    # A blank column is numbered 0, and every column text from 1.
    columns = pd.factorize(findings[COLUMN].to_numpy(dtype=object), size_hint=FEW_VALUES)[0] + 1
    place = np.nan_to_num(rows, nan=-1).astype("int64") + 1
    for codes in (rules, sheets, columns):
        place = place * (int(codes.max()) + 1) + codes
    shared = pd.Series(place).duplicated(keep=False).to_numpy()
    repeated = np.zeros(len(findings), dtype=bool)
    if shared.any():
        candidates = findings[shared]
        again = pd.Series(combinations(candidates, [FILE, SHEET, ROW, COLUMN, RULE, MESSAGE, KEY])).duplicated().to_numpy()
        repeated[np.flatnonzero(shared)[again]] = True
    return repeated


def per_combination(rows: pd.DataFrame, columns: list[str], message: Callable[[pd.DataFrame], pd.Series]) -> pd.Series:
    """Return ``message(rows)``, built once for each distinct combination of ``columns``.

    A message that reads only ``columns`` is the same for every row with the
    same values there, and thousands of rows often share a few hundred, so
    each text is built and stored once.

    >>> rows = pd.DataFrame({"年度": [2024, 2025, 2024]})
    >>> per_combination(rows, ["年度"], lambda rows: rows["年度"].astype(str) + " 年度").tolist()
    ['2024 年度', '2025 年度', '2024 年度']
    """
    if rows.empty:
        return message(rows)
    numbers = combinations(rows, columns)
    _, first = np.unique(numbers, return_index=True)
    texts = message(rows.iloc[first]).to_numpy(dtype=object)
    return pd.Series(texts[numbers], index=rows.index, dtype=object)


def combinations(frame: pd.DataFrame, columns: list[str]) -> np.ndarray:
    """Number the distinct combinations of ``columns``: rows with equal values get equal numbers.

    Blank cells count as equal to each other.

    >>> combinations(pd.DataFrame({"a": ["x", "y", "x"], "b": [1, 1, 1]}), ["a", "b"]).tolist()
    [0, 1, 0]
    """
    numbers = np.zeros(len(frame), dtype="int64")
    count = 1
    for column in columns:
        codes, uniques = groups.factorize(frame[column], use_na_sentinel=False)
        if count * len(uniques) >= 2**62:
            # Renumbered, the numbers are below the row count, so the product stays below 2**62.
            numbers, distinct = pd.factorize(numbers, size_hint=FEW_VALUES)
            count = len(distinct)
        numbers = numbers * len(uniques) + codes
        count *= len(uniques)
    return pd.factorize(numbers, size_hint=FEW_VALUES)[0]


def _sort_codes(values: pd.Series) -> np.ndarray:
    """Return codes that sort like the values, blanks last."""
    codes, uniques = pd.factorize(values.to_numpy(dtype=object), sort=True, size_hint=FEW_VALUES)
    return np.where(codes < 0, len(uniques), codes)


def public(findings: pd.DataFrame) -> pd.DataFrame:
    """Return the findings with only the 问题清单 columns."""
    return findings[COLUMNS].copy()
