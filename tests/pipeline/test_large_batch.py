"""The command line on a batch above the full-report threshold (lowered to 10 for the 64-applicant sample)."""

from __future__ import annotations

import errno
import json
import os
import signal
import time

import pytest

from zcbatch import cli, pipeline, report
from zcbatch.resources import sample_workbook

LIMIT = 10


@pytest.fixture()
def small_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    for module in (report, pipeline):
        monkeypatch.setattr(module, "FULL_REPORT_ROWS", LIMIT)


def test_check_writes_the_annotated_workbook(small_limit, tmp_path) -> None:
    assert cli.main(["check", str(sample_workbook()), "-o", str(tmp_path / "out")]) == 0
    assert (tmp_path / "out" / "审核结果_标注.xlsx").is_file()


def test_check_says_what_the_report_leaves_out(small_limit, tmp_path, capsys) -> None:
    cli.main(["check", str(sample_workbook()), "-o", str(tmp_path / "out")])
    assert "超过 10 人：“人员明细”只列出有错误或警告的" in capsys.readouterr().out


def test_all_rows_writes_one_complete_report(small_limit, tmp_path) -> None:
    cli.main(["check", str(sample_workbook()), "-o", str(tmp_path / "out"), "--all-rows"])
    assert {path.name for path in (tmp_path / "out").iterdir()} == {"审核结果.xlsx", "图表"}


def test_all_rows_prints_no_abridged_note(small_limit, tmp_path, capsys) -> None:
    cli.main(["check", str(sample_workbook()), "-o", str(tmp_path / "out"), "--all-rows"])
    assert "只列出有错误或警告" not in capsys.readouterr().out


def test_manifest_lists_the_annotated_workbook(small_limit, tmp_path) -> None:
    cli.main(["run", str(sample_workbook()), "-o", str(tmp_path / "out")])
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text(encoding="utf-8"))
    assert "审核结果_标注.xlsx" in json.dumps(manifest, ensure_ascii=False)


def test_force_removes_an_earlier_annotated_workbook(small_limit, tmp_path) -> None:
    outdir = tmp_path / "out"
    cli.main(["check", str(sample_workbook()), "-o", str(outdir)])
    cli.main(["check", str(sample_workbook()), "-o", str(outdir), "--force", "--all-rows"])
    assert not (outdir / "审核结果_标注.xlsx").exists()


def test_help_explains_all_rows(capsys) -> None:
    with pytest.raises(SystemExit):
        cli.main(["check", "--help"])
    assert "--all-rows" in capsys.readouterr().out


def test_note_names_the_threshold_used(tmp_path) -> None:
    result = pipeline.evaluate_inputs([sample_workbook()])
    assert report.abridged_note(result, 10).startswith("批次共 64 人，超过 10 人：")


def test_force_keeps_a_folder_named_like_a_report(tmp_path, capsys) -> None:
    outdir = tmp_path / "out"
    keep = outdir / "审核结果_标注.xlsx"
    keep.mkdir(parents=True)
    (keep / "笔记.txt").write_text("重要", encoding="utf-8")
    code = cli.main(["check", str(sample_workbook()), "-o", str(outdir), "--force"])
    assert code == 2
    assert (keep / "笔记.txt").read_text(encoding="utf-8") == "重要"
    assert "“审核结果_标注.xlsx”是一个文件夹" in capsys.readouterr().err


def test_full_disk_is_explained(small_limit, tmp_path, monkeypatch, capsys) -> None:
    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device", str(tmp_path / "out" / ".zcbatch-x" / "a.xml"))

    monkeypatch.setattr(report, "_findings_sheet", full)
    code = cli.main(["check", str(sample_workbook()), "-o", str(tmp_path / "out")])
    message = capsys.readouterr().err
    assert code == 2
    assert f"无法写入或读取“{tmp_path / 'out'}”：磁盘空间不足" in message


@pytest.fixture()
def saved_signals():
    """Restore the SIGINT and SIGTERM handlers a test changes."""
    previous = (signal.getsignal(signal.SIGINT), signal.getsignal(signal.SIGTERM))
    yield
    signal.signal(signal.SIGINT, previous[0])
    signal.signal(signal.SIGTERM, previous[1])


def test_sigterm_stops_the_run_as_ctrl_c(saved_signals) -> None:
    cli.interrupt_once()
    with pytest.raises(KeyboardInterrupt):
        os.kill(os.getpid(), signal.SIGTERM)
        time.sleep(5)


def test_second_signal_is_ignored(saved_signals) -> None:
    cli.interrupt_once()
    with pytest.raises(KeyboardInterrupt):
        os.kill(os.getpid(), signal.SIGINT)
        time.sleep(5)
    os.kill(os.getpid(), signal.SIGTERM)
    assert signal.getsignal(signal.SIGTERM) is signal.SIG_IGN


def test_console_ignores_ctrl_c_after_the_job(saved_signals, monkeypatch) -> None:
    monkeypatch.setattr(cli, "main", lambda: 0)
    assert cli.console() == 0
    assert signal.getsignal(signal.SIGINT) is signal.SIG_IGN


@pytest.mark.parametrize(("name", "make"), [
    ("PDF", "file"), ("图表", "file"), ("审核结果.xlsx", "folder"), ("图表", "link"),
])
def test_force_keeps_what_zcbatch_did_not_write(tmp_path, capsys, name: str, make: str) -> None:
    outdir = tmp_path / "out"
    outdir.mkdir()
    target = outdir / name
    if make == "file":
        target.write_text("用户的文件", encoding="utf-8")
    elif make == "folder":
        target.mkdir()
    else:
        (tmp_path / "用户文件夹").mkdir()
        target.symlink_to(tmp_path / "用户文件夹")
    code = cli.main(["check", str(sample_workbook()), "-o", str(outdir), "--force"])
    assert code == 2
    assert os.path.lexists(target)
    assert f"中的“{name}”是" in capsys.readouterr().err


def test_report_and_annotated_are_both_or_neither(small_limit, tmp_path, monkeypatch) -> None:
    """An interrupt after the annotated child finished removes its workbook as well."""
    from zcbatch import background

    def finished_then_interrupted(self):
        self._process.join()
        raise KeyboardInterrupt

    result = pipeline.evaluate_inputs([sample_workbook()])
    monkeypatch.setattr(background.Background, "result", finished_then_interrupted)
    with pytest.raises(KeyboardInterrupt):
        report.write_report(result, tmp_path / "审核结果.xlsx", full_rows=10)
    assert sorted(path.name for path in tmp_path.iterdir()) == []
