"""What every importer shares: the per-row result of a preview, the plan, the importer contract.

An importer (declared by the app that owns the records) turns the file's rows into a Plan
without writing anything (`plan`), then writes a clean plan through the app's own services
(`write`). thidua.imports.run wraps the write in one transaction with the history tagged.
"""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError

from thidua.text import fold

from . import cells
from .matching import NameIndex

CREATE, EXISTS, ERROR, PENDING = "create", "exists", "error", "pending"
STATUS_LABELS = {
    CREATE: "Sẽ tạo mới",
    EXISTS: "Đã có, dùng lại",
    ERROR: "Lỗi",
    PENDING: "Cần xác nhận tên gần đúng",
}


@dataclass
class Suggestion:
    token: str  # posted back when the user accepts it
    column: str
    typed: str
    proposed: str
    accepted: bool
    # A name that may also be new (a unit to create): the user may reject the close match.
    rejectable: bool = False
    rejected: bool = False

    @property
    def decided(self):
        return self.accepted or self.rejected


@dataclass
class RowResult:
    number: int
    summary: str = ""
    outcome: str = CREATE  # CREATE or EXISTS once the row is clean
    errors: list = field(default_factory=list)  # (column header, message)
    suggestions: list = field(default_factory=list)
    notes: list = field(default_factory=list)  # shown, never blocking (e.g. rule checks)
    created: list = field(default_factory=list)  # also created with the row, e.g. a new person
    data: dict = field(default_factory=dict)

    def error(self, column, message):
        header = column.header if hasattr(column, "header") else column
        self.errors.append((header, message))

    @property
    def status(self):
        if self.errors:
            return ERROR
        if any(not s.decided for s in self.suggestions):
            return PENDING
        return self.outcome

    @property
    def status_label(self):
        return STATUS_LABELS[self.status]


@dataclass
class Plan:
    rows: list

    def count(self, status):
        return sum(1 for row in self.rows if row.status == status)

    @property
    def counts(self):
        return {status: self.count(status) for status in STATUS_LABELS}

    @property
    def blocked(self):
        return any(row.status in (ERROR, PENDING) for row in self.rows)

    def to_create(self):
        return [row for row in self.rows if row.status == CREATE]


class Importer:
    """One kind of import. Subclasses set the class attributes and implement the methods."""

    kind = ""  # URL slug
    title = ""
    summary = ""
    columns: list = []
    example = None  # Path of the example .xlsx committed with the app
    options_form = None  # a Form class (e.g. bloc and year) or None

    def may_open(self, user) -> bool:
        raise NotImplementedError

    def in_navigation(self, user) -> bool:
        """Whether the staff navigation links to the imports for `user`: asked on every staff
        page, so an importer may answer from the user's roles alone (no query)."""
        return self.may_open(user)

    def make_options_form(self, user, data=None):
        return self.options_form(data, user=user) if self.options_form else None

    def refusal(self, user, options) -> str | None:
        """Why `user` may not import with these options (object-level permission), or None."""
        return None

    def plan(self, rows, options, user, accepted) -> Plan:
        raise NotImplementedError

    def write(self, plan, options, user):
        """Writes the plan's rows to create, through the app's services."""
        raise NotImplementedError

    def offer(self, row, key, typed, close, accepted, *, rejectable=False):
        """Offers `close` for the typed name: True if accepted, False if rejected (only when
        rejectable: the typed name is then taken as new), None while undecided."""
        token = f"{key}:{fold(typed)}"
        ok, no = token in accepted, rejectable and f"!{token}" in accepted
        header = self.column(key).header
        row.suggestions.append(
            Suggestion(token, header, typed, str(close), ok, rejectable, no and not ok)
        )
        return True if ok else (False if no else None)

    def column(self, key):
        return next(c for c in self.columns if c.key == key)

    def columns_by_field(self, **fields):
        """The column of each model field: the column of the same key, or of the key given for
        a field here (e.g. full_name="representative")."""
        by_field = {column.key: column for column in self.columns}
        by_field.update((name, self.column(key)) for name, key in fields.items())
        return by_field

    def check_model(self, row, record, *, default, exclude=(), clean=True, **fields):
        """The record's own field rules (lengths, choices, ranges) and, unless `clean` is False,
        its clean(), as the write's full_clean will check them: the errors go under the row's
        columns (see columns_by_field), others under `default`. Foreign keys are left out: the
        plan resolved them itself, and clean_fields would query each one."""
        relations = {f.name for f in record._meta.fields if f.is_relation}
        errors = {}
        checks = [lambda: record.clean_fields(exclude={*relations, *exclude})]
        if clean:
            checks.append(record.clean)
        for check in checks:
            try:
                check()
            except ValidationError as exc:
                errors = exc.update_error_dict(errors)
        if errors:
            field_errors(row, ValidationError(errors), self.columns_by_field(**fields), default)

    # --- helpers for plan() -------------------------------------------------------------------

    def cell(self, row, source, key, parse=cells.text, *args):
        """The parsed value of column `key` (None when empty), or None with the error noted."""
        value = source.values.get(key)
        column = self.column(key)
        if value is None:
            if column.required:
                row.error(column, "Ô bắt buộc đang để trống.")
            return None
        try:
            return parse(value, *args)
        except cells.CellError as exc:
            row.error(column, exc.message)
            return None

    def resolve(self, row, key, index: NameIndex, typed, accepted, *, what):
        """The object named `typed` in `index`: exact match, or a close match the user accepted
        (offered otherwise); an unknown or ambiguous name is an error."""
        column = self.column(key)
        match = index.find(typed)
        if match.found is not None:
            return match.found
        if match.ambiguous:
            names = "; ".join(str(obj) for obj in match.ambiguous[:5])
            row.error(column, f"«{typed}» trùng với nhiều {what}: {names}. Hãy ghi tên đầy đủ.")
            return None
        if match.close is not None:
            return match.close if self.offer(row, key, typed, match.close, accepted) else None
        row.error(column, f"Không tìm thấy {what} «{typed}» trong hệ thống.")
        return None


def field_errors(row, exc: ValidationError, columns_by_field, default_column):
    """A model's ValidationError attributed to the row's columns."""
    if hasattr(exc, "error_dict"):
        for name, errors in exc.message_dict.items():
            column = columns_by_field.get(name, default_column)
            for message in errors:
                row.error(column, message)
    else:
        for message in exc.messages:
            row.error(default_column, message)


def free_slug(model, text, max_length=110):
    """A slug from the folded `text` that no row of `model` has yet."""
    base = fold(text).replace(" ", "-")[:max_length].strip("-") or "ban-ghi"
    taken = set(model.objects.filter(slug__startswith=base).values_list("slug", flat=True))
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug
