"""Adding a bloc-year's members many at once: pick several units, or paste their names one a
line; every match is shown for the clerk to confirm, then all are saved in one transaction with
the same validation as a row of the members' inline (blocs.services.add_members)."""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.widgets import AutocompleteSelectMultiple
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse

from units.models import Unit

from ..member_names import AMBIGUOUS, APPROXIMATE, MATCHED, NOT_FOUND, match_unit_names
from ..models import Membership
from ..services import add_members

STATUS_LABELS = {
    MATCHED: "khớp",
    APPROXIMATE: "gần đúng — kiểm tra lại",
    AMBIGUOUS: "nhiều đơn vị trùng tên — chọn một",
    NOT_FOUND: "không tìm thấy đơn vị",
}


class BulkMembersForm(forms.Form):
    units = forms.ModelMultipleChoiceField(
        label="Chọn các đơn vị",
        queryset=Unit.objects.all(),
        required=False,
        widget=AutocompleteSelectMultiple(Membership._meta.get_field("unit"), admin.site),
    )
    names = forms.CharField(
        label="Hoặc dán danh sách tên đơn vị, mỗi dòng một tên",
        required=False,
        widget=forms.Textarea(attrs={"rows": 12, "cols": 80}),
        help_text="Không phân biệt dấu, chữ hoa, khoảng trắng và các chữ viết tắt thường gặp "
        "(KH&CN, TĐKT, UBND…). Mỗi kết quả được hiện ra để xác nhận trước khi lưu.",
    )

    def clean(self):
        data = super().clean()
        if not data.get("units") and not (data.get("names") or "").strip():
            raise ValidationError("Chọn ít nhất một đơn vị hoặc dán danh sách tên đơn vị.")
        return data


class BulkMembersMixin:
    """For the bloc-year admin: the page «Thêm nhiều thành viên» at <id>/them-thanh-vien/."""

    def get_urls(self):
        opts = self.model._meta
        name = f"{opts.app_label}_{opts.model_name}_bulk_members"
        return [
            path(
                "<path:object_id>/them-thanh-vien/",
                self.admin_site.admin_view(self.bulk_members_view),
                name=name,
            ),
            *super().get_urls(),
        ]

    def bulk_members_view(self, request, object_id):
        bloc_year = get_object_or_404(self.get_queryset(request), pk=object_id)
        if not (
            self.has_change_permission(request, bloc_year)
            and request.user.has_perm("blocs.add_membership")
        ):
            raise PermissionDenied
        form = BulkMembersForm(request.POST or None)
        rows = None
        if request.method == "POST" and form.is_valid():
            rows = self.bulk_rows(bloc_year, form.cleaned_data)
            if "_confirm" in request.POST:
                chosen = self.chosen_units(request, rows)
                if not chosen:
                    messages.error(request, "Chưa chọn đơn vị nào để thêm.")
                else:
                    try:
                        created = add_members(bloc_year, chosen)
                    except ValidationError as error:
                        messages.error(
                            request,
                            "Chưa thêm đơn vị nào; các đơn vị sau không thêm được: "
                            + "; ".join(error.messages),
                        )
                    else:
                        messages.success(
                            request, f"Đã thêm {len(created)} đơn vị vào «{bloc_year}»."
                        )
                        return redirect(reverse("admin:blocs_blocyear_change", args=[bloc_year.pk]))
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "original": bloc_year,
            "title": f"Thêm nhiều thành viên: {bloc_year}",
            "form": form,
            "rows": rows,
            "media": self.media + form.media,
            "members_url": reverse("admin:blocs_blocyear_change", args=[bloc_year.pk]),
        }
        return TemplateResponse(request, "admin/blocs/blocyear/bulk_members.html", context)

    def bulk_rows(self, bloc_year, data):
        """One row a unit picked or a name pasted, with its match and whether it may be added."""
        members = set(bloc_year.memberships.values_list("unit_id", flat=True))
        rows = [
            {"key": f"u{unit.pk}", "text": str(unit), "status": MATCHED, "units": [unit]}
            for unit in data["units"]
        ]
        for match in match_unit_names(data["names"], bloc_year.year):
            rows.append(
                {
                    "key": f"l{match.line_number}",
                    "text": match.text,
                    "status": match.status,
                    "units": match.units,
                }
            )
        for row in rows:
            row["label"] = STATUS_LABELS[row["status"]]
            row["choosable"] = row["status"] in (MATCHED, APPROXIMATE, AMBIGUOUS)
            row["already"] = [u for u in row["units"] if u.pk in members]
        return rows

    def chosen_units(self, request, rows):
        """The units the clerk ticked (a match) or picked (an ambiguity), each among its row's
        candidates only."""
        chosen = []
        for row in rows:
            value = request.POST.get(f"choice_{row['key']}")
            unit = next((u for u in row["units"] if str(u.pk) == value), None)
            if row["choosable"] and unit is not None:
                chosen.append(unit)
        return chosen
