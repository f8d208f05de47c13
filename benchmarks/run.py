"""Measure zcbatch on a synthetic batch and check it against the row-wise reference.

Usage::

    python benchmarks/run.py --applicants 100000 --json result.json
    python benchmarks/run.py --applicants 10000 --json result.json --input batch.xlsx --workdir /tmp/bench --repeats 3

One run generates the batch (``benchmarks/generate.py``; ``--input`` reuses a
workbook written earlier with the same size), then measures, in this order:

- ``bare_read_seconds``: python-calamine reading every cell of every sheet;
- ``bare_read_threads_seconds``: the same read with the sheets shared among
  two threads, each with its own workbook, as ``read_batch`` reads them
  (for comparison only; the targets use the single-threaded bare read);
- ``load_seconds``: :func:`zcbatch.batch.read_batch` (read, normalise, validate);
- ``evaluate_seconds``: :func:`zcbatch.evaluate.evaluate` on the loaded batch;
- ``report_seconds``: :func:`zcbatch.report.write_report` without charts
  (above 20,000 applicants it writes the annotated copies to a second
  workbook in a child process at the same time);
- ``report_floor_seconds``: xlsxwriter in ``constant_memory`` mode writing the
  cell values of the report and of its annotated workbook, if any (read back
  with python-calamine), into one workbook with the typed write methods and
  no formats, comments or filters, in one child process;
- ``check_seconds``: the whole ``zcbatch check`` (:func:`zcbatch.pipeline.check`:
  read, evaluate, charts, report);
- ``form_ms``: wall time of :func:`zcbatch.documents.render_forms` for up to
  1,000 approved applicants (its default worker processes), per form;
- ``zip_floor_ms``: zipfile writing the members of the same rendered forms,
  already in memory, with the same compression, per form, in this process;
- ``form_naive_ms``: ``DocxTemplate(path)`` + ``render`` + ``save`` per
  applicant over up to 100 applicants;
- ``merge_100_seconds``, ``merge_1000_seconds``: :func:`zcbatch.documents.merge_forms`
  of the first 100 and 1,000 forms;
- ``peak_rss_mb``: the larger ``ru_maxrss`` of this process and its children
  (the form workers and the report floor), taken after the steps above;
- ``evaluate_rowwise_seconds``: ``benchmarks/rowwise.py`` on the same batch,
  which must agree with ``evaluate`` on every applicant (status and eligibility
  rule codes), else the run exits with status 1 after writing the JSON;
- ``evaluate_iterrows_seconds``: the same reference taking its rows with
  ``DataFrame.iterrows``, the usual pandas loop, which must agree as well;
- ``openpyxl_read_seconds``: ``pandas.read_excel`` with openpyxl, ``dtype=str``,
  every sheet, in a child process started last, so that its memory is not in
  ``peak_rss_mb``.

The document steps (forms, zip floor, docxtpl loop, merges) run three times
and the other steps ``--repeats`` times (default once); the fastest run of
each counts, and openpyxl runs once. All figures are
wall-clock seconds, as an analyst waits for them. The JSON also contains CPU
seconds of the in-process steps (``cpu``), every run of each step (``runs``),
the target ratios (``ratios``), cell and status counts, the load average
before and after the run and the versions of Python and the libraries.
"""

from __future__ import annotations

import argparse
import gc
import io
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from importlib import metadata
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

import pandas as pd  # noqa: E402
import python_calamine  # noqa: E402
import xlsxwriter  # noqa: E402

import generate  # noqa: E402
import rowwise  # noqa: E402
from zcbatch import documents, pipeline, render  # noqa: E402
from zcbatch import findings as fd  # noqa: E402
from zcbatch.batch import read_batch  # noqa: E402
from zcbatch.evaluate import evaluate  # noqa: E402
from zcbatch.report import annotated_path, is_abridged, write_report  # noqa: E402

KEYS = [
    "bare_read_seconds", "bare_read_threads_seconds", "openpyxl_read_seconds", "load_seconds", "evaluate_seconds",
    "evaluate_rowwise_seconds", "evaluate_iterrows_seconds",
    "report_seconds", "report_floor_seconds", "check_seconds", "form_ms", "form_naive_ms", "zip_floor_ms",
    "merge_100_seconds", "merge_1000_seconds", "peak_rss_mb",
]
FORMS = 1_000
NAIVE_FORMS = 100
REPEATS = 3
LIBRARIES = ["pandas", "numpy", "pandera", "python-calamine", "openpyxl", "xlsxwriter", "docxtpl", "python-docx",
             "lxml", "Jinja2", "matplotlib", "python-stdnum", "chinesecalendar"]


