"""The bundled YAML files' JSON (tipcheck/parsed/, which a check reads instead of parsing YAML) says what the YAML
says, and a YAML file changed since its JSON was written is read as YAML; the stored word-list alternations are
the ones written now, and a check finds each one it asks for."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

import alternations as alternations_script
from tipcheck import bundled
from tipcheck.vocabulary import alternations

FILES = bundled.yaml_files()
REGENERATE = "the YAML changed: write the JSON again with `python -m tipcheck.bundled`"


def test_every_bundled_yaml_file_is_found() -> None:
    kinds = [kind for kind, _ in FILES]
    assert kinds.count("questionnaire") >= 6 and kinds.count("vocabulary") >= 4


@pytest.mark.parametrize(("kind", "source"), FILES, ids=[f"{k}/{p.name}" for k, p in FILES])
def test_the_json_is_the_yaml_as_it_parses(kind: str, source: Path) -> None:
    text = source.read_bytes()
    stored = bundled.load(kind, source, text)
    assert stored is not None, REGENERATE
    assert stored == yaml.safe_load(text.decode("utf-8")), REGENERATE


@pytest.mark.parametrize(("kind", "source"), FILES, ids=[f"{k}/{p.name}" for k, p in FILES])
def test_each_part_s_json_is_made_of_the_yaml_as_it_parses(kind: str, source: Path) -> None:
    text = source.read_bytes()
    whole = yaml.safe_load(text.decode("utf-8"))
    for part, make in bundled.PARTS.get(kind, {}).items():
        assert bundled.load(kind, source, text, part) == make(whole), REGENERATE


def test_an_outline_is_its_model_without_the_questions() -> None:
    kind, source = next((k, p) for k, p in FILES if p.name == "tip-2009.yaml")
    whole = yaml.safe_load(source.read_text(encoding="utf-8"))
    outline = bundled.load(kind, source, source.read_bytes(), "outline")
    assert [s["id"] for s in outline["sections"]] == [s["id"] for s in whole["sections"]]
    assert all("questions" in s for s in whole["sections"]) and not any("questions" in s for s in outline["sections"])
    assert {k: v for k, v in outline.items() if k != "sections"} == {k: v for k, v in whole.items() if k != "sections"}


def test_no_json_is_left_without_its_yaml() -> None:
    expected = {bundled.parsed_path(kind, source, part) for kind, source in FILES
                for part in [None, *bundled.PARTS.get(kind, {})]}
    assert set(bundled.PARSED.glob("*/*.json")) == expected


def test_a_yaml_file_changed_since_its_json_is_read_as_yaml(tmp_path: Path) -> None:
    kind, source = next((k, p) for k, p in FILES if p.name == "sentences.yaml")
    edited = tmp_path / source.name  # same name, so the same JSON file is looked up
    edited.write_text(source.read_text(encoding="utf-8").replace('"p.m"]', '"p.m", "Xyz"]'), encoding="utf-8")
    assert bundled.load(kind, edited, edited.read_bytes()) is None
    model = next(p for k, p in FILES if p.name == "tip-2009.yaml")
    changed = model.read_bytes().replace(b"\n", b"\n\n", 1)  # the same model, but not the same text
    assert bundled.load("questionnaire", model, changed, "outline") is None
    assert bundled.read(kind, edited)["abbreviations"][-1] == "Xyz"
    assert bundled.read(kind, source) == yaml.safe_load(source.read_text(encoding="utf-8"))



STORE_AGAIN = "store the alternations again with `python tests/alternations.py --update`"


def test_every_stored_alternation_is_the_one_written_now() -> None:
    stored = alternations_script.stored()
    assert stored, f"vocabulary/alternations.py changed: {STORE_AGAIN}"
    for adverbs, phrases, text in stored:
        assert alternations.write(phrases, adverbs) == text
    assert bundled.read_json(alternations.STORED, alternations_script.SOURCE + b"\n") is None  # not that source


def test_a_check_finds_every_word_list_it_asks_for_stored() -> None:
    asked = alternations_script.asked_by_a_check()
    assert len(asked) > 50
    assert set(asked) <= {(adverbs, phrases) for adverbs, phrases, _ in alternations_script.stored()}, \
        f"the word lists changed: {STORE_AGAIN}"


def test_a_list_not_stored_is_written() -> None:
    phrases = ("zebra crossings", "zebra crossing", "zebras")
    assert alternations.alternation(phrases) == alternations.write(phrases, False) == \
        r"(?:zebra(?:\s+crossing(?:s)?|s))"
