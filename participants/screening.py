"""Screening of free text that may reach an employer or describe a person: sensitive words found.

Approved disclosure statements and conditions for success are written by specialists with the
person. A statement naming a diagnosis, a medication, a hospital stay, a benefit or a criminal
record is rarely what the person chose to say, so it gets a warning the specialist must confirm
(``NeedsConfirmationError`` unless the caller confirms). The word lists (en, sv, da, fr) are
stems matched at the start of a word, case-insensitively; they catch the common words, not every
one, and a confirmed warning is the specialist's decision with the person.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from participants.errors import InvalidError

#: category -> word stems (en, sv, da, fr), matched at a word start.
SENSITIVE: dict[str, tuple[str, ...]] = {
    "diagnosis": (
        "schizophren", "bipolar", "psychos", "psykos", "psychot", "depressi", "autis", "adhd",
        "ocd", "ptsd", "borderline", "personality disorder", "personlighetsstörning", "personlighedsforstyrr",
        "trouble de la personnalité", "anorexi", "bulimi", "diagnos", "asperger", "dyslexi", "epilep",
        "angstlidelse", "ångestsyndrom", "anxiety disorder", "trouble anxieux", "schizofren", "skizofren",
    ),
    "medication": (
        "medication", "medicin", "medikament", "médicament", "traitement médic", "antipsychot",
        "antidepress", "antidépress", "lithium", "clozapin", "olanzapin", "risperidon", "sertralin",
        "fluoxetin", "aripiprazol", "quetiapin", "neurolept",
    ),
    "hospital_stay": (
        "hospital", "hospitalis", "hospitaliz", "sjukhus", "psykiatrisk avdelning", "indlagt", "indlæggelse",
        "inlagd", "hôpital", "hospitalisation", "psychiatric ward", "sectioned", "tvångsvård",
        "tvangsindlæg", "hôpital psychiatrique",
    ),
    "benefit": (
        "on benefits", "incapacity benefit", "housing benefit", "disability benefit", "sickness benefit",
        "unemployment benefit", "jobseeker's allowance", "welfare", "universal credit", "esa ",
        "disability pension", "sjukersättning",
        "aktivitetsersättning", "försörjningsstöd", "sjukpenning", "a-kassa", "kontanthjælp",
        "førtidspension", "sygedagpenge", "fleksjob", "aah", "rsa", "allocation chômage",
        "allocation adulte", "pension d'invalidité",
    ),
    "criminal_record": (
        "criminal", "convict", "prison", "jail", "offence", "offense", "brottsregist", "dömd", "fängelse",
        "straffeattest", "fængsel", "dømt", "casier judiciaire", "condamn", "détention",
    ),
}  # fmt: skip

_PATTERNS = {
    category: re.compile(r"(?<![\w])(" + "|".join(re.escape(w.strip()) for w in words) + r")", re.IGNORECASE)
    for category, words in SENSITIVE.items()
}


@dataclass(frozen=True, slots=True)
class Warning:
    """One sensitive word found: where (dotted field with index), its category and the word."""

    field: str
    category: str
    word: str

    def describe(self) -> str:
        """One line for the specialist, e.g. ``statements.0: names a diagnosis ('bipolar')``."""
        return f"{self.field}: names a {self.category.replace('_', ' ')} ({self.word!r})"


class NeedsConfirmationError(InvalidError):
    """Sensitive words were found and the caller did not confirm them (``confirm_warnings``)."""

    code = "needs_confirmation"

    def __init__(self, field: str, warnings: Sequence[Warning]) -> None:
        lines = "; ".join(w.describe() for w in warnings)
        super().__init__(
            field,
            f"{lines}. Check with the person that this is what they chose to say, then send again "
            "with confirm_warnings=true",
        )
        self.warnings = tuple(warnings)


def screen(field: str, texts: Iterable[str]) -> list[Warning]:
    """Every sensitive word in ``texts``, each named ``field.<index>``."""
    found: list[Warning] = []
    for i, text in enumerate(texts):
        padded = f"{text} "  # stems like "esa " match at the end of a text too
        for category, pattern in _PATTERNS.items():
            found += [Warning(f"{field}.{i}", category, m.group(1).strip()) for m in pattern.finditer(padded)]
    return found


def require_confirmed(warnings: Sequence[Warning], *, confirmed: bool) -> tuple[Warning, ...]:
    """The warnings, or NeedsConfirmationError on the first one's field when not ``confirmed``."""
    if warnings and not confirmed:
        raise NeedsConfirmationError(warnings[0].field, warnings)
    return tuple(warnings)
