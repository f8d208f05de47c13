"""The eligibility rules for self-appointment, one function per rule.

Each function takes the per-applicant terms (:mod:`zcbatch.rules.terms`),
the batch and the policy, and returns the findings of every applicant that
fails the rule, with the shortfall in numbers. Rules fixed by the 2024 TEDA
filing guide read their numbers from the policy file too, so a new year's
guide is a new policy file, not a code change.

Levels: 员级 and 助理级 are junior (初级); 中级 is intermediate.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from zcbatch import findings as fd
from zcbatch.batch import APPLICANT_CODE as CODE
from zcbatch.policy import JUNIOR_LEVELS, Policy
from zcbatch.rules import groups
from zcbatch.rules.terms import LEVEL_POSITION, TIER_RANK, LevelTier, by_tier_rank, is_none_value, months_between

KEY = "证件号码"


def _date(values: pd.Series) -> pd.Series:
    return values.dt.strftime("%Y-%m-%d").fillna("")


def _int(values: pd.Series) -> pd.Series:
    return values.astype("Int64").astype("string").fillna("")


def _number(values: pd.Series) -> pd.Series:
    # Each distinct number is formatted once; hours repeat across applicants.
    codes, distinct = pd.factorize(values)
    texts = np.append(pd.Series(distinct).map(lambda value: f"{value:g}").to_numpy(dtype=object), "")
    return pd.Series(texts[codes], index=values.index, dtype=object)


def _decidable(terms: pd.DataFrame) -> pd.Series:
    """Mark applicants whose ID, tier and level are known, so rules can be applied."""
    return terms["_decidable"]


JUNIOR_POSITIONS = [LEVEL_POSITION[name] for name in JUNIOR_LEVELS]


def _junior_or_doctor_intermediate(terms: pd.DataFrame) -> np.ndarray:
    level = terms["_level"].to_numpy()
    junior = np.isin(level, JUNIOR_POSITIONS)
    doctor = terms["_tier_rank"].to_numpy(dtype="int64", na_value=0) == TIER_RANK["博士"]
    return junior | ((level == LEVEL_POSITION["中级"]) & doctor)


# --- 现从事专业 equals 申报职称专业 -------------------------------------------

def specialty_match(terms: pd.DataFrame, batch, policy: Policy) -> pd.DataFrame:
    """现从事专业 must equal 申报职称专业."""
    # Texts that are equal as typed are equal without spaces too, so only the
    # few that differ are compared again with their spaces removed.
    differ = fd.select(terms, terms["现从事专业"].notna() & terms["申报职称专业"].notna() & (terms["现从事专业"] != terms["申报职称专业"]),
                     "现从事专业", "申报职称专业")
    current = differ["现从事专业"].str.replace(r"\s+", "", regex=True)
    applied = differ["申报职称专业"].str.replace(r"\s+", "", regex=True)
    failed = differ[current != applied]
    return fd.frame(
        failed, rule="SPECIALTY_MATCH", column="现从事专业",
        message="现从事专业“" + failed["现从事专业"].astype(str) + "”与申报职称专业“" + failed["申报职称专业"].astype(str)
        + "”不一致。两者须保持一致，请按实际从事的专业改正其中之一。",
    )


# --- 参加专业技术工作日期 after the initial education, not after D ---------

def work_start(terms: pd.DataFrame, batch, policy: Policy, date: pd.Timestamp) -> pd.DataFrame:
    """参加专业技术工作日期 is on or after the initial education's graduation and not after D."""
    size = len(batch.applicant_ids)
    education_counts = groups.group_count(groups.codes_of(batch.sheets["学历信息"]), size)
    has_education = pd.Series(groups.per_row(education_counts, groups.codes_of(terms), missing=0) > 0, index=terms.index)

    def with_education(rows: pd.DataFrame) -> pd.DataFrame:
        # A 证件号码 starting with "#" is a number Excel shortened; its rows
        # already carry a field error.
        rows = rows[has_education[rows.index]]
        return rows[~rows[KEY].str.startswith("#").fillna(False).astype(bool)]

    missing_initial = with_education(fd.select(terms, terms["初始学历毕业时间"].isna()))

    start = terms["参加专业技术工作日期"]
    before = fd.select(terms, start.notna() & terms["初始学历毕业时间"].notna() & (start < terms["初始学历毕业时间"]),
                     "参加专业技术工作日期", "初始学历毕业时间")
    after = fd.select(terms, start.notna() & (start > date), "参加专业技术工作日期")

    not_graduated = with_education(fd.select(terms, terms["学历层次"].isna()))
    return fd.concat([
        fd.frame(
            missing_initial, rule="INITIAL_EDUCATION_MISSING", column="参加专业技术工作日期",
            message="学历信息中没有标为“工作前学历”的学历，无法核对参加专业技术工作日期。请把参加工作前取得的学历的“是否工作前学历”填为“是”。",
        ),
        fd.frame(
            before, rule="WORK_START_BEFORE_GRADUATION", column="参加专业技术工作日期",
            message="参加专业技术工作日期 " + _date(before["参加专业技术工作日期"]) + " 早于工作前学历的毕业时间 "
            + _date(before["初始学历毕业时间"]) + "。应填写初始学历毕业后从事申报专业工作的起始日期。",
        ),
        fd.frame(
            after, rule="WORK_START_AFTER_REFERENCE", column="参加专业技术工作日期",
            message="参加专业技术工作日期 " + _date(after["参加专业技术工作日期"]) + f" 晚于申报日期 {date:%Y-%m-%d}。请核对日期。",
        ),
        fd.frame(
            not_graduated, rule="EDUCATION_NOT_GRADUATED", column="证件号码",
            message=f"截至申报日期 {date:%Y-%m-%d}，学历信息中没有已毕业的学历，无法确定学历层次。请核对毕业时间和学历。",
        ),
    ])


