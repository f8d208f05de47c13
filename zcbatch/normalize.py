"""Turn the values people type into Excel into clean, typed values.

Every parser takes a Series of raw cell values as python-calamine returns
them (``str``, ``float``, ``int``, ``bool``, ``date``, ``datetime``, or ``""``
for a blank cell) and returns a :class:`Parsed`: the typed values, and a
Series of problem codes (``None`` where the value is fine) with a detail text.
Nothing here raises on bad input; a value that cannot be read becomes a
problem for the caller to report at its cell.

Accepted forms follow what analysts really type:

- dates: Excel dates, Excel serial numbers (1900 date system), ``2019-06-30``,
  ``2019/6/30``, ``2019.06.30``, ``20190630``, ``2019.06`` (first of month),
  ``2019年6月30日``, ``2019年6月``;
- full-width digits, letters and punctuation (folded with Unicode NFKC);
- yes/no: ``是/否``, ``Y/N``, ``√`` and the other spellings in ``enums.yaml``;
- hours: ``32``, ``32.0``, ``３２``, ``32学时``.

>>> parse_dates(pd.Series(["2019.06", "2019年6月30日", 43646.0, ""])).values.tolist()
[Timestamp('2019-06-01 00:00:00'), Timestamp('2019-06-30 00:00:00'), Timestamp('2019-06-30 00:00:00'), NaT]
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass

import numpy as np
import pandas as pd

# Whitespace and invisible characters that people paste in from web pages and
# chat tools: zero-width space/joiners, word joiner, BOM, soft hyphen.
INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_INVISIBLE_RE = f"[{INVISIBLE}]"
# C0 and C1 control characters other than tab, line feed and carriage return.
# XML 1.0 (and so .xlsx and .docx) cannot hold most of them.
CONTROL_RE = r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]"
_CONTROL_PATTERN = re.compile(CONTROL_RE)
# Excel's error values as python-calamine returns them.
ERROR_VALUE_RE = r"^#(?:DIV/0!|N/A|NAME\?|NULL!|NUM!|REF!|VALUE!|GETTING_DATA|SPILL!|CALC!|FIELD!|BLOCKED!|UNKNOWN!)$"

_CHINESE_DIGITS = str.maketrans("〇零一二三四五六七八九", "00123456789")

# The 1900 date system: serial 1 is 1900-01-01 and serial 60 is the
# 1900-02-29 that Excel invents for Lotus 1-2-3 compatibility.
_EXCEL_EPOCH_BEFORE_LEAP = pd.Timestamp("1899-12-31")
_EXCEL_EPOCH_AFTER_LEAP = pd.Timestamp("1899-12-30")
_FAKE_LEAP_SERIAL = 60
_MAX_SERIAL = 2958465  # 9999-12-31
EARLIEST_DATE = pd.Timestamp("1900-01-01")
# pandas stores dates as nanoseconds, which end in 2262, so later dates
# cannot be held at all; none of the batch's dates can lie after 2100.
LATEST_DATE = pd.Timestamp("2100-12-31")
_LATEST_SERIAL = 73415  # 2100-12-31
# A number whose whole part lies here is read as a year (2019.06 is June 2019).
_FIRST_YEAR, _LAST_YEAR = 1900, 2100


@dataclass
class Parsed:
    """Typed values with the problem code and detail of each unreadable cell."""

    values: pd.Series
    problem: pd.Series  # rule code or None
    detail: pd.Series  # Chinese detail for the message, or None


def _no_problem(index: pd.Index) -> pd.Series:
    return pd.Series(None, index=index, dtype=object)


def _all_text(cells: np.ndarray) -> bool:
    """Tell whether every cell is a ``str`` (an empty cell read as ``""`` included)."""
    return pd.api.types.infer_dtype(cells, skipna=False) == "string"


# Cells joined for one search; a bound on the size of the joined text.
_JOIN_CHUNK = 8192


def _joined(cells: np.ndarray):
    for start in range(0, len(cells), _JOIN_CHUNK):
        yield "".join(cells[start:start + _JOIN_CHUNK])


def _contains_any(cells: np.ndarray, characters: str) -> bool:
    """Tell whether any of ``characters`` occurs in any of the ``str`` cells.

    Substring searches over the joined cells are far cheaper than a regular
    expression per cell, and usually let the caller skip that work.
    """
    return any(character in joined for joined in _joined(cells) for character in characters)


def is_blank(raw: pd.Series) -> pd.Series:
    """Mark cells that are empty or hold only whitespace and invisible characters."""
    cells = raw.to_numpy(dtype=object)
    if _all_text(cells) and not _contains_any(cells, INVISIBLE):
        return pd.Series([not cell.strip() for cell in cells], index=raw.index, dtype=bool)
    text = raw.astype("string")
    stripped = text.str.replace(_INVISIBLE_RE, "", regex=True).str.strip()
    return (raw.isna() | stripped.isna() | (stripped == "")).astype(bool)


def display(raw: pd.Series) -> pd.Series:
    """Render raw cell values the way Excel shows them, for messages.

    >>> display(pd.Series([32.0, 1.20101199001011e17, "x", dt.date(2020, 1, 2)])).tolist()
    ['32', '1.20101199001011E+17', 'x', '2020-01-02']
    """

    def one(value: object) -> str:
        if value is None or (isinstance(value, float) and np.isnan(value)):
            return ""
        if isinstance(value, bool):
            return "TRUE" if value else "FALSE"
        if isinstance(value, float):
            if not np.isfinite(value):
                return str(value)
            if value.is_integer() and abs(value) < 1e15:
                return str(int(value))
            if abs(value) >= 1e15:
                mantissa, exponent = f"{value:.14E}".split("E")
                return f"{mantissa.rstrip('0').rstrip('.')}E{exponent}"
            return repr(value)
        if isinstance(value, dt.datetime):
            return value.strftime("%Y-%m-%d") if value.time() == dt.time() else value.isoformat(sep=" ")
        if isinstance(value, dt.date):
            return value.isoformat()
        return str(value)

    unique = pd.unique(raw.to_numpy(dtype=object))
    lookup = {value: one(value) for value in unique if not _unhashable(value)}
    return raw.map(lambda value: lookup.get(value, one(value)) if not _unhashable(value) else one(value))


def _unhashable(value: object) -> bool:
    try:
        hash(value)
    except TypeError:
        return True
    return False


def to_text(raw: pd.Series) -> pd.Series:
    """Convert raw cells to text: numbers without a trailing ``.0``, dates as ISO.

    Blank cells become ``<NA>``. Surrounding whitespace (including the
    full-width space and non-breaking space) and invisible characters are
    removed; control characters are kept for :func:`strip_controls` to report.
    """
    cells = raw.to_numpy(dtype=object)
    if _all_text(cells):
        text = raw.astype("string")
    else:
        is_str = raw.map(type).eq(str)
        text = pd.Series(pd.NA, index=raw.index, dtype="string")
        if is_str.any():
            text[is_str] = raw[is_str].astype("string")
        others = ~is_str & raw.notna()
        if others.any():
            text[others] = display(raw[others]).astype("string")
    present = text.to_numpy(dtype=object, na_value="")
    if _contains_any(present, INVISIBLE):
        text = text.str.replace(_INVISIBLE_RE, "", regex=True)
        present = text.to_numpy(dtype=object, na_value="")
    # Python's str.strip removes the same whitespace as Series.str.strip;
    # a cell left empty becomes NA.
    return pd.Series([cell.strip() or None for cell in present], index=raw.index, dtype="string")


def fold(text: pd.Series) -> pd.Series:
    """Fold full-width digits, letters and punctuation to ASCII (Unicode NFKC).

    >>> fold(pd.Series(["３２", "（户口簿）", "１２０１０１"])).tolist()
    ['32', '(户口簿)', '120101']
    """
    unique = pd.unique(text.dropna().to_numpy(dtype=object))
    lookup = {value: unicodedata.normalize("NFKC", value) for value in unique}
    return text.map(lookup, na_action="ignore").astype("string")


def strip_controls(text: pd.Series) -> Parsed:
    """Remove control characters, reporting each cell that had some."""
    if not any(_CONTROL_PATTERN.search(joined) for joined in _joined(text.to_numpy(dtype=object, na_value=""))):
        return Parsed(text.copy(), _no_problem(text.index), _no_problem(text.index))
    has = text.str.contains(CONTROL_RE, regex=True).fillna(False).astype(bool)
    cleaned = text.str.replace(CONTROL_RE, "", regex=True)
    problem = _no_problem(text.index)
    problem[has] = "CELL_CONTROL_CHARS"
    detail = _no_problem(text.index)
    return Parsed(cleaned, problem, detail)


def error_values(text: pd.Series) -> pd.Series:
    """Mark cells holding an Excel error value such as ``#N/A`` or ``#DIV/0!``."""
    if not _contains_any(text.to_numpy(dtype=object, na_value=""), "#"):
        return pd.Series(False, index=text.index)
    return text.str.match(ERROR_VALUE_RE).fillna(False).astype(bool)


