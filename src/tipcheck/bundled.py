"""The package's own YAML files (the questionnaire models and the vocabularies) as they parse, kept as JSON in
`tipcheck/parsed/`: the json module reads in C what PyYAML builds in Python, so a check reads its model and
vocabularies in ~1 ms instead of ~12, and does not import PyYAML (~10 ms more).

A questionnaire model also has its outline (the model without its sections' questions: what choosing a model
and detecting a reply read, from all six models at every start) in a small JSON file of its own, so that those
~370 KB of JSON are not decoded for a few hundred bytes of each.

Each JSON file holds the CRC-32 of the YAML text it was made from. A YAML file changed since (being edited) is
parsed as YAML again, so what tipcheck reads is always what the YAML says. tests/test_bundled.py compares every
JSON file with its YAML file; this writes them all again:

    python -m tipcheck.bundled
"""

from __future__ import annotations

import json
import sys
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

# The package's folder from this file's place, not importlib.resources.files (which imports zipfile, ~5 ms).
_PACKAGE = Path(__file__).parent
PARSED = _PACKAGE / "parsed"
# where the bundled YAML files are, and the name of the folder of their JSON in PARSED
SOURCES = {"questionnaire": _PACKAGE / "questionnaire" / "data", "vocabulary": _PACKAGE / "vocabulary"}


def yaml_files() -> list[tuple[str, Path]]:
    """Each bundled YAML file, with the folder its JSON goes to."""
    return [(kind, path) for kind, folder in SOURCES.items() for path in sorted(folder.glob("*.yaml"))]


def _without_questions(data: Any) -> Any:
    return {**data, "sections": [{k: v for k, v in s.items() if k != "questions"} for s in data["sections"]]}


# Parts of a kind's files kept in JSON files of their own, by name: what each is made of the whole
PARTS: dict[str, dict[str, Callable[[Any], Any]]] = {"questionnaire": {"outline": _without_questions}}


def parsed_path(kind: str, source: Path, part: str | None = None) -> Path:
    return PARSED / kind / (f"{source.stem}.{part}.json" if part else f"{source.stem}.json")


def text_checksum(text: bytes) -> int:
    return zlib.crc32(text)


def load(kind: str, source: Path, text: bytes, part: str | None = None) -> Any | None:
    """The parsed form of bundled YAML file `source` (or of one of its PARTS), whose content is `text`, when its
    JSON was made from that text; None when it was not (the YAML changed since) or there is none."""
    return read_json(parsed_path(kind, source, part), text)


def read_json(path: Path, text: bytes) -> Any | None:
    """The data JSON file `path` holds when it was made from `text` (its CRC-32 stored beside); None when it was
    not, or there is no such file."""
    try:
        stored = json.loads(path.read_bytes())
    except (OSError, ValueError):
        return None
    return stored["data"] if stored.get("crc32") == text_checksum(text) else None


def write_json(path: Path, source: str, text: bytes, data: Any) -> Path:
    """Write `data` made from `text` (of file `source`, named relative to the package) to JSON file `path`."""
    path.parent.mkdir(parents=True, exist_ok=True)
    stored = {"source": source, "crc32": text_checksum(text), "data": data}
    path.write_text(json.dumps(stored, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return path


def read(kind: str, source: Path, part: str | None = None, parse: Callable[[str], Any] | None = None) -> Any:
    """Bundled YAML file `source` (or one of its PARTS) as it parses: from its JSON when that was made from the file
    as it is, else by `parse` from the file's text (by default, the whole file as YAML)."""
    text = source.read_bytes()
    stored = load(kind, source, text, part)
    if stored is not None:
        return stored
    return (parse or parse_yaml)(text.decode("utf-8"))


def parse_yaml(text: str) -> Any:
    """YAML text as Python values, by a safe loader."""
    import yaml  # here: a check reads the bundled files' JSON

    return yaml.load(text, Loader=safe_loader())


def safe_loader() -> Any:
    """libyaml's safe loader when it is there (10x faster), else PyYAML's: the same safe subset of YAML."""
    import yaml

    return getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def write_all() -> list[Path]:
    """Write the JSON of every bundled YAML file; the files written."""
    written: list[Path] = []
    for kind, source in yaml_files():
        text = source.read_bytes()
        data = parse_yaml(text.decode("utf-8"))
        parts = {None: data} | {part: make(data) for part, make in PARTS.get(kind, {}).items()}
        written.extend(write_json(parsed_path(kind, source, part), f"{kind}/{source.name}", text, content)
                       for part, content in parts.items())
    return written


if __name__ == "__main__":
    for path in write_all():
        print(path.relative_to(_PACKAGE.parent), file=sys.stderr)
