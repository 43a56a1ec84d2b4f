"""Match keys for employers: cleaned name, registry number, website domain, phone.

Pure functions over strings. The cleaned name drops what varies between spellings of the same
legal entity (case, diacritics, punctuation, "&"/"och"/"og"/"et"/"and", legal-form suffixes such
as AB, ApS, A/S, SAS, Ltd) and keeps every other word, because the other words are what tell
"Nordic Care" from "Nordic Cars".
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from employers.registry import registry_key

__all__ = ["domain_key", "fold", "name_key", "name_tokens", "phone_key", "registry_key"]

#: Letters NFKD does not decompose.
_FOLD = str.maketrans({"ø": "o", "æ": "ae", "ß": "ss", "œ": "oe", "ł": "l", "đ": "d", "þ": "th"})
#: Slash and dotted legal forms, rewritten before punctuation is dropped ("A/S" -> "as").
_SLASH_FORMS = re.compile(r"\b([aikp])\s*/\s*s\b")
_DOTTED = re.compile(r"\b(s)\.\s*(a)\.(?:\s*(s)\.)?|\b(p)\.\s*(l)\.\s*(c)\.")
#: Legal forms stripped from the end of a name (repeatedly: "AB (publ)", "Holding ApS").
LEGAL_SUFFIXES = frozenset(
    {
        # SE / NO / FI
        "ab", "hb", "kb", "aktiebolag", "handelsbolag", "kommanditbolag", "publ", "ek", "for",
        "asa", "oy", "oyj",
        # DK
        "aps", "as", "is", "ks", "ps", "amba", "ivs", "smba",
        # FR
        "sas", "sasu", "sarl", "sa", "eurl", "snc", "sca", "sci", "scop",
        # GB / IE / US
        "ltd", "limited", "plc", "llp", "lp", "llc", "inc", "cic", "co", "company",
        # DE / CH / NL
        "gmbh", "ag", "bv", "nv",
    }
)  # fmt: skip
#: Legal forms also stripped from the start (French and Swedish write them first too).
LEGAL_PREFIXES = frozenset({"sarl", "sas", "sasu", "eurl", "aktiebolaget", "the", "societe"})
#: Connectives between names: "Hansen & Søn", "Hansen og Søn" and "Hansen and Son" are one name.
CONNECTIVES = frozenset({"and", "och", "og", "et", "und"})
#: Abbreviations expanded to the word they stand for.
ABBREVIATIONS = {
    "intl": "international",
    "bros": "brothers",
    "grp": "group",
    "mfg": "manufacturing",
    "svcs": "services",
    "st": "saint",
    "ste": "sainte",
    "sthlm": "stockholm",
    "kbh": "kobenhavn",
    "cph": "kobenhavn",
    "mcr": "manchester",
    "assoc": "association",
    "ctr": "centre",
    "center": "centre",
    "dept": "department",
    "svc": "service",
    "mgmt": "management",
    "tech": "technology",
    "dist": "distribution",
}
_FREE_MAIL = frozenset({"gmail.com", "hotmail.com", "outlook.com", "yahoo.com", "live.com", "icloud.com"})


def fold(text: str) -> str:
    """Lowercase, Nordic letters folded, accents dropped: ``"Søren Älg"`` -> ``"soren alg"``."""
    lowered = unicodedata.normalize("NFKD", text.casefold().translate(_FOLD))
    return "".join(c for c in lowered if not unicodedata.combining(c))


@lru_cache(maxsize=100_000)
def name_tokens(name: str) -> tuple[str, ...]:
    """The cleaned name as tokens: folded, connectives and legal forms removed, abbreviations expanded.

    Returns:
        Tokens in their original order; ``()`` when nothing but a legal form is left.
    """
    text = fold(name).replace("&", " and ").replace("+", " and ")
    text = _SLASH_FORMS.sub(lambda m: f" {m.group(1)}s ", text)
    text = _DOTTED.sub(lambda m: " " + "".join(g for g in m.groups() if g) + " ", text)
    text = re.sub(r"\([^)]*\b(publ|ltd|ab)\b[^)]*\)", " ", text)
    tokens = [ABBREVIATIONS.get(t, t) for t in re.findall(r"[a-z0-9]+", text)]
    tokens = [t for t in tokens if t not in CONNECTIVES]
    while len(tokens) > 1 and tokens[-1] in LEGAL_SUFFIXES:
        tokens.pop()
    while len(tokens) > 1 and tokens[0] in LEGAL_PREFIXES:
        tokens.pop(0)
    return tuple(tokens)


def name_key(name: str) -> str:
    """The cleaned name as one string (tokens joined by a space)."""
    return " ".join(name_tokens(name))


def domain_key(website: str | None) -> str | None:
    """The host of a website or email address without scheme, ``www.`` or path; None if free mail."""
    if not website:
        return None
    text = website.strip().lower()
    text = text.split("@", 1)[1] if "@" in text and "//" not in text else text
    text = re.sub(r"^[a-z][a-z0-9+.-]*://", "", text)
    host = re.split(r"[/?#:]", text, maxsplit=1)[0].removeprefix("www.").strip(".")
    if "." not in host or host in _FREE_MAIL:
        return None
    return host


def phone_key(phone: str | None) -> str | None:
    """The last eight digits of a phone number, which survive every national and E.164 spelling.

    ``"08-123 45 67"`` and ``"+46 8 123 45 67"`` both give ``"81234567"``. None below 8 digits.
    """
    if not phone:
        return None
    digits = re.sub(r"\D", "", phone)
    return digits[-8:] if len(digits) >= 8 else None
