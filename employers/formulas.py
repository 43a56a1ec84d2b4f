"""Spreadsheet formulas in exported cells made harmless, and the CSV importer's inverse.

A cell starting with ``=``, ``+``, ``-``, ``@``, tab or CR is run as a formula by Excel and
LibreOffice when a CSV opens (OWASP "CSV injection": ``=HYPERLINK(...)`` leaks data, ``=cmd|...``
ran programs). CSV has no cell types, so such a cell is written with a leading ``'`` (the
spreadsheet sign for "this is text"); xlsx cells are typed, so they are written as text cells
unchanged (`employers.tabular`).

The quoting is lossless: a cell is quoted when it starts with a trigger after any leading
quotes, so ``'=x`` is written ``''=x``, and `unquote` strips exactly the one quote `quote` added.
A hand-written CSV cell ``'=x`` therefore imports as ``=x`` (read as the spreadsheet would show it).
The importer trims every cell, so a text starting with tab or CR comes back without it (as before).

defusedcsv (PyPI) was considered: it misses tab and CR, puts a backslash before every ``|`` and leaves
``-1+2`` alone, so its output does not import back to the same data.
"""

from __future__ import annotations

#: First characters a spreadsheet treats as the start of a formula.
TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def needs_quote(text: str) -> bool:
    """True when ``text``, after any leading ``'``, starts with a formula trigger."""
    return text.lstrip("'")[:1] in TRIGGERS if text else False


def quote(text: str) -> str:
    """``text`` as a CSV cell no spreadsheet runs: ``'`` + text when `needs_quote`."""
    return f"'{text}" if needs_quote(text) else text


def unquote(text: str) -> str:
    """The inverse of `quote`: ``unquote(quote(t)) == t`` for every text ``t``."""
    return text[1:] if text[:1] == "'" and needs_quote(text[1:]) else text
