"""Whatever a client sends, the answer is a 2xx or a clear 4xx, never a 500."""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import Api

JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(10**12), 10**12)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4),
    max_leaves=12,
)
KEYS = st.sampled_from(
    [
        "display_name",
        "preferences",
        "home",
        "skills",
        "disclosure",
        "benefits",
        "language",
        "licences",
        "unit_id",
        "name",
        "stage",
        "sites",
        "title",
        "employer_id",
        "hours_min",
        "hours_max",
        "n",
        "kinds",
        "exclude",
    ]
)
BODIES = st.dictionaries(KEYS, JSON, max_size=6) | JSON


def test_fuzzed_bodies_never_500(api: Api) -> None:
    emp = api.call("POST", "/employers", json={"name": "Fuzz AB"}).json()
    pid = api.call("POST", "/participants", json={"display_name": "F"}).json()["id"]
    urls = ["/participants", "/employers", "/openings", f"/participants/{pid}/leads"]

    @settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(url=st.sampled_from(urls), body=BODIES, with_employer=st.booleans())
    def check(url: str, body: Any, with_employer: bool) -> None:
        if with_employer and isinstance(body, dict) and url == "/openings":
            body = {**body, "employer_id": emp["id"]}
        r = api.call("POST", url, json=body)
        assert r.status_code < 500, (url, body, r.text)

    check()


def test_fuzzed_paths_never_500(api: Api) -> None:
    @settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(
        ident=st.text(
            alphabet=st.characters(min_codepoint=33, max_codepoint=126, exclude_characters="/?#%\\"),
            min_size=1,
            max_size=40,
        )
    )
    def check(ident: str) -> None:
        for url in (f"/participants/{ident}", f"/employers/{ident}", f"/openings/{ident}"):
            status = api.call("GET", url).status_code
            # "." and ".." are path segments the client resolves to the list route.
            assert status in ((200, 404, 422) if set(ident) == {"."} else (404, 422)), (url, status)

    check()
