from django.utils.functional import SimpleLazyObject

from thidua.predicates import can


def navigation(request):
    """`may_assess` for the staff navigation's «Bình xét» link, asked only when shown."""
    user = getattr(request, "user", None)
    return {"may_assess": SimpleLazyObject(lambda: can(user, "blocs.open_assessments"))}
