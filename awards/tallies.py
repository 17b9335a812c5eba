"""The statistics' counts (AwardTally and its sums over the blocs, AwardTypeTally, and over the
award types, AwardBlocTally), kept current on every change.

A change to an award, a decision (published, unpublished: the awards it grants or revokes), a
unit's kind or an award type's slug
(in or out of the flags) marks the years it touches; when the transaction commits, each marked
year's tallies are rebuilt from the awards of that year (one GROUP BY over the (year, …) index
range, not the whole table), and the sums from those rows. A decision of a thousand recipients
thus rebuilds its year once. The staff statistics' counts go the same way: a saved nomination
marks its year's status counts (NominationTally), a logged submission or decision its year's
decision times (DecisionTimeTally). Bulk writes that send no signals (the synthetic data) call
`refresh()` and `refresh_nominations()` themselves; `manage.py refresh_award_tallies` rebuilds
everything.
"""

import datetime
import zlib
from collections import Counter, defaultdict

from django.db import transaction
from django.db.models import Count, F, Min, Q, Value
from django.db.models.functions import Coalesce
from django.db.models.signals import post_delete, post_save, pre_save

from thidua.cache import bump_now_and_on_commit

from .models import (
    Action,
    Award,
    AwardBlocTally,
    AwardTally,
    AwardType,
    AwardTypeTally,
    Decision,
    DecisionTimeTally,
    Nomination,
    NominationTally,
    Transition,
)
from .models.tallies import FLAG_SLUG_PREFIX

DECIDING_ACTIONS = [Action.GRANT, Action.REJECT]
TIMED_ACTIONS = {Action.SUBMIT, *DECIDING_ACTIONS}


def _rows(years):
    awards = Award.objects.public().publicly_in_effect().order_by()
    if years is not None:
        awards = awards.filter(year__in=years)
    grouped = awards.values(
        "year",
        "award_type_id",
        "bloc_id",
        collective=Q(unit__isnull=False),
        kind=Coalesce(F("unit__kind"), Value("")),
    ).annotate(n=Count("id"))
    return [
        AwardTally(
            year=row["year"],
            award_type_id=row["award_type_id"],
            bloc_id=row["bloc_id"],
            collective=row["collective"],
            unit_kind=row["kind"],
            count=row["n"],
        )
        for row in grouped
    ]


def _is_flag(slug):
    return slug.startswith(FLAG_SLUG_PREFIX)


def _sums(rows):
    """The AwardTypeTally and AwardBlocTally rows that sum `rows` (AwardTally)."""
    flags = {pk for pk, slug in AwardType.objects.values_list("pk", "slug") if _is_flag(slug)}
    by_type, by_bloc = Counter(), Counter()
    for row in rows:
        by_type[row.year, row.award_type_id, row.collective, row.unit_kind] += row.count
        if row.bloc_id is not None:
            by_bloc[row.year, row.bloc_id, row.collective, row.award_type_id in flags] += row.count
    return (
        [
            AwardTypeTally(year=y, award_type_id=t, collective=c, unit_kind=k, count=n)
            for (y, t, c, k), n in by_type.items()
        ],
        [
            AwardBlocTally(year=y, bloc_id=b, collective=c, flag=f, count=n)
            for (y, b, c, f), n in by_bloc.items()
        ],
    )


def refresh(years=None):
    """Rebuilds the tallies of `years` (all years when None)."""
    if years is not None:
        years = sorted(set(years))
    with transaction.atomic():
        rows = _rows(years)
        by_type, by_bloc = _sums(rows)
        _rebuild(AwardTally, years, rows)
        _rebuild(AwardTypeTally, years, by_type)
        _rebuild(AwardBlocTally, years, by_bloc)


def mark(years, kind="awards"):
    """Rebuilds `years` of the `kind` of tallies (REFRESH) once the current transaction commits
    (at once outside one). The years gather on the connection; one callback per transaction
    rebuilds them all."""
    years = {y for y in years if y is not None}
    if not years:
        return
    connection = transaction.get_connection()
    marked = connection.__dict__.setdefault("_tally_years", {})
    marked.setdefault(kind, set()).update(years)
    # Register unless a callback is still waiting: one that ran cleared the flag, and a
    # rolled-back block dropped its callbacks from the list.
    waiting = connection.__dict__.get("_tally_waiting") and any(
        entry[1] is _run_marked for entry in connection.run_on_commit
    )
    if not waiting:
        connection._tally_waiting = True
        transaction.on_commit(_run_marked)


