"""Importers of the blocs app: a bloc-year's members (unit, role, representative and title)."""

import json
from pathlib import Path

import rules
from django import forms
from django.core.exceptions import ValidationError

from thidua.imports import cells
from thidua.imports.base import CREATE, EXISTS, Importer, Plan, RowResult, field_errors, free_slug
from thidua.imports.forms import YearField
from thidua.imports.matching import NameIndex
from thidua.imports.reader import Column
from thidua.imports.run import row_errors
from thidua.text import fold
from units.imports import unit_index
from units.models import Person, Position, name_part

from .models import Bloc, BlocYear, Membership, Role, check_member_count, check_roster

EXAMPLES = Path(__file__).parent / "demo_data" / "import_examples"


def person_index(names) -> NameIndex:
    """The people whose folded full name is one of `names` (exact matches only: the people
    table is large, a near-spelling scan of it per row would be too slow)."""
    folded = {fold(name) for name in names if name}
    people = (
        Person.objects.alias(name_key=name_part())
        .filter(name_key__in=folded)
        .only("id", "full_name", "slug")
    )
    return NameIndex(((p, [p.full_name]) for p in people), close_matches=False)


class BlocYearForm(forms.Form):
    bloc = forms.ModelChoiceField(
        label="Khối thi đua",
        queryset=Bloc.objects.order_by("name"),
        error_messages={"required": "Chọn khối thi đua.", "invalid_choice": "Khối không hợp lệ."},
    )
    year = YearField(error_messages={"required": "Ghi năm."})

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean(self):
        data = super().clean()
        if data.get("bloc") and data.get("year"):
            data["bloc"].check_year(data["year"])
        return data


