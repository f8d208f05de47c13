"""Every sample applicant gets the status and findings the sample was built to show.

The sample workbook records the intended outcome beside each applicant in the
extra columns 预期状态 and 预期规则 (the 错误 and 警告 rule codes, sorted).
The attachment folder beside the sample is checked too, as ``zcbatch demo``
does, because the photo rules need it.
"""

from __future__ import annotations

import pandas as pd
import pytest

from zcbatch.batch import read_batch
from zcbatch.pipeline import evaluate_inputs
from zcbatch.resources import data_dir, sample_workbook


@pytest.fixture(scope="module")
def outcomes() -> pd.DataFrame:
    """Evaluate the sample once and pair each applicant's result with the intent."""
    result = evaluate_inputs([sample_workbook()], attachments=data_dir("sample_data") / "附件")
    findings = result.findings
    serious = findings[findings["级别"].isin(["错误", "警告"]) & findings["_key"].notna()]
    rules = serious.groupby("_key")["规则"].agg(lambda codes: ",".join(sorted(set(codes))))
    applicants = result.applicants.copy()
    applicants["实际规则"] = applicants["_key"].map(rules).fillna("")
    applicants["预期规则"] = applicants["预期规则"].fillna("").astype(str)
    return applicants


# One test per sample row, named "<Excel row>-<姓名>" so a failure names the applicant.
SAMPLE_ROWS = [
    (int(row), str(name)) for row, name in
    zip(*(lambda people: (people["_row"], people["姓名"]))(read_batch([sample_workbook()]).applicants))
]


def _outcome(outcomes: pd.DataFrame, row: int) -> pd.Series:
    return outcomes[outcomes["行号"] == row].iloc[0]


@pytest.mark.parametrize(("row", "name"), SAMPLE_ROWS, ids=[f"{row}-{name}" for row, name in SAMPLE_ROWS])
def test_sample_status(outcomes, row, name):
    outcome = _outcome(outcomes, row)
    assert outcome["状态"] == outcome["预期状态"]


@pytest.mark.parametrize(("row", "name"), SAMPLE_ROWS, ids=[f"{row}-{name}" for row, name in SAMPLE_ROWS])
def test_sample_rules(outcomes, row, name):
    outcome = _outcome(outcomes, row)
    assert outcome["实际规则"] == outcome["预期规则"]


def test_sample_has_orphan_work_row():
    result = evaluate_inputs([sample_workbook()])
    orphans = result.findings[result.findings["规则"] == "ORPHAN_ROW"]
    assert orphans["工作表"].tolist() == ["工作经历"]
