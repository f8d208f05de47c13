"""Evaluate a batch: every eligibility and review rule, statuses and a summary.

:func:`evaluate` decides for every applicant at once whether the company may
appoint them and, if not, what is missing and when it will hold. It returns
an :class:`EvaluationResult` with one row per applicant, every finding, and
counts for the report.

The application year Y and reference date D come from the arguments, else
from 单位信息 (申报年度, 申报日期), else from today.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from zcbatch import findings as fd
from zcbatch.batch import APPLICANT_CODE, Batch, link_findings, reference_today
from zcbatch.codes import (
    ERROR,
    SEVERITY_ORDER,
    STATUS_DATA_ERROR,
    STATUS_ELIGIBLE,
    STATUS_INELIGIBLE,
    STATUS_NEEDS_MATERIAL,
    STATUSES,
    WARNING,
)
from zcbatch.gcpause import paused_gc
from zcbatch.policy import Policy, load_policy
from zcbatch.rules import eligibility, groups, review
from zcbatch.rules.terms import TIER_NAMES, compute_terms

log = logging.getLogger(__name__)

# Columns of the applicant table, in order; every computed field follows.
APPLICANT_COLUMNS = [
    "姓名", "证件号码", "工作单位", "工作岗位", "申报系列", "申报层级", "申报职称专业", "申报资格名称",
    "学历层次", "学历层次毕业时间", "初始学历毕业时间", "参加专业技术工作日期", "工作年限起算日期",
    "工作年限", "计算工作年限", "从事专业技术工作年限", "从参加工作起年限", "要求最低年限", "要求继续教育年数", "要求考核年数",
    "最早满足日期", "审核结果", "拟聘任时间", "状态", "错误数", "警告数", "主要问题", "文件", "行号",
]


# The statuses in the order their conditions are tested.
STATUS_ORDER = np.array([STATUS_DATA_ERROR, STATUS_INELIGIBLE, STATUS_NEEDS_MATERIAL, STATUS_ELIGIBLE], dtype=object)

# The status texts as pandas strings, taken by position.
STATUS_TEXTS = pd.array(STATUS_ORDER, dtype="str")

# The severities by their place in the sort order, as findings.SEVERITY_SORT numbers them.
SEVERITY_LABELS = np.array(sorted(SEVERITY_ORDER, key=SEVERITY_ORDER.get), dtype=object)

# Unit-level errors that make the committee's recommendation or the publicity
# invalid; while one remains no document is generated.
BLOCKING_UNIT_RULES = frozenset({
    "COMMITTEE_MISSING", "ATTENDANCE_EXCEEDS", "VOTES_EXCEED", "VOTES_MAJORITY",
    "PUBLICITY_MISSING", "PUBLICITY_ORDER", "PUBLICITY_WORKDAYS",
})


BLOCKING_NUMBERS = [fd.RULE_NUMBERS[rule] for rule in sorted(BLOCKING_UNIT_RULES)]


@dataclass
class EvaluationResult:
    """The outcome of :func:`evaluate`.

    ``applicants`` has one row per applicant: the columns of
    :data:`APPLICANT_COLUMNS` with the 证件号码 masked, plus ``_key`` with
    the full number for joins, and the tier rank, months of work and status
    position as numbers (``_tier_rank``, ``_months``, ``_status``).
    ``findings`` has the import, field, rule and review findings with the
    columns of the 问题清单 sheet and internal ``_``-prefixed columns.
    ``summary`` contains the counts, taken when the result is built.
    """

    batch: Batch
    policy: Policy
    year: int
    date: pd.Timestamp
    applicants: pd.DataFrame
    findings: pd.DataFrame
    summary: dict[str, Any] = field(default_factory=dict)

    @property
    def approved(self) -> pd.DataFrame:
        """Return the applicants whose documents are generated.

        These are approved by the unit (审核结果 通过) and 可聘任 or 需补充材料.
        The table is empty while a unit-level error of the committee vote or
        the publicity period remains (:data:`BLOCKING_UNIT_RULES`), because a
        notice or form made then would not be valid.
        """
        return self.applicants[self._approved_mask()]

    def _approved_mask(self) -> np.ndarray:
        if self.blocking_errors:
            return np.zeros(len(self.applicants), dtype=bool)
        return self._selected()

    def _selected(self) -> np.ndarray:
        """Mark the applicants approved by the unit (通过) whose status lets documents be made."""
        applicants = self.applicants
        approved = applicants["审核结果"].isin(("通过",)).to_numpy(dtype=bool)
        return approved & applicants["状态"].isin((STATUS_ELIGIBLE, STATUS_NEEDS_MATERIAL)).to_numpy(dtype=bool)

    @property
    def blocking_errors(self) -> list[str]:
        """Return the messages of unit-level errors that stop document generation."""
        findings = self.findings
        blocking = np.isin(fd.rule_numbers(findings), BLOCKING_NUMBERS) & _errors(findings)
        return findings[fd.MESSAGE].to_numpy(dtype=object)[blocking].tolist()


def resolve_dates(batch: Batch, year: int | None, date: dt.date | str | None) -> tuple[int, pd.Timestamp]:
    """Return the application year and the reference date.

    An explicit date wins; then 单位信息 申报日期; then, for an application
    year other than the current one, its last day; then today.
    """
    today = pd.Timestamp(reference_today())
    unit_year = batch.unit.get("申报年度")
    unit_date = batch.unit.get("申报日期")
    if date is not None:
        reference = pd.Timestamp(date)
    elif unit_date is not None and (year is None or pd.Timestamp(unit_date).year == year):
        reference = pd.Timestamp(unit_date)
    else:
        requested_year = year or (int(unit_year) if unit_year is not None else None)
        if requested_year in (None, today.year):
            reference = today
        else:
            reference = pd.Timestamp(dt.date(requested_year, 12, 31))
    application_year = int(year or unit_year or reference.year)
    return application_year, reference.normalize()


def override_notes(batch: Batch, year: int | None, date: dt.date | str | None) -> list[str]:
    """Describe the 单位信息 values that an explicit year or date replaced."""
    notes = []
    unit_year = batch.unit.get("申报年度")
    unit_date = batch.unit.get("申报日期")
    if year is not None and unit_year is not None and int(unit_year) != int(year):
        notes.append(f"按指定的申报年度 {year} 审核，单位信息中的申报年度 {int(unit_year)} 未使用。")
    explicit = pd.Timestamp(date) if date is not None else None
    replaced = explicit is not None or (year is not None and unit_date is not None and pd.Timestamp(unit_date).year != year)
    if unit_date is not None and replaced and (explicit is None or explicit != pd.Timestamp(unit_date)):
        notes.append(f"单位信息中的申报日期 {pd.Timestamp(unit_date):%Y-%m-%d} 未使用。")
    return notes


@paused_gc()
def evaluate(batch: Batch, policy: Policy | str | None = None, year: int | None = None,
             date: dt.date | str | None = None) -> EvaluationResult:
    """Apply every rule to the batch and return the result.

    ``policy`` is a :class:`~zcbatch.policy.Policy`, a bundled policy name or
    a file path (default ``teda-2024``).
    """
    if not isinstance(policy, Policy):
        policy = load_policy(policy)
    application_year, reference = resolve_dates(batch, year, date)
    log.info("审核：申报年度 %d，申报日期 %s，政策 %s", application_year, f"{reference:%Y-%m-%d}", policy.label)

    terms = eligibility.with_required_counts(compute_terms(batch, policy, application_year, reference), policy)
    rule_findings = eligibility.apply_all(terms, batch, policy, application_year, reference)
    review_findings = review.apply_all(terms, batch, policy, reference)
    all_findings = fd.concat([batch.findings, rule_findings, review_findings])
    all_findings = _attach_letters(all_findings, batch)
    # The applicants' IDs are distinct texts, never blank.
    masked_ids = fd.mask_texts(batch.applicant_ids.to_numpy(dtype=object))
    all_findings = fd.finalize(_identify(all_findings, batch, masked_ids))

    applicants = _applicant_table(terms, batch, all_findings, masked_ids)
    result = EvaluationResult(batch, policy, application_year, reference, applicants, all_findings)
    result.summary = summarize(result)
    result.summary["基准说明"] = override_notes(batch, year, date)
    return result


def _attach_letters(findings: pd.DataFrame, batch: Batch) -> pd.DataFrame:
    """Write the 列 column as "证件号码（C列）" using each sheet's own letters."""
    if findings.empty:
        return findings
    letters = pd.Series(
        {(file, sheet, name): letter for (file, sheet), mapping in batch.letters.items() for name, letter in mapping.items()},
        dtype=object,
    )
    # The text depends only on the file, sheet and column, so each distinct
    # combination is written once and copied to its findings.
    place = [fd.FILE, fd.SHEET, fd.FIELD, fd.COLUMN]
    combination = fd.combinations(findings, place)
    distinct = findings.iloc[np.unique(combination, return_index=True)[1]]
    keys = pd.MultiIndex.from_arrays([distinct[fd.FILE], distinct[fd.SHEET], distinct[fd.FIELD]])
    found = pd.Series(letters.reindex(keys).to_numpy(), index=distinct.index) if len(letters) else pd.Series(None, index=distinct.index)
    plain = distinct[fd.COLUMN].astype(str)
    decorated = plain + "（" + found.astype(str) + "列）"
    # 单位信息 findings point at the 内容 column of their item's row.
    names_field = (plain == distinct[fd.FIELD]) | (plain == "内容")
    needs = found.notna() & (plain != "") & ~plain.str.contains("列）", regex=False) & names_field
    texts = decorated.where(needs, plain).to_numpy(dtype=object)[combination]
    return findings.assign(**{fd.COLUMN: pd.Series(texts, index=findings.index, dtype=object)})


