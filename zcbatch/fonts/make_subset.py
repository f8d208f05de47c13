"""Regenerate the bundled Chinese font ZcbatchSansSC-Regular.otf.

The font is a subset of Noto Sans CJK SC Regular (SIL Open Font License 1.1)
taken from the Debian package fonts-noto-cjk, whose collection file
NotoSansCJK-Regular.ttc contains the SC face next to the JP, KR, TC and HK ones.
The subset keeps:

- printable ASCII and Latin-1 punctuation and signs (U+00A0 to U+00FF);
- general punctuation U+2010 to U+203B (dashes, quotes, ellipsis, ‰, ※);
- CJK symbols and punctuation U+3000 to U+303F;
- full-width forms U+FF01 to U+FF5E and U+FFE0 to U+FFE6;
- all of GB 2312: its 682 symbols and its 6,763 hanzi (levels 1 and 2);
- given-name and surname characters outside GB 2312 listed in NAME_EXTRAS;
- every non-ASCII character of zcbatch/charts.py, zcbatch/codes.py and
  schemas/**/*.yaml, so chart labels and rule titles always render.

Only the ``kern`` layout feature is kept. Dropping ``locl`` and the vertical
metrics removes the Japanese, Korean and traditional glyph variants that would
otherwise double the size. The family is renamed to "Zcbatch Sans SC" because
the OFL asks derivatives not to pose as the original, and so that matplotlib
never confuses the subset with an installed Noto Sans CJK SC.

Usage, from the repository root::

    .venv/bin/python zcbatch/fonts/make_subset.py
    .venv/bin/python zcbatch/fonts/make_subset.py --source NotoSansCJKsc-Regular.otf

The output is byte-identical for the same source font and fontTools version,
because the timestamp of the source font's ``head`` table is kept.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTCollection, TTFont

FONTS_DIR = Path(__file__).resolve().parent
REPOSITORY = FONTS_DIR.parent.parent
DEFAULT_SOURCE = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
DEFAULT_OUTPUT = FONTS_DIR / "ZcbatchSansSC-Regular.otf"
SOURCE_FAMILY = "Noto Sans CJK SC"

FAMILY = "Zcbatch Sans SC"
POSTSCRIPT_NAME = "ZcbatchSansSC-Regular"

# Characters common in Chinese given names and surnames that GB 2312 lacks.
# Names appear on the continuing-education chart of small batches.
NAME_EXTRAS = (
    "喆堃玥昇旻珺祎燊彧赟翀垚犇骉璟瑄瑀镕鋆劼勍湉沄濛浛芃"
    "崟晞暐珝琤瑢璠玙琎珣珅琇琍禤炘焜熤烜晙璘玹珮婍婳妘姞"
    "淏澔洺洢涴渼翾翃翙韡骕鹍鹓燚"
)


def gb2312_characters() -> str:
    """Return every character of GB 2312: rows 1 to 9 (symbols) and 16 to 87 (hanzi)."""
    characters = []
    for row in [*range(1, 10), *range(16, 88)]:
        for cell in range(1, 95):
            try:
                characters.append(bytes([0xA0 + row, 0xA0 + cell]).decode("gb2312"))
            except UnicodeDecodeError:
                continue
    return "".join(characters)


def repository_characters(repository: Path = REPOSITORY) -> str:
    """Return the non-ASCII characters of the chart module, the rule catalogue and the schemas."""
    paths = [repository / "zcbatch" / "charts.py", repository / "zcbatch" / "codes.py"]
    paths += sorted((repository / "schemas").rglob("*.yaml"))
    found: set[str] = set()
    for path in paths:
        if path.is_file():
            found.update(char for char in path.read_text(encoding="utf-8") if ord(char) > 0x7F)
    return "".join(sorted(found))


def _code_point_range(first: int, last: int) -> str:
    return "".join(chr(code) for code in range(first, last + 1))


def optional_characters() -> str:
    """Return the punctuation and symbol ranges, kept where the source font has them."""
    ranges = [
        (0x20, 0x7E),
        (0xA0, 0xFF),
        (0x2010, 0x203B),
        (0x3000, 0x303F),
        (0xFF01, 0xFF5E),
        (0xFFE0, 0xFFE6),
    ]
    return "".join(_code_point_range(first, last) for first, last in ranges)


def required_characters(repository: Path = REPOSITORY) -> str:
    """Return the characters the subset must contain, sorted by code point.

    ``main`` lists those that the source font lacks.
    """
    parts = [
        _code_point_range(0x20, 0x7E),
        gb2312_characters(),
        NAME_EXTRAS,
        repository_characters(repository),
    ]
    return "".join(sorted(set("".join(parts))))


def load_source(path: Path) -> TTFont:
    """Load the Noto Sans CJK SC face from a .ttc collection or a single .otf file.

    ``recalcTimestamp=False`` keeps the source's ``head.modified`` on save,
    which makes the output reproducible.
    """
    if path.suffix.lower() in (".ttc", ".otc"):
        collection = TTCollection(path, recalcTimestamp=False)
        for font in collection.fonts:
            if font["name"].getDebugName(1) == SOURCE_FAMILY:
                return font
        raise SystemExit(f"{path} has no face named {SOURCE_FAMILY!r}. Pass --source with a Noto Sans CJK SC font.")
    return TTFont(path, recalcTimestamp=False)


def rename(font: TTFont, source_version: str) -> None:
    """Give the subset its own family name, keeping copyright and licence records."""
    name_table = font["name"]
    kept_name_ids = {0, 5, 7, 8, 9, 11, 12, 13, 14}
    name_table.names = [
        record
        for record in name_table.names
        if record.nameID in kept_name_ids and record.platformID == 3 and record.langID == 0x409
    ]
    name_table.setName(FAMILY, 1, 3, 1, 0x409)
    name_table.setName("Regular", 2, 3, 1, 0x409)
    name_table.setName(f"{POSTSCRIPT_NAME};subset of {source_version}", 3, 3, 1, 0x409)
    name_table.setName(FAMILY, 4, 3, 1, 0x409)
    name_table.setName(POSTSCRIPT_NAME, 6, 3, 1, 0x409)
    name_table.setName(
        f"Subset of {source_version} made for zcbatch charts with fontTools.",
        10,
        3,
        1,
        0x409,
    )

    cff = font["CFF "].cff
    cff.fontNames = [POSTSCRIPT_NAME]
    top_dict = cff.topDictIndex[0]
    for attribute, value in (("FullName", FAMILY), ("FamilyName", FAMILY)):
        if hasattr(top_dict, attribute):
            setattr(top_dict, attribute, value)


def make_subset(source: Path, output: Path, repository: Path = REPOSITORY) -> tuple[int, list[str]]:
    """Write the subset to ``output``, and return its glyph count and the required characters the source lacks."""
    font = load_source(source)
    source_version = font["name"].getDebugName(3) or source.name
    character_map = font.getBestCmap()
    required = required_characters(repository)
    absent = [char for char in required if ord(char) not in character_map]
    subset_characters = set(required) | set(optional_characters())

    options = subset.Options()
    options.layout_features = ["kern"]
    options.name_IDs = ["*"]
    options.name_languages = [0x409]
    options.notdef_outline = True
    options.drop_tables += ["vhea", "vmtx", "VORG"]
    subsetter = subset.Subsetter(options)
    subsetter.populate(
        unicodes=sorted(ord(char) for char in subset_characters if ord(char) in character_map)
    )
    subsetter.subset(font)

    rename(font, source_version)
    output.parent.mkdir(parents=True, exist_ok=True)
    temporary = output.with_name(output.name + ".tmp")
    font.save(temporary)
    temporary.replace(output)
    return len(font.getGlyphOrder()), absent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE,
                        help="Noto Sans CJK .ttc collection or NotoSansCJKsc-Regular.otf")
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT, help="font file to write")
    arguments = parser.parse_args(argv)

    glyph_count, absent = make_subset(arguments.source, arguments.output)
    digest = hashlib.sha256(arguments.output.read_bytes()).hexdigest()
    print(f"wrote {arguments.output}: {glyph_count} glyphs, "
          f"{arguments.output.stat().st_size} bytes, sha256 {digest}")
    if absent:
        print(f"characters missing from the source font: {''.join(absent)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
