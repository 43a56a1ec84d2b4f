"""People at employers and their links: every write of the people store goes through here."""

from __future__ import annotations

from employers import NotFoundError, PeopleStore, PersonLinkRecord, PersonRecord
from employers.values import PersonLinkValues, PersonValues


def add_person(*, store: PeopleStore, values: PersonValues, actor: str) -> PersonRecord:
    """Add a person, optionally linked to employers (``employers``: link values, ids as text)."""
    return store.create(values=values, actor=actor)


def change_person(*, store: PeopleStore, record_id: str, values: PersonValues, actor: str) -> PersonRecord:
    """Change fields of a person (each change logged with old and new)."""
    return store.update(record_id=record_id, values=values, actor=actor)


def link_to_employer(
    *, store: PeopleStore, person_id: str, values: PersonLinkValues, actor: str
) -> PersonRecord:
    """Link a person to another employer (people move between employers and keep their history)."""
    return store.add_link(person_id=person_id, values=values, actor=actor)


def change_link(
    *, store: PeopleStore, person_id: str, link_id: str, values: PersonLinkValues, actor: str
) -> PersonLinkRecord:
    """Change a role or dates of one of this person's links (NotFoundError for another's link)."""
    _own_link(store, person_id, link_id)
    return store.update_link(link_id=link_id, values=values, actor=actor)


def remove_link(*, store: PeopleStore, person_id: str, link_id: str, actor: str) -> None:
    """Soft-delete one of this person's links (NotFoundError for another's link)."""
    _own_link(store, person_id, link_id)
    store.delete_link(link_id=link_id, actor=actor)


def _own_link(store: PeopleStore, person_id: str, link_id: str) -> None:
    if store.get_link(link_id=link_id).person_id != person_id:
        raise NotFoundError("person link", link_id)


def person_at(
    *, store: PeopleStore, employer_id: str, person_id: str
) -> tuple[PersonRecord, PersonLinkRecord]:
    """A person and their live link to this employer (NotFoundError when they have none: not theirs)."""
    person = store.get(record_id=person_id)
    link = next((k for k in person.employers if k.employer_id == employer_id), None)
    if link is None:
        raise NotFoundError("person", person_id)
    return person, link


def change_person_at(
    *, store: PeopleStore, employer_id: str, person_id: str, values: PersonValues, role: str, actor: str
) -> PersonRecord:
    """Change a person's fields and their role at this employer, in one transaction."""
    _, link = person_at(store=store, employer_id=employer_id, person_id=person_id)
    return store.update_with_link(
        record_id=person_id, values=values, link_id=link.id, link={"role": role}, actor=actor
    )
