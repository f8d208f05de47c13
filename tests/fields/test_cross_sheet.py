"""Rules across sheets and cells: orphan rows, applicants without rows, two rules on one cell."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pandas as pd
import pandera.pandas as pa
import pytest
from stdnum.cn import ric

from zcbatch import schemas
from zcbatch.batch import Batch

ROW_SHEETS = ["学历信息", "工作经历", "继续教育", "考核情况", "单位审核"]


@pytest.fixture(scope="module")
def join_batch(applicant: Any, load_batch: Any, make_id: Any) -> tuple[Batch, str]:
    first, second, third = applicant(1), applicant(2), applicant(3)
    del second["学历信息"]
    del third["工作经历"]
    number = first["个人信息"][0]["证件号码"]
    first["单位审核"] = [{"证件号码": number, "审核结果": "通过"}]
    stranger = make_id(dt.date(1990, 1, 1), sequence=999)
    for sheet in ROW_SHEETS:
        first[sheet].append(dict(first[sheet][0], 证件号码=stranger))
    return load_batch(first, second, third), stranger


@pytest.mark.parametrize("sheet", ROW_SHEETS)
def test_orphan_row_reported(join_batch: Any, rule_findings: Any, cell: Any, sheet: str) -> None:
    batch, stranger = join_batch
    found = rule_findings(batch, "ORPHAN_ROW", sheet=sheet)
    assert len(found) == 1
    assert found.at[0, "级别"] == "错误"
    assert cell(batch, found.iloc[0]) == "A3"
    assert f"证件号码“{stranger[:6]}********{stranger[-4:]}”在个人信息表中找不到对应的申请人" in found.at[0, "说明"]


def test_orphan_row_not_counted_for_applicant(join_batch: Any, rule_findings: Any) -> None:
    batch, _ = join_batch
    assert rule_findings(batch, "ORPHAN_ROW")["_key"].isna().all()


@pytest.mark.parametrize(("rule", "row", "sheet_name"), [
    ("NO_EDUCATION", 3, "学历信息"),
    ("NO_WORK_HISTORY", 4, "工作经历"),
])
def test_applicant_without_rows(join_batch: Any, rule_findings: Any, cell: Any, rule: str, row: int,
                                sheet_name: str) -> None:
    batch, _ = join_batch
    found = rule_findings(batch, rule)
    assert len(found) == 1
    assert found.at[0, "级别"] == "错误"
    assert found.at[0, "工作表"] == "个人信息"
    assert cell(batch, found.iloc[0]) == f"H{row}"
    assert f"该申请人在“{sheet_name}”表中没有任何记录" in found.at[0, "说明"]


def test_join_findings_only_these(join_batch: Any) -> None:
    batch, _ = join_batch
    assert sorted(batch.findings["规则"]) == ["NO_EDUCATION", "NO_WORK_HISTORY"] + ["ORPHAN_ROW"] * 5


def test_key_forms_join(applicant: Any, load_batch: Any, make_id: Any) -> None:
    """Keys typed differently in the row sheets still join: lower-case x, spaces, full-width digits."""
    number = next(found for sequence in range(1, 999, 2)
                  if (found := make_id(dt.date(1997, 3, 15), sequence=sequence)).endswith("X"))
    person = applicant(证件号码=number)
    person["学历信息"][0]["证件号码"] = number.lower()
    person["工作经历"][0]["证件号码"] = f"{number[:6]} {number[6:14]} {number[14:]}"
    person["继续教育"][0]["证件号码"] = number.translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    person["考核情况"][0]["证件号码"] = number
    batch = load_batch(person)
    assert batch.findings.empty


# --- One cell, two rules ----------------------------------------------------------------


@pytest.fixture(scope="module")
def two_rule_batch(applicant: Any, load_batch: Any, make_id: Any) -> tuple[Batch, str]:
    valid = make_id(dt.date(1997, 3, 15), sequence=1)
    # The birth date digits changed after the check digit was computed, so the
    # check digit is wrong AND the ID's birth date (03-16) disagrees with 出生日期.
    wrong = valid.replace("19970315", "19970316")
    assert ric.calc_check_digit(wrong) != wrong[17]
    return load_batch(applicant(证件号码=wrong)), wrong


def test_one_cell_two_findings(two_rule_batch: Any) -> None:
    # pandera's own schema.validate(lazy=True) reports both of these too (see
    # test_lazy_mode_reports_both_id_rules): two dataframe checks on the same
    # row are independent. What lazy mode drops is shown by the coercion tests
    # below.
    batch, _ = two_rule_batch
    people = batch.findings[batch.findings["工作表"] == "个人信息"]
    assert sorted(people["规则"]) == ["ID_BIRTH_MISMATCH", "ID_CHECKSUM"]


@pytest.mark.parametrize(("rule", "reference", "words"), [
    ("ID_CHECKSUM", "H2", "号码中有数字录错"),
    ("ID_BIRTH_MISMATCH", "K2", "出生日期填写为 1997-03-15，身份证号中的出生日期为 1997-03-16"),
])
def test_one_cell_two_findings_detail(two_rule_batch: Any, rule_findings: Any, cell: Any, rule: str,
                                      reference: str, words: str) -> None:
    batch, _ = two_rule_batch
    found = rule_findings(batch, rule, 2, "个人信息")
    assert found.at[0, "级别"] == "错误"
    assert cell(batch, found.iloc[0]) == reference
    assert words in found.at[0, "说明"]


def test_lazy_mode_reports_both_id_rules(two_rule_batch: Any) -> None:
    batch, _ = two_rule_batch
    with pytest.raises(pa.errors.SchemaErrors) as raised:
        schemas.PersonalInfo.validate(batch.applicants, lazy=True)
    failed = raised.value.failure_cases
    assert set(failed.loc[failed["index"] == 0, "check"]) == {"ID_BIRTH_MISMATCH", "ID_CHECKSUM"}


# --- What pandera's lazy mode drops -----------------------------------------------------

FUTURE = dt.date.today() + dt.timedelta(days=365)


@pytest.fixture(scope="module")
def coercion_batch(applicant: Any, load_batch: Any) -> Batch:
    person = applicant()
    template = person["学历信息"][0]
    person["学历信息"] += [
        # Row 3: a graduation date no parser can read.
        dict(template, 毕业时间="六月底"),
        # Row 4: graduation in the future, and enrolment after it.
        dict(template, 入学时间=FUTURE + dt.timedelta(days=30), 毕业时间=FUTURE),
    ]
    return load_batch(person)


def test_lazy_mode_drops_rows_after_failed_coercion(coercion_batch: Batch) -> None:
    """Validating the cells as read with pandera alone loses row 4's two rule failures.

    With coerce=True the 毕业时间 column cannot become datetime because of row 3.
    pandera then runs EDU_GRADUATION_FUTURE and EDU_DATES_ORDER on the
    uncoerced column, each check raises a TypeError, and lazy mode records
    one column-level error per check (index None) instead of the failing rows.
    """
    schema = schemas.Education.to_schema()
    schema.coerce = True
    with pytest.raises(pa.errors.SchemaErrors) as raised:
        schema.validate(coercion_batch.raw["学历信息"], lazy=True)
    failed = raised.value.failure_cases
    row_4 = failed[failed["index"] == 2]
    column_level = failed[failed["index"].isna()]
    assert set(row_4["check"]) & {"EDU_GRADUATION_FUTURE", "EDU_DATES_ORDER"} == set()
    assert {"EDU_GRADUATION_FUTURE", "EDU_DATES_ORDER"} <= set(column_level["check"])
    assert column_level["failure_case"].str.startswith("TypeError").all()


@pytest.mark.parametrize(("rule", "row"), [
    ("DATE_INVALID", 3),
    ("EDU_GRADUATION_FUTURE", 4),
    ("EDU_DATES_ORDER", 4),
])
def test_every_rule_reported_despite_bad_cell(coercion_batch: Batch, rule_findings: Any, rule: str, row: int) -> None:
    assert len(rule_findings(coercion_batch, rule, row, "学历信息")) == 1


def test_run_schema_every_rule(coercion_batch: Batch) -> None:
    """run_schema on the typed frame reports both rules of row 4, where lazy validation has none."""
    found = schemas.run_schema(schemas.Education, coercion_batch.sheets["学历信息"])
    assert sorted(zip(found["行号"], found["规则"])) == [(4, "EDU_DATES_ORDER"), (4, "EDU_GRADUATION_FUTURE")]


def test_typed_frame_has_no_guess(coercion_batch: Batch) -> None:
    """The unreadable date is missing in the typed frame, so no rule checks a guessed value."""
    assert pd.isna(coercion_batch.sheets["学历信息"].at[1, "毕业时间"])