class Timings:
    """Wall and CPU seconds of the measured steps; a step measured again keeps its fastest run."""

    def __init__(self) -> None:
        self.wall: dict[str, float] = {}
        self.cpu: dict[str, float] = {}
        self.runs: dict[str, list[float]] = defaultdict(list)

    @contextmanager
    def measure(self, key: str):
        gc.collect()
        wall, cpu = time.perf_counter(), time.process_time()
        yield
        self.record(key, time.perf_counter() - wall, time.process_time() - cpu)

    def record(self, key: str, wall: float, cpu: float | None = None) -> None:
        self.runs[key].append(wall)
        if key not in self.wall or wall < self.wall[key]:
            self.wall[key] = wall
            if cpu is not None:
                self.cpu[key] = cpu
        print(f"  {key:<26} {wall:10.3f} s", file=sys.stderr, flush=True)


def bare_read(path: Path) -> int:
    """Read every cell of every sheet with python-calamine and return the cell count."""
    workbook = python_calamine.CalamineWorkbook.from_path(str(path))
    cells = 0
    for name in workbook.sheet_names:
        rows = workbook.get_sheet_by_name(name).to_python(skip_empty_area=False)
        cells += sum(len(row) for row in rows)
    workbook.close()
    return cells


def bare_read_threads(path: Path, threads: int = 2) -> int:
    """Read every cell as :func:`bare_read` does, the sheets shared among ``threads`` threads."""
    names = python_calamine.CalamineWorkbook.from_path(str(path)).sheet_names
    local = threading.local()

    def read(name: str) -> int:
        if not hasattr(local, "workbook"):
            local.workbook = python_calamine.CalamineWorkbook.from_path(str(path))
        rows = local.workbook.get_sheet_by_name(name).to_python(skip_empty_area=False)
        return sum(len(row) for row in rows)

    with ThreadPoolExecutor(max_workers=threads) as pool:
        return sum(pool.map(read, names))


def openpyxl_read(path: Path) -> float:
    """Return the seconds pandas.read_excel (openpyxl, dtype=str) takes for every sheet."""
    start = time.perf_counter()
    pd.read_excel(path, sheet_name=None, dtype=str, engine="openpyxl")
    return time.perf_counter() - start


def write_floor(values_by_sheet: dict[str, list[list[object]]], path: Path) -> None:
    """Write the given cell values with xlsxwriter in constant_memory mode, without any format."""
    workbook = xlsxwriter.Workbook(str(path), {"constant_memory": True, "strings_to_numbers": False,
                                               "strings_to_formulas": False, "strings_to_urls": False})
    for name, rows in values_by_sheet.items():
        sheet = workbook.add_worksheet(name)
        write_string, write_number, write_datetime = sheet.write_string, sheet.write_number, sheet.write_datetime
        for row_number, row in enumerate(rows):
            for column, value in enumerate(row):
                kind = type(value)
                if kind is str:
                    if value:
                        write_string(row_number, column, value)
                elif kind is float or kind is int:
                    write_number(row_number, column, value)
                elif kind is bool:
                    write_string(row_number, column, "是" if value else "否")
                elif value is not None:
                    write_datetime(row_number, column, value)
    workbook.close()


def measure_floor(reports: list[Path], path: Path) -> tuple[float, int]:
    """Return the seconds :func:`write_floor` takes for the cells of ``reports``, and their count."""
    values: dict[str, list[list[object]]] = {}
    for report in reports:
        workbook = python_calamine.CalamineWorkbook.from_path(str(report))
        values.update({name: workbook.get_sheet_by_name(name).to_python(skip_empty_area=False)
                       for name in workbook.sheet_names})
        workbook.close()
    cells = sum(1 for rows in values.values() for row in rows for value in row if value != "")
    gc.collect()
    start = time.perf_counter()
    write_floor(values, path)
    return time.perf_counter() - start, cells


def form_inputs(result, count: int) -> tuple[list[dict], list[str]]:
    approved = result.approved.head(count)
    taken: set[str] = set()
    names = [documents.safe_filename(name, str(key)[-4:], taken) for name, key in zip(approved["姓名"], approved["_key"])]
    return render.form_contexts(result, approved), names


