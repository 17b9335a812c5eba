import pytest
from django.urls import reverse

from awards.models import Status

pytestmark = pytest.mark.django_db


def test_pages_render(client, world, nominate):
    n = nominate(status=Status.SUBMITTED)
    assert client.get(reverse("awards:list")).status_code == 200
    client.force_login(world.leader)
    assert client.get(reverse("awards:dashboard")).status_code == 200
    assert client.get(reverse("awards:create", args=[world.bloc.slug, 2025])).status_code == 200
    assert client.get(reverse("awards:detail", args=[n.pk])).status_code == 200
    client.force_login(world.reviewer)
    r = client.get(reverse("awards:queue"))
    assert r.status_code == 200, r.content
    assert client.get(reverse("awards:detail", args=[n.pk])).status_code == 200
    assert (
        client.get(reverse("awards:review_action", args=[n.pk, "bat-dau-tham-dinh"])).status_code
        == 200
    )
