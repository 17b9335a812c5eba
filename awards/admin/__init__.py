"""The awards admin, one module per aggregate; importing this package registers them all."""

from . import catalogue, decisions, dossiers

__all__ = ["catalogue", "decisions", "dossiers"]
