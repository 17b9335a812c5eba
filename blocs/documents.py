"""Biên bản hội nghị: the minutes of a bloc event in Word, from its records (attendance, reports,
results, elections, the pledge; the bloc's proposals are contributed by the awards app through
thidua.paper.kinds). The shipped template is blocs/document_templates/bien_ban_hoi_nghi.docx."""

from pathlib import Path

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.utils.text import slugify
from django.views.decorators.cache import never_cache

from thidua.paper import kinds
from thidua.paper.nd30 import (
    CENTER,
    JUSTIFY,
    date_line,
    heading_block,
    new_document,
    paragraph,
    signature_block,
    title_block,
)
from thidua.paper.responses import DOCX, file_response

from . import event_queries
from .models import SectionKind
from .permissions import can_download_event_minutes

EVENT_MINUTES = "blocs.event_minutes"
SHIPPED = Path(__file__).resolve().parent / "document_templates" / "bien_ban_hoi_nghi.docx"
# What a section of the minutes says when nothing was recorded for it.
NOTHING_RECORDED = "(Không có nội dung được ghi nhận.)"


def _lines(sections, kind):
    return [p for s in sections.get(kind, []) for p in s.paragraphs]


def minutes_context(event) -> dict:
    """The minutes' data: plain strings and lists (event read by event_for_page)."""
    summary = event_queries.event_summary(event)
    attendees = [
        ", ".join(p for p in [str(a.person), a.title, a.unit_name] if p)
        for a in [*summary["guests"], *summary["representatives"]]
    ] + [
        " – ".join(p for p in [a.group_label, a.unit_name] if p).capitalize()
        for a in summary["groups"]
    ]
    reports = [
        f"{r.presenter}, {r.presenter_title}: «{r.title}»"
        + (f" (thay mặt {r.unit_name})" if r.unit_name else "")
        for r in event.reports.all()
    ]
    results = [
        " ".join(p for p in [f.display_value, f.unit_label, f.label] if p)
        for f, _ in summary["figure_tree"]
    ]
    elections = [
        f"{e.get_role_display()} năm {e.year}: {e.unit_name}" for e in event.elections.all()
    ]
    pledges = [
        f"Ký giao ước thi đua năm {p.year}"
        + (f" ngày {p.signed_on:%d/%m/%Y}" if p.signed_on else "")
        + "".join(f"; {c.text}" for c in p.commitments.all())
        for p in event.pledges.all()
    ]
    sections = summary["sections"]
    chair_name = str(event.chair) if event.chair_id else ""
    return {
        "superior": settings.THIDUA_MINISTRY_NAME,
        "issuer": event.bloc.name,
        "number": "      /BB",
        "place_date": date_line(settings.THIDUA_DOCUMENT_PLACE, event.held_on),
        "title": event.title,
        "bloc": event.bloc.name,
        "held_on": f"{event.held_on:%d/%m/%Y}",
        "place": event.place or "…",
        "chair": ", ".join(p for p in [chair_name, event.chair_title] if p) or "…",
        # The signature block: the chair's name under «CHỦ TRÌ HỘI NGHỊ», their title below it;
        # both blank (to be written by hand) when no chair is on record.
        "chair_name": chair_name,
        "chair_title": event.chair_title if chair_name else "",
        "member_count": summary["member_count"] or "",
        "attendees": attendees,
        "reports": reports,
        "achievements": _lines(sections, SectionKind.RESULTS) + results,
        "shortcomings": _lines(sections, SectionKind.SHORTCOMINGS),
        "directions": _lines(sections, SectionKind.DIRECTIONS),
        "elections": elections,
        "pledges": pledges,
        **kinds.contributed(EVENT_MINUTES, event),
    }


