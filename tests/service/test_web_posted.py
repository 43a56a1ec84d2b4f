"""`Posted.saved`: a form handler's store write, run only for a form whose fields all passed.

Pure: the write is a plain function, so what it is given and whether it ran is seen directly.
"""

from __future__ import annotations

import pytest

from service.web.forms import FORM, REQUIRED, Posted
from storekit.errors import InvalidError, NotFoundError

NAMES = ("title", "hours_min")


def test_a_write_runs_once_for_a_form_that_passed() -> None:
    form, ran = Posted({"title": ["Cook"]}), []
    assert form.saved(lambda: ran.append(form.text("title")), NAMES)
    assert ran == ["Cook"]
    assert form.ok


def test_a_failed_field_keeps_the_write_from_running() -> None:
    form, ran = Posted({"title": [""]}), []
    form.text("title", required=True)
    assert not form.saved(lambda: ran.append("written"), NAMES)
    assert ran == []
    assert form.errors == {"title": (REQUIRED, {})}


def test_a_stores_refusal_lands_on_its_field_or_above_the_form() -> None:
    def refuse(name: str) -> None:
        raise InvalidError(name, "hours out of order")

    on_field, above = Posted({}), Posted({})
    assert not on_field.saved(lambda: refuse("prefs.hours_min"), NAMES)
    assert not above.saved(lambda: refuse("employer_id"), NAMES)
    assert on_field.errors == {"hours_min": ("hours out of order", {})}
    assert above.errors == {FORM: ("hours out of order", {})}


def test_other_store_errors_are_not_form_messages() -> None:
    def missing() -> None:
        raise NotFoundError("employer", "e1")

    form = Posted({})
    with pytest.raises(NotFoundError):  # the route's 404, not a message on a field
        form.saved(missing, NAMES)
    assert form.ok
