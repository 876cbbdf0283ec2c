"""Data the app ships: demo site, default policy, recovery matrix, templates, fonts."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent


def path(*parts: str) -> Path:
    """Return the path of a shipped resource file (works installed, editable or frozen)."""
    return ROOT.joinpath(*parts)
