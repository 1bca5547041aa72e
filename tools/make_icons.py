"""Render resources/icons/tailorfit.svg into the PNG sizes, a Windows .ico and a macOS .icns.

Usage: python tools/make_icons.py [--out DIR]

Run after editing the SVG, and commit what it writes: builds and the app use the generated
files, so packaging needs no SVG tool. It uses only PySide6's QtSvg renderer (part of
PySide6-Essentials); the .ico and .icns containers are written here, byte by byte.

- PNGs: tailorfit-{16,24,32,48,64,128,256,512}.png (window icon, Linux hicolor theme).
- tailorfit.ico: 16-48 px as 32-bit BMP images (what every Windows tool reads), 64 px and
  256 px as PNG images (Windows Vista and later).
- tailorfit.icns: PNG images from 16 to 1024 px under their modern type codes, @2x included.
"""

from __future__ import annotations

import argparse
import os
import struct
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtGui import QImage

ROOT = Path(__file__).resolve().parents[1]
ICONS = ROOT / "resources" / "icons"
SOURCE = ICONS / "tailorfit.svg"

PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 256)
ICO_PNG_FROM = 64  # sizes from this one up are stored as PNG inside the .ico
# (type code, pixel size) for the .icns; the @2x codes reuse the double-size image.
ICNS_TYPES = (("icp4", 16), ("icp5", 32), ("icp6", 64), ("ic07", 128), ("ic08", 256),
              ("ic09", 512), ("ic10", 1024), ("ic11", 32), ("ic12", 64), ("ic13", 256),
              ("ic14", 512))


def _app() -> object:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    return QGuiApplication.instance() or QGuiApplication([])


def render(svg: Path, size: int) -> QImage:
    """The SVG drawn on a transparent square QImage of ``size`` pixels."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"make_icons: {svg} is not a valid SVG file")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    return image


def png_bytes(image: QImage) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):  # type: ignore[call-overload]  # the stub wants bytes; Qt takes str
        raise SystemExit("make_icons: Qt could not encode a PNG")
    buffer.close()
    return bytes(data.data())


def bmp_entry(image: QImage) -> bytes:
    """An .ico image in the classic form: BITMAPINFOHEADER, BGRA rows bottom-up, AND mask."""
    from PySide6.QtGui import QImage

    image = image.convertToFormat(QImage.Format.Format_ARGB32)
    width, height, stride = image.width(), image.height(), image.bytesPerLine()
    header = struct.pack("<IiiHHIIiiII", 40, width, height * 2, 1, 32, 0, 0, 0, 0, 0, 0)
    bits = bytes(image.constBits())  # ARGB32 is B,G,R,A in memory on every platform we build
    rows = [bits[y * stride: y * stride + width * 4] for y in reversed(range(height))]
    mask_row = ((width + 31) // 32) * 4
    mask = bytes(mask_row * height)  # all opaque: the alpha channel decides
    return header + b"".join(rows) + mask


def ico_bytes(images: dict[int, QImage]) -> bytes:
    entries = []
    for size in ICO_SIZES:
        image = images[size]
        entries.append((size, png_bytes(image) if size >= ICO_PNG_FROM else bmp_entry(image)))
    out = [struct.pack("<HHH", 0, 1, len(entries))]
    offset = 6 + 16 * len(entries)
    for size, data in entries:
        side = 0 if size >= 256 else size  # 0 means 256 in an ICONDIRENTRY
        out.append(struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset))
        offset += len(data)
    out.extend(data for _, data in entries)
    return b"".join(out)


def icns_bytes(pngs: dict[int, bytes]) -> bytes:
    chunks = [kind.encode("ascii") + struct.pack(">I", 8 + len(pngs[size])) + pngs[size]
              for kind, size in ICNS_TYPES]
    body = b"".join(chunks)
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def make(out: Path, svg: Path = SOURCE) -> list[Path]:
    """Write every generated icon file into ``out``; returns their paths."""
    _app()
    out.mkdir(parents=True, exist_ok=True)
    sizes = sorted(set(PNG_SIZES) | set(ICO_SIZES) | {size for _, size in ICNS_TYPES})
    images = {size: render(svg, size) for size in sizes}
    pngs = {size: png_bytes(image) for size, image in images.items()}
    written = []
    for size in PNG_SIZES:
        path = out / f"tailorfit-{size}.png"
        path.write_bytes(pngs[size])
        written.append(path)
    for name, data in (("tailorfit.ico", ico_bytes(images)), ("tailorfit.icns", icns_bytes(pngs))):
        path = out / name
        path.write_bytes(data)
        written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ICONS, help="folder to write (default: %(default)s)")
    args = parser.parse_args(argv)
    for path in make(args.out):
        print(f"wrote {path} ({path.stat().st_size / 1024:.1f} KB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
