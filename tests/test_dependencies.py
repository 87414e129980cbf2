"""Every library the package imports is declared in pyproject.toml, and none of a library's private modules is
imported: a fresh install then has all it needs, and a library's new release cannot break us from the inside."""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from importlib.metadata import packages_distributions

from conftest import ROOT

SRC = ROOT / "src" / "tipcheck"


def _imports() -> dict[str, set[str]]:
    """Every absolute module name imported anywhere in the package, with the files that import it."""
    found: dict[str, set[str]] = {}
    for path in sorted(SRC.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module, *(f"{node.module}.{alias.name}" for alias in node.names)]
            else:
                continue
            for name in names:
                found.setdefault(name, set()).add(str(path.relative_to(ROOT)))
    return found


def _third_party(imports: dict[str, set[str]]) -> dict[str, set[str]]:
    top = {}
    for name, files in imports.items():
        root = name.split(".")[0]
        if root not in sys.stdlib_module_names and root != "tipcheck":
            top.setdefault(root, set()).update(files)
    return top


def _normalise(distribution: str) -> str:
    return re.sub(r"[-_.]+", "-", distribution).lower()


def _declared() -> set[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    requirements = list(project.get("dependencies", []))
    for extra in project.get("optional-dependencies", {}).values():
        requirements += extra
    return {_normalise(m.group(0)) for r in requirements if (m := re.match(r"[A-Za-z0-9][A-Za-z0-9._-]*", r))}


def test_the_imports_are_found() -> None:
    third_party = _third_party(_imports())
    assert {"yaml", "typer", "rapidfuzz"} <= set(third_party)
    assert "os" not in third_party and "tipcheck" not in third_party


def test_every_imported_library_is_declared() -> None:
    distributions = packages_distributions()
    declared = _declared()
    undeclared = {}
    for module, files in _third_party(_imports()).items():
        names = {_normalise(d) for d in distributions.get(module, [])}
        if not names & declared:
            undeclared[module] = (sorted(names) or ["(not installed)"], sorted(files))
    assert not undeclared, f"imported but not declared in pyproject.toml (module: distributions, files): {undeclared}"


def test_no_private_module_of_a_library_is_imported() -> None:
    third_party = set(_third_party(_imports()))
    private = {name: sorted(files) for name, files in _imports().items()
               if name.split(".")[0] in third_party and any(part.startswith("_") for part in name.split("."))}
    assert not private, f"private modules of a library imported: {private}"