def _identify(findings: pd.DataFrame, batch: Batch, masked_ids: np.ndarray) -> pd.DataFrame:
    """Link every finding to its applicant, and fill in the name and the masked 证件号码.

    The link is the :data:`~zcbatch.batch.APPLICANT_CODE` column; the name
    is the applicant's first 个人信息 row, where the finding has none.
    """
    ids = batch.applicant_ids
    # read_batch links its own findings; findings from elsewhere may still lack the code.
    findings = link_findings(findings, ids)
    key = findings[fd.KEY]
    codes = findings[APPLICANT_CODE].to_numpy(dtype="int64")

    people = batch.applicants
    first_person = groups.first_rows(groups.codes_of(people), len(ids))
    names = findings[fd.NAME].to_numpy(dtype=object, copy=True)
    unnamed = pd.isna(names)
    unnamed[~unnamed] = names[~unnamed] == ""
    unnamed = np.flatnonzero(unnamed)
    person = groups.per_row(first_person, codes[unnamed], missing=-1)
    if len(people):
        found = people["姓名"].take(person.clip(min=0)).to_numpy(dtype=object, na_value=pd.NA)
        names[unnamed] = np.where(person >= 0, found, pd.NA)
    else:
        names[unnamed] = pd.NA

    # A 证件号码 that belongs to no applicant (a row of another sheet) is masked on its own.
    masked = groups.per_row(masked_ids, codes, missing=None)
    stray = np.flatnonzero((codes < 0) & key.notna().to_numpy(dtype=bool))
    masked[stray] = fd.mask_id(key.iloc[stray]).to_numpy(dtype=object)
    return findings.assign(**{
        fd.NAME: pd.Series(names, index=findings.index, dtype=object),
        fd.ID: pd.Series(masked, index=findings.index, dtype=object),
    })


