"""PDF pages drawn with ReportLab in the shipped fonts; positions in millimetres from the page's
top-left corner (as an administrator measures a pre-printed form with a ruler)."""

import segno
from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from .fonts import face, register_pdf_fonts

A4_LANDSCAPE = landscape(A4)
MIN_FONT_SIZE = 8
QR_MASK = 2


def new_canvas(target, *, pagesize=A4_LANDSCAPE, title="") -> Canvas:
    """A canvas writing to `target` (a path or binary file), fonts embedded (subset)."""
    register_pdf_fonts()
    # The initial font too (ReportLab's default is Helvetica, a font the PDF would not embed).
    canvas = Canvas(
        target, pagesize=pagesize, pageCompression=1, invariant=1, initialFontName=face()
    )
    canvas.setTitle(title)
    canvas.setCreator("thidua")
    return canvas


def fitted_size(text, font, size, max_width_mm) -> float:
    """The font size at which `text` fits `max_width_mm` (never above `size`)."""
    if not max_width_mm:
        return size
    width = stringWidth(text, font, size)
    limit = max_width_mm * mm
    if width <= limit:
        return size
    return max(MIN_FONT_SIZE, size * limit / width)


def draw_text(
    canvas,
    text,
    *,
    x_mm,
    y_mm,
    size=14,
    bold=False,
    italic=False,
    align="center",
    color="#000000",
    max_width_mm=None,
):
    """One line at (x, y) mm, y the baseline measured from the top edge; `align` says which
    point of the line x is (left, center, right). Shrinks the text to `max_width_mm`."""
    if not text:
        return
    font = face(bold, italic)
    size = fitted_size(text, font, size, max_width_mm)
    canvas.setFont(font, size)
    canvas.setFillColor(HexColor(color))
    x = x_mm * mm
    y = canvas._pagesize[1] - y_mm * mm
    if align == "left":
        canvas.drawString(x, y, text)
    elif align == "right":
        canvas.drawRightString(x, y, text)
    else:
        canvas.drawCentredString(x, y, text)


def draw_qr(canvas, data, *, x_mm, y_mm, size_mm):
    """A QR code of `data` in a square of `size_mm` whose top-left corner is at (x, y) mm, drawn
    as one vector path (a rectangle per run of dark modules), with its quiet zone.

    The mask pattern is fixed: choosing the best of eight costs most of a certificate's time in a
    batch, and any mask gives a valid code that readers decode."""
    matrix = segno.make(data, error="m", micro=False, mask=QR_MASK).matrix
    quiet = 4
    unit = size_mm * mm / (len(matrix) + 2 * quiet)
    left = x_mm * mm
    top = canvas._pagesize[1] - y_mm * mm
    canvas.setFillColor(HexColor("#ffffff"))
    canvas.rect(left, top - size_mm * mm, size_mm * mm, size_mm * mm, stroke=0, fill=1)
    path = canvas.beginPath()
    for row_index, row in enumerate(matrix):
        y = top - (row_index + quiet + 1) * unit
        column, width = 0, len(row)
        while column < width:
            if not row[column]:
                column += 1
                continue
            start = column
            while column < width and row[column]:
                column += 1
            path.rect(left + (start + quiet) * unit, y, (column - start) * unit, unit)
    canvas.setFillColor(HexColor("#000000"))
    canvas.drawPath(path, stroke=0, fill=1)


def draw_frame(canvas, *, inset_mm=10, color="#b22222", width=2.5):
    """A double border inset from the page's edges (the full-design certificate)."""
    page_width, page_height = canvas._pagesize
    canvas.setStrokeColor(HexColor(color))
    for offset, line in ((inset_mm, width), (inset_mm + 3, width / 3)):
        canvas.setLineWidth(line)
        canvas.rect(
            offset * mm,
            offset * mm,
            page_width - 2 * offset * mm,
            page_height - 2 * offset * mm,
            stroke=1,
            fill=0,
        )
