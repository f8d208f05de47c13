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

from zcbatch.policy import LEVELS, TIERS
from zcbatch.rules import groups

# Rank of each tier; higher is better.
TIER_RANK = {tier: len(TIERS) - position for position, tier in enumerate(TIERS)}
RANK_TIER = {rank: tier for tier, rank in TIER_RANK.items()}
# The tier name of each rank, by position; rank 0 (unknown) has none.
TIER_NAMES = np.array([pd.NA, *reversed(TIERS)], dtype=object)
# The tier of each 学历, and of the degrees (学位) that decide a tier on their own.
DEGREE_TIERS = {"博士研究生": TIER_RANK["博士"], "硕士研究生": TIER_RANK["硕士"], "大学本科": TIER_RANK["本科"], "大学专科": TIER_RANK["大专"]}
TITLE_TIERS = {"博士": TIER_RANK["博士"], "硕士": TIER_RANK["硕士"]}
NONE_VALUES = ("无", "没有", "-", "—", "/", "／")
LEVEL_POSITION = {level: position for position, level in enumerate(LEVELS)}
TIER_POSITION = {tier: position for position, tier in enumerate(TIERS)}
# The months a nanosecond timestamp reaches, from September 1677 to March
# 2262, and the first day of each in days since 1970-01-01. Month numbers
# count from January 1970, as numpy's datetime64[M] does.
FIRST_MONTH = np.datetime64("1677-09", "M").astype("int64")
MONTH_START_DAYS = np.arange(np.datetime64("1677-09", "M"), np.datetime64("2262-04", "M")).astype("datetime64[D]").astype("int64")
NANOSECONDS_PER_DAY = 86_400 * 10**9


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
    start_month, start_day = _month_and_day(start.to_numpy(dtype="datetime64[ns]"))
    if isinstance(end, pd.Timestamp):
        end_month, end_day = _month_and_day(np.array([end.to_datetime64()], dtype="datetime64[ns]"))
        end_blank = np.zeros(1, dtype=bool)
    else:
        end_month, end_day = _month_and_day(end.to_numpy(dtype="datetime64[ns]"))
        end_blank = end.isna().to_numpy(dtype=bool)
    months = end_month - start_month - (end_day < start_day)
    blank = start.isna().to_numpy(dtype=bool) | end_blank
    return pd.Series(pd.arrays.IntegerArray(np.where(blank, 0, months), blank), index=start.index)


