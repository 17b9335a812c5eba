"""Every admin page a clerk sees speaks Vietnamese: list, add, change, history (list and one
version), delete confirmation of every registered model, the index pages, the validation banner,
the bulk-delete confirmation, login, logout and password change — rendered with the demo data —
carry none of the English phrases listed here (Django's and django-simple-history's own)."""

import re
from html.parser import HTMLParser

import pytest
from django.contrib import admin
from django.test import RequestFactory
from django.urls import reverse

from blocs.models import BlocYear
from units.models import User

pytestmark = pytest.mark.django_db

# Whole words or phrases, matched case-sensitively on the visible text (and on the values of
# buttons, placeholders and tooltips). Vietnamese text contains none of them.
ENGLISH = [
    "Please correct",
    "error below",
    "errors below",
    "Show counts",
    "Hide counts",
    "Change history",
    "Revert",
    "revert",
    "Delete",
    "delete",
    "Are you sure",
    "Yes, I’m sure",
    "Yes, I'm sure",
    "No, take me back",
    "Save",
    "Save and add another",
    "Save and continue",
    "Save as new",
    "Add",
    "add",
    "Change",
    "change",
    "View",
    "Filter",
    "Search",
    "History",
    "history",
    "View site",
    "View on site",
    "Log out",
    "Log in",
    "Logged out",
    "Home",
    "Action",
    "Action:",
    "Go",
    "selected",
    "Select all",
    "Clear selection",
    "No action",
    "Object",
    "Date/time",
    "User",
    "Comment",
    "Changed by",
    "Change reason",
    "Current",
    "Press the",
    "button below",
    "Welcome",
    "Documentation",
    "Password",
    "password",
    "Old password",
    "New password",
    "Recent actions",
    "My actions",
    "None available",
    "Unknown content",
    "Toggle",
    "theme",
    "Skip to main content",
    "Breadcrumbs",
    "Start typing",
    "Show all",
    "Show",
    "Hide",
    "All",
    "Any date",
    "Today",
    "Yesterday",
    "Past 7 days",
    "This month",
    "This year",
    "No date",
    "Has date",
    "Yes",
    "No",
    "Unknown",
    "Empty",
    "Not empty",
    "By ",
    "results",
    "result",
    "total",
    "of",
    "Now",
    "Choose",
    "Calendar",
    "Clock",
    "Midnight",
    "Noon",
    "Cancel",
    "Currently",
    "Clear",
    "Upload",
    "Summary",
    "Objects",
    "Protected",
    "Model",
    "Models in the",
    "application",
    "You have",
    "You don’t have",
    "This field is required",
    "Enter a valid",
    "Select a valid",
    "Thanks for spending",
    "Close",
    "Lookup",
    "Required",
    "Required.",
    "Raw passwords",
    "Enter",
    "Date",
    "Time",
    "Note",
    "Hold down",
    "Available",
    "Chosen",
    "Remove",
    "Previous",
    "Next",
    "Page",
    "ID",
]

_PHRASE_RE = re.compile("|".join(rf"(?<![\w-]){re.escape(p.strip())}(?![\w’'-])" for p in ENGLISH))


class VisibleText(HTMLParser):
    """The text a user reads: element text outside script/style/template, and the values of
    buttons, placeholders, tooltips and image alternatives."""

    HIDDEN = {"script", "style", "template", "noscript"}

    def __init__(self):
        super().__init__()
        self.parts, self.hidden = [], 0

    def handle_starttag(self, tag, attrs):
        if tag in self.HIDDEN:
            self.hidden += 1
        attrs = dict(attrs)
        if tag == "input" and attrs.get("type") in {"submit", "button", "reset"}:
            self.parts.append(attrs.get("value") or "")
        for name in ["placeholder", "title", "alt", "aria-label"]:
            if attrs.get(name):
                self.parts.append(attrs[name])

    def handle_endtag(self, tag):
        if tag in self.HIDDEN and self.hidden:
            self.hidden -= 1

    def handle_data(self, data):
        if not self.hidden:
            self.parts.append(data)


def english_in(html: str) -> list[str]:
    parser = VisibleText()
    parser.feed(html)
    text = " ".join(" ".join(parser.parts).split())
    found = []
    for match in _PHRASE_RE.finditer(text):
        start = max(match.start() - 40, 0)
        found.append(f"{match.group(0)!r} in «…{text[start : match.end() + 40]}…»")
    return found


@pytest.fixture
def superuser(demo):
    return User.objects.create_superuser("quantri", "quantri@example.vn", "mat-khau-quan-tri")


