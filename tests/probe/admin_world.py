"""The world the admin probes run against: the demo data with its accounts (one per role), a
staff account that may only view, and rows the demo lacks, so that every registered model admin
has rows with history — among them a dossier, with its log, of a bloc the demo bloc leader does
not lead. A model registered later is probed with its first and last rows; the probes fail when
it has none here (add them below), never skip it."""

import io

from django.contrib import admin
from django.contrib.admin.utils import flatten_fieldsets
from django.contrib.auth.models import Permission
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.forms import FileField
from django.test import RequestFactory
from simple_history.admin import SimpleHistoryAdmin
from simple_history.utils import get_history_manager_for_model

from awards.models import CertificateField, CertificateLayout, Status
from blocs.models import Event, Honour
from tests.factories import (
    AwardFactory,
    CouncilVoteFactory,
    MembershipFactory,
    NominationFactory,
    OverrideFactory,
    TransitionFactory,
    UnitNameFactory,
    UserFactory,
)
from thidua.models import DocumentTemplate
from thidua.paper import kinds
from units.models import Unit, User

ANONYMOUS = "ẩn danh"
VIEW_ONLY = "chỉ xem"
# The demo accounts (README): administrator, secretariat clerk, bloc leader's staff, reviewer.
ROLES = [ANONYMOUS, "admin", "thuky", "khoitruong", "tdkt", VIEW_ONLY]


def build():
    call_command("load_demo", stdout=io.StringIO())
    # The catalogue and rules come from a data migration, which writes no history.
    call_command("populate_history", auto=True, stdout=io.StringIO(), stderr=io.StringIO())
    other_bloc = NominationFactory(status=Status.SUBMITTED)
    # A valid dossier: its unit is a member of its bloc that year (a revert re-validates it).
    MembershipFactory(
        bloc_year__bloc=other_bloc.bloc, bloc_year__year=other_bloc.year, unit=other_bloc.unit
    )
    TransitionFactory(nomination=other_bloc)
    CouncilVoteFactory(nomination=other_bloc)
    OverrideFactory(nomination=other_bloc, created_by=User.objects.get(username="admin"))
    AwardFactory(year=2012)
    UnitNameFactory(valid_until=2010)
    event = Event.objects.order_by("pk").first()
    Honour.objects.create(event=event, unit=Unit.objects.order_by("pk").first())
    layout = CertificateLayout.objects.create(name="Mẫu thử", is_default=True)
    CertificateField.objects.create(layout=layout, element="recipient", x_mm=40, y_mm=95)
    kind = kinds.all_kinds()[0]
    template = DocumentTemplate(kind=kind.key)
    template.file.save("mau.docx", ContentFile(kind.shipped.read_bytes()), save=False)
    template.save()
    # The bloc assessment: criteria of a bloc-year (the demo's 2015 result is entered already).
    from blocs.assessments import services as assessments
    from blocs.models import BlocYear

    bloc_year = BlocYear.objects.get(bloc__slug="khoi-tong-cuc-cuc-ban-quy", year=2016)
    assessments.copy_criteria(bloc_year, User.objects.get(username="thuky"), source="template")
    viewer = UserFactory(username="chixem")
    viewer.user_permissions.set(Permission.objects.filter(codename__startswith="view_"))


def login(client, role):
    if role == ANONYMOUS:
        return None
    username = "chixem" if role == VIEW_ONLY else role
    user = User.objects.get(username=username)
    client.force_login(user)
    return user


# django-axes' login-throttling log (secdata): not the site's records. Its rows come and go with
# failed logins, and deleting one is how an administrator unlocks an account, so they keep no
# history by design; the dates and URL probes still cover its admin.
NOT_RECORDS = {"axes"}


def model_admins():
    """Every registered model admin of the site's records, as (label, model admin)."""
    return sorted(
        (model._meta.label_lower, ma)
        for model, ma in admin.site._registry.items()
        if model._meta.app_label not in NOT_RECORDS
    )


def history_admins():
    return [(label, ma) for label, ma in model_admins() if isinstance(ma, SimpleHistoryAdmin)]


def samples(model):
    """The first and the last row (the demo's and the ones added here)."""
    rows = model._default_manager.order_by("pk")
    found = {row.pk: row for row in (rows.first(), rows.last()) if row is not None}
    assert found, f"{model._meta.label}: no row in the probe world; add one in admin_world.build"
    return list(found.values())


def history_of(obj):
    return get_history_manager_for_model(obj).order_by("history_date", "history_id")


def url(ma, name, *args):
    opts = ma.model._meta
    return f"/admin/{opts.app_label}/{opts.model_name}/" + "".join(f"{a}/" for a in args) + name


def superuser_request():
    request = RequestFactory().get("/admin/")
    request.user = User.objects.get(username="admin")
    return request


def form_data(ma, obj, version):
    """What a revert page would post: the admin's form (as the administrator sees it) filled
    with `version`'s values. An attacker may post it whatever the page shows."""
    request = superuser_request()
    fields = flatten_fieldsets(ma.get_fieldsets(request, obj))
    form = ma.get_form(request, obj, fields=fields)(instance=version)
    data = {}
    for name, field in form.fields.items():
        value = form[name].value()
        if value is None or isinstance(field, FileField) or field.disabled:
            continue
        if isinstance(value, bool):
            if value:
                data[name] = "on"
            continue
        data[name] = [str(v) for v in value] if isinstance(value, list | tuple) else value
    return data, form


def row_counts():
    """{model label: rows} of every concrete model: a delete must take nothing along silently."""
    from django.apps import apps

    return {
        m._meta.label_lower: m._default_manager.count()
        for m in apps.get_models()
        if not m._meta.proxy and m._meta.managed
    }
