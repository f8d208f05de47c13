"""Summary charts of an evaluation result, for the report and for notebooks.

:func:`plot_summary` returns the four figures; :func:`save_summary_charts`
writes them as PNG files. The drawing itself lives in :mod:`zcbatch.charts`,
which takes plain tables; this module builds those tables from a result.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from matplotlib.figure import Figure

from zcbatch import charts
from zcbatch.codes import RULES, STATUSES
from zcbatch.evaluate import EvaluationResult
from zcbatch.rules.eligibility import required_years

CHART_FILES = {
    "状态分布": "状态分布.png",
    "问题按规则": "问题按规则.png",
    "学历层次与申报层级": "学历层次与申报层级.png",
    "继续教育学时": "继续教育学时.png",
}


def ce_hours_table(result: EvaluationResult) -> pd.DataFrame:
    """Return one row per applicant and required continuing-education year with its hours."""
    applicants = result.applicants.dropna(subset=["_key"])
    people = applicants[["_key", "姓名"]].rename(columns={"_key": "证件号码"}).reset_index(drop=True)
    counts = applicants["要求继续教育年数"].reset_index(drop=True)
    window_end = result.year + result.policy.continuing_education["window_end_offset"]
    required = required_years(people, counts, window_end)
    ce = result.batch.sheets["继续教育"].dropna(subset=["证件号码", "年度"]).drop_duplicates(["证件号码", "年度"])
    table = required.merge(ce[["证件号码", "年度", "公需科目学时数", "专业培训学时数"]], on=["证件号码", "年度"], how="left")
    minimum = result.policy.continuing_education["min_hours"]
    table["要求公需"] = minimum["公需"]
    table["要求专业"] = minimum["专业"]
    return table.drop(columns="证件号码")


def _decidable(applicants: pd.DataFrame) -> pd.DataFrame:
    """Keep applicants whose level is a self-appointment level and whose tier is known."""
    return applicants[applicants["申报层级"].isin(("员级", "助理级", "中级")) & applicants["学历层次"].notna()]


def plot_summary(result: EvaluationResult) -> dict[str, Figure]:
    """Draw the four summary charts of a result, keyed by their Chinese titles."""
    status_counts = result.applicants["状态"].value_counts().reindex(list(STATUSES), fill_value=0)
    return {
        "状态分布": charts.plot_status_counts(status_counts),
        "问题按规则": charts.plot_findings_by_rule(result.findings, rule_titles=RULES),
        "学历层次与申报层级": charts.plot_eligibility_matrix(_decidable(result.applicants)),
        "继续教育学时": charts.plot_ce_hours(ce_hours_table(result)),
    }


def save_summary_charts(result: EvaluationResult, folder: Path) -> dict[str, Path]:
    """Write the summary charts as PNG files under ``folder`` and return them by title."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    saved: dict[str, Path] = {}
    for title, figure in plot_summary(result).items():
        saved[title] = charts.save_figure(figure, folder / CHART_FILES[title])
    return saved
