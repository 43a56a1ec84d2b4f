"""Module and function sizes stay within the house rules (issue 11 item 6, docs/architecture.md).

A module over 300 lines or a function over 50 is a sign that two concepts share a room; this test
names the offenders so a change cannot grow one silently.
"""

from __future__ import annotations

import ast
from pathlib import Path

from tests.test_architecture import PACKAGES, ROOT

MAX_MODULE_LINES = 300
MAX_FUNCTION_LINES = 50


def package_modules() -> list[Path]:
    return sorted(p for package in PACKAGES for p in (ROOT / package).rglob("*.py"))


def too_long_functions(path: Path) -> list[str]:
    """``file:line name (N lines)`` for each def over the limit, decorators not counted."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            length = (node.end_lineno or node.lineno) - node.lineno + 1
            if length > MAX_FUNCTION_LINES:
                where = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path.name
                found.append(f"{where}:{node.lineno} {node.name} ({length} lines)")
    return found


def test_the_packages_have_modules_to_measure() -> None:
    assert len(package_modules()) > 100


def test_no_module_over_300_lines() -> None:
    long = []
    for path in package_modules():
        lines = len(path.read_text(encoding="utf-8").splitlines())
        if lines > MAX_MODULE_LINES:
            long.append(f"{path.relative_to(ROOT)} ({lines} lines)")
    assert not long, "modules over 300 lines: " + ", ".join(long)


def test_no_function_over_50_lines() -> None:
    long = [entry for path in package_modules() for entry in too_long_functions(path)]
    assert not long, "functions over 50 lines: " + ", ".join(long)


def test_the_function_check_sees_a_long_function(tmp_path: Path) -> None:
    body = "\n".join(f"    x{i} = {i}" for i in range(MAX_FUNCTION_LINES))
    module = tmp_path / "probe.py"
    module.write_text(f"def probe():\n{body}\n\ndef short():\n    return 1\n", encoding="utf-8")
    assert too_long_functions(module) == ["probe.py:1 probe (51 lines)"]
