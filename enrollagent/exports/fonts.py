"""The Chinese font of the PDFs: a TrueType CJK font found on this machine, else STSong-Light."""

from __future__ import annotations

import functools
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from ..core.text import CONTROL
from ..paths import resource_dir

FALLBACK = "STSong-Light"
EMBEDDED_NAME = "EnrollAgentCJK"
MISSING_MARK = "〓"  # the printers' sign for a character the type case lacks


@dataclass(frozen=True)
class Candidate:
    path: Path
    subfont: int | None = None


@dataclass(frozen=True)
class PdfFont:
    name: str  # as registered with reportlab
    source: str  # the file embedded, or FALLBACK
    embedded: bool
    glyphs: frozenset[int] = field(default=frozenset(), repr=False)  # empty: coverage unknown

    def missing(self, text: str) -> list[str]:
        """Characters of `text` this font cannot draw (reportlab would silently drop them)."""
        if self.embedded:
            return [ch for ch in text if ord(ch) not in self.glyphs and not ch.isspace()]
        # STSong-Light covers GB 18030's basic plane; beyond it (CJK Ext-B …) nothing is drawn.
        return [ch for ch in text if ord(ch) > 0xFFFF]

    def printable(self, text: str) -> str:
        """`text` with every character the font lacks shown as 〓, so a gap is never silent;
        control characters (a name stored with \x07 or \x00) print as a space."""
        if not text.isprintable():
            text = CONTROL.sub(" ", text)
        lacking = set(self.missing(text))
        return "".join(MISSING_MARK if ch in lacking else ch for ch in text) if lacking else text


def _platform() -> str:
    if sys.platform.startswith("win"):
        return "windows"
    return "darwin" if sys.platform == "darwin" else "linux"


def font_candidates(platform: str | None = None, listing: Path | None = None) -> list[Candidate]:
    """The candidates of resources/fonts.txt for this operating system, in order."""
    platform = platform or _platform()
    listing = listing or resource_dir() / "fonts.txt"
    section = ""
    found = []
    for raw in listing.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1]
            continue
        if section != platform:
            continue
        path, _, index = (part.strip() for part in line.partition("|"))
        found.append(
            Candidate(
                Path(os.path.expanduser(os.path.expandvars(path))), int(index) if index else None
            )
        )
    return found


def load_font(candidates: list[Candidate]) -> PdfFont:
    """Register the first candidate that loads as a TrueType font; else the built-in CID font."""
    for c in candidates:
        if not c.path.is_file():
            continue
        try:
            font = TTFont(EMBEDDED_NAME, str(c.path), subfontIndex=c.subfont or 0)
        except (TTFError, OSError, ValueError):
            continue  # CFF outlines (Noto CJK), a damaged file: try the next one
        pdfmetrics.registerFont(font)
        return PdfFont(EMBEDDED_NAME, str(c.path), True, frozenset(font.face.charToGlyph))
    pdfmetrics.registerFont(UnicodeCIDFont(FALLBACK))
    return PdfFont(FALLBACK, FALLBACK, False)


@functools.cache
def cjk_font() -> PdfFont:
    """The font every PDF of this process uses (looked up once)."""
    return load_font(font_candidates())
