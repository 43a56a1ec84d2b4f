"""ESCO normalisation of incoming records: occupations from titles, skills from free text."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, cast

from employers.values import OpeningValues
from matching.linking.aliases import AliasMap
from matching.linking.esco import EscoCatalog
from matching.linking.linker import TitleLinker
from matching.linking.skills import SkillMatcher
from matching.types import Concept
from participants.values import ParticipantValues


class EscoNormaliser:
    """Links what people and adverts say to ESCO before it is stored.

    Args:
        catalog: ESCO lookups.
        linker: Title -> ESCO occupation linker.
        skills: Text -> ESCO skill matcher; without it free-text skills keep no URI.

    Attributes:
        aliases: The team's vocabulary, consulted before the linker and the skill matcher
            (replaced whole by `service.usecases.vocabulary.refresh`).
    """

    def __init__(self, catalog: EscoCatalog, linker: TitleLinker, skills: SkillMatcher | None = None) -> None:
        self.catalog = catalog
        self.linker = linker
        self.skills = skills
        self.aliases = AliasMap()

    def normalise_occupation(self, concept: Mapping[str, Any], *, lang: str | None = None) -> dict[str, Any]:
        """Fill ``uri`` and ``isco_group`` by linking the label (in ``lang``; when None, in any)."""
        return self._link_occupation(concept, lang)[0]

    def _link_occupation(
        self, concept: Mapping[str, Any], lang: str | None
    ) -> tuple[dict[str, Any], str | None]:
        """`normalise_occupation` and the language the label was linked in (None: not linked)."""
        label = str(concept.get("label") or "").strip()
        uri = str(concept.get("uri") or concept.get("esco_uri") or "")
        found_in: str | None = None
        alias = self.aliases.lookup(label, kind="occupation", lang=lang) if not uri and label else None
        if alias is not None:  # the team's own word for it comes before the learned linker
            uri, found_in = alias.uri, alias.language
        elif not uri and label:
            # An ISCO unit group is an honest answer for a broad title ("Undersköterska"): the
            # ranker compares unit groups, and no occupation's skills are claimed.
            if lang:
                best = self.linker.best(label, lang=lang, groups="unit")
                found_in = lang if best else None
            else:  # not stated: the language the title links best in
                best, found_in = self.linker.best_any_language(label, groups="unit")
            uri = best.uri if best else ""
        isco = self.catalog.occupation(uri).isco_group if uri else ""
        return {"label": label, "uri": uri, "isco_group": isco}, found_in

    def normalise_opening(self, values: OpeningValues) -> OpeningValues:
        """An opening's values: ESCO occupation from the title when missing, skills named in its text.

        Without a stated language, the advert's language is the one its title linked in.
        """
        out: dict[str, Any] = dict(values)
        lang = out.get("language") or None
        found, found_in = self._link_occupation(
            {"label": out.get("title", ""), "uri": out.get("occupation_uri")}, lang
        )
        out["language"] = lang or found_in or "en"
        return self._filled(out, found["uri"])

    def normalise_openings(
        self, rows: Sequence[OpeningValues], *, labels: Sequence[Sequence[str]] = ()
    ) -> list[OpeningValues]:
        """`normalise_opening` for many rows that state their language: one linker call per language.

        Args:
            rows: Openings' values, each with ``language`` set.
            labels: One list per row of labels to link, tried in order until one links (default:
                the title). A job board's curated occupation label can come before a headline.
        """
        tries = [list(t) for t in labels] or [[str(r.get("title") or "")] for r in rows]
        uris = [str(r.get("occupation_uri") or "") for r in rows]
        for round_ in range(max((len(t) for t in tries), default=0)):
            todo = [
                i
                for i, uri in enumerate(uris)
                if not uri and len(tries[i]) > round_ and tries[i][round_].strip()
            ]
            for i in todo:  # the team's own word for it comes before the learned linker
                alias = self.aliases.lookup(tries[i][round_], kind="occupation", lang=rows[i]["language"])
                uris[i] = alias.uri if alias is not None else ""
            by_lang: dict[str, list[int]] = {}
            for i in (i for i in todo if not uris[i]):
                by_lang.setdefault(str(rows[i]["language"]), []).append(i)
            for lang, members in by_lang.items():
                best = self._best_many(sorted({tries[i][round_] for i in members}), lang)
                for i in members:
                    uris[i] = best.get(tries[i][round_], "")
        return [self._filled(dict(row), uri) for row, uri in zip(rows, uris, strict=True)]

    def _best_many(self, labels: list[str], lang: str, chunk: int = 2000) -> dict[str, str]:
        """Each label -> the URI of its best occupation or ISCO unit group (absent below the threshold)."""
        best: dict[str, str] = {}
        for start in range(0, len(labels), chunk):
            part = labels[start : start + chunk]
            for label, found in zip(part, self.linker.link(part, k=1, lang=lang, groups="unit"), strict=True):
                if found and found[0].score >= self.linker.threshold:
                    best[label] = found[0].uri
        return best

    def _filled(self, out: dict[str, Any], uri: str) -> OpeningValues:
        """``out`` with its occupation ``uri``, ISCO group, label and the skills its text names."""
        out["occupation_uri"] = uri
        out["isco_group"] = self.catalog.occupation(uri).isco_group if uri else ""
        if uri and not out.get("occupation_label"):
            out["occupation_label"] = self.catalog.occupation(uri).label
        if self.skills is not None:
            text = f"{out.get('title') or ''}. {out.get('description') or ''}"
            named = [m.uri for m in self.skills.find_in_text(text)]
            out["essential_skills"] = list(dict.fromkeys([*(out.get("essential_skills") or ()), *named]))
        return cast(OpeningValues, out)  # the same keys, with the linked ones filled in

    def normalise_participant(self, values: ParticipantValues) -> ParticipantValues:
        """A participant's values with stated occupations and free-text skills linked to ESCO."""
        out: dict[str, Any] = dict(values)
        lang = out.get("language") or None
        prefs = dict(out.get("preferences") or {})
        found_in: list[str] = []
        for name in ("preferred_occupations", "refused_occupations"):
            linked = [self._link_occupation(_as_mapping(c), lang) for c in prefs.get(name) or []]
            prefs[name] = [concept for concept, _ in linked]
            found_in += [language for _, language in linked if language]
        out["preferences"] = prefs
        # Without a stated language: the one most of the person's stated occupations linked in.
        out["language"] = lang or (max(found_in, key=found_in.count) if found_in else "en")
        if self.skills is not None and out.get("skills"):
            out["skills"] = self._link_skills([dict(_as_mapping(s)) for s in out["skills"]], lang)
        return cast(ParticipantValues, out)  # the same keys, with the linked ones filled in

    def _link_skills(self, skills: list[dict[str, Any]], lang: str | None = None) -> list[dict[str, Any]]:
        """Skills without a URI get the team's alias, else the ESCO skill their label links to."""
        assert self.skills is not None
        todo = [
            s for s in skills if not (s.get("uri") or s.get("esco_uri")) and str(s.get("label") or "").strip()
        ]
        for skill in todo:
            alias = self.aliases.lookup(str(skill["label"]), kind="skill", lang=lang)
            if alias is not None:
                skill["uri"] = alias.uri
        todo = [s for s in todo if not s.get("uri")]
        for skill, match in zip(todo, self.skills.link([str(s["label"]) for s in todo]), strict=True):
            if match is not None:
                skill["uri"] = match.uri
        return skills


def _as_mapping(concept: Any) -> Mapping[str, Any]:
    if isinstance(concept, Concept):
        return {"label": concept.label, "uri": concept.uri}
    return concept
