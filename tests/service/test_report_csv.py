"""Report CSV cells: formulas neutralised as in the CRM exports, dates ISO, lists joined, nulls empty."""

from __future__ import annotations

import csv
import datetime as dt
import io

import polars as pl

from service.usecases.report_csv import to_csv


def test_formula_cells_are_quoted_and_values_kept() -> None:
    table = pl.DataFrame(
        {
            "Client ID": ['=HYPERLINK("http://x")', "p2"],
            "Team": ["+unit", "@sum"],
            "Referral date": [dt.date(2025, 1, 10), None],
            "job_starts": [[dt.date(2025, 2, 10), dt.date(2025, 5, 1)], []],
            "count": [-1, 3],
        }
    )
    rows = list(csv.reader(io.StringIO(to_csv(table))))
    assert rows[0] == ["Client ID", "Team", "Referral date", "job_starts", "count"]
    assert rows[1] == ['\'=HYPERLINK("http://x")', "'+unit", "2025-01-10", "2025-02-10;2025-05-01", "-1"]
    assert rows[2] == ["p2", "'@sum", "", "", "3"]
