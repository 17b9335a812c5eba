"""The fonts shipped with the project (Liberation Serif, SIL OFL 1.1): every PDF embeds them, so
rendering never depends on the fonts of the machine."""

from pathlib import Path

FONT_DIR = Path(__file__).resolve().parent / "fonts"
SERIF = "ThiduaSerif"
FACES = {
    SERIF: "LiberationSerif-Regular.ttf",
    f"{SERIF}-Bold": "LiberationSerif-Bold.ttf",
    f"{SERIF}-Italic": "LiberationSerif-Italic.ttf",
    f"{SERIF}-BoldItalic": "LiberationSerif-BoldItalic.ttf",
}
# The typeface named in Word documents (NĐ 30/2020); Liberation Serif has its metrics.
WORD_FONT = "Times New Roman"

_registered = False


def register_pdf_fonts() -> None:
    """Registers the shipped faces with ReportLab once per process."""
    global _registered
    if _registered:
        return
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    for name, filename in FACES.items():
        pdfmetrics.registerFont(TTFont(name, FONT_DIR / filename))
    for bold in (0, 1):
        for italic in (0, 1):
            suffix = {(0, 0): "", (1, 0): "-Bold", (0, 1): "-Italic", (1, 1): "-BoldItalic"}
            addMapping(SERIF, bold, italic, SERIF + suffix[(bold, italic)])
    _registered = True


def face(bold=False, italic=False) -> str:
    register_pdf_fonts()
    return SERIF + {(False, False): "", (True, False): "-Bold", (False, True): "-Italic"}.get(
        (bold, italic), "-BoldItalic"
    )
