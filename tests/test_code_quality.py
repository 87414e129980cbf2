"""The package stays `ruff` and `mypy --strict` clean (configured in pyproject.toml), and no function of it is more
complex than radon's grade C."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from typing import Any

from radon.complexity import cc_rank, cc_visit

from conftest import ROOT


def _run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=600, check=False)


def test_ruff_is_clean() -> None:
    result = _run(sys.executable, "-m", "ruff", "check", "src", "tests", "benchmarks")
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_strict_is_clean() -> None:
    result = _run(sys.executable, "-m", "mypy")
    assert result.returncode == 0, result.stdout + result.stderr


def _blocks(blocks: list[Any]) -> Iterator[Any]:
    """Every function, method and closure radon measured, nested ones included."""
    for block in blocks:
        yield block
        yield from _blocks([*getattr(block, "methods", ()), *getattr(block, "closures", ())])


def test_no_function_is_above_radon_grade_c() -> None:
    too_complex = [f"{path.relative_to(ROOT)}:{block.lineno} {block.fullname} {cc_rank(block.complexity)} "
                   f"({block.complexity})"
                   for path in sorted((ROOT / "src" / "tipcheck").rglob("*.py"))
                   for block in _blocks(cc_visit(path.read_text(encoding="utf-8")))
                   if cc_rank(block.complexity) > "C"]
    assert not too_complex, "\n".join(too_complex)
