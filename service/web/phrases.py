"""The ranking's sentences in the page's language: a `Phrase` said through the page's catalog.

Explanations carry each English sentence with its phrase (`matching.phrase`): the ``said`` filter
shows the English text on an English page (exactly what the API returns) and otherwise translates
the phrase's message id and its nested phrases (labels, bands), writes numbers the page's way and
keeps plain parameters (a goal as the person wrote it, a place) as they are. Text without a phrase
is looked up in the catalog as it is: a fixed sentence marked ``N_`` (a contact rule's reason for
leaving leads out) is translated, anything else (a flag added outside the ranking, a constraint's
reason with the person's values in it) shows as it is.
"""

from __future__ import annotations

from matching.phrase import Phrase, words
from service.web import i18n


def said(text: str | Phrase, phrase: Phrase | None = None) -> str:
    """``text`` in the page's language: ``phrase`` (or ``text`` itself when a phrase) translated.

    Args:
        text: The English sentence, or a phrase on its own.
        phrase: The sentence's phrase; None looks ``text`` up as it is.
    """
    if isinstance(text, Phrase):
        phrase = text
        text = str(phrase)
    if i18n.current() == i18n.DEFAULT:
        return text
    if phrase is None:
        return i18n.gettext(text) if text else ""  # gettext("") is the catalog's header
    return words(phrase, i18n.gettext, _number)


def _number(value: int | float) -> str:
    return i18n.decimal(value)
