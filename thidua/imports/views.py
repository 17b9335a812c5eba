"""The import pages: a hub, then per kind upload → preview → confirm. Thin: reading is
thidua.imports.reader, planning and writing are the app's importer, through run.py."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from ..staff import staff_page
from . import registry, run, staging, workbook
from .base import CREATE, EXISTS
from .forms import UploadForm
from .reader import FileRefused

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# Rows shown in full on a preview besides every row that needs attention.
SHOWN_CLEAN_ROWS = 500


def _importer(request, kind):
    importer = registry.get(kind)
    if importer is None:
        raise Http404("Không có loại dữ liệu nhập này.")
    if not importer.may_open(request.user):
        raise PermissionDenied("Tài khoản của bạn không có quyền nhập loại dữ liệu này.")
    return importer


def _options(importer, user, data):
    """(cleaned options, options form) — the form re-checks the user's scope at every step."""
    form = importer.make_options_form(user, data)
    if form is None:
        return {}, None
    return (form.cleaned_data if form.is_valid() else None), form


@staff_page
def hub(request):
    importers = registry.open_to(request.user)
    if not importers:
        raise PermissionDenied("Tài khoản của bạn không có quyền nhập dữ liệu từ Excel.")
    return render(request, "imports/hub.html", {"importers": importers})


@staff_page
def upload(request, kind):
    importer = _importer(request, kind)
    posted = request.method == "POST"
    form = UploadForm(request.POST if posted else None, request.FILES if posted else None)
    options, options_form = _options(importer, request.user, request.POST if posted else None)
    if posted and form.is_valid() and options is not None:
        refusal = importer.refusal(request.user, options)
        upload_file = form.cleaned_data["file"]
        data = upload_file.read()
        if refusal:
            form.add_error(None, refusal)
        else:
            try:
                run.preview(importer, data, upload_file.name, options, request.user)
            except FileRefused as exc:
                form.add_error("file", exc.message)
            else:
                raw = {
                    name: request.POST.get(name, "")
                    for name in (options_form.fields if options_form else ())
                }
                token = staging.stash(request.session, kind, upload_file.name, data, raw)
                return redirect("imports:preview", kind=kind, token=token)
    return render(
        request,
        "imports/upload.html",
        {
            "importer": importer,
            "form": form,
            "options_form": options_form,
            "max_rows": f"{settings.IMPORT_MAX_ROWS:,}".replace(",", "."),
        },
    )


@staff_page
def preview(request, kind, token):
    importer = _importer(request, kind)
    staged = staging.load(request.session, kind, token)
    if staged is None:
        messages.error(request, "Phiên nhập này đã hết hạn hoặc đã được ghi; hãy tải tệp lên lại.")
        return redirect("imports:upload", kind=kind)
    data, meta = staged
    options, _ = _options(importer, request.user, meta["options"])
    refusal = "Lựa chọn khi tải lên không còn hợp lệ." if options is None else None
    refusal = refusal or importer.refusal(request.user, options)
    if refusal:
        raise PermissionDenied(refusal)
    accepted = _decisions(request)
    filename = meta["filename"]
    try:
        if request.method == "POST" and request.POST.get("action") == "confirm":
            try:
                plan = run.confirm(importer, data, filename, options, request.user, accepted)
            except run.ImportBlocked as exc:
                plan = exc.plan
                messages.error(request, str(exc))
            except run.WriteRefused as exc:
                plan = run.preview(importer, data, filename, options, request.user, accepted)
                messages.error(request, f"Chưa ghi gì (toàn bộ tệp được huỷ): {exc.message}")
            else:
                staging.discard(request.session, token)
                messages.success(
                    request,
                    f"Đã nhập «{filename}»: tạo mới {plan.count(CREATE)} dòng, "
                    f"{plan.count(EXISTS)} dòng đã có được dùng lại.",
                )
                return redirect("imports:upload", kind=kind)
        else:
            plan = run.preview(importer, data, filename, options, request.user, accepted)
    except FileRefused as exc:
        staging.discard(request.session, token)
        messages.error(request, exc.message)
        return redirect("imports:upload", kind=kind)
    attention = [row for row in plan.rows if row.status not in (CREATE, EXISTS)]
    clean = [row for row in plan.rows if row.status in (CREATE, EXISTS)]
    return render(
        request,
        "imports/preview.html",
        {
            "importer": importer,
            "plan": plan,
            "filename": filename,
            "options": options,
            "attention": attention,
            "clean_rows": clean[:SHOWN_CLEAN_ROWS],
            "clean_hidden": max(0, len(clean) - SHOWN_CLEAN_ROWS),
            "accepted": accepted,
            "action": reverse("imports:preview", kwargs={"kind": kind, "token": token}),
        },
    )


def _decisions(request):
    """The close matches the user accepted (checkboxes) or decided on (radio buttons)."""
    if request.method != "POST":
        return []
    decided = [value for key, value in request.POST.items() if key.startswith("decide-")]
    return request.POST.getlist("accept") + decided


@staff_page
def template(request, kind):
    importer = _importer(request, kind)
    response = HttpResponse(workbook.build(importer), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="mau-nhap-{kind}.xlsx"'
    return response


@staff_page
def example(request, kind):
    importer = _importer(request, kind)
    if importer.example is None or not importer.example.is_file():
        raise Http404("Chưa có tệp ví dụ cho loại dữ liệu này.")
    return FileResponse(
        importer.example.open("rb"),
        as_attachment=True,
        filename=f"vi-du-{kind}.xlsx",
        content_type=XLSX,
    )
