"""Smoke test of the benchmarks: one run of benchmarks/run.py on a small batch.

The run generates 200 applicants, measures every step and checks the
row-wise reference against zcbatch.evaluate. Only the presence and sign of
the measurements are checked: their values depend on the machine and its load.
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import numpy as np
import pytest
import python_calamine
from stdnum.cn import ric

REPOSITORY = Path(__file__).resolve().parents[2]
BENCHMARKS = REPOSITORY / "benchmarks"
KEYS = [
    "bare_read_seconds", "bare_read_threads_seconds", "openpyxl_read_seconds", "load_seconds", "evaluate_seconds",
    "evaluate_rowwise_seconds", "evaluate_iterrows_seconds", "report_seconds", "report_floor_seconds", "check_seconds", "form_ms", "form_naive_ms", "zip_floor_ms",
    "merge_100_seconds", "merge_1000_seconds", "peak_rss_mb",
]


def _generate_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("benchmark_generate", BENCHMARKS / "generate.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def run_output(tmp_path_factory: pytest.TempPathFactory) -> tuple[subprocess.CompletedProcess, Path]:
    folder = tmp_path_factory.mktemp("benchmark")
    output = folder / "result.json"
    completed = subprocess.run(
        [sys.executable, str(BENCHMARKS / "run.py"), "--applicants", "200", "--json", str(output),
         "--workdir", str(folder / "work")],
        capture_output=True, text=True, timeout=900,
    )
    return completed, output


@pytest.fixture(scope="module")
def measurements(run_output: tuple[subprocess.CompletedProcess, Path]) -> dict:
    completed, output = run_output
    assert output.is_file(), completed.stderr
    return json.loads(output.read_text(encoding="utf-8"))


def test_run_exits_zero(run_output: tuple[subprocess.CompletedProcess, Path]) -> None:
    completed, _ = run_output
    assert completed.returncode == 0, completed.stderr[-3000:]


@pytest.mark.parametrize("key", KEYS)
def test_measurement_is_positive(measurements: dict, key: str) -> None:
    assert key in measurements
    assert isinstance(measurements[key], float)
    assert measurements[key] > 0


def test_rowwise_reference_agrees(measurements: dict) -> None:
    assert measurements["rowwise_agrees"] is True
    assert measurements["rowwise_disagreements"] == 0


def test_batch_has_every_status(measurements: dict) -> None:
    assert set(measurements["counts"]["status"]) == {"可聘任", "需补充材料", "不符合条件", "数据错误"}


def test_check_characters_match_stdnum() -> None:
    generate = _generate_module()
    bodies = np.array([f"{number:017d}" for number in range(0, 10**17, 10**17 // 997)][:997])
    expected = [ric.calc_check_digit(body + "0") for body in bodies]
    assert generate.check_characters(bodies).tolist() == expected


def test_generated_ids_are_valid(tmp_path: Path) -> None:
    generate = _generate_module()
    path = generate.generate(60, tmp_path / "batch.xlsx", seed=3)
    rows = python_calamine.CalamineWorkbook.from_path(str(path)).get_sheet_by_name("个人信息").to_python()
    column = rows[0].index("证件号码")
    ids = [row[column] for row in rows[1:]]
    # build_sheets draws the plan first from the seeded generator, so the
    # same draw gives the IDs that are wrong on purpose.
    plan = generate._Plan(60, np.random.default_rng(3))
    faulty = set(np.flatnonzero(np.isin(plan.field_fault, ("ID_CHECKSUM", "ID_LOST_DIGITS"))))
    invalid = [position for position, value in enumerate(ids) if position not in faulty and not ric.is_valid(value)]
    assert invalid == []
    assert len(faulty) >= 2
    assert len(set(ids)) == 60
