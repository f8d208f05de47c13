"""The unit's review: decisions, the recommendation committee, publicity, dates.

From the 2024 TEDA filing guide: a 不通过 decision needs an 审批意见; the
recommendation committee has in principle at least five members and an odd
attendance; publicity lasts at least five working days; the appointment date
is not the entry date of the current job, is when the applicant meets the
conditions, and is normally in the application month. Votes in favour must
exceed half of the attendance (a policy default).

Working days follow the official Chinese holiday and make-up-workday
calendar (the chinesecalendar package). A year that calendar does not cover
is reported, never guessed.
"""

from __future__ import annotations

import datetime as dt

import chinese_calendar
import numpy as np
import pandas as pd

from zcbatch import findings as fd
from zcbatch.policy import Policy
from zcbatch.rules import groups

KEY = "证件号码"


class CalendarNotCovered(ValueError):
    """The holiday calendar has no data for a year of the period."""


def count_workdays(start: dt.date, end: dt.date) -> int:
    """Count working days from ``start`` to ``end`` inclusive.

    Statutory holidays do not count and make-up working days (调休上班) do.
    Raises :class:`CalendarNotCovered` for a year the calendar lacks.

    >>> count_workdays(dt.date(2024, 9, 30), dt.date(2024, 10, 12))  # National Day, make-up 10-12
    6
    """
    try:
        return len(chinese_calendar.get_workdays(start, end, include_weekends=True))
    except NotImplementedError as error:
        raise CalendarNotCovered(str(error)) from error


def _unit_item(batch, item: str) -> pd.DataFrame:
    """Return the provenance row of a 单位信息 item, for findings that point at it."""
    items = batch.unit_items
    rows = items[items["项目"] == item] if not items.empty else items
    if rows.empty:
        return pd.DataFrame({fd.SRC_FILE: [""], fd.SRC_SHEET: ["单位信息"], fd.SRC_ROW: [None], KEY: [None], "列名": ["内容"]})
    return rows.assign(**{KEY: None}).head(1)


def _unit_finding(batch, item: str, rule: str, message: str) -> pd.DataFrame:
    row = _unit_item(batch, item)
    found = fd.frame(row, rule=rule, column=row["列名"].iloc[0], message=message)
    # The field is the item itself, in an object column like every text column of findings.
    return found.assign(**{fd.FIELD: pd.Series(item, index=found.index, dtype=object)})


def decisions(batch) -> pd.DataFrame:
    """不通过 needs a non-empty 审批意见; applicants without a decision are noted."""
    review = batch.sheets["单位审核"]
    rejected = review["审核结果"].isin(("不通过",)).to_numpy(dtype=bool)
    failed = fd.select(review, rejected & review["审批意见"].isna().to_numpy(dtype=bool))
    results = [fd.frame(
        failed, rule="REVIEW_OPINION_MISSING", column="审批意见", name=None,
        message="审核结果为“不通过”，须填写审批意见，说明不通过的理由。",
    )]
    if not review.empty:
        people = batch.applicants
        decided = groups.group_any(groups.codes_of(review), review["审核结果"].notna().to_numpy(dtype=bool),
                                   len(batch.applicant_ids))
        codes = groups.codes_of(people)
        undecided = fd.select(people, (codes >= 0) & ~groups.per_row(decided, codes, missing=True))
        results.append(fd.frame(
            undecided, rule="REVIEW_MISSING", column="证件号码",
            message="单位审核表中没有该申请人的审核结果，暂不生成公示和聘任表。审核后请在单位审核表中填写“通过”或“不通过”。",
        ))
    return fd.concat(results)


def committee(batch, policy: Policy) -> pd.DataFrame:
    """Committee size, attendance and votes, checked when anyone is approved."""
    review = batch.sheets["单位审核"]
    if not _approved_rows(review).any():
        return fd.empty()
    settings = policy.review
    unit = batch.unit
    members, attendance, votes = unit.get("推荐委员会总人数"), unit.get("参加人数"), unit.get("赞成人数")
    results = []
    if members is None or attendance is None or votes is None:
        missing = [name for name, value in (("推荐委员会总人数", members), ("参加人数", attendance), ("赞成人数", votes)) if value is None]
        return _unit_finding(batch, missing[0], "COMMITTEE_MISSING",
                             f"有审核通过的申请人，但单位信息中未填写：{'、'.join(missing)}。请补充推荐委员会的表决情况。")
    members, attendance, votes = int(members), int(attendance), int(votes)
    if members < settings["committee_min_members"]:
        results.append(_unit_finding(batch, "推荐委员会总人数", "COMMITTEE_SIZE",
                                     f"推荐委员会总人数为 {members} 人，原则上不得少于 {settings['committee_min_members']} 人。"))
    if attendance > members:
        results.append(_unit_finding(batch, "参加人数", "ATTENDANCE_EXCEEDS",
                                     f"参加人数 {attendance} 人多于推荐委员会总人数 {members} 人。请核对。"))
    elif settings["attendance_should_be_odd"] and attendance % 2 == 0:
        results.append(_unit_finding(batch, "参加人数", "ATTENDANCE_EVEN",
                                     f"参加人数为 {attendance} 人（偶数）。为保证意见统一，参会人数通常为奇数（如 5、7、9 人）。"))
    if votes > attendance:
        results.append(_unit_finding(batch, "赞成人数", "VOTES_EXCEED",
                                     f"赞成人数 {votes} 人多于参加人数 {attendance} 人。请核对。"))
    else:
        needed = int(attendance * settings["majority_fraction"]) + 1
        if votes < needed:
            results.append(_unit_finding(batch, "赞成人数", "VOTES_MAJORITY",
                                         f"赞成人数 {votes} 人未超过参加人数 {attendance} 人的半数，至少需要 {needed} 人赞成。"))
    return fd.concat(results)