def parse_dates(raw: pd.Series) -> Parsed:
    """Parse dates in every form of the module docstring.

    Dates before 1900 are rejected because no applicant, school or job in the
    batch can date from then; a typed ``1899`` is a typo.
    """
    index = raw.index
    result = pd.Series(pd.NaT, index=index, dtype="datetime64[ns]")
    problem = _no_problem(index)
    detail = _no_problem(index)
    types = raw.map(type)

    is_datetime = types.isin([dt.datetime, pd.Timestamp])
    is_date = types.eq(dt.date)
    native = is_datetime | is_date
    too_late = pd.Series(False, index=index)
    # A year before 1900 is marked before conversion, because a date before
    # 1677 does not fit the nanosecond timestamps of the date columns.
    too_early = pd.Series(False, index=index)
    if native.any():
        years = raw[native].map(lambda value: value.year).astype("int64")
        too_late[native] = years > LATEST_DATE.year
        too_early[native] = years < EARLIEST_DATE.year
        convert = native & ~too_late & ~too_early
        if convert.any():
            result[convert] = pd.to_datetime(raw[convert].map(lambda value: dt.datetime(value.year, value.month, value.day)))

    is_number = types.isin([float, int, np.float64, np.int64])
    if is_number.any():
        serial = pd.to_numeric(raw[is_number], errors="coerce")
        result[is_number], problem[is_number], detail[is_number] = _from_serial(serial)

    is_text = types.eq(str)
    if is_text.any():
        text = fold(to_text(raw[is_text]))
        parsed, text_problem, text_late, text_early = _from_text(text)
        result[is_text] = parsed
        problem[is_text] = text_problem
        too_late[is_text] = text_late
        too_early[is_text] = text_early

    # Booleans, times of day and anything else without a date in it.
    other = raw.notna() & ~(native | is_number | is_text)
    problem[other] = "DATE_INVALID"
    # An .xlsx or .xls date cell before 1900 is stored as a negative serial,
    # which python-calamine reads as the time 00:00:00.
    detail[other & types.eq(dt.time)] = "单元格只有时间，没有日期。1900年以前的日期存入 xlsx 或 xls 文件后会读成这样"

    too_early |= result.notna() & (result < EARLIEST_DATE)
    result[too_early] = pd.NaT
    problem[too_early] = "DATE_INVALID"
    detail[too_early] = "早于1900年"
    problem[too_late] = "DATE_INVALID"
    detail[too_late] = "晚于2100年"
    return Parsed(result, problem, detail)


