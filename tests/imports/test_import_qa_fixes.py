"""The QA findings on the Excel imports, as the user meets them on the preview page: decimals
refused instead of read ten times larger, a close name waiting for its confirmation instead of a
false error, the members' import catching what its write would refuse and saying a changed role,
errors under their own column, and booleans, invisible characters and numeric dates told apart."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from awards.models import Award, Nomination
from blocs.models import Membership, Role
from tests.factories import (
    BlocFactory,
    BlocYearFactory,
    MembershipFactory,
    MinistryFactory,
    PersonFactory,
    UnitFactory,
)
from thidua import roles
from thidua.imports import cells, run
from thidua.imports.cells import CellError
from thidua.text import fold
from units.models import Person, Position, Unit

from .conftest import importer, preview, xlsx

pytestmark = pytest.mark.django_db

YEAR = 2025
PROPOSAL_HEADER = ["Loại khen thưởng", "Tập thể", "Cá nhân", "Tóm tắt thành tích"]
PROPOSAL_HEADER += ["Số phiếu đồng ý", "Tổng số phiếu"]
DECISION_HEADER = ["Số quyết định", "Ngày quyết định", "Loại khen thưởng", "Tập thể", "Cá nhân"]
DECISION_HEADER += ["Năm thành tích"]
MEMBERS_HEADER = ["Đơn vị", "Vai trò", "Người đại diện", "Chức vụ người đại diện"]
BANG_KHEN = "Bằng khen của Bộ trưởng"


class World:
    pass


@pytest.fixture
def world(make_user):
    w = World()
    w.bloc = BlocFactory(organiser=MinistryFactory())
    w.bloc_year = BlocYearFactory(bloc=w.bloc, year=YEAR)
    w.leader_unit = UnitFactory(name="Cục Khối Trưởng")
    w.member_unit = UnitFactory(name="Cục Thông tin KH&CN Quốc gia")
    MembershipFactory(bloc_year=w.bloc_year, unit=w.leader_unit, role=Role.LEADER)
    MembershipFactory(bloc_year=w.bloc_year, unit=w.member_unit, role=Role.MEMBER)
    w.leader = make_user(roles.BLOC_LEADER, unit=w.leader_unit)
    w.clerk = make_user(roles.SECRETARIAT)
    return w


def upload(client, kind, rows, **options):
    """The preview page's URL of `rows` uploaded as an .xlsx."""
    file = SimpleUploadedFile("tep.xlsx", xlsx(rows))
    response = client.post(reverse("imports:upload", args=[kind]), {"file": file, **options})
    assert response.status_code == 302, response.content.decode()
    return response["Location"]


def counts(page, error, pending):
    return f'id="count-error">{error}<' in page and f'id="count-pending">{pending}<' in page


# --- 1. decimals are not whole numbers ---------------------------------------------------------


def test_a_decimal_vote_count_is_refused_not_read_ten_times_larger(client, world):
    client.force_login(world.leader)
    rows = [PROPOSAL_HEADER, ["Tập thể lao động xuất sắc", world.member_unit.name, None, "x"]]
    rows[1] += [12.5, 200]
    url = upload(client, "de-nghi-cua-khoi", rows, bloc=world.bloc.pk, year=YEAR)
    page = client.get(url).content.decode()
    assert "Cột «Số phiếu đồng ý»: «12.5» không phải là số nguyên." in page
    assert counts(page, 1, 0) and "Xác nhận và ghi" not in page
    client.post(url, {"action": "confirm"})
    assert not Nomination.objects.exists()


@pytest.mark.parametrize(
    ("typed", "number"),
    [("1.000", 1000), ("20.000", 20000), ("1.000.000", 1000000), ("1 000", 1000), (42, 42)],
)
def test_thousands_separators_still_read_as_thousands(typed, number):
    assert cells.integer(typed) == number


@pytest.mark.parametrize("typed", [12.5, 1.5, "12.5", "1,5", "1.00", "1.0000", "1.000,5"])
def test_decimals_typed_or_stored_are_not_whole_numbers(typed):
    with pytest.raises(CellError, match=f"«{typed}» không phải là số nguyên"):
        cells.integer(typed)


