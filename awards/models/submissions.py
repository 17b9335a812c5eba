"""One-time form tokens: a form that creates a record carries a token, and the token is stored
with the record in the same transaction under a unique constraint, so a second submit of the same
form (a double click, a second tab, a replay) creates nothing and is told so."""

import secrets

from django.conf import settings
from django.db import models


def new_token() -> str:
    return secrets.token_urlsafe(24)


class FormSubmission(models.Model):
    token = models.CharField("mã biểu mẫu", max_length=64, unique=True)
    form = models.CharField("biểu mẫu", max_length=60)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người gửi",
        on_delete=models.CASCADE,
        related_name="+",
    )
    at = models.DateTimeField("gửi lúc", auto_now_add=True)

    class Meta:
        verbose_name = "lần gửi biểu mẫu"
        verbose_name_plural = "lần gửi biểu mẫu"

    def __str__(self):
        return f"{self.form} ({self.at:%d/%m/%Y %H:%M})"
