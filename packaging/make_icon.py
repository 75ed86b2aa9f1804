"""Draw the program's icon: resources/icon.png (256 px) and resources/icon.ico (16–256 px).

Run once after changing the drawing: `QT_QPA_PLATFORM=offscreen .venv/bin/python packaging/make_icon.py`.
The .ico holds PNG images, which Windows Vista and later read; Qt writes only one image per .ico.
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QImage, QPainter, QPainterPath

RESOURCES = Path(__file__).resolve().parent.parent / "resources"
SIZES = (16, 24, 32, 48, 64, 128, 256)


def draw(size: int) -> QImage:
    """A green rounded square with a white cross, and 保 on it from 32 px up."""
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    s = float(size)
    tile = QPainterPath()
    tile.addRoundedRect(QRectF(0.03 * s, 0.03 * s, 0.94 * s, 0.94 * s), 0.2 * s, 0.2 * s)
    p.fillPath(tile, QColor("#1b8a5a"))
    if size < 32:
        arm = 0.2 * s
        p.fillRect(QRectF((s - arm) / 2, 0.18 * s, arm, 0.64 * s), QColor("white"))
        p.fillRect(QRectF(0.18 * s, (s - arm) / 2, 0.64 * s, arm), QColor("white"))
    else:
        arm = 0.09 * s
        p.fillRect(QRectF(0.66 * s, 0.12 * s, arm, 0.3 * s), QColor("white"))
        p.fillRect(
            QRectF(0.66 * s - 0.105 * s, 0.12 * s + 0.105 * s, 0.3 * s, arm), QColor("white")
        )
        font = QFont(["Microsoft YaHei", "WenQuanYi Micro Hei", "Noto Sans CJK SC"])
        font.setPixelSize(round(0.62 * s))
        font.setBold(True)
        p.setFont(font)
        p.setPen(QColor("white"))
        p.drawText(QRectF(0.04 * s, 0.26 * s, 0.7 * s, 0.7 * s), Qt.AlignmentFlag.AlignCenter, "保")
    p.end()
    return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def ico_bytes(pngs: list[tuple[int, bytes]]) -> bytes:
    """ICONDIR, one ICONDIRENTRY per image (0 means 256), then the PNGs."""
    head = struct.pack("<HHH", 0, 1, len(pngs))
    offset = len(head) + 16 * len(pngs)
    entries, bodies = b"", b""
    for size, png in pngs:
        side = size % 256
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset)
        bodies += png
        offset += len(png)
    return head + entries + bodies


def main() -> int:
    QGuiApplication(sys.argv)
    pngs = [(size, png_bytes(draw(size))) for size in SIZES]
    (RESOURCES / "icon.png").write_bytes(pngs[-1][1])
    (RESOURCES / "icon.ico").write_bytes(ico_bytes(pngs))
    return 0


if __name__ == "__main__":
    sys.exit(main())
