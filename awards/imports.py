"""Importers of the awards app: a bloc's proposals for a year (→ draft nominations through
services.save_draft, with the rule checks shown in the preview) and a past decision with its
recipients (→ historical awards through services.record_historical_awards)."""

import json
from pathlib import Path

from django.core.exceptions import ValidationError

from blocs.imports import BlocYearForm, create_person, person_index
from blocs.models import Bloc, Document, document_number_key
from blocs.queries import blocs_led_by
from thidua import batch
from thidua.imports import cells
from thidua.imports.base import CREATE, EXISTS, Importer, Plan, RowResult, field_errors
from thidua.imports.matching import NameIndex
from thidua.imports.reader import Column
from thidua.imports.run import row_errors
from thidua.predicates import can_enter_data, is_bloc_leader_staff
from thidua.text import fold
from units.imports import unit_index

from . import eligibility, services
from .models import Award, AwardType, DecisionKind, Nomination
from .permissions import can, can_open_bloc_dashboard

EXAMPLES = Path(__file__).parent / "demo_data" / "import_examples"


def award_type_index() -> NameIndex:
    return NameIndex((t, [t.name, t.short_name, t.slug]) for t in AwardType.objects.all())


class RecipientColumns:
    """The award type and recipient (unit XOR person) columns both importers share."""

    def recipient(self, row, source, names, accepted, *, create_people):
        """(award type, unit, person, name of a person to create) of the row; `names`: the
        (award types, units, people) indexes."""
        types, units, people = names
        award_type = None
        typed = self.cell(row, source, "award_type", cells.text)
        if typed:
            award_type = self.resolve(
                row, "award_type", types, typed, accepted, what="loại khen thưởng"
            )
        unit_name = self.cell(row, source, "unit", cells.text, 255)
        person_name = self.cell(row, source, "person", cells.text, 150)
        unit = person = new_person = None
        if bool(unit_name) == bool(person_name):
            row.error(
                self.column("unit"),
                "Ghi đúng một trong hai cột «Tập thể» hoặc «Cá nhân» (đối tượng khen thưởng).",
            )
        elif unit_name:
            unit = self.resolve(row, "unit", units, unit_name, accepted, what="đơn vị")
        else:
            match = people.find(person_name)
            if match.found is not None:
                person = match.found
            elif match.ambiguous:
                row.error(
                    self.column("person"),
                    f"Có {len(match.ambiguous)} người cùng tên «{person_name}»; hãy nhập trong trang nhập liệu.",
                )
            elif create_people:
                new_person = person_name
                row.created.append(f"cá nhân «{person_name}»")
            else:
                row.error(
                    self.column("person"),
                    f"Chưa có cá nhân «{person_name}» trong hệ thống; hãy thêm cá nhân trước.",
                )
        row.summary = (
            f"{award_type or typed or ''} – {unit or person or person_name or unit_name or ''}"
        )
        return award_type, unit, person, new_person

    @staticmethod
    def decided(row, award_type, unit, person, new_person):
        """Whether the row names its award type and recipient: not while a cell is in error or a
        close name is still to be accepted, when the model's rules would only report the
        recipient as missing."""
        return not row.errors and award_type is not None and bool(unit or person or new_person)

    @staticmethod
    def key(award_type, unit, person, new_person, *rest):
        recipient = ("u", unit.pk) if unit else ("p", person.pk if person else fold(new_person))
        return (award_type.pk, recipient, *rest)

    def check_model(self, row, record):
        """The model's own rules (recipient kind, votes, bloc years), without FK queries."""
        super().check_model(row, record, default=self.column("award_type"))

    def check_entry(self, row, award, user):
        """What the write checks of the person entering it (services.check_award_entry: never
        an award to their own unit or its staff), said on the row before confirm."""
        try:
            services.check_award_entry(user, award, "nhập")
        except ValidationError as exc:
            field_errors(row, exc, self.columns_by_field(), self.column("award_type"))


# --- proposals -----------------------------------------------------------------------------------


class ProposalsForm(BlocYearForm):
    """The bloc and year; a bloc leader's staff choose among the blocs their unit leads."""

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, user=user, **kwargs)
        if user is not None and not can_enter_data(user):
            led = blocs_led_by(user.unit_id).values("bloc_year__bloc")
            self.fields["bloc"].queryset = Bloc.objects.filter(pk__in=led).order_by("name")


