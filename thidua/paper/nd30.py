"""Builds .docx templates in the layout of Nghị định 30/2020/NĐ-CP (Phụ lục I): A4, Times New
Roman 14, issuer and «Số: …» top left, Quốc hiệu and Tiêu ngữ top right, place and date, the
document's kind and subject centred, page numbers from page 2, the signature block.

Used by the apps' `shipped` modules to write the templates that ship with the project; the text
they pass may hold Jinja placeholders ({{ … }}, {%tr … %} for table rows), filled by docxtpl."""

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from .fonts import WORD_FONT

CENTER = WD_ALIGN_PARAGRAPH.CENTER
LEFT = WD_ALIGN_PARAGRAPH.LEFT
JUSTIFY = WD_ALIGN_PARAGRAPH.JUSTIFY


def new_document(*, landscape=False):
    """An empty A4 document with NĐ 30 margins, Times New Roman 14 and page numbers from page 2."""
    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = (
        (Mm(297), Mm(210)) if landscape else (Mm(210), Mm(297))
    )
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    normal = document.styles["Normal"]
    normal.font.name = WORD_FONT
    normal.font.size = Pt(14)
    # East-Asian and complex-script slots too, or Word substitutes another face for «ư», «ơ».
    fonts = normal.element.rPr.find(qn("w:rFonts"))
    for slot in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(slot), WORD_FONT)
    normal.paragraph_format.space_after = Pt(6)
    _page_numbers_from_page_two(section)
    return document


def _page_numbers_from_page_two(section):
    section.different_first_page_header_footer = True  # the first page's header stays empty
    paragraph = section.header.paragraphs[0]
    paragraph.alignment = CENTER
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "2"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def paragraph(container, text="", *, bold=False, italic=False, size=None, align=None, upper=False):
    """One paragraph of one run, so that a placeholder in `text` stays whole for docxtpl."""
    par = container.add_paragraph()
    if align is not None:
        par.alignment = align
    par.paragraph_format.space_after = Pt(0) if align == CENTER else Pt(6)
    run = par.add_run(text.upper() if upper else text)
    run.bold, run.italic = bold, italic
    if size:
        run.font.size = Pt(size)
    return par


def _borderless(table):
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    table._tbl.tblPr.append(borders)


def heading_block(document, *, superior, issuer, number, place_date):
    """The two-column head (texts as given: pass «{{ x|upper }}» for capitals): issuer and number left, Quốc hiệu, Tiêu ngữ and place-date right."""
    table = document.add_table(rows=1, cols=2)
    _borderless(table)
    left, right = table.rows[0].cells
    left.width, right.width = Mm(70), Mm(95)
    left.paragraphs[0].text = ""
    paragraph(left, superior, size=13, align=CENTER)
    paragraph(left, issuer, bold=True, size=13, align=CENTER)
    paragraph(left, "―――――", size=10, align=CENTER)
    paragraph(left, f"Số: {number}", size=13, align=CENTER)
    paragraph(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold=True, size=13, align=CENTER)
    paragraph(right, "Độc lập - Tự do - Hạnh phúc", bold=True, size=14, align=CENTER)
    paragraph(right, "―――――――――――", size=10, align=CENTER)
    paragraph(right, place_date, italic=True, size=14, align=CENTER)
    for cell in (left, right):
        first = cell.paragraphs[0]
        first._p.getparent().remove(first._p)  # the cell's empty first paragraph
    document.add_paragraph()


def title_block(document, kind, subject=""):
    paragraph(document, kind, bold=True, size=14, align=CENTER, upper=True)
    if subject:
        paragraph(document, subject, bold=True, size=14, align=CENTER)
    paragraph(document, "―――――", size=10, align=CENTER)


def loop_table(document, headers, cells, *, loop, widths_mm=None, size=12):
    """A bordered table: a header row, then one row per item of `loop` ("row in rows"), the
    cells' text given by `cells` (placeholders of `row`)."""
    table = document.add_table(rows=4, cols=len(headers))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, header in zip(table.rows[0].cells, headers, strict=True):
        cell.paragraphs[0].text = ""
        run = cell.paragraphs[0].add_run(header)
        run.bold, run.font.size = True, Pt(size)
        cell.paragraphs[0].alignment = CENTER
    table.rows[1].cells[0].paragraphs[0].text = "{%tr for " + loop + " %}"
    for cell, text in zip(table.rows[2].cells, cells, strict=True):
        run = cell.paragraphs[0].add_run(text)
        run.font.size = Pt(size)
    table.rows[3].cells[0].paragraphs[0].text = "{%tr endfor %}"
    if widths_mm:
        for row in table.rows:
            for cell, width in zip(row.cells, widths_mm, strict=True):
                cell.width = Mm(width)
    return table


def signature_block(document, *, recipients_note="", title, name, name_note=""):
    """«Nơi nhận» left (if given), the signer's title and name right; `name_note` (e.g. the
    signer's position) on a line below the name, if given."""
    document.add_paragraph()
    table = document.add_table(rows=1, cols=2)
    _borderless(table)
    left, right = table.rows[0].cells
    left.width, right.width = Mm(80), Mm(85)
    if recipients_note:
        left.paragraphs[0].text = ""
        run = left.paragraphs[0].add_run("Nơi nhận:")
        run.bold, run.italic, run.font.size = True, True, Pt(12)
        paragraph(left, recipients_note, size=11)
    right.paragraphs[0].text = ""
    run = right.paragraphs[0].add_run(title)
    run.bold, run.font.size = True, Pt(14)
    right.paragraphs[0].alignment = CENTER
    paragraph(right, "(Ký, ghi rõ họ tên, đóng dấu)", italic=True, size=12, align=CENTER)
    for _ in range(3):
        paragraph(right, "", align=CENTER)
    paragraph(right, name, bold=True, size=14, align=CENTER)
    if name_note:
        paragraph(right, name_note, size=14, align=CENTER)


def date_line(place: str, day) -> str:
    """«Hà Nội, ngày 05 tháng 01 năm 2026»: NĐ 30 writes days below 10 and months below 3 with
    a leading zero."""
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return f"{place}, ngày {day.day:02d} tháng {month} năm {day.year}"
