"""Phrases: an explanation's sentence as a message id and its parameters, to say in any language.

The ranking writes its sentences in English (the API's text) and keeps each one beside it as a
`Phrase`: a gettext message id with ``%(name)s`` placeholders and the values to put in them. A
user interface translates the message id and each parameter that is itself a phrase (a sector's
or a contract's label, a band like "close to ..."), formats numbers its own way and keeps plain
strings (a goal as the person wrote it, a place name) as they are. `words` with no translator gives
the English text exactly, so one definition serves the API and the pages.

Pure Python, no Babel: ``make messages`` finds the message ids by the names `say` and `N_`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeAlias

#: A phrase's parameter: kept as written (str), a number, a phrase to translate, or a list of them.
Param: TypeAlias = "str | int | float | Phrase | Joined"


@dataclass(frozen=True, slots=True)
class Phrase:
    """A message id with ``%(name)s`` placeholders and the parameters that fill them.

    Attributes:
        msgid: The English message, the gettext key.
        params: (name, value) pairs in the order given.
    """

    msgid: str
    params: tuple[tuple[str, Param], ...] = ()

    def __str__(self) -> str:
        return words(self)


@dataclass(frozen=True, slots=True)
class Joined:
    """Parameters said one after another with ``sep`` between them (", " or "; ")."""

    sep: str
    items: tuple[Param, ...]


def say(msgid: str, **params: Param) -> Phrase:
    """The phrase ``msgid`` with ``params`` (the extractor's keyword: its first argument is the id)."""
    return Phrase(msgid, tuple(params.items()))


def N_(msgid: str) -> str:  # the gettext convention the extractors look for
    """Mark a label for extraction; `say` it (no parameters) where a sentence names it."""
    return msgid


def joined(sep: str, items: list[Param] | tuple[Param, ...]) -> Joined:
    """``items`` said with ``sep`` between them."""
    return Joined(sep, tuple(items))


def english_number(value: int | float) -> str:
    """A number as the English sentences print it: "19", "12.5"."""
    return str(value) if isinstance(value, int) else f"{value:g}"


def words(
    param: Param,
    translate: Callable[[str], str] | None = None,
    number: Callable[[int | float], str] = english_number,
) -> str:
    """``param`` in words: translated by ``translate`` (message id -> text; None: English).

    Args:
        param: A phrase, a list of them, a number or a plain string.
        translate: gettext for the language wanted; None gives the English text.
        number: How numbers are written in that language.
    """
    if isinstance(param, str):  # the commonest first: this runs for every sentence of every lead
        return param
    if isinstance(param, Phrase):
        text = param.msgid if translate is None else translate(param.msgid)
        if not param.params:
            return text
        return text % {name: words(value, translate, number) for name, value in param.params}
    if isinstance(param, Joined):
        return param.sep.join([words(item, translate, number) for item in param.items])
    return number(param)