class ProposalImporter(RecipientColumns, Importer):
    kind = "de-nghi-cua-khoi"
    title = "Đề nghị khen thưởng của khối"
    summary = (
        "Danh sách đề nghị khen thưởng của một khối cho một năm (danh sách khối trưởng thường có "
        "sẵn trong Excel): mỗi dòng thành một hồ sơ dự thảo của khối, được kiểm tra theo quy "
        "định như hồ sơ nhập tay. Hồ sơ đã có (cùng loại, đối tượng, khối, năm) không tạo lại."
    )
    columns = [
        Column(
            "award_type",
            "Loại khen thưởng",
            True,
            "Tên trong danh mục khen thưởng.",
            "Cờ thi đua của Bộ",
        ),
        Column(
            "unit",
            "Tập thể",
            help="Tên đơn vị (ghi cột này hoặc cột «Cá nhân»).",
            example="Cục Thông tin KH&CN Quốc gia",
        ),
        Column("person", "Cá nhân", help="Họ và tên của cá nhân đã có trong hệ thống."),
        Column("achievements", "Tóm tắt thành tích", help="Tuỳ chọn."),
        Column("bloc_votes_for", "Số phiếu đồng ý", help="Số phiếu đồng ý của khối, nếu có."),
        Column("bloc_votes_total", "Tổng số phiếu", help="Tổng số phiếu của khối, nếu có."),
        Column("note", "Ghi chú", help="Tuỳ chọn."),
    ]
    example = EXAMPLES / "de-nghi-cua-khoi.xlsx"
    options_form = ProposalsForm

    def may_open(self, user):
        return bool(can_enter_data(user) or can_open_bloc_dashboard(user))

    def in_navigation(self, user):
        # Roles only (cached on the user): the unit's leadership is asked when the page opens.
        return bool(can_enter_data(user) or is_bloc_leader_staff(user))

    def refusal(self, user, options):
        probe = Nomination(bloc=options["bloc"], year=options["year"])
        if not can(user, "awards.prepare_nomination", probe):
            return (
                f"Đơn vị của bạn không là khối trưởng của «{options['bloc']}» năm "
                f"{options['year']}: không lập được hồ sơ cho khối này."
            )
        return None

    def plan(self, rows, options, user, accepted):
        bloc, year = options["bloc"], options["year"]
        people = person_index(r.values.get("person") for r in rows)
        names = (award_type_index(), unit_index(), people)
        existing = {
            (t, ("u", u) if u else ("p", p))
            for t, u, p in Nomination.objects.filter(bloc=bloc, year=year).values_list(
                "award_type_id", "unit_id", "person_id"
            )
        }
        results, in_file, drafts = [], {}, []
        for source in rows:
            row = RowResult(source.number)
            results.append(row)
            votes_for = self.cell(row, source, "bloc_votes_for", cells.integer)
            votes_total = self.cell(row, source, "bloc_votes_total", cells.integer)
            achievements = self.cell(row, source, "achievements", cells.text) or ""
            note = self.cell(row, source, "note", cells.text) or ""
            award_type, unit, person, _ = self.recipient(
                row, source, names, accepted, create_people=False
            )
            if not self.decided(row, award_type, unit, person, None):
                continue
            key = self.key(award_type, unit, person, None)
            if key in existing:
                row.outcome = EXISTS
                continue
            if key in in_file:
                row.error(self.column("award_type"), f"Trùng với dòng {in_file[key]} của tệp.")
                continue
            nomination = Nomination(
                award_type=award_type,
                year=year,
                unit=unit,
                person=person,
                bloc=bloc,
                achievements=achievements,
                bloc_votes_for=votes_for,
                bloc_votes_total=votes_total,
                note=note,
            )
            self.check_model(row, nomination)
            if not row.errors:
                in_file[key] = source.number
                row.outcome, row.data = CREATE, {"nomination": nomination}
                drafts.append((row, nomination))
        self._rule_notes(drafts)
        return Plan(results)

    @staticmethod
    def _rule_notes(drafts):
        """The rule checks of the drafts-to-be, as typed-in dossiers get them (not blocking: a
        draft may be completed before it is sent)."""
        checks = eligibility.checks_for([n for _, n in drafts])
        for row, nomination in drafts:
            for check in checks.get(id(nomination), []):
                if check.passed is not True:
                    row.notes.append(f"{check.label}: {check.message}")

    def write(self, plan, options, user):
        rows = plan.to_create()
        # Their units, award types and bloc checked in one query each, not one per row.
        batch.prime_foreign_keys([row.data["nomination"] for row in rows])
        # Their recipients locked and their live dossiers read once for the file.
        services.settle_recipients([row.data["nomination"] for row in rows])
        for row in rows:
            try:
                services.save_draft(row.data["nomination"], user, settled=True)
            except ValidationError as exc:
                raise row_errors(row, exc) from exc

    def example_rows(self):
        """Seed 001's proposals at the 2015 summary conference (awards/demo_data/awards.json)."""
        base = Path(__file__).parent.parent
        units = json.loads((base / "units" / "demo_data" / "units.json").read_text("utf-8"))
        names = {unit["slug"]: unit["name"] for unit in units["units"]}
        types = {t.slug: t.name for t in AwardType.objects.all()}
        data = json.loads((Path(__file__).parent / "demo_data" / "awards.json").read_text("utf-8"))
        for event in data["events"]:
            for item in event["proposals"]:
                yield [types[item["award_type"]], names[item["unit"]], "", item.get("note", "")]