def sample_minutes() -> dict:
    return {
        "superior": "Bộ Khoa học và Công nghệ",
        "issuer": "Khối Tổng cục, Cục, Ban và Quỹ",
        "number": "12/BB",
        "place_date": "Hà Nội, ngày 24/12/2025",
        "title": "Hội nghị tổng kết công tác thi đua, khen thưởng năm 2025",
        "bloc": "Khối Tổng cục, Cục, Ban và Quỹ",
        "held_on": "24/12/2025",
        "place": "Hà Nội",
        "chair": "Nguyễn Văn A, Cục trưởng",
        "chair_name": "Nguyễn Văn A",
        "chair_title": "Cục trưởng",
        "member_count": 9,
        "attendees": ["Nguyễn Văn B, Vụ trưởng Vụ Thi đua - Khen thưởng"],
        "reports": ["Trần Thị C, Phó Cục trưởng: «Báo cáo tổng kết năm 2025»"],
        "achievements": ["Hoàn thành 100% nhiệm vụ."],
        "shortcomings": ["Một số phong trào chưa sâu rộng."],
        "directions": ["Đẩy mạnh chuyển đổi số."],
        "elections": ["Khối trưởng năm 2026: Cục Phát triển thị trường và doanh nghiệp KH&CN"],
        "pledges": ["Ký giao ước thi đua năm 2026"],
    }


def build_template(path):
    document = new_document()
    heading_block(
        document,
        superior="{{ superior|upper }}",
        issuer="{{ issuer|upper }}",
        number="{{ number }}",
        place_date="{{ place_date }}",
    )
    title_block(document, "Biên bản", "{{ title }}")
    paragraph(
        document,
        "Hôm nay, ngày {{ held_on }}, tại {{ place }}, {{ bloc }}"
        "{% if member_count %} (gồm {{ member_count }} đơn vị){% endif %} tổ chức {{ title }}.",
        align=JUSTIFY,
    )
    paragraph(document, "Chủ trì: {{ chair }}.")

    def section(heading, name, number, line):
        """A numbered section listing `name`; with nothing recorded it keeps its number and says
        so (NOTHING_RECORDED), as a biên bản records every item of the agenda."""
        paragraph(document, f"{number}. {heading}", bold=True)
        paragraph(document, "{%p if " + name + " %}")
        paragraph(document, "{%p for item in " + name + " %}")
        paragraph(document, line, align=JUSTIFY)
        paragraph(document, "{%p endfor %}")
        paragraph(document, "{%p else %}")
        paragraph(document, NOTHING_RECORDED, italic=True, align=JUSTIFY)
        paragraph(document, "{%p endif %}")

    def bullets(heading, name, number):
        section(heading, name, number, "- {{ item }}")

    bullets("THÀNH PHẦN THAM DỰ", "attendees", "I")
    bullets("CÁC BÁO CÁO TẠI HỘI NGHỊ", "reports", "II")
    bullets("KẾT QUẢ ĐẠT ĐƯỢC", "achievements", "III")
    bullets("TỒN TẠI, HẠN CHẾ", "shortcomings", "IV")
    bullets("PHƯƠNG HƯỚNG, NHIỆM VỤ", "directions", "V")
    section(
        "ĐỀ NGHỊ KHEN THƯỞNG CỦA KHỐI",
        "proposals",
        "VI",
        "{{ loop.index }}. {{ item.award }}: {{ item.recipient }}",
    )
    bullets("BẦU KHỐI TRƯỞNG, KHỐI PHÓ", "elections", "VII")
    bullets("KÝ GIAO ƯỚC THI ĐUA", "pledges", "VIII")
    paragraph(document, "Biên bản lập xong cùng ngày, đã thông qua tại hội nghị./.", align=CENTER)
    signature_block(
        document, title="CHỦ TRÌ HỘI NGHỊ", name="{{ chair_name }}", name_note="{{ chair_title }}"
    )
    document.save(path)


kinds.register(
    kinds.DocumentKind(
        key=EVENT_MINUTES,
        label="Biên bản hội nghị của khối thi đua",
        shipped=SHIPPED,
        sample=sample_minutes,
        build=build_template,
        required=("title",),
    )
)


@never_cache
@login_required
def event_minutes(request, slug):
    event = event_queries.event_for_page(slug, request.user)
    if not can_download_event_minutes(request.user, event):
        raise PermissionDenied("Tài khoản của bạn không được xem văn bản này.")
    context = minutes_context(event)
    return file_response(
        lambda handle: kinds.render(EVENT_MINUTES, context, handle),
        f"bien-ban-{slugify(event.slug)[:60]}.docx",
        DOCX,
    )