def _applicant_table(terms: pd.DataFrame, batch: Batch, findings: pd.DataFrame, masked_ids: np.ndarray) -> pd.DataFrame:
    # The terms are built for this evaluation alone, so they become the table in place.
    people = terms
    key = people["证件号码"]
    size = len(batch.applicant_ids)
    codes = groups.codes_of(people)
    finding_codes = findings[APPLICANT_CODE].to_numpy(dtype="int64")
    severity = findings[fd.SEVERITY].to_numpy()
    kind = findings[fd.KIND].to_numpy()

    def per_applicant(mask: np.ndarray) -> np.ndarray:
        return groups.per_row(groups.group_count(finding_codes[mask], size), codes, missing=0)

    is_error = severity == ERROR
    people["错误数"] = per_applicant(is_error).astype("int64")
    people["警告数"] = per_applicant(severity == WARNING).astype("int64")
    data_error = per_applicant(is_error & np.isin(kind, ("field", "review"))) > 0
    ineligible = per_applicant(is_error & (kind == "eligibility")) > 0
    material = per_applicant((severity == WARNING) & (kind == "material")) > 0
    header_missing = is_error & (findings[fd.RULE].to_numpy(dtype=object) == "HEADER_MISSING")
    sheet_level = bool(pd.isna(findings[fd.KEY].to_numpy(dtype=object)[header_missing]).any())

    # The first true condition decides the status, and each applicant gets that status's position.
    status = np.select([(codes < 0) | data_error | sheet_level, ineligible, material], [0, 1, 2], default=3)
    people["状态"] = pd.Series(STATUS_TEXTS.take(status), index=people.index)
    people["_status"] = status
    # The findings are sorted by severity, so an applicant's first is the most serious.
    first_finding = groups.per_row(groups.first_rows(finding_codes, size), codes, missing=-1)
    messages = findings[fd.MESSAGE].to_numpy(dtype=object)
    people["主要问题"] = pd.Series(groups.per_row(messages, first_finding, missing=""), index=people.index, dtype=object)

    review = batch.sheets["单位审核"]
    first_review = groups.per_row(groups.first_rows(groups.codes_of(review), size), codes, missing=-1)
    # Taking from the columns' own arrays keeps their types. Position -1 gives a blank.
    for column, dtype in (("审核结果", "string"), ("拟聘任时间", "datetime64[ns]")):
        values = review[column].array.take(first_review, allow_fill=True)
        people[column] = pd.Series(values, index=people.index).astype(dtype)
    people["文件"] = people["_file"]
    people["行号"] = people["_row"]
    people["_key"] = key
    people["证件号码"] = pd.Series(groups.per_row(masked_ids, codes, missing=None), index=people.index, dtype=object)
    extras = [column for column in people.columns if column not in APPLICANT_COLUMNS and not column.startswith("_")]
    ordered = APPLICANT_COLUMNS + [column for column in extras if column not in APPLICANT_COLUMNS]
    return people[ordered + ["_key", "_tier_rank", "_months", "_status"]].reset_index(drop=True)


