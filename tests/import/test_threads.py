"""Sheets read in threads give exactly what one thread gives, and errors still name the sheet."""

from __future__ import annotations

import shutil

import pandas as pd
import pytest

from zcbatch import reader
from zcbatch.batch import read_batch
from zcbatch.errors import InputError
from zcbatch.resources import sample_workbook


@pytest.fixture(scope="module")
def both_ways():
    threaded = read_batch([sample_workbook()])
    patch = pytest.MonkeyPatch()
    patch.setattr(reader, "READ_THREADS", 1)
    try:
        single = read_batch([sample_workbook()])
    finally:
        patch.undo()
    return threaded, single


@pytest.mark.parametrize("sheet", ["个人信息", "学历信息", "工作经历", "继续教育", "考核情况", "单位审核"])
def test_typed_sheet_is_the_same(both_ways, sheet: str) -> None:
    threaded, single = both_ways
    pd.testing.assert_frame_equal(threaded.sheets[sheet], single.sheets[sheet])


def test_findings_are_the_same(both_ways) -> None:
    threaded, single = both_ways
    pd.testing.assert_frame_equal(threaded.findings, single.findings)


def test_unit_items_are_the_same(both_ways) -> None:
    threaded, single = both_ways
    assert threaded.unit == single.unit


def test_thread_error_names_sheet(tmp_path, monkeypatch) -> None:
    path = tmp_path / "大表.xlsx"
    shutil.copyfile(sample_workbook(), path)
    monkeypatch.setattr(reader, "MAX_DATA_ROWS", 0)
    with pytest.raises(InputError, match="“大表.xlsx”的工作表“个人信息”超过 0 行"):
        read_batch([path])
