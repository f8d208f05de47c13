"""Tests of CJK font discovery and of the bundled font subset."""

from __future__ import annotations

import functools
import json
import os
import shutil
import subprocess
import sys
import warnings
from pathlib import Path

import matplotlib
import pytest
from fontTools.ttLib import TTFont
from matplotlib import font_manager

import chart_samples
from zcbatch import charts, fonts
from zcbatch.codes import RULES

TESTS_DIR = Path(__file__).resolve().parent
REPOSITORY = TESTS_DIR.parent.parent
RENDER_SCRIPT = TESTS_DIR / "render_charts.py"
MATPLOTLIB_DATA = Path(matplotlib.get_data_path()).resolve()


@functools.cache
def bundled_characters() -> frozenset[int]:
    return frozenset(TTFont(fonts.BUNDLED_FONT_PATH).getBestCmap())


def gb2312_level_1() -> str:
    return "".join(
        bytes([0xA0 + row, 0xA0 + cell]).decode("gb2312")
        for row in range(16, 56)
        for cell in range(1, 95)
        if not (row == 55 and cell > 89)
    )


@pytest.fixture
def isolated_font_list(monkeypatch):
    """Give the test a copy of matplotlib's font list, restored afterwards."""
    manager = font_manager.fontManager
    monkeypatch.setattr(manager, "ttflist", list(manager.ttflist))
    monkeypatch.setattr(manager, "afmlist", list(manager.afmlist))
    yield manager
    manager._findfont_cached.cache_clear()


@pytest.fixture
def no_installed_fonts(isolated_font_list, monkeypatch):
    """Hide every font except matplotlib's own, in the font list and in the system scan."""
    isolated_font_list.ttflist[:] = [
        entry for entry in isolated_font_list.ttflist
        if MATPLOTLIB_DATA in Path(entry.fname).resolve().parents
    ]
    isolated_font_list._findfont_cached.cache_clear()
    monkeypatch.setattr(fonts, "_system_font_files", lambda: [])
    monkeypatch.delenv(fonts.FONT_ENV_VAR, raising=False)
    return isolated_font_list


def run_render_script(
    tmp_path: Path, environment: dict[str, str], *options: str
) -> dict[str, object]:
    output = tmp_path / "charts"
    output.mkdir(parents=True)
    completed = subprocess.run(
        [sys.executable, str(RENDER_SCRIPT), str(output), *options],
        env=environment, capture_output=True, text=True, check=False, cwd=REPOSITORY,
    )
    assert completed.returncode == 0, completed.stderr
    return json.loads(completed.stdout)


def clean_environment(config_dir: Path) -> dict[str, str]:
    environment = {
        key: value for key, value in os.environ.items()
        if key not in (fonts.FONT_ENV_VAR, "MPL_IGNORE_SYSTEM_FONTS", "MPLBACKEND")
    }
    environment["MPLCONFIGDIR"] = str(config_dir)
    environment["PYTHONPATH"] = os.pathsep.join(
        [str(REPOSITORY), *filter(None, [os.environ.get("PYTHONPATH")])]
    )
    return environment


# The bundled subset -----------------------------------------------------------


def test_bundled_font_family_name():
    assert TTFont(fonts.BUNDLED_FONT_PATH)["name"].getDebugName(1) == "Zcbatch Sans SC"


def test_bundled_font_covers_gb2312_level_1():
    characters = gb2312_level_1()
    assert len(characters) == 3755
    missing = [char for char in characters if ord(char) not in bundled_characters()]
    assert missing == []


def test_bundled_font_covers_chart_source_text():
    source = (REPOSITORY / "zcbatch" / "charts.py").read_text(encoding="utf-8")
    used = {char for char in source if ord(char) > 0x7F}
    missing = sorted(char for char in used if ord(char) not in bundled_characters())
    assert missing == []


def test_bundled_font_covers_rule_titles():
    used = {char for rule in RULES.values() for char in rule.title}
    missing = sorted(char for char in used if ord(char) not in bundled_characters())
    assert missing == []


