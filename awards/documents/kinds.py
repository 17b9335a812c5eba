"""The award documents' kinds, registered with thidua.paper.kinds when the app loads."""

from pathlib import Path

from thidua.paper.kinds import DocumentKind, contribute, register

from .. import queries
from . import contexts, shipped

TEMPLATES = Path(__file__).resolve().parent.parent / "document_templates"

SUBMISSION = "awards.submission"
COUNCIL_MINUTES = "awards.council_minutes"
DECISION_ANNEX = "awards.decision_annex"
ACHIEVEMENT_REPORT = "awards.achievement_report"

register(
    DocumentKind(
        key=SUBMISSION,
        label="Tờ trình và danh sách đề nghị khen thưởng",
        shipped=TEMPLATES / "to_trinh_de_nghi_khen_thuong.docx",
        sample=contexts.sample_submission,
        build=shipped.submission,
        required=("rows",),
    ),
    DocumentKind(
        key=COUNCIL_MINUTES,
        label="Biên bản họp Hội đồng Thi đua - Khen thưởng",
        shipped=TEMPLATES / "bien_ban_hop_hoi_dong.docx",
        sample=contexts.sample_council_minutes,
        build=shipped.council_minutes,
        required=("rows",),
    ),
    DocumentKind(
        key=DECISION_ANNEX,
        label="Danh sách kèm theo Quyết định khen thưởng",
        shipped=TEMPLATES / "danh_sach_kem_theo_quyet_dinh.docx",
        sample=contexts.sample_decision_annex,
        build=shipped.decision_annex,
        required=("rows", "decision_number"),
    ),
    DocumentKind(
        key=ACHIEVEMENT_REPORT,
        label="Báo cáo thành tích đề nghị khen thưởng",
        shipped=TEMPLATES / "bao_cao_thanh_tich.docx",
        sample=contexts.sample_achievement_report,
        build=shipped.achievement_report,
        required=("recipient",),
    ),
)


# The bloc's proposals at an event, for the event's minutes (blocs cannot read awards).
def _event_proposals(event):
    return [
        {"award": p.award_type.name, "recipient": p.recipient_name}
        for p in queries.event_proposals(event)
    ]


contribute(
    "blocs.event_minutes",
    "proposals",
    build=_event_proposals,
    sample=lambda: [{"award": "Cờ thi đua của Bộ", "recipient": "Cục Thông tin KH&CN quốc gia"}],
)
