"""What an app server process does once it has loaded Django."""

import gc


def settle_after_startup():
    """Moves what startup loaded (modules, models, settings: kept for the process's life) out of
    the garbage collector's reach, so a full collection no longer walks it in the middle of a
    request. Measured on the heaviest pages at a million nominations: p95 175 → 128 ms on the
    bloc dashboard, 151 → 118 ms on a year page, p50 unchanged (docs/benchmarks.md)."""
    gc.collect()
    gc.freeze()
