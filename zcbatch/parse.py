"""Parse raw sheets into typed frames, reporting every cell that cannot be read.

Each column of ``fields.yaml`` has a type; this module converts the raw cell
values of that column to it (see :mod:`zcbatch.normalize`) and reports
required cells left blank, Excel error values, control characters, too-long
cells and values that cannot be parsed. The typed frame keeps the provenance
columns, and a value that could not be read is missing (``NA``) in it, so the
rules never see a guess.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from zcbatch import findings as fd
from zcbatch import normalize as nz
from zcbatch.reader import MAX_CELL_CHARS, RawSheet, catalogue
from zcbatch.resources import enums

PROVENANCE = [fd.SRC_FILE, fd.SRC_SHEET, fd.SRC_ROW]

_FORMAT_HINT = {
    "date": "请写成 2019-06-30、2019/6/30 或 2019年6月30日 这样的日期。",
    "year": "请写四位年份，例如 2024。",
    "hours": "请填写学时数字，例如 32。",
    "count": "请填写人数（整数），例如 7。",
    "years": "请填写整年数，例如 3 或“3年”。",
    "bool": "请填写“是”或“否”。",
}


def column_types(sheet: str) -> dict[str, dict]:
    """Return the column definitions of a sheet, keyed by column name."""
    return {column["name"]: column for column in catalogue().sheets[sheet]["columns"]}


def parse_sheet(raw: RawSheet | pd.DataFrame, sheet: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Parse one sheet's raw frame into typed columns.

    Returns the typed frame (every column of the sheet, missing columns as
    ``NA``, extra columns as text) and the findings about unreadable cells.
    """
    frame = raw.frame if isinstance(raw, RawSheet) else raw
    definitions = column_types(sheet)
    typed = frame[PROVENANCE].copy()
    problems: list[pd.DataFrame] = []
    context = frame[PROVENANCE].copy()
    context["证件号码"] = _per_distinct_value(id_keys, frame["证件号码"]) if "证件号码" in frame else pd.NA

    for name, definition in definitions.items():
        if name not in frame:
            typed[name] = _empty_column(definition["type"], frame.index)
            continue
        values, column_problems = parse_column(frame[name], definition, context)
        typed[name] = values
        problems.append(column_problems)

    for name in frame.columns:
        if name not in definitions and not name.startswith("_"):
            typed[name] = nz.to_text(frame[name])
    return typed, fd.concat(problems)


def _lost_digits(values: pd.Series, numeric: pd.Series) -> pd.Series:
    """Mark IDs that Excel stored as numbers with more digits than a double keeps.

    Text in scientific notation (``1.20101199001011E+17``, as a CSV export or
    a copy of such a cell gives) has lost the same digits.
    """
    # Only numbers can be long numbers, and scientific notation needs an "E":
    # both tests are skipped for the columns of text IDs they cannot match.
    long_number = np.zeros(len(values), dtype=bool)
    stored = np.flatnonzero(numeric.to_numpy(dtype=bool))
    if len(stored):
        lengths = values.iloc[stored].str.len().fillna(0).to_numpy()
        long_number[stored[lengths > 15]] = True
    long_number = pd.Series(long_number, index=values.index)
    if "E" not in "".join(values.to_numpy(dtype=object, na_value="")):
        return long_number
    scientific = values.str.fullmatch(r"\d(?:\.\d+)?E\+?\d+").fillna(False).astype(bool)
    return long_number | scientific


def id_keys(raw: pd.Series) -> pd.Series:
    """Return the cleaned 证件号码 of each cell, the key joining the sheets.

    An ID that Excel stored as a number keeps the digits Excel kept, marked
    with a leading ``#`` so the ID rules do not report it a second time as
    malformed and it never matches a real ID in another sheet.
    """
    values, numeric = nz.clean_id(raw)
    return _mark_lost_digits(values, _lost_digits(values, numeric))


def _mark_lost_digits(values: pd.Series, lost: pd.Series) -> pd.Series:
    if not lost.any():
        return values.astype("string")
    return values.mask(lost, "#" + values.astype("string")).astype("string")