def _from_serial(serial: pd.Series) -> tuple[pd.Series, pd.Series, pd.Series]:
    """Read numbers as Excel serial dates, ``yyyymmdd`` or ``yyyy.mm`` typed as a number.

    Excel stores a typed ``2019.06`` as the number 2019.06, and ``2019.10``
    as 2019.1, the same number as ``2019.1``. So a number of one decimal
    .1 is reported as ambiguous (January or October) and a whole number
    between 1900 and 2100 as a year without month. As serials these
    numbers would be days of 1905, which no date of a batch can be. Any
    other number with four digits before the point (1899.12, 2500) is
    read as a year too, and rejected as before 1900 or after 2100: as a
    serial it would be a day from 1902 to 1927.

    >>> _from_serial(pd.Series([2019.06, 2019.11, 2019.3, 2019.1, 2019.0]))[0].dt.strftime("%Y-%m-%d").tolist()
    ['2019-06-01', '2019-11-01', '2019-03-01', nan, nan]
    """
    index = serial.index
    result = pd.Series(pd.NaT, index=index, dtype="datetime64[ns]")
    problem = _no_problem(index)
    detail = _no_problem(index)

    whole = np.floor(serial)
    yyyymmdd = (whole >= 19000101) & (whole <= 21001231)
    if yyyymmdd.any():
        as_text = whole[yyyymmdd].astype("int64").astype(str)
        result[yyyymmdd] = pd.to_datetime(as_text, format="%Y%m%d", errors="coerce")

    year_like = (whole >= _FIRST_YEAR) & (whole <= _LAST_YEAR)
    if year_like.any():
        hundredths = (serial - whole) * 100
        month = hundredths.round()
        # Two decimals exactly (float noise aside), or one, as in 2019.3.
        exact = (hundredths - month).abs() < 1e-6
        one_decimal = exact & (month % 10 == 0)
        ambiguous = year_like & one_decimal & (month == 10)
        month = month.where(~one_decimal | ambiguous, month / 10)
        year_month = year_like & exact & ~ambiguous & (month >= 1) & (month <= 12)
        parts = pd.DataFrame({"year": whole[year_month], "month": month[year_month], "day": 1})
        result[year_month] = pd.to_datetime(parts, errors="coerce")
        detail[year_like & ~year_month] = "整数部分像年份，小数部分却不是月份"
        detail[year_like & (month == 0)] = "只有年份，缺少月份"
        year = whole[ambiguous].astype("int64").astype(str)
        detail[ambiguous] = "可能是" + year + "年1月，也可能是" + year + "年10月：Excel 会把输入的 " + year + ".10 存成 " + year + ".1"

    # Four digits before the point that are no year from 1900 to 2100.
    other_year = (whole >= 1000) & (whole <= 9999) & ~year_like
    detail[other_year & (whole < _FIRST_YEAR)] = "整数部分像年份，但早于1900年"
    detail[other_year & (whole > _LAST_YEAR)] = "整数部分像年份，但晚于2100年"

    in_range = (whole >= 1) & (whole <= _LATEST_SERIAL) & ~yyyymmdd & ~year_like & ~other_year
    leap = whole == _FAKE_LEAP_SERIAL
    before = in_range & (whole < _FAKE_LEAP_SERIAL)
    after = in_range & (whole > _FAKE_LEAP_SERIAL)
    result[before] = _EXCEL_EPOCH_BEFORE_LEAP + pd.to_timedelta(whole[before], unit="D")
    result[after] = _EXCEL_EPOCH_AFTER_LEAP + pd.to_timedelta(whole[after], unit="D")
    result[leap] = pd.NaT

    problem[leap] = "DATE_1900_LEAP"
    failed = result.isna() & ~leap
    problem[failed] = "DATE_INVALID"
    detail[failed & detail.isna()] = "数字不是有效的Excel日期序号"
    detail[failed & (whole > _LATEST_SERIAL) & (whole <= _MAX_SERIAL)] = "晚于2100年"
    return result, problem, detail


