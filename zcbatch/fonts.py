"""CJK font discovery for matplotlib.

Chart labels are Chinese, and matplotlib's default font (DejaVu Sans) has no
Chinese glyphs, so without help every label renders as boxes and matplotlib
warns "Glyph ... missing from font(s)". This module picks a font that has the
glyphs, in this order:

1. The environment variable ``ZCBATCH_FONT``: the path of a font file
   (``.ttf``, ``.otf`` or ``.ttc``), or the word ``bundled`` for the bundled
   font.
2. The first family of :data:`PREFERRED_FAMILIES` that matplotlib's font list
   contains, whose file exists and whose character map contains
   :data:`PROBE_TEXT`. When none qualifies, font files of the system that are
   missing from matplotlib's cached list are added and the search is repeated,
   because that cache predates fonts installed after it was written.
3. The bundled font ``fonts/ZcbatchSansSC-Regular.otf``, a subset of Noto Sans
   CJK SC (SIL Open Font License 1.1) covering GB 2312 hanzi levels 1 and 2,
   ASCII, CJK punctuation and full-width forms. ``fonts/README.md`` lists its
   exact coverage and ``fonts/make_subset.py`` regenerates it.

Matplotlib's cached font list can name files that no longer exist. Such
entries are removed from the in-memory list before the search, because
matplotlib would otherwise rebuild its whole font list on the first lookup
that hits one, which also drops the fonts that this module registered.
"""

from __future__ import annotations

import logging
import os
import warnings
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from matplotlib import font_manager, ft2font, rcParams

__all__ = [
    "BUNDLED_FAMILY",
    "BUNDLED_FONT_PATH",
    "FONT_ENV_VAR",
    "PREFERRED_FAMILIES",
    "PROBE_TEXT",
    "BundledFontMissingError",
    "FontChoice",
    "FontWarning",
    "find_cjk_font",
    "font_covers",
    "use_cjk_font",
]

_log = logging.getLogger(__name__)

FONT_ENV_VAR = "ZCBATCH_FONT"
"""Environment variable that forces a font file path, or ``bundled``."""

PREFERRED_FAMILIES: tuple[str, ...] = (
    "Microsoft YaHei",
    "SimHei",
    "PingFang SC",
    "Noto Sans CJK SC",
    "Noto Sans SC",
    "Source Han Sans SC",
    "Source Han Sans CN",
    "WenQuanYi Micro Hei",
    "WenQuanYi Zen Hei",
    "Sarasa Gothic SC",
    "Sarasa UI SC",
)
"""Simplified-Chinese sans-serif families in order of preference.

Windows ships Microsoft YaHei and SimHei, macOS ships PingFang SC, and Linux
distributions package Noto Sans CJK, Source Han Sans, WenQuanYi and Sarasa.
"""

PROBE_TEXT = "审核汇总可聘任继续教育学时规则级别错误警告"
"""Simplified hanzi that a font must map to accept it.

Japanese and Korean CJK fonts lack several of these simplified forms (汇, 级,
续, 规, 则, 错, 误), so the probe rejects them as well as non-CJK fonts.
"""

BUNDLED_FAMILY = "Zcbatch Sans SC"
"""Family name of the bundled font, renamed so that it never shadows an
installed Noto Sans CJK SC in matplotlib's family lookup."""

BUNDLED_FONT_PATH = Path(__file__).resolve().with_name("fonts") / "ZcbatchSansSC-Regular.otf"


class BundledFontMissingError(FileNotFoundError):
    """The bundled fallback font is missing or unreadable: a broken installation."""


class FontWarning(UserWarning):
    """A font setting was ignored or keeps Chinese glyphs from rendering."""


@dataclass(frozen=True)
class FontChoice:
    """A font selected for Chinese chart labels.

    ``family`` is the name that matplotlib's ``font.sans-serif`` refers to,
    ``face_index`` the face inside a ``.ttc`` collection, and ``bundled`` is
    true for the bundled subset.
    """

    family: str
    path: Path
    face_index: int = 0
    bundled: bool = False


@lru_cache(maxsize=256)
def _font_covers_cached(path: str, face_index: int, text: str) -> bool:
    try:
        font = ft2font.FT2Font(path, face_index=face_index)
    except (OSError, RuntimeError, ValueError) as exc:
        _log.info("Cannot open font file %s (face %d): %s", path, face_index, exc)
        return False
    return all(font.get_char_index(ord(char)) != 0 for char in set(text) if not char.isspace())


