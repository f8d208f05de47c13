"""The same workbook saved as .xls and .ods by LibreOffice reads to the same typed frames."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from zcbatch.batch import Batch, read_batch

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed"),
]
FORMATS = ["xls", "ods"]


def convert(source: Path, suffix: str, outdir: Path) -> Path:
    """Convert a workbook with LibreOffice in its own profile folder, so parallel runs do not clash."""
    profile = outdir / f"profile-{suffix}"
    subprocess.run(
        ["soffice", f"-env:UserInstallation={profile.as_uri()}", "--headless",
         "--convert-to", suffix, "--outdir", str(outdir), str(source)],
        check=True, capture_output=True, timeout=180,
    )
    return outdir / f"{source.stem}.{suffix}"


@pytest.fixture(scope="module")
def batches(applicant: Any, write_workbook: Any, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Batch]:
    first, second = applicant(1), applicant(2, gender="女", birth=dt.date(1995, 12, 1))
    second["个人信息"][0].update({"出生日期": "1995年12月1日", "民族": "回", "手机号码": 13900000002})
    second["学历信息"][0].update({"入学时间": "2013.09", "毕业时间": 43646, "是否工作前学历": "√", "学历": "本科"})
    second["继续教育"][0].update({"公需科目学时数": "３２", "专业培训学时数": 64.5, "总学时数": "96.5学时"})
    second["工作经历"].append(dict(second["工作经历"][0], 开始日期=dt.date(2019, 7, 1), 结束日期="2021/6/30"))
    # One bad cell, so the findings are compared too.
    second["考核情况"][0]["考核结果"] = "良"
    sheets = {name: first[name] + second[name] for name in first}
    source = write_workbook(sheets)
    outdir = tmp_path_factory.mktemp("converted")
    result = {"xlsx": read_batch(source)}
    for suffix in FORMATS:
        result[suffix] = read_batch(convert(source, suffix, outdir))
    return result


def comparable(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.drop(columns=["_file"]).reset_index(drop=True)


@pytest.mark.parametrize("suffix", FORMATS)
@pytest.mark.parametrize("sheet", ["个人信息", "学历信息", "工作经历", "继续教育", "考核情况"])
def test_converted_frame_equal(batches: dict[str, Batch], suffix: str, sheet: str) -> None:
    pd.testing.assert_frame_equal(comparable(batches[suffix].sheets[sheet]), comparable(batches["xlsx"].sheets[sheet]))


@pytest.mark.parametrize("suffix", FORMATS)
def test_converted_findings_equal(batches: dict[str, Batch], suffix: str) -> None:
    columns = ["工作表", "行号", "列", "规则", "级别", "说明", "_key"]
    expected = batches["xlsx"].findings[columns]
    assert expected["规则"].tolist() == ["ENUM_INVALID"]
    pd.testing.assert_frame_equal(batches[suffix].findings[columns], expected)


@pytest.mark.parametrize("suffix", FORMATS)
def test_converted_text_id_kept(batches: dict[str, Batch], suffix: str) -> None:
    assert batches[suffix].applicants["证件号码"].str.len().tolist() == [18, 18]


# The applicant's 民族 cell contains =NA(), as a failed lookup leaves it.
ERROR_CELL = {("个人信息", "M2"): ("=NA()", "#N/A")}


@pytest.fixture(scope="module")
def error_copies(applicant: Any, write_error_workbook: Any, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    source = write_error_workbook(applicant(), ERROR_CELL)
    outdir = tmp_path_factory.mktemp("converted-errors")
    return {"xlsx": source} | {suffix: convert(source, suffix, outdir) for suffix in FORMATS}


@pytest.mark.parametrize("suffix", [
    "xlsx",
    pytest.param("xls", marks=pytest.mark.xfail(strict=True, reason=(
        "python-calamine reads error cells of .xls as blank and the reader restores them from the "
        "sheet XML of .xlsx only; .xls needs its BIFF records scanned"))),
    pytest.param("ods", marks=pytest.mark.xfail(strict=True, reason=(
        "python-calamine reads error cells of .ods as blank and the reader restores them from the "
        "sheet XML of .xlsx only; .ods needs content.xml scanned"))),
])
def test_converted_error_cell_reported(error_copies: dict[str, Path], suffix: str) -> None:
    batch = read_batch(error_copies[suffix])
    assert batch.findings["规则"].tolist() == ["CELL_ERROR_VALUE"]
