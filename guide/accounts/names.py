"""User names: one rule for what a name may be, and one normal form (lower case)."""
import re

MAX_LENGTH = 40
NAME = re.compile(rf"[a-z0-9][a-z0-9._-]{{1,{MAX_LENGTH - 1}}}")


def normalize(name: str) -> str:
    return (name or "").strip().lower()


def is_valid(name: str) -> bool:
    return NAME.fullmatch(name) is not None