# --- 从事专业技术工作年限 as typed equals the computed years --------------

def typed_work_years(terms: pd.DataFrame, batch, policy: Policy, date: pd.Timestamp) -> pd.DataFrame:
    """The typed 从事专业技术工作年限 should equal the years from 参加专业技术工作日期 to D."""
    typed = terms["从事专业技术工作年限"]
    computed = terms["从参加工作起年限"]
    failed = fd.select(terms, typed.notna() & computed.notna() & (computed >= 0) & (typed != computed),
                     "从事专业技术工作年限", "参加专业技术工作日期", "从参加工作起年限")
    return fd.frame(
        failed, rule="WORK_YEARS_TYPED", column="从事专业技术工作年限",
        message="填写的从事专业技术工作年限为 " + _int(failed["从事专业技术工作年限"]) + " 年，按参加专业技术工作日期 "
        + _date(failed["参加专业技术工作日期"]) + f" 计算到 {date:%Y-%m-%d} 为 " + _int(failed["从参加工作起年限"])
        + " 年。请核对后按计算结果填写。",
    )


# --- Title fields: junior and doctor → intermediate vs master → intermediate -

# The columns the prerequisite-title findings read.
TITLE_COLUMNS = ["申报层级", "学历层次", "职称系列", "职称层级", "职称专业", "职称授予时间", "聘任系列", "职称证书附件"]


