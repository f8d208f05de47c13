"""Charts of a checked batch, with Chinese labels.

Each ``plot_*`` function takes plain pandas objects and returns a matplotlib
:class:`~matplotlib.figure.Figure` attached to the Agg canvas. Pyplot is not
used, so the charts work the same in scripts, servers and notebooks and do
not pile up in pyplot's figure registry. :func:`save_figure` writes a PNG.

Fonts come from :func:`zcbatch.fonts.use_cjk_font`, which falls back to a
bundled subset of Noto Sans CJK SC when no Chinese font is installed.

Given the same input, font file, and matplotlib and Pillow versions,
:func:`save_figure` writes byte-identical PNGs. The file carries no software
or time metadata, and bars, labels and histogram bins follow a fixed order.

Inputs (column names are the Chinese labels of the data model):

- status counts: a Series indexed by 状态 (可聘任, 需补充材料, 不符合条件,
  数据错误) with applicant counts;
- findings: one row per finding with 规则 (a rule code) and 级别 (错误, 警告, 提示);
- applicants: one row per applicant with 学历层次, 申报层级 and 状态;
- continuing education: one row per applicant and required year with 姓名,
  年度, 公需科目学时数, 专业培训学时数, 要求公需 and 要求专业.
"""

from __future__ import annotations

import math
import os
import secrets
import sys
import unicodedata
from collections.abc import Mapping, Sequence
from pathlib import Path

import numpy as np
import pandas as pd
from matplotlib import colormaps, colors, rcParams
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.ticker import MaxNLocator, PercentFormatter

from zcbatch.fonts import use_cjk_font

__all__ = [
    "CE_DETAIL_MAX_ROWS",
    "ELIGIBLE_STATUSES",
    "LEVEL_ORDER",
    "SEVERITY_ORDER",
    "STATUS_ORDER",
    "TIER_ORDER",
    "ChartInputError",
    "plot_ce_hours",
    "plot_eligibility_matrix",
    "plot_findings_by_rule",
    "plot_status_counts",
    "save_figure",
]

STATUS_ORDER: tuple[str, ...] = ("可聘任", "需补充材料", "不符合条件", "数据错误")
ELIGIBLE_STATUSES: tuple[str, ...] = ("可聘任", "需补充材料")
SEVERITY_ORDER: tuple[str, ...] = ("错误", "警告", "提示")
TIER_ORDER: tuple[str, ...] = ("博士", "硕士", "本科", "大专", "中专及以下")
LEVEL_ORDER: tuple[str, ...] = ("员级", "助理级", "中级")

CE_DETAIL_MAX_ROWS = 60
"""Largest continuing-education table drawn as one bar per applicant and year.

Larger tables are drawn as a distribution without names, which stays
readable and keeps personal data out of widely shared reports.
"""

DPI = 150
"""Resolution of saved PNGs: an 8-inch-wide chart is 1,200 pixels wide."""

UNKNOWN_LABEL = "未确定"
TOTAL_LABEL = "合计"

_GREEN = "#2e7d32"
_AMBER = "#f0a202"
_RED = "#c62828"
_GREY = "#757575"
_BLUE = "#3f6fb5"
_TEAL = "#64b5a6"
_LIGHT_GREY = "#eeeeee"
_TEXT_GREY = "#424242"

STATUS_COLORS = {"可聘任": _GREEN, "需补充材料": _AMBER, "不符合条件": _RED, "数据错误": _GREY}
SEVERITY_COLORS = {"错误": _RED, "警告": _AMBER, "提示": _BLUE}


class ChartInputError(ValueError):
    """A chart input lacks a column or contains a value outside the expected set."""


def _new_figure(width: float, height: float) -> Figure:
    """Create a figure on the Agg canvas with the Chinese font configured."""
    use_cjk_font()
    # SVG output uses random ids unless a salt is fixed.
    rcParams["svg.hashsalt"] = "zcbatch"
    figure = Figure(figsize=(width, height), dpi=DPI, layout="constrained")
    FigureCanvasAgg(figure)
    return figure


def _require_columns(frame: pd.DataFrame, columns: Sequence[str], table: str) -> None:
    missing = [column for column in columns if column not in frame.columns]
    if missing:
        raise ChartInputError(f"{table}缺少列：{'、'.join(missing)}")