def _per_distinct_value(function, raw: pd.Series) -> pd.Series:
    """Apply a cell-by-cell Series function once per distinct value of ``raw``."""
    codes, distinct = _distinct_cells(raw)
    if codes is None:
        return function(raw)
    return function(pd.Series(distinct, dtype=object)).take(codes).set_axis(raw.index)


def _empty_column(kind: str, index: pd.Index) -> pd.Series:
    if kind == "date":
        return pd.Series(pd.NaT, index=index, dtype="datetime64[ns]")
    if kind in ("year", "years", "count"):
        return pd.Series(pd.NA, index=index, dtype="Int64")
    if kind == "hours":
        return pd.Series(float("nan"), index=index, dtype="float64")
    if kind == "bool":
        return pd.Series(pd.NA, index=index, dtype="boolean")
    return pd.Series(pd.NA, index=index, dtype="string")


def parse_column(raw: pd.Series, definition: dict, context: pd.DataFrame) -> tuple[pd.Series, pd.DataFrame]:
    """Parse one column; ``context`` holds provenance and 证件号码 for findings.

    A cell's typed value and findings depend only on its own value, so each
    distinct value is parsed once and the results are spread back over the
    cells that contain it: a column of dates, enumerations or hours has far
    fewer distinct values than cells.
    """
    codes, distinct = _distinct_cells(raw)
    if codes is None:
        return _parse_cells(raw, definition, context)
    distinct_context = pd.DataFrame({
        fd.SRC_FILE: "", fd.SRC_SHEET: "", fd.SRC_ROW: np.arange(len(distinct)), "证件号码": None,
    })
    values, problems = _parse_cells(pd.Series(distinct, dtype=object), definition, distinct_context)
    values = values.take(codes).set_axis(raw.index)
    return values, _spread_findings(problems, codes, len(distinct), context)


# A column whose distinct values outnumber this share of its cells is parsed
# cell by cell: spreading the results back would cost more than it saves.
_DISTINCT_SHARE = 0.8


def _distinct_cells(raw: pd.Series) -> tuple[np.ndarray | None, np.ndarray]:
    """Return the code of each cell's value and the distinct values, or ``None`` codes.

    Python counts ``True == 1 == 1.0`` and ``10**20 == 1e20``, yet such values
    display differently, so a column holding numbers of more than one type
    (bool, int, float) is parsed cell by cell. Blank cells (``None``, ``NaN``)
    share codes freely, because every parser treats them alike.
    """
    cells = raw.to_numpy(dtype=object)
    if len(cells) < 2:
        return None, cells
    number_types = [kind for kind in set(map(type, cells)) if issubclass(kind, _NUMBER_TYPES)]
    if len(number_types) > 1:
        return None, cells
    codes, distinct = pd.factorize(cells, use_na_sentinel=False)
    if len(distinct) > _DISTINCT_SHARE * len(cells):
        return None, cells
    return codes, distinct


_NUMBER_TYPES = (bool, int, float, np.bool_, np.integer, np.floating)


def _spread_findings(problems: pd.DataFrame, codes: np.ndarray, count: int, context: pd.DataFrame) -> pd.DataFrame:
    """Turn findings about distinct values (``行号`` = value code) into findings about cells.

    The result has the order a cell-by-cell parse gives: rule by rule, in the
    order the rules first occur, and by row within a rule.
    """
    if problems.empty:
        return problems
    value_codes = problems[fd.ROW].to_numpy(dtype=np.int64)
    cells_per_code = np.bincount(codes, minlength=count)
    cells_by_code = np.argsort(codes, kind="stable")
    first_cell = np.concatenate(([0], np.cumsum(cells_per_code)[:-1]))
    repeats = cells_per_code[value_codes]
    finding = np.repeat(np.arange(len(problems)), repeats)
    offset = np.arange(len(finding)) - np.repeat(np.cumsum(repeats) - repeats, repeats)
    cell = cells_by_code[np.repeat(first_cell[value_codes], repeats) + offset]
    rule_rank = pd.factorize(problems[fd.RULE])[0][finding]
    order = np.lexsort((cell, rule_rank))
    finding, cell = finding[order], cell[order]

    spread = problems.iloc[finding].reset_index(drop=True)
    rows = context.iloc[cell]
    for column, source in ((fd.FILE, fd.SRC_FILE), (fd.SHEET, fd.SRC_SHEET), (fd.ROW, fd.SRC_ROW), (fd.KEY, "证件号码")):
        values = rows[source].to_numpy(dtype=object) if source in rows else None
        spread[column] = pd.Series(values, index=spread.index, dtype=object)
    return spread


