"""What goes into each award document: plain values from the records, and the sample values an
uploaded template is checked against (same keys, same shapes — tests hold them equal)."""

import datetime

from django.conf import settings
from django.utils import timezone

from thidua.paper.nd30 import date_line

from ..models import Award, Status
from . import records

EXCLUDED_FROM_SUBMISSION = [Status.WITHDRAWN, Status.REJECTED, Status.REVOKED]


def _today():
    return timezone.localdate()


def _head(issuer, *, number="      /TTr", superior=None) -> dict:
    return {
        "superior": superior if superior is not None else settings.THIDUA_MINISTRY_NAME,
        "issuer": issuer,
        "number": number,
        "place_date": date_line(settings.THIDUA_DOCUMENT_PLACE, _today()),
    }


def _submission(nominations, *, issuer, subject, list_title, intro, signer_title):
    rows = records.nomination_rows(nominations)
    council = f"Hội đồng Thi đua - Khen thưởng {settings.THIDUA_MINISTRY_NAME}"
    return {
        **_head(issuer),
        "issuer_name": issuer,
        "subject": subject,
        "addressee": council,
        "intro": intro,
        "list_title": list_title,
        "rows": rows,
        "total": len(rows),
        "totals": records.totals_by_award(rows),
        "signer_title": signer_title,
        "signer_name": "",
    }


def bloc_submission(bloc, year, nominations, issuer) -> dict:
    """The bloc's tờ trình: what it proposes for `year`, sent by its leader unit `issuer`."""
    nominations = [n for n in nominations if n.status not in EXCLUDED_FROM_SUBMISSION]
    return _submission(
        nominations,
        issuer=issuer,
        subject=f"Về việc đề nghị khen thưởng năm {year} cho các tập thể, cá nhân thuộc {bloc.name}",
        list_title=f"Tập thể, cá nhân thuộc {bloc.name} được đề nghị khen thưởng năm {year}",
        intro=f"Căn cứ kết quả bình xét thi đua năm {year} của {bloc.name}, đơn vị khối trưởng "
        "đề nghị xét khen thưởng cho các tập thể, cá nhân đã có thành tích xuất sắc.",
        signer_title="THỦ TRƯỞNG ĐƠN VỊ KHỐI TRƯỞNG",
    )


def review_submission(nominations) -> dict:
    """The reviewing department's tờ trình to the council: the filtered queue."""
    department = settings.THIDUA_REVIEWING_DEPARTMENT
    years = sorted({n.year for n in nominations})
    span = ", ".join(str(y) for y in years) or str(_today().year)
    return _submission(
        nominations,
        issuer=department,
        subject=f"Về việc đề nghị xét khen thưởng năm {span}",
        list_title=f"Tập thể, cá nhân được {department} trình Hội đồng xét khen thưởng",
        intro=f"Sau khi thẩm định hồ sơ đề nghị khen thưởng của các khối thi đua, {department} "
        "trình Hội đồng xem xét các trường hợp đủ điều kiện, tiêu chuẩn theo quy định.",
        signer_title="VỤ TRƯỞNG",
    )


def council_minutes(held_on: datetime.date) -> dict:
    rows = records.council_rows(held_on)
    council = f"Hội đồng Thi đua - Khen thưởng {settings.THIDUA_MINISTRY_NAME}"
    rules = sorted({row["rule"] for row in rows if row["rule"]})
    return {
        **_head(council, number="      /BB-HĐTĐKT"),
        "council": council,
        "held_on": f"{held_on:%d/%m/%Y}",
        "council_size": max((row["council_size"] for row in rows), default=0),
        "present": max((row["present"] for row in rows), default=0),
        "rows": rows,
        "total": len(rows),
        "passed": sum(row["result"] == "Đạt" for row in rows),
        "failed": sum(row["result"] == "Không đạt" for row in rows),
        "rules": "; ".join(rules) or "quy định hiện hành",
        "chair_name": "",
    }


def decision_annex(decision) -> dict:
    """The annex list: every recipient of the decision with its «số sổ vàng». `rows` is a
    generator (a thousand rows are rendered as they are read); `total` counts them first."""
    total = Award.objects.filter(decision=decision).count()
    return {
        **records.decision_header(decision),
        "list_title": "Tập thể, cá nhân được khen thưởng",
        "rows": records.annex_rows(decision),
        "total": total,
    }


def achievement_report(nomination) -> dict:
    is_unit = bool(nomination.unit_id)
    earlier = (
        Award.objects.public()
        .in_effect()
        .filter(
            **({"unit_id": nomination.unit_id} if is_unit else {"person_id": nomination.person_id})
        )
        .filter(year__lt=nomination.year)
        .select_related("award_type", "decision__document")
        .order_by("year", "pk")
    )
    rows = [
        {
            "year": a.year,
            "award": a.award_type.name,
            "decision": f"{a.decision.document.number} ngày {a.decision.document.issued_on:%d/%m/%Y}",
            "issuer": a.decision.document.issuer,
        }
        for a in earlier
    ]
    if is_unit:
        issuer, detail = nomination.recipient_name, ""
    else:
        day = datetime.date(nomination.year, 12, 31)
        detail = records.position_line(nomination.person, day)
        issuer = detail.split(", ", 1)[-1] if detail else ""
    return {
        **_head(issuer, number="", superior=settings.THIDUA_MINISTRY_NAME),
        "award": nomination.award_type.name,
        "year": nomination.year,
        "recipient_kind": "tập thể" if is_unit else "cá nhân",
        "recipient": nomination.recipient_name,
        "recipient_detail": detail,
        "intro_heading": "SƠ LƯỢC ĐẶC ĐIỂM, TÌNH HÌNH" if is_unit else "SƠ LƯỢC LÝ LỊCH",
        "achievements": nomination.achievements or "…",
        "earlier_awards": rows,
        "years": ", ".join(str(y) for y in sorted({r["year"] for r in rows} | {nomination.year})),
        "signer_title": "THỦ TRƯỞNG ĐƠN VỊ" if is_unit else "NGƯỜI BÁO CÁO THÀNH TÍCH",
        "signer_name": "",
    }


