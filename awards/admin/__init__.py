"""The awards admin, one module per aggregate; importing this package registers them all."""

from . import catalogue, certificates, decisions, dossiers

__all__ = ["catalogue", "certificates", "decisions", "dossiers"]