def test_bundled_font_covers_schema_text():
    used = set()
    for path in sorted((REPOSITORY / "schemas").rglob("*.yaml")):
        used.update(char for char in path.read_text(encoding="utf-8") if ord(char) > 0x7F)
    # Noto Sans CJK lacks these check marks, which enums.yaml accepts as 是/否 values.
    absent_from_source = set("✔✗✘")
    missing = sorted(char for char in used - absent_from_source if ord(char) not in bundled_characters())
    assert missing == []


def test_bundled_font_covers_rendered_chart_text():
    figures = [
        charts.plot_status_counts(chart_samples.applicants()["状态"].value_counts()),
        charts.plot_findings_by_rule(chart_samples.findings(), top=100, rule_titles=RULES),
        charts.plot_findings_by_rule(chart_samples.findings().iloc[:0]),
        charts.plot_ce_hours(chart_samples.ce_small().iloc[:0]),
        charts.plot_eligibility_matrix(chart_samples.applicants()),
        charts.plot_ce_hours(chart_samples.ce_small()),
        charts.plot_ce_hours(chart_samples.ce_large()),
    ]
    texts = set()
    for figure in figures:
        figure.canvas.draw()
        texts.update(text.get_text() for text in figure.findobj(matplotlib.text.Text))
    used = {char for text in texts for char in text if not char.isspace()}
    missing = sorted(char for char in used if ord(char) not in bundled_characters())
    assert missing == []


def test_bundled_font_size_under_two_megabytes():
    assert fonts.BUNDLED_FONT_PATH.stat().st_size < 2_000_000


def test_bundled_font_ships_licence():
    licence = (fonts.BUNDLED_FONT_PATH.parent / "OFL.txt").read_text(encoding="utf-8")
    assert "SIL OPEN FONT LICENSE Version 1.1" in licence


# Discovery --------------------------------------------------------------------


def test_find_prefer_bundled(isolated_font_list):
    choice = fonts.find_cjk_font(prefer_bundled=True)
    assert choice == fonts.FontChoice(
        family="Zcbatch Sans SC", path=fonts.BUNDLED_FONT_PATH, face_index=0, bundled=True
    )


def test_find_env_bundled(isolated_font_list, monkeypatch):
    monkeypatch.setenv(fonts.FONT_ENV_VAR, "bundled")
    assert fonts.find_cjk_font().bundled


def test_find_without_installed_fonts(no_installed_fonts):
    choice = fonts.find_cjk_font()
    assert choice.bundled
    assert choice.family == "Zcbatch Sans SC"


def test_find_installed_choice_covers_probe(isolated_font_list, monkeypatch):
    monkeypatch.delenv(fonts.FONT_ENV_VAR, raising=False)
    choice = fonts.find_cjk_font()
    assert fonts.font_covers(choice.path, fonts.PROBE_TEXT, choice.face_index)


def test_find_adds_font_missing_from_cache(no_installed_fonts, monkeypatch, tmp_path):
    installed = tmp_path / "installed.otf"
    shutil.copyfile(fonts.BUNDLED_FONT_PATH, installed)
    monkeypatch.setattr(fonts, "PREFERRED_FAMILIES", ("Zcbatch Sans SC",))
    monkeypatch.setattr(fonts, "_system_font_files", lambda: [str(installed)])
    choice = fonts.find_cjk_font()
    assert choice.path == installed
    assert not choice.bundled


def test_find_skips_family_without_probe_glyphs(no_installed_fonts, monkeypatch):
    # DejaVu Sans is listed but has no hanzi, so the search falls through.
    monkeypatch.setattr(fonts, "PREFERRED_FAMILIES", ("DejaVu Sans",))
    assert fonts.find_cjk_font().bundled


