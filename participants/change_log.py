"""The caseload's change log (``caseload_change_log``)."""

from __future__ import annotations

from storekit.change_log import ChangeLog

CHANGE_LOG = ChangeLog("caseload_change_log")
