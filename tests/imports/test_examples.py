"""Every example file imports into an empty database (units → members → proposals → decision),
re-importing creates nothing, and every created record's history names the import and person."""

import io

import pytest
from openpyxl import load_workbook

from awards.models import Award, Nomination, Status
from blocs.models import Bloc, Membership, Role
from tests.factories import BlocFactory
from thidua.imports import workbook
from units.models import Person, Unit

from .conftest import confirm, example_bytes, importer, preview

pytestmark = pytest.mark.django_db


def _seed_bloc():
    ministry = Unit.objects.get(name="Bộ Khoa học và Công nghệ")
    return BlocFactory(
        name="Khối thi đua Tổng cục, Cục, Ban và Quỹ", slug="khoi-tcbq", organiser=ministry
    )


def test_every_example_imports_into_an_empty_database_and_again_creates_nothing(clerk):
    confirm("don-vi", example_bytes("don-vi"), clerk, filename="don-vi.xlsx")
    assert Unit.objects.count() == 8
    vu = Unit.objects.get(name="Vụ Thi đua - Khen thưởng")
    assert vu.parent.name == "Bộ Khoa học và Công nghệ" and vu.short_name == "Vụ TĐKT"
    entry = vu.history.get()
    assert entry.history_change_reason.startswith("Nhập từ Excel (đơn vị): don-vi.xlsx")
    assert entry.history_user == clerk

    options = {"bloc": _seed_bloc(), "year": 2015}
    confirm("thanh-vien-khoi", example_bytes("thanh-vien-khoi"), clerk, options)
    members = Membership.objects.filter(bloc_year__bloc=options["bloc"], year=2015)
    assert members.count() == 5
    leader = members.get(role=Role.LEADER)
    assert leader.unit.name == "Cục Phát triển thị trường và doanh nghiệp KH&CN"
    assert leader.representative.full_name == "Phạm Hồng Quất"
    assert leader.representative.positions.get().title == "Cục trưởng"

    confirm("de-nghi-cua-khoi", example_bytes("de-nghi-cua-khoi"), clerk, options)
    drafts = Nomination.objects.filter(bloc=options["bloc"], year=2015)
    assert drafts.count() == 4
    assert set(drafts.values_list("status", flat=True)) == {Status.DRAFT}
    draft = drafts.first()
    assert draft.created_by == clerk and draft.is_historical
    assert draft.transitions.get().action == "create"  # through services.save_draft
    assert draft.history.get().history_user == clerk

    confirm("quyet-dinh-cu", example_bytes("quyet-dinh-cu"), clerk)
    awards = Award.objects.filter(is_historical=True)
    assert awards.count() == 2
    assert {a.person.full_name for a in awards} == {"Nguyễn Văn A", "Trần Thị B"}
    assert awards.first().decision.document.number == "01/QĐ-VIDU"

    counts = {
        "units": Unit.objects.count(),
        "people": Person.objects.count(),
        "members": Membership.objects.count(),
        "nominations": Nomination.objects.count(),
        "awards": Award.objects.count(),
    }
    for kind, opts in [
        ("don-vi", {}),
        ("thanh-vien-khoi", options),
        ("de-nghi-cua-khoi", options),
        ("quyet-dinh-cu", {}),
    ]:
        plan = preview(kind, example_bytes(kind), clerk, opts)
        assert not plan.blocked
        assert plan.counts["create"] == 0 and plan.counts["exists"] == len(plan.rows)
        confirm(kind, example_bytes(kind), clerk, opts)
    assert counts == {
        "units": Unit.objects.count(),
        "people": Person.objects.count(),
        "members": Membership.objects.count(),
        "nominations": Nomination.objects.count(),
        "awards": Award.objects.count(),
    }


def test_the_examples_hold_the_demo_seeds_facts(demo, clerk):
    """Imported into the demo database, the units, members and proposals are all found."""
    bloc = Bloc.objects.get(slug="khoi-tong-cuc-cuc-ban-quy")
    options = {"bloc": bloc, "year": 2015}
    for kind, opts in [("don-vi", {}), ("thanh-vien-khoi", options), ("de-nghi-cua-khoi", options)]:
        plan = preview(kind, example_bytes(kind), clerk, opts)
        assert [row.status for row in plan.rows] == ["exists"] * len(plan.rows), kind


def test_rows_of_one_decision_must_agree_on_its_issuer_and_signer(clerk):
    from .conftest import xlsx

    header = ["Số quyết định", "Ngày quyết định", "Người ký", "Loại khen thưởng", "Cá nhân"]
    header.append("Năm thành tích")
    award = "Bằng khen của Bộ trưởng"
    data = xlsx(
        [
            header,
            ["5/QĐ-BKHCN", "02/01/2016", "Nguyễn Văn X", award, "Lê Văn M", 2015],
            ["5/QĐ-BKHCN", "02/01/2016", "Trần Văn Y", award, "Lê Văn N", 2015],
        ]
    )
    first, second = preview("quyet-dinh-cu", data, clerk).rows
    assert first.status == "create"
    assert "khác dòng 2 của cùng quyết định" in dict(second.errors)["Cơ quan ban hành"]


def _cells(data: bytes) -> dict[str, list[list]]:
    workbook = load_workbook(io.BytesIO(data), read_only=True)
    return {
        sheet.title: [list(row) for row in sheet.iter_rows(values_only=True)] for sheet in workbook
    }


@pytest.mark.parametrize("kind", ["don-vi", "thanh-vien-khoi", "de-nghi-cua-khoi", "quyet-dinh-cu"])
def test_each_committed_example_is_what_import_examples_writes(kind):
    """The example a page serves (`vi-du.xlsx`) is the committed file: it must hold what
    `manage.py import_examples` writes today — its rows and its «Hướng dẫn» sheet, the columns'
    explanations included — or the page hands out an outdated guide."""
    found = importer(kind)
    assert _cells(example_bytes(kind)) == _cells(workbook.build(found, found.example_rows())), (
        f"{found.example} is stale: run `manage.py import_examples` and commit it"
    )