def _run_marked():
    connection = transaction.get_connection()
    connection._tally_waiting = False
    marked = connection.__dict__.pop("_tally_years", {})
    for kind, years in marked.items():
        if years:
            REFRESH[kind](years)


# --- the staff statistics' tallies ---------------------------------------------------------------


def decision_times(years):
    """{year: (count, mean, longest)} of the decisions (grant, refusal) on the nominations of
    `years` (all when None) that were submitted, timed from their first submission. Two plain
    queries summed here: a correlated "first submission" per decision costs seconds at scale."""
    transitions = Transition.objects.order_by()
    if years is not None:
        transitions = transitions.filter(nomination__year__in=years)
    first = dict(
        transitions.filter(action=Action.SUBMIT)
        .values("nomination_id")
        .annotate(first=Min("at"))
        .values_list("nomination_id", "first")
    )
    per_year = defaultdict(list)
    decided = transitions.filter(action__in=DECIDING_ACTIONS).values_list(
        "nomination_id", "nomination__year", "at"
    )
    for nomination_id, year, at in decided.iterator(chunk_size=5000):
        if nomination_id in first:
            per_year[year].append(at - first[nomination_id])
    return {
        year: (len(times), sum(times, datetime.timedelta()) / len(times), max(times))
        for year, times in per_year.items()
    }


def _one_rebuild_at_a_time(model):
    """Two rebuilds of one kept table wait for each other. Otherwise, under PostgreSQL's READ
    COMMITTED, the second's DELETE would not see the rows the first inserted and both sets would
    stay (counted twice). SQLite already writes one transaction at a time."""
    connection = transaction.get_connection()
    if connection.vendor == "postgresql":
        key = zlib.crc32(model._meta.db_table.encode())
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [key])


def _rebuild(model, years, rows):
    with transaction.atomic():
        _one_rebuild_at_a_time(model)
        stale = model.objects.all()
        if years is not None:
            stale = stale.filter(year__in=years)
        stale.delete()  # one statement: kept counts have no delete receiver (thidua.cache)
        model.objects.bulk_create(rows, batch_size=2000)
        # Pages rendered from the old counts since the change committed are not kept.
        bump_now_and_on_commit()


def refresh_statuses(years=None):
    """Rebuilds NominationTally for `years` (all years when None)."""
    nominations = Nomination.objects.order_by()
    if years is not None:
        years = sorted(set(years))
        nominations = nominations.filter(year__in=years)
    counts = nominations.values_list("year", "status").annotate(n=Count("*"))
    _rebuild(
        NominationTally, years, [NominationTally(year=y, status=s, count=n) for y, s, n in counts]
    )


def refresh_decision_times(years=None):
    """Rebuilds DecisionTimeTally for `years` (all years when None)."""
    if years is not None:
        years = sorted(set(years))
    rows = [
        DecisionTimeTally(year=year, count=n, mean=mean, longest=longest)
        for year, (n, mean, longest) in decision_times(years).items()
    ]
    _rebuild(DecisionTimeTally, years, rows)


def refresh_nominations(years=None):
    """Rebuilds the staff statistics' tallies of `years` (all years when None)."""
    refresh_statuses(years)
    refresh_decision_times(years)


# What a kind of mark rebuilds: a workflow step saves its nomination (its status counts, cheap);
# only submissions and decisions move the decision times (a year's transitions, dearer).
REFRESH = {
    "awards": refresh,
    "statuses": refresh_statuses,
    "decision_times": refresh_decision_times,
}


# --- what marks a year --------------------------------------------------------------------------


def _remember_award_year(sender, instance, **kwargs):
    if instance.pk:
        instance._tally_old_year = (
            Award.objects.filter(pk=instance.pk).values_list("year", flat=True).first()
        )


def _award_changed(sender, instance, **kwargs):
    mark({instance.year, getattr(instance, "_tally_old_year", None)})


