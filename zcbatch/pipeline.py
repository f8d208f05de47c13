"""The jobs the command line runs, as library functions.

Each command of ``zcbatch`` is one function here, so a notebook or script
can do exactly what the command line does:

- :func:`check` reads and evaluates a batch and writes 审核结果.xlsx and the
  charts;
- :func:`render` writes the Word documents for the approved applicants;
- :func:`run` does both and writes manifest.json;
- :func:`demo` runs :func:`run` on the bundled sample batch.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import shutil
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from zcbatch.attachments import check_attachments
from zcbatch.background import Background
from zcbatch.batch import read_batch
from zcbatch.errors import InputError, OutputError
from zcbatch.evaluate import EvaluationResult, evaluate
from zcbatch.report import FULL_REPORT_ROWS, REPORT_NAME, annotated_path, is_abridged, write_report
from zcbatch.resources import data_dir, sample_workbook

log = logging.getLogger(__name__)

CHART_DIR = "图表"
MANIFEST_NAME = "manifest.json"
# Names zcbatch writes into an output folder; --force replaces only these.
OWN_OUTPUTS = (REPORT_NAME, annotated_path(REPORT_NAME).name, CHART_DIR, "公示.docx", "自主聘任表", "自主聘任表_合并.docx", "推荐审核汇总表.docx",
               "PDF", MANIFEST_NAME, "运行日志.log")
# Those of them that zcbatch writes as folders; the others are files.
OWN_FOLDERS = (CHART_DIR, "自主聘任表", "PDF")


@dataclass
class RunOutput:
    """What a job wrote: the result, the paths of every output and the report's row threshold."""

    result: EvaluationResult
    outdir: Path
    outputs: list[Path] = field(default_factory=list)
    # Applicants up to which the report lists every row (None: always), as passed to write_report.
    full_rows: int | None = FULL_REPORT_ROWS


def default_outdir(now: dt.datetime | None = None) -> Path:
    """Return a new timestamped output folder name in the current directory."""
    now = now or dt.datetime.now()
    return Path(f"审核输出_{now:%Y%m%d_%H%M%S}")


def prepare_outdir(outdir: str | os.PathLike | None, *, force: bool = False,
                   inputs: Sequence[str | os.PathLike] = ()) -> Path:
    """Create the output folder, refusing to mix outputs into a used folder.

    Without ``force`` a folder that exists and is not empty is rejected.
    With ``force`` the outputs of an earlier zcbatch run in it are removed
    first; other files in the folder are left alone. An input file that an
    output would replace or remove (a workbook named 审核结果.xlsx in the
    output folder) is never touched: the folder is rejected instead.
    """
    path = Path(outdir) if outdir else default_outdir()
    if path.exists() and not path.is_dir():
        raise OutputError(f"输出位置“{path}”是一个文件，不是文件夹。请换一个输出文件夹。")
    if path.exists() and any(path.iterdir()):
        if not force:
            raise OutputError(
                f"输出文件夹“{path}”已存在且不为空。为避免新旧结果混在一起，请换一个文件夹，"
                "或加上 --force 覆盖其中 zcbatch 生成的文件。"
            )
        _reject_inputs_among_outputs(path, inputs)
        for name in OWN_OUTPUTS:
            _reject_foreign_output(path, name)
        for name in OWN_OUTPUTS:
            target = path / name
            if target.is_dir():
                shutil.rmtree(target)
            elif target.exists():
                target.unlink()
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        if isinstance(error, (FileExistsError, NotADirectoryError)):
            reason = "路径中的某一级是文件，不是文件夹"
        elif isinstance(error, PermissionError):
            reason = "没有写入权限"
        else:
            reason = f"系统错误 {error.errno}"
        raise OutputError(f"无法创建输出文件夹“{path}”：{reason}。请换一个输出文件夹。") from error
    return path


def _reject_foreign_output(folder: Path, name: str) -> None:
    """Reject a folder entry under one of zcbatch's output names that zcbatch cannot have written."""
    target = folder / name
    if target.is_symlink():
        kind = "一个链接"
    elif target.is_dir() and name not in OWN_FOLDERS:
        kind = "一个文件夹，zcbatch 只会在这里写文件"
    elif target.exists() and not target.is_dir() and name in OWN_FOLDERS:
        kind = "一个文件，zcbatch 只会在这里建文件夹"
    else:
        return
    raise OutputError(
        f"输出文件夹“{folder}”中的“{name}”是{kind}，它不是 zcbatch 生成的，所以没有删除。"
        "请移走或改名它，或换一个输出文件夹。"
    )


