"""QA pass 3, public pages: photos without a file said so (#5), a reversed date range on the
event list said so (#7), the home page's latest events and the years index /nam/ (#14)."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from blocs.models import EventAttachment
from tests.factories import BlocYearFactory, EventFactory
from tests.html_text import text_of

pytestmark = pytest.mark.django_db

EVENT_2015 = "/su-kien/khoi-tong-cuc-cuc-ban-quy-tong-ket-2015/"
EVENT_2021 = "/su-kien/khoi-van-phong-vien-tong-ket-2021/"


def test_seed_pages_say_what_the_qa_found_missing(client, demo):
    # #5: the seed's photos have captions but no file: said so, never an empty <figure>.
    for url, caption in [
        (EVENT_2015, "Toàn cảnh Hội nghị"),
        (EVENT_2021, "Các đại biểu tham dự Hội nghị"),
    ]:
        response = client.get(url)
        assert "<figure" not in response.content.decode(), url
        assert f"Ảnh trong bài gốc (chưa có tệp ảnh): {caption}" in text_of(response)

    # #7: a reversed date range is refused with the statistics' rule, and said so where the
    # list would be, never «Không có sự kiện nào phù hợp» as if none matched.
    text = text_of(client.get("/su-kien/", {"tu_ngay": "01/01/2016", "den_ngay": "01/01/2015"}))
    assert "«Đến ngày» phải sau hoặc bằng «Từ ngày»." in text
    assert "Chưa lọc được: hãy sửa ô «Đến ngày» theo thông báo ở trên rồi bấm «Lọc»." in text
    assert "Không có sự kiện nào phù hợp" not in text
    text = text_of(client.get("/su-kien/", {"tu_ngay": "01/01/2015", "den_ngay": "31/12/2015"}))
    assert "1 sự kiện." in text and "Chưa lọc được" not in text

    # #14: the home page lists the conferences its lead mentions, newest first.
    text = text_of(client.get("/"))
    latest = text[text.index("Sự kiện mới") :]
    newer = latest.index("Khối thi đua Văn phòng - Viện tổng kết thi đua khen thưởng năm 2021")
    older = latest.index("Hội nghị Tổng kết công tác thi đua Khối Tổng cục, Cục, Ban và Quỹ")
    assert newer < older
    assert "Xem tất cả sự kiện" in latest
    home = client.get("/").content.decode()
    assert f'href="{EVENT_2015}"' in home and f'href="{EVENT_2021}"' in home
    assert 'href="/nam/"' in home

    # #14: /nam/ lists the years with records, each linked to its page.
    response = client.get("/nam/")
    text = text_of(response)
    assert "Các năm có hồ sơ thi đua" in text
    assert "Năm 2021 — 1 khối thi đua" in text and "Năm 2016 — 1 khối thi đua" in text
    for year in (2021, 2016, 2015):
        assert f'href="/nam/{year}/"' in response.content.decode()
        assert '<a href="/nam/">Các năm</a>' in client.get(f"/nam/{year}/").content.decode()


def test_a_photo_with_its_file_is_a_figure(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    event = EventFactory(source="Báo điện tử")
    png = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
    EventAttachment.objects.create(
        event=event, caption="Có ảnh", file=SimpleUploadedFile("a.png", png)
    )
    EventAttachment.objects.create(event=event, caption="Không có ảnh")
    response = client.get(event.get_absolute_url())
    page = response.content.decode()
    assert page.count("<figure") == 1 and "<figcaption>Có ảnh</figcaption>" in page
    assert "Ảnh trong bài gốc (chưa có tệp ảnh): Không có ảnh" in text_of(response)


def test_a_file_without_its_file_is_said_so(client):
    event = EventFactory()
    EventAttachment.objects.create(event=event, caption="Báo cáo tổng kết", is_photo=False)
    text = text_of(client.get(event.get_absolute_url()))
    assert "Báo cáo tổng kết (chưa có tệp)" in text


@pytest.mark.parametrize("n", [2, 20])
def test_home_and_years_index_queries_are_bounded(client, django_assert_max_num_queries, n):
    from blocs.views import HOME_EVENT_LIMIT
    from tests.factories import registry_dataset

    registry_dataset(n)
    events = [EventFactory(title=f"Sự kiện mới thử {i:02d}") for i in range(n)]
    for year in range(2000, 2000 + n):
        BlocYearFactory(year=year)
    with django_assert_max_num_queries(10):
        text = text_of(client.get("/"))
    shown = [e for e in events if e.title in text]
    assert len(shown) == min(n, HOME_EVENT_LIMIT)
    with django_assert_max_num_queries(3):
        text = text_of(client.get("/nam/"))
    assert "Năm 2000 — 1 khối thi đua" in text
    assert f"Năm 2021 — {n} khối thi đua" in text


def test_new_pages_are_in_the_sitemap(client, db):
    xml = client.get("/sitemap-trang.xml").content.decode()
    assert "http://testserver/nam/</loc>" in xml
    assert "http://testserver/ca-nhan/</loc>" in xml
