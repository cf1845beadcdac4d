"""Text the report font cannot draw is replaced, never echoed.

The PDF and the plots use matplotlib's bundled DejaVu Sans (no system fonts). It has no CJK
glyphs or emoji: fpdf2 then printed the missing characters on stderr and matplotlib warned with
them, putting patient text into terminals and logs. Characters outside the font are replaced by
"?" and counted, so the caller can say once how many, without them.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

__all__ = ["FONT_FILES", "GlyphFilter", "font_folder"]

FONT_FILES = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf")


def font_folder() -> Path:
    import matplotlib

    return Path(matplotlib.get_data_path()) / "fonts" / "ttf"


@cache
def _covered() -> frozenset[int]:
    """Code points every face of the report font draws."""
    from matplotlib import ft2font

    faces = [frozenset(ft2font.FT2Font(str(font_folder() / f)).get_charmap()) for f in FONT_FILES]
    return frozenset.intersection(*faces)


class GlyphFilter:
    """Replaces characters the font lacks with "?"; ``replaced`` counts them."""

    def __init__(self) -> None:
        self.replaced = 0

    def __call__(self, text: str) -> str:
        if text.isascii():
            return text
        covered = _covered()
        out = []
        for ch in text:
            if ord(ch) in covered or ch in "\n\t":
                out.append(ch)
            else:
                out.append("?")
                self.replaced += 1
        return "".join(out)
