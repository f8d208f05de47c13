"""Date cells: every form analysts type must read as the same calendar date."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pandas as pd
import pytest

from zcbatch.batch import Batch
from zcbatch.normalize import parse_dates

# (case id, cell value, expected date). Each case is one 学历信息 row of the
# applicant, and the value goes into its 毕业时间 cell.
ACCEPTED = [
    ("excel-date-cell", dt.date(2019, 6, 30), "2019-06-30"),
    ("excel-datetime-cell", dt.datetime(2019, 6, 30, 14, 30), "2019-06-30"),
    ("serial-int", 43646, "2019-06-30"),
    ("serial-float", 43646.0, "2019-06-30"),
    ("serial-as-text", "43646", "2019-06-30"),
    ("iso", "2019-06-30", "2019-06-30"),
    ("slashes", "2019/6/30", "2019-06-30"),
    ("dots", "2019.06.30", "2019-06-30"),
    ("year-month-dots", "2019.06", "2019-06-01"),
    ("chinese", "2019年6月30日", "2019-06-30"),
    ("chinese-year-month", "2019年6月", "2019-06-01"),
    ("full-width-digits", "２０１９年６月３０日", "2019-06-30"),
    ("full-width-dots", "２０１９．０６．３０", "2019-06-30"),
    ("surrounding-spaces", " 2019-06-30\u3000", "2019-06-30"),
    # Excel stores a typed 2019.06 as a number.
    ("year-month-number", 2019.06, "2019-06-01"),
    ("year-month-number-november", 2019.11, "2019-11-01"),
    ("year-month-number-one-decimal", 2019.3, "2019-03-01"),
]
# (case id, cell value, rule code, words the message must contain).
REJECTED = [
    ("serial-60", 60, "DATE_1900_LEAP", "1900年2月29日"),
    ("serial-60-as-text", "60", "DATE_1900_LEAP", "1900年2月29日"),
    ("month-13", "2019-13-01", "DATE_INVALID", "“2019-13-01”"),
    ("february-30", "2019年2月30日", "DATE_INVALID", "“2019年2月30日”"),
    ("words", "六月底", "DATE_INVALID", "“六月底”"),
    ("two-digit-year", "19.6.30", "DATE_INVALID", "“19.6.30”"),
    ("excel-boolean", True, "DATE_INVALID", "“TRUE”无法识别为日期"),
    ("time-of-day", dt.time(14, 30), "DATE_INVALID", "“14:30:00”无法识别为日期（单元格只有时间，没有日期。1900年以前的日期存入 xlsx 或 xls 文件后会读成这样）"),
    # A typed 2019.10 is stored as 2019.1, so January and October look alike.
    ("year-month-number-ambiguous", 2019.1, "DATE_INVALID", "可能是2019年1月，也可能是2019年10月"),
    ("year-only-number", 2019, "DATE_INVALID", "只有年份，缺少月份"),
    ("year-only-text", "2019", "DATE_INVALID", "“2019”无法识别为日期"),
    ("year-number-bad-month", 2019.13, "DATE_INVALID", "小数部分却不是月份"),
    ("before-1900-text", "1899-12-31", "DATE_INVALID", "早于1900年"),
    # Years before 1677 do not fit a nanosecond timestamp at all.
    ("before-1677-text", "1677-09-21", "DATE_INVALID", "早于1900年"),
    ("year-one-text", "0001-01-01", "DATE_INVALID", "早于1900年"),
    ("year-month-1006-text", "1006.1", "DATE_INVALID", "早于1900年"),
    # Four digits before the point are a year, not a serial day of 1905.
    ("year-month-number-1899", 1899.12, "DATE_INVALID", "整数部分像年份，但早于1900年"),
    ("year-month-number-2500", 2500.05, "DATE_INVALID", "整数部分像年份，但晚于2100年"),
]
FIRST_CASE_ROW = 3  # row 2 is the applicant's own education row


def case_row(cases: list[tuple], case_id: str) -> int:
    """Return the Excel row of a case, counting from FIRST_CASE_ROW."""
    return FIRST_CASE_ROW + [case[0] for case in cases].index(case_id)


@pytest.fixture(scope="module")
def batch(applicant: Any, load_batch: Any) -> Batch:
    person = applicant()
    template = person["学历信息"][0]
    cases = ACCEPTED + REJECTED
    person["学历信息"] += [dict(template, 毕业时间=value) for _, value, *_ in cases]
    return load_batch(person)


def graduation(batch: Batch, row: int) -> pd.Timestamp:
    frame = batch.sheets["学历信息"]
    return frame.loc[frame["_row"] == row, "毕业时间"].iloc[0]


@pytest.mark.parametrize(("case_id", "value", "expected"), ACCEPTED, ids=[case[0] for case in ACCEPTED])
def test_date_form_accepted(batch: Batch, rule_findings: Any, case_id: str, value: object, expected: str) -> None:
    row = case_row(ACCEPTED, case_id)
    assert graduation(batch, row) == pd.Timestamp(expected)
    assert batch.findings[batch.findings["行号"] == row].empty


@pytest.mark.parametrize(("case_id", "value", "rule", "words"), REJECTED, ids=[case[0] for case in REJECTED])
def test_date_form_rejected(batch: Batch, rule_findings: Any, cell: Any, case_id: str, value: object,
                            rule: str, words: str) -> None:
    row = case_row(REJECTED, case_id) + len(ACCEPTED)
    found = rule_findings(batch, rule, row)
    assert len(found) == 1
    assert found.at[0, "级别"] == "错误"
    assert found.at[0, "工作表"] == "学历信息"
    assert cell(batch, found.iloc[0]) == f"C{row}"
    assert words in found.at[0, "说明"]
    assert pd.isna(graduation(batch, row))


def test_rejected_date_only_finding(batch: Batch) -> None:
    """An unreadable date is reported once, not also as blank or out of order."""
    rows = range(FIRST_CASE_ROW + len(ACCEPTED), FIRST_CASE_ROW + len(ACCEPTED) + len(REJECTED))
    per_row = batch.findings[batch.findings["行号"].isin(rows)].groupby("行号").size()
    assert per_row.to_dict() == {row: 1 for row in rows}


@pytest.mark.parametrize("value", [dt.date(1000, 1, 1), dt.datetime(1899, 12, 31, 8, 0)], ids=["year-1000", "1899"])
def test_date_cell_before_1900_rejected(value: object) -> None:
    """A date cell before 1900 (a LibreOffice sheet can hold one) is an error, not a crash."""
    parsed = parse_dates(pd.Series([value], dtype=object))
    assert pd.isna(parsed.values.iloc[0])
    assert parsed.problem.iloc[0] == "DATE_INVALID"
    assert parsed.detail.iloc[0] == "早于1900年"
