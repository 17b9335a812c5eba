"""Tags the history entries written during an import with its reason and its user.

The services create the records (and their django-simple-history rows) themselves; while an
import runs, every historical row created on this thread gets the import's reason (file, kind)
and, when no request sets one, the importing user."""

import threading
from contextlib import contextmanager

from simple_history.signals import pre_create_historical_record

_state = threading.local()


@contextmanager
def recorded_as(reason, user):
    previous = getattr(_state, "current", None)
    _state.current = (reason, user)
    try:
        yield
    finally:
        _state.current = previous


def _tag(sender, history_instance, **kwargs):
    current = getattr(_state, "current", None)
    if current is None:
        return
    reason, user = current
    history_instance.history_change_reason = reason[:100]
    if getattr(history_instance, "history_user_id", None) is None and user is not None:
        history_instance.history_user = user


def connect():
    pre_create_historical_record.connect(_tag, dispatch_uid="thidua.imports.history")
