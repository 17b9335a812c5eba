"""Bulk open data: the datasets below (published awards and decisions, published events' main
facts, units, blocs and their members by year) as CSV (UTF-8 with BOM, neutralised cells) and
JSON, streamed row by row from chunked queries (constant memory), with the licence and a data
dictionary (the page «Dữ liệu mở» explains each column from the same definitions, and says what
the datasets leave out: people and positions, the events' details, the blocs' proposals)."""

import json
from dataclasses import dataclass
from datetime import date, datetime

from django.conf import settings
from django.db.models import OuterRef
from django.http import Http404, StreamingHttpResponse
from django.utils import timezone

from thidua.spreadsheet import csv_response

CHUNK = 2000


@dataclass(frozen=True)
class Column:
    name: str
    description: str
    value: object  # record -> value


@dataclass(frozen=True)
class Dataset:
    slug: str
    title: str
    description: str
    columns: tuple
    records: object  # () -> queryset

    def rows(self):
        for record in self.records().iterator(chunk_size=CHUNK):
            yield [column.value(record) for column in self.columns]


def _awards():
    from awards.models import Award
    from blocs.queries import bloc_name_in_year
    from units.queries import unit_name_in_year

    return (
        Award.objects.public()
        .select_related("award_type", "person", "decision__document", "revoked_by__document")
        .annotate(
            unit_name=unit_name_in_year(OuterRef("year")),
            bloc_name=bloc_name_in_year(OuterRef("year")),
        )
        .order_by("pk")
    )


def _decisions():
    from awards.models import Decision

    return Decision.objects.public().select_related("document").order_by("pk")


def _events():
    from blocs.event_queries import public_events

    return public_events().order_by("pk")


def _units():
    from units.models import Unit

    return Unit.objects.order_by("pk")


def _blocs():
    from blocs.models import Bloc

    return Bloc.objects.order_by("pk")


def _memberships():
    from blocs.models import Membership
    from blocs.queries import bloc_name_in_year
    from units.queries import unit_name_in_year

    return (
        Membership.objects.select_related("bloc_year")
        .annotate(
            unit_name=unit_name_in_year(OuterRef("year")),
            bloc_name=bloc_name_in_year(OuterRef("year"), "bloc_year__bloc"),
        )
        .order_by("pk")
    )


# The open data's own codes of two columns, kept as they were published; the API's codes (the
# model's) are repeated beside them (`ma_vai_tro`, `ma_doi_tuong`) so that both join.
MEMBER_ROLES = {"leader": "khoi_truong", "deputy": "khoi_pho", "member": "thanh_vien"}
RECIPIENT_KINDS = {"unit": "tap_the", "person": "ca_nhan"}


def _recipient_kind(award):
    return "unit" if award.unit_id else "person"


def _recipient(award):
    return award.unit_name if award.unit_id else str(award.person)


def _site_url(path):
    return f"{settings.THIDUA_PUBLIC_BASE_URL}{path}"


AWARD_COLUMNS = (
    Column("id", "Mã khen thưởng trong hệ thống (số nguyên, không đổi).", lambda a: a.pk),
    Column("nam", "Năm thành tích được khen thưởng.", lambda a: a.year),
    Column(
        "loai_khen_thuong", "Tên danh hiệu, hình thức khen thưởng.", lambda a: a.award_type.name
    ),
    Column(
        "cap",
        "Cấp khen thưởng: nha_nuoc (Nhà nước), chinh_phu (Chính phủ), bo (Bộ), co_so (Cơ sở).",
        lambda a: a.award_type.level,
    ),
    Column(
        "doi_tuong",
        "tap_the (tập thể, một đơn vị) hoặc ca_nhan (cá nhân).",
        lambda a: RECIPIENT_KINDS[_recipient_kind(a)],
    ),
    Column(
        "don_vi_id",
        "Mã đơn vị nhận khen thưởng (tập thể); trống với cá nhân.",
        lambda a: a.unit_id,
    ),
    Column("ca_nhan_id", "Mã cá nhân nhận khen thưởng; trống với tập thể.", lambda a: a.person_id),
    Column(
        "ten_doi_tuong", "Tên tập thể (tên trong năm khen thưởng) hoặc họ tên cá nhân.", _recipient
    ),
    Column("khoi_id", "Mã khối thi đua đề nghị (nếu có).", lambda a: a.bloc_id),
    Column(
        "khoi", "Tên khối thi đua đề nghị trong năm khen thưởng (nếu có).", lambda a: a.bloc_name
    ),
    Column("quyet_dinh_id", "Mã quyết định khen thưởng.", lambda a: a.decision_id),
    Column("so_quyet_dinh", "Số, ký hiệu quyết định.", lambda a: a.decision.document.number),
    Column(
        "ngay_quyet_dinh",
        "Ngày ban hành quyết định (YYYY-MM-DD).",
        lambda a: (
            a.decision.document.issued_on.isoformat() if a.decision.document.issued_on else ""
        ),
    ),
    Column("so_thu_tu", "Số thứ tự trong quyết định (số sổ vàng), nếu có.", lambda a: a.ordinal),
    Column(
        "thu_hoi",
        "1 nếu khen thưởng đã bị thu hồi theo quyết định đã công bố, 0 nếu còn hiệu lực.",
        lambda a: int(a.public_revocation is not None),
    ),
    Column(
        "quyet_dinh_thu_hoi",
        "Số quyết định thu hồi (nếu đã thu hồi).",
        lambda a: a.public_revocation.document.number if a.public_revocation else "",
    ),
    Column(
        "ly_do_thu_hoi",
        "Lý do thu hồi (nếu đã thu hồi).",
        lambda a: a.revocation_reason if a.public_revocation else "",
    ),
    Column(
        "ma_doi_tuong",
        "Như cột doi_tuong, theo mã của API (recipient_kind): unit (tập thể) hoặc person (cá nhân).",
        _recipient_kind,
    ),
)

