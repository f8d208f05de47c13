"""Rows are linked to their applicant once, by 证件号码, and the rules use the link.

Every sheet carries ``_applicant``: the position of the row's 证件号码 among
the distinct 证件号码 of 个人信息, or -1 when the row has no 证件号码 or no
applicant has it. Applicants who share a 证件号码 share the position.
"""

from __future__ import annotations

import copy

import pytest

from zcbatch.batch import APPLICANT_CODE
from zcbatch.evaluate import evaluate

from .helpers import appraisal_row, applicant, id_number, messages, read_applicants, row_of

FIRST = applicant(1)
SECOND = applicant(2)
TWIN = copy.deepcopy(applicant(3, tier="大专"))
TWIN["考核情况"] = [appraisal_row(2025), appraisal_row(2024)]  # 2023 is missing
TWIN_AGAIN = copy.deepcopy(TWIN)
ORPHAN_ID = id_number(99)
ORPHANED = copy.deepcopy(applicant(4))
ORPHANED["学历信息"][0]["证件号码"] = ORPHAN_ID
ORPHANED["继续教育"][0]["证件号码"] = None


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    return read_applicants(tmp_path_factory.mktemp("links"), [FIRST, SECOND, TWIN, TWIN_AGAIN, ORPHANED])


def test_each_applicant_has_own_code(batch):
    codes = batch.applicants[APPLICANT_CODE].tolist()
    assert codes[:2] == [0, 1]


def test_shared_id_shares_code(batch):
    codes = batch.applicants[APPLICANT_CODE].tolist()
    assert codes[2] == codes[3]


def test_distinct_ids_count_once(batch):
    assert len(batch.applicant_ids) == 4


def test_row_of_unknown_id_links_nowhere(batch):
    education = batch.sheets["学历信息"]
    assert education.loc[education["证件号码"] == ORPHAN_ID, APPLICANT_CODE].tolist() == [-1]


def test_row_without_id_links_nowhere(batch):
    ce = batch.sheets["继续教育"]
    assert ce.loc[ce["证件号码"].isna(), APPLICANT_CODE].tolist() == [-1]


@pytest.mark.parametrize("sheet", ["个人信息", "学历信息", "工作经历", "继续教育", "考核情况", "单位审核"])
def test_code_names_the_rows_id(batch, sheet):
    frame = batch.sheets[sheet]
    linked = frame[frame[APPLICANT_CODE] >= 0]
    assert batch.applicant_ids.take(linked[APPLICANT_CODE]).tolist() == linked["证件号码"].tolist()


@pytest.fixture(scope="module")
def result(batch):
    return evaluate(batch, year=2026)


def test_shared_id_counts_own_required_years(result):
    # Two 个人信息 rows with one ID each need 3 years, not 6 between them.
    assert messages(result, "APPRAISAL_MISSING_YEAR", TWIN)[0] == "考核情况表缺少 2023 年度的考核结果。该学历层次须有近 3 年的考核，请补充。"


def test_evaluate_leaves_batch_ids_whole(batch, result):
    assert batch.applicants["证件号码"].tolist()[:2] == [FIRST["个人信息"]["证件号码"], SECOND["个人信息"]["证件号码"]]


def test_evaluate_adds_no_column_to_batch(batch, result):
    assert "学历层次" not in batch.applicants.columns


def test_applicant_table_masks_shared_id(result):
    assert row_of(result, TWIN)["证件号码"] == TWIN["个人信息"]["证件号码"][:6] + "********" + TWIN["个人信息"]["证件号码"][-4:]
