"""Keep a person's search text in step with the titles they held (Person.refresh_search_text)."""

from django.db.models.signals import post_delete, post_save

from .models import Person, Position


def _position_changed(sender, instance, raw=False, **kwargs):
    if raw:  # fixtures and restores bring the search text they saved
        return
    person = Person.objects.filter(pk=instance.person_id).first()
    if person is not None:
        person.reindex()


def connect():
    post_save.connect(_position_changed, sender=Position, dispatch_uid="person_titles_saved")
    post_delete.connect(_position_changed, sender=Position, dispatch_uid="person_titles_deleted")