def publicity(batch, policy: Policy) -> pd.DataFrame:
    """Publicity lasts at least the policy's working days (five in the guide)."""
    review = batch.sheets["单位审核"]
    if not _approved_rows(review).any():
        return fd.empty()
    minimum = policy.review["publicity_min_workdays"]
    start, end = batch.unit.get("公示开始日期"), batch.unit.get("公示结束日期")
    if start is None or end is None:
        item = "公示开始日期" if start is None else "公示结束日期"
        return _unit_finding(batch, item, "PUBLICITY_MISSING",
                             f"有审核通过的申请人，但单位信息中未填写{item}。公示期不得少于 {minimum} 个工作日，请补充。")
    start, end = pd.Timestamp(start).date(), pd.Timestamp(end).date()
    if end < start:
        return _unit_finding(batch, "公示结束日期", "PUBLICITY_ORDER",
                             f"公示结束日期 {end:%Y-%m-%d} 早于开始日期 {start:%Y-%m-%d}。请核对。")
    try:
        workdays = count_workdays(start, end)
    except CalendarNotCovered:
        return _unit_finding(batch, "公示结束日期", "PUBLICITY_CALENDAR",
                             f"节假日日历只覆盖到 {_last_covered_year()} 年，无法计算 {start:%Y-%m-%d} 至 {end:%Y-%m-%d} "
                             f"的工作日数。请按国务院办公厅公布的放假安排人工核对公示期不少于 {minimum} 个工作日，或升级 chinesecalendar。")
    if workdays < minimum:
        try:
            earliest_end = f"最早可于 {_add_workdays(start, minimum):%Y-%m-%d} 结束。"
        except CalendarNotCovered:
            earliest_end = f"节假日日历只覆盖到 {_last_covered_year()} 年，最早结束日期请按国务院办公厅公布的放假安排人工推算。"
        return _unit_finding(batch, "公示结束日期", "PUBLICITY_WORKDAYS",
                             f"公示期 {start:%Y-%m-%d} 至 {end:%Y-%m-%d} 只有 {workdays} 个工作日（已扣除法定节假日、计入调休上班日），"
                             f"不得少于 {minimum} 个工作日。" + earliest_end)
    return fd.empty()


def _last_covered_year() -> int:
    return max(day.year for day in chinese_calendar.holidays)


def _add_workdays(start: dt.date, count: int) -> dt.date:
    """Return the day on which ``count`` working days from ``start`` are complete.

    Raises :class:`CalendarNotCovered` when that day is beyond the calendar.
    """
    day = start
    done = 0
    while True:
        try:
            workday = chinese_calendar.is_workday(day)
        except NotImplementedError as error:
            raise CalendarNotCovered(str(error)) from error
        if workday:
            done += 1
            if done == count:
                return day
        day += dt.timedelta(days=1)