# --- a past decision ---------------------------------------------------------------------------


class DecisionImporter(RecipientColumns, Importer):
    kind = "quyet-dinh-cu"
    title = "Quyết định khen thưởng đã ban hành"
    summary = (
        "Một quyết định khen thưởng đã ban hành và danh sách người, tập thể được khen (mỗi dòng "
        "một đối tượng; số, ngày quyết định ghi ở mỗi dòng nên một tệp có thể chứa nhiều quyết "
        "định): ghi thành khen thưởng lịch sử, không qua quy trình xét. Cá nhân chưa có được "
        "tạo mới; đơn vị phải có trước (nhập đơn vị trước nếu cần)."
    )
    columns = [
        Column("number", "Số quyết định", True, "Số, ký hiệu.", "145/QĐ-BKHCN", aliases=("Số QĐ",)),
        Column(
            "issued_on",
            "Ngày quyết định",
            True,
            "Ngày ban hành, dạng ngày/tháng/năm.",
            "28/01/2016",
        ),
        Column("issuer", "Cơ quan ban hành", help="Để trống: Bộ Khoa học và Công nghệ."),
        Column("signer", "Người ký", help="Họ và tên người ký."),
        Column("signer_title", "Chức vụ người ký", help="Ví dụ: Bộ trưởng."),
        Column(
            "ordinal",
            "Số thứ tự",
            help="Số thứ tự (STT) của đối tượng trong danh sách kèm theo quyết định; số này là "
            "«số sổ vàng» in trên bằng khen, giấy khen và trang xác minh.",
            aliases=("STT", "Số sổ vàng"),
        ),
        Column(
            "award_type",
            "Loại khen thưởng",
            True,
            "Tên trong danh mục khen thưởng.",
            "Bằng khen của Bộ trưởng",
        ),
        Column("unit", "Tập thể", help="Tên đơn vị đã có (ghi cột này hoặc cột «Cá nhân»)."),
        Column("person", "Cá nhân", help="Họ và tên; người chưa có trong hệ thống được tạo mới."),
        Column("year", "Năm thành tích", True, "Năm, 4 chữ số.", "2015"),
        Column("prize_rank", "Hạng, mức", help="Nếu có, ví dụ hạng Ba."),
        Column(
            "source",
            "Nguồn",
            help="Nơi lấy thông tin (bản lưu quyết định, báo cáo tổng kết…). Để trống: "
            "«Quyết định số …, ngày …» của dòng.",
            aliases=("Nguồn tư liệu",),
        ),
        Column("note", "Ghi chú", help="Tuỳ chọn."),
    ]
    example = EXAMPLES / "quyet-dinh-cu.xlsx"

    def may_open(self, user):
        return can(user, "awards.enter_historical_award")

    def plan(self, rows, options, user, accepted):
        people = person_index(r.values.get("person") for r in rows)
        names = (award_type_index(), unit_index(), people)
        existing, numbered = self._existing_awards(rows)
        recorded = self._recorded_decisions(rows)
        results, in_file, headers, ordinals = [], {}, {}, {}
        for source in rows:
            row = RowResult(source.number)
            results.append(row)
            number = " ".join((self.cell(row, source, "number", cells.text, 100) or "").split())
            issued_on = self.cell(row, source, "issued_on", cells.date)
            year = self.cell(row, source, "year", cells.year)
            ordinal = self.cell(row, source, "ordinal", cells.integer, 1)
            header = {
                "issuer": self.cell(row, source, "issuer", cells.text, 255)
                or "Bộ Khoa học và Công nghệ",
                "signer_name": self.cell(row, source, "signer", cells.text, 150) or "",
                "signer_title": self.cell(row, source, "signer_title", cells.text, 150) or "",
            }
            prize_rank = self.cell(row, source, "prize_rank", cells.text, 100) or ""
            origin = self.cell(row, source, "source", cells.text, 500) or ""
            note = self.cell(row, source, "note", cells.text) or ""
            award_type, unit, person, new_person = self.recipient(
                row, source, names, accepted, create_people=True
            )
            decided = self.decided(row, award_type, unit, person, new_person)
            if not (decided and number and issued_on and year):
                continue
            row.summary = f"{number} ngày {issued_on:%d/%m/%Y}: {row.summary} ({year})"
            if issued_on.year < year:
                row.error(
                    self.column("issued_on"),
                    f"Quyết định ban hành ngày {issued_on:%d/%m/%Y}, trước năm thành tích {year}: "
                    "quyết định không thể có trước thành tích.",
                )
                continue
            decision_key = (document_number_key(number), issued_on)
            first = headers.setdefault(decision_key, (source.number, header))
            if first[1] != header:
                row.error(
                    self.column("issuer"),
                    f"Cơ quan ban hành, người ký hoặc chức vụ người ký khác dòng {first[0]} của "
                    "cùng quyết định.",
                )
                continue
            if decision_key in recorded and not self._matches_recorded(
                row, source, header, *recorded[decision_key]
            ):
                continue
            key = self.key(award_type, unit, person, new_person, year, decision_key)
            if key in existing:
                row.outcome = EXISTS
                row.created.clear()
                continue
            if key in in_file:
                row.error(
                    self.column("person" if new_person or person else "unit"),
                    f"Trùng với dòng {in_file[key]} của tệp.",
                )
                continue
            if ordinal and (decision_key, ordinal) in numbered:
                row.error(
                    self.column("ordinal"),
                    f"Số thứ tự {ordinal} đã có trong quyết định {number} đã ghi.",
                )
                continue
            if ordinal and (decision_key, ordinal) in ordinals:
                row.error(
                    self.column("ordinal"),
                    f"Số thứ tự {ordinal} trùng với dòng {ordinals[decision_key, ordinal]} của "
                    "cùng quyết định.",
                )
                continue
            award = Award(
                award_type=award_type,
                year=year,
                unit=unit,
                person=person,
                prize_rank=prize_rank,
                note=note,
                ordinal=ordinal,
                # Entered outside the workflow: a historical record, with where it was taken from
                # (the decision itself when the file names no other source).
                is_historical=True,
                source=origin or f"Quyết định số {number} ngày {issued_on:%d/%m/%Y}",
            )
            if new_person:
                award.person_id = -1  # stands for the person created on confirm
            self.check_model(row, award)
            self.check_entry(row, award, user)
            if not row.errors:
                in_file[key] = source.number
                if ordinal:
                    ordinals[decision_key, ordinal] = source.number
                row.outcome = CREATE
                row.data = {
                    "decision": (number, issued_on),
                    "header": header,
                    "award": award,
                    "new_person": new_person,
                }
        return Plan(results)

    @staticmethod
    def _file_keys(rows):
        return {document_number_key(str(r.values.get("number", ""))) for r in rows}

    def _recorded_decisions(self, rows):
        """(document, its decision or None) already recorded under the numbers the file names,
        by (number key, date): what the write would find and use instead of creating."""
        documents = Document.objects.filter(number_key__in=self._file_keys(rows))
        return {
            (d.number_key, d.issued_on): (d, getattr(d, "award_decision", None))
            for d in documents.select_related("award_decision")
        }

    def _matches_recorded(self, row, source, header, document, decision):
        """Whether the row may go under the document recorded with its number and date: never
        on another kind of document or a revocation (services.decision_refusal, as the write
        asks). Issuer and signer are those recorded: a different one typed is said, not lost."""
        refusal = services.decision_refusal(document, decision, DecisionKind.GRANT)
        if refusal:
            row.error(self.column("number"), f"{refusal} Hãy kiểm tra số và ngày quyết định.")
            return False
        recorded = {"issuer": document.issuer}
        if decision is not None:
            recorded |= {"signer": decision.signer_name, "signer_title": decision.signer_title}
        typed = {"issuer": header["issuer"], "signer": header["signer_name"]}
        typed["signer_title"] = header["signer_title"]
        for key, value in recorded.items():
            if source.values.get(key) is not None and fold(typed[key]) != fold(value):
                row.notes.append(
                    f"«{self.column(key).header}» trong tệp «{typed[key]}» khác thông tin đã ghi "
                    f"của quyết định «{value or '(để trống)'}»: giữ thông tin đã ghi, sửa trong "
                    "trang quản trị nếu cần."
                )
        return True

    def _existing_awards(self, rows):
        """(award type, recipient, year, decision) of the awards already recorded under the
        decisions the file names, and the (decision, số thứ tự) already used there."""
        keys = self._file_keys(rows)
        found, numbered = set(), set()
        awards = Award.objects.filter(decision__document__number_key__in=keys).values_list(
            "award_type_id",
            "unit_id",
            "person_id",
            "year",
            "decision__document__number",
            "decision__document__issued_on",
            "person__full_name",
            "ordinal",
        )
        for type_id, unit_id, person_id, year, number, issued_on, full_name, ordinal in awards:
            decision_key = (document_number_key(number), issued_on)
            if ordinal:
                numbered.add((decision_key, ordinal))
            recipient = ("u", unit_id) if unit_id else ("p", person_id)
            found.add((type_id, recipient, year, decision_key))
            if full_name:  # a person the file would otherwise create again
                found.add((type_id, ("p", fold(full_name)), year, decision_key))
        return found, numbered

    def write(self, plan, options, user):
        groups, people = {}, {}
        for row in plan.to_create():
            groups.setdefault(row.data["decision"], []).append(row)
        for (number, issued_on), rows in groups.items():
            awards = []
            for row in rows:
                award, name = row.data["award"], row.data["new_person"]
                if name:
                    if fold(name) not in people:
                        people[fold(name)] = create_person(name)
                    award.person_id, award.person = None, people[fold(name)]
                awards.append(
                    {
                        "award_type": award.award_type,
                        "year": award.year,
                        "unit": award.unit,
                        "person": award.person,
                        "prize_rank": award.prize_rank,
                        "note": award.note,
                        "ordinal": award.ordinal,
                        "is_historical": award.is_historical,
                        "source": award.source,
                    }
                )
            header = rows[0].data["header"]
            try:
                services.record_historical_awards(
                    user,
                    awards,
                    number=number,
                    issued_on=issued_on,
                    issuer=header["issuer"],
                    signer_name=header["signer_name"],
                    signer_title=header["signer_title"],
                )
            except ValidationError as exc:
                raise row_errors(rows[0], exc) from exc

    def example_rows(self):
        """The seeds name no decision: the example's decision and people are placeholders,
        marked as such; its award type and year are the seeds' (2015)."""
        types = {t.slug: t.name for t in AwardType.objects.all()}
        note = "Tệp ví dụ: số quyết định và họ tên là giả định, không phải quyết định thật."
        for ordinal, name in enumerate(["Nguyễn Văn A", "Trần Thị B"], start=1):
            yield [
                "01/QĐ-VIDU",
                "31/12/2015",
                "Bộ Khoa học và Công nghệ",
                "",
                "",
                ordinal,
                types["bang-khen-bo-truong"],
                "",
                name,
                2015,
                "",
                "",  # no source: the decision's number and date are recorded as the source
                note,
            ]
