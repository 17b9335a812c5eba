"""Demo data: the seed articles' events, recorded in full (imported by blocs.demo).

Natural keys: a document by (number, issued_on), a movement by (kind, name), an event by
(bloc slug, kind, held_on), an event's rows by their position in the event. Loading twice changes
nothing.
"""

import datetime

from thidua.demo import demo_loader, read_data, update_or_create
from units.models import Person, Unit

from .models import (
    Attendance,
    Bloc,
    Commitment,
    Document,
    Election,
    Event,
    EventAttachment,
    EventMovement,
    Figure,
    Honour,
    Movement,
    Pledge,
    Report,
    Section,
    Speech,
)
from .services import apply_elections


def _date(text):
    return datetime.date.fromisoformat(text) if text else None


def _unit(slug):
    return Unit.objects.get(slug=slug) if slug else None


def _person(slug):
    return Person.objects.get(slug=slug) if slug else None


def _document(key):
    number, issued_on = key
    return Document.objects.get(number=number, issued_on=_date(issued_on))


def _rows(model, event, rows, defaults_of):
    """Rows of one event keyed by their order; rows beyond the data are removed."""
    for order, row in enumerate(rows):
        update_or_create(model, event=event, order=order, defaults=defaults_of(row))
    model.objects.filter(event=event, order__gte=len(rows)).delete()


def _figures(event, rows):
    order = 0
    kept = []
    for row in rows:
        parent, _ = update_or_create(
            Figure,
            event=event,
            order=order,
            defaults={
                "parent": None,
                "value": row["value"],
                "label": row["label"],
                "unit_label": row.get("unit_label", ""),
                "note": row.get("note", ""),
            },
        )
        kept.append(parent.pk)
        order += 1
        for child in row.get("children", []):
            figure, _ = update_or_create(
                Figure,
                event=event,
                order=order,
                defaults={
                    "parent": parent,
                    "value": child["value"],
                    "label": child["label"],
                    "unit_label": child.get("unit_label", ""),
                    "note": child.get("note", ""),
                },
            )
            kept.append(figure.pk)
            order += 1
    Figure.objects.filter(event=event).exclude(pk__in=kept).delete()


def _load_event(row, stdout):
    bloc = Bloc.objects.get(slug=row["bloc"])
    event, _ = update_or_create(
        Event,
        bloc=bloc,
        kind=row["kind"],
        held_on=_date(row["held_on"]),
        defaults={
            "slug": row["slug"],
            "title": row["title"],
            "summary_title": row.get("summary_title", ""),
            "theme": row.get("theme", ""),
            "period_start": row["period_start"],
            "period_end": row["period_end"],
            "place": row.get("place", ""),
            "time_of_day": row.get("time_of_day", ""),
            "member_count": row.get("member_count"),
            "chair": _person(row.get("chair")),
            "chair_title": row.get("chair_title", ""),
            "is_published": bool(row.get("published_at")),
            "published_at": datetime.datetime.fromisoformat(row["published_at"])
            if row.get("published_at")
            else None,
            "source": row.get("source", ""),
        },
    )
    Event.objects.filter(pk=event.pk).update(view_count=row.get("view_count", 0))
    event.documents.set([_document(key) for key in row.get("documents", [])])
    _rows(
        Attendance,
        event,
        row.get("attendances", []),
        lambda r: {
            "kind": r["kind"],
            "person": _person(r.get("person")),
            "title": r.get("title", ""),
            "unit": _unit(r.get("unit")),
            "group_description": r.get("group_description", ""),
            "unit_count": r.get("unit_count"),
        },
    )
    _rows(
        Report,
        event,
        row.get("reports", []),
        lambda r: {
            "presenter": _person(r.get("presenter")),
            "presenter_title": r.get("presenter_title", ""),
            "behalf": r["behalf"],
            "unit": _unit(r.get("unit")),
            "behalf_role": r.get("behalf_role", ""),
            "title": r["title"],
        },
    )
    _rows(
        Honour,
        event,
        row.get("honours", []),
        lambda r: {
            "kind": r["kind"],
            "unit": _unit(r.get("unit")),
            "person": _person(r.get("person")),
            "person_title": r.get("person_title", ""),
            "award_text": r.get("award_text", ""),
            "note": r.get("note", ""),
        },
    )
    _rows(
        Speech,
        event,
        row.get("speeches", []),
        lambda r: {
            "speaker": _person(r["speaker"]),
            "speaker_title": r["speaker_title"],
            "kind": r["kind"],
            "points": "\n".join(r["points"]),
        },
    )
    _rows(
        Section,
        event,
        row.get("sections", []),
        lambda r: {
            "kind": r["kind"],
            "heading": r.get("heading", ""),
            "addressee": r.get("addressee", ""),
            "text": "\n".join(r["text"]),
        },
    )
    _figures(event, row.get("figures", []))
    _rows(
        EventMovement,
        event,
        row.get("movements", []),
        lambda r: {
            "movement": Movement.objects.get(kind=r["movement"][0], name=r["movement"][1]),
            "status": r["status"],
            "note": r.get("note", ""),
        },
    )
    _rows(
        Election,
        event,
        row.get("elections", []),
        lambda r: {
            "year": r["year"],
            "role": r["role"],
            "unit": _unit(r["unit"]),
        },
    )
    _rows(
        EventAttachment,
        event,
        row.get("attachments", []),
        lambda r: {
            "caption": r["caption"],
            "is_photo": r.get("is_photo", True),
        },
    )
    for pledge_row in row.get("pledges", []):
        pledge, _ = update_or_create(
            Pledge,
            bloc=bloc,
            year=pledge_row["year"],
            defaults={
                "event": event,
                "signed_on": _date(pledge_row.get("signed_on")),
                "signatory_count": pledge_row.get("signatory_count"),
                "note": pledge_row.get("note", ""),
            },
        )
        pledge.signatories.set([_unit(slug) for slug in pledge_row.get("signatories", [])])
        for order, text in enumerate(pledge_row.get("commitments", [])):
            update_or_create(Commitment, pledge=pledge, order=order, defaults={"text": text})
        Commitment.objects.filter(
            pledge=pledge, order__gte=len(pledge_row.get("commitments", []))
        ).delete()
    if row.get("elections"):
        apply_elections(event, None)
    return event


@demo_loader
def load_events(stdout):
    data = read_data(__file__, "events.json")
    for row in data["documents"]:
        update_or_create(
            Document,
            number=row["number"],
            issued_on=_date(row["issued_on"]),
            defaults={"kind": row["kind"], "issuer": row["issuer"], "title": row.get("title", "")},
        )
    for row in data["movements"]:
        # Found by name: a kind corrected in the data files corrects the recorded movement.
        update_or_create(
            Movement,
            name=row["name"],
            defaults={
                "kind": row["kind"],
                "launched_by": _unit(row.get("launched_by")),
                "launched_by_text": row.get("launched_by_text", ""),
                "basis": _document(row["basis"]) if row.get("basis") else None,
                "first_year": row.get("first_year"),
                "last_year": row.get("last_year"),
            },
        )
    events = [_load_event(row, stdout) for row in data["events"]]
    stdout.write(
        f"Văn bản: {len(data['documents'])}, phong trào: {len(data['movements'])}, "
        f"sự kiện: {len(events)}."
    )