_DATE_PATTERNS = [
    # 2019-06-30, 2019/6/30, 2019.06.30, 2019年6月30日, optionally with a time.
    r"^(?P<y>\d{4})\s*[-/.年]\s*(?P<m>\d{1,2})\s*[-/.月]\s*(?P<d>\d{1,2})\s*日?(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$",
    # 2019.06, 2019-06, 2019/6, 2019年6月: the first of the month.
    r"^(?P<y>\d{4})\s*[-/.年]\s*(?P<m>\d{1,2})\s*月?$",
    # 20190630
    r"^(?P<y>\d{4})(?P<m>\d{2})(?P<d>\d{2})$",
]


def _from_text(text: pd.Series) -> tuple[pd.Series, pd.Series, pd.Series, pd.Series]:
    """Return the dates typed as text, their problem codes, and masks of years after 2100 and before 1900."""
    index = text.index
    year = pd.Series(np.nan, index=index)
    month = pd.Series(np.nan, index=index)
    day = pd.Series(np.nan, index=index)
    pending = text.notna()
    for pattern in _DATE_PATTERNS:
        if not pending.any():
            break
        parts = text[pending].str.extract(pattern)
        matched = parts["y"].notna()
        hit = parts.index[matched]
        year[hit] = pd.to_numeric(parts.loc[matched, "y"])
        month[hit] = pd.to_numeric(parts.loc[matched, "m"])
        day[hit] = pd.to_numeric(parts["d"], errors="coerce")[matched].fillna(1) if "d" in parts else 1
        pending[hit] = False

    # A whole number typed as text (for example a pasted serial "43646").
    serial_text = pending & text.str.fullmatch(r"\d{1,7}(?:\.\d+)?").fillna(False).astype(bool)
    result = pd.Series(pd.NaT, index=index, dtype="datetime64[ns]")
    problem = _no_problem(index)
    if serial_text.any():
        serial_result, serial_problem, _ = _from_serial(pd.to_numeric(text[serial_text]))
        result[serial_text] = serial_result
        problem[serial_text] = serial_problem
        pending[serial_text] = False

    late = year > LATEST_DATE.year
    early = year < EARLIEST_DATE.year
    matched = year.notna() & ~late & ~early
    if matched.any():
        frame = pd.DataFrame({"year": year[matched], "month": month[matched], "day": day[matched]})
        result[matched] = pd.to_datetime(frame, errors="coerce")
    problem[(matched & result.isna()) | late | early | pending & text.notna()] = "DATE_INVALID"
    return result, problem, late, early


