"""Run ``zcbatch check`` and ``zcbatch run`` on every hostile input of the corpus.

Each case is run as a subprocess, the way an analyst runs the command. It
must end with the expected exit code and a Chinese message with the case's
key words. The output must hold no traceback and no full ID number, and the
input files must be unchanged. When the command finishes (exit 0), every finding in 问题清单 must
point at a sheet of the input and a row inside that sheet, the report must
hold no formula, and ``run`` must write its documents inside the output
folder only.

``run`` is started only for the cases that mark it (see ``Case.run``):
for the others it would read the same input and stop at the same point.
Without pytest-xdist the commands of all selected cases start when the
session starts, on one thread per core, and each test collects its own;
the two commands of a case run side by side.
"""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import openpyxl
import pytest
import python_calamine

from make_corpus import CASE_NAMES, Case, build_corpus

REPOSITORY = Path(__file__).resolve().parents[2]
REPORT_NAME = "审核结果.xlsx"
FINDINGS_SHEET = "问题清单"
FORMS_DIR = "自主聘任表"
SPREADSHEET_SUFFIXES = {".xlsx", ".xlsm", ".xls", ".ods"}
# Any run of 17 digits and a check character: a full resident ID number.
FULL_ID = re.compile(r"(?<!\d)\d{17}[\dXx](?!\d)")
# The column letter that 问题清单 appends to a column name: 民族（M列）.
COLUMN_LETTER = re.compile(r"（[A-Z]{1,3}列）$")
# Seconds one command may take before the test fails instead of hanging.
COMMAND_TIMEOUT = 300


@dataclass
class Outcome:
    """The commands run on one case and the input digests around them."""

    folder: Path
    outdirs: dict[str, Path]
    results: dict[str, subprocess.CompletedProcess]
    before: dict[str, str]
    after: dict[str, str]


@pytest.fixture(scope="session")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Case]:
    folder = tmp_path_factory.mktemp("corpus")
    return {case.name: case for case in build_corpus(folder)}


@pytest.fixture(scope="session")
def outcomes(corpus: dict[str, Case], tmp_path_factory: pytest.TempPathFactory,
             request: pytest.FixtureRequest) -> Iterator[dict[str, Future[Outcome]]]:
    """Start the commands of every selected case at once, on as many threads as cores.

    Under pytest-xdist each worker runs only its share of the cases, so
    nothing is started ahead and each test runs its own case.
    """
    selected = [item.callspec.params["name"] for item in request.session.items
                if getattr(item, "originalname", "") == "test_hostile_input"]
    ahead = [] if os.environ.get("PYTEST_XDIST_WORKER") else selected
    executor = ThreadPoolExecutor(max_workers=os.cpu_count() or 1)
    futures = {name: executor.submit(_execute, corpus[name], tmp_path_factory.mktemp(f"case-{name}"))
               for name in ahead if not corpus[name].skip}
    yield futures
    executor.shutdown(cancel_futures=True)


def _execute(case: Case, folder: Path) -> Outcome:
    before = _digests(case.paths)
    subcommands = ["check", "run"] if case.run else ["check"]
    outdirs = {subcommand: folder / f"输出_{subcommand}" for subcommand in subcommands}
    results = _run_side_by_side({subcommand: _command(case, subcommand, outdirs[subcommand])
                                 for subcommand in subcommands}, folder)
    return Outcome(folder, outdirs, results, before, _digests(case.paths))


