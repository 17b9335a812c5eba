"""What every staff page (outside the admin) shares."""

from django.contrib.auth.decorators import login_required
from django.views.decorators.cache import never_cache


def staff_page(view):
    """Login required, never cached (the public-page cache must not keep staff pages)."""
    return never_cache(login_required(view))
