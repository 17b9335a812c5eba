"""Public event pages: the seeds told in full, drafts hidden everywhere, filters, counters."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from blocs.models import (
    AttendanceKind,
    Event,
    EventKind,
    Figure,
    Honour,
    ReportBehalf,
    Section,
    SectionKind,
)
from tests.factories import (
    AttendanceFactory,
    BlocFactory,
    ElectionFactory,
    EventFactory,
    EventMovementFactory,
    MembershipFactory,
    PledgeFactory,
    ReportFactory,
    SectionFactory,
    UnitFactory,
)
from tests.html_text import main_text
from thidua.panels import panels_for, search_all
from thidua.query_bounds import bound

pytestmark = pytest.mark.django_db


def has_fact(text, fact):
    return " ".join(fact.split()) in text


# --- the seeds ----------------------------------------------------------------------------------

SEED_000_URL = "/su-kien/khoi-van-phong-vien-tong-ket-2021/"
SEED_000_FACTS = [
    "Khối thi đua Văn phòng - Viện tổng kết thi đua khen thưởng năm 2021",
    "Khối thi đua Văn phòng - Viện (gồm 14 đơn vị)",
    "Ngày tổ chức 24/12/2021",
    "04/01/2022 16:43",
    "Công văn số 3395/BKHCN-TĐKT ngày 29/11/2021 của Bộ Khoa học và Công nghệ về việc tổng kết công tác thi đua khen thưởng năm 2021",
    "Hội nghị tổng kết công tác thi đua khen thưởng năm 2021",
    "Lê Ngân Giang, Phó Vụ trưởng Vụ Thi đua - Khen thưởng",
    "Đại diện của 14 đơn vị",
    "Trương Thu Hằng, Phó Chánh Văn phòng Chương trình Nông thôn miền núi, thay mặt Khối thi đua Văn phòng - Viện",
    "Phong trào thi đua «Đổi mới sáng tạo đưa nhanh KH&CN vào cuộc sống»",
    "Chủ đề thi đua «Đoàn kết - kỷ cương - đổi mới sáng tạo, hiệu quả» do Bộ Khoa học và Công nghệ phát động — tiếp tục triển khai",
    "Cuộc vận động «Học tập và làm theo tấm gương đạo đức Hồ Chí Minh»",
    "Chủ trương «Thực hành tiết kiệm, chống lãng phí», theo tinh thần Nghị quyết số 11/NQ-CP ngày 24/02/2011 của Chính phủ",
    "bám sát nhiệm vụ chính trị của các đơn vị trong Khối",
    "nâng cao hiệu lực, hiệu quả quản lý nhà nước về KH&CN",
    "môi trường pháp lý ngày càng thuận lợi và đồng bộ",
    "dân chủ, công khai, công bằng, đúng tiêu chuẩn, đúng mục đích",
    "Phương hướng năm 2022",
    "Phong trào thi đua «KH&CN đồng hành cùng doanh nghiệp» — lồng ghép, triển khai thực hiện hiệu quả",
    "Phong trào thi đua «Cả nước chung tay vì người nghèo»",
    "Tiếp tục triển khai phong trào thi đua trong từng đơn vị và của toàn Khối.",
    "giao lưu, sinh hoạt chuyên đề định kỳ trong Khối",
    "Đề nghị Vụ Thi đua - Khen thưởng: Tiếp tục mở các lớp tập huấn nghiệp vụ",
    "Đề nghị Lãnh đạo Bộ, Hội đồng Thi đua - Khen thưởng của Bộ: Xem xét, khen thưởng các đơn vị do Khối đề xuất",
    "Các đại biểu tham dự Hội nghị",
    "Phó Chánh Văn phòng Chương trình Nông thôn miền núi Trương Thu Hằng phát biểu tại Hội nghị",
    "Nguồn: Văn phòng Chương trình Nông thôn miền núi",
    "Lượt xem: 546",
]

SEED_001_URL = "/su-kien/khoi-tong-cuc-cuc-ban-quy-tong-ket-2015/"
SEED_001_FACTS = [
    "Hội nghị Tổng kết công tác thi đua Khối Tổng cục, Cục, Ban và Quỹ",
    "Sáng ngày 18/12/2015, tại Trụ sở Bộ Khoa học và Công nghệ",
    "Khối thi đua Tổng cục, Cục, Ban và Quỹ (gồm 9 đơn vị)",
    "21/12/2015 15:03",
    "Hội nghị tổng kết công tác thi đua - khen thưởng năm 2015 và phương hướng nhiệm vụ công tác thi đua năm 2016",
    "Trần Văn Tùng, Thứ trưởng Bộ KH&CN",
    "Lê Ngân Giang, Phó Vụ trưởng Vụ Thi đua - Khen thưởng (Bộ KH&CN)",
    "Đại diện lãnh đạo và chuyên viên phụ trách công tác thi đua, khen thưởng của 9 đơn vị",
    "Phạm Hồng Quất, Cục trưởng Cục Phát triển thị trường và doanh nghiệp KH&CN, Khối trưởng Khối thi đua Tổng cục, Cục, Ban và Quỹ năm 2015, thay mặt Khối thi đua Tổng cục, Cục, Ban và Quỹ",
    "Báo cáo tổng kết công tác thi đua, khen thưởng năm 2015",
    "8 văn bản cấp Chính phủ được soạn thảo và trình ban hành",
    "1 Nghị định",
    "6 Quyết định của Thủ tướng Chính phủ (trong đó 2 quyết định đã được ký ban hành)",
    "1 Chỉ thị của Thủ tướng Chính phủ",
    "26 Thông tư",
    "7 Thông tư đã ban hành (trong đó có 2 Thông tư liên tịch)",
    "2 Thông tư sửa đổi",
    "hàng trăm lượt văn bản quy phạm pháp luật của các Bộ, ngành",
    "đưa các văn bản đã ban hành vào cuộc sống",
    "tiêu chuẩn đo lường chất lượng; sở hữu trí tuệ; năng lượng nguyên tử; ứng dụng và phát triển công nghệ; phát triển thị trường và doanh nghiệp KH&CN; an toàn bức xạ hạt nhân; thông tin KH&CN; quỹ phát triển KH&CN; quản lý Khu công nghệ cao Hòa Lạc",
    "Về công tác thi đua, khen thưởng Có chuyển biến rõ rệt",
    "Nội dung và phương pháp tổ chức phong trào thi đua chưa đáp ứng yêu cầu thực tiễn.",
    "Công tác chỉ đạo, đôn đốc phong trào thi đua chưa thường xuyên, liên tục.",
    "Việc phát hiện, bồi dưỡng và nhân rộng các điển hình tiên tiến chưa kịp thời.",
    "chưa nhận thức đầy đủ về vai trò và tầm quan trọng của công tác thi đua khen thưởng",
    "chưa thật sự quan tâm công tác chỉ đạo thi đua khen thưởng",
    "Cán bộ làm công tác thi đua khen thưởng còn kiêm nhiệm.",
    "Phát biểu của Lê Ngân Giang, Phó Vụ trưởng Vụ Thi đua - Khen thưởng, đại diện Lãnh đạo Vụ",
    "Khối tổ chức thành công Hội nghị điển hình tiên tiến của Khối.",
    "Ngày hội giao lưu văn nghệ, thể thao của Khối tại Ban Quản lý Khu Công nghệ cao Hòa Lạc",
    "Phương hướng năm 2016",
    "Khẩu hiệu «HỢP TÁC–SÁNG TẠO–HỘI NHẬP–THÀNH CÔNG»",
    "Cuộc vận động «Học tập và làm theo tấm gương đạo đức Hồ Chí Minh» — tích cực đẩy mạnh",
    "hoàn thành xuất sắc nhiệm vụ chính trị được giao",
    "Tuyên truyền sâu rộng Luật KH&CN năm 2013.",
    "phong trào văn hóa, văn nghệ, thể thao nhằm tạo sự gắn kết giữa các đơn vị trong Khối",
    "Kết luận của Trần Văn Tùng, Thứ trưởng Bộ KH&CN",
    "Biểu dương sự chỉ đạo sát sao của Lãnh đạo các đơn vị trong Khối",
    "gắn kết hơn trong thực hiện các nhiệm vụ chính trị",
    "gắn công tác thi đua với các sự kiện của các đơn vị, của Bộ KH&CN và của Nhà nước",
    "Các đơn vị thuộc khối đã ký giao ước thi đua năm 2016 ngày 18/12/2015",
    "Khối trưởng năm 2016 Ban Quản lý Khu Công nghệ cao Hòa Lạc",
    "Khối phó năm 2016 Quỹ Phát triển KH&CN quốc gia",
    "Toàn cảnh Hội nghị",
    "Đồng chí Phạm Hồng Quất, Cục trưởng Cục Phát triển thị trường và doanh nghiệp KH&CN báo cáo tại Hội nghị",
    "Các đại biểu chụp ảnh lưu niệm sau Hội nghị",
    "Lượt xem: 1328",
]


@pytest.fixture
def demo(db):
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115


@pytest.mark.parametrize(
    ("url", "facts"), [(SEED_000_URL, SEED_000_FACTS), (SEED_001_URL, SEED_001_FACTS)]
)
def test_seed_event_page_tells_every_fact(demo, client, url, facts):
    response = client.get(url)
    assert response.status_code == 200
    text = main_text(response)
    missing = [fact for fact in facts if not has_fact(text, fact)]
    assert not missing, missing


def test_loading_the_demo_twice_changes_nothing(demo):
    counts = {model: model.objects.count() for model in [Event, Section, Figure]}
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert counts == {model: model.objects.count() for model in counts}


def test_seed_elections_are_next_years_memberships(demo):
    from blocs.queries import holder

    bloc = Event.objects.get(slug="khoi-tong-cuc-cuc-ban-quy-tong-ket-2015").bloc
    assert holder(bloc, 2016).unit.slug == "ban-quan-ly-khu-cong-nghe-cao-hoa-lac"
    assert holder(bloc, 2016, "deputy").unit.slug == "quy-phat-trien-khcn-quoc-gia"


def test_seed_events_are_found_without_diacritics(demo, client):
    response = client.get("/tim-kiem/", {"q": "tong cuc cuc ban quy"})
    assert "Hội nghị Tổng kết công tác thi đua Khối Tổng cục, Cục, Ban và Quỹ" in main_text(
        response
    )


# --- drafts are invisible to the public ---------------------------------------------------------


@pytest.fixture
def draft_and_scheduled(db):
    bloc = BlocFactory()
    unit = UnitFactory()
    draft = EventFactory(
        bloc=bloc, title="Bản nháp chưa công khai Hòa Lạc", is_published=False, published_at=None
    )
    scheduled = EventFactory(
        bloc=bloc,
        title="Sắp đăng Hòa Lạc",
        published_at=timezone.now() + datetime.timedelta(days=2),
    )
    for event in (draft, scheduled):
        AttendanceFactory(event=event, unit=unit)
    public = EventFactory(bloc=bloc, title="Đã công khai Hòa Lạc")
    AttendanceFactory(event=public, unit=unit)
    return bloc, unit, draft, scheduled, public


def test_unpublished_event_page_is_404_for_the_public(client, draft_and_scheduled):
    *_, draft, scheduled, public = draft_and_scheduled
    assert client.get(draft.get_absolute_url()).status_code == 404
    assert client.get(scheduled.get_absolute_url()).status_code == 404
    assert client.get(public.get_absolute_url()).status_code == 200
    draft.refresh_from_db()
    assert draft.view_count == 0


def test_unpublished_events_are_absent_from_list_panels_and_search(client, draft_and_scheduled):
    bloc, unit, draft, scheduled, public = draft_and_scheduled
    hidden = [draft.title, scheduled.title]
    listing = main_text(client.get("/su-kien/"))
    assert public.title in listing and not any(title in listing for title in hidden)
    request = RequestFactory().get("/")
    for page, obj in [("year", 2021), ("bloc", bloc), ("unit", unit)]:
        panels = [p for p in panels_for(page, obj, request) if "events" in p.context]
        shown = [e.title for p in panels for e in p.context["events"]]
        assert public.title in shown, page
        assert not set(hidden) & set(shown), page
    found = [hit["title"] for group in search_all("hoa lac", request, 20) for hit in group.hits]
    assert public.title in found and not set(hidden) & set(found)
    assert draft.slug not in client.get(public.get_absolute_url()).content.decode()


def test_staff_may_preview_a_draft_marked_as_such(client, clerk, draft_and_scheduled):
    *_, draft, _, _ = draft_and_scheduled
    client.force_login(clerk)
    response = client.get(draft.get_absolute_url())
    assert response.status_code == 200
    assert "Bản nháp: sự kiện chưa được công khai" in main_text(response)


def test_unknown_slug_is_404(client, db):
    assert client.get("/su-kien/khong-co-su-kien-nay/").status_code == 404


# --- counter and cache --------------------------------------------------------------------------


def test_each_counted_view_adds_one_and_the_page_is_cached_like_the_others(client, settings, db):
    settings.PAGE_CACHE_ENABLED = True
    event = EventFactory(view_count=5)
    first = client.get(event.get_absolute_url())
    second = client.get(event.get_absolute_url())
    assert (first["X-Page-Cache"], second["X-Page-Cache"]) == ("miss", "hit")
    counter = f"/su-kien/{event.slug}/luot-xem/"
    assert f'data-view-count-url="{counter}"' in second.content.decode()
    assert "Lượt xem: 5" in main_text(second)
    assert client.post(counter, REMOTE_ADDR="203.0.113.1").json()["views"] == 6
    assert client.post(counter, REMOTE_ADDR="203.0.113.2").json()["views"] == 7
    event.refresh_from_db()
    assert event.view_count == 7
    # Counting is not a change of content: the cached page stays cached.
    assert client.get(event.get_absolute_url())["X-Page-Cache"] == "hit"
    assert not client.cookies.get("sessionid")


def test_a_visitor_is_counted_once_per_window_however_often_they_post(client, db):
    """A script posting again and again from one address cannot raise the public figure; the
    same address is counted again for another event."""
    event, other = EventFactory(view_count=1328), EventFactory(view_count=0)
    counter = f"/su-kien/{event.slug}/luot-xem/"
    assert [client.post(counter).json()["views"] for _ in range(3)] == [1329, 1329, 1329]
    assert client.post(f"/su-kien/{other.slug}/luot-xem/").json()["views"] == 1
    event.refresh_from_db()
    assert event.view_count == 1329


def test_only_a_published_event_is_counted_and_only_by_post(client, draft_and_scheduled):
    *_, draft, scheduled, public = draft_and_scheduled
    for hidden in (draft, scheduled):
        assert client.post(f"/su-kien/{hidden.slug}/luot-xem/").status_code == 404
        hidden.refresh_from_db()
        assert hidden.view_count == 0
    assert client.get(f"/su-kien/{public.slug}/luot-xem/").status_code == 405
    assert client.post("/su-kien/khong-co/luot-xem/").status_code == 404


# --- events list --------------------------------------------------------------------------------


@pytest.fixture
def listed(db):
    bloc_a = BlocFactory(slug="khoi-a")
    bloc_b = BlocFactory(slug="khoi-b")
    return {
        "summary_2021": EventFactory(bloc=bloc_a, title="Tổng kết A 2021"),
        "midyear_2021": EventFactory(
            bloc=bloc_b,
            title="Sơ kết B 2021",
            kind=EventKind.MID_YEAR,
            held_on=datetime.date(2021, 7, 10),
        ),
        "model_2015_2019": EventFactory(
            bloc=bloc_b,
            title="Điển hình tiên tiến B 2015–2019",
            kind=EventKind.ADVANCED_MODEL,
            period_start=2015,
            period_end=2019,
            held_on=datetime.date(2019, 11, 5),
        ),
    }


def listed_titles(client, params):
    text = main_text(client.get("/su-kien/", params))
    return {
        t
        for t in ["Tổng kết A 2021", "Sơ kết B 2021", "Điển hình tiên tiến B 2015–2019"]
        if t in text
    }


def test_list_filters_by_date_range(client, listed):
    assert listed_titles(client, {"tu_ngay": "01/07/2021", "den_ngay": "31/07/2021"}) == {
        "Sơ kết B 2021"
    }
    assert listed_titles(client, {"tu_ngay": "01/01/2021"}) == {"Tổng kết A 2021", "Sơ kết B 2021"}
    assert listed_titles(client, {"den_ngay": "31/12/2020"}) == {"Điển hình tiên tiến B 2015–2019"}


def test_list_refuses_a_reversed_date_range_with_a_message(client, listed):
    response = client.get("/su-kien/", {"tu_ngay": "31/12/2021", "den_ngay": "01/01/2021"})
    assert response.status_code == 200
    assert "«Đến ngày» phải sau hoặc bằng «Từ ngày»." in main_text(response)


def test_list_filters_by_kind_bloc_and_year(client, listed):
    assert listed_titles(client, {"loai": "so_ket"}) == {"Sơ kết B 2021"}
    assert listed_titles(client, {"khoi": "khoi-a"}) == {"Tổng kết A 2021"}
    assert listed_titles(client, {"nam": "2017"}) == {"Điển hình tiên tiến B 2015–2019"}
    assert listed_titles(client, {"khoi": "khoi-b", "nam": "2021"}) == {"Sơ kết B 2021"}


def test_list_is_paginated(client, db):
    bloc = BlocFactory()
    for day in range(1, 26):
        EventFactory(
            bloc=bloc, title=f"Sự kiện ngày {day:02d}", held_on=datetime.date(2021, 12, day)
        )
    first = main_text(client.get("/su-kien/"))
    second = main_text(client.get("/su-kien/", {"trang": 2}))
    assert "25 sự kiện." in first and "Trang 1 / 2" in first
    assert "Sự kiện ngày 25" in first and "Sự kiện ngày 05" not in first
    assert "Sự kiện ngày 05" in second and "Sự kiện ngày 06" not in second


# --- query counts stay constant as data grows ---------------------------------------------------


def rich_event(n):
    event = EventFactory()
    for i in range(n):
        unit = UnitFactory()
        AttendanceFactory(event=event, unit=unit, kind=AttendanceKind.REPRESENTATIVE)
        SectionFactory(event=event, kind=SectionKind.RESULTS)
        SectionFactory(event=event, kind=SectionKind.DIRECTIONS)
        EventMovementFactory(event=event)
        parent = Figure.objects.create(event=event, label=f"văn bản {i}", value=i)
        Figure.objects.create(event=event, parent=parent, label=f"Thông tư {i}", value=1)
    MembershipFactory(bloc_year__bloc=event.bloc, bloc_year__year=2021)
    ElectionFactory(event=event)
    return event


# One query for the event, one per kind of record (13, pledges' commitments and signatories
# included), the honours' awards: a constant number, whatever the event holds. A render is paid
# once per change: the public page is served from the cache (the view is counted apart).
EVENT_PAGE_QUERIES = bound("blocs:event")


def queries_of(client, path):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return len(queries)


def test_event_page_queries_are_constant_whatever_the_event_holds(client, db):
    counts = {queries_of(client, e.get_absolute_url()) for e in [EventFactory(), rich_event(3)]}
    counts.add(queries_of(client, rich_event(30).get_absolute_url()))
    assert len(counts) == 1 and counts.pop() <= EVENT_PAGE_QUERIES


def test_fully_recorded_seed_event_queries_are_bounded(client, demo, django_assert_max_num_queries):
    """Every kind of record at once (the 2015 seed event), units named in the same queries."""
    with django_assert_max_num_queries(EVENT_PAGE_QUERIES):
        response = client.get("/su-kien/khoi-tong-cuc-cuc-ban-quy-tong-ket-2015/")
    assert response.status_code == 200


def test_records_read_with_the_event_keep_their_order_and_exact_values(client, db):
    """Sections and figures keep their order, and numbers are exact."""
    event = EventFactory()
    SectionFactory(event=event, text="Đoạn thứ hai.", order=2)
    SectionFactory(event=event, text="Đoạn thứ nhất.", order=1)
    parent = Figure.objects.create(event=event, label="đề tài", value="12345678901.25", order=2)
    Figure.objects.create(event=event, parent=parent, label="cấp Bộ", value="0.5", order=1)
    Figure.objects.create(event=event, label="hội thảo", value=3, order=1)
    text = main_text(client.get(event.get_absolute_url()))
    assert text.index("Đoạn thứ nhất.") < text.index("Đoạn thứ hai.")
    assert text.index("3 hội thảo") < text.index("12345678901,25 đề tài") < text.index("0,5 cấp Bộ")


@pytest.mark.parametrize("n", [3, 30])
def test_event_list_queries_are_bounded(client, django_assert_max_num_queries, n):
    for _ in range(n):
        EventFactory()
    with django_assert_max_num_queries(6):
        response = client.get("/su-kien/", {"tu_ngay": "01/01/2021", "nam": "2021"})
    assert response.status_code == 200


@pytest.mark.parametrize("n", [3, 30])
def test_panels_and_search_queries_are_bounded(django_assert_max_num_queries, n):
    bloc, unit = BlocFactory(), UnitFactory()
    for _ in range(n):
        AttendanceFactory(event=EventFactory(bloc=bloc, title="Hội nghị Hòa Lạc"), unit=unit)
    request = RequestFactory().get("/")
    # Every app's panels and search providers together; the bound holds whatever n is.
    # 20: the awards of the year and of the bloc, the blocs a unit organises, and the decision
    # and document search providers joined the panels of other apps. 23: the award panels of
    # the year, bloc and unit count the proposals still waiting, in the awards' query, or (as
    # here, without awards) in one query of their own instead of the revoking decisions'.
    with django_assert_max_num_queries(23):
        panels_for("year", 2021, request)
        panels_for("bloc", bloc, request)
        panels_for("unit", unit, request)
        search_all("hoa lac", request, 20)


# --- contracts with the other pages -------------------------------------------------------------


def test_panels_registered_for_the_event_page_are_rendered(client, db, settings, tmp_path):
    from thidua import panels

    (tmp_path / "test_event_panel.html").write_text(
        "<section>Đề nghị khen thưởng tại {{ panel.context.event.title }}</section>",
        encoding="utf-8",
    )
    settings.TEMPLATES = [
        {**settings.TEMPLATES[0], "DIRS": [*settings.TEMPLATES[0]["DIRS"], tmp_path]}
    ]

    def proposals(event, request):
        return panels.Panel(template="test_event_panel.html", context={"event": event})

    panels.register_panel("event")(proposals)
    try:
        event = EventFactory(title="Hội nghị có đề nghị")
        text = main_text(client.get(event.get_absolute_url()))
    finally:
        panels._panels["event"].remove(proposals)
    assert "Đề nghị khen thưởng tại Hội nghị có đề nghị" in text


def test_unit_panel_lists_events_of_the_blocs_the_unit_belonged_to(db):
    membership = MembershipFactory(bloc_year__year=2021)
    event = EventFactory(bloc=membership.bloc_year.bloc, title="Tổng kết của khối")
    EventFactory(
        bloc=membership.bloc_year.bloc,
        title="Năm khác",
        period_start=2019,
        period_end=2019,
        held_on=datetime.date(2019, 12, 1),
    )
    [panel] = [
        p
        for p in panels_for("unit", membership.unit, RequestFactory().get("/"))
        if "events" in p.context
    ]
    assert [e.title for e in panel.context["events"]] == [event.title]


def test_unit_panel_lists_events_that_name_the_unit_in_any_kind_of_record(db):
    unit = UnitFactory()
    events = {
        title: EventFactory(title=title, held_on=datetime.date(2021, 12, day))
        for day, title in enumerate(
            ["Dự họp", "Báo cáo", "Được bầu", "Ký giao ước", "Được tôn vinh", "Không liên quan"],
            start=1,
        )
    }
    AttendanceFactory(event=events["Dự họp"], kind=AttendanceKind.REPRESENTATIVE, unit=unit)
    ReportFactory(event=events["Báo cáo"], behalf=ReportBehalf.UNIT, unit=unit)
    ElectionFactory(event=events["Được bầu"], unit=unit)
    pledge = PledgeFactory(bloc=events["Ký giao ước"].bloc, event=events["Ký giao ước"])
    pledge.signatories.add(unit)
    Honour.objects.create(event=events["Được tôn vinh"], unit=unit, award_text="Bằng khen")
    AttendanceFactory(event=events["Không liên quan"], unit=UnitFactory())
    [panel] = [
        p for p in panels_for("unit", unit, RequestFactory().get("/")) if "events" in p.context
    ]
    assert [e.title for e in panel.context["events"]] == [
        "Được tôn vinh",
        "Ký giao ước",
        "Được bầu",
        "Báo cáo",
        "Dự họp",
    ]


def test_unit_panel_is_absent_when_the_unit_has_no_events(db):
    unit = UnitFactory()
    assert not [
        p for p in panels_for("unit", unit, RequestFactory().get("/")) if "events" in p.context
    ]


def test_member_count_comes_from_the_bloc_year_when_the_event_does_not_state_it(client, db):
    membership = MembershipFactory(bloc_year__year=2021, bloc_year__member_count=None)
    MembershipFactory(bloc_year=membership.bloc_year)
    event = EventFactory(bloc=membership.bloc_year.bloc, member_count=None)
    assert "(gồm 2 đơn vị)" in main_text(client.get(event.get_absolute_url()))
    event.member_count = 14
    event.save()
    assert "(gồm 14 đơn vị)" in main_text(client.get(event.get_absolute_url()))


@pytest.mark.parametrize(
    "params, message",
    [
        ({"nam": "2015.5"}, "Nhập một số nguyên."),
        ({"nam": "1800"}, "Giá trị phải lớn hơn hoặc bằng 1945."),
        ({"nam": "2200"}, "Giá trị phải nhỏ hơn hoặc bằng 2100."),
    ],
)
def test_the_year_filter_of_events_takes_a_whole_year_in_range(client, db, params, message):
    page = client.get("/su-kien/", params).content.decode()
    assert message in page


@pytest.mark.parametrize(
    "params", [{"nam": "9999"}, {"nam": "abc"}, {"tu_ngay": "31/02/2015"}, {"nam": "2015.5"}]
)
def test_a_filter_that_cannot_be_read_lists_no_event_and_says_why(client, db, params):
    EventFactory(title="Hội nghị luôn có mặt")
    page = client.get("/su-kien/", params).content.decode()
    assert "0 sự kiện." in page and "Hội nghị luôn có mặt" not in page
    assert 'class="message message-error"' in page
    assert "Hội nghị luôn có mặt" in client.get("/su-kien/").content.decode()


def test_list_says_a_day_missing_from_the_calendar_is_missing(client, listed):
    response = client.get("/su-kien/", {"tu_ngay": "31/02/2021"})
    assert response.status_code == 200
    assert "Ngày 31/02/2021 không có trong lịch." in main_text(response)


def test_a_demo_movement_recorded_under_another_kind_is_corrected_not_doubled(db):
    """A database loaded before the data files called «Thực hành tiết kiệm, chống lãng phí» a
    policy, not a campaign: loading the demo again corrects the kind, it adds no second row."""
    from blocs.models import Movement, MovementKind

    call_command("load_demo", stdout=io.StringIO())
    name = "Thực hành tiết kiệm, chống lãng phí"
    Movement.objects.filter(name=name).update(kind=MovementKind.CAMPAIGN)
    call_command("load_demo", stdout=io.StringIO())
    assert list(Movement.objects.filter(name=name).values_list("kind", flat=True)) == [
        MovementKind.POLICY
    ]
