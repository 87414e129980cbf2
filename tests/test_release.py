"""The pre-commit set-up that docs/ci.md and .pre-commit-hooks.yaml show works as written: `rev:` names the
release tag of the current version, and the documented `files:` pattern takes drafts and leaves other .txt files."""

from __future__ import annotations

import re
import tomllib

import pytest
import yaml

from conftest import ROOT

DOCUMENTS = (ROOT / "docs" / "ci.md", ROOT / ".pre-commit-hooks.yaml")
VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]


def _documented(key: str) -> list[tuple[str, str]]:
    """Every `key: value` the documents show (in YAML blocks or comments), with the document's name."""
    pattern = re.compile(rf"^[#\s-]*{key}:\s*([^\s\"']\S*)", re.MULTILINE)  # quoted: a .tipcheck.yaml glob
    return [(path.name, m.group(1)) for path in DOCUMENTS for m in pattern.finditer(path.read_text(encoding="utf-8"))]


def test_the_documented_rev_is_the_release_tag_of_this_version() -> None:
    revs = _documented("rev")
    assert len(revs) >= 3
    assert {rev for _, rev in revs} == {f"v{VERSION}"}, revs


@pytest.mark.parametrize(("path", "taken"), [
    ("drafts/2010/mexico.txt", True), ("drafts/sanaa-reply.txt", True),
    ("requirements.txt", False), ("docs/notes.txt", False), ("drafts/2010/mexico.docx", False),
])
def test_the_documented_files_pattern_takes_drafts_only(path: str, taken: bool) -> None:
    patterns = {p for _, p in _documented("files") if p != r"\.txt$"}  # the hooks' own default: every .txt
    assert patterns
    for pattern in patterns:
        assert bool(re.search(pattern, path)) is taken, (pattern, path)


def test_every_hook_runs_tipcheck_on_text_files() -> None:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert {h["id"] for h in hooks} >= {"tipcheck", "tipcheck-strict", "tipcheck-numbering"}
    assert all(h["entry"].startswith("tipcheck ") and h["language"] == "python" for h in hooks)
