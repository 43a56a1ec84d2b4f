"""`python -m service.cli`: the same as the `ipsmatch` command."""

from __future__ import annotations

from service.cli.app import main

main()