def parse_years(raw: pd.Series) -> Parsed:
    """Parse four-digit years: ``2024``, ``2024年``, ``2024年度``, ``二〇二四``.

    Two-digit years such as ``24`` are rejected: whether they mean 2024 or
    1924 is for the analyst to say.

    >>> parse_years(pd.Series(["2024年度", "二〇二四", "24", 2023.0])).values.tolist()
    [2024, 2024, <NA>, 2023]
    """
    text = fold(to_text(raw))
    text = text.map(lambda value: value.translate(_CHINESE_DIGITS), na_action="ignore").astype("string")
    digits = text.str.extract(r"^(\d{4})(?:\.0+)?\s*(?:年度?)?$")[0]
    values = pd.to_numeric(digits, errors="coerce").astype("Int64")
    problem = _no_problem(raw.index)
    detail = _no_problem(raw.index)
    bad = text.notna() & values.isna()
    problem[bad] = "YEAR_INVALID"
    short = bad & text.str.fullmatch(r"\d{1,2}").fillna(False).astype(bool)
    detail[short] = "两位数年份无法确定世纪"
    out_of_range = values.notna() & ((values < 1950) | (values > 2100))
    problem[out_of_range] = "YEAR_INVALID"
    detail[out_of_range] = "年份应在1950至2100之间"
    values = values.mask(out_of_range)
    return Parsed(values, problem, detail)


def parse_numbers(raw: pd.Series, *, integer: bool = False, suffixes: str = "学时|小时|h|H|人|名") -> Parsed:
    """Parse hours or counts: ``32``, ``32.0``, ``３２``, ``32学时``.

    Negative numbers are reported; with ``integer=True`` fractions are too.

    >>> parse_numbers(pd.Series(["３２", 64.0, "32学时", "abc"])).values.tolist()
    [32.0, 64.0, 32.0, nan]
    """
    text = fold(to_text(raw))
    cleaned = text.str.replace(rf"\s*(?:{suffixes})$", "", regex=True).str.replace(",", "", regex=False)
    values = pd.to_numeric(cleaned, errors="coerce").astype("float64")
    # to_numeric reads "inf", "Infinity" and "1e400" as infinite; no count or
    # number of hours is infinite, so they are invalid like any other text.
    values = values.where(np.isfinite(values))
    problem = _no_problem(raw.index)
    detail = _no_problem(raw.index)
    problem[text.notna() & values.isna()] = "NUMBER_INVALID"
    negative = values < 0
    problem[negative] = "NUMBER_NEGATIVE"
    if integer:
        fractional = values.notna() & (values != np.floor(values))
        problem[fractional] = "NUMBER_INVALID"
        detail[fractional] = "应为整数"
    values = values.mask(negative | problem.notna())
    return Parsed(values, problem, detail)