def font_covers(path: str | os.PathLike[str], text: str, face_index: int = 0) -> bool:
    """Return whether the font face at ``path`` maps every non-space character of ``text``.

    A missing or unreadable file returns False.

    >>> font_covers(BUNDLED_FONT_PATH, "审核汇总 ABC 123")
    True
    >>> font_covers(BUNDLED_FONT_PATH, "\\N{GRINNING FACE}")
    False
    """
    return _font_covers_cached(os.fspath(path), face_index, text)


def _prune_missing_font_files() -> None:
    """Remove font-list entries whose file no longer exists."""
    manager = font_manager.fontManager
    stale = [entry for entry in manager.ttflist if not os.path.isfile(entry.fname)]
    stale += [entry for entry in manager.afmlist if not os.path.isfile(entry.fname)]
    if not stale:
        return
    for path in sorted({entry.fname for entry in stale}):
        _log.info("Ignoring font %s from matplotlib's font cache: the file does not exist", path)
    manager.ttflist[:] = [entry for entry in manager.ttflist if os.path.isfile(entry.fname)]
    manager.afmlist[:] = [entry for entry in manager.afmlist if os.path.isfile(entry.fname)]
    manager._findfont_cached.cache_clear()


def _same_path_key(path: str | os.PathLike[str]) -> str:
    # String-only normalisation, because resolving symlinks for every entry
    # of a large font list costs a system call each.
    return os.path.normcase(os.path.abspath(path))


def _entries_of_file(path: str | os.PathLike[str]) -> list[font_manager.FontEntry]:
    key = _same_path_key(path)
    return [entry for entry in font_manager.fontManager.ttflist if _same_path_key(entry.fname) == key]


def _register_font_file(path: Path, *, to_front: bool = False) -> list[font_manager.FontEntry]:
    """Add every face of ``path`` to matplotlib's font list once, and return their entries.

    With ``to_front`` the entries move to the front of the list, so that a
    face of this file wins over an installed font of the same family, style
    and weight, because matplotlib's lookup stops at the first exact match.
    """
    manager = font_manager.fontManager
    entries = _entries_of_file(path)
    if not entries:
        manager.addfont(os.path.abspath(path))
        entries = _entries_of_file(path)
    if to_front:
        others = [entry for entry in manager.ttflist if entry not in entries]
        manager.ttflist[:] = entries + others
        manager._findfont_cached.cache_clear()
    return entries


def _bundled_choice() -> FontChoice:
    if not font_covers(BUNDLED_FONT_PATH, PROBE_TEXT):
        raise BundledFontMissingError(
            f"The bundled font {BUNDLED_FONT_PATH} is missing or damaged. Reinstall zcbatch "
            f"or set {FONT_ENV_VAR} to the path of a Chinese font file."
        )
    entries = _register_font_file(BUNDLED_FONT_PATH)
    family = entries[0].name if entries else BUNDLED_FAMILY
    return FontChoice(family=family, path=BUNDLED_FONT_PATH, face_index=0, bundled=True)


def _forced_choice(value: str) -> FontChoice | None:
    """Return the font that ``ZCBATCH_FONT`` names, or None with a FontWarning."""
    path = Path(value).expanduser()
    if not path.is_file():
        warnings.warn(
            f"{FONT_ENV_VAR}={value!r} is not a font file, so the installed fonts are searched instead.",
            FontWarning,
            stacklevel=4,
        )
        return None
    try:
        entries = _register_font_file(path, to_front=True)
    except (OSError, RuntimeError, ValueError) as exc:
        warnings.warn(
            f"{FONT_ENV_VAR}={value!r} cannot be read as a font ({exc}), "
            "so the installed fonts are searched instead.",
            FontWarning,
            stacklevel=4,
        )
        return None

    # A .ttc collection contains several faces, and a simplified-Chinese one is preferred.
    covering = [entry for entry in entries if font_covers(entry.fname, PROBE_TEXT, entry.index)]
    preferred = [entry for entry in covering if entry.name in PREFERRED_FAMILIES]
    regular = [entry for entry in preferred + covering if entry.weight in (400, "normal", "regular")]
    ranked = regular + preferred + covering
    if not ranked:
        warnings.warn(
            f"{FONT_ENV_VAR}={value!r} has no Chinese glyphs for {PROBE_TEXT!r}, "
            "so the installed fonts are searched instead.",
            FontWarning,
            stacklevel=4,
        )
        return None
    entry = ranked[0]
    return FontChoice(family=entry.name, path=path, face_index=entry.index)