def zip_floor(forms: list[Path], folder: Path) -> float:
    """Return the seconds zipfile takes to write the members of ``forms``, read beforehand.

    Each package is built in memory and written with one call, as the
    renderer writes a form; many small writes would measure the disk.
    """
    packages = []
    for form in forms:
        with zipfile.ZipFile(form) as archive:
            packages.append([(info, archive.read(info)) for info in archive.infolist()])
    folder.mkdir(parents=True, exist_ok=True)
    gc.collect()
    start = time.perf_counter()
    for number, members in enumerate(packages):
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            for info, content in members:
                archive.writestr(info, content, compress_type=zipfile.ZIP_DEFLATED)
        (folder / f"{number}.docx").write_bytes(buffer.getvalue())
    return time.perf_counter() - start


def naive_forms(contexts: list[dict], folder: Path) -> float:
    """Return the seconds the usual docxtpl loop takes for ``contexts``."""
    from docxtpl import DocxTemplate

    template_path = documents.load_template(documents.FORM_TEMPLATE).path
    folder.mkdir(parents=True, exist_ok=True)
    gc.collect()
    start = time.perf_counter()
    for number, context in enumerate(contexts):
        template = DocxTemplate(str(template_path))
        template.render(context, autoescape=True)
        template.save(str(folder / f"{number}.docx"))
    return time.perf_counter() - start


def compare(result, decisions: list[rowwise.Decision]) -> list[str]:
    """Return a line per applicant on which evaluate and the reference disagree."""
    findings = result.findings
    eligibility = findings[(findings[fd.KIND] == "eligibility") & findings[fd.KEY].notna()]
    codes: dict[str, set[str]] = defaultdict(set)
    for key, rule in zip(eligibility[fd.KEY], eligibility[fd.RULE]):
        codes[key].add(rule)
    applicants = result.applicants
    problems = []
    if len(applicants) != len(decisions):
        return [f"evaluate has {len(applicants)} applicants, the reference {len(decisions)}"]
    for position, (key, status, decision) in enumerate(zip(applicants["_key"], applicants["状态"], decisions)):
        key = None if pd.isna(key) else key
        expected = frozenset(codes.get(key, set())) if key is not None else frozenset()
        if key != decision.key or status != decision.status or expected != decision.eligibility:
            problems.append(
                f"row {position} {key}: evaluate {status} {sorted(expected)}, "
                f"reference {decision.status} {sorted(decision.eligibility)}"
            )
    return problems


def peak_rss_mb() -> float:
    # ru_maxrss is in kilobytes on Linux.
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) / 1024


