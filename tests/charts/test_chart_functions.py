"""Tests of the chart functions on small inputs with known results."""

from __future__ import annotations

import io
import os
from pathlib import Path

import matplotlib
import numpy as np
import pandas as pd
import pytest
from matplotlib.colors import to_hex
from matplotlib.figure import Figure
from matplotlib.text import Text
from PIL import Image

import chart_samples
from zcbatch import charts
from zcbatch.codes import RULES


@pytest.fixture(autouse=True)
def bundled_font(monkeypatch):
    """Draw with the bundled font and restore rcParams afterwards."""
    monkeypatch.setenv("ZCBATCH_FONT", "bundled")
    with matplotlib.rc_context():
        yield


def tick_labels(axis) -> list[str]:
    return [label.get_text() for label in axis.get_ticklabels()]


def all_text(figure: Figure) -> list[str]:
    figure.canvas.draw()
    return [text.get_text() for text in figure.findobj(Text) if text.get_text()]


def bar_widths(container) -> list[float]:
    return [patch.get_width() for patch in container.patches]


def ce_rows(rows: list[tuple[str, int, float, float]], public: float = 32, professional: float = 64):
    return pd.DataFrame(
        [
            {"姓名": name, "年度": year, "公需科目学时数": p, "专业培训学时数": q,
             "要求公需": public, "要求专业": professional}
            for name, year, p, q in rows
        ]
    )


# Status counts ------------------------------------------------------------------


def test_status_counts_labels_and_bars():
    figure = charts.plot_status_counts(pd.Series({"不符合条件": 2, "可聘任": 3, "需补充材料": 1}))
    (ax,) = figure.axes
    (bars,) = ax.containers
    assert isinstance(figure, Figure)
    assert ax.get_title() == "审核状态（共 6 人）"
    assert ax.get_xlabel() == "人数"
    assert tick_labels(ax.yaxis) == ["可聘任", "需补充材料", "不符合条件", "数据错误"]
    assert bar_widths(bars) == [3, 1, 2, 0]
    assert [text.get_text() for text in ax.texts] == ["3（50%）", "1（17%）", "2（33%）", "0（0%）"]


def test_status_counts_colours():
    figure = charts.plot_status_counts(pd.Series({"可聘任": 1}))
    (bars,) = figure.axes[0].containers
    colours = [to_hex(patch.get_facecolor()) for patch in bars.patches]
    assert colours == ["#2e7d32", "#f0a202", "#c62828", "#757575"]


def test_status_counts_empty_batch():
    figure = charts.plot_status_counts(pd.Series(dtype=int))
    ax = figure.axes[0]
    assert ax.get_title() == "审核状态（共 0 人）"
    assert [text.get_text() for text in ax.texts] == ["0", "0", "0", "0"]


def test_status_counts_from_value_counts():
    statuses = pd.Series(["可聘任", "可聘任", "数据错误"], name="状态")
    (bars,) = charts.plot_status_counts(statuses.value_counts()).axes[0].containers
    assert bar_widths(bars) == [2, 0, 0, 1]


def test_status_counts_unknown_status():
    with pytest.raises(charts.ChartInputError, match="待定"):
        charts.plot_status_counts(pd.Series({"可聘任": 1, "待定": 2}))


def test_status_counts_negative_count():
    with pytest.raises(charts.ChartInputError, match="非负整数"):
        charts.plot_status_counts(pd.Series({"可聘任": -1}))


def test_status_counts_fractional_count():
    with pytest.raises(charts.ChartInputError, match="非负整数"):
        charts.plot_status_counts(pd.Series({"可聘任": 1.5}))


# Findings by rule ---------------------------------------------------------------


FINDINGS = pd.DataFrame(
    {
        "规则": ["CE_HOURS"] * 3 + ["EDU_ATTACHMENT"] * 2 + ["ID_CHECKSUM", "CUSTOM_RULE", "CUSTOM_RULE"],
        "级别": ["错误", "错误", "警告", "警告", "警告", "错误", "提示", "提示"],
    }
)


def severity_bars(figure: Figure) -> dict[str, list[float]]:
    ax = figure.axes[0]
    return {container.get_label(): bar_widths(container) for container in ax.containers}


def test_findings_titles_and_labels():
    figure = charts.plot_findings_by_rule(FINDINGS, rule_titles=RULES)
    ax = figure.axes[0]
    assert figure.get_suptitle() == "各规则的问题数量（共 8 个问题）"
    assert ax.get_xlabel() == "问题数"
    assert tick_labels(ax.yaxis) == [
        "继续教育学时不足 (CE_HOURS)",
        "缺少学历学位证书附件 (EDU_ATTACHMENT)",
        "CUSTOM_RULE",
        "身份证号校验位错误 (ID_CHECKSUM)",
    ]