def appointment_dates(terms: pd.DataFrame, batch, policy: Policy, date: pd.Timestamp) -> pd.DataFrame:
    """拟聘任时间: given when approved, not the current job's entry date, not
    before the earliest eligible date, normally in the application month."""
    review = batch.sheets["单位审核"]
    size = len(batch.applicant_ids)
    is_approved = _approved_rows(review)
    positions = _first_of_each_id(review, np.flatnonzero(is_approved), size)
    codes = groups.codes_of(review)[positions]
    # The entry date of the current job: the latest start of a job without an end.
    work = batch.sheets["工作经历"]
    current = (work["开始日期"].notna() & work["结束日期"].isna()).to_numpy(dtype=bool)
    entry = groups.group_max(groups.codes_of(work)[current], groups.dates(work["开始日期"])[current], size, initial=groups.NAT)
    first = groups.first_rows(groups.codes_of(terms), size)
    earliest = groups.dates(terms["最早满足日期"])[first.clip(min=0)] if len(terms) else first
    earliest = np.where(first >= 0, earliest, groups.NAT)
    # The dates of the approved rows are compared as int64 nanoseconds, and
    # frames are built only for the rows a finding is about.
    appointment = groups.dates(review["拟聘任时间"])[positions]
    dated = appointment != groups.NAT
    entry = groups.per_row(entry, codes, missing=groups.NAT)
    earliest = groups.per_row(earliest, codes, missing=groups.NAT)

    def approved_rows(selected: np.ndarray, **dates: np.ndarray) -> pd.DataFrame:
        rows = fd.select(review, positions[selected], "拟聘任时间")
        return rows.assign(**{name: groups.as_dates(values[selected], rows.index, empty=groups.NAT) for name, values in dates.items()})

    missing = approved_rows(~dated)
    same_as_entry = approved_rows(dated & (appointment == entry))
    early = approved_rows(dated & (earliest != groups.NAT) & (appointment < earliest), 最早满足日期=earliest)
    results = [
        fd.frame(missing, rule="APPOINT_DATE_MISSING", column="拟聘任时间", name=None,
                 message="审核通过，但未填写拟聘任时间。公示文件须标明聘任时间，一般为申报当月的日期。"),
        fd.frame(same_as_entry, rule="APPOINT_DATE_ENTRY", column="拟聘任时间", name=None,
                 message="拟聘任时间 " + same_as_entry["拟聘任时间"].dt.strftime("%Y-%m-%d")
                 + " 与现工作单位的入职时间相同。聘任时间不是入职时间，应为申请人满足聘任条件后单位同意聘任的日期。"),
        fd.frame(early, rule="APPOINT_DATE_EARLY", column="拟聘任时间", name=None,
                 message="拟聘任时间 " + early["拟聘任时间"].dt.strftime("%Y-%m-%d") + " 早于最早满足条件日期 "
                 + early["最早满足日期"].dt.strftime("%Y-%m-%d") + "。请改为满足条件之后的日期。"),
    ]
    # The notice prints a full date, so a typed "2026年11月" would silently
    # become 2026年11月1日; the raw cell shows whether a day was typed.
    raw = batch.raw["单位审核"]
    if "拟聘任时间" in raw and not raw.empty:
        # A cell read as a date has its day, so only the approved cells typed
        # otherwise (text, or a number such as 2026.11) are examined, and of
        # those only the ones read as the first of a month, which is what a
        # month alone becomes. A value that was not read as a date at all
        # already has a field error.
        first_day = (review["拟聘任时间"].dt.day == 1).fillna(False).to_numpy(dtype=bool)
        examined = np.flatnonzero(is_approved & first_day)
        cells = raw["拟聘任时间"].to_numpy(dtype=object)[examined]
        typed = np.array([value is not None and not isinstance(value, dt.date) for value in cells], dtype=bool)
        examined, cells = examined[typed], pd.Series(cells[typed], dtype=object)
        texts = cells.astype(str).str.normalize("NFKC").str.strip()
        month_only = texts.str.fullmatch(r"\d{4}\s*[-/.年]\s*\d{1,2}\s*月?").fillna(False).to_numpy(dtype=bool)
        flagged = fd.select(review, examined[month_only], "拟聘任时间")
        results.append(fd.frame(
            flagged, rule="APPOINT_DATE_DAY_MISSING", column="拟聘任时间", name=None,
            message="拟聘任时间只写了年月，按 " + flagged["拟聘任时间"].dt.strftime("%Y-%m-%d")
            + " 计算，公示和推荐审核汇总表中也会打印这一天。请写明具体日期。",
        ))
    if policy.review["appointment_in_application_month"]:
        month_start = date.to_period("M").start_time
        outside = (appointment < month_start.value) | (appointment >= (month_start + pd.DateOffset(months=1)).value)
        other_month = approved_rows(dated & outside)
        results.append(fd.frame(
            other_month, rule="APPOINT_DATE_MONTH", column="拟聘任时间", name=None,
            message="拟聘任时间 " + other_month["拟聘任时间"].dt.strftime("%Y-%m-%d") + f" 不在申报当月（{date.year}年{date.month}月）。"
            "聘任时间一般为申报当月的日期，请确认。",
        ))
    return fd.concat(results)


def _first_of_each_id(review: pd.DataFrame, positions: np.ndarray, size: int) -> np.ndarray:
    """Return the positions among ``positions`` that hold the first row of their 证件号码, in order."""
    codes = groups.codes_of(review)[positions]
    linked = positions[codes >= 0]
    first = groups.first_rows(codes[codes >= 0], size)
    # Rows whose 证件号码 belongs to no applicant are compared by the number itself.
    unlinked = positions[codes < 0]
    unlinked = unlinked[~review[KEY].iloc[unlinked].duplicated().to_numpy(dtype=bool)]
    return np.sort(np.concatenate([linked[first[first >= 0]], unlinked]))


def _approved_rows(review: pd.DataFrame) -> np.ndarray:
    """Mark the 单位审核 rows whose 审核结果 is 通过."""
    return review["审核结果"].isin(("通过",)).to_numpy(dtype=bool)


def apply_all(terms: pd.DataFrame, batch, policy: Policy, date: pd.Timestamp) -> pd.DataFrame:
    """Apply every unit-review rule and return their findings."""
    return fd.concat([
        decisions(batch),
        committee(batch, policy),
        publicity(batch, policy),
        appointment_dates(terms, batch, policy, date),
    ])
