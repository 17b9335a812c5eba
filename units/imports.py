"""Importers of the units app: units (name, kind, parent, abbreviation, years active)."""

import json
from pathlib import Path

import rules
from django.core.exceptions import ValidationError

from thidua.imports import cells
from thidua.imports.base import CREATE, EXISTS, Importer, Plan, RowResult, field_errors, free_slug
from thidua.imports.matching import NameIndex
from thidua.imports.reader import Column
from thidua.imports.run import row_errors
from thidua.text import fold

from .models import Unit, UnitKind, UnitName

EXAMPLES = Path(__file__).parent / "demo_data" / "import_examples"


def unit_index() -> NameIndex:
    """Every unit by its current name, abbreviation and former names."""
    names = {}
    for unit_id, name, short in UnitName.objects.values_list("unit_id", "name", "short_name"):
        names.setdefault(unit_id, []).extend([name, short])
    units = Unit.objects.only("id", "name", "short_name", "kind", "active_from", "active_until")
    return NameIndex((u, [u.name, u.short_name, *names.get(u.pk, [])]) for u in units)


class UnitImporter(Importer):
    kind = "don-vi"
    title = "Đơn vị"
    summary = (
        "Danh sách đơn vị (tên, loại, đơn vị cấp trên, tên viết tắt, năm hoạt động), ví dụ cây "
        "đơn vị của Bộ hoặc các cơ quan thành viên của một khối liên bộ. Đơn vị đã có được dùng "
        "lại, không tạo trùng."
    )
    columns = [
        Column("name", "Tên đơn vị", True, "Tên đầy đủ hiện nay.", "Vụ Thi đua - Khen thưởng"),
        Column(
            "kind",
            "Loại đơn vị",
            True,
            "Một trong: " + ", ".join(label for _, label in UnitKind.choices) + ".",
            "Vụ",
        ),
        Column(
            "parent",
            "Đơn vị cấp trên",
            help="Tên đơn vị đã có trong hệ thống, hoặc có ở một dòng phía trên của tệp.",
            example="Bộ Khoa học và Công nghệ",
        ),
        Column("short_name", "Tên viết tắt", help="Nếu có.", example="Vụ TĐKT"),
        Column("active_from", "Hoạt động từ năm", help="Năm, 4 chữ số.", example="2008"),
        Column("active_until", "Hoạt động đến năm", help="Để trống nếu còn hoạt động."),
    ]
    example = EXAMPLES / "don-vi.xlsx"

    def may_open(self, user):
        return rules.has_perm("units.add_unit", user)

    def plan(self, rows, options, user, accepted):
        index = unit_index()
        in_file = {}  # folded name -> row number of a unit this file creates
        results = []
        for source in rows:
            row = RowResult(source.number)
            results.append(row)
            name = self.cell(row, source, "name", cells.text, 255)
            kind = self.cell(row, source, "kind", cells.choice, UnitKind)
            short = self.cell(row, source, "short_name", cells.text, 100) or ""
            start = self.cell(row, source, "active_from", cells.year)
            end = self.cell(row, source, "active_until", cells.year)
            row.summary = name or ""
            if not name:
                continue
            if fold(name) in in_file:
                row.error(self.column("name"), f"Trùng với dòng {in_file[fold(name)]} của tệp.")
                continue
            match = index.find(name)
            same = match.found
            if same is None and match.close is not None:
                decided = self.offer(row, "name", name, match.close, accepted, rejectable=True)
                same = match.close if decided else None
                if decided is None:
                    continue
            if same is not None:
                row.outcome, row.data = EXISTS, {"unit": same}
                row.summary = f"{same} (đã có)"
                continue
            parent, parent_row = None, None
            typed_parent = self.cell(row, source, "parent", cells.text)
            if typed_parent:
                parent_row = in_file.get(fold(typed_parent))
                if parent_row is None:
                    parent = self.resolve(
                        row, "parent", index, typed_parent, accepted, what="đơn vị"
                    )
            unit = Unit(name=name, short_name=short, kind=kind or UnitKind.OTHER, parent=parent)
            unit.active_from, unit.active_until = start, end
            try:
                unit.full_clean(exclude=["slug", "search_text"], validate_unique=False)
            except ValidationError as exc:
                field_errors(row, exc, self.columns_by_field(), self.column("name"))
            if not row.errors:
                row.outcome = CREATE
                row.data = {"unit": unit, "parent_row": parent_row}
                in_file[fold(name)] = source.number
        return Plan(results)

    def write(self, plan, options, user):
        created = {}
        for row in plan.to_create():
            unit = row.data["unit"]
            if row.data["parent_row"]:
                unit.parent = created[row.data["parent_row"]]
            unit.slug = free_slug(Unit, unit.name)
            try:
                unit.full_clean()
            except ValidationError as exc:
                raise row_errors(row, exc, self.columns_by_field()) from exc
            unit.save()
            created[row.number] = unit

    def example_rows(self):
        """The seeded units (units/demo_data/units.json), parents before children."""
        data = json.loads((Path(__file__).parent / "demo_data" / "units.json").read_text("utf-8"))
        names = {unit["slug"]: unit["name"] for unit in data["units"]}
        for unit in data["units"]:
            yield [
                unit["name"],
                UnitKind(unit["kind"]).label,
                names.get(unit.get("parent"), ""),
                unit.get("short_name", ""),
                unit.get("active_from"),
                unit.get("active_until"),
            ]