def test_findings_stacked_by_severity():
    figure = charts.plot_findings_by_rule(FINDINGS, rule_titles=RULES)
    assert severity_bars(figure) == {
        "错误": [2, 0, 0, 1],
        "警告": [1, 2, 0, 0],
        "提示": [0, 0, 2, 0],
    }


def test_findings_totals_printed():
    ax = charts.plot_findings_by_rule(FINDINGS).axes[0]
    assert [text.get_text().strip() for text in ax.texts] == ["3", "2", "2", "1"]


def test_findings_titles_as_strings():
    figure = charts.plot_findings_by_rule(FINDINGS, rule_titles={"CUSTOM_RULE": "自定义规则"})
    assert tick_labels(figure.axes[0].yaxis)[2] == "自定义规则 (CUSTOM_RULE)"


def test_findings_long_title_wraps():
    findings = pd.DataFrame({"规则": ["ID_LOST_DIGITS"], "级别": ["错误"]})
    figure = charts.plot_findings_by_rule(findings, rule_titles=RULES)
    assert tick_labels(figure.axes[0].yaxis) == ["证件号码被Excel存成数字，末几位已丢失\n(ID_LOST_DIGITS)"]


def test_findings_top_truncates():
    figure = charts.plot_findings_by_rule(FINDINGS, top=2)
    assert figure.get_suptitle() == "问题最多的 2 条规则（共 4 条规则、8 个问题）"
    assert tick_labels(figure.axes[0].yaxis) == ["CE_HOURS", "EDU_ATTACHMENT"]


def test_findings_legend_severities():
    figure = charts.plot_findings_by_rule(FINDINGS)
    (legend,) = figure.legends
    assert [text.get_text() for text in legend.get_texts()] == ["错误", "警告", "提示"]


def test_findings_empty():
    figure = charts.plot_findings_by_rule(pd.DataFrame({"规则": [], "级别": []}))
    assert figure.get_suptitle() == "各规则的问题数量（共 0 个问题）"
    assert [text.get_text() for text in figure.axes[0].texts] == ["没有发现问题"]


def test_findings_missing_column():
    with pytest.raises(charts.ChartInputError, match="级别"):
        charts.plot_findings_by_rule(pd.DataFrame({"规则": ["CE_HOURS"]}))


def test_findings_unknown_severity():
    with pytest.raises(charts.ChartInputError, match="严重"):
        charts.plot_findings_by_rule(pd.DataFrame({"规则": ["CE_HOURS"], "级别": ["严重"]}))


def test_findings_top_zero():
    with pytest.raises(ValueError, match="top"):
        charts.plot_findings_by_rule(FINDINGS, top=0)


# Eligibility matrix -------------------------------------------------------------


APPLICANTS = pd.DataFrame(
    {
        "学历层次": ["硕士", "硕士", "硕士", "本科", "本科", "大专"],
        "申报层级": ["中级", "中级", "助理级", "助理级", "助理级", "员级"],
        "状态": ["可聘任", "不符合条件", "需补充材料", "可聘任", "数据错误", "可聘任"],
    }
)


def cell_texts(figure: Figure) -> dict[tuple[int, int], str]:
    """Return the cell annotations keyed by (row, column)."""
    ax = figure.axes[0]
    return {
        (round(text.get_position()[1]), round(text.get_position()[0])): text.get_text()
        for text in ax.texts
    }


def test_matrix_titles_and_axes():
    figure = charts.plot_eligibility_matrix(APPLICANTS)
    ax = figure.axes[0]
    assert figure.get_suptitle() == "各学历层次、申报层级的符合条件人数"
    assert ax.get_title() == "格内：符合条件人数（可聘任或需补充材料）/ 申报人数；“—”表示无人申报"
    assert ax.get_xlabel() == "申报层级"
    assert ax.get_ylabel() == "学历层次"
    assert tick_labels(ax.xaxis) == ["员级", "助理级", "中级", "合计"]
    assert tick_labels(ax.yaxis) == ["博士", "硕士", "本科", "大专", "中专及以下", "合计"]


def test_matrix_cells():
    cells = cell_texts(charts.plot_eligibility_matrix(APPLICANTS))
    assert cells[(1, 2)] == "1/2\n50%"
    assert cells[(1, 1)] == "1/1\n100%"
    assert cells[(2, 1)] == "1/2\n50%"
    assert cells[(3, 0)] == "1/1\n100%"
    assert cells[(0, 0)] == "—"


