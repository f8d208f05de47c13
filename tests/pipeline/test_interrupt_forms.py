"""Ctrl+C while ``zcbatch run`` renders the forms in its worker processes.

A real ``python -m zcbatch run`` on a 3,000-applicant batch gets SIGINT as
soon as its first form is on disk, while about 2,000 forms are still to
come. The workers inherit a marker in their environment, so any process
left behind can be found in /proc after the command has exited.
"""

from __future__ import annotations

import importlib.util
import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from zcbatch import cli

GENERATOR = Path(__file__).resolve().parents[2] / "benchmarks" / "generate.py"


def generate(applicants: int, path: Path, seed: int) -> Path:
    """Write a synthetic batch with ``benchmarks/generate.py``."""
    spec = importlib.util.spec_from_file_location("zcbatch_benchmark_generate", GENERATOR)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.generate(applicants, path, seed)

pytestmark = pytest.mark.skipif(not Path("/proc/self/environ").exists(), reason="reads /proc")


def _marked_processes(marker: str) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            environment = (entry / "environ").read_bytes()
        except OSError:
            continue
        if f"ZCBATCH_TEST_MARK={marker}".encode() in environment.split(b"\0"):
            found.append(int(entry.name))
    return found


@pytest.fixture(scope="module")
def interrupted(tmp_path_factory):
    folder = tmp_path_factory.mktemp("interrupt")
    workbook = generate(3000, folder / "batch.xlsx", seed=1)
    outdir = folder / "out"
    forms = outdir / "自主聘任表"
    marker = uuid.uuid4().hex
    environment = dict(os.environ, ZCBATCH_TEST_MARK=marker)
    process = subprocess.Popen(
        [sys.executable, "-m", "zcbatch", "run", str(workbook), "-o", str(outdir)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=environment, text=True,
    )
    deadline = time.monotonic() + 300
    while process.poll() is None and time.monotonic() < deadline:
        if forms.is_dir() and any(path.suffix == ".docx" for path in forms.iterdir()):
            break
        time.sleep(0.01)
    rendered_when_signalled = len(list(forms.glob("*.docx"))) if forms.is_dir() else 0
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=120)
    time.sleep(0.5)
    return {
        "code": process.returncode, "stderr": stderr, "outdir": outdir, "forms": forms,
        "rendered": rendered_when_signalled, "left": _marked_processes(marker),
    }


def test_signal_arrives_while_forms_render(interrupted):
    assert 0 < interrupted["rendered"] < 2000


def test_interrupted_run_exits_with_one(interrupted):
    assert interrupted["code"] == 1


def test_interrupted_run_says_output_incomplete(interrupted):
    assert interrupted["stderr"].strip().endswith(cli._INTERRUPTED)


def test_interrupted_run_prints_no_traceback(interrupted):
    assert "Traceback" not in interrupted["stderr"]


def test_interrupted_run_writes_no_manifest(interrupted):
    assert not (interrupted["outdir"] / "manifest.json").exists()


def test_interrupted_run_leaves_no_partial_file(interrupted):
    assert [path.name for path in interrupted["outdir"].rglob("*") if ".part" in path.name] == []


def test_interrupted_run_leaves_no_process(interrupted):
    assert interrupted["left"] == []
