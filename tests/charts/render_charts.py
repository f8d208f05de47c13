"""Render every chart from chart_samples into a folder and print a JSON report.

Run as a script in a fresh interpreter, so that matplotlib's font cache and
font list come from the environment the test sets up::

    PYTHONPATH=. python tests/charts/render_charts.py OUTPUT_FOLDER [--hide-system-fonts]

``--hide-system-fonts`` keeps only matplotlib's own fonts in its font list
and makes the system font scan return nothing, as on a machine without any
Chinese font. The report lists the chosen font, the glyph warnings raised
while drawing, and the Chinese-font families that matplotlib's font list
contains.
"""

from __future__ import annotations

import json
import sys
import warnings
from pathlib import Path


def hide_system_fonts() -> None:
    import matplotlib
    from matplotlib import font_manager

    from zcbatch import fonts

    own_fonts = Path(matplotlib.get_data_path()).resolve()
    manager = font_manager.fontManager
    manager.ttflist[:] = [
        entry for entry in manager.ttflist if own_fonts in Path(entry.fname).resolve().parents
    ]
    manager._findfont_cached.cache_clear()
    fonts._system_font_files = lambda: []


def main(output: Path, hide: bool = False) -> dict[str, object]:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import chart_samples
    from matplotlib import font_manager

    from zcbatch import charts, fonts
    from zcbatch.codes import RULES

    if hide:
        hide_system_fonts()

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        choice = fonts.use_cjk_font()
        applicants = chart_samples.applicants()
        figures = {
            "status": charts.plot_status_counts(applicants["状态"].value_counts()),
            "findings": charts.plot_findings_by_rule(chart_samples.findings(), rule_titles=RULES),
            "matrix": charts.plot_eligibility_matrix(applicants),
            "ce_small": charts.plot_ce_hours(chart_samples.ce_small()),
            "ce_large": charts.plot_ce_hours(chart_samples.ce_large()),
        }
        for name, figure in figures.items():
            charts.save_figure(figure, output / f"{name}.png")

    listed = sorted({
        entry.name for entry in font_manager.fontManager.ttflist
        if entry.name in fonts.PREFERRED_FAMILIES
    })
    return {
        "family": choice.family,
        "path": str(choice.path),
        "face_index": choice.face_index,
        "bundled": choice.bundled,
        "glyph_warnings": [str(item.message) for item in caught if "missing from font" in str(item.message)],
        "warnings": [f"{item.category.__name__}: {item.message}" for item in caught],
        "preferred_families_listed": listed,
    }


if __name__ == "__main__":
    print(json.dumps(main(Path(sys.argv[1]), "--hide-system-fonts" in sys.argv[2:]), ensure_ascii=False))
