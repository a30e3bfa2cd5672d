"""Render the application icon resources/icons/csdesk.svg into the raster icons.

Run after editing the SVG:  python tools/render_icons.py
Writes (all committed, so neither an install nor a packaging build needs this tool):

- resources/icons/hicolor/<N>x<N>/apps/<APP_ID>.png for N in 16 32 48 64 128 256
  (the freedesktop icon-theme layout; packaging/linux/install.sh copies it as is,
  and the running app adds these PNGs to its window icon);
- resources/icons/csdesk.ico (Windows: 16…256, PNG-compressed entries);
- resources/icons/csdesk.icns (macOS: 16…1024, PNG entries).

Only PySide6 (QtSvg, in PySide6-Essentials) is needed; the ICO and ICNS
containers are written here by hand because Qt's writers hold one image each.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from csdesk import APP_ID  # noqa: E402

ICONS = ROOT / "resources" / "icons"
SOURCE = ICONS / "csdesk.svg"
PNG_SIZES = (16, 32, 48, 64, 128, 256)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# ICNS element types holding PNG data, by pixel size (the @2x types repeat sizes).
ICNS_TYPES = (
    (b"icp4", 16),
    (b"icp5", 32),
    (b"ic11", 32),
    (b"icp6", 64),
    (b"ic12", 64),
    (b"ic07", 128),
    (b"ic08", 256),
    (b"ic13", 256),
    (b"ic09", 512),
    (b"ic14", 512),
    (b"ic10", 1024),
)


def hicolor_png(size: int) -> Path:
    return ICONS / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"


def render(size: int) -> bytes:
    """The SVG rendered at size×size, as PNG bytes (transparent background)."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(SOURCE))
    if not renderer.isValid():
        raise SystemExit(f"cannot read {SOURCE}")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise SystemExit(f"cannot encode the {size}px PNG")
    buffer.close()
    return bytes(data.data())


def ico(pngs: dict[int, bytes]) -> bytes:
    """An ICO file whose entries are PNG images (valid since Windows Vista)."""
    sizes = sorted(pngs)
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = len(header) + 16 * len(sizes)
    entries, blobs = b"", b""
    for size in sizes:
        blob = pngs[size]
        side = 0 if size >= 256 else size  # 0 means 256 in an ICONDIRENTRY
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(blob), offset)
        blobs += blob
        offset += len(blob)
    return header + entries + blobs


def icns(pngs: dict[int, bytes]) -> bytes:
    """An ICNS file whose elements are PNG images (macOS 10.7 and later)."""
    body = b"".join(
        kind + struct.pack(">I", 8 + len(pngs[size])) + pngs[size] for kind, size in ICNS_TYPES
    )
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841  (fonts, plugins)
    wanted = set(PNG_SIZES) | set(ICO_SIZES) | {size for _, size in ICNS_TYPES}
    pngs = {size: render(size) for size in sorted(wanted)}
    for size in PNG_SIZES:
        target = hicolor_png(size)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(pngs[size])
        print(target.relative_to(ROOT))
    (ICONS / "csdesk.ico").write_bytes(ico({s: pngs[s] for s in ICO_SIZES}))
    print((ICONS / "csdesk.ico").relative_to(ROOT))
    (ICONS / "csdesk.icns").write_bytes(icns(pngs))
    print((ICONS / "csdesk.icns").relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
