"""Quality benchmark: title -> ESCO linking on MELO sets and occupation -> skills NDCG@10.

The same run as `ipsmatch eval` (arguments pass through), so the numbers in docs/quality.md can be
reproduced either way::

    .venv/bin/python benchmarks/quality.py                       # all sets in IPSMATCH_MELO_PATH
    .venv/bin/python benchmarks/quality.py PATH --format json    # one set or a folder of sets
"""

from __future__ import annotations

import os
import sys

os.environ.setdefault("HF_HUB_OFFLINE", "1")  # the bundled model only; nothing is downloaded

from service.cli.app import app  # imported after the offline switch

if __name__ == "__main__":
    app(["eval", *sys.argv[1:]], prog_name="benchmarks/quality.py")
