"""Property tests: random cell values never crash reading and evaluation.

Hypothesis changes cells of a valid batch (the bundled sample batch, and
the single example applicant of the input template) to random values of
every type a workbook can hold. The values are numbers (huge, negative,
fractional, infinite, NaN), dates, booleans, blanks and random text with
emoji, right-to-left marks and control characters. It also clears and
copies whole rows. Each mutated workbook is written with xlsxwriter, which
stores control characters the way Excel does (``_x0001_``) and NaN and
infinity as error cells. ``read_batch`` and ``evaluate`` must not raise,
and every finding must point at a sheet, a row and a column of the
mutated workbook.

Shrinking is off: one example takes about a second, so shrinking a failure
took Hypothesis over five minutes. A failure shows the unshrunk example.
"""

from __future__ import annotations

import datetime as dt
import re
import tempfile
from pathlib import Path
from typing import Any

import pytest
import python_calamine
import xlsxwriter
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from make_corpus import KEY_VALUE_SHEET, Sheets, base_sheets
from zcbatch import findings as fd
from zcbatch.batch import read_batch
from zcbatch.evaluate import evaluate
from zcbatch.reader import catalogue, normalize_label

REPOSITORY = Path(__file__).resolve().parents[2]
SAMPLE = REPOSITORY / "sample_data" / "申报汇总.xlsx"
# The column letter that findings append to a column name: 民族（M列）.
COLUMN_LETTER = re.compile(r"（([A-Z]{1,3})列）$")
EXCEL_CELL_LIMIT = 32_767
# Text that people and other programs put into cells, beside random text.
TYPICAL_TEXT = [
    "", " ", "\u3000", "\u200b", "\u202e反向\u202c", "\u200fعربي", "😀👍🔥", "#N/A", "#DIV/0!", "=1+1", "+1", "@SUM(A1)",
    "120101199703150014", "120101970315001", "12010119970315001x", "１２０１０１１９９７０３１５００１４",
    "二〇二四", "24", "2019年6月31日", "2019.06", "1899-12-31", "9999-12-31", "√", "是", "否", "Y", "N",
    "inf", "-1", "32.5学时", "NaN", "1e400", "自主聘任", "助理级", "中级", "副高级", "工程技术", "大学本科",
    "\x01\x1f控制", "a\tb\nc", "../../etc/passwd", "李/明", "None", "null",
]


def _read_rows(path: Path) -> Sheets:
    workbook = python_calamine.CalamineWorkbook.from_path(str(path))
    sheets = {name: [list(row) for row in workbook.get_sheet_by_name(name).to_python(skip_empty_area=False)]
              for name in workbook.sheet_names if not name.startswith("_") and name != "填写说明"}
    workbook.close()
    return sheets


def _base(name: str) -> Sheets:
    if name == "sample":
        if not SAMPLE.is_file():
            pytest.skip("sample_data/申报汇总.xlsx is not in the checkout")
        return _read_rows(SAMPLE)
    return base_sheets()


cell_values = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**20), max_value=10**20),
    st.floats(allow_nan=True, allow_infinity=True),
    st.floats(min_value=-1e6, max_value=1e6),
    st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)),
    st.datetimes(min_value=dt.datetime(1900, 3, 1), max_value=dt.datetime(2100, 12, 31)),
    st.sampled_from(TYPICAL_TEXT),
    st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=40),
    st.text(alphabet=st.characters(exclude_categories=("Cs", "Cc")), min_size=1, max_size=3).map(lambda text: text * 12_000),
)
# (kind, sheet choice, row choice, column choice, value); choices are taken
# modulo the sheet's size when the mutation is applied.
mutations = st.tuples(
    st.sampled_from(["cell", "cell", "cell", "clear_row", "copy_row"]),
    st.integers(min_value=0, max_value=1000),
    st.integers(min_value=0, max_value=100_000),
    st.integers(min_value=0, max_value=100),
    cell_values,
)


def _mutate(sheets: Sheets, changes: list[tuple[str, int, int, int, Any]]) -> None:
    names = list(sheets)
    for kind, sheet_choice, row_choice, column_choice, value in changes:
        rows = sheets[names[sheet_choice % len(names)]]
        if len(rows) < 2:
            continue
        row = 1 + row_choice % (len(rows) - 1)
        if names[sheet_choice % len(names)] == KEY_VALUE_SHEET:
            column = 1
        else:
            column = column_choice % len(rows[0])
        if kind == "clear_row":
            rows[row] = [""] * len(rows[row])
        elif kind == "copy_row":
            rows.insert(row, list(rows[row]))
        else:
            while len(rows[row]) <= column:
                rows[row].append("")
            rows[row][column] = value


def _write(path: Path, sheets: Sheets) -> None:
    workbook = xlsxwriter.Workbook(str(path), {"strings_to_numbers": False, "strings_to_formulas": False,
                                               "strings_to_urls": False, "nan_inf_to_errors": True})
    date_format = workbook.add_format({"num_format": "yyyy-mm-dd"})
    for name, rows in sheets.items():
        worksheet = workbook.add_worksheet(name)
        for row_index, row in enumerate(rows):
            for column_index, value in enumerate(row):
                if value is None or value == "":
                    continue
                if isinstance(value, bool):
                    worksheet.write_boolean(row_index, column_index, value)
                elif isinstance(value, (int, float)):
                    worksheet.write_number(row_index, column_index, value)
                elif isinstance(value, (dt.date, dt.datetime)):
                    worksheet.write_datetime(row_index, column_index, value, date_format)
                else:
                    worksheet.write_string(row_index, column_index, str(value)[:EXCEL_CELL_LIMIT])
    workbook.close()


def _check_findings(path: Path, findings: Any) -> None:
    written = _read_rows(path)
    for record in findings.to_dict("records"):
        where = f"finding {record}"
        if record[fd.FILE]:
            assert record[fd.FILE] == path.name, where
        sheet, row, column = record[fd.SHEET], record[fd.ROW], str(record[fd.COLUMN] or "")
        if sheet:
            assert sheet in written, where
        if row is None:
            continue
        assert sheet, where
        rows = written[sheet]
        assert 1 <= int(row) <= len(rows), where
        letter = COLUMN_LETTER.search(column)
        if sheet == KEY_VALUE_SHEET or letter is None:
            continue
        position = sum((ord(char) - 64) * 26 ** power for power, char in enumerate(reversed(letter.group(1)))) - 1
        header = rows[0][position] if position < len(rows[0]) else ""
        name = COLUMN_LETTER.sub("", column)
        canonical = catalogue().column_by_label.get(sheet, {}).get(normalize_label(header))
        assert name in (canonical, str(header).strip()), where


@pytest.mark.parametrize("base", ["sample", "template"])
@settings(max_examples=25, deadline=None, phases=[Phase.explicit, Phase.reuse, Phase.generate],
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(changes=st.lists(mutations, min_size=1, max_size=8))
def test_mutated_workbook_never_crashes(base: str, changes: list[tuple[str, int, int, int, Any]]) -> None:
    sheets = _base(base)
    _mutate(sheets, changes)
    with tempfile.TemporaryDirectory(prefix="zcbatch-property-") as folder:
        path = Path(folder) / "申报信息.xlsx"
        _write(path, sheets)
        batch = read_batch(path)
        _check_findings(path, batch.findings)
        if batch.applicants.empty:
            return
        result = evaluate(batch)
        _check_findings(path, result.findings)
        assert len(result.applicants) == len(batch.applicants)