class MembershipImporter(Importer):
    kind = "thanh-vien-khoi"
    title = "Thành viên khối theo năm"
    summary = (
        "Danh sách đơn vị thành viên của một khối trong một năm, với vai trò (khối trưởng, khối "
        "phó, thành viên) và người đại diện: một khối 16 đơn vị là một lần tải lên."
    )
    columns = [
        Column(
            "unit",
            "Đơn vị",
            True,
            "Tên đơn vị đã có trong hệ thống.",
            "Cục Thông tin KH&CN Quốc gia",
        ),
        Column(
            "role",
            "Vai trò",
            help="Khối trưởng, Khối phó hoặc Thành viên (để trống: Thành viên).",
            example="Khối trưởng",
        ),
        Column(
            "representative",
            "Người đại diện",
            help="Họ và tên; người chưa có trong hệ thống sẽ được tạo mới.",
            example="Phạm Hồng Quất",
        ),
        Column(
            "title",
            "Chức vụ người đại diện",
            help="Chức vụ của người đại diện tại đơn vị (ghi nhận như một chức vụ).",
            example="Cục trưởng",
        ),
    ]
    example = EXAMPLES / "thanh-vien-khoi.xlsx"
    options_form = BlocYearForm

    def may_open(self, user):
        return rules.has_perm("blocs.add_membership", user)

    def plan(self, rows, options, user, accepted):
        bloc, year = options["bloc"], options["year"]
        units = unit_index()
        people = person_index(r.values.get("representative") for r in rows)
        bloc_year = BlocYear.objects.filter(bloc=bloc, year=year).first()
        existing = {}
        if bloc_year is not None:
            memberships = bloc_year.memberships.select_related("unit", "representative")
            existing = {m.unit_id: m for m in memberships}
        roster = [(m.unit_id, m.role, str(m.unit)) for m in existing.values()]
        elsewhere = dict(
            Membership.objects.filter(organiser=bloc.organiser_id, year=year)
            .exclude(bloc_year__bloc=bloc)
            .values_list("unit_id", "bloc_year__bloc__name")
        )
        results, in_file = [], {}
        for source in rows:
            row = RowResult(source.number)
            results.append(row)
            role = Role.MEMBER
            if source.values.get("role") is not None:
                role = self.cell(row, source, "role", cells.choice, Role)
            typed = self.cell(row, source, "unit", cells.text)
            unit = typed and self.resolve(row, "unit", units, typed, accepted, what="đơn vị")
            if unit is None:
                row.summary = typed or ""
                continue
            row.summary = f"{unit} – {Role(role).label if role else ''}"
            if unit.pk in existing:
                saved = existing[unit.pk]
                row.outcome, row.data = EXISTS, {"membership": saved}
                if source.values.get("role") is not None and role and role != saved.role:
                    # Roles are changed where the leader and deputy rules are applied in full.
                    row.notes.append(
                        f"Vai trò trong tệp «{Role(role).label}» khác vai trò đã ghi "
                        f"«{saved.get_role_display()}»: giữ vai trò đã ghi, sửa trong trang quản trị."
                    )
                typed_name = source.values.get("representative")
                saved_name = saved.representative.full_name if saved.representative else ""
                if typed_name is not None and fold(str(typed_name)) != fold(saved_name):
                    # Nor is the representative replaced (nor a new person created) here.
                    row.notes.append(
                        f"Người đại diện trong tệp «{typed_name}» khác người đã ghi "
                        f"«{saved_name or '(chưa ghi)'}»: giữ người đã ghi, sửa trong trang quản trị."
                    )
                continue
            if unit.pk in in_file:
                row.error(self.column("unit"), f"Trùng với dòng {in_file[unit.pk]} của tệp.")
                continue
            column = self.column("unit")
            if not unit.is_active_in(year):
                row.error(
                    column,
                    f"Đơn vị «{unit}» không hoạt động trong năm {year} (hoạt động {unit.active_label}).",
                )
            if unit.pk in elsewhere:
                row.error(
                    column,
                    f"Năm {year}, đơn vị «{unit}» đã thuộc khối «{elsewhere[unit.pk]}» của cùng cơ "
                    "quan tổ chức; một đơn vị chỉ thuộc một khối của cùng cơ quan tổ chức trong một năm.",
                )
            try:
                check_roster([*roster, (unit.pk, role, str(unit))])
                if bloc_year is not None:
                    check_member_count(bloc_year, len(roster) + 1, field="unit")
            except ValidationError as exc:
                field_errors(row, exc, self.columns_by_field(), self.column("role"))
            representative, new_person = self._representative(row, source, people, accepted)
            title = self.cell(row, source, "title", cells.text)
            # What the write's full_clean would refuse (lengths, choices), said on this row now;
            # Membership.clean's rules (roster, one bloc per organiser) are checked above for the
            # whole file at once.
            membership = Membership(unit=unit, role=role, representative=representative)
            membership.year, membership.organiser_id = year, bloc.organiser_id
            skip = () if role else ("role",)  # an unreadable role is already said
            self.check_model(row, membership, default=column, exclude=skip, clean=False)
            if title and representative is None and new_person is None:
                # A title is a person's position: without a name it would be dropped unsaid.
                row.error(
                    self.column("title"),
                    f"Chức vụ «{title}» là chức vụ của người đại diện: hãy ghi họ và tên người "
                    "đại diện ở cột «Người đại diện», hoặc để trống chức vụ.",
                )
            elif title:
                position = Position(person=representative, unit=unit, title=title)
                self.check_model(row, position, default=self.column("title"))
            if row.errors or role is None:
                continue
            roster.append((unit.pk, role, str(unit)))
            in_file[unit.pk] = source.number
            row.outcome = CREATE
            row.data = {
                "unit": unit,
                "role": role,
                "representative": representative,
                "new_person": new_person,
                "title": title,
            }
        return Plan(results)

    def _representative(self, row, source, people, accepted):
        name = self.cell(row, source, "representative", cells.text, 150)
        if not name:
            return None, None
        match = people.find(name)
        if match.ambiguous:
            row.error(
                self.column("representative"),
                f"Có {len(match.ambiguous)} người cùng tên «{name}»; hãy chọn trong trang nhập liệu.",
            )
            return None, None
        if match.found is None:
            row.created.append(f"cá nhân «{name}»")
            return None, name
        return match.found, None

    def write(self, plan, options, user):
        bloc, year = options["bloc"], options["year"]
        bloc_year = BlocYear.objects.filter(bloc=bloc, year=year).first()
        if bloc_year is None:
            bloc_year = BlocYear(bloc=bloc, year=year)
            bloc_year.full_clean()
            bloc_year.save()
        new_people = {}
        for row in plan.to_create():
            data = row.data
            try:
                person = data["representative"]
                if data["new_person"]:
                    key = fold(data["new_person"])
                    if key not in new_people:
                        new_people[key] = create_person(data["new_person"])
                    person = new_people[key]
                membership = Membership(
                    bloc_year=bloc_year, unit=data["unit"], role=data["role"], representative=person
                )
                membership.full_clean()
                membership.save()
                if person is not None and data["title"]:
                    record_position(person, data["unit"], data["title"])
            except ValidationError as exc:
                raise row_errors(
                    row, exc, self.columns_by_field(full_name="representative")
                ) from exc

    def example_rows(self):
        """The seeded members of Khối Tổng cục, Cục, Ban và Quỹ in 2015 (blocs/demo_data)."""
        base = Path(__file__).parent / "demo_data"
        units_file = base.parent.parent / "units" / "demo_data" / "units.json"
        seeds = json.loads(units_file.read_text("utf-8"))
        units = {unit["slug"]: unit["name"] for unit in seeds["units"]}
        people = {person["slug"]: person for person in seeds["people"]}
        registry = json.loads((base / "registry.json").read_text("utf-8"))
        bloc = next(b for b in registry["blocs"] if b["slug"] == EXAMPLE_BLOC)
        year = next(y for y in bloc["years"] if y["year"] == EXAMPLE_YEAR)
        for member in year["members"]:
            person = people.get(member.get("representative"), {})
            title = next(
                (p["title"] for p in person.get("positions", []) if p["unit"] == member["unit"]),
                "",
            )
            yield [
                units[member["unit"]],
                Role(member["role"]).label,
                person.get("full_name", ""),
                title,
            ]


EXAMPLE_BLOC, EXAMPLE_YEAR = "khoi-tong-cuc-cuc-ban-quy", 2015


def create_person(full_name):
    person = Person(full_name=full_name, slug=free_slug(Person, full_name, 150))
    person.full_clean()
    person.save()
    return person


def record_position(person, unit, title):
    """The representative's title at the unit, recorded once."""
    if not Position.objects.filter(person=person, unit=unit, title__iexact=title).exists():
        position = Position(person=person, unit=unit, title=title)
        position.full_clean()
        position.save()