def _parse_cells(raw: pd.Series, definition: dict, context: pd.DataFrame) -> tuple[pd.Series, pd.DataFrame]:
    """Parse the cells of one column, each on its own (see :func:`parse_column`)."""
    name = definition["name"]
    kind = definition["type"]
    problems: list[pd.DataFrame] = []
    # Cell values as Excel shows them, rendered only for the cells a message quotes.
    original = raw

    def shown(cells: pd.Series) -> pd.Series:
        return nz.display(original[cells])


    blank = nz.is_blank(raw)
    blank_words = definition.get("blank_words")
    if blank_words:
        said_blank = nz.fold(nz.to_text(raw)).isin(blank_words).fillna(False).astype(bool)
        raw = raw.mask(said_blank, "")
        blank = blank | said_blank
    default = definition.get("default")
    if default is not None and blank.any():
        raw = raw.mask(blank, default)
        blank = pd.Series(False, index=raw.index)
    if definition.get("required"):
        problems.append(fd.frame(
            context[blank], rule="REQUIRED_MISSING", column=name,
            message=f"“{name}”为必填项，当前为空。请补充。",
        ))

    text = nz.to_text(raw)
    error_cells = nz.error_values(text.fillna(""))
    if error_cells.any():
        problems.append(fd.frame(
            context[error_cells], rule="CELL_ERROR_VALUE", column=name,
            message="单元格为错误值“" + shown(error_cells) + "”，通常是公式出错。请改为实际的值。",
        ))
        raw = raw.mask(error_cells, "")
        text = text.mask(error_cells)

    too_long = text.str.len().fillna(0) > MAX_CELL_CHARS
    if too_long.any():
        problems.append(fd.frame(
            context[too_long], rule="CELL_TOO_LONG", column=name,
            message=f"单元格超过 {MAX_CELL_CHARS} 个字符，已截断读取。请精简内容。",
        ))
        text = text.mask(too_long, text.str.slice(0, MAX_CELL_CHARS))

    if kind in ("text", "attachments", "image", "phone"):
        controls = nz.strip_controls(text)
        has_controls = controls.problem.notna()
        if has_controls.any():
            problems.append(fd.frame(
                context[has_controls], rule="CELL_CONTROL_CHARS", column=name,
                message="含有不可见的控制字符（可能来自复制粘贴），读取时已去除。请检查该单元格内容。",
            ))
        values = controls.values.str.strip()
        values = values.mask(values == "")
        max_length = definition.get("max_length")
        if max_length:
            length = values.str.len().fillna(0)
            over = length > max_length
            problems.append(fd.frame(
                context[over], rule="TEXT_TOO_LONG", column=name,
                message=f"“{name}”限 {max_length} 字，现为 " + length[over].astype(int).astype(str)
                + f" 字，超出 " + (length[over] - max_length).astype(int).astype(str) + " 字。请精简。",
            ))
        if kind == "phone":
            values = nz.fold(values)
        return values.astype("string"), fd.concat(problems)

    if kind == "id":
        values, numeric = nz.clean_id(raw)
        lost = _lost_digits(values, numeric)
        problems.append(fd.frame(
            context[lost], rule="ID_LOST_DIGITS", column=name,
            message="证件号码被 Excel 存成了数字“" + shown(lost)
            + "”，18 位号码的末几位已经丢失，无法恢复。请把该列设为文本格式后重新录入完整号码（或在号码前加英文单引号）。",
        ))
        return _mark_lost_digits(values, lost), fd.concat(problems)

    if kind == "mobile" or kind == "uscc":
        values = nz.fold(text).str.replace(r"[\s\-]", "", regex=True)
        if kind == "mobile":
            values = values.str.replace(r"^\+?86(?=1\d{10}$)", "", regex=True)
        else:
            values = values.str.upper()
        return values.mask(values == "").astype("string"), fd.concat(problems)

    if kind == "enum":
        spec = enums()[definition["enum"]]
        allowed = list(spec["values"]) + list(spec.get("outside_scope", []))
        parsed = nz.parse_enum(raw.mask(blank, ""), allowed, spec.get("aliases"))
        bad = parsed.problem.notna()
        if bad.any() and definition.get("invalid_rule") == "EVALUATION_METHOD":
            problems.append(fd.frame(
                context[bad], rule="EVALUATION_METHOD", column=name,
                message="评价方式填写为“" + shown(bad) + "”，自主聘任申报的评价方式应为“自主聘任”。请改正；评审、考试等途径不在本批次办理。",
            ))
        elif bad.any():
            choices = ("可选值：" + "、".join(spec["values"]) + "。") if len(spec["values"]) <= 12 else "请从模板的下拉列表中选择。"
            suggestion = parsed.detail[bad].fillna("")
            problems.append(fd.frame(
                context[bad], rule="ENUM_INVALID", column=name,
                message="“" + shown(bad) + f"”不是“{name}”的可选值。" + suggestion + choices,
            ))
        return parsed.values, fd.concat(problems)

    parser = {
        "date": nz.parse_dates,
        "year": nz.parse_years,
        "hours": nz.parse_numbers,
        "count": lambda series: nz.parse_numbers(series, integer=True),
        "years": nz.parse_work_years,
        "bool": lambda series: nz.parse_bools(series, enums()["是否"]["true_values"], enums()["是否"]["false_values"]),
    }[kind]
    parsed = parser(raw.mask(blank, ""))
    bad = parsed.problem.notna()
    if bad.any():
        for rule in parsed.problem[bad].unique():
            selected = parsed.problem == rule
            detail = parsed.detail[selected].fillna("")
            detail = detail.where(detail == "", "（" + detail + "）")
            if rule == "DATE_1900_LEAP":
                message = pd.Series(
                    "日期序号 60 对应 Excel 虚构的 1900年2月29日，这一天并不存在。请重新录入正确的日期。",
                    index=detail.index,
                )
            elif rule == "NUMBER_NEGATIVE":
                message = "“" + shown(selected) + f"”为负数，“{name}”不能为负。请填写实际数值。"
            else:
                message = "“" + shown(selected) + f"”无法识别为{_KIND_WORD[kind]}" + detail + "。" + _FORMAT_HINT[kind]
            problems.append(fd.frame(context[selected], rule=rule, column=name, message=message))
    if kind == "date":
        return parsed.values.astype("datetime64[ns]"), fd.concat(problems)
    return parsed.values, fd.concat(problems)


