"""Execute the Chinese notebooks on the sample batch and check what they show.

Each notebook runs once per module in a kernel named ``python3`` (``make
test`` installs it into .venv). A temporary folder is both its working
directory and its TMPDIR, so the files it writes are removed with the test's
folders. The expected values are computed here with the library,
independently of the notebook code, so a notebook that prints stale or wrong
numbers fails.
"""

from __future__ import annotations

import html
import os
import re
from collections.abc import Callable
from pathlib import Path

import nbformat
import pytest
import yaml
from nbclient import NotebookClient

import zcbatch
from zcbatch.attachments import check_attachments
from zcbatch.evaluate import EvaluationResult
from zcbatch.report import SEVERITY_COLOURS, STATUS_COLOURS
from zcbatch.resources import sample_workbook

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOK_DIR = ROOT / "notebooks"
BATCH_NOTEBOOK = NOTEBOOK_DIR / "01_批量审核.ipynb"
POLICY_NOTEBOOK = NOTEBOOK_DIR / "02_政策与规则.ipynb"
# Seconds one cell may run; rendering the forms of the whole sample is the slowest cell.
CELL_TIMEOUT = 600
STATUS_LINE = re.compile(r"^  (数据错误|不符合条件|需补充材料|可聘任)：(\d+) 人$", re.M)

# One xdist worker runs the whole module, so each notebook executes once.
pytestmark = pytest.mark.xdist_group("notebooks")


def execute_notebook(path: Path, workdir: Path) -> nbformat.NotebookNode:
    """Run every cell of a notebook in ``workdir`` and return it with its outputs."""
    notebook = nbformat.read(path, as_version=4)
    # The kernel imports the zcbatch under test, installed or not.
    package_root = str(Path(zcbatch.__file__).resolve().parent.parent)
    python_path = os.pathsep.join(filter(None, [package_root, os.environ.get("PYTHONPATH")]))
    env = {**os.environ, "PYTHONPATH": python_path, "TMPDIR": str(workdir)}
    client = NotebookClient(notebook, timeout=CELL_TIMEOUT, kernel_name="python3",
                            resources={"metadata": {"path": str(workdir)}})
    client.execute(env=env)
    return notebook


def outputs(notebook: nbformat.NotebookNode) -> list[nbformat.NotebookNode]:
    return [output for cell in notebook.cells if cell.cell_type == "code" for output in cell.outputs]


def stream_text(notebook: nbformat.NotebookNode, name: str = "stdout") -> str:
    return "".join(output.text for output in outputs(notebook) if output.output_type == "stream" and output.name == name)


def html_tables(notebook: nbformat.NotebookNode) -> list[str]:
    return [output.data["text/html"] for output in outputs(notebook) if "text/html" in output.get("data", {})]


def cell_colours(table_html: str) -> list[tuple[str, str]]:
    """Return (text, background colour) of every coloured cell of a pandas Styler table."""
    colours: dict[str, str] = {}
    for selectors, body in re.findall(r"([^{}]+)\{([^}]*)\}", table_html):
        colour = re.search(r"background-color:\s*(#[0-9A-Fa-f]{6})", body)
        if colour:
            for selector in re.findall(r"#(T_\w+)", selectors):
                colours[selector] = colour.group(1).upper()
    cells = re.findall(r'<td id="(T_\w+)"[^>]*>(.*?)</td>', table_html, flags=re.S)
    return [(html.unescape(text).strip(), colours[cell_id]) for cell_id, text in cells if cell_id in colours]


def printed_status_counts(text: str) -> list[dict[str, int]]:
    """Return each block of status count lines the notebook printed."""
    blocks: list[dict[str, int]] = []
    for match in STATUS_LINE.finditer(text):
        if not blocks or match.group(1) in blocks[-1]:
            blocks.append({})
        blocks[-1][match.group(1)] = int(match.group(2))
    return blocks


@pytest.fixture(scope="module")
def sample_batch():
    batch = zcbatch.read_batch([sample_workbook()])
    check_attachments(batch, sample_workbook().parent / "附件")
    return batch


@pytest.fixture(scope="module")
def sample_result(sample_batch) -> EvaluationResult:
    return zcbatch.evaluate(sample_batch)


@pytest.fixture(scope="module")
def batch_notebook(tmp_path_factory: pytest.TempPathFactory) -> nbformat.NotebookNode:
    return execute_notebook(BATCH_NOTEBOOK, tmp_path_factory.mktemp("批量审核"))


@pytest.fixture(scope="module")
def policy_notebook(tmp_path_factory: pytest.TempPathFactory) -> nbformat.NotebookNode:
    return execute_notebook(POLICY_NOTEBOOK, tmp_path_factory.mktemp("政策与规则"))


def evaluate_with(sample_batch, change: Callable[[dict], None], tmp_path: Path) -> EvaluationResult:
    """Evaluate the sample with a copy of teda-2024 changed by ``change``."""
    policy = zcbatch.load_policy("teda-2024")
    data = yaml.safe_load(policy.source.read_text(encoding="utf-8"))
    change(data)
    path = tmp_path / "changed.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return zcbatch.evaluate(sample_batch, policy=zcbatch.load_policy(path))


def changed_names(before: EvaluationResult, after: EvaluationResult) -> list[str]:
    changed = before.applicants["状态"] != after.applicants["状态"]
    return before.applicants.loc[changed, "姓名"].tolist()


# --- stored notebooks -----------------------------------------------------------------


@pytest.mark.parametrize("path", [BATCH_NOTEBOOK, POLICY_NOTEBOOK], ids=["批量审核", "政策与规则"])
def test_stored_notebook_has_no_outputs(path: Path) -> None:
    notebook = nbformat.read(path, as_version=4)
    code_cells = [cell for cell in notebook.cells if cell.cell_type == "code"]
    assert [cell.outputs for cell in code_cells] == [[] for _ in code_cells]
    assert [cell.execution_count for cell in code_cells] == [None for _ in code_cells]


