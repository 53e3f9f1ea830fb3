"""Generate every app icon from the one drawn source, resources/icons/v2g-calculator.svg.

    python build/make_icons.py            write the icons into resources/icons/
    python build/make_icons.py --check    verify the committed icons (sizes, containers), write nothing

Outputs (all in ``resources/icons/``):

* ``v2g-calculator-<N>.png`` for N in :data:`PNG_SIZES` (Linux, Qt window icon);
* ``v2g-calculator.ico`` (Windows: exe, installer, file association) with
  32-bit BMP entries up to 128 px and a PNG entry for 256 px, the layout every
  Windows version and NSIS read;
* ``v2g-calculator.icns`` (macOS app and document icon) with PNG entries
  (``icp4``...``ic14``), so no ``iconutil`` is needed.

Rendering uses Qt (QtSvg), which the app depends on anyway; the containers are
written with :mod:`struct`.  Runs offscreen (no display needed).
"""
from __future__ import annotations

import argparse
import os
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ICONS = ROOT / "resources" / "icons"
SOURCE = ICONS / "v2g-calculator.svg"
STEM = "v2g-calculator"

PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512, 1024)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICO_PNG_MIN = 256                      # entries this size and larger are stored as PNG
# ICNS element types with PNG payloads: type -> pixel size
ICNS_TYPES = (("icp4", 16), ("icp5", 32), ("icp6", 64), ("ic07", 128), ("ic08", 256),
              ("ic09", 512), ("ic10", 1024), ("ic11", 32), ("ic12", 64), ("ic13", 256), ("ic14", 512))

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


# --------------------------------------------------------------------------- rendering (Qt)
def _qt():
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    return QGuiApplication.instance() or QGuiApplication(["make_icons"])


def render(size: int):
    """Render the SVG source to a ``size`` x ``size`` QImage (ARGB32, straight alpha)."""
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(SOURCE))
    if not renderer.isValid():
        raise SystemExit(f"{SOURCE}: not a valid SVG")
    img = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    img.fill(Qt.GlobalColor.transparent)
    painter = QPainter(img)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return img.convertToFormat(QImage.Format.Format_ARGB32)


def png_bytes(img) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    if not img.save(buf, "PNG"):
        raise RuntimeError("PNG encoding failed")
    buf.close()
    return bytes(data.data())


