"""The API's error answers, in Vietnamese like the rest of the site."""

from django.http import Http404, JsonResponse
from rest_framework import exceptions, views


def exception_handler(exc, context):
    # Django's get_object_or_404 names the model in English ("No Unit matches the given query."):
    # answer DRF's own "not found", which its Vietnamese catalogue translates.
    if isinstance(exc, Http404):
        exc = exceptions.NotFound()
    return views.exception_handler(exc, context)


def error_response(detail: str, status: int) -> JsonResponse:
    """An error answered before any API view runs (thidua.middleware), in DRF's shape."""
    return JsonResponse(
        {"detail": detail}, status=status, json_dumps_params={"ensure_ascii": False}
    )
