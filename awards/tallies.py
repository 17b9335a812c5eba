"""The statistics' counts (AwardTally), kept current on every change.

A change to an award, a decision (published, unpublished) or a unit's kind marks the years it
touches; when the transaction commits, each marked year's tallies are rebuilt from the awards of
that year (one GROUP BY over the (year, …) index range, not the whole table). A decision of a
thousand recipients thus rebuilds its year once. Bulk writes that send no signals (the synthetic
data) call `refresh()` themselves; `manage.py refresh_award_tallies` rebuilds everything.
"""

from django.db import transaction
from django.db.models import Count, F, Q, Value
from django.db.models.functions import Coalesce
from django.db.models.signals import post_delete, post_save, pre_save

from .models import Award, AwardTally, Decision


def _rows(years):
    awards = Award.objects.public().in_effect().order_by()
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


def refresh(years=None):
    """Rebuilds the tallies of `years` (all years when None)."""
    with transaction.atomic():
        stale = AwardTally.objects.all()
        if years is not None:
            years = sorted(set(years))
            stale = stale.filter(year__in=years)
        stale.delete()
        AwardTally.objects.bulk_create(_rows(years), batch_size=2000)


def mark(years):
    """Rebuilds `years` once the current transaction commits (at once outside one). The years
    gather on the connection; one callback per transaction rebuilds them all."""
    years = {y for y in years if y is not None}
    if not years:
        return
    connection = transaction.get_connection()
    connection.__dict__.setdefault("_tally_years", set()).update(years)
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
    years = connection.__dict__.pop("_tally_years", set())
    if years:
        refresh(years)


# --- what marks a year --------------------------------------------------------------------------


def _remember_award_year(sender, instance, **kwargs):
    if instance.pk:
        instance._tally_old_year = (
            Award.objects.filter(pk=instance.pk).values_list("year", flat=True).first()
        )


def _award_changed(sender, instance, **kwargs):
    mark({instance.year, getattr(instance, "_tally_old_year", None)})


def _decision_changed(sender, instance, created=False, **kwargs):
    if not created:
        mark(Award.objects.filter(decision=instance).values_list("year", flat=True).distinct())


def _remember_unit_kind(sender, instance, **kwargs):
    if instance.pk:
        instance._tally_old_kind = (
            type(instance).objects.filter(pk=instance.pk).values_list("kind", flat=True).first()
        )


def _unit_changed(sender, instance, created=False, **kwargs):
    if not created and getattr(instance, "_tally_old_kind", instance.kind) != instance.kind:
        mark(Award.objects.filter(unit=instance).values_list("year", flat=True).distinct())


def connect():
    from units.models import Unit

    pre_save.connect(_remember_award_year, sender=Award, dispatch_uid="tally_award_pre")
    post_save.connect(_award_changed, sender=Award, dispatch_uid="tally_award")
    post_delete.connect(_award_changed, sender=Award, dispatch_uid="tally_award_delete")
    post_save.connect(_decision_changed, sender=Decision, dispatch_uid="tally_decision")
    pre_save.connect(_remember_unit_kind, sender=Unit, dispatch_uid="tally_unit_pre")
    post_save.connect(_unit_changed, sender=Unit, dispatch_uid="tally_unit")