def _environment() -> dict[str, str]:
    environment = dict(os.environ)
    environment["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPOSITORY), environment.get("PYTHONPATH")]))
    environment["PYTHONIOENCODING"] = "utf-8"
    return environment


def _command(case: Case, subcommand: str, outdir: Path) -> list[str]:
    arguments = list(case.command_args)
    if "-o" not in arguments:
        arguments += ["-o", str(outdir)]
    return [sys.executable, "-m", "zcbatch", subcommand, *arguments]


def _run_side_by_side(commands: dict[str, list[str]], cwd: Path) -> dict[str, subprocess.CompletedProcess]:
    processes = {
        name: subprocess.Popen(command, cwd=cwd, env=_environment(), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               stdin=subprocess.DEVNULL)
        for name, command in commands.items()
    }
    results = {}
    for name, process in processes.items():
        try:
            stdout, stderr = process.communicate(timeout=COMMAND_TIMEOUT)
        except subprocess.TimeoutExpired:
            process.kill()
            stdout, stderr = process.communicate()
        results[name] = subprocess.CompletedProcess(
            commands[name], process.returncode, stdout.decode("utf-8", "replace"), stderr.decode("utf-8", "replace"))
    return results


def _digests(paths: tuple[Path, ...]) -> dict[str, str]:
    digests = {}
    for path in paths:
        files = sorted(path.rglob("*")) if path.is_dir() else [path]
        for item in files:
            if item.is_file():
                digests[str(item)] = hashlib.sha256(item.read_bytes()).hexdigest()
    return digests


def _input_workbooks(case: Case) -> list[Path]:
    workbooks = []
    for argument in case.command_args:
        path = Path(argument)
        if path.is_dir():
            workbooks += [child for child in sorted(path.iterdir())
                          if child.suffix.lower() in SPREADSHEET_SUFFIXES and not child.name.startswith(("~$", "."))]
        elif path.is_file() and path.suffix.lower() in SPREADSHEET_SUFFIXES:
            workbooks.append(path)
    return workbooks


def _sheet_heights(workbooks: list[Path]) -> dict[str, dict[str, int]]:
    """Map each workbook's file name (and folder/name) to its sheets and their number of rows."""
    heights: dict[str, dict[str, int]] = {}
    for path in workbooks:
        with open(path, "rb") as stream:
            workbook = python_calamine.CalamineWorkbook.from_filelike(stream)
        sheets = {name: len(workbook.get_sheet_by_name(name).to_python(skip_empty_area=False))
                  for name in workbook.sheet_names}
        workbook.close()
        heights[path.name] = heights[f"{path.parent.name}/{path.name}"] = sheets
    return heights


def _findings(report: Path) -> list[dict[str, object]]:
    workbook = openpyxl.load_workbook(report, read_only=True)
    rows = list(workbook[FINDINGS_SHEET].iter_rows(values_only=True))
    workbook.close()
    header = rows[0]
    return [dict(zip(header, row)) for row in rows[1:] if any(value is not None for value in row)]


def _formula_cells(report: Path) -> list[str]:
    workbook = openpyxl.load_workbook(report)
    found = [f"{sheet.title}!{cell.coordinate}" for sheet in workbook.worksheets
             for row in sheet.iter_rows() for cell in row if cell.data_type == "f"]
    workbook.close()
    return found


def _files_outside(tmp_path: Path, outdirs: list[Path]) -> list[str]:
    return sorted(str(path.relative_to(tmp_path)) for path in tmp_path.rglob("*")
                  if path.is_file() and not any(outdir in path.parents for outdir in outdirs))


def test_case_names_match_corpus(corpus: dict[str, Case]) -> None:
    assert tuple(corpus) == CASE_NAMES


@pytest.mark.parametrize("name", CASE_NAMES)
def test_hostile_input(name: str, corpus: dict[str, Case], outcomes: dict[str, Future[Outcome]],
                       tmp_path: Path) -> None:
    case = corpus[name]
    if case.skip:
        pytest.skip(case.skip)
    outcome = outcomes[name].result() if name in outcomes else _execute(case, tmp_path)
    outdirs = outcome.outdirs

    for subcommand, completed in outcome.results.items():
        output = completed.stdout + completed.stderr
        where = f"zcbatch {subcommand} on {name}:\n{output}"
        assert completed.returncode == case.expected_exit, where
        assert "Traceback" not in completed.stderr, where
        assert FULL_ID.findall(output) == [], where
        assert re.search(r"[\u4e00-\u9fff]", output), where

        findings: list[dict[str, object]] = []
        if case.expected_exit == 0 and "-o" not in case.command_args:
            report = outdirs[subcommand] / REPORT_NAME
            assert report.is_file(), where
            scratch = [str(path) for path in outdirs[subcommand].rglob("*") if path.name.startswith((".", "tmp"))]
            assert scratch == [], where
            findings = _findings(report)
            assert _formula_cells(report) == [], where
        searchable = output + "\n".join(str(finding.get("说明") or "") for finding in findings)
        for keyword in case.keywords:
            assert keyword in searchable, f"{where}\nmissing key word {keyword!r}"
        for keyword in case.absent:
            assert keyword not in searchable, f"{where}\nunexpected {keyword!r}"

        if findings:
            heights = _sheet_heights(_input_workbooks(case))
            for finding in findings:
                file, sheet, row = finding["文件"], finding["工作表"], finding["行号"]
                if file:
                    assert file in heights, f"{where}\n{finding}"
                if case.files:
                    assert file in case.files, f"{where}\n{finding}"
                if sheet:
                    sheets = heights[file] if file else {name: h for by_file in heights.values() for name, h in by_file.items()}
                    assert sheet in sheets, f"{where}\n{finding}"
                if row is not None:
                    assert sheet, f"{where}\n{finding}"
                    assert 1 <= int(row) <= sheets[sheet], f"{where}\n{finding}"
            located = {(finding["工作表"], finding["行号"], COLUMN_LETTER.sub("", str(finding["列"] or "")))
                       for finding in findings}
            for cell in case.cells:
                assert cell in located, f"{where}\nno finding at {cell}: {sorted(map(str, located))}"
        elif case.cells:
            pytest.fail(f"{where}\nno findings, expected some at {case.cells}")

        if subcommand == "run" and case.documents is not None:
            forms = sorted((outdirs["run"] / FORMS_DIR).rglob("*.docx"))
            assert len(forms) == case.documents, f"{where}\n{forms}"

    assert _files_outside(outcome.folder, list(outdirs.values())) == []
    assert outcome.after == outcome.before
