"""The terms the eligibility rules are written in, computed for every applicant.

- **Education tier** (学历层次): the highest over the applicant's education
  rows graduated by the reference date D: 博士 (学历 博士研究生 or 学位 博士),
  硕士 (学历 硕士研究生 or 学位 硕士), 本科, 大专, 中专及以下. The tier's
  graduation is the earliest graduation among the rows of that tier.
- **Initial education**: the rows marked 是否工作前学历 = 是; its graduation is
  the latest among them.
- **Work years**: whole years of professional work up to D, counted from the
  later of 参加专业技术工作日期 and the tier's graduation; for a level with a
  prerequisite title (硕士 → 中级), from that title's grant date.

Everything is computed with whole-column operations (merge, groupby,
numpy.select): there is no Python loop over applicants or rows.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from zcbatch.policy import TIERS
from zcbatch.rules import groups

# Rank of each tier; higher is better.
TIER_RANK = {tier: len(TIERS) - position for position, tier in enumerate(TIERS)}
RANK_TIER = {rank: tier for tier, rank in TIER_RANK.items()}
# The tier of each 学历, and of the degrees (学位) that decide a tier on their own.
DEGREE_TIERS = {"博士研究生": TIER_RANK["博士"], "硕士研究生": TIER_RANK["硕士"], "大学本科": TIER_RANK["本科"], "大学专科": TIER_RANK["大专"]}
TITLE_TIERS = {"博士": TIER_RANK["博士"], "硕士": TIER_RANK["硕士"]}
NONE_VALUES = ("无", "没有", "-", "—", "/", "／")
LEVELS = ("员级", "助理级", "中级")
# The last whole month a nanosecond timestamp can hold (April 2262).
LAST_MONTH = np.datetime64("2262-04", "M")


def education_tier(education: pd.DataFrame) -> pd.Series:
    """Return the tier rank of each education row (``NA`` when 学历 is unknown).

    >>> rows = pd.DataFrame({"学历": ["大学本科", "硕士研究生", "大学专科", "高中", None],
    ...                      "学位": ["学士", "硕士", "无", "无", "博士"]})
    >>> education_tier(rows).map(RANK_TIER).tolist()
    ['本科', '硕士', '大专', '中专及以下', '博士']
    """
    rank = _tier_ranks(education)
    return pd.Series(rank, index=education.index).where(rank > 0).astype("Int64")


def _tier_ranks(education: pd.DataFrame) -> np.ndarray:
    """Return the tier rank of each education row, 0 when 学历 is unknown."""
    # Any other 学历 is 中专及以下. A 博士 or 硕士 degree lifts the tier.
    by_education = groups.map_distinct(education["学历"], DEGREE_TIERS, other=TIER_RANK["中专及以下"], missing=0)
    by_degree = groups.map_distinct(education["学位"], TITLE_TIERS, other=0, missing=0)
    return np.maximum(by_education, by_degree).astype("int64")


def months_between(start: pd.Series, end: pd.Series | pd.Timestamp) -> pd.Series:
    """Return whole months from ``start`` to ``end`` (negative when end is earlier).

    A month is complete on the same day of the month, so from 2024-03-01 to
    2024-11-20 is 8 months, and from 2024-01-31 to 2024-02-29 is 0.

    >>> months_between(pd.Series(pd.to_datetime(["2024-03-01", "2024-01-31"])), pd.Timestamp("2024-11-20")).tolist()
    [8, 9]
    """
    end_year = end.year if isinstance(end, pd.Timestamp) else end.dt.year
    end_month = end.month if isinstance(end, pd.Timestamp) else end.dt.month
    end_day = end.day if isinstance(end, pd.Timestamp) else end.dt.day
    months = (end_year - start.dt.year) * 12 + (end_month - start.dt.month) - (end_day < start.dt.day).astype("Int64")
    return months.astype("Int64")


def add_years(start: pd.Series, years: pd.Series | int) -> pd.Series:
    """Return the anniversary ``years`` after ``start``.

    An anniversary of 29 February in a common year falls on 1 March, the
    first day on which the whole years are complete.

    >>> add_years(pd.Series(pd.to_datetime(["2024-02-29", "2021-11-30"])), 1).dt.strftime("%Y-%m-%d").tolist()
    ['2025-03-01', '2022-11-30']
    """
    years = np.asarray(years, dtype="int64")
    days = start.to_numpy(dtype="datetime64[ns]")
    month = days.astype("datetime64[M]")
    # The first of the month, years later, plus the days into the month.
    target = month + 12 * years
    target = np.where(target < LAST_MONTH, target, np.datetime64("NaT"))
    return pd.Series(target.astype("datetime64[ns]") + (days - month.astype("datetime64[ns]")), index=start.index)


def is_none_value(values: pd.Series) -> pd.Series:
    """Mark blank cells and cells that contain a "none" value (无, -, /).

    Most such columns are largely blank, so only the filled cells are compared.

    >>> is_none_value(pd.Series(["无", None, "工程师", "／"], dtype="string")).tolist()
    [True, True, False, True]
    """
    marked = values.isna().to_numpy(dtype=bool, copy=True)
    filled = ~marked
    if filled.any():
        marked[filled] = values[filled].isin(NONE_VALUES).to_numpy(dtype=bool)
    return pd.Series(marked, index=values.index)


def compute_terms(batch, policy, year: int, date: pd.Timestamp) -> pd.DataFrame:
    """Compute the per-applicant terms, one row per 个人信息 row.

    Columns: the applicant's own fields, plus ``学历层次`` (tier name),
    ``_tier_rank``, ``学历层次毕业时间``, ``初始学历毕业时间``, ``工作年限起算日期``,
    ``_months`` (whole months of work up to D), ``工作年限`` (text such as
    "4年3个月"), ``计算工作年限`` (whole years), ``从参加工作起年限`` (whole
    years from 参加专业技术工作日期), ``要求最低年限``, ``最早满足日期``.
    """
    # Columns are added or replaced, never changed in place, and pandas copies
    # on write, so a shallow copy leaves the batch unchanged.
    people = batch.applicants.copy(deep=False)
    education = batch.sheets["学历信息"]
    size = len(batch.applicant_ids)
    people_codes = groups.codes_of(people)
    codes = groups.codes_of(education)
    graduation = groups.dates(education["毕业时间"])

    graduated = (education["毕业时间"] <= date).fillna(False).to_numpy(dtype=bool) & (codes >= 0)
    rank = _tier_ranks(education)
    graduated &= rank > 0
    best_rank = groups.group_max(codes[graduated], rank[graduated], size, initial=0)
    # The tier's graduation is the earliest among the rows of the best tier.
    of_best = graduated & (rank == groups.per_row(best_rank, codes, missing=-1))
    tier_graduation = groups.group_min(codes[of_best], graduation[of_best], size, initial=groups.LATEST)
    initial = (education["是否工作前学历"] == True).fillna(False).to_numpy(dtype=bool)  # noqa: E712 (nullable boolean)
    initial &= graduation != groups.NAT
    initial_graduation = groups.group_max(codes[initial], graduation[initial], size, initial=groups.NAT)

    people_rank = groups.per_row(best_rank, people_codes, missing=0)
    people["_tier_rank"] = pd.Series(people_rank, index=people.index).where(people_rank > 0).astype("Int64")
    people["学历层次毕业时间"] = groups.as_dates(
        groups.per_row(tier_graduation, people_codes, missing=groups.LATEST), people.index, empty=groups.LATEST)
    people["初始学历毕业时间"] = groups.as_dates(
        groups.per_row(initial_graduation, people_codes, missing=groups.NAT), people.index, empty=groups.NAT)
    people["学历层次"] = people["_tier_rank"].map(RANK_TIER).astype("string")

    level = people["申报层级"]
    tier = people["学历层次"]
    # Rules apply to an applicant whose ID, tier and level are all known.
    people["_decidable"] = (people_codes >= 0) & (people_rank > 0) & level.isin(LEVELS).to_numpy(dtype=bool)
    level_tier = LevelTier(level, tier)
    minimum_years = level_tier.lookup(policy.min_work_years)
    people["_route_open"] = minimum_years.notna()
    people["要求最低年限"] = minimum_years.astype("Int64")

    prerequisite_years = level_tier.lookup(
        {lvl: {t: rule["years_from_grant"] for t, rule in tiers.items()} for lvl, tiers in policy.prerequisites.items()},
    )
    people["_needs_prerequisite"] = prerequisite_years.notna()

    start = people["参加专业技术工作日期"]
    count_from = pd.concat([start, people["学历层次毕业时间"]], axis=1).max(axis=1, skipna=False)
    count_from = count_from.where(~people["_needs_prerequisite"], people["职称授予时间"])
    people["工作年限起算日期"] = count_from

    months = months_between(count_from, date)
    people["_months"] = months
    people["计算工作年限"] = (months // 12).astype("Int64")
    people["工作年限"] = _years_months_text(months)
    people["从参加工作起年限"] = (months_between(start, date) // 12).astype("Int64")

    required = people["要求最低年限"].fillna(0).astype("int64")
    people["最早满足日期"] = add_years(count_from, required).where(people["_route_open"])
    people["最早满足日期"] = pd.concat([people["最早满足日期"], start], axis=1).max(axis=1, skipna=False)
    return people


def lookup(table: dict[str, dict[str, object]], level: pd.Series, tier: pd.Series) -> pd.Series:
    """Look up ``table[level][tier]`` for every row (``NA`` when absent).

    >>> table = {"中级": {"硕士": 2, "博士": 0}}
    >>> lookup(table, pd.Series(["中级", "中级", None]), pd.Series(["博士", "本科", "硕士"])).tolist()
    [0, <NA>, <NA>]
    """
    return LevelTier(level, tier).lookup(table)


class LevelTier:
    """The 申报层级 and 学历层次 of every applicant, numbered once for table lookups.

    A policy table is looked up once per distinct (level, tier) pair, however
    many applicants share it.
    """

    def __init__(self, level: pd.Series, tier: pd.Series) -> None:
        self.index = level.index
        self.level_codes, self.levels = pd.factorize(level.astype(object))
        self.tier_codes, self.tiers = pd.factorize(tier.astype(object))

    def lookup(self, table: dict[str, dict[str, object]]) -> pd.Series:
        """Return ``table[level][tier]`` for every applicant (``NA`` when absent)."""
        flat = {(lvl, t): value for lvl, tiers in table.items() for t, value in tiers.items()}
        if not flat:
            return pd.Series(pd.NA, index=self.index, dtype=object)
        values = pd.Series(flat, dtype=object)
        values.index = pd.MultiIndex.from_tuples(values.index)
        # The grid's last row and column are NA and serve a blank level or tier.
        grid = np.full((len(self.levels) + 1, len(self.tiers) + 1), None, dtype=object)
        pairs = pd.MultiIndex.from_product([self.levels, self.tiers])
        grid[:-1, :-1] = values.reindex(pairs).to_numpy(dtype=object).reshape(len(self.levels), len(self.tiers))
        looked_up = pd.Series(grid[self.level_codes, self.tier_codes], index=self.index, dtype=object)
        return looked_up.where(looked_up.notna(), pd.NA)


def _years_months_text(months: pd.Series) -> pd.Series:
    """Format whole months as "4年3个月" (``NA`` when unknown or negative).

    Each distinct number of months is formatted once; a batch has a few
    hundred of them however many applicants it has.

    >>> _years_months_text(pd.Series([51, 0, -2, None], dtype="Int64")).tolist()
    ['4年3个月', '0年0个月', <NA>, <NA>]
    """
    valid = months.notna() & (months >= 0)
    distinct = pd.Series(pd.unique(months[valid].to_numpy(dtype="int64")))
    texts = (distinct // 12).astype(str) + "年" + (distinct % 12).astype(str) + "个月"
    return months.where(valid).map(pd.Series(texts.to_numpy(), index=distinct)).astype("string")