DECISION_COLUMNS = (
    Column("id", "Mã quyết định trong hệ thống.", lambda d: d.pk),
    Column("so", "Số, ký hiệu quyết định.", lambda d: d.document.number),
    Column("trich_yeu", "Trích yếu.", lambda d: d.document.title),
    Column(
        "ngay_ban_hanh",
        "Ngày ban hành (YYYY-MM-DD).",
        lambda d: d.document.issued_on.isoformat() if d.document.issued_on else "",
    ),
    Column("co_quan_ban_hanh", "Cơ quan ban hành.", lambda d: d.document.issuer),
    Column(
        "loai", "grant (khen thưởng) hoặc revoke (thu hồi, hủy bỏ khen thưởng).", lambda d: d.kind
    ),
    Column("nguoi_ky", "Người ký.", lambda d: d.signer_name),
    Column("chuc_vu_nguoi_ky", "Chức vụ người ký.", lambda d: d.signer_title),
)

EVENT_COLUMNS = (
    Column("id", "Mã sự kiện trong hệ thống.", lambda e: e.pk),
    Column("tieu_de", "Tên sự kiện (hội nghị, lễ ký giao ước…).", lambda e: e.title),
    Column("loai", "Loại sự kiện (mã).", lambda e: e.kind),
    Column("khoi_id", "Mã khối thi đua tổ chức.", lambda e: e.bloc_id),
    Column("khoi", "Tên khối trong năm của sự kiện.", lambda e: e.bloc_name),
    Column("tu_nam", "Năm đầu của kỳ thi đua.", lambda e: e.period_start),
    Column("den_nam", "Năm cuối của kỳ thi đua.", lambda e: e.period_end),
    Column(
        "ngay_to_chuc",
        "Ngày tổ chức (YYYY-MM-DD).",
        lambda e: e.held_on.isoformat() if e.held_on else "",
    ),
    Column("duong_dan", "Địa chỉ trang sự kiện.", lambda e: _site_url(e.get_absolute_url())),
    Column(
        "buoi",
        "Buổi tổ chức khi nguồn tin ghi (sang, chieu, toi); trống nếu không rõ.",
        lambda e: e.time_of_day,
    ),
)

UNIT_COLUMNS = (
    Column("id", "Mã đơn vị trong hệ thống.", lambda u: u.pk),
    Column("ten", "Tên đầy đủ hiện nay.", lambda u: u.name),
    Column("ten_viet_tat", "Tên viết tắt.", lambda u: u.short_name),
    Column("loai", "Loại đơn vị (mã).", lambda u: u.kind),
    Column("cap_tren_id", "Mã đơn vị cấp trên (nếu có).", lambda u: u.parent_id),
    Column("hoat_dong_tu", "Hoạt động từ năm.", lambda u: u.active_from),
    Column("hoat_dong_den", "Hoạt động đến năm.", lambda u: u.active_until),
)

BLOC_COLUMNS = (
    Column("id", "Mã khối thi đua trong hệ thống.", lambda b: b.pk),
    Column("ten", "Tên khối hiện nay.", lambda b: b.name),
    Column(
        "co_quan_to_chuc_id", "Mã đơn vị tổ chức khối (hệ thống thi đua).", lambda b: b.organiser_id
    ),
    Column("tu_nam", "Hoạt động từ năm.", lambda b: b.first_year),
    Column("den_nam", "Hoạt động đến năm.", lambda b: b.last_year),
)

