import pytest

from awards.models import Award, Nomination, Status, Transition
from tests.factories import synthetic_dataset

pytestmark = pytest.mark.django_db


def test_synthetic_nominations_spread_over_states_with_transitions_and_awards():
    synthetic_dataset(400, units=60, blocs=4, years=6, events=20, people=50)
    assert Nomination.objects.count() == 400
    assert Transition.objects.count() == 400
    statuses = set(Nomination.objects.values_list("status", flat=True))
    assert {Status.GRANTED, Status.REJECTED, Status.SUBMITTED, Status.REVOKED} <= statuses
    granted = Nomination.objects.filter(status__in=[Status.GRANTED, Status.REVOKED]).count()
    assert Award.objects.count() == granted
    assert (
        Award.objects.filter(revoked_by__isnull=False).count()
        == Nomination.objects.filter(status=Status.REVOKED).count()
    )
    from awards.synthetic import award_pages  # imported late: generators run in app order

    paths = [path for _, path, _ in award_pages()]
    assert "/khen-thuong/tham-dinh/" in paths and "/khen-thuong/khoi/" in paths