def test_a_decimal_year_is_not_a_year_ten_times_larger():
    with pytest.raises(CellError) as refused:
        cells.year(2015.5)
    assert refused.value.message == "«2015.5» không phải là năm (ghi 4 chữ số, ví dụ 2015)."


# --- 2. a close unit name in a past decision waits for its confirmation ------------------------


def test_a_close_unit_name_in_a_past_decision_is_offered_not_an_error(client, world):
    client.force_login(world.clerk)
    typed = "Cuc Thong tin KH&CN Quoc gi"
    rows = [DECISION_HEADER, ["31/QĐ-BKHCN", "02/01/2016", BANG_KHEN, typed, None, 2015]]
    url = upload(client, "quyet-dinh-cu", rows)
    page = client.get(url).content.decode()
    assert counts(page, 0, 1)
    assert "chọn đúng một" not in page
    assert "dùng «Cục Thông tin KH&amp;CN Quốc gia» cho «Cuc Thong tin KH&amp;CN Quoc gi»" in page
    assert 'name="action" value="review"' in page
    token = f"unit:{fold(typed)}"
    page = client.post(url, {"action": "review", "accept": token}).content.decode()
    assert counts(page, 0, 0) and "Xác nhận và ghi 1 dòng mới" in page
    assert client.post(url, {"action": "confirm", "accept": token}).status_code == 302
    assert Award.objects.get().unit == world.member_unit


# --- 3. the members' preview catches what the write would refuse --------------------------------


def test_an_over_long_representative_title_is_an_error_in_the_preview(client, world):
    client.force_login(world.clerk)
    unit = UnitFactory(name="Cục Mới Vào Khối")
    rows = [MEMBERS_HEADER, [unit.name, "Thành viên", "Nguyễn Văn Đại Diện", "x" * 500]]
    url = upload(client, "thanh-vien-khoi", rows, bloc=world.bloc.pk, year=YEAR)
    page = client.get(url).content.decode()
    assert counts(page, 1, 0)
    assert "Cột «Chức vụ người đại diện»:" in page and "150" in page
    client.post(url, {"action": "confirm"})
    assert not Membership.objects.filter(unit=unit).exists()
    assert not Person.objects.filter(full_name="Nguyễn Văn Đại Diện").exists()


def test_a_title_without_a_representative_is_an_error_not_dropped(client, world):
    client.force_login(world.clerk)
    unit = UnitFactory(name="Cục Mới Vào Khối")
    rows = [MEMBERS_HEADER, [unit.name, "Thành viên", "", "Cục trưởng"]]
    url = upload(client, "thanh-vien-khoi", rows, bloc=world.bloc.pk, year=YEAR)
    page = client.get(url).content.decode()
    assert counts(page, 1, 0)
    assert "Cột «Chức vụ người đại diện»:" in page
    assert "Chức vụ «Cục trưởng» là chức vụ của người đại diện" in page
    client.post(url, {"action": "confirm"})
    assert not Membership.objects.filter(unit=unit).exists()
    assert not Position.objects.filter(unit=unit).exists()


def test_a_refusal_while_writing_members_names_its_row_and_column(clerk, world, monkeypatch):
    unit = UnitFactory(name="Cục Mới Vào Khối")
    rows = [MEMBERS_HEADER, [unit.name, "Thành viên", "Nguyễn Văn Đại Diện", "Cục trưởng"]]

    def refuse(self):
        raise ValidationError({"unit": "Lý do thử nghiệm."})

    monkeypatch.setattr(Membership, "clean", refuse)
    options = {"bloc": world.bloc, "year": YEAR}
    with pytest.raises(run.WriteRefused) as refused:
        run.confirm(importer("thanh-vien-khoi"), xlsx(rows), "tep.xlsx", options, clerk)
    assert refused.value.message == "Dòng 2: «Đơn vị»: Lý do thử nghiệm."
    assert not Person.objects.filter(full_name="Nguyễn Văn Đại Diện").exists()
    assert not Position.objects.exists()


# --- 4. a changed role is said, never silently dropped or applied -------------------------------


