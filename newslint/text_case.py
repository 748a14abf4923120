"""Case handling for replacements: a fix keeps the case pattern of what it replaces."""
from __future__ import annotations


def match_case(source: str, replacement: str) -> str:
    """Give ``replacement`` the case pattern of ``source`` (KIEV -> KYIV, kiev -> kyiv)."""
    letters = [c for c in source if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return replacement.upper()
    if letters and all(c.islower() for c in letters) and replacement[:1].isupper() and \
            replacement[1:] == replacement[1:].lower():
        return replacement.lower()
    if source[:1].isupper() and replacement[:1].islower():
        return replacement[:1].upper() + replacement[1:]
    return replacement


def capitalised(text: str) -> str:
    """First letter upper case, the rest as written ("the Netherlands" -> "The Netherlands")."""
    return text[:1].upper() + text[1:]