def versions() -> dict[str, str]:
    found = {"python": platform.python_version()}
    for name in LIBRARIES:
        try:
            found[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            found[name] = "not installed"
    return found


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def ratios(values: dict[str, float]) -> dict[str, float]:
    per_form_100 = values["merge_100_seconds"] / values["_merge_100_forms"]
    per_form_1000 = values["merge_1000_seconds"] / values["_merge_1000_forms"]
    return {
        "load_evaluate_over_bare_read": (values["load_seconds"] + values["evaluate_seconds"]) / values["bare_read_seconds"],
        "rowwise_over_evaluate": values["evaluate_rowwise_seconds"] / values["evaluate_seconds"],
        "iterrows_over_evaluate": values["evaluate_iterrows_seconds"] / values["evaluate_seconds"],
        "report_over_floor": values["report_seconds"] / values["report_floor_seconds"],
        "check_over_bare_read": values["check_seconds"] / values["bare_read_seconds"],
        "form_over_zip_floor": values["form_ms"] / values["zip_floor_ms"],
        "naive_over_form": values["form_naive_ms"] / values["form_ms"],
        "merge_per_form_1000_over_100": per_form_1000 / per_form_100,
    }


TARGETS = {
    "load_evaluate_over_bare_read": ("<=", 2.0),
    "rowwise_over_evaluate": (">=", 50.0),
    "evaluate_seconds": ("<=", 5.0),
    "report_over_floor": ("<=", 1.3),
    "check_over_bare_read": ("<=", 3.0),
    "form_over_zip_floor": ("<=", 1.3),
    "naive_over_form": (">=", 4.0),
    "merge_per_form_1000_over_100": ("<=", 1.5),
    "peak_rss_mb": ("<=", 2048.0),
}


def print_table(result: dict) -> None:
    print(f"\nN = {result['applicants']:,} applicants; {result['meta']['cpu']} ({result['meta']['cores']} cores)")
    print(f"{'measure':<28}{'value':>12}")
    for key in KEYS:
        print(f"{key:<28}{result[key]:>12.3f}")
    print(f"\n{'target':<34}{'measured':>10}  {'target':>10}  ok")
    checks = dict(result["ratios"], evaluate_seconds=result["evaluate_seconds"], peak_rss_mb=result["peak_rss_mb"])
    for name, (operator, limit) in TARGETS.items():
        value = checks[name]
        ok = value <= limit if operator == "<=" else value >= limit
        print(f"{name:<34}{value:>10.2f}  {operator}{limit:>8.1f}  {'yes' if ok else 'NO'}")


def run(applicants: int, json_path: Path, input_path: Path | None, workdir: Path | None, seed: int,
        repeats: int = 1) -> int:
    own_workdir = workdir is None
    workdir = Path(tempfile.mkdtemp(prefix="zcbatch-bench-")) if workdir is None else workdir
    workdir.mkdir(parents=True, exist_ok=True)
    timings = Timings()
    load_before = os.getloadavg()
    try:
        path = input_path or workdir / f"batch_{applicants}.xlsx"
        if input_path is None:
            with timings.measure("generate_seconds"):
                generate.generate(applicants, path, seed)
        path.read_bytes()  # into the page cache, so the first reader does not pay for the disk

        for attempt in range(repeats):
            with timings.measure("bare_read_seconds"):
                cells = bare_read(path)
            with timings.measure("bare_read_threads_seconds"):
                bare_read_threads(path)
            with timings.measure("load_seconds"):
                batch = read_batch(path)
            with timings.measure("evaluate_seconds"):
                result = evaluate(batch)
            report_path = workdir / "report" / "审核结果.xlsx"
            report_path.parent.mkdir(parents=True, exist_ok=True)
            with timings.measure("report_seconds"):
                write_report(result, report_path)
            # The floor runs in a child process: the report's cells read back as
            # Python objects would otherwise count in this process's peak memory.
            reports = [report_path] + [annotated_path(report_path)] * is_abridged(result)
            completed = subprocess.run([sys.executable, __file__, "--measure-floor", str(workdir / "report_floor.xlsx"),
                                        *map(str, reports)], capture_output=True, text=True, check=True)
            floor_seconds, report_cells = json.loads(completed.stdout)
            timings.record("report_floor_seconds", floor_seconds)
            del batch, result
            gc.collect()

        for attempt in range(repeats):
            check_dir = workdir / f"check_{attempt}"
            shutil.rmtree(check_dir, ignore_errors=True)
            output = None
            gc.collect()
            with timings.measure("check_seconds"):
                output = pipeline.check([path], check_dir)
        result = output.result

        # The document steps take seconds, so each runs REPEATS times and
        # the fastest run counts: on a shared machine a slower run measures
        # the other load, not the code.
        contexts, names = form_inputs(result, FORMS)
        forms: list[Path] = []
        for attempt in range(REPEATS):
            forms_dir = workdir / f"forms_{attempt}"
            shutil.rmtree(forms_dir, ignore_errors=True)
            with timings.measure("render_forms_seconds"):
                forms = documents.render_forms(contexts, forms_dir, names)
        for attempt in range(REPEATS):
            timings.record("zip_floor_seconds", zip_floor(forms, workdir / f"zip_floor_{attempt}"))
        for attempt in range(REPEATS):
            timings.record("naive_forms_seconds", naive_forms(contexts[:NAIVE_FORMS], workdir / f"naive_{attempt}"))
        for attempt in range(REPEATS):
            with timings.measure("merge_100_seconds"):
                documents.merge_forms(forms[:100], workdir / "merged_100.docx")
            with timings.measure("merge_1000_seconds"):
                documents.merge_forms(forms[:1000], workdir / "merged_1000.docx")
        peak = peak_rss_mb()

        for attempt in range(repeats):
            with timings.measure("evaluate_rowwise_seconds"):
                decisions = rowwise.evaluate_rowwise(result.batch)
        disagreements = compare(result, decisions)
        with timings.measure("evaluate_iterrows_seconds"):
            decisions = rowwise.evaluate_rowwise(result.batch, rows="iterrows")
        disagreements += compare(result, decisions)
        del decisions
        status_counts = result.applicants["状态"].value_counts().to_dict()
        del output, result
        gc.collect()

        completed = subprocess.run([sys.executable, __file__, "--measure-openpyxl", str(path)],
                                   capture_output=True, text=True, check=True)
        openpyxl_seconds = float(completed.stdout.strip())
    finally:
        if own_workdir:
            shutil.rmtree(workdir, ignore_errors=True)

    measured = {
        "bare_read_seconds": timings.wall["bare_read_seconds"],
        "bare_read_threads_seconds": timings.wall["bare_read_threads_seconds"],
        "openpyxl_read_seconds": openpyxl_seconds,
        "load_seconds": timings.wall["load_seconds"],
        "evaluate_seconds": timings.wall["evaluate_seconds"],
        "evaluate_rowwise_seconds": timings.wall["evaluate_rowwise_seconds"],
        "evaluate_iterrows_seconds": timings.wall["evaluate_iterrows_seconds"],
        "report_seconds": timings.wall["report_seconds"],
        "report_floor_seconds": timings.wall["report_floor_seconds"],
        "check_seconds": timings.wall["check_seconds"],
        "form_ms": timings.wall["render_forms_seconds"] / len(forms) * 1000,
        "form_naive_ms": timings.wall["naive_forms_seconds"] / min(NAIVE_FORMS, len(contexts)) * 1000,
        "zip_floor_ms": timings.wall["zip_floor_seconds"] / len(forms) * 1000,
        "merge_100_seconds": timings.wall["merge_100_seconds"],
        "merge_1000_seconds": timings.wall["merge_1000_seconds"],
        "peak_rss_mb": peak,
    }
    counts = {"_merge_100_forms": min(100, len(forms)), "_merge_1000_forms": min(1000, len(forms))}
    result_json = {
        "applicants": applicants,
        **measured,
        "rowwise_agrees": not disagreements,
        "rowwise_disagreements": len(disagreements),
        "ratios": ratios({**measured, **counts}),
        "cpu": timings.cpu,
        "runs": timings.runs,
        "counts": {"input_cells": cells, "report_cells": report_cells, "forms": len(forms),
                   "naive_forms": min(NAIVE_FORMS, len(contexts)), **counts, "status": status_counts},
        "meta": {
            "cpu": cpu_model(), "cores": os.cpu_count(), "versions": versions(),
            "load_average_before": load_before, "load_average_after": os.getloadavg(),
            "generate_seconds": timings.wall.get("generate_seconds"),
        },
    }
    json_path.parent.mkdir(parents=True, exist_ok=True)
    json_path.write_text(json.dumps(result_json, ensure_ascii=False, indent=2), encoding="utf-8")
    print_table(result_json)
    if disagreements:
        print(f"\nrow-wise reference disagrees with evaluate on {len(disagreements)} applicants:", file=sys.stderr)
        for line in disagreements[:20]:
            print("  " + line, file=sys.stderr)
        return 1
    print("\nrow-wise reference agrees with evaluate on every applicant")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Benchmark zcbatch on a synthetic batch.")
    parser.add_argument("--applicants", type=int, default=100_000, help="applicants in the batch (default 100000)")
    parser.add_argument("--json", type=Path, help="write the measurements to this JSON file")
    parser.add_argument("--input", type=Path, help="use this workbook instead of generating one")
    parser.add_argument("--workdir", type=Path, help="keep the generated files in this folder")
    parser.add_argument("--seed", type=int, default=0, help="seed of the generated batch (default 0)")
    parser.add_argument("--repeats", type=int, default=1,
                        help="runs of each step but the document ones and openpyxl; the fastest counts (default 1)")
    parser.add_argument("--measure-openpyxl", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--measure-floor", type=Path, nargs="+", help=argparse.SUPPRESS)
    arguments = parser.parse_args(argv)
    if arguments.measure_openpyxl:
        print(openpyxl_read(arguments.measure_openpyxl))
        return 0
    if arguments.measure_floor:
        target, *reports = arguments.measure_floor
        print(json.dumps(measure_floor(reports, target)))
        return 0
    if arguments.json is None:
        parser.error("--json is required")
    return run(arguments.applicants, arguments.json, arguments.input, arguments.workdir, arguments.seed,
               max(arguments.repeats, 1))


if __name__ == "__main__":
    sys.exit(main())