def admin_pages(user):
    """(label, url) of every page of every registered model, with an existing row."""
    request = RequestFactory().get("/admin/")
    request.user = user
    yield "index", reverse("admin:index")
    seen_apps = set()
    for model, model_admin in admin.site._registry.items():
        opts = model._meta
        info = opts.app_label, opts.model_name
        if opts.app_label not in seen_apps:
            seen_apps.add(opts.app_label)
            yield f"app {opts.app_label}", reverse("admin:app_list", args=[opts.app_label])
        yield f"{info} list", reverse("admin:{}_{}_changelist".format(*info))
        if model_admin.has_add_permission(request):
            yield f"{info} add", reverse("admin:{}_{}_add".format(*info))
        obj = model._default_manager.order_by("pk").first()
        if obj is None:
            continue
        args = [obj.pk]
        yield f"{info} change", reverse("admin:{}_{}_change".format(*info), args=args)
        yield f"{info} history", reverse("admin:{}_{}_history".format(*info), args=args)
        yield f"{info} delete", reverse("admin:{}_{}_delete".format(*info), args=args)
        history = getattr(obj, "history", None)
        if history is not None and history.exists():
            version = history.order_by("history_id").first()
            yield (
                f"{info} version",
                reverse(
                    "admin:{}_{}_simple_history".format(*info), args=[obj.pk, version.history_id]
                ),
            )
    bloc_year = BlocYear.objects.order_by("pk").first()
    yield "bulk members", reverse("admin:blocs_blocyear_bulk_members", args=[bloc_year.pk])
    yield "password change", reverse("admin:password_change")
    yield "password change done", reverse("admin:password_change_done")


def check(label, response, problems):
    assert response.status_code == 200, (label, response.status_code)
    problems += [f"{label}: {hit}" for hit in english_in(response.content.decode())]


def test_every_admin_page_is_in_vietnamese(client, superuser):
    client.force_login(superuser)
    problems = []
    for label, url in admin_pages(superuser):
        # A refused delete (records history depends on) goes back to the record with the reason.
        follow = label.endswith(" delete")
        check(f"{label} {url}", client.get(url, follow=follow), problems)
    assert not problems, "\n".join(problems)


def management_data(response):
    """The add form's inline management fields, so that a POST reaches validation."""
    data = {}
    for inline in response.context["inline_admin_formsets"]:
        form = inline.formset.management_form
        data.update({form.add_prefix(name): form[name].value() for name in form.fields})
    return data


def test_the_validation_banner_and_every_error_are_in_vietnamese(client, superuser):
    client.force_login(superuser)
    problems, banners = [], 0
    for model in admin.site._registry:
        url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_add")
        form_page = client.get(url)
        if form_page.status_code == 403:
            continue  # a log written by the services only
        response = client.post(url, management_data(form_page))
        if response.status_code == 302:
            continue  # nothing required: saved
        check(f"{url} POST", response, problems)
        banners += "Vui lòng sửa các lỗi được nêu dưới đây." in response.content.decode()
    assert not problems, "\n".join(problems)
    assert banners > 10


def test_lists_with_counts_and_filters_bulk_delete_login_and_logout_are_in_vietnamese(
    client, superuser
):
    client.force_login(superuser)
    problems = []
    for model in admin.site._registry:
        info = model._meta.app_label, model._meta.model_name
        url = reverse("admin:{}_{}_changelist".format(*info))
        check(f"{url} counts", client.get(url, {"_facets": "True"}), problems)
        first = model._default_manager.order_by("pk").first()
        if first is not None:
            response = client.post(
                url, {"action": "delete_selected", "_selected_action": [first.pk]}
            )
            if response.status_code == 200:  # the confirmation page (or the action's refusal)
                check(f"{url} bulk delete", response, problems)
    assert client.post(reverse("admin:logout")).status_code == 302  # to the public home page
    check("admin login", client.get(reverse("admin:login")), problems)
    check("site login", client.get(reverse("login")), problems)
    response = client.post(reverse("admin:login"), {"username": "quantri", "password": "sai"})
    check("admin login refused", response, problems)
    assert not problems, "\n".join(problems)


def test_the_admin_scripts_speak_vietnamese(client, superuser):
    client.force_login(superuser)
    catalogue = client.get(reverse("admin:jsi18n")).content.decode()
    for english, vietnamese in [("Sunday", "Ch\\u1ee7 nh\\u1eadt"), ("Today", "H\\u00f4m nay")]:
        assert f'"{english}": "{vietnamese}"' in catalogue, english


def test_the_committed_catalogues_are_compiled_from_their_po_files():
    """`make messages` was run after the last edit of a .po (the .mo files are committed, so a
    fresh machine needs no GNU gettext)."""
    import gettext
    from pathlib import Path

    import polib
    from django.conf import settings

    for po_path in Path(settings.BASE_DIR, "locale").rglob("*.po"):
        with open(po_path.with_suffix(".mo"), "rb") as mo_file:
            compiled = gettext.GNUTranslations(mo_file)._catalog
        for entry in polib.pofile(str(po_path)).translated_entries():
            key = f"{entry.msgctxt}\x04{entry.msgid}" if entry.msgctxt else entry.msgid
            if entry.msgid_plural:
                assert compiled[(key, 0)] == entry.msgstr_plural[0], (po_path, entry.msgid)
            else:
                assert compiled[key] == entry.msgstr, (po_path, entry.msgid)
