from django import forms

from .reader import check_upload


class UploadForm(forms.Form):
    file = forms.FileField(
        label="Tệp Excel (.xlsx) hoặc CSV (UTF-8)",
        validators=[check_upload],
        error_messages={"required": "Chọn tệp cần nhập.", "empty": "Tệp tải lên đang trống."},
    )


class YearField(forms.IntegerField):
    def __init__(self, **kwargs):
        from thidua.years import FIRST_YEAR, LAST_YEAR

        kwargs.setdefault("label", "Năm")
        kwargs.setdefault("min_value", FIRST_YEAR)
        kwargs.setdefault("max_value", LAST_YEAR)
        super().__init__(**kwargs)
