"""The architecture holds: the core never reaches for the CLI or the formatters, and the stages do no I/O."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src" / "tipcheck"
# the entry points (cli/, __main__.py, which only calls the CLI) and the formatters are the outer layer
OUTER = ("cli", "formatters")
CORE = sorted(p for p in SRC.rglob("*.py")
              if p.name != "__main__.py" and p.relative_to(SRC).parts[0] not in OUTER)
# the pipeline's stages: plain data in and out, no I/O
STAGE_PACKAGES = ("reading", "analysis", "rules", "desk")
STAGES = sorted(p for pkg in STAGE_PACKAGES for p in (SRC / pkg).glob("*.py"))
FORBIDDEN = ("tipcheck.cli", "tipcheck.formatters")


def _package_of(path: Path) -> str:
    return ".".join(("tipcheck", *path.parent.relative_to(SRC).parts))


def _imported_modules(source: str, package: str) -> list[str]:
    """Every module a source file imports, relative imports resolved against its package."""
    names: list[str] = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                module = f"{base}.{node.module}" if node.module else base
            else:
                module = node.module or ""
            names.append(module)
            names.extend(f"{module}.{alias.name}" for alias in node.names)
    return names


def _forbidden(names: list[str]) -> list[str]:
    return [m for m in names if any(m == f or m.startswith(f + ".") for f in FORBIDDEN)]


def test_the_core_is_found() -> None:
    names = {str(p.relative_to(SRC)) for p in CORE}
    assert {"reading/cable.py", "reading/segment.py", "analysis/align.py", "api.py", "results.py"} <= names
    assert not any(p.relative_to(SRC).parts[0] in OUTER for p in CORE)


def test_the_folder_listing_shows_the_pipeline() -> None:
    packages = {p.name for p in SRC.iterdir() if (p / "__init__.py").is_file()}
    assert {"reading", "questionnaire", "analysis", "rules", "desk", "formatters", "cli"} <= packages


@pytest.mark.parametrize("path", CORE, ids=[str(p.relative_to(SRC)) for p in CORE])
def test_core_module_never_imports_cli_or_formatters(path: Path) -> None:
    bad = _forbidden(_imported_modules(path.read_text(encoding="utf-8"), _package_of(path)))
    assert bad == [], f"{path.relative_to(SRC)} imports {bad}"


@pytest.mark.parametrize("source", [
    "from tipcheck.cli.main import main\n",
    "from tipcheck.cli import batch\n",
    "import tipcheck.formatters.text\n",
    "from ..formatters import get\n",
    "from .. import cli\n",
    "def f():\n    from tipcheck import formatters\n",
])
def test_the_import_check_catches_a_violation(source: str) -> None:
    assert _forbidden(_imported_modules(source, "tipcheck.rules"))


def test_the_import_check_passes_core_imports() -> None:
    source = "from tipcheck.analysis.align import align\nfrom .base import Context\nfrom .. import findings\n"
    assert _forbidden(_imported_modules(source, "tipcheck.rules")) == []


@pytest.mark.parametrize("path", STAGES, ids=[str(p.relative_to(SRC)) for p in STAGES])
def test_stage_does_no_io(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    calls = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
            if name in ("open", "print", "input", "read_text", "read_bytes", "write_text", "write_bytes"):
                calls.append(f"{name}() at line {node.lineno}")
    assert calls == [], f"{path.relative_to(SRC)} does I/O: {calls}"
    text = path.read_text(encoding="utf-8")
    assert not re.search(r"\bsys\.(?:stdout|stderr|stdin)\b", text)
