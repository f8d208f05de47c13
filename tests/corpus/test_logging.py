"""No full ID number or mobile number may appear in any log line.

The batch below puts the numbers in every place a message could quote
them from. It has valid IDs, an ID with a wrong check digit, a duplicate
and rows whose ID has no applicant. It also has an invalid mobile number
and a mobile number typed into 联系电话. The command line runs with ``-v`` as a subprocess
(what an analyst sees on the terminal), in-process with the zcbatch
loggers at DEBUG, and with an internal error, whose traceback goes to the
error log file.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from make_corpus import FIRST_ID, add_applicant, base_sheets, resident_id, set_cell, write_openpyxl
from zcbatch import cli, pipeline

REPOSITORY = Path(__file__).resolve().parents[2]
SECOND_ID = resident_id(dt.date(1995, 5, 20), 2)
THIRD_ID = resident_id(dt.date(1990, 1, 1), 5)
ORPHAN_ID = resident_id(dt.date(1988, 8, 8), 7)
# The second applicant's ID with its check digit changed.
BAD_CHECK_ID = SECOND_ID[:17] + ("0" if SECOND_ID[17] != "0" else "1")
FIRST_MOBILE = "13800001234"
SECOND_MOBILE = "13900005678"
LANDLINE_MOBILE = "15012345678"
SHORT_MOBILE = "1371234567"
SECRETS = (FIRST_ID, SECOND_ID, THIRD_ID, ORPHAN_ID, BAD_CHECK_ID, FIRST_MOBILE, SECOND_MOBILE, LANDLINE_MOBILE)


@pytest.fixture(scope="module")
def workbook(tmp_path_factory: pytest.TempPathFactory) -> Path:
    sheets = base_sheets()
    add_applicant(sheets, number=SECOND_ID, name="王晓雯", gender="女", birth=dt.date(1995, 5, 20))
    add_applicant(sheets, number=THIRD_ID, name="赵强", gender="男", birth=dt.date(1990, 1, 1))
    set_cell(sheets, "个人信息", 3, "证件号码", BAD_CHECK_ID)
    set_cell(sheets, "个人信息", 4, "手机号码", SHORT_MOBILE)
    set_cell(sheets, "个人信息", 2, "联系电话", LANDLINE_MOBILE)
    duplicate = list(sheets["个人信息"][1])
    sheets["个人信息"].append(duplicate)
    orphan = list(sheets["学历信息"][1])
    orphan[sheets["学历信息"][0].index("证件号码")] = ORPHAN_ID
    sheets["学历信息"].append(orphan)
    return write_openpyxl(tmp_path_factory.mktemp("logging") / "申报信息.xlsx", sheets)


def _leaks(text: str) -> list[str]:
    return [f"{number} in: {line}" for line in text.splitlines() for number in SECRETS if number in line]


@pytest.mark.parametrize("subcommand", ["check", "run"])
def test_verbose_terminal_output(subcommand: str, workbook: Path, tmp_path: Path) -> None:
    environment = dict(os.environ)
    environment["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPOSITORY), environment.get("PYTHONPATH")]))
    completed = subprocess.run(
        [sys.executable, "-m", "zcbatch", subcommand, str(workbook), "-o", str(tmp_path / "out"), "-v"],
        capture_output=True, text=True, env=environment, cwd=tmp_path, timeout=300, check=False,
    )
    assert completed.returncode == 0, completed.stderr
    assert "读取" in completed.stderr
    assert _leaks(completed.stderr) == []
    assert _leaks(completed.stdout) == []


def test_debug_log_records(workbook: Path, tmp_path: Path) -> None:
    records: list[logging.LogRecord] = []
    handler = logging.Handler(level=logging.DEBUG)
    handler.emit = records.append  # type: ignore[method-assign]
    logger = logging.getLogger("zcbatch")
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    try:
        code = cli.main(["run", str(workbook), "-o", str(tmp_path / "out"), "-v"])
    finally:
        logger.removeHandler(handler)
        logger.setLevel(logging.NOTSET)
    lines = "\n".join(record.getMessage() for record in records)
    assert code == 0
    assert records != []
    assert _leaks(lines) == []


def test_internal_error_log(workbook: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                            capsys: pytest.CaptureFixture[str]) -> None:
    def fail(*args: object, **kwargs: object) -> None:
        raise ValueError(f"could not convert string '{FIRST_ID}' to float; phone {FIRST_MOBILE}")

    monkeypatch.setattr(pipeline, "check", fail)
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    code = cli.main(["check", str(workbook), "-o", str(tmp_path / "out")])
    [log_path] = tmp_path.glob("zcbatch-错误日志-*.log")
    log_text = log_path.read_text(encoding="utf-8")
    captured = capsys.readouterr()
    assert code == 1
    assert str(log_path) in captured.err
    assert "ValueError" in log_text
    assert _leaks(log_text) == []
    assert _leaks(captured.err) == []


def test_internal_error_logs_kept_apart(workbook: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(*args: object, **kwargs: object) -> None:
        raise ValueError("internal")

    monkeypatch.setattr(pipeline, "check", fail)
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    for attempt in range(2):
        cli.main(["check", str(workbook), "-o", str(tmp_path / f"out{attempt}")])
    assert len(list(tmp_path.glob("zcbatch-错误日志-*.log"))) == 2
