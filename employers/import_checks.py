"""Every problem of an import row, found before the row runs (the preview shows them all).

Running a row stops at its first error (the store checks one rule after another). A team fixing
a file wants every problem of a row at once, so each cell is checked here: that it parses, that
a country is an ISO 3166 code, that an owner is a known user (`Hooks.known_owner`), that a
registry number passes its kind's check digit (`employers.registry.registry_problem`), that a
choice is one of its values and, for a row that creates a record, that its required fields are
filled. A row with any problem is an error with all of them; one without runs as before (and
may still meet a problem only writing finds, such as a duplicate).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from employers.countries import COUNTRY_CODES
from employers.errors import InvalidError
from employers.io_specs import COLUMNS, REQUIRED, parse_cell
from employers.models import REGISTRY_KINDS, SIZE_BANDS, SUBSIDY_TYPES
from employers.registry import registry_problem
from matching.types import APPLICATION_ROUTES, CONTRACT_TYPES, LANGUAGES, OPENING_STATUSES, STAGES

#: (field, message): one problem of a row (field None: the row as a whole).
Problem = tuple[str | None, str]
#: entity -> field -> its allowed values (the rest the store checks when the row runs).
CHOICES: dict[str, dict[str, tuple[str, ...]]] = {
    "employers": {"stage": STAGES, "registry_kind": REGISTRY_KINDS, "size_band": SIZE_BANDS},
    "openings": {
        "language": LANGUAGES, "status": OPENING_STATUSES, "application_route": APPLICATION_ROUTES,
        "contract_type": CONTRACT_TYPES, "subsidy_type": SUBSIDY_TYPES,
    },
}  # fmt: skip


def parsed(entity: str, cells: Mapping[str, str]) -> tuple[dict[str, Any], list[Problem]]:
    """(typed values of the cells that parse, a problem per cell that does not)."""
    values: dict[str, Any] = {}
    problems: list[Problem] = []
    for column, kind in COLUMNS[entity].items():
        text = (cells.get(column) or "").strip()
        if not text:
            continue
        try:
            values[column] = parse_cell(column, kind, text)
        except InvalidError as exc:
            problems.append((exc.field, exc.message))
    return values, problems


def value_problems(
    entity: str, values: Mapping[str, Any], known_owner: Callable[[str], bool] | None
) -> list[Problem]:
    """Problems of parsed values: choices, country code, owner, registry check digit."""
    problems: list[Problem] = [
        (name, f"must be one of {', '.join(allowed)}; got {values[name]!r}")
        for name, allowed in CHOICES.get(entity, {}).items()
        if values.get(name) is not None and values[name] not in allowed
    ]
    country = values.get("country")
    if country is not None and str(country).upper() not in COUNTRY_CODES:
        problems.append(("country", f"{country!r} is not an ISO 3166 country code (SE, DK, FR, GB, ...)"))
    owner = values.get("owner")
    if owner is not None and known_owner is not None and not known_owner(str(owner)):
        problems.append(("owner", f"{owner!r} is not a user of your unit"))
    number, kind = values.get("registry_number"), values.get("registry_kind")
    if number and kind in REGISTRY_KINDS:
        why = registry_problem(str(number), str(kind))
        if why:
            problems.append(("registry_number", why))
    return problems


def missing(entity: str, values: Mapping[str, Any]) -> list[Problem]:
    """A problem per required field a row that creates a record leaves empty."""
    return [
        (name, "is required to create a record")
        for name in REQUIRED[entity]
        if values.get(name) in (None, "")
    ]


class RowProblems(InvalidError):
    """A row's problems, all of them; the first is the error's field and message."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(problems[0][0] or "row", problems[0][1])
        self.problems = problems
