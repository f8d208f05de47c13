"""zcbatch: batch checking and documents for self-appointed professional titles.

HR analysts in the Tianjin Economic-Technological Development Area prepare
their company's yearly self-appointment of junior and intermediate titles
(自主聘任初（中）级职称). zcbatch reads the whole batch from Excel, validates
every field, applies the eligibility rules, reports each problem at its cell
and fills the Word documents for the approved applicants.
"""

__version__ = "0.1.0"

from zcbatch.batch import Batch, read_batch
from zcbatch.errors import InputError, OutputError, PolicyError, ZcbatchError
from zcbatch.evaluate import EvaluationResult, evaluate
from zcbatch.policy import Policy, load_policy
from zcbatch.report import write_report


def plot_summary(result):
    """Draw the summary charts of a result (see :func:`zcbatch.plots.plot_summary`)."""
    from zcbatch.plots import plot_summary as _plot_summary

    return _plot_summary(result)


def render_documents(result, outdir, **options):
    """Write the Word documents (see :func:`zcbatch.render.render_documents`)."""
    from zcbatch.render import render_documents as _render_documents

    return _render_documents(result, outdir, **options)


def write_template(path, *, example=False):
    """Write the input template (see :func:`zcbatch.template.write_template`)."""
    from zcbatch.template import write_template as _write_template

    return _write_template(path, example=example)


__all__ = [
    "Batch", "EvaluationResult", "InputError", "OutputError", "Policy", "PolicyError", "ZcbatchError",
    "evaluate", "load_policy", "plot_summary", "read_batch", "render_documents", "write_report", "write_template",
]
