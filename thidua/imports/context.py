from django.utils.functional import SimpleLazyObject

from . import registry


def navigation(request):
    """`may_import` for the staff navigation's «Nhập từ Excel» link, asked only when shown."""
    user = getattr(request, "user", None)
    return {"may_import": SimpleLazyObject(lambda: registry.in_navigation(user))}
