"""The blocs admin, one module per aggregate; importing this package registers them all."""

from . import assessment, events, registry

__all__ = ["assessment", "events", "registry"]