# --- samples: the data an uploaded replacement must render ---------------------------------------

_SAMPLE_HEAD = {
    "superior": "Bộ Khoa học và Công nghệ",
    "issuer": "Vụ Thi đua - Khen thưởng",
    "number": "12/TTr-TĐKT",
    "place_date": "Hà Nội, ngày 05 tháng 01 năm 2026",
}
_SAMPLE_NOMINATION = {
    "no": 1,
    "recipient": "Cục Phát triển thị trường và doanh nghiệp KH&CN",
    "kind": "Tập thể",
    "award": "Cờ thi đua của Bộ",
    "year": 2025,
    "bloc": "Khối Tổng cục, Cục, Ban và Quỹ",
    "achievements": "Hoàn thành xuất sắc nhiệm vụ được giao.",
    "bloc_votes": "9/10",
    "status": "Đã gửi",
}


def sample_submission() -> dict:
    return {
        **_SAMPLE_HEAD,
        "issuer_name": "Vụ Thi đua - Khen thưởng",
        "subject": "Về việc đề nghị khen thưởng năm 2025",
        "addressee": "Hội đồng Thi đua - Khen thưởng Bộ Khoa học và Công nghệ",
        "intro": "Căn cứ kết quả bình xét thi đua năm 2025.",
        "list_title": "Tập thể, cá nhân được đề nghị khen thưởng năm 2025",
        "rows": [_SAMPLE_NOMINATION],
        "total": 1,
        "totals": [{"award": "Cờ thi đua của Bộ", "count": 1}],
        "signer_title": "VỤ TRƯỞNG",
        "signer_name": "Nguyễn Văn A",
    }


def sample_council_minutes() -> dict:
    row = {
        "no": 1,
        "recipient": "Cục Phát triển thị trường và doanh nghiệp KH&CN",
        "award": "Cờ thi đua của Bộ",
        "year": 2025,
        "council_size": 11,
        "present": 10,
        "votes_for": 9,
        "votes_against": 1,
        "percent": "81,82",
        "base": "tổng số thành viên hội đồng",
        "threshold": "70",
        "rule": "Tỷ lệ phiếu Hội đồng (NĐ 98/2023, Điều 28)",
        "result": "Đạt",
    }
    return {
        **_SAMPLE_HEAD,
        "council": "Hội đồng Thi đua - Khen thưởng Bộ Khoa học và Công nghệ",
        "held_on": "05/01/2026",
        "council_size": 11,
        "present": 10,
        "rows": [row],
        "total": 1,
        "passed": 1,
        "failed": 0,
        "rules": row["rule"],
        "chair_name": "Nguyễn Văn B",
    }


def sample_decision_annex() -> dict:
    return {
        "decision_number": "125/QĐ-BKHCN",
        "decision_date": "20/01/2026",
        "decision_title": "Về việc tặng Cờ thi đua của Bộ năm 2025",
        "issuer": "Bộ Khoa học và Công nghệ",
        "signer_title": "Bộ trưởng",
        "signer_name": "Nguyễn Văn C",
        "list_title": "Tập thể, cá nhân được khen thưởng",
        "rows": [
            {
                "no": 1,
                "recipient": "Nguyễn Thị D",
                "position": "Chuyên viên, Vụ Thi đua - Khen thưởng",
                "kind": "Cá nhân",
                "award": "Bằng khen của Bộ trưởng",
                "year": 2025,
                "prize_rank": "",
                "revoked": "",
            }
        ],
        "total": 1,
    }


def sample_achievement_report() -> dict:
    return {
        **_SAMPLE_HEAD,
        "award": "Cờ thi đua của Bộ",
        "year": 2025,
        "recipient_kind": "tập thể",
        "recipient": "Cục Phát triển thị trường và doanh nghiệp KH&CN",
        "recipient_detail": "",
        "intro_heading": "SƠ LƯỢC ĐẶC ĐIỂM, TÌNH HÌNH",
        "achievements": "Hoàn thành xuất sắc nhiệm vụ được giao.",
        "earlier_awards": [
            {
                "year": 2024,
                "award": "Tập thể lao động xuất sắc",
                "decision": "15/QĐ-BKHCN ngày 10/01/2025",
                "issuer": "Bộ Khoa học và Công nghệ",
            }
        ],
        "years": "2024, 2025",
        "signer_title": "THỦ TRƯỞNG ĐƠN VỊ",
        "signer_name": "Nguyễn Văn E",
    }