@pytest.mark.parametrize("path", [BATCH_NOTEBOOK, POLICY_NOTEBOOK], ids=["批量审核", "政策与规则"])
def test_stored_notebook_uses_python3_kernel(path: Path) -> None:
    notebook = nbformat.read(path, as_version=4)
    nbformat.validate(notebook)
    assert notebook.metadata.kernelspec.name == "python3"


# --- 01_批量审核 ----------------------------------------------------------------------


@pytest.mark.slow
def test_batch_status_counts(batch_notebook, sample_result) -> None:
    assert printed_status_counts(stream_text(batch_notebook)) == [sample_result.summary["状态"]]


@pytest.mark.slow
def test_batch_approved_count(batch_notebook, sample_result) -> None:
    assert f"审核通过且可生成文件：{len(sample_result.approved)} 人" in stream_text(batch_notebook)


@pytest.mark.slow
def test_batch_status_colours(batch_notebook) -> None:
    coloured = [pair for table in html_tables(batch_notebook) for pair in cell_colours(table)]
    statuses = {(text, colour) for text, colour in coloured if text in STATUS_COLOURS}
    assert statuses == {(status, colour.upper()) for status, colour in STATUS_COLOURS.items()}


@pytest.mark.slow
def test_batch_severity_colours(batch_notebook, sample_result) -> None:
    coloured = [pair for table in html_tables(batch_notebook) for pair in cell_colours(table)]
    severities = {(text, colour) for text, colour in coloured if text in SEVERITY_COLOURS}
    present = set(sample_result.findings["级别"])
    assert severities == {(severity, SEVERITY_COLOURS[severity].upper()) for severity in present}


@pytest.mark.slow
def test_batch_shows_four_charts(batch_notebook) -> None:
    images = [output for output in outputs(batch_notebook) if "image/png" in output.get("data", {})]
    assert len(images) == 4


@pytest.mark.slow
def test_batch_lists_report(batch_notebook) -> None:
    assert re.search(r"^  审核结果\.xlsx（[\d.]+ KB）$", stream_text(batch_notebook), flags=re.M)


@pytest.mark.slow
def test_batch_lists_notice(batch_notebook) -> None:
    assert re.search(r"^  公示\.docx（[\d.]+ KB）$", stream_text(batch_notebook), flags=re.M)


@pytest.mark.slow
def test_batch_lists_one_form_each(batch_notebook, sample_result) -> None:
    forms = re.findall(r"^  自主聘任表/.+\.docx（", stream_text(batch_notebook), flags=re.M)
    assert len(forms) == len(sample_result.approved)


@pytest.mark.slow
def test_batch_progress_bar_completes(batch_notebook, sample_result) -> None:
    count = len(sample_result.approved)
    assert f"{count}/{count}" in stream_text(batch_notebook, "stderr")


@pytest.mark.slow
def test_batch_writes_into_temp_folder(batch_notebook) -> None:
    folder = re.search(r"^输出文件夹：(.+)$", stream_text(batch_notebook), flags=re.M)
    assert folder is not None
    assert Path(folder.group(1)).joinpath("审核结果.xlsx").is_file()


# --- 02_政策与规则 --------------------------------------------------------------------


@pytest.mark.slow
def test_policy_baseline_counts(policy_notebook, sample_result) -> None:
    assert printed_status_counts(stream_text(policy_notebook)) == [sample_result.summary["状态"]]


@pytest.mark.slow
def test_policy_shows_min_work_years(policy_notebook) -> None:
    table = next(table for table in html_tables(policy_notebook) if "中专及以下" in table and "助理级" in table)
    cells = [html.unescape(text).strip() for text in re.findall(r"<td[^>]*>(.*?)</td>", table, flags=re.S)]
    policy = zcbatch.load_policy("teda-2024")
    expected = [str(policy.min_work_years["助理级"].get(tier, "—")) for tier in ("博士", "硕士", "本科", "大专", "中专及以下")]
    assert cells[5:10] == expected


@pytest.mark.slow
def test_policy_two_years_changes(policy_notebook, sample_batch, sample_result, tmp_path) -> None:
    after = evaluate_with(sample_batch, lambda data: data["min_work_years"]["助理级"].update({"本科": 2}), tmp_path)
    names = changed_names(sample_result, after)
    text = stream_text(policy_notebook)
    assert f"本科申报助理级需满 2 年：状态有变化的申请人 {len(names)} 人\n  {'、'.join(names)}\n" in text


@pytest.mark.slow
def test_policy_two_years_reason_shown(policy_notebook) -> None:
    tables = [table for table in html_tables(policy_notebook) if "新出现的问题" in table]
    assert "本科学历申报助理级需从事专业技术工作满 2 年" in html.unescape(tables[0])


@pytest.mark.slow
def test_policy_more_hours_changes(policy_notebook, sample_batch, sample_result, tmp_path) -> None:
    after = evaluate_with(sample_batch, lambda data: data["continuing_education"]["min_hours"].update({"专业": 72}), tmp_path)
    names = changed_names(sample_result, after)
    text = stream_text(policy_notebook)
    assert f"专业培训学时提高到 72：状态有变化的申请人 {len(names)} 人\n  {'、'.join(names)}\n" in text


@pytest.mark.slow
def test_policy_more_hours_reason_shown(policy_notebook) -> None:
    tables = [table for table in html_tables(policy_notebook) if "新出现的问题" in table]
    assert "少于 72" in html.unescape(tables[1])
