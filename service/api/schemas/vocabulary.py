"""The programme vocabulary: a team's aliases for titles and skills, and the gaps report."""

from __future__ import annotations

from datetime import datetime

from pydantic import Field

from service.api.schemas.common import Items, LanguageIn, Out, Page, SafeText, Strict, strict_with_examples
from vocabulary import AliasKind

#: The store's alias kinds (`vocabulary.KINDS`).
KindIn = AliasKind
NURSE_ASSISTANT = "http://data.europa.eu/esco/occupation/87d0795a-d41f-47ee-979f-0ab7d73836e7"
_TEXT = Field(min_length=1, max_length=300, description="The title or skill as the team writes it")
_URI = Field(min_length=1, max_length=300, description="ESCO occupation, ISCO group or skill URI")


class AliasIn(Strict):
    """A title or skill as the team writes it, and the ESCO concept it means in that language."""

    model_config = strict_with_examples(
        {"kind": "occupation", "language": "sv", "text": "Undersköterska", "esco_uri": NURSE_ASSISTANT}
    )

    kind: KindIn = "occupation"
    language: LanguageIn
    text: SafeText = _TEXT
    esco_uri: SafeText = _URI
    note: SafeText = Field("", max_length=2000, description="Why the team added it")


class AliasPatch(Strict):
    """New words, language, kind, concept or note for an alias (only the fields given change)."""

    model_config = strict_with_examples({"esco_uri": NURSE_ASSISTANT}, {"note": "used in Region Stockholm"})

    kind: KindIn | None = None
    language: LanguageIn | None = None
    text: SafeText | None = Field(None, min_length=1, max_length=300)
    esco_uri: SafeText | None = Field(None, min_length=1, max_length=300)
    note: SafeText | None = Field(None, max_length=2000)


class AliasOut(Out):
    """An alias as stored."""

    id: str
    kind: str
    language: str
    text: str
    esco_uri: str
    note: str
    created_at: datetime | None
    created_by: str
    updated_at: datetime | None
    updated_by: str


class AliasPage(Page[AliasOut]):
    """One page of aliases."""


class GapOut(Out):
    """Words openings or people use that did not link to ESCO, with how often."""

    kind: str = Field(examples=["occupation"])
    language: str = Field(examples=["sv"])
    text: str = Field(examples=["Personlig assistent"])
    openings: int = Field(examples=[3])
    participants: int = Field(examples=[2])
    count: int = Field(examples=[5])


class GapsOut(Items[GapOut]):
    """The vocabulary gaps, most used first."""
