"""Random public codes that are hard to guess and easy to type: no character that reads like
another (0/O/D/Q, 1/I/L, 2/Z, 5/S, 8/B, U/V), read back case-blind."""

import secrets

ALPHABET = "ACEFGHJKMNPRTWXY34679"
LENGTH = 10  # 21**10 ≈ 1.7·10^13 codes: unguessable among a few million records


def random_code(length: int = LENGTH) -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(length))


def normalise(text: str) -> str:
    """What a person typed, as stored: upper case, without spaces or dashes."""
    return "".join((text or "").upper().split()).replace("-", "")
