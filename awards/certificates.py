"""Certificates (bằng khen, giấy khen) as PDF: A4 landscape, the elements of the official layout
(NĐ 98/2023 Điều 104) at the positions of a CertificateLayout, a QR code of the award's public
verification page. One award, or a whole decision in one streamed batch."""

from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.db.models import Q
from django.urls import reverse

from thidua.paper.nd30 import date_line
from thidua.paper.pdf import draw_frame, draw_qr, draw_text, new_canvas

from .documents import records
from .models import CertificateElement, CertificateField, CertificateLayout, CertificateMode

E = CertificateElement
RED = "#C00000"


@dataclass(frozen=True)
class Spot:
    x_mm: float
    y_mm: float
    font_size: float = 14
    bold: bool = False
    italic: bool = False
    align: str = "center"
    color: str = "#000000"
    max_width_mm: float | None = None
    is_printed: bool = True


# The built-in layout (A4 landscape, 297 × 210 mm), used where an administrator has set none.
DEFAULT_SPOTS = {
    E.NATIONAL_TITLE: Spot(148.5, 32, 15, bold=True),
    E.MOTTO: Spot(148.5, 40, 15, bold=True),
    E.ISSUER_TITLE: Spot(148.5, 60, 19, bold=True, color=RED, max_width_mm=250),
    E.GIVES: Spot(148.5, 76, 22, bold=True),
    E.RECIPIENT: Spot(148.5, 93, 24, bold=True, max_width_mm=245),
    E.RECIPIENT_DETAIL: Spot(148.5, 103, 15, italic=True, max_width_mm=245),
    E.AWARD: Spot(148.5, 119, 24, bold=True, color=RED, max_width_mm=250),
    E.ACHIEVEMENT: Spot(148.5, 132, 15, italic=True, max_width_mm=245),
    E.PLACE_DATE: Spot(210, 150, 14, italic=True, max_width_mm=120),
    E.SIGNER_TITLE: Spot(210, 159, 14, bold=True, max_width_mm=120),
    E.SIGNER_NAME: Spot(210, 190, 15, bold=True, max_width_mm=120),
    E.QR: Spot(25, 138, 28),  # font_size is the QR code's side in mm
    E.DECISION_LINE: Spot(25, 177, 12, align="left", max_width_mm=110),
    E.LEDGER_LINE: Spot(25, 184, 12, align="left"),
    E.VERIFY_LINE: Spot(25, 191, 8, italic=True, align="left", max_width_mm=110),
}


def default_fields(layout):
    """CertificateField rows for `layout` at the built-in positions (a new layout's start)."""
    return [
        CertificateField(
            layout=layout,
            element=element,
            x_mm=Decimal(str(spot.x_mm)),
            y_mm=Decimal(str(spot.y_mm)),
            font_size=Decimal(str(spot.font_size)),
            max_width_mm=Decimal(str(spot.max_width_mm)) if spot.max_width_mm else None,
            align=spot.align,
            bold=spot.bold,
            italic=spot.italic,
            color=spot.color,
        )
        for element, spot in DEFAULT_SPOTS.items()
    ]


def _spots(layout) -> dict:
    spots = dict(DEFAULT_SPOTS)
    for field in layout.fields.all() if layout and layout.pk else []:
        spots[field.element] = Spot(
            float(field.x_mm),
            float(field.y_mm),
            float(field.font_size),
            field.bold,
            field.italic,
            field.align,
            field.color,
            float(field.max_width_mm) if field.max_width_mm else None,
            field.is_printed,
        )
    return spots


class LayoutChooser:
    """Picks each award type's layout for a mode, from one query: the type's own layout, else
    the mode's default, else the built-in one."""

    def __init__(self, mode):
        self.mode = mode
        layouts = list(
            CertificateLayout.objects.filter(mode=mode)
            .filter(Q(is_default=True) | Q(award_types__isnull=False))
            .prefetch_related("fields", "award_types")
            .distinct()
        )
        self.default = next((layout for layout in layouts if layout.is_default), None)
        self.by_type = {t.pk: layout for layout in layouts for t in layout.award_types.all()}
        self._spots = {}

    def layout_for(self, award_type_id):
        return self.by_type.get(award_type_id, self.default)

    def spots_for(self, layout):
        key = layout.pk if layout else None
        if key not in self._spots:
            self._spots[key] = _spots(layout)
        return self._spots[key]