def title_fields(terms: pd.DataFrame, batch, policy: Policy) -> pd.DataFrame:
    """Junior, and doctor to intermediate: 职称系列 and 聘任系列 are 无.

    Master to intermediate: 职称系列/层级/专业/授予时间 describe the 助理级
    title already held, 聘任系列 is filled, and 职称证书附件 is given.
    """
    results = []
    none_required = _decidable(terms) & _junior_or_doctor_intermediate(terms)
    for column in ("职称系列", "聘任系列"):
        failed = fd.select(terms, none_required & ~is_none_value(terms[column]), "申报层级", column)
        results.append(fd.frame(
            failed, rule="TITLE_FIELDS_NONE", column=column,
            message=failed["申报层级"].astype(str) + f"申报时“{column}”应填“无”，现为“" + failed[column].astype(str)
            + "”。聘任初级职称及博士聘任中级职称不填写已有职称。",
        ))

    master = fd.select(terms, _decidable(terms) & terms["_needs_prerequisite"], *TITLE_COLUMNS)
    for level, tiers in policy.prerequisites.items():
        for tier, rule in tiers.items():
            group = master[(master["申报层级"] == level) & (master["学历层次"] == tier)]
            required_level = rule["level"]
            # A blank 职称层级 compares as NA, which a mask treats as False,
            # so the comparison is filled before it selects rows.
            holds_level = (group["职称层级"] == required_level).fillna(False).astype(bool)
            wrong_level = group[~holds_level]
            results.append(fd.frame(
                wrong_level, rule="PREREQUISITE_TITLE", column="职称层级",
                message=f"{tier}聘任{level}须已取得{required_level}职称，现职称层级为“" + wrong_level["职称层级"].fillna("未填写").astype(str)
                + f"”。请按已取得的{required_level}职称填写职称系列、层级、专业和授予时间。",
            ))
            held = group[holds_level]
            for column in ("职称系列", "职称专业", "职称授予时间"):
                blank = held[is_none_value(held[column].astype("string")) if column != "职称授予时间" else held[column].isna()]
                results.append(fd.frame(
                    blank, rule="PREREQUISITE_TITLE", column=column,
                    message=f"{tier}聘任{level}须填写已取得的{required_level}职称的“{column}”，现为空。",
                ))
            series_blank = group[is_none_value(group["聘任系列"])]
            results.append(fd.frame(
                series_blank, rule="APPOINTMENT_SERIES", column="聘任系列",
                message=f"{tier}聘任{level}须按现聘任的{required_level}职务填写“聘任系列”，现为空或“无”。",
            ))
            no_certificate = group[is_none_value(group["职称证书附件"])]
            results.append(fd.frame(
                no_certificate, rule="TITLE_CERTIFICATE", column="职称证书附件",
                message=f"{tier}聘任{level}须上传{required_level}职称证书原件扫描件，“职称证书附件”为空。请补充扫描件并填写文件名。",
            ))
    return fd.concat(results)


def tech_post_blank(terms: pd.DataFrame, batch, policy: Policy) -> pd.DataFrame:
    """Junior, and doctor to intermediate: 工作经历.专业技术职务 is blank."""
    applies = terms.loc[_decidable(terms) & _junior_or_doctor_intermediate(terms), [CODE, "申报层级"]]
    first = groups.first_rows(groups.codes_of(applies), len(batch.applicant_ids))
    # Filled posts are few, so they are selected before they are matched.
    work = batch.sheets["工作经历"]
    filled = fd.select(work, ~is_none_value(work["专业技术职务"]).to_numpy(dtype=bool), "专业技术职务")
    position = groups.per_row(first, groups.codes_of(filled), missing=-1)
    failed = filled[position >= 0].assign(申报层级=applies["申报层级"].to_numpy()[position[position >= 0]])
    return fd.frame(
        failed, rule="TECH_POST_BLANK", column="专业技术职务", name=None,
        message=failed["申报层级"].astype(str) + "申报时工作经历的“专业技术职务”不填写，现为“" + failed["专业技术职务"].astype(str)
        + "”。请清空该单元格。",
    )


def evidence_material(terms: pd.DataFrame, batch, policy: Policy) -> pd.DataFrame:
    """Intermediate needs 业绩佐证材料; junior needs only the 工作能力 and 业绩成果 texts."""
    intermediate = terms["_level"].to_numpy() == LEVEL_POSITION["中级"]
    failed = fd.select(terms, _decidable(terms) & intermediate & is_none_value(terms["业绩佐证材料"]))
    return fd.frame(
        failed, rule="EVIDENCE_MATERIAL", column="业绩佐证材料",
        message="申报中级须提供业绩成果佐证材料，“业绩佐证材料”为空。请上传佐证材料并填写文件名。",
    )


# --- Route and minimum work years ---------------------------------------

