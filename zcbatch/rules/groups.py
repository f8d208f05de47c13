"""Per-applicant aggregates over the integer applicant codes of a batch.

Every sheet of a :class:`~zcbatch.batch.Batch` carries the column
``_applicant``: the position of the row's 证件号码 among the distinct
证件号码 of 个人信息, or -1. Grouping by these codes with numpy costs a
fraction of grouping by the ID strings, which pandas hashes anew in every
``groupby``, ``merge`` and ``isin``.

Each function returns one value per code (an array of length ``size``);
:func:`per_row` spreads such an array back onto rows.

>>> codes = np.array([0, 2, 0, -1])
>>> group_max(codes, np.array([3, 5, 4, 9]), size=3, initial=0).tolist()
[4, 0, 5]
>>> group_count(codes, size=3).tolist()
[2, 0, 1]
>>> per_row(np.array([10, 20, 30]), np.array([2, -1, 0]), missing=-1).tolist()
[30, -1, 10]
"""

from __future__ import annotations

import numpy as np
import pandas as pd

NAT = np.iinfo("int64").min  # datetime64[ns] NaT viewed as int64
LATEST = np.iinfo("int64").max


def codes_of(frame: pd.DataFrame) -> np.ndarray:
    """Return the ``_applicant`` codes of a sheet frame as an int64 array."""
    return frame["_applicant"].to_numpy(dtype="int64")


def group_count(codes: np.ndarray, size: int) -> np.ndarray:
    """Count the rows of each code (rows with code -1 are not counted)."""
    return np.bincount(codes[codes >= 0], minlength=size)[:size]


def group_max(codes: np.ndarray, values: np.ndarray, size: int, initial: int) -> np.ndarray:
    """Return the largest value of each code, ``initial`` where a code has no row."""
    out = np.full(size, initial, dtype=values.dtype)
    linked = codes >= 0
    np.maximum.at(out, codes[linked], values[linked])
    return out


def group_min(codes: np.ndarray, values: np.ndarray, size: int, initial: int) -> np.ndarray:
    """Return the smallest value of each code, ``initial`` where a code has no row."""
    out = np.full(size, initial, dtype=values.dtype)
    linked = codes >= 0
    np.minimum.at(out, codes[linked], values[linked])
    return out


def group_any(codes: np.ndarray, mask: np.ndarray, size: int) -> np.ndarray:
    """Mark the codes that have at least one row in ``mask``."""
    return group_count(codes[mask], size) > 0


def per_row(values: np.ndarray, codes: np.ndarray, missing) -> np.ndarray:
    """Return ``values[code]`` for every row, ``missing`` where the code is -1."""
    if len(values) == 0:
        return np.full(len(codes), missing)
    # Taking and then filling copies each value once, where np.where would
    # build a second array of the same size.
    out = values.take(codes.clip(min=0))
    out[codes < 0] = missing
    return out


def dates(values: pd.Series) -> np.ndarray:
    """Return a datetime column as int64 nanoseconds, NaT as :data:`NAT`."""
    return values.to_numpy(dtype="datetime64[ns]").view("int64")


def as_dates(nanoseconds: np.ndarray, index: pd.Index, empty: int) -> pd.Series:
    """Return int64 nanoseconds as a datetime column, ``empty`` values as NaT."""
    values = np.where(nanoseconds == empty, NAT, nanoseconds).view("datetime64[ns]")
    return pd.Series(values, index=index)


def first_rows(codes: np.ndarray, size: int) -> np.ndarray:
    """Return, for each code, the position of its first row (-1 when it has none)."""
    first = group_min(codes, np.arange(len(codes), dtype="int64"), size, initial=LATEST)
    return np.where(first == LATEST, -1, first)


