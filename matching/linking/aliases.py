"""`AliasMap`: a team's own words for titles and skills, looked up before the learned linker.

A programme writes "Undersköterska" where ESCO's Swedish labels say something longer; the team
adds the alias once and every later title with those words links to the concept they chose. A
lookup is exact after the linker's folding (`matching.linking.text.fold`: typography unified,
lower case), first in the text's own language, then in any language.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from matching.linking.text import fold


@dataclass(frozen=True, slots=True)
class Alias:
    """One alias.

    Attributes:
        kind: "occupation" or "skill".
        language: The language the team writes it in.
        text: The words as written.
        uri: The ESCO concept they mean.
    """

    kind: str
    language: str
    text: str
    uri: str


def alias_key(text: str) -> str:
    """The lookup key of ``text``: the linker's folding, trimmed."""
    return fold(text).strip()


class AliasMap:
    """Aliases by (kind, language, folded text); immutable, so a reader never sees half a refresh.

    Args:
        aliases: The live aliases; on a clash of kind, language and folded text the last wins.
    """

    def __init__(self, aliases: Iterable[Alias] = ()) -> None:
        self._exact: dict[tuple[str, str, str], Alias] = {}
        self._any: dict[tuple[str, str], Alias] = {}
        for alias in aliases:
            key = alias_key(alias.text)
            self._exact[(alias.kind, alias.language, key)] = alias
            self._any.setdefault((alias.kind, key), alias)  # the oldest alias of any language

    def __len__(self) -> int:
        return len(self._exact)

    def lookup(self, text: str, *, kind: str, lang: str | None = None) -> Alias | None:
        """The alias for ``text``: in ``lang`` first, then in any language; None when there is none."""
        key = alias_key(text)
        if not key:
            return None
        if lang:
            found = self._exact.get((kind, lang, key))
            if found is not None:
                return found
        return self._any.get((kind, key))