def _installed_choice() -> FontChoice | None:
    """Return the first preferred family that matplotlib finds and that has the glyphs."""
    manager = font_manager.fontManager
    for family in PREFERRED_FAMILIES:
        properties = font_manager.FontProperties(family=family, style="normal", weight="normal")
        try:
            found = manager.findfont(properties, fallback_to_default=False, rebuild_if_missing=False)
        except ValueError:
            continue
        face_index = getattr(found, "face_index", 0)
        if font_covers(found, PROBE_TEXT, face_index):
            return FontChoice(family=family, path=Path(found), face_index=face_index)
        _log.info("Skipping font %s (face %d): it lacks glyphs of %r", found, face_index, PROBE_TEXT)
    return None


def _system_font_files() -> list[str]:
    """Return the font files installed on the system, as matplotlib finds them."""
    return font_manager.findSystemFonts(fontext="ttf")


def _add_uncached_system_fonts() -> int:
    """Add the system font files that matplotlib's font list lacks, and return their number."""
    manager = font_manager.fontManager
    known = {os.path.realpath(entry.fname) for entry in manager.ttflist}
    added = 0
    for path in sorted(_system_font_files()):
        if os.path.realpath(path) in known:
            continue
        try:
            manager.addfont(path)
        except Exception as exc:  # noqa: BLE001 - FreeType raises several types
            _log.info("Cannot add font file %s: %s", path, exc)
            continue
        added += 1
    if added:
        _log.info("Added %d font files that matplotlib's font cache did not list", added)
    return added


def find_cjk_font(*, prefer_bundled: bool = False) -> FontChoice:
    """Find a font with Chinese glyphs and register it with matplotlib.

    ``prefer_bundled`` or ``ZCBATCH_FONT=bundled`` skips the installed fonts.
    A ``ZCBATCH_FONT`` path that is missing or lacks Chinese glyphs is
    ignored with a :class:`FontWarning`. Raises
    :class:`BundledFontMissingError` only when the bundled font is needed and
    cannot be read.
    """
    _prune_missing_font_files()

    forced = os.environ.get(FONT_ENV_VAR, "").strip()
    if prefer_bundled or forced.lower() == "bundled":
        return _bundled_choice()
    if forced:
        choice = _forced_choice(forced)
        if choice is not None:
            return choice

    choice = _installed_choice()
    if choice is None and _add_uncached_system_fonts():
        choice = _installed_choice()
    if choice is not None:
        return choice

    _log.info("No installed Chinese font found, so the bundled font %s is used", BUNDLED_FONT_PATH)
    return _bundled_choice()


_choices: dict[tuple[bool, str], FontChoice] = {}


def use_cjk_font(*, prefer_bundled: bool = False) -> FontChoice:
    """Configure matplotlib's rcParams for Chinese text and return the font used.

    Sets ``font.family`` to sans-serif and puts the chosen family first in
    ``font.sans-serif``. The bundled family follows an installed one, so that
    a character missing from the installed font still renders. Other families
    of :data:`PREFERRED_FAMILIES` are removed from that list, so that the
    chosen font alone decides which glyphs exist. ``axes.unicode_minus`` is
    switched off because several Chinese fonts lack U+2212 MINUS SIGN.

    The search runs once per process for each value of ``prefer_bundled``
    and ``ZCBATCH_FONT``. Later calls only reapply the rcParams, so calling
    this function again is harmless.

    Matplotlib's test switch ``MPL_IGNORE_SYSTEM_FONTS`` restricts every font
    lookup to matplotlib's own fonts, which hides the bundled font too, so a
    :class:`FontWarning` is issued while it is set.
    """
    if os.environ.get("MPL_IGNORE_SYSTEM_FONTS"):
        warnings.warn(
            "MPL_IGNORE_SYSTEM_FONTS is set, so matplotlib uses only its own fonts and "
            "Chinese labels render as boxes. Unset it to use a Chinese font.",
            FontWarning,
            stacklevel=2,
        )
    key = (prefer_bundled, os.environ.get(FONT_ENV_VAR, "").strip())
    choice = _choices.get(key)
    if choice is None:
        choice = find_cjk_font(prefer_bundled=prefer_bundled)
        _choices[key] = choice
    else:
        # Matplotlib replaces its font list when it rebuilds the cache, which
        # drops fonts added with addfont.
        _prune_missing_font_files()
        if not _entries_of_file(choice.path):
            _register_font_file(choice.path, to_front=not choice.bundled)

    families = [choice.family]
    if not choice.bundled:
        families.append(_bundled_choice().family)
    excluded = set(families) | set(PREFERRED_FAMILIES)
    rest = [name for name in rcParams["font.sans-serif"] if name not in excluded]

    rcParams["font.family"] = ["sans-serif"]
    rcParams["font.sans-serif"] = families + rest
    rcParams["axes.unicode_minus"] = False
    return choice