def _reject_unknown(values: pd.Series, allowed: Sequence[str], column: str) -> None:
    present = values.dropna()
    unknown = sorted({str(value) for value in present if value not in allowed})
    if unknown:
        raise ChartInputError(
            f"列“{column}”含无法识别的值：{'、'.join(unknown)}；可选值为 {'、'.join(allowed)}"
        )


def _format_number(value: float) -> str:
    """Format hours without a trailing ``.0`` (32.0 -> "32", 32.5 -> "32.5")."""
    return f"{value:g}"


def _format_year(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


# Status counts ------------------------------------------------------------


def plot_status_counts(status_counts: pd.Series) -> Figure:
    """Draw one horizontal bar per status with its count and share of the batch.

    ``status_counts`` is indexed by status, and a status it lacks counts as 0.
    Raises :class:`ChartInputError` for an unknown status or a negative or
    fractional count.
    """
    _reject_unknown(pd.Series(status_counts.index), STATUS_ORDER, "状态")
    try:
        counts = pd.to_numeric(status_counts.fillna(0), errors="raise")
    except (TypeError, ValueError) as exc:
        raise ChartInputError(f"人数须为非负整数，收到：{dict(status_counts.items())}") from exc
    counts = counts.groupby(level=0).sum().reindex(STATUS_ORDER, fill_value=0)
    if (counts < 0).any() or not all(float(value).is_integer() for value in counts):
        raise ChartInputError(f"人数须为非负整数，收到：{dict(status_counts.items())}")
    counts = counts.astype(int)
    total = int(counts.sum())

    figure = _new_figure(8, 3.6)
    ax = figure.subplots()
    positions = np.arange(len(STATUS_ORDER))
    bars = ax.barh(
        positions,
        counts.to_numpy(),
        color=[STATUS_COLORS[status] for status in STATUS_ORDER],
        height=0.6,
    )
    ax.set_yticks(positions, labels=list(STATUS_ORDER))
    ax.invert_yaxis()

    if total:
        labels = [f"{count}（{count / total:.0%}）" for count in counts]
    else:
        labels = ["0"] * len(counts)
    ax.bar_label(bars, labels=labels, padding=4, fontsize=11)

    ax.set_title(f"审核状态（共 {total} 人）", fontsize=13)
    ax.set_xlabel("人数")
    ax.set_xlim(0, max(counts.max() * 1.25, 1))
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    _tidy_axes(ax, grid_axis="x")
    return figure


def _plot_message(title: str, message: str) -> Figure:
    """Return a small figure with ``title`` and a centred ``message`` in place of a chart."""
    figure = _new_figure(8, 2.5)
    ax = figure.subplots()
    ax.text(0.5, 0.5, message, ha="center", va="center", fontsize=14, color=_GREEN,
            transform=ax.transAxes)
    ax.set_axis_off()
    figure.suptitle(title, fontsize=13)
    return figure


def _tidy_axes(ax: Axes, grid_axis: str) -> None:
    ax.spines[["top", "right"]].set_visible(False)
    ax.grid(axis=grid_axis, color="#dddddd", linewidth=0.8)
    ax.set_axisbelow(True)


# Findings by rule ------------------------------------------------------------

_LABEL_WRAP_WIDTH = 24


def _display_width(text: str) -> float:
    """Return the width of ``text`` in em: 1 for a CJK or full-width character, 0.55 otherwise."""
    return sum(1.0 if unicodedata.east_asian_width(char) in "WF" else 0.55 for char in text)


def _rule_label(code: str, titles: Mapping[str, object] | None) -> str:
    """Return "继续教育学时不足 (CE_HOURS)", or the bare code when no title is known.

    A label wider than 24 em moves the code to a second line, so the label
    column leaves enough room for the bars.
    """
    if titles is None or code not in titles:
        return code
    entry = titles[code]
    title = entry if isinstance(entry, str) else getattr(entry, "title", None)
    if not title:
        return code
    label = f"{title} ({code})"
    if _display_width(label) > _LABEL_WRAP_WIDTH:
        label = f"{title}\n({code})"
    return label


def plot_findings_by_rule(
    findings: pd.DataFrame,
    top: int = 15,
    rule_titles: Mapping[str, object] | None = None,
) -> Figure:
    """Draw the ``top`` rules with the most findings as bars stacked by severity.

    ``rule_titles`` maps a rule code to its Chinese title, either as a string
    or as an object with a ``title`` attribute (``zcbatch.codes.RULES`` fits
    as is). Rules are ordered by finding count, then by error count, then by
    warning count, then by code. An empty table gives a chart with the text
    没有发现问题.
    """
    if top < 1:
        raise ValueError(f"top must be at least 1, got {top}")
    _require_columns(findings, ["规则", "级别"], "问题清单")
    _reject_unknown(findings["级别"], SEVERITY_ORDER, "级别")
    rows = findings.dropna(subset=["规则", "级别"])

    counts = (
        rows.groupby(["规则", "级别"]).size().unstack(fill_value=0)
        .reindex(columns=list(SEVERITY_ORDER), fill_value=0)
    )
    totals = counts.sum(axis=1)
    ranked = sorted(
        counts.index,
        key=lambda code: (-totals[code], -counts.at[code, "错误"], -counts.at[code, "警告"], str(code)),
    )
    shown_codes = ranked[:top]
    finding_total = int(totals.sum())

    if len(ranked) > top:
        title = f"问题最多的 {top} 条规则（共 {len(ranked)} 条规则、{finding_total} 个问题）"
    else:
        title = f"各规则的问题数量（共 {finding_total} 个问题）"

    if not shown_codes:
        return _plot_message(title, "没有发现问题")

    labels = [_rule_label(str(code), rule_titles) for code in shown_codes]
    two_line_rows = sum("\n" in label for label in labels)
    figure = _new_figure(9, 1.3 + 0.36 * len(shown_codes) + 0.14 * two_line_rows)
    ax = figure.subplots()
    positions = np.arange(len(shown_codes))
    left = np.zeros(len(shown_codes))
    for severity in SEVERITY_ORDER:
        values = counts.loc[shown_codes, severity].to_numpy()
        if not values.any():
            continue
        ax.barh(positions, values, left=left, height=0.65, color=SEVERITY_COLORS[severity],
                label=severity)
        left += values
    for position, total in zip(positions, left):
        ax.text(total, position, f" {int(total)}", va="center", ha="left", fontsize=10)

    ax.set_yticks(positions, labels=labels, fontsize=10)
    ax.invert_yaxis()
    ax.set_xlim(0, left.max() * 1.12)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_xlabel("问题数")
    figure.suptitle(title, fontsize=13)
    figure.legend(title="级别", loc="outside upper right", ncols=3, frameon=False)
    _tidy_axes(ax, grid_axis="x")
    return figure


# Eligibility matrix ----------------------------------------------------------


def _blank_to_missing(values: pd.Series) -> pd.Series:
    """Return ``values`` with empty and whitespace-only strings replaced by missing values."""
    blank = values.map(lambda value: isinstance(value, str) and not value.strip())
    return values.mask(blank.astype(bool))


def _categories(values: pd.Series, order: Sequence[str]) -> list[str]:
    """Return ``order``, plus 未确定 when some values are missing."""
    return [*order, UNKNOWN_LABEL] if values.isna().any() else list(order)


def plot_eligibility_matrix(applicants: pd.DataFrame) -> Figure:
    """Draw a grid of education tier by target level with eligible / total counts.

    Eligible means status 可聘任 or 需补充材料. Each cell shows "符合条件人数/申报人数"
    and the share. The colour runs from red (none eligible) to green (all). A
    合计 row and column sum the grid. A missing tier or level, which happens
    for applicants whose data could not be read, is counted as 未确定.
    """
    _require_columns(applicants, ["学历层次", "申报层级", "状态"], "人员明细")
    tier = _blank_to_missing(applicants["学历层次"])
    level = _blank_to_missing(applicants["申报层级"])
    _reject_unknown(tier, TIER_ORDER, "学历层次")
    _reject_unknown(level, LEVEL_ORDER, "申报层级")
    _reject_unknown(applicants["状态"], STATUS_ORDER, "状态")

    tiers = _categories(tier, TIER_ORDER)
    levels = _categories(level, LEVEL_ORDER)
    tier = tier.astype(object).fillna(UNKNOWN_LABEL)
    level = level.astype(object).fillna(UNKNOWN_LABEL)
    eligible = applicants["状态"].isin(ELIGIBLE_STATUSES).to_numpy()

    totals = _crosstab_with_margins(tier, level, tiers, levels)
    eligible_counts = _crosstab_with_margins(tier[eligible], level[eligible], tiers, levels)
    with np.errstate(divide="ignore", invalid="ignore"):
        shares = np.where(totals > 0, eligible_counts / np.maximum(totals, 1), np.nan)

    figure = _new_figure(7.2, 1.9 + 0.5 * len(tiers))
    ax = figure.subplots()
    colour_map = colormaps["RdYlGn"].with_extremes(bad=_LIGHT_GREY)
    image = ax.imshow(np.ma.masked_invalid(shares), cmap=colour_map, vmin=0, vmax=1, aspect="auto")

    for row in range(shares.shape[0]):
        for column in range(shares.shape[1]):
            total = int(totals[row, column])
            if total == 0:
                ax.text(column, row, "—", ha="center", va="center", color=_GREY, fontsize=11)
                continue
            share = shares[row, column]
            text = f"{int(eligible_counts[row, column])}/{total}\n{share:.0%}"
            ax.text(column, row, text, ha="center", va="center", fontsize=10.5,
                    color=_contrasting_text_colour(colour_map(share)))

    # Thin white gaps between cells and a thicker line before the totals.
    ax.set_xticks(np.arange(len(levels) + 1) - 0.5, minor=True)
    ax.set_yticks(np.arange(len(tiers) + 1) - 0.5, minor=True)
    ax.grid(which="minor", color="white", linewidth=2)
    ax.tick_params(which="minor", length=0)
    ax.axvline(len(levels) - 0.5, color=_TEXT_GREY, linewidth=1.5)
    ax.axhline(len(tiers) - 0.5, color=_TEXT_GREY, linewidth=1.5)
    ax.set_xticks(np.arange(len(levels) + 1), labels=[*levels, TOTAL_LABEL])
    ax.set_yticks(np.arange(len(tiers) + 1), labels=[*tiers, TOTAL_LABEL])
    ax.tick_params(which="major", length=0)
    ax.xaxis.set_ticks_position("top")
    ax.xaxis.set_label_position("top")
    ax.spines[:].set_visible(False)
    ax.set_xlabel("申报层级")
    ax.set_ylabel("学历层次")

    colour_bar = figure.colorbar(image, ax=ax, shrink=0.8, format=PercentFormatter(1.0))
    colour_bar.set_label("符合条件比例")
    figure.suptitle("各学历层次、申报层级的符合条件人数", fontsize=13)
    ax.set_title("格内：符合条件人数（可聘任或需补充材料）/ 申报人数；“—”表示无人申报",
                 fontsize=9, color=_TEXT_GREY)
    return figure


def _crosstab_with_margins(
    rows: pd.Series, columns: pd.Series, row_order: Sequence[str], column_order: Sequence[str]
) -> np.ndarray:
    """Count row x column pairs in the given order, with a total row and column appended."""
    table = pd.crosstab(rows, columns).reindex(index=row_order, columns=column_order, fill_value=0)
    grid = table.to_numpy(dtype=float)
    grid = np.vstack([grid, grid.sum(axis=0)])
    return np.hstack([grid, grid.sum(axis=1, keepdims=True)])


def _contrasting_text_colour(background: tuple[float, float, float, float]) -> str:
    red, green, blue, _alpha = background
    luminance = 0.2126 * red + 0.7152 * green + 0.0722 * blue
    return "black" if luminance > 0.45 else "white"


# Continuing-education hours ------------------------------------------------

_CE_COLUMNS = ["姓名", "年度", "公需科目学时数", "专业培训学时数", "要求公需", "要求专业"]


def plot_ce_hours(ce: pd.DataFrame) -> Figure:
    """Draw continuing-education hours against the per-year requirement.

    Up to :data:`CE_DETAIL_MAX_ROWS` rows give one stacked bar per applicant
    and year (公需 then 专业) with the 公需 and 合计 requirements marked, and
    the total and any shortfall listed beside the bars. Larger tables give a
    histogram of total hours and the share of rows meeting each minimum,
    without names. Missing hours count as 0, because a year without a record
    has no hours. An empty table gives a chart with the text 没有继续教育记录.
    """
    _require_columns(ce, _CE_COLUMNS, "继续教育数据")
    if ce.empty:
        return _plot_message("继续教育学时（按人员、年度）", "没有继续教育记录")
    hours = pd.DataFrame({
        "public": pd.to_numeric(ce["公需科目学时数"], errors="coerce").fillna(0).to_numpy(float),
        "professional": pd.to_numeric(ce["专业培训学时数"], errors="coerce").fillna(0).to_numpy(float),
        "required_public": pd.to_numeric(ce["要求公需"], errors="coerce").to_numpy(float),
        "required_professional": pd.to_numeric(ce["要求专业"], errors="coerce").to_numpy(float),
    })
    if hours[["required_public", "required_professional"]].isna().any().any():
        raise ChartInputError("列“要求公需”“要求专业”须为数字，不能为空")
    hours["total"] = hours["public"] + hours["professional"]
    hours["required_total"] = hours["required_public"] + hours["required_professional"]

    if len(hours) <= CE_DETAIL_MAX_ROWS:
        labels = [f"{name} {_format_year(year)}" for name, year in zip(ce["姓名"], ce["年度"])]
        return _plot_ce_detail(hours, labels)
    return _plot_ce_distribution(hours)


def _single_value(values: pd.Series) -> float | None:
    unique = values.unique()
    return float(unique[0]) if len(unique) == 1 else None


def _shortfall_text(row: pd.Series) -> str:
    gaps = []
    if row["public"] < row["required_public"]:
        gaps.append(f"公需差 {_format_number(row['required_public'] - row['public'])}")
    if row["professional"] < row["required_professional"]:
        gaps.append(f"专业差 {_format_number(row['required_professional'] - row['professional'])}")
    return "，".join(gaps)


def _plot_ce_detail(hours: pd.DataFrame, labels: list[str]) -> Figure:
    count = len(hours)
    figure = _new_figure(9, 2.0 + 0.24 * max(count, 3))
    # The right-hand axes contains the totals and shortfalls as a text column,
    # so no requirement line runs through them.
    ax, notes_ax = figure.subplots(1, 2, sharey=True, width_ratios=[3, 1.15])
    positions = np.arange(count)
    ax.barh(positions, hours["public"], height=0.7, color=_BLUE, label="公需科目学时")
    ax.barh(positions, hours["professional"], left=hours["public"], height=0.7, color=_TEAL,
            label="专业培训学时")

    # Requirement marks: one full-height line when every row has the same
    # requirement, otherwise a short mark on each bar.
    handles, legend_labels = ax.get_legend_handles_labels()
    for column, colour, name in (
        ("required_public", _BLUE, "公需要求"),
        ("required_total", _RED, "合计要求"),
    ):
        uniform = _single_value(hours[column])
        if uniform is not None:
            ax.axvline(uniform, color=colour, linestyle="--", linewidth=1.3)
            legend_labels.append(f"{name} {_format_number(uniform)} 学时")
        else:
            ax.vlines(hours[column], positions - 0.45, positions + 0.45, color=colour,
                      linestyle="--", linewidth=1.3)
            legend_labels.append(f"{name}（按年度）")
        handles.append(Line2D([], [], color=colour, linestyle="--", linewidth=1.3))

    for position, (_, row) in zip(positions, hours.iterrows()):
        shortfall = _shortfall_text(row)
        text = _format_number(row["total"]) + (f"  {shortfall}" if shortfall else "")
        notes_ax.text(0, position, text, va="center", ha="left", fontsize=9,
                      color=_RED if shortfall else _TEXT_GREY)
    notes_ax.set_xlim(0, 1)
    notes_ax.set_axis_off()
    notes_ax.set_title("合计与差额", fontsize=10, loc="left", color=_TEXT_GREY)

    ax.set_yticks(positions, labels=labels, fontsize=9)
    ax.set_ylim(count - 0.5, -0.5)
    right = max(hours["total"].max(), hours["required_total"].max())
    ax.set_xlim(0, right * 1.05)
    ax.set_xlabel("学时")
    figure.suptitle("继续教育学时（按人员、年度）", fontsize=13)
    figure.legend(handles, legend_labels, loc="outside lower center", ncols=4, fontsize=9,
                  frameon=False)
    _tidy_axes(ax, grid_axis="x")
    return figure


_BIN_WIDTH = 8


def _histogram_edges(totals: pd.Series, requirement: float) -> np.ndarray:
    """Return bin edges 8 hours apart that cover ``totals`` and include ``requirement``.

    With an edge exactly at the requirement, every bin lies wholly below it or
    wholly at or above it, so bins can be coloured by whether they pass.
    """
    lower = min(float(totals.min()), 0.0)
    upper = max(float(totals.max()), requirement)
    start = requirement - _BIN_WIDTH * math.ceil((requirement - lower) / _BIN_WIDTH)
    bins = math.floor((upper - start) / _BIN_WIDTH) + 1
    return start + _BIN_WIDTH * np.arange(bins + 1)


def _plot_ce_distribution(hours: pd.DataFrame) -> Figure:
    count = len(hours)
    figure = _new_figure(10, 4.4)
    histogram_ax, share_ax = figure.subplots(1, 2, width_ratios=[1.4, 1])

    requirement = float(hours["required_total"].mode().min())
    edges = _histogram_edges(hours["total"], requirement)
    frequencies, edges = np.histogram(hours["total"], bins=edges)
    bin_colours = [_GREEN if left >= requirement else _RED for left in edges[:-1]]
    histogram_ax.bar(edges[:-1], frequencies, width=np.diff(edges), align="edge",
                     color=bin_colours, edgecolor="white", linewidth=0.6)
    histogram_ax.axvline(requirement, color=_TEXT_GREY, linestyle="--", linewidth=1.3)
    histogram_ax.text(requirement, frequencies.max() * 1.02, f" 合计要求 {_format_number(requirement)} 学时",
                      ha="left", va="bottom", fontsize=10, color=_TEXT_GREY)
    histogram_ax.set_ylim(0, frequencies.max() * 1.15)
    histogram_ax.set_xlabel("合计学时（公需 + 专业）")
    histogram_ax.set_ylabel("人员年度记录数")
    histogram_ax.set_title("合计学时分布", fontsize=12)
    histogram_ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    _tidy_axes(histogram_ax, grid_axis="y")

    meets_public = hours["public"] >= hours["required_public"]
    meets_professional = hours["professional"] >= hours["required_professional"]
    meets_total = hours["total"] >= hours["required_total"]
    criteria = [
        ("公需", "required_public", meets_public),
        ("专业", "required_professional", meets_professional),
        ("合计", "required_total", meets_total),
    ]
    labels = []
    for name, column, _meets in criteria:
        uniform = _single_value(hours[column])
        labels.append(f"{name} ≥ {_format_number(uniform)} 学时" if uniform is not None else f"{name}达标")
    labels.append("三项均达标")
    met = [int(meets.sum()) for _, _, meets in criteria]
    met.append(int((meets_public & meets_professional & meets_total).sum()))
    shares = [value / count for value in met]

    positions = np.arange(len(labels))
    bars = share_ax.barh(positions, shares, height=0.6, color=[_BLUE, _TEAL, _GREY, _GREEN])
    share_ax.bar_label(bars, labels=[f"{share:.1%}（{value}/{count}）" for share, value in zip(shares, met)],
                       padding=4, fontsize=10)
    share_ax.set_yticks(positions, labels=labels)
    share_ax.invert_yaxis()
    share_ax.set_xlim(0, 1.45)
    share_ax.set_xticks([0, 0.25, 0.5, 0.75, 1.0])
    share_ax.xaxis.set_major_formatter(PercentFormatter(1.0))
    share_ax.set_xlabel("达标比例")
    share_ax.set_title("达标情况", fontsize=12)
    _tidy_axes(share_ax, grid_axis="x")

    figure.suptitle(f"继续教育学时分布（{count} 条人员年度记录）", fontsize=13)
    return figure


# Saving ------------------------------------------------------------------


def save_figure(figure: Figure, path: str | os.PathLike[str], dpi: int = DPI) -> Path:
    """Write ``figure`` as a PNG at ``path`` atomically, close it and return the path.

    The PNG goes to a temporary file in the same folder first and then
    replaces ``path``, so a reader never sees a half-written file. The
    Software entry is dropped from the PNG metadata, so the bytes do not
    depend on the matplotlib version string.
    """
    target = Path(path)
    temporary = target.with_name(f".{target.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")
    try:
        # Mode "xb" creates the file with the usual permissions (0o666 minus
        # the umask), unlike tempfile.mkstemp, which always uses 0o600.
        with open(temporary, "xb") as stream:
            figure.savefig(stream, format="png", dpi=dpi, metadata={"Software": None})
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    finally:
        _close(figure)
    return target


def _close(figure: Figure) -> None:
    """Release ``figure`` and remove it from pyplot's registry if pyplot made it."""
    pyplot = sys.modules.get("matplotlib.pyplot")
    if pyplot is not None:
        pyplot.close(figure)
    figure.clear()