_KIND_WORD = {"date": "日期", "year": "年度", "hours": "学时数", "count": "人数", "years": "年限", "bool": "是/否"}


def parse_key_value(raw: RawSheet) -> tuple[dict[str, object], pd.DataFrame, pd.DataFrame]:
    """Parse the 单位信息 sheet (项目 | 内容, or the items across one row).

    Returns the typed values by item, a one-row-per-item frame with
    provenance (for findings that point at an item's cell: its row, and in
    ``列名`` the header of its value's column), and the findings.
    """
    definitions = column_types(raw.canonical)
    items = [name for name in definitions if name in raw.frame.columns]
    long = pd.DataFrame({
        "项目": items,
        "_value": [raw.frame.at[0, name] for name in items],
        fd.SRC_FILE: raw.file,
        fd.SRC_SHEET: raw.sheet,
        fd.SRC_ROW: [raw.item_rows.get(name) for name in items],
        "列名": [raw.value_column(name) for name in items],
    })
    values: dict[str, object] = {}
    problems: list[pd.DataFrame] = []
    for position, name in enumerate(items):
        one = long.iloc[[position]]
        parsed, column_problems = parse_column(one["_value"], definitions[name], one[[fd.SRC_FILE, fd.SRC_SHEET, fd.SRC_ROW]].assign(证件号码=None))
        value = parsed.iloc[0]
        values[name] = None if pd.isna(value) else value
        problems.append(column_problems.assign(**{fd.COLUMN: long.at[position, "列名"], fd.FIELD: name}))
    return values, long.drop(columns="_value"), fd.concat(problems)
