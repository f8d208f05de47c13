"""A row-by-row reference implementation of the eligibility rules, for the benchmarks.

:func:`evaluate_rowwise` decides every applicant of a loaded batch with plain
Python: one dict per row, the related rows of each applicant gathered into
lists, and a loop over the applicants that applies the rules of the policy
one after another. The rows are taken from the frames in one call by
default, or with ``DataFrame.iterrows`` as the usual pandas loop does
(``rows="iterrows"``); the rules are the same code either way. It repeats no code of :mod:`zcbatch.rules` or
:mod:`zcbatch.evaluate`, so ``benchmarks/run.py`` can check the vectorized
engine against it applicant by applicant; a disagreement is a bug in one of
the two.

The rules are those of the bundled policy as :mod:`zcbatch.rules.eligibility`
documents them. The field findings of the import (``batch.findings``) are
taken as they are, and so are the unit-level review rules (committee,
publicity), whose findings belong to no applicant. The per-applicant review
rules (审批意见, 拟聘任时间) are reimplemented because they decide the status.

The result is one :class:`Decision` per 个人信息 row, in row order: the status
and the set of eligibility rule codes (both severities) of the applicant's ID.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass

import pandas as pd

from zcbatch.codes import ERROR, RULES, STATUS_DATA_ERROR, STATUS_ELIGIBLE, STATUS_INELIGIBLE, STATUS_NEEDS_MATERIAL, WARNING
from zcbatch.evaluate import resolve_dates
from zcbatch.policy import Policy, load_policy

KEY = "证件号码"
LEVELS = ("员级", "助理级", "中级")
JUNIOR = ("员级", "助理级")
TIER_NAMES = {5: "博士", 4: "硕士", 3: "本科", 2: "大专", 1: "中专及以下"}
NONE_VALUES = ("无", "没有", "-", "—", "/", "／")
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class Decision:
    """The outcome for one 个人信息 row."""

    key: str | None
    status: str
    eligibility: frozenset[str]


def _missing(value: object) -> bool:
    return value is None or value is pd.NA or value is pd.NaT or (isinstance(value, float) and value != value)


def _is_none_value(value: object) -> bool:
    return _missing(value) or value in NONE_VALUES


def _months_between(start, end) -> int | None:
    if _missing(start):
        return None
    return (end.year - start.year) * 12 + (end.month - start.month) - (1 if end.day < start.day else 0)


def _add_years(start, years: int):
    if _missing(start):
        return pd.NaT
    try:
        first = pd.Timestamp(year=start.year + years, month=start.month, day=1)
    except ValueError:
        return pd.NaT
    return first + pd.Timedelta(days=start.day - 1)


def _later(first, second):
    """Return the later of two dates, or NaT when either is missing."""
    if _missing(first) or _missing(second):
        return pd.NaT
    return max(first, second)


def _tier_rank(row: dict) -> int | None:
    degree, title = row["学历"], row["学位"]
    if degree == "博士研究生" or title == "博士":
        return 5
    if degree == "硕士研究生" or title == "硕士":
        return 4
    if degree == "大学本科":
        return 3
    if degree == "大学专科":
        return 2
    if not _missing(degree):
        return 1
    return None


def _records(frame: pd.DataFrame, rows: str = "dicts") -> list[dict]:
    """Return the rows of ``frame`` as dicts.

    ``"dicts"`` converts the frame in one call. ``"iterrows"`` walks it the
    way a pandas loop usually does, one Series per row, and copies each
    cell, with pandas' missing value as ``None``.
    """
    if rows == "iterrows":
        return [{name: (None if value is pd.NA else value) for name, value in row.items()} for _, row in frame.iterrows()]
    return frame.to_dict("records")


def _by_key(rows: list[dict]) -> dict[str, list[dict]]:
    grouped: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        if not _missing(row[KEY]):
            grouped[row[KEY]].append(row)
    return grouped


class _Findings:
    """The rule codes found for each ID."""

    def __init__(self) -> None:
        self.codes: dict[str, set[str]] = defaultdict(set)

    def add(self, key: object, code: str) -> None:
        if not _missing(key):
            self.codes[key].add(code)


def _terms(person: dict, education: list[dict], date) -> dict:
    """Return the applicant's tier, the graduation that sets it and the initial education's graduation."""
    best, tier_graduation, initial_graduation = None, pd.NaT, pd.NaT
    for row in education:
        graduated = row["毕业时间"]
        if row["是否工作前学历"] is True and not _missing(graduated):
            initial_graduation = graduated if _missing(initial_graduation) else max(initial_graduation, graduated)
        if _missing(graduated) or graduated > date:
            continue
        rank = _tier_rank(row)
        if rank is None:
            continue
        if best is None or rank > best:
            best, tier_graduation = rank, graduated
        elif rank == best:
            tier_graduation = min(tier_graduation, graduated)
    return {
        "tier": TIER_NAMES.get(best) if best is not None else None,
        "tier_graduation": tier_graduation,
        "initial_graduation": initial_graduation,
    }


def evaluate_rowwise(batch, policy: Policy | str | None = None, year: int | None = None,
                     date: dt.date | str | None = None, rows: str = "dicts") -> list[Decision]:
    """Decide every applicant of ``batch`` row by row and return one decision per 个人信息 row.

    ``rows`` chooses how the rows are taken from the frames (see :func:`_records`).
    """
    if not isinstance(policy, Policy):
        policy = load_policy(policy)
    year, date = resolve_dates(batch, year, date)

    people = _records(batch.sheets["个人信息"], rows)
    education = _by_key(_records(batch.sheets["学历信息"], rows))
    work = _by_key(_records(batch.sheets["工作经历"], rows))
    continuing = _by_key(_records(batch.sheets["继续教育"], rows))
    appraisals = _by_key(_records(batch.sheets["考核情况"], rows))
    reviews = _records(batch.sheets["单位审核"], rows)
    known_keys = {person[KEY] for person in people if not _missing(person[KEY])}

    found = _Findings()
    earliest_by_key: dict[str, object] = {}
    for person in people:
        key = person[KEY]
        terms = _terms(person, education.get(key, []) if not _missing(key) else [], date)
        earliest = _apply_rules(person, terms, education, work, continuing, appraisals, policy, year, date, found)
        if not _missing(key) and key not in earliest_by_key:
            earliest_by_key[key] = earliest

    _education_attachments(education, known_keys, policy, found)
    _review_rules(reviews, work, earliest_by_key, found)
    return _decide(people, batch.findings, found)


def _apply_rules(person: dict, terms: dict, education, work, continuing, appraisals, policy: Policy,
                 year: int, date, found: _Findings):
    """Apply the per-applicant eligibility rules and return the earliest eligible date."""
    key = person[KEY]
    level, tier = person["申报层级"], terms["tier"]
    level = None if _missing(level) else level
    route = policy.min_work_years.get(level, {}).get(tier) if level is not None and tier is not None else None
    route_open = route is not None
    prerequisite = policy.prerequisites.get(level, {}).get(tier) if level is not None and tier is not None else None
    decidable = not _missing(key) and tier is not None and level in LEVELS
    junior_or_doctor = level in JUNIOR or (level == "中级" and tier == "博士")

    # 现从事专业 equals 申报职称专业.
    current, applied = person["现从事专业"], person["申报职称专业"]
    if not _missing(current) and not _missing(applied) and _SPACES.sub("", current) != _SPACES.sub("", applied):
        found.add(key, "SPECIALTY_MATCH")

    # 参加专业技术工作日期 after the initial education and not after D.
    start = person["参加专业技术工作日期"]
    has_person = not _missing(key) and not key.startswith("#")
    has_education = has_person and key in education
    if has_education and _missing(terms["initial_graduation"]):
        found.add(key, "INITIAL_EDUCATION_MISSING")
    if not _missing(start) and not _missing(terms["initial_graduation"]) and start < terms["initial_graduation"]:
        found.add(key, "WORK_START_BEFORE_GRADUATION")
    if not _missing(start) and start > date:
        found.add(key, "WORK_START_AFTER_REFERENCE")
    if has_education and tier is None:
        found.add(key, "EDUCATION_NOT_GRADUATED")

    # Work years: from the later of the work start and the tier's graduation,
    # or from the prerequisite title's grant date.
    count_from = _later(start, terms["tier_graduation"])
    if prerequisite is not None:
        count_from = person["职称授予时间"]
    months = _months_between(count_from, date)
    whole_years = months // 12 if months is not None else None
    typed = person["从事专业技术工作年限"]
    from_start = _months_between(start, date)
    if not _missing(typed) and from_start is not None and from_start // 12 >= 0 and typed != from_start // 12:
        found.add(key, "WORK_YEARS_TYPED")

    earliest = _add_years(count_from, route or 0) if route_open else pd.NaT
    earliest = _later(earliest, start)

    if not decidable:
        return earliest

    if junior_or_doctor:
        for column in ("职称系列", "聘任系列"):
            if not _is_none_value(person[column]):
                found.add(key, "TITLE_FIELDS_NONE")
        for row in work.get(key, []):
            if not _is_none_value(row["专业技术职务"]):
                found.add(key, "TECH_POST_BLANK")
    if prerequisite is not None:
        if person["职称层级"] != prerequisite["level"]:
            found.add(key, "PREREQUISITE_TITLE")
        else:
            if _is_none_value(person["职称系列"]) or _is_none_value(person["职称专业"]) or _missing(person["职称授予时间"]):
                found.add(key, "PREREQUISITE_TITLE")
        if _is_none_value(person["聘任系列"]):
            found.add(key, "APPOINTMENT_SERIES")
        if _is_none_value(person["职称证书附件"]):
            found.add(key, "TITLE_CERTIFICATE")
    if level == "中级" and _is_none_value(person["业绩佐证材料"]):
        found.add(key, "EVIDENCE_MATERIAL")

    if not route_open:
        found.add(key, "LEVEL_TIER_ROUTE")
        return earliest
    if not _missing(count_from) and (months if months is not None else -1) < route * 12:
        found.add(key, "MIN_WORK_YEARS")

    _continuing_education(key, level, tier, continuing.get(key, []), policy, year, found)
    _appraisals(key, tier, whole_years, appraisals.get(key, []), policy, year, found)
    return earliest


def _first_per_year(rows: list[dict], column: str) -> dict[int, dict]:
    first: dict[int, dict] = {}
    for row in rows:
        if not _missing(row[column]) and row[column] not in first:
            first[row[column]] = row
    return first


def _continuing_education(key, level, tier, rows: list[dict], policy: Policy, year: int, found: _Findings) -> None:
    settings = policy.continuing_education
    count = settings["years"].get(level, {}).get(tier, 0)
    window_end = year + settings["window_end_offset"]
    minimum = settings["min_hours"]
    by_year = _first_per_year(rows, "年度")
    for offset in range(count):
        required_year = window_end - offset
        row = by_year.get(required_year)
        if row is None:
            found.add(key, "CE_MISSING_YEAR")
            continue
        for column, limit in (("公需科目学时数", "公需"), ("专业培训学时数", "专业"), ("总学时数", "总")):
            hours = row[column]
            if not _missing(hours) and hours < minimum[limit]:
                found.add(key, "CE_HOURS")
        # Every row of a required year, duplicates included, needs its record.
        for any_row in rows:
            if any_row["年度"] == required_year and any_row["继续教育网可查"] is not True and _is_none_value(any_row["附件"]):
                found.add(key, "CE_ATTACHMENT")


def _appraisals(key, tier, whole_years, rows: list[dict], policy: Policy, year: int, found: _Findings) -> None:
    settings = policy.appraisal
    count = settings["years"].get(tier, 0)
    if tier in ("博士", "硕士") and (whole_years if whole_years is not None else 0) < settings["doctor_master_after_work_years"]:
        count = 0
    window_end = year + settings["window_end_offset"]
    by_year = _first_per_year(rows, "考核年度")
    for offset in range(count):
        row = by_year.get(window_end - offset)
        if row is None:
            found.add(key, "APPRAISAL_MISSING_YEAR")
        elif not _missing(row["考核结果"]) and row["考核结果"] not in settings["passing_results"]:
            found.add(key, "APPRAISAL_NOT_PASSING")


def _education_attachments(education: dict[str, list[dict]], known_keys: set, policy: Policy, found: _Findings) -> None:
    settings = policy.attachments
    keywords = settings["registration_form_keywords"]
    for key, rows in education.items():
        if key not in known_keys:
            continue
        for row in rows:
            if row["学信网可查"] is True:
                continue
            attachment = row["附件"]
            if _is_none_value(attachment):
                found.add(key, "EDU_ATTACHMENT")
            degree = row["学历"]
            below_master = not _missing(degree) and degree not in ("博士研究生", "硕士研究生")
            has_form = not _missing(attachment) and any(word in attachment for word in keywords)
            if below_master and row["学位"] in settings["degrees_without_certificate"] and not has_form:
                found.add(key, "EDU_REGISTRATION_FORM")


def _review_rules(reviews: list[dict], work: dict[str, list[dict]], earliest_by_key: dict, found: _Findings) -> None:
    """Apply the review rules about one applicant.

    A 不通过 needs an 审批意见, and a 拟聘任时间 is neither the entry date of
    the current job nor before the earliest eligible date.
    """
    seen: set = set()
    for row in reviews:
        key = row[KEY]
        if row["审核结果"] == "不通过" and _missing(row["审批意见"]):
            found.add(key, "REVIEW_OPINION_MISSING")
        if row["审核结果"] != "通过" or _missing(key) or key in seen:
            continue
        seen.add(key)
        appointment = row["拟聘任时间"]
        if _missing(appointment):
            continue
        current_starts = [job["开始日期"] for job in work.get(key, [])
                          if _missing(job["结束日期"]) and not _missing(job["开始日期"])]
        if current_starts and appointment == max(current_starts):
            found.add(key, "APPOINT_DATE_ENTRY")
        earliest = earliest_by_key.get(key, pd.NaT)
        if not _missing(earliest) and appointment < earliest:
            found.add(key, "APPOINT_DATE_EARLY")


def _decide(people: list[dict], import_findings: pd.DataFrame, found: _Findings) -> list[Decision]:
    """Give each applicant its status, first match wins: 数据错误, 不符合条件, 需补充材料, 可聘任."""
    data_error: set = set()
    material: set = set()
    sheet_level_error = False
    for key, rule, severity, kind in zip(import_findings["_key"], import_findings["规则"],
                                         import_findings["级别"], import_findings["_kind"]):
        if _missing(key):
            sheet_level_error = sheet_level_error or (severity == ERROR and rule == "HEADER_MISSING")
        elif severity == ERROR and kind in ("field", "review"):
            data_error.add(key)
        elif severity == WARNING and kind == "material":
            material.add(key)

    decisions = []
    for person in people:
        key = person[KEY]
        codes = found.codes.get(key, set()) if not _missing(key) else set()
        rules = [RULES[code] for code in codes]
        if _missing(key) or sheet_level_error or key in data_error or any(
                rule.severity == ERROR and rule.kind in ("field", "review") for rule in rules):
            status = STATUS_DATA_ERROR
        elif any(rule.severity == ERROR and rule.kind == "eligibility" for rule in rules):
            status = STATUS_INELIGIBLE
        elif key in material or any(rule.severity == WARNING and rule.kind == "material" for rule in rules):
            status = STATUS_NEEDS_MATERIAL
        else:
            status = STATUS_ELIGIBLE
        eligibility = frozenset(code for code in codes if RULES[code].kind == "eligibility")
        decisions.append(Decision(None if _missing(key) else key, status, eligibility))
    return decisions
