"""Probe: Unicode variants of names. Every text of every record is stored NFC with single spaces,
whatever path wrote it; a unit or an award type entered again under a variant of its name (NFD,
old tone placement, case, spacing) is refused with the reason. Models are found from admin.site,
so a new model is probed without a new test."""

import unicodedata

import pytest
from django.db import IntegrityError, models, transaction
from django.urls import reverse

from awards.models import AwardType
from tests.factories import MinistryFactory, UnitFactory
from thidua.stored_text import SKIPPED
from thidua.text import identity_key, stored_text
from units.models import Unit, UnitKind

from . import admin_world as w

pytestmark = pytest.mark.django_db


def nfd(text):
    return unicodedata.normalize("NFD", text)


@pytest.fixture
def probe_world(db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    w.build()


def test_every_text_of_every_record_is_stored_nfc_with_single_spaces(probe_world):
    probed = 0
    for _, ma in w.model_admins():
        model = ma.model
        for obj in w.samples(model):
            for field in model._meta.concrete_fields:
                if not isinstance(field, models.CharField | models.TextField):
                    continue
                value = getattr(obj, field.attname)
                if field.name in SKIPPED or not isinstance(value, str) or value.isascii():
                    continue
                one_line = not isinstance(field, models.TextField)
                variant = f"  {nfd(value)}  " if one_line else nfd(value)
                setattr(obj, field.attname, variant)
                obj.save(update_fields=[field.attname])
                stored = model._default_manager.values_list(field.attname, flat=True).get(pk=obj.pk)
                assert stored == stored_text(value, single_line=one_line), (model, field.name)
                probed += 1
    assert probed > 20  # the demo's Vietnamese names, titles and notes


def test_the_identity_key_tells_apart_what_a_reader_tells_apart():
    same = ["Viện Thủy lợi", "viện thuỷ  lợi", nfd("Viện Thủy lợi"), "VIỆN THỦY LỢI"]
    assert len({identity_key(name) for name in same}) == 1
    assert identity_key("Vụ Thi đua-Khen thưởng") == identity_key("Vụ Thi đua - Khen thưởng")
    assert identity_key("Trung tâm Hòa Lạc") != identity_key("Trung tâm Hóa Lạc")


UNIT_FORM = {
    "short_name": "",
    "kind": UnitKind.INSTITUTE,
    "active_from": "",
    "active_until": "",
    "successor": "",
    "description": "",
    "names-TOTAL_FORMS": 0,
    "names-INITIAL_FORMS": 0,
    "names-MIN_NUM_FORMS": 0,
    "names-MAX_NUM_FORMS": 1000,
}


@pytest.mark.parametrize(
    "variant",
    [nfd("Viện Khoa học Thủy lợi"), "Viện Khoa học Thuỷ lợi", "Viện  khoa học  thủy lợi"],
    ids=["nfd", "tone-placement", "case-and-spacing"],
)
def test_a_unit_entered_again_under_a_variant_of_its_name_is_refused(admin_client, variant):
    ministry = MinistryFactory()
    UnitFactory(name="Viện Khoa học Thủy lợi", parent=ministry)
    data = {**UNIT_FORM, "name": variant, "parent": ministry.pk}
    response = admin_client.post(reverse("admin:units_unit_add"), data)
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors["name"]
    assert "Đã có đơn vị «Viện Khoa học Thủy lợi» cùng đơn vị cấp trên" in errors[0]
    assert Unit.objects.filter(parent=ministry).count() == 1


def test_the_same_name_elsewhere_or_in_another_period_is_another_unit(admin_client):
    ministry = MinistryFactory()
    UnitFactory(name="Trung tâm Thông tin", parent=ministry, active_until=2010)
    url = reverse("admin:units_unit_add")
    for data in [
        {"parent": MinistryFactory().pk},  # another ministry's centre
        {"parent": ministry.pk, "active_from": "2011"},  # founded again after the first closed
    ]:
        response = admin_client.post(url, {**UNIT_FORM, "name": "Trung tâm Thông tin", **data})
        assert response.status_code == 302, response.context["adminform"].form.errors
    assert Unit.objects.filter(name="Trung tâm Thông tin").count() == 3


def test_an_award_type_under_a_variant_of_its_name_is_refused_by_the_form_and_the_database(
    admin_client,
):
    existing = AwardType.objects.get(slug="co-thi-dua-bo")
    variant = "  " + nfd(existing.name.upper()) + " "
    page = admin_client.get(reverse("admin:awards_awardtype_change", args=[existing.pk]))
    data = {
        name: value
        for name, value in page.context["adminform"].form.initial.items()
        if value is not None and not isinstance(value, bool)
    }
    data.update(name=variant, slug="co-thi-dua-bo-2")
    response = admin_client.post(reverse("admin:awards_awardtype_add"), data)
    assert response.status_code == 200
    assert "trùng với một loại đã có" in response.context["adminform"].form.errors["name"][0]
    with pytest.raises(IntegrityError), transaction.atomic():
        AwardType.objects.create(
            name=variant, slug="co-thi-dua-bo-3", category=existing.category, level=existing.level
        )
    assert AwardType.objects.filter(name_key=identity_key(existing.name)).count() == 1
