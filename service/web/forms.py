"""Reading the pages' HTML forms: posted fields as typed, parsed values, a message per failed field.

The pages cannot use the API's pydantic schemas (``web`` may not import ``api``, and pydantic lives
in ``api/schemas`` only), so a form handler reads each field here: `Posted` keeps the text exactly
as typed (to show it again after an error), and each parser returns the value or None, noting a
message under the field's name. The stores check the domain rules again on write; their
`InvalidError` is turned into a message on its field by `store_error` (`saved` runs a handler's
write and does so). Messages are msgids translated when the page is rendered (`messages`), so a
store's English message shows as given.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from uuid import UUID

from fastapi import Request

from service.web.i18n import gettext, rendering
from service.web.labels import N_
from service.web.templating import request_locale
from storekit.checks import clean_text, sane_day, utc_moment
from storekit.errors import ConflictError, InvalidError

REQUIRED = N_("Please fill this in.")
NOT_A_DAY = N_("Please give a date (YYYY-MM-DD).")
NOT_A_MOMENT = N_("Please give a date and time (YYYY-MM-DD HH:MM).")
NOT_A_NUMBER = N_("Please give a number.")
OUT_OF_RANGE = N_("Please give a number from %(low)s to %(high)s.")
NOT_A_CHOICE = N_("Please choose one of the options.")
TOO_LONG = N_("Please keep this under %(max)s characters.")
BAD_TEXT = N_("This text holds a character that cannot be stored.")
NOTHING_SENT = N_("Nothing was sent to save.")
NOT_A_SECTOR = N_("Please give a NACE code such as I56 or F.")
#: A NACE Rev. 2 section letter, optionally with its two-digit division ("I", "I56").
NACE_CODE = re.compile(r"^[A-U](\d{2})?$")
#: Where a message that names no field of the form is shown (above the form).
FORM = "_form"


@dataclass
class Posted:
    """A form's fields as typed (name -> values, in order) and the messages of those that failed.

    ``errors`` maps a field name to a msgid and its values, translated by `messages`.
    """

    fields: Mapping[str, list[str]]
    errors: dict[str, tuple[str, dict[str, object]]] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        """True while no field has failed."""
        return not self.errors

    def given(self, name: str) -> bool:
        """True when the form sent ``name`` at all (a blank input counts)."""
        return name in self.fields

    def raw(self, name: str) -> str:
        """The first value of ``name`` as typed ("" when not sent)."""
        values = self.fields.get(name) or [""]
        return values[0]

    def fail(self, name: str, message: str, **values: object) -> None:
        """Note ``message`` (a msgid with ``%(name)s`` values) for ``name``, keeping the first."""
        self.errors.setdefault(name, (message, values))

    def text(self, name: str, *, max_length: int = 4000, required: bool = False) -> str:
        """The trimmed text of ``name`` ("" when blank, noting REQUIRED if ``required``)."""
        value = self.raw(name).strip()
        if required and not value:
            self.fail(name, REQUIRED)
        elif len(value) > max_length:
            self.fail(name, TOO_LONG, max=max_length)
        else:
            try:
                return clean_text(value)
            except ValueError:
                self.fail(name, BAD_TEXT)
        return ""

    def day(self, name: str, *, required: bool = False) -> date | None:
        """``YYYY-MM-DD`` (an ``<input type=date>``) as a date, or None when blank or wrong."""
        value = self.raw(name).strip()
        if not value:
            if required:
                self.fail(name, REQUIRED)
            return None
        try:
            return sane_day(date.fromisoformat(value))
        except ValueError:
            self.fail(name, NOT_A_DAY)
            return None

    def moment(self, name: str, *, required: bool = False) -> datetime | None:
        """An ``<input type=datetime-local>`` value, read as UTC (the pages show times in UTC)."""
        value = self.raw(name).strip().replace(" ", "T")
        if not value:
            if required:
                self.fail(name, REQUIRED)
            return None
        try:
            return utc_moment(datetime.fromisoformat(value).replace(tzinfo=UTC))
        except ValueError:
            self.fail(name, NOT_A_MOMENT)
            return None

    def number(self, name: str, *, low: float, high: float) -> float | None:
        """A number in [low, high] (a comma counts as the decimal sign), or None when blank or wrong."""
        value = self.raw(name).strip().replace(",", ".")
        if not value:
            return None
        try:
            number = float(value)
        except ValueError:
            self.fail(name, NOT_A_NUMBER)
            return None
        if not low <= number <= high:  # also refuses NaN
            self.fail(name, OUT_OF_RANGE, low=f"{low:g}", high=f"{high:g}")
            return None
        return number

    def choice(self, name: str, choices: Collection[str], *, required: bool = True) -> str | None:
        """The value of ``name`` when it is one of ``choices``; None (noting why) otherwise."""
        value = self.raw(name).strip()
        if not value:
            if required:
                self.fail(name, REQUIRED)
            return None
        if value not in choices:
            self.fail(name, NOT_A_CHOICE)
            return None
        return value

    def choices(self, name: str, choices: Collection[str]) -> list[str]:
        """Every value of a multiple ``<select>`` that is one of ``choices``, in order."""
        values = [v for v in self.fields.get(name, []) if v]
        if any(v not in choices for v in values):
            self.fail(name, NOT_A_CHOICE)
        return [v for v in values if v in choices]

    def record_id(self, name: str, *, required: bool = False) -> str | None:
        """A record id chosen in a select or carried in a hidden field (None when blank)."""
        value = self.text(name, max_length=36, required=required)
        if not value:
            return None
        try:
            return str(UUID(value))
        except ValueError:
            self.fail(name, NOT_A_CHOICE)
            return None

    def sector(self, name: str) -> str | None:
        """A NACE code ("i56" -> "I56"), or None when blank or not a code (noting why)."""
        code = self.text(name, max_length=10).upper()
        if code and not NACE_CODE.match(code):
            self.fail(name, NOT_A_SECTOR)
            return None
        return code or None

    def store_error(self, exc: InvalidError | ConflictError, names: Collection[str]) -> None:
        """Note a store's InvalidError or taken key on its field (``prefs.hours_min`` -> ``hours_min``)."""
        leaf = exc.field.rsplit(".", 1)[-1]
        self.fail(leaf if leaf in names else FORM, exc.message)

    def saved(self, write: Callable[[], object], names: Collection[str]) -> bool:
        """Run ``write`` (a store write) unless a field failed already; True when it went through.

        A store's InvalidError from ``write`` is noted on its field among ``names`` (`store_error`)
        and gives False, as a field that failed before does (``write`` is then not run at all).
        """
        if not self.ok:
            return False
        try:
            write()
        except InvalidError as exc:
            self.store_error(exc, names)
            return False
        return True


async def posted(request: Request) -> Posted:
    """The request's form fields (a urlencoded or multipart body; anything else sends no field)."""
    kind = request.headers.get("content-type", "")
    if not kind.startswith(("application/x-www-form-urlencoded", "multipart/form-data")):
        return Posted({})
    form = await request.form()
    fields: dict[str, list[str]] = {}
    for name, value in form.multi_items():
        if isinstance(value, str):
            fields.setdefault(name, []).append(value)
    return Posted(fields)


def messages(request: Request, form: Posted) -> dict[str, str]:
    """Field name -> its message in the request's language (a store's own text as it came)."""
    with rendering(request_locale(request)):
        return {name: _translated(msgid, values) for name, (msgid, values) in form.errors.items()}


def _translated(msgid: str, values: Mapping[str, object]) -> str:
    # a store's message is not a msgid and may hold a literal "%": format only our own
    return gettext(msgid) % values if values else gettext(msgid)


def back_to(form: Posted, default: str) -> str:
    """The form's ``next`` when it is a path of this site under /ui (no open redirect), else ``default``."""
    target = form.raw("next")
    return target if target.startswith("/ui") and not target.startswith("//") else default
