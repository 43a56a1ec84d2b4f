"""Rows of employer contacts and employers for the reports (`reports.frames`).

Plain dicts with the columns of the ``employer_contacts`` and ``employers`` frames (dates as
`datetime.date`, ids as text) plus a few extra columns the frames ignore. Only held (not planned
or cancelled), live contacts count. The caller decides which rows a user may see (by
``participant_unit`` and ``specialist``); this module only reads.
"""

from __future__ import annotations

from typing import Any

from storekit.connection import Connection

Row = dict[str, Any]


def employer_contact_rows(con: Connection) -> list[Row]:
    """One row per live held employer contact, by day then id.

    Columns (frame ``employer_contacts``): contact_id, at (UTC day), specialist (username),
    employer_id, mode, purpose, participant_id (None = generic), by_participant (always False: the
    log records the specialist's contacts), occupation_group (the opening's ISCO group, None when
    no opening or not linked), sector (the employer's NACE code), plan_target (None: the link to a
    plan target is not recorded). Extra: participant_unit, opening_id.
    """
    sql = (
        "SELECT c.id, CAST(timezone('UTC', c.occurred_at) AS DATE), c.specialist, c.employer_id, c.mode, "
        "c.purpose, c.participant_id, NULLIF(o.isco_group, ''), e.sector_nace, c.participant_unit, "
        "c.opening_id FROM crm_contacts c LEFT JOIN crm_openings o ON o.id = c.opening_id "
        "LEFT JOIN crm_employers e ON e.id = c.employer_id "
        "WHERE c.deleted_at IS NULL AND c.status = 'held' ORDER BY 2, c.id"
    )
    out = []
    for r in con.execute(sql).fetchall():
        out.append(
            {
                "contact_id": str(r[0]), "at": r[1], "specialist": r[2], "employer_id": str(r[3]),
                "mode": r[4], "purpose": r[5], "participant_id": None if r[6] is None else str(r[6]),
                "by_participant": False, "occupation_group": r[7], "sector": r[8], "plan_target": None,
                "participant_unit": r[9], "opening_id": None if r[10] is None else str(r[10]),
            }
        )  # fmt: skip
    return out


def employer_rows(con: Connection) -> list[Row]:
    """One row per live employer: employer_id, has_needs_notes (learned needs recorded), name."""
    sql = "SELECT id, needs_learned <> '', name FROM crm_employers WHERE deleted_at IS NULL ORDER BY id"
    return [
        {"employer_id": str(r[0]), "has_needs_notes": bool(r[1]), "name": r[2]}
        for r in con.execute(sql).fetchall()
    ]