def dib_bytes(img) -> bytes:
    """ICO image entry as a 32-bit BMP: BITMAPINFOHEADER, bottom-up BGRA rows, AND mask."""
    w, h = img.width(), img.height()
    header = struct.pack("<IiiHHIIiiII", 40, w, 2 * h, 1, 32, 0, 0, 0, 0, 0, 0)
    rows = []
    bpl = img.bytesPerLine()
    raw = bytes(img.constBits())[: bpl * h]
    for y in range(h - 1, -1, -1):  # bottom-up
        row = raw[y * bpl: y * bpl + 4 * w]
        if sys.byteorder == "big":  # QImage ARGB32 is 0xAARRGGBB per pixel; BMP wants B,G,R,A bytes
            row = b"".join(row[i:i + 4][::-1] for i in range(0, len(row), 4))
        rows.append(row)
    mask_row = b"\x00" * (((w + 31) // 32) * 4)  # alpha channel rules; mask all "opaque"
    return header + b"".join(rows) + mask_row * h


# --------------------------------------------------------------------------- containers
def build_ico(images: dict[int, bytes], dibs: dict[int, bytes]) -> bytes:
    entries = []
    for size in ICO_SIZES:
        entries.append((size, images[size] if size >= ICO_PNG_MIN else dibs[size]))
    offset = 6 + 16 * len(entries)
    head = struct.pack("<HHH", 0, 1, len(entries))
    dirs, blobs = [], []
    for size, blob in entries:
        dim = 0 if size >= 256 else size
        dirs.append(struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(blob), offset))
        blobs.append(blob)
        offset += len(blob)
    return head + b"".join(dirs) + b"".join(blobs)


def build_icns(images: dict[int, bytes]) -> bytes:
    body = b"".join(kind.encode("ascii") + struct.pack(">I", 8 + len(images[size])) + images[size]
                    for kind, size in ICNS_TYPES)
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


# --------------------------------------------------------------------------- readers (checks, tests)
def png_size(blob: bytes) -> tuple[int, int]:
    if blob[:8] != PNG_MAGIC or blob[12:16] != b"IHDR":
        raise ValueError("not a PNG")
    return struct.unpack(">II", blob[16:24])


def read_ico(blob: bytes) -> list[tuple[int, str]]:
    """(size, 'png'|'bmp') of every entry; checks each entry's own header."""
    reserved, kind, count = struct.unpack_from("<HHH", blob, 0)
    if reserved != 0 or kind != 1:
        raise ValueError("not an ICO file")
    out = []
    for i in range(count):
        w, h, _c, _r, _planes, bpp, length, offset = struct.unpack_from("<BBBBHHII", blob, 6 + 16 * i)
        data = blob[offset: offset + length]
        if len(data) != length:
            raise ValueError(f"entry {i} runs past the end of the file")
        size = w or 256
        if data[:8] == PNG_MAGIC:
            if png_size(data) != (size, h or 256):
                raise ValueError(f"entry {i}: PNG size differs from the directory")
            out.append((size, "png"))
        else:
            hsize, bw, bh, _p, bbits = struct.unpack_from("<IiiHH", data, 0)
            if hsize != 40 or bw != size or bh != 2 * (h or 256) or bbits != 32 or bpp != 32:
                raise ValueError(f"entry {i}: bad BMP header")
            expect = 40 + 4 * bw * bw + ((bw + 31) // 32) * 4 * bw
            if length != expect:
                raise ValueError(f"entry {i}: {length} bytes, expected {expect}")
            out.append((size, "bmp"))
    return out


def read_icns(blob: bytes) -> list[tuple[str, int]]:
    if blob[:4] != b"icns" or struct.unpack(">I", blob[4:8])[0] != len(blob):
        raise ValueError("not an ICNS file (or wrong length)")
    pos, out = 8, []
    while pos < len(blob):
        kind = blob[pos: pos + 4].decode("ascii")
        length = struct.unpack(">I", blob[pos + 4: pos + 8])[0]
        w, h = png_size(blob[pos + 8: pos + length])
        if w != h:
            raise ValueError(f"{kind}: not square")
        out.append((kind, w))
        pos += length
    return out


def check() -> list[str]:
    """Problems with the committed icons (empty list when everything is in place)."""
    problems = []
    for size in PNG_SIZES:
        path = ICONS / f"{STEM}-{size}.png"
        try:
            if png_size(path.read_bytes()) != (size, size):
                problems.append(f"{path.name}: wrong size")
        except (OSError, ValueError) as exc:
            problems.append(f"{path.name}: {exc}")
    try:
        got = sorted(s for s, _ in read_ico((ICONS / f"{STEM}.ico").read_bytes()))
        if got != sorted(ICO_SIZES):
            problems.append(f"{STEM}.ico: sizes {got}, expected {sorted(ICO_SIZES)}")
    except (OSError, ValueError, struct.error) as exc:
        problems.append(f"{STEM}.ico: {exc}")
    try:
        got = read_icns((ICONS / f"{STEM}.icns").read_bytes())
        if got != list(ICNS_TYPES):
            problems.append(f"{STEM}.icns: entries {got}, expected {list(ICNS_TYPES)}")
    except (OSError, ValueError, struct.error, UnicodeDecodeError) as exc:
        problems.append(f"{STEM}.icns: {exc}")
    return problems


def generate() -> list[Path]:
    _qt()
    sizes = sorted(set(PNG_SIZES) | set(ICO_SIZES) | {s for _, s in ICNS_TYPES})
    rendered = {s: render(s) for s in sizes}
    pngs = {s: png_bytes(img) for s, img in rendered.items()}
    dibs = {s: dib_bytes(rendered[s]) for s in ICO_SIZES if s < ICO_PNG_MIN}
    written = []
    for size in PNG_SIZES:
        path = ICONS / f"{STEM}-{size}.png"
        path.write_bytes(pngs[size])
        written.append(path)
    for path, blob in ((ICONS / f"{STEM}.ico", build_ico(pngs, dibs)), (ICONS / f"{STEM}.icns", build_icns(pngs))):
        path.write_bytes(blob)
        written.append(path)
    return written


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description="Generate the app icons from resources/icons/v2g-calculator.svg")
    p.add_argument("--check", action="store_true", help="only verify the existing icons")
    args = p.parse_args(argv)
    if not args.check:
        for path in generate():
            print(f"{path.relative_to(ROOT)}  {path.stat().st_size} bytes")
    problems = check()
    for line in problems:
        print(f"FAIL {line}")
    if not problems:
        print("icons OK")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
