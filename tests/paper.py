"""Opening what the site produced, as a reader would: a .docx parsed back with python-docx, a PDF's
text extracted with pypdf, a PDF page rendered to pixels (pypdfium2) and its QR code decoded
(zxing-cpp)."""

import io

import pypdfium2
import zxingcpp
from docx import Document
from pypdf import PdfReader


def body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


class Word:
    def __init__(self, response):
        assert response.status_code == 200, response.status_code
        self.document = Document(io.BytesIO(body(response)))
        self.paragraphs = [p.text for p in self.document.paragraphs]
        self.tables = [
            [[c.text for c in row.cells] for row in t.rows] for t in self.document.tables
        ]
        self.text = "\n".join(
            [*self.paragraphs, *("\n".join(cells) for t in self.tables for cells in t)]
        )

    def table_with(self, header: str):
        """The rows (under the header row) of the first table whose header row holds `header`."""
        for table in self.tables:
            if header in table[0]:
                return table[1:]
        raise AssertionError(f"no table with the header «{header}»")


def pdf(response) -> PdfReader:
    assert response.status_code == 200, response.status_code
    assert response["Content-Type"] == "application/pdf"
    return PdfReader(io.BytesIO(body(response)))


def page_texts(reader) -> list[str]:
    return [page.extract_text() for page in reader.pages]


def fonts(reader) -> dict[str, bool]:
    """{font name: embedded?} of every font the pages use."""
    found = {}
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = font.get("/FontDescriptor")
            if descriptor is None and "/DescendantFonts" in font:
                descriptor = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
            embedded = descriptor is not None and "/FontFile2" in descriptor.get_object()
            found[str(font["/BaseFont"])] = embedded
    return found


def qr_codes(pdf_bytes: bytes, page_index=0, scale=4) -> list[str]:
    """The QR codes on a rendered page, decoded from its pixels."""
    document = pypdfium2.PdfDocument(pdf_bytes)
    image = document[page_index].render(scale=scale).to_pil()
    return [result.text for result in zxingcpp.read_barcodes(image)]
