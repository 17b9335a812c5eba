"""Counts of the awards in effect, kept current for the statistics (awards.tallies)."""

from django.db import models

from .catalogue import AwardType

# The emulation flags (Cờ thi đua của Bộ, của Chính phủ) share this slug prefix in the catalogue.
FLAG_SLUG_PREFIX = "co-thi-dua"


class KeptCount(models.Model):
    """A derived table that awards.tallies rebuilds from other rows. The rebuild renews the page
    cache itself, so thidua.cache leaves `kept_count` models out of its delete receiver (and
    Django deletes a year's rows in one statement)."""

    kept_count = True

    class Meta:
        abstract = True


class AwardCounts(KeptCount):
    """Awards in effect counted by year, award type, recipient kind and unit kind."""

    year = models.PositiveSmallIntegerField("năm")
    award_type = models.ForeignKey(AwardType, on_delete=models.CASCADE, related_name="+")
    collective = models.BooleanField("tập thể")
    unit_kind = models.CharField("loại đơn vị", max_length=20, blank=True)
    count = models.PositiveIntegerField("số khen thưởng")

    class Meta:
        abstract = True

    def __str__(self):
        return f"{self.year} – {self.award_type_id}: {self.count}"


class AwardTally(AwardCounts):
    """How many awards in effect (from a published decision, not revoked) of one award type, year,
    proposing bloc, recipient kind and unit kind. Rebuilt for a year whenever an award, a decision
    or a unit's kind changes, so the statistics read a few thousand rows instead of scanning every
    award."""

    bloc = models.ForeignKey(
        "blocs.Bloc", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = "số khen thưởng (thống kê)"
        verbose_name_plural = "số khen thưởng (thống kê)"
        indexes = [models.Index("year", "award_type", name="award_tally_year_type")]


class AwardTypeTally(AwardCounts):
    """AwardTally summed over the blocs: what the statistics without a bloc read — some thousand
    rows where AwardTally has hundreds of thousands (every bloc multiplies them). Rebuilt with
    AwardTally, from the same rows."""

    class Meta:
        verbose_name = "số khen thưởng theo loại (thống kê)"
        verbose_name_plural = "số khen thưởng theo loại (thống kê)"
        indexes = [models.Index("year", "award_type", name="award_type_tally_year_type")]


class AwardBlocTally(KeptCount):
    """AwardTally summed over the award types, keeping only whether they are emulation flags
    (year × proposing bloc × recipient kind × flag): the per-bloc tables of the statistics without
    a bloc or an award type. Awards without a bloc are left out (those tables leave them out).
    Rebuilt with AwardTally, from the same rows."""

    year = models.PositiveSmallIntegerField("năm")
    bloc = models.ForeignKey("blocs.Bloc", on_delete=models.CASCADE, related_name="+")
    collective = models.BooleanField("tập thể")
    flag = models.BooleanField("cờ thi đua")
    count = models.PositiveIntegerField("số khen thưởng")

    class Meta:
        verbose_name = "số khen thưởng theo khối (thống kê)"
        verbose_name_plural = "số khen thưởng theo khối (thống kê)"
        indexes = [models.Index("year", "bloc", name="award_bloc_tally_year_bloc")]

    def __str__(self):
        return f"{self.year} – {self.bloc_id}: {self.count}"


class NominationTally(KeptCount):
    """How many nominations of one year are in one status: the staff statistics' trend table.
    A derived table: awards.tallies rebuilds a year whenever a nomination of it is saved or
    deleted (a GROUP BY over that year's rows)."""

    year = models.PositiveSmallIntegerField("năm")
    status = models.CharField("trạng thái", max_length=20)
    count = models.PositiveIntegerField("số hồ sơ")

    class Meta:
        verbose_name = "số hồ sơ theo trạng thái (thống kê)"
        verbose_name_plural = "số hồ sơ theo trạng thái (thống kê)"
        indexes = [models.Index("year", "status", name="nomination_tally_year_status")]

    def __str__(self):
        return f"{self.year} – {self.status}: {self.count}"


class DecisionTimeTally(KeptCount):
    """The decisions (grants and refusals) on one year's submitted nominations: how many, and the
    mean and longest time from the nomination's first submission. A derived table: awards.tallies
    rebuilds a year whenever a submission or decision of it is logged or removed."""

    year = models.PositiveSmallIntegerField("năm", unique=True)
    count = models.PositiveIntegerField("số hồ sơ có kết quả")
    mean = models.DurationField("thời gian trung bình")
    longest = models.DurationField("thời gian lâu nhất")

    class Meta:
        verbose_name = "thời gian xử lý hồ sơ (thống kê)"
        verbose_name_plural = "thời gian xử lý hồ sơ (thống kê)"

    def __str__(self):
        return f"{self.year}: {self.count}"