def _month_and_day(days: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Return the month number (months since 1970-01) and the day within the month (from 0) of each date.

    A blank date (NaT) gets month 0 and day 0, which callers mask.
    """
    # pandas reads each calendar field in one pass, while numpy's conversion
    # to datetime64[M] costs several times more.
    dates = pd.DatetimeIndex(np.where(np.isnat(days), np.datetime64(0, "ns"), days))
    month = (dates.year.to_numpy(dtype="int64") - 1970) * 12 + dates.month.to_numpy(dtype="int64") - 1
    return month, dates.day.to_numpy(dtype="int64") - 1


def add_years(start: pd.Series, years: pd.Series | int) -> pd.Series:
    """Return the anniversary ``years`` after ``start``.

    An anniversary of 29 February in a common year falls on 1 March, the
    first day on which the whole years are complete.

    >>> add_years(pd.Series(pd.to_datetime(["2024-02-29", "2021-11-30"])), 1).dt.strftime("%Y-%m-%d").tolist()
    ['2025-03-01', '2022-11-30']
    """
    years = np.asarray(years, dtype="int64")
    moments = start.to_numpy(dtype="datetime64[ns]")
    month, _ = _month_and_day(moments)
    # The result is the first of the month, years later, plus the days and
    # the time since the first of the start's month. A month beyond the
    # nanosecond range gives a blank. Month starts are kept in days because
    # 1677-09-01 itself has no nanosecond timestamp.
    days = moments.astype("datetime64[D]").astype("int64")
    time_of_day = moments.view("int64") - days * NANOSECONDS_PER_DAY
    last = len(MONTH_START_DAYS) - 1
    target = month + 12 * years - FIRST_MONTH
    beyond = np.isnat(moments) | (target < 0) | (target > last)
    offset = days - MONTH_START_DAYS[(month - FIRST_MONTH).clip(0, last)]
    shifted = (MONTH_START_DAYS[target.clip(0, last)] + offset) * NANOSECONDS_PER_DAY + time_of_day
    return pd.Series(np.where(beyond, groups.NAT, shifted).view("datetime64[ns]"), index=start.index)


def is_none_value(values: pd.Series) -> pd.Series:
    """Mark blank cells and cells that contain a "none" value (无, -, /).

    Most such columns are largely blank, and pandas compares a blank cell
    slowly, so only the filled cells are compared.

    >>> is_none_value(pd.Series(["无", None, "工程师", "／"], dtype="string")).tolist()
    [True, True, False, True]
    """
    marked = values.isna().to_numpy(dtype=bool, copy=True)
    filled = ~marked
    if filled.all():
        marked = values.isin(NONE_VALUES).to_numpy(dtype=bool)
    elif filled.any():
        marked[filled] = values[filled].isin(NONE_VALUES).to_numpy(dtype=bool)
    return pd.Series(marked, index=values.index)


def compute_terms(batch, policy, year: int, date: pd.Timestamp) -> pd.DataFrame:
    """Compute the per-applicant terms, one row per 个人信息 row.

    Columns: the applicant's own fields, plus ``学历层次`` (tier name),
    ``_tier_rank``, ``_level`` (the position of 申报层级 in :data:`LEVELS`, or
    its length for any other level), ``学历层次毕业时间``, ``初始学历毕业时间``, ``工作年限起算日期``,
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
    people["_tier_rank"] = pd.Series(pd.arrays.IntegerArray(people_rank, people_rank == 0), index=people.index)
    people["学历层次毕业时间"] = groups.as_dates(
        groups.per_row(tier_graduation, people_codes, missing=groups.LATEST), people.index, empty=groups.LATEST)
    people["初始学历毕业时间"] = groups.as_dates(
        groups.per_row(initial_graduation, people_codes, missing=groups.NAT), people.index, empty=groups.NAT)
    people["学历层次"] = pd.Series(TIER_NAMES[people_rank], index=people.index, dtype="string")

    people["_level"] = groups.map_distinct(people["申报层级"], LEVEL_POSITION, other=len(LEVELS), missing=len(LEVELS))
    # Rules apply to an applicant whose ID, tier and level are all known.
    people["_decidable"] = (people_codes >= 0) & (people_rank > 0) & (people["_level"].to_numpy() < len(LEVELS))
    level_tier = LevelTier.of_terms(people)
    minimum_years = level_tier.whole_numbers(policy.min_work_years)
    people["_route_open"] = minimum_years.notna()
    people["要求最低年限"] = minimum_years

    prerequisite_years = level_tier.whole_numbers(
        {lvl: {t: rule["years_from_grant"] for t, rule in tiers.items()} for lvl, tiers in policy.prerequisites.items()},
    )
    people["_needs_prerequisite"] = prerequisite_years.notna()

    start = people["参加专业技术工作日期"]
    # The later of the two dates; numpy's maximum keeps a blank (NaT) blank.
    count_from = pd.Series(np.maximum(_days(start), _days(people["学历层次毕业时间"])), index=people.index)
    count_from = count_from.where(~people["_needs_prerequisite"], people["职称授予时间"])
    people["工作年限起算日期"] = count_from

    months = months_between(count_from, date)
    people["_months"] = months
    people["计算工作年限"] = (months // 12).astype("Int64")
    people["工作年限"] = _years_months_text(months)
    people["从参加工作起年限"] = (months_between(start, date) // 12).astype("Int64")

    required = people["要求最低年限"].fillna(0).astype("int64")
    earliest = add_years(count_from, required).where(people["_route_open"])
    people["最早满足日期"] = pd.Series(np.maximum(_days(earliest), _days(start)), index=people.index)
    return people


def _days(values: pd.Series) -> np.ndarray:
    return values.to_numpy(dtype="datetime64[ns]")


class LevelTier:
    """The 申报层级 and 学历层次 of every applicant, as positions in :data:`LEVELS` and :data:`TIERS`.

    A policy table (level → tier → value) becomes a small grid with a row per
    level and a column per tier, and every applicant's value is read from it
    by position. The grid's last row and column serve any other or blank
    level or tier, which no table holds: the policy file admits only the
    levels and tiers of the guide.

    >>> terms = pd.DataFrame({"_level": [2, 2, 3], "_tier_rank": pd.array([5, 3, 4], dtype="Int64")})
    >>> LevelTier.of_terms(terms).whole_numbers({"中级": {"硕士": 2, "博士": 0}}).tolist()
    [0, <NA>, <NA>]
    """

    def __init__(self, index: pd.Index, level_positions: np.ndarray, tier_positions: np.ndarray) -> None:
        self.index = index
        self.level_positions = level_positions
        self.tier_positions = tier_positions

    @classmethod
    def of_terms(cls, terms: pd.DataFrame) -> LevelTier:
        """Number the level and tier of the terms from their ``_level`` and ``_tier_rank`` columns."""
        rank = terms["_tier_rank"].to_numpy(dtype="int64", na_value=0)
        return cls(terms.index, terms["_level"].to_numpy(dtype="int64"), len(TIERS) - rank)

    def _grid(self, table: dict[str, dict[str, object]], dtype: object, fill: object) -> tuple[np.ndarray, np.ndarray]:
        """Return the table as a grid of values and a grid marking the absent entries."""
        values = np.full((len(LEVELS) + 1, len(TIERS) + 1), fill, dtype=dtype)
        absent = np.ones(values.shape, dtype=bool)
        for level, tiers in table.items():
            for tier, value in tiers.items():
                at = LEVEL_POSITION[level], TIER_POSITION[tier]
                values[at] = value
                absent[at] = False
        return values, absent

    def lookup(self, table: dict[str, dict[str, object]]) -> pd.Series:
        """Return ``table[level][tier]`` for every applicant (``NA`` when absent)."""
        values, _ = self._grid(table, object, pd.NA)
        return pd.Series(values[self.level_positions, self.tier_positions], index=self.index, dtype=object)

    def whole_numbers(self, table: dict[str, dict[str, int]]) -> pd.Series:
        """Return the whole number ``table[level][tier]`` for every applicant, as ``Int64`` (``NA`` when absent)."""
        values, absent = self._grid(table, "int64", 0)
        at = self.level_positions, self.tier_positions
        return pd.Series(pd.arrays.IntegerArray(values[at], absent[at]), index=self.index)


def by_tier_rank(table: dict[str, int]) -> np.ndarray:
    """Return a table of whole numbers by tier as an array indexed by tier rank (0 for rank 0 and absent tiers).

    >>> by_tier_rank({"本科": 1, "大专": 3}).tolist()
    [0, 0, 3, 1, 0, 0]
    """
    values = np.zeros(len(TIERS) + 1, dtype="int64")
    for tier, value in table.items():
        values[TIER_RANK[tier]] = value
    return values


def _years_months_text(months: pd.Series) -> pd.Series:
    """Format whole months as "4年3个月" (``NA`` when unknown or negative).

    Each distinct number of months is formatted once; a batch has a few
    hundred of them however many applicants it has.

    >>> _years_months_text(pd.Series([51, 0, -2, None], dtype="Int64")).tolist()
    ['4年3个月', '0年0个月', <NA>, <NA>]
    """
    values = months.to_numpy(dtype="int64", na_value=-1)
    valid = values >= 0
    codes, distinct = pd.factorize(values[valid], size_hint=groups.FEW_VALUES)
    distinct = pd.Series(distinct)
    formatted = (distinct // 12).astype(str) + "年" + (distinct % 12).astype(str) + "个月"
    texts = np.full(len(values), None, dtype=object)
    texts[valid] = formatted.to_numpy(dtype=object)[codes]
    return pd.Series(texts, index=months.index, dtype="string")