def achievement_line(award) -> str:
    summary = (award.nomination.achievements or "").strip() if award.nomination_id else ""
    first = summary.split("\n", 1)[0].strip()
    if first and len(first) <= 160:
        return first
    return f"Đã có thành tích xuất sắc trong phong trào thi đua năm {award.year}"


def verification_url(award, base_url) -> str:
    return base_url + reverse("awards:verify", args=[award.verification_code])


def certificate_values(award, ledger, base_url, layout=None) -> dict:
    decision = award.decision
    document = decision.document
    issuer = (layout.issuer_title if layout else "") or award.award_type.conferrer
    award_name = award.award_type.name
    if award.prize_rank:
        award_name = f"{award_name} – {award.prize_rank}"
    day = document.issued_on
    url = verification_url(award, base_url)
    return {
        E.NATIONAL_TITLE: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        E.MOTTO: "Độc lập - Tự do - Hạnh phúc",
        E.ISSUER_TITLE: issuer.upper(),
        E.GIVES: "TẶNG",
        E.RECIPIENT: award.recipient_name,
        E.RECIPIENT_DETAIL: records.position_line(award.person, day) if award.person_id else "",
        E.AWARD: award_name.upper(),
        E.ACHIEVEMENT: achievement_line(award),
        E.PLACE_DATE: date_line(settings.THIDUA_DOCUMENT_PLACE, day),
        E.SIGNER_TITLE: decision.signer_title.upper(),
        E.SIGNER_NAME: decision.signer_name or (str(decision.signer) if decision.signer_id else ""),
        E.DECISION_LINE: f"Số quyết định: {document.number}, ngày {day:%d/%m/%Y}",
        # The form's own caption (NĐ 98/2023 Điều 104) for the recipient's STT in the decision
        # (Award.ordinal, «Số thứ tự» of the import; the annex heads it «STT (số sổ vàng)»).
        E.LEDGER_LINE: f"Số sổ vàng: {ledger}",
        E.QR: url,
        E.VERIFY_LINE: f"Tra cứu: {url}",
    }


def draw_certificate(canvas, values: dict, spots: dict, mode) -> None:
    full = mode == CertificateMode.DESIGN
    if full:
        draw_frame(canvas)
    for element, text in values.items():
        spot = spots[element]
        if not spot.is_printed or (not full and element in E.fixed()):
            continue
        if element == E.QR:
            draw_qr(canvas, text, x_mm=spot.x_mm, y_mm=spot.y_mm, size_mm=spot.font_size)
            continue
        draw_text(
            canvas,
            text,
            x_mm=spot.x_mm,
            y_mm=spot.y_mm,
            size=spot.font_size,
            bold=spot.bold,
            italic=spot.italic,
            align=spot.align,
            color=spot.color,
            max_width_mm=spot.max_width_mm,
        )
    canvas.showPage()


def write_certificates(target, numbered_awards, *, mode, base_url, title) -> int:
    """Writes one page per (ledger number, award) into `target`; revoked awards are skipped.
    Returns the number of pages."""
    chooser = LayoutChooser(mode)
    canvas = new_canvas(target, title=title)
    pages = 0
    for ledger, award in numbered_awards:
        if award.revoked_by_id:
            continue
        layout = chooser.layout_for(award.award_type_id)
        values = certificate_values(award, ledger, base_url, layout)
        draw_certificate(canvas, values, chooser.spots_for(layout), mode)
        pages += 1
    if not pages:
        canvas.showPage()  # a valid (blank) document rather than a broken one
    canvas.save()
    return pages