def test_matrix_totals():
    cells = cell_texts(charts.plot_eligibility_matrix(APPLICANTS))
    assert cells[(5, 3)] == "4/6\n67%"
    assert cells[(1, 3)] == "2/3\n67%"
    assert cells[(5, 1)] == "2/3\n67%"


def test_matrix_missing_tier_row():
    applicants = pd.concat(
        [APPLICANTS, pd.DataFrame({"学历层次": [None, ""], "申报层级": ["员级", "员级"], "状态": ["数据错误"] * 2})],
        ignore_index=True,
    )
    figure = charts.plot_eligibility_matrix(applicants)
    assert tick_labels(figure.axes[0].yaxis)[-2:] == ["未确定", "合计"]
    assert cell_texts(figure)[(5, 0)] == "0/2\n0%"


def test_matrix_unknown_tier():
    applicants = APPLICANTS.assign(学历层次=["研究生"] * 6)
    with pytest.raises(charts.ChartInputError, match="研究生"):
        charts.plot_eligibility_matrix(applicants)


def test_matrix_colour_bar_label():
    figure = charts.plot_eligibility_matrix(APPLICANTS)
    assert figure.axes[1].get_ylabel() == "符合条件比例"


# Continuing-education hours -----------------------------------------------------------


CE_SMALL = ce_rows([("张三", 2024, 16, 64), ("李四", 2023, 32, 72), ("李四", 2024, 40, 40)])


def test_ce_detail_titles():
    figure = charts.plot_ce_hours(CE_SMALL)
    ax, notes_ax = figure.axes
    assert figure.get_suptitle() == "继续教育学时（按人员、年度）"
    assert ax.get_xlabel() == "学时"
    assert notes_ax.get_title(loc="left") == "合计与差额"
    assert tick_labels(ax.yaxis) == ["张三 2024", "李四 2023", "李四 2024"]


def test_ce_detail_stacked_bars():
    ax = charts.plot_ce_hours(CE_SMALL).axes[0]
    public, professional = ax.containers
    assert bar_widths(public) == [16, 32, 40]
    assert bar_widths(professional) == [64, 72, 40]
    assert [patch.get_x() for patch in professional.patches] == [16, 32, 40]


def test_ce_detail_shortfalls():
    notes_ax = charts.plot_ce_hours(CE_SMALL).axes[1]
    assert [text.get_text() for text in notes_ax.texts] == ["80  公需差 16", "104", "80  专业差 24"]


def test_ce_detail_requirement_lines():
    figure = charts.plot_ce_hours(CE_SMALL)
    (legend,) = figure.legends
    assert [text.get_text() for text in legend.get_texts()] == [
        "公需科目学时", "专业培训学时", "公需要求 32 学时", "合计要求 96 学时",
    ]
    lines = [line.get_xdata()[0] for line in figure.axes[0].get_lines()]
    assert lines == [32, 96]


def test_ce_detail_requirements_differ():
    ce = pd.concat([CE_SMALL, ce_rows([("王五", 2024, 30, 60)], public=24, professional=48)])
    figure = charts.plot_ce_hours(ce)
    labels = [text.get_text() for text in figure.legends[0].get_texts()]
    assert labels[2:] == ["公需要求（按年度）", "合计要求（按年度）"]


def test_ce_detail_missing_hours_count_zero():
    ce = ce_rows([("张三", 2024, np.nan, 70)])
    notes_ax = charts.plot_ce_hours(ce).axes[1]
    assert [text.get_text() for text in notes_ax.texts] == ["70  公需差 32"]


def test_ce_detail_float_year_label():
    ce = ce_rows([("张三", 2024, 32, 64)]).astype({"年度": float})
    assert tick_labels(charts.plot_ce_hours(ce).axes[0].yaxis) == ["张三 2024"]


def test_ce_sixty_rows_detail():
    ce = ce_rows([(f"人员{index}", 2024, 32, 64) for index in range(60)])
    assert charts.plot_ce_hours(ce).get_suptitle() == "继续教育学时（按人员、年度）"


def test_ce_large_distribution_titles():
    figure = charts.plot_ce_hours(chart_samples.ce_large(61))
    histogram_ax, share_ax = figure.axes
    assert figure.get_suptitle() == "继续教育学时分布（61 条人员年度记录）"
    assert histogram_ax.get_title() == "合计学时分布"
    assert histogram_ax.get_xlabel() == "合计学时（公需 + 专业）"
    assert histogram_ax.get_ylabel() == "人员年度记录数"
    assert share_ax.get_title() == "达标情况"
    assert share_ax.get_xlabel() == "达标比例"


def test_ce_large_no_names():
    texts = all_text(charts.plot_ce_hours(chart_samples.ce_large(61)))
    assert [text for text in texts if "人员" in text and "记录" not in text] == []