def _reject_inputs_among_outputs(folder: Path, inputs: Sequence[str | os.PathLike]) -> None:
    owned = [(folder / name).resolve() for name in OWN_OUTPUTS]
    for item in inputs:
        source = Path(item).resolve()
        if any(source == target or target in source.parents for target in owned):
            raise OutputError(
                f"输入文件“{source.name}”位于输出文件夹“{folder}”中，写入结果会覆盖或删除它。"
                "请换一个输出文件夹，或把输入文件移到别处。"
            )


def evaluate_inputs(inputs, *, policy=None, year=None, date=None, attachments=None) -> EvaluationResult:
    """Read, validate and evaluate the inputs; check attachments when a folder is given."""
    batch = read_batch(inputs)
    if batch.applicants.empty:
        names = "、".join(f"“{source.path.name}”" for source in batch.sources)
        raise InputError(
            f"{names}的“个人信息”表中没有申请人（只有表头或全是空行），没有可审核的内容。"
            "请在表头下方逐行填写申请人，每人一行，然后重试。"
        )
    if attachments:
        if not Path(attachments).is_dir():
            raise InputError(f"附件文件夹“{attachments}”不存在或不是文件夹。请检查 --attachments 后的路径。")
        check_attachments(batch, attachments)
    return evaluate(batch, policy=policy, year=year, date=date)


def check(inputs, outdir, *, policy=None, year=None, date=None, attachments=None, force=False,
          charts: bool = True, all_rows: bool = False) -> RunOutput:
    """Write 审核结果.xlsx (and the charts) for a batch.

    ``all_rows`` lists every applicant and input row in the report even for
    a batch of more than :data:`~zcbatch.report.FULL_REPORT_ROWS` applicants.
    """
    result = evaluate_inputs(inputs, policy=policy, year=year, date=date, attachments=attachments)
    target = prepare_outdir(outdir, force=force, inputs=[source.path for source in result.batch.sources])
    # The charts are drawn in a child process while the report is written.
    chart_job = Background(write_charts, result, target / CHART_DIR) if charts else None
    full_rows = None if all_rows else FULL_REPORT_ROWS
    try:
        report = write_report(result, target / REPORT_NAME, charts=chart_job.result if chart_job else None,
                              full_rows=full_rows)
    except BaseException:
        if chart_job is not None:
            chart_job.cancel()
        raise
    reports = [report, annotated_path(report)] if is_abridged(result, full_rows) else [report]
    chart_paths = chart_job.result() if chart_job else {}
    return RunOutput(result, target, [*reports, *chart_paths.values()], full_rows)


def write_charts(result: EvaluationResult, folder: Path) -> dict[str, Path]:
    """Save the summary charts as PNG files and return them by title."""
    from zcbatch.plots import save_summary_charts

    return save_summary_charts(result, folder)


def render(result: EvaluationResult, outdir: Path, *, full_id: bool = False, pdf: bool = False,
           progress: bool = False) -> list[Path]:
    """Write the Word documents (and PDFs) for the approved applicants."""
    from zcbatch.render import render_documents

    return render_documents(result, outdir, full_id=full_id, pdf=pdf, progress=progress)


def run(inputs, outdir, *, policy=None, year=None, date=None, attachments=None, force=False,
        full_id=False, pdf=False, progress=False, all_rows=False) -> RunOutput:
    """Check the batch, write the documents, and write manifest.json."""
    from zcbatch.manifest import write_manifest

    output = check(inputs, outdir, policy=policy, year=year, date=date, attachments=attachments, force=force,
                   all_rows=all_rows)
    output.outputs.extend(render(output.result, output.outdir, full_id=full_id, pdf=pdf, progress=progress))
    output.outputs.append(write_manifest(output.result, output.outdir, output.outputs))
    return output


def demo(outdir=None, *, force=False, pdf=False, progress=False) -> RunOutput:
    """Run the whole job on the bundled sample batch and its attachment folder."""
    attachments = data_dir("sample_data") / "附件"
    return run([sample_workbook()], outdir, force=force, pdf=pdf, progress=progress,
               attachments=attachments if attachments.is_dir() else None)
