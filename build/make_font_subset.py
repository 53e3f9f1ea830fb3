#!/usr/bin/env python3
"""Build the bundled Japanese UI font subsets in resources/fonts/.

Source
------
Debian/Ubuntu package ``fonts-noto-cjk`` version ``1:20220127+repack1-1``
(``dpkg -s fonts-noto-cjk``), which ships the OpenType collections

    /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc
    /usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc

(Noto Sans CJK 2.004, "Version 2.004;hotconv 1.0.118;makeotfexe 2.5.65603").
Font licence: SIL Open Font License 1.1 (see resources/fonts/LICENSE-OFL.txt).

The "Noto Sans CJK JP" face is taken out of each collection (the face index is
found by reading the ``name`` table, not hard-coded) and subset with fontTools.

What the subset keeps (Unicode code points, only where the font has a glyph)
-------------------------------------------------------------------------
* Basic Latin U+0020-007E and Latin-1 Supplement U+00A0-00FF
  (includes ``£ ¥ ± × ÷ ° µ``)
* General Punctuation U+2000-206F, Currency Symbols U+20A0-20CF (``€`` ...),
  Letterlike Symbols U+2100-214F (``℃ № ™``), Arrows U+2190-21FF,
  Mathematical Operators U+2200-22FF (``− ≤ ≥ ≈ ≠ ∞`` ...)
* CJK Symbols and Punctuation U+3000-303F, Hiragana U+3040-309F,
  Katakana U+30A0-30FF, Katakana Phonetic Extensions U+31F0-31FF,
  Halfwidth and Fullwidth Forms U+FF00-FFEF
* Every character of JIS X 0208 -- rows 1-8 (symbols, Greek, Cyrillic, box
  drawing) and the level-1 (rows 16-47) and level-2 (rows 48-84) kanji --
  obtained by decoding every two-byte EUC-JP code (0xA1-0xFE x 0xA1-0xFE)
  with Python's ``euc_jp`` codec and keeping whatever decodes
* The NEC special characters of Shift_JIS/CP932 row 13 (``① Ⅰ ㍉ ㎏ ㈱`` ...),
  decoded with Python's ``cp932`` codec (0x8740-0x879C)
* Any extra characters listed in an optional UTF-8 text file (``--extra``);
  every non-whitespace character in the file is added

OpenType layout: fontTools' default feature list (it already contains
``kern``, ``palt``, ``halt``, ``vert``, ``vrt2``, ``ccmp``, ``liga`` ...) except
``locl``: the JP face is Japanese by default, and ``locl`` would pull in the
Chinese/Korean glyph variants via the closure. All ``name`` records are kept
(so the family stays "Noto Sans CJK JP" and the copyright / licence / URL
records are retained); only the version string (name ID 5) gets a
"; subset" note. ``head.modified`` is kept from the source, so running the
script twice on the same input gives byte-identical files.

Outputs
-------
    resources/fonts/NotoSansCJKjp-Regular-subset.otf
    resources/fonts/NotoSansCJKjp-Bold-subset.otf   (if the Bold .ttc exists)

Usage
-----
    apt-get install --no-install-recommends fonts-noto-cjk   # as root
    .venv/bin/python build/make_font_subset.py [--extra chars.txt]
        [--src-dir /usr/share/fonts/opentype/noto] [--out-dir resources/fonts]
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path

from fontTools import subset
from fontTools import version as fonttools_version
from fontTools.ttLib import TTCollection, TTFont

FAMILY = "Noto Sans CJK JP"
REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SRC_DIR = Path("/usr/share/fonts/opentype/noto")
DEFAULT_OUT_DIR = REPO_ROOT / "resources" / "fonts"
WEIGHTS = {
    # weight: (source collection file name, output file name)
    "Regular": ("NotoSansCJK-Regular.ttc", "NotoSansCJKjp-Regular-subset.otf"),
    "Bold": ("NotoSansCJK-Bold.ttc", "NotoSansCJKjp-Bold-subset.otf"),
}

UNICODE_RANGES = [
    (0x0020, 0x007E),  # Basic Latin (printable)
    (0x00A0, 0x00FF),  # Latin-1 Supplement
    (0x2000, 0x206F),  # General Punctuation
    (0x20A0, 0x20CF),  # Currency Symbols
    (0x2100, 0x214F),  # Letterlike Symbols
    (0x2190, 0x21FF),  # Arrows
    (0x2200, 0x22FF),  # Mathematical Operators
    (0x3000, 0x303F),  # CJK Symbols and Punctuation
    (0x3040, 0x309F),  # Hiragana
    (0x30A0, 0x30FF),  # Katakana
    (0x31F0, 0x31FF),  # Katakana Phonetic Extensions
    (0xFF00, 0xFFEF),  # Halfwidth and Fullwidth Forms
]
# Characters the UI uses explicitly; all fall inside the ranges above, listed
# so that a check fails loudly if the font ever lacks one of them.
UI_REQUIRED = "¥£$€−×÷≤≥±°%→←↑↓·…「」、。ー"

FEATURES_DROPPED = {"locl"}


def jis_x_0208_chars() -> tuple[set[str], dict[str, int]]:
    """All characters of JIS X 0208, via an EUC-JP decode round trip."""
    chars: set[str] = set()
    counts = {"non-kanji (rows 1-15)": 0, "level 1 kanji (rows 16-47)": 0,
              "level 2 kanji (rows 48-94)": 0}
    for hi in range(0xA1, 0xFF):
        row = hi - 0xA0
        for lo in range(0xA1, 0xFF):
            try:
                ch = bytes((hi, lo)).decode("euc_jp")
            except UnicodeDecodeError:
                continue
            if len(ch) != 1 or ch.encode("euc_jp") != bytes((hi, lo)):
                continue
            chars.add(ch)
            if row <= 15:
                counts["non-kanji (rows 1-15)"] += 1
            elif row <= 47:
                counts["level 1 kanji (rows 16-47)"] += 1
            else:
                counts["level 2 kanji (rows 48-94)"] += 1
    return chars, counts


def nec_row13_chars() -> set[str]:
    """NEC special characters (CP932 0x8740-0x879C: ① Ⅰ ㍉ ㎏ ㈱ ...)."""
    chars = set()
    for lo in range(0x40, 0x9D):
        try:
            ch = bytes((0x87, lo)).decode("cp932")
        except UnicodeDecodeError:
            continue
        if len(ch) == 1:
            chars.add(ch)
    return chars


def wanted_codepoints(extra_file: Path | None) -> tuple[set[int], dict[str, int]]:
    cps: set[int] = set()
    for lo, hi in UNICODE_RANGES:
        cps.update(range(lo, hi + 1))
    jis, stats = jis_x_0208_chars()
    cps.update(ord(c) for c in jis)
    nec = nec_row13_chars()
    cps.update(ord(c) for c in nec)
    stats["NEC row 13"] = len(nec)
    cps.update(ord(c) for c in UI_REQUIRED)
    if extra_file is not None:
        text = extra_file.read_text(encoding="utf-8")
        extra = {ord(c) for c in text if not c.isspace()}
        stats["extra file chars"] = len(extra)
        cps.update(extra)
    return cps, stats


def find_jp_face(ttc_path: Path) -> int:
    coll = TTCollection(str(ttc_path), lazy=True)
    for i, face in enumerate(coll.fonts):
        if face["name"].getDebugName(1) == FAMILY:
            return i
    raise SystemExit(f"{ttc_path}: no face with family name {FAMILY!r}")


def make_subset(src: Path, out: Path, cps: set[int]) -> None:
    index = find_jp_face(src)
    font = TTFont(str(src), fontNumber=index, recalcTimestamp=False)
    cmap = font.getBestCmap()
    missing_ui = [c for c in UI_REQUIRED if ord(c) not in cmap]
    if missing_ui:
        raise SystemExit(f"{src}: font lacks required UI characters {missing_ui}")
    present = sorted(cp for cp in cps if cp in cmap)

    options = subset.Options()
    options.layout_features = [f for f in options.layout_features
                               if f not in FEATURES_DROPPED]
    options.name_IDs = ["*"]          # keep copyright, licence, URLs, ...
    options.name_languages = ["*"]
    options.name_legacy = True
    options.notdef_outline = True     # missing glyphs show as a box, not blank
    options.recalc_timestamp = False
    options.prune_unicode_ranges = True
    options.glyph_names = False

    subsetter = subset.Subsetter(options=options)
    subsetter.populate(unicodes=present)
    subsetter.subset(font)

    name = font["name"]
    for rec in list(name.names):
        if rec.nameID == 5:
            old = rec.toUnicode()
            if "subset" not in old:
                name.setName(old + "; subset for V2G Calculator",
                             5, rec.platformID, rec.platEncID, rec.langID)
    if name.getDebugName(1) != FAMILY:
        raise SystemExit(f"family name changed: {name.getDebugName(1)!r}")

    out.parent.mkdir(parents=True, exist_ok=True)
    font.save(str(out))
    font.close()

    check = TTFont(str(out))
    n_glyphs = len(check.getGlyphOrder())
    n_cps = len(check.getBestCmap())
    family = check["name"].getDebugName(1)
    check.close()
    digest = hashlib.sha256(out.read_bytes()).hexdigest()[:16]
    print(f"{out.name}: face #{index} of {src.name}, family {family!r}, "
          f"{n_cps} code points, {n_glyphs} glyphs, "
          f"{out.stat().st_size / 1e6:.2f} MB, sha256 {digest}...")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--extra", type=Path,
                    help="UTF-8 text file with extra characters to keep")
    ap.add_argument("--src-dir", type=Path, default=DEFAULT_SRC_DIR)
    ap.add_argument("--out-dir", type=Path, default=DEFAULT_OUT_DIR)
    args = ap.parse_args(argv)

    cps, stats = wanted_codepoints(args.extra)
    print(f"fontTools {fonttools_version}; requested {len(cps)} code points")
    for key, val in stats.items():
        print(f"  {key}: {val}")

    built = 0
    for weight, (src_name, out_name) in WEIGHTS.items():
        src = args.src_dir / src_name
        if not src.exists():
            if weight == "Regular":
                raise SystemExit(f"{src} not found; install fonts-noto-cjk")
            print(f"{src} not found; skipping {weight}")
            continue
        make_subset(src, args.out_dir / out_name, cps)
        built += 1
    return 0 if built else 1


if __name__ == "__main__":
    sys.exit(main())