def test_find_ignores_missing_file_in_font_list(isolated_font_list, monkeypatch, tmp_path):
    monkeypatch.delenv(fonts.FONT_ENV_VAR, raising=False)
    ghost = font_manager.FontEntry(
        fname=str(tmp_path / "msyh.ttc"), index=0, name="Microsoft YaHei", weight=400, size="scalable"
    )
    isolated_font_list.ttflist.insert(0, ghost)
    isolated_font_list._findfont_cached.cache_clear()
    choice = fonts.find_cjk_font()
    assert choice.family != "Microsoft YaHei"
    assert ghost not in isolated_font_list.ttflist
    assert fonts.font_covers(choice.path, fonts.PROBE_TEXT, choice.face_index)


def test_env_font_file_wins_over_same_family(isolated_font_list, monkeypatch, tmp_path):
    forced = tmp_path / "forced.otf"
    shutil.copyfile(fonts.BUNDLED_FONT_PATH, forced)
    fonts.find_cjk_font(prefer_bundled=True)
    monkeypatch.setenv(fonts.FONT_ENV_VAR, str(forced))
    choice = fonts.find_cjk_font()
    assert choice == fonts.FontChoice(family="Zcbatch Sans SC", path=forced, face_index=0)
    found = font_manager.fontManager.findfont(
        font_manager.FontProperties(family="Zcbatch Sans SC"), fallback_to_default=False
    )
    assert Path(found) == forced.resolve()


def test_env_font_missing_file_warns(no_installed_fonts, monkeypatch, tmp_path):
    monkeypatch.setenv(fonts.FONT_ENV_VAR, str(tmp_path / "absent.ttf"))
    with pytest.warns(fonts.FontWarning, match="absent.ttf"):
        choice = fonts.find_cjk_font()
    assert choice.bundled


def test_env_font_without_hanzi_warns(no_installed_fonts, monkeypatch):
    dejavu = MATPLOTLIB_DATA / "fonts" / "ttf" / "DejaVuSans.ttf"
    monkeypatch.setenv(fonts.FONT_ENV_VAR, str(dejavu))
    with pytest.warns(fonts.FontWarning, match="no Chinese glyphs"):
        choice = fonts.find_cjk_font()
    assert choice.bundled


def test_font_covers_missing_file(tmp_path):
    assert not fonts.font_covers(tmp_path / "absent.otf", "审")


# rcParams ---------------------------------------------------------------------


def test_use_cjk_font_sets_rcparams(monkeypatch):
    monkeypatch.setenv(fonts.FONT_ENV_VAR, "bundled")
    with matplotlib.rc_context():
        choice = fonts.use_cjk_font()
        assert matplotlib.rcParams["font.family"] == ["sans-serif"]
        assert matplotlib.rcParams["font.sans-serif"][0] == choice.family
        assert matplotlib.rcParams["axes.unicode_minus"] is False


def test_use_cjk_font_idempotent(monkeypatch):
    monkeypatch.delenv(fonts.FONT_ENV_VAR, raising=False)
    with matplotlib.rc_context():
        first = fonts.use_cjk_font()
        families = list(matplotlib.rcParams["font.sans-serif"])
        second = fonts.use_cjk_font()
        assert second == first
        assert list(matplotlib.rcParams["font.sans-serif"]) == families
        assert families.count(first.family) == 1


def test_use_cjk_font_installed_then_bundled_fallback(monkeypatch):
    monkeypatch.delenv(fonts.FONT_ENV_VAR, raising=False)
    with matplotlib.rc_context():
        choice = fonts.use_cjk_font()
        families = list(matplotlib.rcParams["font.sans-serif"])
        if choice.bundled:
            pytest.skip("no Chinese font is installed on this machine")
        assert families[:2] == [choice.family, "Zcbatch Sans SC"]


def test_use_cjk_font_bundled_excludes_installed_families(monkeypatch):
    monkeypatch.setenv(fonts.FONT_ENV_VAR, "bundled")
    with matplotlib.rc_context({"font.sans-serif": ["Noto Sans CJK SC", "DejaVu Sans"]}):
        fonts.use_cjk_font()
        assert list(matplotlib.rcParams["font.sans-serif"]) == ["Zcbatch Sans SC", "DejaVu Sans"]