def test_a_changed_role_of_a_saved_member_is_noted_and_kept(client, world):
    client.force_login(world.clerk)
    rows = [MEMBERS_HEADER, [world.member_unit.name, "Khối trưởng"], [world.leader_unit.name]]
    url = upload(client, "thanh-vien-khoi", rows, bloc=world.bloc.pk, year=YEAR)
    page = client.get(url).content.decode()
    assert 'id="count-exists">2<' in page
    note = (
        "Vai trò trong tệp «Khối trưởng» khác vai trò đã ghi «Thành viên»: giữ vai trò đã ghi, "
        "sửa trong trang quản trị."
    )
    assert page.count(note) == 1  # the leader's row names no role: nothing to say
    client.post(url, {"action": "confirm"})
    assert Membership.objects.get(unit=world.member_unit).role == Role.MEMBER


# --- 5. errors under their own column -----------------------------------------------------------


def test_vote_errors_are_shown_under_the_vote_columns(clerk, world):
    rows = [PROPOSAL_HEADER, ["Tập thể lao động xuất sắc", world.member_unit.name, None, "x"]]
    rows[1] += [150, 100]
    options = {"bloc": world.bloc, "year": YEAR}
    errors = dict(preview("de-nghi-cua-khoi", xlsx(rows), clerk, options).rows[0].errors)
    assert "không được lớn hơn tổng số phiếu" in errors["Số phiếu đồng ý"]
    assert "Tập thể" not in errors


def test_an_end_year_before_the_start_is_an_error_of_the_end_year(client, clerk):
    unit = UnitFactory.build(active_from=2020, active_until=2010)
    with pytest.raises(ValidationError) as refused:
        unit.full_clean()
    assert refused.value.message_dict == {
        "active_until": ["Năm kết thúc hoạt động phải sau năm bắt đầu."]
    }
    client.force_login(clerk)
    rows = [["Tên đơn vị", "Loại đơn vị", "Hoạt động từ năm", "Hoạt động đến năm"]]
    rows.append(["Vụ Thử Năm", "Vụ", 2020, 2010])
    page = client.get(upload(client, "don-vi", rows)).content.decode()
    assert "Cột «Hoạt động đến năm»: Năm kết thúc hoạt động phải sau năm bắt đầu." in page
    assert "Cột «Tên đơn vị»" not in page
    assert not Unit.objects.filter(name="Vụ Thử Năm").exists()


# --- 6. what the reader lets through ------------------------------------------------------------


def test_a_true_false_cell_is_not_a_name(client, world):
    client.force_login(world.clerk)
    rows = [DECISION_HEADER, ["12/QĐ-BKHCN", "05/01/2016", BANG_KHEN, None, True, 2015]]
    url = upload(client, "quyet-dinh-cu", rows)
    page = client.get(url).content.decode()
    assert "Cột «Cá nhân»: Ô chứa giá trị đúng/sai (TRUE) của Excel, không phải chữ" in page
    assert counts(page, 1, 0)
    client.post(url, {"action": "confirm"})
    assert not Person.objects.filter(full_name="True").exists()


@pytest.mark.parametrize("invisible", ["\u200b", "\u200c", "\u200d", "\ufeff"])
def test_invisible_characters_do_not_make_a_look_alike_person(clerk, invisible):
    person = PersonFactory(full_name="Nguyễn Văn An")
    name = f"{invisible}Nguyễn Văn A{invisible}n"
    rows = [DECISION_HEADER, ["12/QĐ-BKHCN", "05/01/2016", BANG_KHEN, None, name, 2015]]
    plan = run.confirm(importer("quyet-dinh-cu"), xlsx(rows), "tep.xlsx", {}, clerk)
    assert plan.rows[0].created == []  # no «Tạo mới kèm theo: cá nhân …»
    assert Person.objects.get() == person and Award.objects.get().person == person


def test_a_date_stored_as_a_number_says_to_format_the_cell_as_a_date(client, world):
    client.force_login(world.clerk)
    rows = [DECISION_HEADER, ["12/QĐ-BKHCN", 42384, BANG_KHEN, None, "Lê Văn Số", 2015]]
    page = client.get(upload(client, "quyet-dinh-cu", rows)).content.decode()
    assert (
        "Cột «Ngày quyết định»: «42384» là một số, không phải ngày: ô đang được định dạng là số. "
        "Hãy định dạng ô là ngày (Định dạng ô › Ngày) hoặc ghi theo dạng ngày/tháng/năm"
    ) in page