def _decision_changed(sender, instance, created=False, **kwargs):
    # Published or unpublished, a decision moves the counts of the awards it grants and, once its
    # revocation is public (REVOCATION_IS_PUBLIC), of those it revokes.
    if not created:
        touched = Award.objects.filter(Q(decision=instance) | Q(revoked_by=instance))
        mark(touched.values_list("year", flat=True).distinct())


def _remember_unit_kind(sender, instance, **kwargs):
    if instance.pk:
        instance._tally_old_kind = (
            type(instance).objects.filter(pk=instance.pk).values_list("kind", flat=True).first()
        )


def _unit_changed(sender, instance, created=False, **kwargs):
    if not created and getattr(instance, "_tally_old_kind", instance.kind) != instance.kind:
        mark(Award.objects.filter(unit=instance).values_list("year", flat=True).distinct())


def _remember_type_slug(sender, instance, **kwargs):
    if instance.pk:
        instance._tally_old_slug = (
            AwardType.objects.filter(pk=instance.pk).values_list("slug", flat=True).first()
        )


def _type_changed(sender, instance, created=False, **kwargs):
    # AwardBlocTally keeps whether a type is a flag: a slug in or out of the flags moves counts.
    old = getattr(instance, "_tally_old_slug", None)
    if not created and old is not None and _is_flag(old) != _is_flag(instance.slug):
        mark(
            AwardTally.objects.filter(award_type=instance).values_list("year", flat=True).distinct()
        )


def _remember_nomination_year(sender, instance, update_fields=None, **kwargs):
    instance._tally_old_year = None
    # A workflow step saves named fields without the year: no query for it.
    if instance.pk and (update_fields is None or "year" in update_fields):
        instance._tally_old_year = (
            Nomination.objects.filter(pk=instance.pk).values_list("year", flat=True).first()
        )


def _nomination_changed(sender, instance, **kwargs):
    old = getattr(instance, "_tally_old_year", None)
    mark({instance.year, old}, "statuses")
    if old is not None and old != instance.year:  # its decisions move to the new year
        mark({instance.year, old}, "decision_times")


def _nomination_deleted(sender, instance, **kwargs):
    mark({instance.year}, "statuses")
    mark({instance.year}, "decision_times")


def _transition_changed(sender, instance, **kwargs):
    # Only submissions and decisions time a decision; the status counts follow the nomination.
    if instance.action in TIMED_ACTIONS:
        nomination = instance._state.fields_cache.get("nomination")
        if nomination is not None and nomination.pk == instance.nomination_id:
            mark({nomination.year}, "decision_times")
        else:
            nominations = Nomination.objects.filter(pk=instance.nomination_id)
            mark(nominations.values_list("year", flat=True), "decision_times")


def connect():
    from units.models import Unit

    pre_save.connect(_remember_award_year, sender=Award, dispatch_uid="tally_award_pre")
    post_save.connect(_award_changed, sender=Award, dispatch_uid="tally_award")
    post_delete.connect(_award_changed, sender=Award, dispatch_uid="tally_award_delete")
    post_save.connect(_decision_changed, sender=Decision, dispatch_uid="tally_decision")
    pre_save.connect(_remember_unit_kind, sender=Unit, dispatch_uid="tally_unit_pre")
    post_save.connect(_unit_changed, sender=Unit, dispatch_uid="tally_unit")
    pre_save.connect(_remember_type_slug, sender=AwardType, dispatch_uid="tally_type_pre")
    post_save.connect(_type_changed, sender=AwardType, dispatch_uid="tally_type")
    pre_save.connect(
        _remember_nomination_year, sender=Nomination, dispatch_uid="tally_nomination_pre"
    )
    post_save.connect(_nomination_changed, sender=Nomination, dispatch_uid="tally_nomination")
    post_delete.connect(
        _nomination_deleted, sender=Nomination, dispatch_uid="tally_nomination_delete"
    )
    post_save.connect(_transition_changed, sender=Transition, dispatch_uid="tally_transition")
    post_delete.connect(
        _transition_changed, sender=Transition, dispatch_uid="tally_transition_delete"
    )