def test_ce_large_histogram_counts_every_row():
    histogram_ax = charts.plot_ce_hours(chart_samples.ce_large(2000)).axes[0]
    (bins,) = histogram_ax.containers
    assert sum(patch.get_height() for patch in bins.patches) == 2000


def test_ce_large_bins_split_at_requirement():
    histogram_ax = charts.plot_ce_hours(chart_samples.ce_large(200)).axes[0]
    (bins,) = histogram_ax.containers
    edges = [patch.get_x() for patch in bins.patches]
    assert 96 in edges
    assert edges[0] == 0


def test_ce_large_shares():
    rows = [("人员", 2024, 32, 64)] * 50 + [("人员", 2024, 16, 80)] * 20 + [("人员", 2024, 40, 40)] * 30
    share_ax = charts.plot_ce_hours(ce_rows(rows)).axes[1]
    assert tick_labels(share_ax.yaxis) == ["公需 ≥ 32 学时", "专业 ≥ 64 学时", "合计 ≥ 96 学时", "三项均达标"]
    assert [text.get_text() for text in share_ax.texts] == [
        "80.0%（80/100）", "70.0%（70/100）", "70.0%（70/100）", "50.0%（50/100）",
    ]


def test_ce_empty():
    figure = charts.plot_ce_hours(CE_SMALL.iloc[:0])
    assert figure.get_suptitle() == "继续教育学时（按人员、年度）"
    assert [text.get_text() for text in figure.axes[0].texts] == ["没有继续教育记录"]


def test_matrix_empty():
    figure = charts.plot_eligibility_matrix(APPLICANTS.iloc[:0])
    cells = cell_texts(figure)
    assert set(cells.values()) == {"—"}
    assert len(cells) == 24


def test_ce_missing_column():
    with pytest.raises(charts.ChartInputError, match="要求专业"):
        charts.plot_ce_hours(CE_SMALL.drop(columns="要求专业"))


def test_ce_missing_requirement():
    ce = CE_SMALL.assign(要求公需=[32, None, 32])
    with pytest.raises(charts.ChartInputError, match="要求公需"):
        charts.plot_ce_hours(ce)


def test_histogram_edges_off_grid_requirement():
    edges = charts._histogram_edges(pd.Series([0.0, 50.0, 130.0]), 90.0)
    assert edges[0] == -6
    assert 90 in edges
    assert edges[-1] > 130


# Saving -------------------------------------------------------------------------


def test_save_figure_writes_png(tmp_path):
    path = charts.save_figure(charts.plot_status_counts(pd.Series({"可聘任": 3})), tmp_path / "状态.png")
    with Image.open(path) as image:
        assert image.format == "PNG"
        assert image.size == (1200, 540)
        assert "Software" not in image.info


def test_save_figure_byte_identical(tmp_path):
    first = charts.save_figure(charts.plot_ce_hours(CE_SMALL), tmp_path / "first.png")
    second = charts.save_figure(charts.plot_ce_hours(CE_SMALL), tmp_path / "second.png")
    assert first.read_bytes() == second.read_bytes()


def test_save_figure_leaves_no_temporary(tmp_path):
    charts.save_figure(charts.plot_status_counts(pd.Series({"可聘任": 3})), tmp_path / "a.png")
    assert sorted(path.name for path in tmp_path.iterdir()) == ["a.png"]


def test_save_figure_replaces_existing(tmp_path):
    target = tmp_path / "a.png"
    target.write_bytes(b"old")
    charts.save_figure(charts.plot_status_counts(pd.Series({"可聘任": 3})), target)
    assert target.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_save_figure_closes_figure(tmp_path):
    figure = charts.plot_status_counts(pd.Series({"可聘任": 3}))
    charts.save_figure(figure, tmp_path / "a.png")
    assert figure.axes == []


def test_save_figure_failure_cleans_up(tmp_path):
    figure = charts.plot_status_counts(pd.Series({"可聘任": 3}))
    figure.axes[0].text(0, 0, "$\\notacommand$")
    with pytest.raises(ValueError):
        charts.save_figure(figure, tmp_path / "a.png")
    assert list(tmp_path.iterdir()) == []


def test_save_figure_honours_umask(tmp_path):
    previous = os.umask(0o022)
    try:
        path = charts.save_figure(charts.plot_status_counts(pd.Series({"可聘任": 3})), tmp_path / "a.png")
    finally:
        os.umask(previous)
    assert path.stat().st_mode & 0o777 == 0o644


def test_save_figure_pyplot_registry(tmp_path):
    import matplotlib.pyplot as plt

    figure = plt.figure()
    charts.save_figure(figure, tmp_path / "a.png")
    assert not plt.fignum_exists(figure.number)
