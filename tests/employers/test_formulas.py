from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from employers.formulas import TRIGGERS, quote, unquote

TEXTS = st.text(alphabet=st.sampled_from(["'", "=", "+", "-", "@", "\t", "\r", "a", " ", "1"]), max_size=8)


@given(TEXTS | st.text(max_size=30))
def test_quote_is_undone_by_unquote_and_never_starts_a_formula(text: str) -> None:
    quoted = quote(text)
    assert unquote(quoted) == text
    assert quoted[:1] not in TRIGGERS


def test_quote_marks_only_what_a_spreadsheet_would_run() -> None:
    assert [quote(t) for t in ("=1", "'=1", "'t Hooft", "", "a=1", "-")] == [
        "'=1",
        "''=1",
        "'t Hooft",
        "",
        "a=1",
        "'-",
    ]
