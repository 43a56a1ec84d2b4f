"""Evaluation: the linker quality harness, its report, skill quality, linker training and vector packs."""

from __future__ import annotations
