"""The tests stand alone: a clone with nothing beside it runs them, on the data vendored in tests/data."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import DATA, ROOT, cable_path, label_files, load_label

# What reading the project's material from outside the repository looks like: a relative path up to a
# `shared` folder beside the clone, the machine's own copy, or a path built from the parent of the repository.
OUTSIDE = "shared"
OUTSIDE_REFERENCE = re.compile(
    rf"\.\./{OUTSIDE}\b|/work/{OUTSIDE}\b|\.parent\s*/\s*['\"]{OUTSIDE}['\"]|['\"]\.\.['\"]\)?\s*/\s*['\"]{OUTSIDE}['\"]"
)
INDEX = DATA / "INDEX.md"


def _text_files() -> list[str]:
    """Every text file of the tests and benchmarks, except the vendored data (its index records provenance)."""
    roots = (ROOT / "tests", ROOT / "benchmarks")
    names = []
    for path in sorted(p for root in roots for p in root.rglob("*") if p.is_file()):
        if DATA in path.parents or "__pycache__" in path.parts or path.suffix not in {".py", ".md", ".yaml", ".txt"}:
            continue
        names.append(str(path.relative_to(ROOT)))
    return names


def test_the_reference_pattern_recognises_each_way_out() -> None:
    for text in ('ROOT.parent / "DIR"', "see ../DIR/cables", "/work/DIR/labels", "Path('..') / 'DIR'"):
        assert OUTSIDE_REFERENCE.search(text.replace("DIR", OUTSIDE)), text
    assert not OUTSIDE_REFERENCE.search("shared by the rules; tests/data/cables")


@pytest.mark.parametrize("name", _text_files())
def test_no_test_or_benchmark_reads_outside_the_repository(name: str) -> None:
    text = (ROOT / name).read_text(encoding="utf-8")
    found = [m.group(0) for m in OUTSIDE_REFERENCE.finditer(text)]
    assert not found, f"{name} refers to material outside the repository: {found}; use tests/data (conftest.DATA)"


def test_every_vendored_file_is_in_the_index_with_its_source() -> None:
    index = INDEX.read_text(encoding="utf-8")
    files = [p for p in DATA.rglob("*") if p.is_file() and p != INDEX and p.suffix in {".txt", ".yaml", ".json"}]
    assert len(files) > 80
    missing = [str(p.relative_to(DATA)) for p in files
               if p.suffix == ".txt" and f"`{p.relative_to(DATA)}`" not in index]
    assert not missing, f"tests/data/INDEX.md does not name the source of {missing}"


@pytest.mark.parametrize("path", label_files(), ids=lambda p: p.stem)
def test_every_label_names_a_vendored_cable(path: Path) -> None:
    label = load_label(path.stem)
    assert cable_path(label).is_file(), f"{label['cable']} is not in tests/data"
