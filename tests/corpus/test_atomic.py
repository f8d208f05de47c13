"""Interrupted writes leave the old file or none, and a used output folder is refused.

Each output is written to a temporary ``.part`` file beside the target and
renamed when complete. These tests break the writers midway (an exception
or Ctrl+C) and check the target folder afterwards: no half-written file,
no leftover temporary file, and an earlier result still intact.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from make_corpus import base_sheets, write_openpyxl
from zcbatch import atomic, cli, documents, report

REPOSITORY = Path(__file__).resolve().parents[2]
OLD_CONTENT = b"result of an earlier run"


@pytest.fixture(scope="module")
def workbook(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_openpyxl(tmp_path_factory.mktemp("atomic") / "申报信息.xlsx", base_sheets())


def _tree(folder: Path) -> dict[str, bytes]:
    return {str(path.relative_to(folder)): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()}


def _leftovers(folder: Path) -> list[str]:
    return sorted(str(path.relative_to(folder)) for path in folder.rglob("*") if ".part" in path.name)


def test_failed_block_keeps_old_file(tmp_path: Path) -> None:
    target = tmp_path / "结果.bin"
    target.write_bytes(OLD_CONTENT)
    with pytest.raises(RuntimeError):
        with atomic.atomic_path(target) as temporary:
            temporary.write_bytes(b"half of the new")
            raise RuntimeError("disk full")
    assert target.read_bytes() == OLD_CONTENT
    assert _leftovers(tmp_path) == []


def test_failed_block_creates_no_file(tmp_path: Path) -> None:
    target = tmp_path / "结果.bin"
    with pytest.raises(RuntimeError):
        with atomic.atomic_path(target) as temporary:
            temporary.write_bytes(b"half")
            raise RuntimeError("disk full")
    assert not target.exists()
    assert list(tmp_path.iterdir()) == []


def test_report_failing_midway(workbook: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    outdir = tmp_path / "out"
    outdir.mkdir()
    (outdir / report.REPORT_NAME).write_bytes(OLD_CONTENT)
    before = _tree(outdir)

    def fail(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(report, "_findings_sheet", fail)
    code = cli.main(["check", str(workbook), "-o", str(outdir), "--force"])
    after = _tree(outdir)
    assert code == 2
    assert report.REPORT_NAME not in after
    assert _leftovers(outdir) == []
    assert set(after) <= set(before) | {"图表"} | {name for name in after if name.startswith("图表/")}


def test_report_interrupted_keeps_nothing(workbook: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    outdir = tmp_path / "out"

    def interrupt(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(report, "_annotated_sheet", interrupt)
    code = cli.main(["check", str(workbook), "-o", str(outdir)])
    message = capsys.readouterr().err
    assert code == 1
    assert "已中断" in message
    assert "这次的输出不完整" in message
    assert not (outdir / report.REPORT_NAME).exists()
    assert _leftovers(outdir) == []
    assert [path.name for path in outdir.iterdir() if path.name != "图表"] == []


def test_documents_failing_midway(workbook: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    outdir = tmp_path / "out"

    def fail(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(documents, "render_committee_sheet", fail)
    code = cli.main(["run", str(workbook), "-o", str(outdir)])
    assert code == 2
    assert _leftovers(outdir) == []
    assert not (outdir / "推荐审核汇总表.docx").exists()
    assert (outdir / report.REPORT_NAME).is_file()


def test_used_folder_without_force(workbook: Path, tmp_path: Path) -> None:
    outdir = tmp_path / "out"
    outdir.mkdir()
    (outdir / report.REPORT_NAME).write_bytes(OLD_CONTENT)
    environment = dict(os.environ)
    environment["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPOSITORY), environment.get("PYTHONPATH")]))
    completed = subprocess.run([sys.executable, "-m", "zcbatch", "check", str(workbook), "-o", str(outdir)],
                               capture_output=True, text=True, env=environment, timeout=300, check=False)
    assert completed.returncode == 2
    assert "已存在且不为空" in completed.stderr
    assert "--force" in completed.stderr
    assert "Traceback" not in completed.stderr
    assert (outdir / report.REPORT_NAME).read_bytes() == OLD_CONTENT


def test_used_folder_with_force(workbook: Path, tmp_path: Path) -> None:
    outdir = tmp_path / "out"
    outdir.mkdir()
    (outdir / report.REPORT_NAME).write_bytes(OLD_CONTENT)
    (outdir / "备忘.txt").write_bytes(OLD_CONTENT)
    code = cli.main(["check", str(workbook), "-o", str(outdir), "--force"])
    assert code == 0
    assert (outdir / report.REPORT_NAME).read_bytes()[:2] == b"PK"
    assert (outdir / "备忘.txt").read_bytes() == OLD_CONTENT
    assert _leftovers(outdir) == []