def level_tier_route(terms: pd.DataFrame, batch, policy: Policy) -> pd.DataFrame:
    """Reject a tier that has no entry under the level in the policy (no self-appointment route)."""
    failed = fd.select(terms, _decidable(terms) & ~terms["_route_open"], "学历层次", "申报层级", "_level", "_tier_rank")
    default = failed["学历层次"].astype(str) + "学历不能以自主聘任方式申报" + failed["申报层级"].astype(str)
    reason = LevelTier.of_terms(failed).lookup(policy.refusals).fillna(default).astype(str)
    return fd.frame(
        failed, rule="LEVEL_TIER_ROUTE", column="申报层级",
        message=reason + "（学历层次：" + failed["学历层次"].astype(str) + "，申报层级：" + failed["申报层级"].astype(str) + "）。",
    )


def min_work_years(terms: pd.DataFrame, batch, policy: Policy, date: pd.Timestamp) -> pd.DataFrame:
    """Work years up to D reach the minimum of the level and tier.

    The message gives the years and months worked and the date the minimum
    is reached, for example «本科学历申报助理级需从事专业技术工作满 1 年，
    现为 0 年 8 个月，最早 2025-03-01 满足».
    """
    applies = _decidable(terms) & terms["_route_open"] & terms["工作年限起算日期"].notna()
    months = terms["_months"]
    required = terms["要求最低年限"]
    failed = fd.select(terms, applies & (months.fillna(-1) < required.fillna(0) * 12),
                     "学历层次", "申报层级", "要求最低年限", "最早满足日期", "_months", "_needs_prerequisite")
    worked = failed["_months"].clip(lower=0)
    from_grant = failed["_needs_prerequisite"]
    basis = pd.Series(np.where(from_grant, "取得助理级职称后", ""), index=failed.index)
    column = pd.Series(np.where(from_grant, "职称授予时间", "参加专业技术工作日期"), index=failed.index)
    findings = []
    # The loop runs over the two possible columns, never over applicants.
    for column_name in ("参加专业技术工作日期", "职称授予时间"):
        rows = failed[column == column_name]
        findings.append(fd.frame(
            rows, rule="MIN_WORK_YEARS", column=column_name,
            message=rows["学历层次"].astype(str) + "学历申报" + rows["申报层级"].astype(str) + "需" + basis[rows.index]
            + "从事专业技术工作满 " + _int(rows["要求最低年限"]) + " 年，现为 " + _int(worked[rows.index] // 12) + " 年 "
            + _int(worked[rows.index] % 12) + " 个月，最早 " + _date(rows["最早满足日期"]) + " 满足。",
        ))
    return fd.concat(findings)


# --- Continuing education -----------------------------------------------

def required_years(terms: pd.DataFrame, counts: pd.Series, window_end: int) -> pd.DataFrame:
    """Expand each applicant into one row per required year, ending at ``window_end``.

    >>> terms = pd.DataFrame({"证件号码": ["a", "b"]})
    >>> required_years(terms, pd.Series([2, 0]), 2026)[["证件号码", "年度"]].values.tolist()
    [['a', 2026], ['a', 2025]]
    """
    people, years = _required_pairs(counts, window_end)
    expanded = terms.iloc[people].reset_index(drop=True)
    expanded["年度"] = years
    return expanded


def _required_pairs(counts: pd.Series, window_end: int) -> tuple[np.ndarray, np.ndarray]:
    """Return the applicant (a position in the terms) and the year of every required year."""
    counts = counts.fillna(0).astype("int64").clip(lower=0).to_numpy()
    people = np.repeat(np.arange(len(counts)), counts)
    # The offset of each year within its applicant's run of years: 0, 1, 2, ...
    offset = np.arange(len(people)) - np.repeat(np.cumsum(counts) - counts, counts)
    return people, window_end - offset


class _YearRows:
    """The required years of every applicant, each matched with its row in one sheet.

    The first row of the applicant and year counts. Most required years are
    found and pass, so values are compared as arrays and frames are built
    only for the years a finding is about.
    """

    def __init__(self, terms: pd.DataFrame, counts: pd.Series, window_end: int, sheet: pd.DataFrame, year_column: str):
        self.terms = terms
        self.sheet = sheet
        self.people, self.years = _required_pairs(counts, window_end)
        self.position = groups.match_years(
            groups.codes_of(terms)[self.people], self.years, groups.codes_of(sheet), sheet[year_column])
        self.found = self.position >= 0

    def missing(self) -> pd.DataFrame:
        """Return the required years without a row, pointing at the applicant's own row."""
        selected = ~self.found
        rows = self.terms[[KEY, "姓名", fd.SRC_FILE, fd.SRC_SHEET, fd.SRC_ROW, CODE]].iloc[self.people[selected]]
        rows = rows.reset_index(drop=True)
        rows["年度"] = self.years[selected]
        return rows

    def values(self, column: str, dtype: str, blank: object) -> np.ndarray:
        """Return the sheet's ``column`` at the row of every required year, ``blank`` where none."""
        values = self.sheet[column].to_numpy(dtype=dtype, na_value=blank)
        return np.where(self.found, values[self.position.clip(min=0)] if len(values) else blank, blank)

    def flags(self, marked: np.ndarray) -> np.ndarray:
        """Return, for every required year, whether its row is ``marked`` (False where it has none)."""
        return self.found & (marked[self.position.clip(min=0)] if len(marked) else False)

    def rows(self, selected: np.ndarray, columns: list[str]) -> pd.DataFrame:
        """Return the sheet rows of the selected required years, with the applicant's 证件号码, 姓名 and 年度."""
        rows = self.sheet[[fd.SRC_FILE, fd.SRC_SHEET, fd.SRC_ROW, *columns]].iloc[self.position[selected]]
        rows = rows.reset_index(drop=True)
        people = self.people[selected]
        rows[KEY] = self.terms[KEY].to_numpy()[people]
        rows["姓名"] = self.terms["姓名"].to_numpy()[people]
        rows[CODE] = self.terms[CODE].to_numpy()[people]
        rows["年度"] = self.years[selected]
        return rows


def with_required_counts(terms: pd.DataFrame, policy: Policy) -> pd.DataFrame:
    """Add 要求继续教育年数 and 要求考核年数 to the terms, as the rules below read them."""
    return terms.assign(要求继续教育年数=ce_required_counts(terms, policy), 要求考核年数=appraisal_required_counts(terms, policy))


def ce_required_counts(terms: pd.DataFrame, policy: Policy) -> pd.Series:
    """Return how many years of continuing education each applicant needs."""
    counts = LevelTier.of_terms(terms).whole_numbers(policy.continuing_education["years"]).fillna(0).astype("int64")
    return counts.where(_decidable(terms) & terms["_route_open"], 0)


def continuing_education(terms: pd.DataFrame, batch, policy: Policy, year: int) -> pd.DataFrame:
    """Per required year: 公需 ≥ 32, 专业 ≥ 64, total ≥ 96 (numbers from the policy).

    Years required: junior 硕士 and 博士 the application year, 本科 1 year,
    大专 3 years, below 大专 5 years; intermediate 硕士 2 years, 博士 the
    application year. The window ends at the application year.
    """
    settings = policy.continuing_education
    minimum = settings["min_hours"]
    window_end = year + settings["window_end_offset"]
    matched = _YearRows(terms, terms["要求继续教育年数"], window_end, batch.sheets["继续教育"], "年度")
    missing = matched.missing()
    results = [fd.frame(
        missing, rule="CE_MISSING_YEAR", column="证件号码",
        message=fd.per_combination(missing, ["年度"], lambda rows: "继续教育表缺少 " + rows["年度"].astype(str)
                                   + f" 年度的记录。该年度须完成公需 {minimum['公需']:g}、专业 {minimum['专业']:g}、合计 "
                                   + f"{minimum['总']:g} 学时，请补充该年度的继续教育。"),
    )]

    for column, label, key in (("公需科目学时数", "公需科目学时", "公需"), ("专业培训学时数", "专业培训学时", "专业"), ("总学时数", "总学时", "总")):
        # A blank hour count is NaN, which is never below the minimum.
        hours = matched.values(column, "float64", np.nan)
        short = matched.rows(hours < minimum[key], [column])
        results.append(fd.frame(
            short, rule="CE_HOURS", column=column,
            message=fd.per_combination(short, ["年度", column], lambda rows: rows["年度"].astype(str) + f" 年度{label} "
                                       + _number(rows[column]) + f"，少于 {minimum[key]:g}，还差 "
                                       + _number(minimum[key] - rows[column]) + " 学时。"),
        ))
    return fd.concat(results)


def ce_attachments(terms: pd.DataFrame, batch, policy: Policy, year: int) -> pd.DataFrame:
    """Continuing-education rows of a required year not confirmed by the 继续教育网 need an attachment."""
    window_end = year + policy.continuing_education["window_end_offset"]
    required_count = groups.group_max(
        groups.codes_of(terms), terms["要求继续教育年数"].to_numpy(dtype="int64"), len(batch.applicant_ids), initial=0)
    ce = batch.sheets["继续教育"]
    # Only a row marked 否 is unconfirmed. A blank cell means the analyst left
    # it open, and the official system then runs its own check. Such rows
    # are few, so they are selected first.
    unconfirmed = fd.select(ce, (ce["继续教育网可查"] == False).fillna(False).to_numpy(dtype=bool), "年度", "附件")  # noqa: E712 (nullable boolean)
    # A year is required when it is one of the last required_count years up to window_end.
    back = (window_end - unconfirmed["年度"]).fillna(-1).to_numpy(dtype="int64")
    needed = groups.per_row(required_count, groups.codes_of(unconfirmed), missing=0)
    unconfirmed = unconfirmed[(back >= 0) & (back < needed)]
    failed = unconfirmed[is_none_value(unconfirmed["附件"])]
    return fd.frame(
        failed, rule="CE_ATTACHMENT", column="附件", name=None,
        message=failed["年度"].astype(str) + " 年度继续教育未经继续教育网校验，须在附件中提交带二维码的必修课学习记录（继续教育网学习结束后可下载）。",
    )


# --- Appraisals -----------------------------------------------------------

def appraisal_required_counts(terms: pd.DataFrame, policy: Policy) -> pd.Series:
    """Return how many appraisal years each applicant needs.

    博士 and 硕士 need one year once their work years reach one year and none
    before; 本科 1 year; 大专 3 years; 中专 and below 5 years.
    """
    settings = policy.appraisal
    rank = terms["_tier_rank"].to_numpy(dtype="int64", na_value=0)
    # An unknown tier (rank 0) needs none.
    by_rank = by_tier_rank(settings["years"])
    doctor_master = np.isin(rank, (TIER_RANK["博士"], TIER_RANK["硕士"]))
    too_new = terms["计算工作年限"].fillna(0).to_numpy(dtype="int64") < settings["doctor_master_after_work_years"]
    counts = pd.Series(np.where(doctor_master & too_new, 0, by_rank[rank]), index=terms.index)
    return counts.where(_decidable(terms) & terms["_route_open"], 0)


def appraisal(terms: pd.DataFrame, batch, policy: Policy, year: int) -> pd.DataFrame:
    """Check that every required appraisal year is present and passing, in a window ending the year before."""
    settings = policy.appraisal
    window_end = year + settings["window_end_offset"]
    counts = terms["要求考核年数"]
    matched = _YearRows(terms, counts, window_end, batch.sheets["考核情况"], "考核年度")
    passing = settings["passing_results"]

    missing = matched.missing().assign(_years=counts.to_numpy()[matched.people[~matched.found]])
    results = [fd.frame(
        missing, rule="APPRAISAL_MISSING_YEAR", column="证件号码",
        message=fd.per_combination(missing, ["年度", "_years"], lambda rows: "考核情况表缺少 " + rows["年度"].astype(str)
                                   + " 年度的考核结果。该学历层次须有近 " + _int(rows["_years"]) + " 年的考核，请补充。"),
    )]
    # A blank result is not a failing one. Each distinct result is looked up once.
    not_passing = groups.map_distinct(batch.sheets["考核情况"]["考核结果"], dict.fromkeys(passing, False), other=True, missing=False)
    failing = matched.rows(matched.flags(not_passing.astype(bool)), ["考核结果"])
    results.append(fd.frame(
        failing, rule="APPRAISAL_NOT_PASSING", column="考核结果",
        message=fd.per_combination(failing, ["年度", "考核结果"], lambda rows: rows["年度"].astype(str) + " 年度考核结果为“"
                                   + rows["考核结果"].astype(str) + "”，只有" + "、".join(passing) + "计为合格。"),
    ))
    return fd.concat(results)


# --- Education attachments -----------------------------------------------

def education_attachments(terms: pd.DataFrame, batch, policy: Policy) -> pd.DataFrame:
    """Education rows not confirmed by 学信网 need an attachment.

    本科 and below without a degree (学位 其他 or 无) also need the 学信网
    学历证书电子注册备案表, recognised by a keyword in the attachment's name.
    """
    settings = policy.attachments
    education = batch.sheets["学历信息"]
    # Only a row marked 否 is unconfirmed, as for continuing education; such
    # rows are few, so they are selected first.
    unconfirmed = (education["学信网可查"] == False).fillna(False).to_numpy(dtype=bool)  # noqa: E712 (nullable boolean)
    education = fd.select(education, unconfirmed & (groups.codes_of(education) >= 0), "附件", "学历", "学位")
    needs_certificate = education[is_none_value(education["附件"])]

    below_master = education["学历"].notna() & ~education["学历"].isin(("博士研究生", "硕士研究生"))
    no_degree = education["学位"].isin(settings["degrees_without_certificate"])
    # Only the attachments of the rows that need the form are searched.
    candidates = education[below_master & no_degree]
    # Keywords are plain text, so characters such as ( or * match themselves.
    keywords = "|".join(re.escape(keyword) for keyword in settings["registration_form_keywords"])
    needs_form = candidates[~groups.contains_distinct(candidates["附件"], keywords)]
    return fd.concat([
        fd.frame(
            needs_certificate, rule="EDU_ATTACHMENT", column="附件", name=None,
            message="该学历未经学信网校验，须在附件中上传学历学位证书原件扫描件或加盖企业公章的复印件。",
        ),
        fd.frame(
            needs_form, rule="EDU_REGISTRATION_FORM", column="附件", name=None,
            message=needs_form["学历"].astype(str) + "无学位证，还须上传学信网《学历证书电子注册备案表》（附件文件名中请含“"
            + settings["registration_form_keywords"][0] + "”）。",
        ),
    ])


RULES_IN_ORDER = (
    "specialty_match", "work_start", "typed_work_years", "title_fields", "tech_post_blank",
    "evidence_material", "level_tier_route", "min_work_years", "continuing_education",
    "ce_attachments", "appraisal", "education_attachments",
)


def apply_all(terms: pd.DataFrame, batch, policy: Policy, year: int, date: pd.Timestamp) -> pd.DataFrame:
    """Apply every eligibility rule and return their findings.

    ``terms`` come from :func:`~zcbatch.rules.terms.compute_terms` and
    :func:`with_required_counts`.
    """
    return fd.concat([
        specialty_match(terms, batch, policy),
        work_start(terms, batch, policy, date),
        typed_work_years(terms, batch, policy, date),
        title_fields(terms, batch, policy),
        tech_post_blank(terms, batch, policy),
        evidence_material(terms, batch, policy),
        level_tier_route(terms, batch, policy),
        min_work_years(terms, batch, policy, date),
        continuing_education(terms, batch, policy, year),
        ce_attachments(terms, batch, policy, year),
        appraisal(terms, batch, policy, year),
        education_attachments(terms, batch, policy),
    ])


__all__ = ["apply_all", "months_between", *RULES_IN_ORDER]
