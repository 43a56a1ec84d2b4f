"""The pages' Jinja2 environment: gettext (``{{ _("...") }}``), code labels and locale formats.

Every page renders through `render`, which picks the request's locale (`i18n.choose_locale`) and
renders the template in it; filters (``day``, ``decimal``, ``percent``, ``money``, ``label``,
``sector``, ``said``) format in that locale too.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import Response
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader

from service.web import i18n
from service.web.countries import country_name
from service.web.labels import label, sector, support_check
from service.web.phrases import said

_ENV = Environment(
    loader=FileSystemLoader(Path(__file__).parent / "templates"),
    autoescape=True,
    extensions=["jinja2.ext.i18n"],
)
# Newstyle gettext: ``_("%(n)s days", n=3)`` formats after translating and escapes the values.
_ENV.install_gettext_callables(  # type: ignore[attr-defined]  # added by the i18n extension
    gettext=i18n.gettext, ngettext=i18n.ngettext, newstyle=True
)
TEMPLATES = Jinja2Templates(env=_ENV)
TEMPLATES.env.filters.update(
    {
        "label": label,
        "sector": sector,
        "disclosure": lambda code: label(code, "disclosure"),
        "check": support_check,
        "day": i18n.day,
        "day_short": i18n.day_short,
        "moment": i18n.moment,
        "decimal": i18n.decimal,
        "percent": i18n.percent,
        "money": i18n.money,
        "language": i18n.language_name,
        "country": country_name,
        "said": said,
    }
)


def request_locale(request: Request) -> str:
    """The locale ``request`` is answered in: the switcher's cookie, Accept-Language, English."""
    return i18n.choose_locale(request.cookies.get(i18n.LANG_COOKIE), request.headers.get("accept-language"))


def render(request: Request, template: str, *, status_code: int = 200, **context: Any) -> Response:
    """The page ``template`` filled with ``context``, in the request's language."""
    locale = request_locale(request)
    here = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    extra = {"locale": locale, "languages": i18n.language_names(), "here": here}
    with i18n.rendering(locale):
        response = TEMPLATES.TemplateResponse(
            request, template, {**extra, **context}, status_code=status_code
        )
    response.headers["Content-Language"] = locale
    return response