MEMBERSHIP_COLUMNS = (
    Column("id", "Mã bản ghi thành viên trong hệ thống.", lambda m: m.pk),
    Column("nam", "Năm thi đua.", lambda m: m.year),
    Column("khoi_id", "Mã khối thi đua.", lambda m: m.bloc_year.bloc_id),
    Column("khoi", "Tên khối trong năm đó.", lambda m: m.bloc_name),
    Column("don_vi_id", "Mã đơn vị thành viên.", lambda m: m.unit_id),
    Column("don_vi", "Tên đơn vị trong năm đó.", lambda m: m.unit_name),
    Column(
        "vai_tro",
        "khoi_truong (khối trưởng), khoi_pho (khối phó) hoặc thanh_vien (thành viên).",
        lambda m: MEMBER_ROLES[m.role],
    ),
    Column(
        "ma_vai_tro",
        "Như cột vai_tro, theo mã của API (role): leader (khối trưởng), deputy (khối phó) hoặc "
        "member (thành viên).",
        lambda m: m.role,
    ),
)

DATASETS = {
    dataset.slug: dataset
    for dataset in [
        Dataset(
            "khen-thuong",
            "Khen thưởng",
            "Mọi khen thưởng theo các quyết định đã công bố (kể cả khen thưởng đã bị thu hồi theo "
            "quyết định đã công bố, có đánh dấu). Không gồm hồ sơ đề nghị đang xét hay ý kiến "
            "thẩm định.",
            AWARD_COLUMNS,
            _awards,
        ),
        Dataset(
            "quyet-dinh",
            "Quyết định khen thưởng",
            "Các quyết định đã công bố.",
            DECISION_COLUMNS,
            _decisions,
        ),
        Dataset(
            "su-kien",
            "Sự kiện",
            "Thông tin chung của các sự kiện đã công bố của khối thi đua (tên, loại, khối, kỳ thi "
            "đua, ngày tổ chức, địa chỉ trang); nội dung chi tiết xem trên trang của sự kiện.",
            EVENT_COLUMNS,
            _events,
        ),
        Dataset("don-vi", "Đơn vị", "Các đơn vị (tập thể) trong hồ sơ.", UNIT_COLUMNS, _units),
        Dataset("khoi", "Khối thi đua", "Các khối thi đua.", BLOC_COLUMNS, _blocs),
        Dataset(
            "thanh-vien-khoi",
            "Thành viên khối theo năm",
            "Các đơn vị của mỗi khối thi đua qua từng năm, với khối trưởng và khối phó.",
            MEMBERSHIP_COLUMNS,
            _memberships,
        ),
    ]
}


def licence() -> dict:
    return {"name": settings.THIDUA_OPEN_DATA_LICENCE, "url": settings.THIDUA_OPEN_DATA_LICENCE_URL}


def licence_line() -> str:
    data = licence()
    return f"Giấy phép: {data['name']} ({data['url']}). Nguồn: {settings.THIDUA_MINISTRY_NAME}."


def dataset(slug) -> Dataset:
    try:
        return DATASETS[slug]
    except KeyError:
        raise Http404("Không có bộ dữ liệu này.") from None


def _filename(ds, fmt, today: date):
    return f"{ds.slug}-{today.isoformat()}.{fmt}"


def _licence_headers(response):
    data = licence()
    response["Link"] = f'<{data["url"]}>; rel="license"'
    response["X-Licence"] = data["name"]
    return response


def csv_download(ds: Dataset):
    today = timezone.localdate()
    response = csv_response([c.name for c in ds.columns], ds.rows(), _filename(ds, "csv", today))
    return _licence_headers(response)


def _json_default(value):
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return str(value)


def json_chunks(ds: Dataset, today: date):
    head = {
        "dataset": ds.slug,
        "title": ds.title,
        "generated_on": today.isoformat(),
        "licence": licence(),
        "licence_line": licence_line(),
        "columns": [{"name": c.name, "description": c.description} for c in ds.columns],
    }
    yield json.dumps(head, ensure_ascii=False)[:-1] + ', "records": ['
    names = [c.name for c in ds.columns]
    first = True
    for values in ds.rows():
        record = json.dumps(
            dict(zip(names, values, strict=True)), ensure_ascii=False, default=_json_default
        )
        yield record if first else "," + record
        first = False
    yield "]}"


def json_download(ds: Dataset):
    today = timezone.localdate()
    response = StreamingHttpResponse(
        json_chunks(ds, today), content_type="application/json; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{_filename(ds, "json", today)}"'
    return _licence_headers(response)
