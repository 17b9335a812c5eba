"""Counts of the awards in effect, kept current for the statistics (awards.tallies)."""

from django.db import models

from .catalogue import AwardType


class AwardTally(models.Model):
    """How many awards in effect (from a published decision, not revoked) of one award type, year,
    proposing bloc, recipient kind and unit kind. A derived table: awards.tallies rebuilds a year's
    rows whenever an award, a decision or a unit's kind changes, so the statistics read a few
    thousand rows instead of scanning every award."""

    year = models.PositiveSmallIntegerField("năm")
    award_type = models.ForeignKey(AwardType, on_delete=models.CASCADE, related_name="+")
    bloc = models.ForeignKey(
        "blocs.Bloc", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    collective = models.BooleanField("tập thể")
    unit_kind = models.CharField("loại đơn vị", max_length=20, blank=True)
    count = models.PositiveIntegerField("số khen thưởng")

    class Meta:
        verbose_name = "số khen thưởng (thống kê)"
        verbose_name_plural = "số khen thưởng (thống kê)"
        indexes = [models.Index("year", "award_type", name="award_tally_year_type")]

    def __str__(self):
        return f"{self.year} – {self.award_type_id}: {self.count}"