def test_use_cjk_font_warns_ignore_system_fonts(monkeypatch):
    monkeypatch.setenv("MPL_IGNORE_SYSTEM_FONTS", "1")
    with matplotlib.rc_context(), pytest.warns(fonts.FontWarning, match="MPL_IGNORE_SYSTEM_FONTS"):
        fonts.use_cjk_font()


# No missing glyphs --------------------------------------------------------------


def draw_all_charts() -> list[str]:
    """Draw every chart from the sample inputs and return the glyph warnings raised."""
    applicants = chart_samples.applicants()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        figures = [
            charts.plot_status_counts(applicants["状态"].value_counts()),
            charts.plot_findings_by_rule(chart_samples.findings(), top=100, rule_titles=RULES),
            charts.plot_eligibility_matrix(applicants),
            charts.plot_ce_hours(chart_samples.ce_small()),
            charts.plot_ce_hours(chart_samples.ce_large()),
        ]
        for figure in figures:
            figure.canvas.draw()
    return [str(item.message) for item in caught if "missing from font" in str(item.message)]


def test_charts_bundled_font_no_missing_glyphs(monkeypatch):
    monkeypatch.setenv(fonts.FONT_ENV_VAR, "bundled")
    with matplotlib.rc_context():
        assert draw_all_charts() == []


def test_charts_installed_font_no_missing_glyphs(monkeypatch):
    monkeypatch.delenv(fonts.FONT_ENV_VAR, raising=False)
    with matplotlib.rc_context():
        assert draw_all_charts() == []


def test_subprocess_no_system_fonts_uses_bundled(tmp_path):
    environment = clean_environment(tmp_path / "mplconfig")
    report = run_render_script(tmp_path, environment, "--hide-system-fonts")
    assert report["preferred_families_listed"] == []
    assert report["bundled"] is True
    assert report["family"] == "Zcbatch Sans SC"
    assert report["glyph_warnings"] == []


def test_subprocess_env_bundled_empty_cache(tmp_path):
    environment = clean_environment(tmp_path / "mplconfig")
    environment[fonts.FONT_ENV_VAR] = "bundled"
    report = run_render_script(tmp_path, environment)
    assert report["bundled"] is True
    assert report["glyph_warnings"] == []
    assert sorted(path.name for path in (tmp_path / "charts").iterdir()) == [
        "ce_large.png", "ce_small.png", "findings.png", "matrix.png", "status.png",
    ]


def test_subprocess_stale_font_cache(tmp_path):
    fresh = run_render_script(tmp_path / "fresh", clean_environment(tmp_path / "fresh" / "mplconfig"))

    config_dir = tmp_path / "stale" / "mplconfig"
    environment = clean_environment(config_dir)
    subprocess.run(
        [sys.executable, "-c", "import matplotlib.font_manager"],
        env=environment, check=True, capture_output=True,
    )
    (cache_file,) = config_dir.glob("fontlist-*.json")
    cache = json.loads(cache_file.read_text(encoding="utf-8"))
    # Every cached file with a Chinese font now has a path that does not
    # exist, as after a move, and a missing Microsoft YaHei leads the list.
    removed = tmp_path / "removed"
    moved_files = {
        entry["fname"] for entry in cache["ttflist"] if entry["name"] in fonts.PREFERRED_FAMILIES
    }
    for entry in cache["ttflist"]:
        if entry["fname"] in moved_files:
            entry["fname"] = str(removed / Path(entry["fname"]).name)
    cache["ttflist"].insert(0, {
        "fname": str(removed / "msyh.ttc"), "index": 0, "name": "Microsoft YaHei",
        "style": "normal", "variant": "normal", "weight": 400, "stretch": "normal",
        "size": "scalable", "__class__": "FontEntry",
    })
    cache_file.write_text(json.dumps(cache), encoding="utf-8")

    stale = run_render_script(tmp_path / "stale", environment)
    assert stale["family"] == fresh["family"]
    assert stale["path"] == fresh["path"]
    assert fonts.font_covers(stale["path"], fonts.PROBE_TEXT, stale["face_index"])
    assert stale["glyph_warnings"] == []
