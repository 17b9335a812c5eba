"""Web addresses made on the server from a Vietnamese name (the clerk never types one)."""

from django.utils.text import slugify

from .text import strip_diacritics


def slug_base(text: str, max_length: int, fallback: str) -> str:
    """«Bộ Y tế» -> «bo-y-te» (Đ -> d): the name folded to ASCII, cut at a word boundary."""
    base = slugify(strip_diacritics(text or ""))
    if len(base) > max_length:
        base = base[:max_length].rsplit("-", 1)[0] or base[:max_length]
    return base.strip("-") or fallback


def unique_slug(instance, text: str, fallback: str, field: str = "slug") -> str:
    """A slug for `instance` not used by another row of its model: the name's, or the name's
    with a distinguishing suffix (-2, -3, …) when another record has the same name."""
    max_length = instance._meta.get_field(field).max_length
    base = slug_base(text, max_length - 4, fallback)
    model = instance.__class__._default_manager
    taken = set(
        model.filter(**{f"{field}__startswith": base})
        .exclude(pk=instance.pk)
        .values_list(field, flat=True)
    )
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    return slug