def summarize(result: EvaluationResult) -> dict[str, Any]:
    """Count applicants by status, level and tier, and findings by severity and rule."""
    applicants = result.applicants
    findings = result.findings
    # The status and the tier are counted by their numbers, which the
    # applicant table keeps beside the texts.
    statuses = _counts_by_number(applicants["_status"].to_numpy(dtype="int64"), STATUS_ORDER)
    tiers = _counts_by_number(applicants["_tier_rank"].to_numpy(dtype="int64", na_value=0), TIER_NAMES)
    blocking = result.blocking_errors
    numbers = fd.rule_numbers(findings)
    batch_level = findings[fd.KEY].isna().to_numpy(dtype=bool) & _errors(findings)
    return {
        "申请人数": int(len(applicants)),
        "状态": {status: statuses.get(status, 0) for status in STATUSES},
        "申报层级": _counts(applicants["申报层级"], blanks=True),
        "学历层次": tiers,
        "问题级别": _counts_by_number(fd.SEVERITY_SORT[numbers], SEVERITY_LABELS),
        "规则": _counts_by_number(numbers, fd.RULE_CODES),
        "审核通过且可生成文件": 0 if blocking else int(result._selected().sum()),
        "文件生成受阻原因": blocking,
        "政策": result.policy.label,
        "申报年度": result.year,
        "申报日期": f"{result.date:%Y-%m-%d}",
        "批次级错误": findings[fd.MESSAGE].to_numpy(dtype=object)[batch_level].tolist(),
    }


def _errors(findings: pd.DataFrame) -> np.ndarray:
    """Mark the findings of severity 错误."""
    return findings[fd.SEVERITY].to_numpy(dtype=object) == ERROR


def _counts_by_number(numbers: np.ndarray, labels: np.ndarray) -> dict[str, int]:
    """Count values numbered 0 to ``len(labels) - 1`` as :func:`_counts` counts their texts.

    >>> _counts_by_number(np.array([2, 0, 1, 2]), np.array([pd.NA, "大专", "本科"], dtype=object))
    {'本科': 2, '<NA>': 1, '大专': 1}
    """
    counts = np.bincount(numbers, minlength=len(labels))
    first = groups.first_rows(numbers, len(labels))
    present = np.flatnonzero(counts)
    # np.lexsort sorts by its last key first: the most frequent, then the first to appear.
    order = present[np.lexsort((first[present], -counts[present]))]
    return {str(labels[number]): int(counts[number]) for number in order}


def _counts(values: pd.Series, *, blanks: bool = False) -> dict[str, int]:
    """Count each distinct value as text, the most frequent first and equal counts in order of appearance.

    Blank cells are counted under the text of their missing value when
    ``blanks`` is true.

    >>> _counts(pd.Series(["本科", None, "大专", "本科"], dtype="string"), blanks=True)
    {'本科': 2, '<NA>': 1, '大专': 1}
    """
    codes, uniques = groups.factorize(values)
    blank = np.flatnonzero(codes < 0)
    # Blank cells get the number after the distinct values, and the text of the first of them.
    labels = np.append(uniques, values.iloc[blank[0]] if len(blank) else None)
    numbers = np.where(codes < 0, len(uniques), codes) if blanks else codes[codes >= 0]
    return _counts_by_number(numbers, labels)
