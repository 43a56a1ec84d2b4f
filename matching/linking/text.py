"""Title normalisation and the spellings of one title that the linker tries.

Job titles arrive as people write them: French adverts pair genders ("Serveur / Serveuse",
"Vendeur(se)", "Agent d'entretien H/F"), Swedish ones join two titles with a slash, English
occupation lists are plural ("Chief Executives") while ESCO labels are singular, and ESCO itself
writes typographic apostrophes (d’enfants) where people type d'enfants. Each variant is scored
against the labels and the best one counts, so a variant can only add evidence.
"""

from __future__ import annotations

import re
import unicodedata

_TYPOGRAPHY = str.maketrans(
    {"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u2013": "-", "\u2010": "-", "\u00a0": " "}
)
# Gender markers French (and some German/English) adverts append: (H/F), F/H, (m/w/d), (e), (se)...
_GENDER = re.compile(
    r"\s*\((?:h\s*/\s*f|f\s*/\s*h|m\s*/\s*[fwk](?:\s*/\s*d)?|e|ne|se|ère|euse|trice|esse)\)"
    r"|\s+\b(?:h\s*/\s*f|f\s*/\s*h)\b",
    re.IGNORECASE,
)
_WORD = re.compile(r"\w+")
_LATIN_WORD = re.compile(r"[A-Za-z]+")


def normalise(text: str) -> str:
    """Unify apostrophes, dashes and blanks (case is kept).

    Example:
        >>> normalise("auxiliaire  de vie auprès d’enfants")
        "auxiliaire de vie auprès d'enfants"
    """
    return " ".join(text.translate(_TYPOGRAPHY).split())


def fold(text: str) -> str:
    """Lower-case, typography unified: what the character n-gram index sees."""
    return normalise(text).lower()


def stem_tokens(text: str, length: int = 5) -> list[str]:
    """Accent-free lower-case words cut to ``length`` characters (a language-neutral stemmer).

    Truncation conflates plural and gender forms (serveur/serveuse, chiropractor/-s) in every
    language we serve, with no word lists.

    Example:
        >>> stem_tokens("Serveuses en Restauration")
        ['serve', 'en', 'resta']
    """
    plain = unicodedata.normalize("NFKD", fold(text))
    plain = "".join(ch for ch in plain if not unicodedata.combining(ch))
    return [w[:length] for w in _WORD.findall(plain)]


def singular_en(text: str) -> str:
    """English plural words made singular by suffix rules (Executives -> Executive).

    Example:
        >>> singular_en("Brickmasons and Batteries")
        'Brickmason and Battery'
    """
    return _LATIN_WORD.sub(lambda m: _singular_word(m.group(0)), text)


def _singular_word(word: str) -> str:
    low = word.lower()
    if len(low) <= 3 or not low.endswith("s") or low.endswith(("ss", "us", "is", "ics")):
        return word
    if low.endswith("ies"):
        return word[:-3] + "y"
    if low.endswith(("sses", "xes", "ches", "shes")):
        return word[:-2]
    return word[:-1]


def title_variants(title: str, lang: str | None = None) -> list[str]:
    """The spellings of ``title`` to match, the normalised title first, without duplicates.

    Args:
        title: A job title as written.
        lang: The title's language when known ("en" adds singular forms).

    Returns:
        1-6 strings: the title, the title without gender markers, each side of a slash with the
        shared tail ("Opérateur / Opératrice de production" -> "Opérateur de production",
        "Opératrice de production"), and for English their singular forms.

    Example:
        >>> title_variants("Agent / Agente de sécurité (H/F)")[2:]
        ['Agent de sécurité', 'Agente de sécurité']
    """
    text = normalise(title)
    base = _GENDER.sub("", text).strip() or text
    out = [text, base, *_slash_sides(base)]
    if lang == "en":
        out += [singular_en(v) for v in out]
    seen: set[str] = set()
    unique = []
    for v in out:
        if v and v.lower() not in seen:
            seen.add(v.lower())
            unique.append(v)
    return unique


def _slash_sides(text: str) -> list[str]:
    left, slash, right = text.partition("/")
    left_words, right_words = left.split(), right.split()
    if not slash or not left_words or not right_words:
        return []
    # "X Y / X' Y' tail": the right side repeats as many words as the left one, then the tail
    # they share ("Accueillant familial / Accueillante familiale auprès d'adultes").
    n = min(len(left_words), len(right_words))
    tail = right_words[n:]
    head = left_words[:-n] if len(left_words) > n else []
    return [" ".join(left_words + tail), " ".join(head + right_words)]
