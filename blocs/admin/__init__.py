"""The blocs admin, one module per aggregate; importing this package registers them all."""

from . import events, registry

__all__ = ["events", "registry"]
