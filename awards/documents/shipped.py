"""The Word templates that ship with the awards app, written with thidua.paper.nd30 (run
`manage.py build_document_templates` after changing this module and commit the .docx files).
An administrator replaces any of them with an edited copy (thidua.models.DocumentTemplate)."""

from docx.enum.text import WD_BREAK

from thidua.paper.nd30 import (
    CENTER,
    JUSTIFY,
    heading_block,
    loop_table,
    new_document,
    paragraph,
    signature_block,
    title_block,
)


def _head(document):
    heading_block(
        document,
        superior="{{ superior|upper }}",
        issuer="{{ issuer|upper }}",
        number="{{ number }}",
        place_date="{{ place_date }}",
    )


def _page_break(document):
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def submission(path):
    """Tờ trình đề nghị khen thưởng, then its list (danh sách) on a new page."""
    document = new_document()
    _head(document)
    title_block(document, "Tờ trình", "{{ subject }}")
    paragraph(document, "Kính gửi: {{ addressee }}", align=CENTER)
    paragraph(document, "{{ intro }}", align=JUSTIFY)
    paragraph(document, "{{ issuer_name }} kính trình {{ total }} trường hợp, cụ thể:")
    paragraph(document, "{%p for t in totals %}")
    paragraph(document, "- {{ t.award }}: {{ t.count }}")
    paragraph(document, "{%p endfor %}")
    paragraph(document, "(Có danh sách kèm theo)", italic=True)
    paragraph(document, "Kính trình {{ addressee }} xem xét, quyết định./.", align=JUSTIFY)
    signature_block(
        document,
        recipients_note="- Như trên;\n- Lưu: VT.",
        title="{{ signer_title }}",
        name="{{ signer_name }}",
    )
    _page_break(document)
    paragraph(document, "DANH SÁCH", bold=True, align=CENTER)
    paragraph(document, "{{ list_title }}", bold=True, align=CENTER)
    paragraph(document, "(Kèm theo Tờ trình số {{ number }})", italic=True, align=CENTER)
    document.add_paragraph()
    loop_table(
        document,
        ["STT", "Tên tập thể, cá nhân", "Hình thức, danh hiệu", "Năm", "Tóm tắt thành tích"],
        [
            "{{ row.no }}",
            "{{ row.recipient }}",
            "{{ row.award }}",
            "{{ row.year }}",
            "{{ row.achievements }}",
        ],
        loop="row in rows",
        widths_mm=[12, 50, 45, 15, 43],
    )
    paragraph(document, "Tổng cộng: {{ total }} trường hợp.", bold=True)
    document.save(path)


def council_minutes(path):
    document = new_document()
    _head(document)
    title_block(document, "Biên bản", "Họp Hội đồng Thi đua - Khen thưởng ngày {{ held_on }}")
    paragraph(
        document,
        "Hôm nay, ngày {{ held_on }}, {{ council }} họp xét {{ total }} hồ sơ đề nghị khen "
        "thưởng. Hội đồng có {{ council_size }} thành viên, có mặt {{ present }} thành viên. "
        "Hội đồng bỏ phiếu kín; kết quả kiểm phiếu như sau:",
        align=JUSTIFY,
    )
    loop_table(
        document,
        [
            "STT",
            "Tập thể, cá nhân",
            "Hình thức, danh hiệu",
            "Thành viên",
            "Có mặt",
            "Đồng ý",
            "Không đồng ý",
            "Tỷ lệ (%)",
            "Ngưỡng (%)",
            "Kết quả",
        ],
        [
            "{{ row.no }}",
            "{{ row.recipient }}",
            "{{ row.award }} năm {{ row.year }}",
            "{{ row.council_size }}",
            "{{ row.present }}",
            "{{ row.votes_for }}",
            "{{ row.votes_against }}",
            "{{ row.percent }} (trên {{ row.base }})",
            "{{ row.threshold }}",
            "{{ row.result }}",
        ],
        loop="row in rows",
        widths_mm=[9, 33, 30, 13, 12, 12, 13, 20, 13, 15],
        size=10,
    )
    paragraph(
        document,
        "Kết quả: {{ passed }} hồ sơ đạt tỷ lệ phiếu theo quy định, {{ failed }} hồ sơ không "
        "đạt. Căn cứ: {{ rules }}.",
        align=JUSTIFY,
    )
    paragraph(document, "Biên bản lập xong hồi … giờ … cùng ngày./.", align=JUSTIFY)
    signature_block(document, title="CHỦ TỊCH HỘI ĐỒNG", name="{{ chair_name }}")
    document.save(path)


def decision_annex(path):
    document = new_document()
    paragraph(document, "DANH SÁCH", bold=True, align=CENTER)
    paragraph(document, "{{ list_title }}", bold=True, align=CENTER)
    paragraph(
        document,
        "(Kèm theo Quyết định số {{ decision_number }} ngày {{ decision_date }} của {{ issuer }})",
        italic=True,
        align=CENTER,
    )
    paragraph(document, "―――――", size=10, align=CENTER)
    loop_table(
        document,
        # The number is the recipient's STT in the decision, which the certificate prints as
        # its «Số sổ vàng» (NĐ 98/2023 Điều 104): the header names both.
        ["STT (số sổ vàng)", "Tên tập thể, cá nhân", "Hình thức, danh hiệu", "Năm", "Hạng, mức"],
        [
            "{{ row.no }}",
            "{{ row.recipient }}{% if row.position %}, {{ row.position }}{% endif %}",
            "{{ row.award }}",
            "{{ row.year }}",
            "{{ row.prize_rank }}{% if row.revoked %} ({{ row.revoked }}){% endif %}",
        ],
        loop="row in rows",
        widths_mm=[20, 65, 50, 15, 15],
        size=12,
    )
    paragraph(document, "Danh sách có {{ total }} tập thể, cá nhân./.", bold=True)
    document.save(path)


def achievement_report(path):
    """Báo cáo thành tích (NĐ 98/2023, Phụ lục), pre-filled with what the records hold."""
    document = new_document()
    _head(document)
    title_block(document, "Báo cáo thành tích", "Đề nghị tặng {{ award }} năm {{ year }}")
    paragraph(document, "Tên {{ recipient_kind }}: {{ recipient }}", bold=True)
    paragraph(document, "{{ recipient_detail }}")
    paragraph(document, "I. {{ intro_heading }}", bold=True)
    paragraph(document, "…", align=JUSTIFY)
    paragraph(document, "II. THÀNH TÍCH ĐẠT ĐƯỢC", bold=True)
    paragraph(document, "{{ achievements }}", align=JUSTIFY)
    paragraph(document, "III. CÁC HÌNH THỨC KHEN THƯỞNG ĐÃ ĐƯỢC GHI NHẬN", bold=True)
    loop_table(
        document,
        ["Năm", "Hình thức, danh hiệu", "Số, ngày quyết định", "Cơ quan ban hành"],
        ["{{ row.year }}", "{{ row.award }}", "{{ row.decision }}", "{{ row.issuer }}"],
        loop="row in earlier_awards",
        widths_mm=[15, 60, 50, 40],
        size=12,
    )
    paragraph(document, "(Các năm thành tích: {{ years }})", italic=True)
    signature_block(document, title="{{ signer_title }}", name="{{ signer_name }}")
    document.save(path)