def match_years(codes: np.ndarray, years: np.ndarray, other_codes: np.ndarray, other_years: pd.Series) -> np.ndarray:
    """Find, for each (applicant, year) pair, the first row of another sheet with that pair.

    ``codes`` and ``years`` describe the pairs sought; ``other_codes`` and
    ``other_years`` the rows of the sheet searched. Returns positions into
    that sheet, -1 where no row matches. Rows without an applicant or a year
    never match.

    The pairs sought span a few years (a policy window), so the rows are
    placed in a dense table with one slot per applicant and year, and each
    pair is found by its slot.

    >>> match_years(np.array([0, 0, 1]), np.array([2025, 2024, 2025]),
    ...             np.array([1, 0, 0, -1]), pd.Series([2025, 2025, 2025, 2024], dtype="Int64")).tolist()
    [1, -1, 0]
    """
    linked = codes >= 0
    if not linked.any():
        return np.full(len(codes), -1, dtype="int64")
    first_year, last_year = int(years[linked].min()), int(years[linked].max())
    width = last_year - first_year + 1
    size = int(max(codes.max(), other_codes.max(initial=-1))) + 1
    other = other_years.to_numpy(dtype="int64", na_value=first_year - 1)
    usable = (other_codes >= 0) & (other >= first_year) & (other <= last_year)
    slots = other_codes[usable] * width + (other[usable] - first_year)
    first = group_min(slots, np.flatnonzero(usable), size * width, initial=LATEST)
    found = np.full(len(codes), LATEST, dtype="int64")
    found[linked] = first[codes[linked] * width + (years[linked] - first_year)]
    return np.where(found == LATEST, -1, found)


# pandas sizes the hash table of a factorize for every row being distinct:
# about 8 MB for 300,000 rows, all of it new memory that the system must map
# page by page. Columns of levels, results or degrees hold a handful of values,
# so their table starts small and grows only if it must.
FEW_VALUES = 256


def factorize(values: pd.Series | np.ndarray, **options) -> tuple[np.ndarray, np.ndarray]:
    """Number the distinct values as :func:`pandas.factorize` does, blanks as -1.

    A text column is numbered through its array of Python strings, which
    pandas hashes in half the time it takes for the column itself. The hash
    table starts at :data:`FEW_VALUES` entries unless ``size_hint`` is
    given.

    >>> codes, uniques = factorize(pd.Series(["b", None, "a", "b"], dtype="string"))
    >>> codes.tolist(), uniques.tolist()
    ([0, -1, 1, 0], ['b', 'a'])
    """
    if isinstance(values, pd.Series) and isinstance(values.dtype, pd.StringDtype):
        values = values.to_numpy(dtype=object)
    codes, uniques = pd.factorize(values, **{"size_hint": FEW_VALUES, **options})
    return codes, np.asarray(uniques, dtype=object)


def map_distinct(values: pd.Series, mapping: dict, *, other, missing) -> np.ndarray:
    """Map every value through ``mapping``, looking each distinct value up once.

    A value absent from ``mapping`` becomes ``other`` and a blank one ``missing``.

    >>> map_distinct(pd.Series(["a", None, "b", "a"]), {"a": 1}, other=7, missing=0).tolist()
    [1, 0, 7, 1]
    """
    codes, uniques = factorize(values)
    # One entry per distinct value; the last serves code -1, a blank value.
    table = np.array([*(mapping.get(value, other) for value in uniques), missing])
    return table[codes]


def contains_distinct(values: pd.Series, pattern: str) -> np.ndarray:
    """Mark the values that contain the regular expression ``pattern``, searching each distinct value once.

    Blank values do not match.

    >>> contains_distinct(pd.Series(["a.pdf;备案表.pdf", None, "a.pdf", "a.pdf;备案表.pdf"]), "备案表").tolist()
    [True, False, False, True]
    """
    codes, uniques = factorize(values)
    found = pd.Series(uniques, dtype=object).str.contains(pattern, regex=True)
    # The last entry serves code -1, a blank value.
    return np.append(found.fillna(False).to_numpy(dtype=bool), False)[codes]