def parse_work_years(raw: pd.Series) -> Parsed:
    """Parse a typed number of work years: ``3``, ``3年``, ``3.0``, ``3年6个月``.

    Only the whole years count; months after them are ignored.

    >>> parse_work_years(pd.Series(["3年", "3年6个月", 4.0, "三年"])).values.tolist()
    [3, 3, 4, <NA>]
    """
    text = fold(to_text(raw))
    digits = text.str.extract(r"^(\d{1,2})(?:\.0+)?\s*(?:年|周年)?(?:\s*\d{1,2}\s*个?月)?$")[0]
    values = pd.to_numeric(digits, errors="coerce").astype("Int64")
    problem = _no_problem(raw.index)
    problem[text.notna() & values.isna()] = "NUMBER_INVALID"
    detail = _no_problem(raw.index)
    detail[problem.notna()] = "请填写整年数，例如 3 或“3年”"
    return Parsed(values, problem, detail)


def parse_bools(raw: pd.Series, true_values: list[str], false_values: list[str]) -> Parsed:
    """Parse yes/no cells (是/否, Y/N, √, TRUE/FALSE and the other spellings)."""
    text = fold(to_text(raw)).str.upper()
    lookup = {value.upper(): True for value in true_values} | {value.upper(): False for value in false_values}
    values = text.map(lookup, na_action="ignore").astype("boolean")
    problem = _no_problem(raw.index)
    problem[text.notna() & values.isna()] = "BOOL_INVALID"
    return Parsed(values, problem, _no_problem(raw.index))


def parse_enum(raw: pd.Series, allowed: list[str], aliases: dict[str, str | None] | None = None) -> Parsed:
    """Match cells to allowed values after folding full-width characters.

    Aliases map common spellings to the allowed value (``大专`` → ``大学专科``).
    A value that matches only once inner spaces are removed is reported with
    that value as the suggestion, not accepted silently.
    """
    text = to_text(raw)
    folded = fold(text)
    allowed_by_folded = {unicodedata.normalize("NFKC", value): value for value in allowed}
    for alias, target in (aliases or {}).items():
        if target is not None:
            allowed_by_folded.setdefault(unicodedata.normalize("NFKC", str(alias)), target)
    values = folded.map(allowed_by_folded, na_action="ignore").astype("string")
    problem = _no_problem(raw.index)
    detail = _no_problem(raw.index)
    bad = folded.notna() & values.isna()
    problem[bad] = "ENUM_INVALID"
    if bad.any():
        squeezed = folded[bad].str.replace(r"\s+", "", regex=True).map(allowed_by_folded, na_action="ignore")
        suggestion = squeezed.dropna()
        detail[suggestion.index] = "是否应为“" + suggestion.astype(str) + "”？"
    return Parsed(values, problem, detail)


def clean_id(raw: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Normalise ID numbers and mark cells that Excel stored as numbers.

    Spaces, zero-width characters and hyphens are removed, full-width digits
    folded and a lower-case ``x`` check character upper-cased. Returns the
    cleaned text and a mask of cells that were numeric in the workbook (an
    18-digit ID stored as a number has lost its last digits).
    """
    types = raw.map(type)
    numeric = types.isin([float, int, np.float64, np.int64]).astype(bool)
    # An ID typed cleanly (digits and capital letters only) comes out of the
    # cleaning unchanged, so only the other cells go through it.
    cells = raw.to_numpy(dtype=object)
    clean = np.fromiter((type(cell) is str and _CLEAN_ID.fullmatch(cell) is not None for cell in cells),
                        dtype=bool, count=len(cells))
    if clean.all():
        return pd.Series(cells, index=raw.index, dtype="string"), numeric
    text = fold(to_text(raw[~clean]))
    text = text.str.replace(r"[\s\-]", "", regex=True).str.upper()
    cleaned = pd.Series(cells, index=raw.index, dtype=object)
    cleaned[~clean] = text.mask(text == "").to_numpy(dtype=object)
    return cleaned.astype("string"), numeric


_CLEAN_ID = re.compile(r"[0-9A-Z]+")
