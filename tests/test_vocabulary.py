"""The vocabularies are data with a schema: every file validates, and the grammar and the sub-question pass read
their words from the files."""

from __future__ import annotations

import json
from dataclasses import fields
from pathlib import Path

import jsonschema
import pytest
import yaml

from tipcheck import vocabulary
from tipcheck.analysis import subquestions
from tipcheck.rules import _gap_grammar
from tipcheck.vocabulary import GapVocabulary, gap_vocabulary, read_text


def test_gaps_yaml_validates_against_its_schema() -> None:
    schema = json.loads(read_text("gaps.schema.json"))
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.Draft202012Validator(schema).validate(yaml.safe_load(read_text("gaps.yaml")))


def test_the_schema_refuses_a_yaml_boolean_among_the_words() -> None:
    # an unquoted "on" or "no" in a word list is read by YAML as a boolean: the schema must say so
    schema = json.loads(read_text("gaps.schema.json"))
    data = yaml.safe_load(read_text("gaps.yaml"))
    data["introductions"] = [*data["introductions"], True]
    errors = list(jsonschema.Draft202012Validator(schema).iter_errors(data))
    assert [list(e.absolute_path) for e in errors] == [["introductions", len(data["introductions"]) - 1]]


def test_every_list_of_the_file_is_read_and_nothing_else() -> None:
    data = yaml.safe_load(read_text("gaps.yaml"))
    assert set(data) == {f.name for f in fields(GapVocabulary)}


def test_the_grammar_reads_the_words_from_the_file() -> None:
    vocabulary = gap_vocabulary()
    assert _gap_grammar.V is vocabulary
    for reporter in vocabulary.reporters:
        assert _gap_grammar.REPORTER.fullmatch(reporter), reporter
    for word in vocabulary.sought:
        assert _gap_grammar.SOUGHT.fullmatch(word), word


def test_a_government_abbreviation_is_any_go_plus_capitals_not_a_list_of_posts() -> None:
    for abbreviation in ("GOB", "GOE", "GOY", "GOSL", "GOCR", "GOTT"):
        sentence = f"The {abbreviation} requested data."
        assert _gap_grammar.subject(sentence, sentence.index("requested")) == (4, False)


@pytest.mark.parametrize("sentence", [
    "The names of the suspects are not/not for public disclosure.",
    "Shelter places are not available to victims of labor trafficking.",
    "Post requests that the names of the NGOs and the details of the cases not be disclosed.",
    "The data are shared with prosecutors only and should not be made public.",
])
def test_information_withheld_on_purpose_or_kept_from_others_is_no_gap(sentence: str) -> None:
    assert not _gap_grammar.is_seeking(sentence)
    assert _gap_grammar.unavailable_at(sentence) is None


def test_every_vocabulary_file_validates_against_the_schema_beside_it() -> None:
    folder = Path(vocabulary.__file__).parent
    for source in sorted(folder.glob("*.yaml")):
        schema = json.loads(read_text(f"{source.stem}.schema.json"))
        jsonschema.Draft202012Validator.check_schema(schema)
        jsonschema.Draft202012Validator(schema).validate(yaml.safe_load(read_text(source.name)))


def test_the_sub_question_pass_reads_counts_and_amounts_from_the_file() -> None:
    words = vocabulary.answer_vocabulary()
    for word in words.number_words:
        assert subquestions._IN_WORDS.fullmatch(word.capitalize()), word
    for unit in words.currency_units:
        assert subquestions._AMOUNT.fullmatch(f"5 million {unit.upper()}"), unit
    for code in words.currency_codes:
        assert subquestions._CURRENCY_CODE.match(f"{code.upper()} 40,000"), code
    assert not subquestions._AMOUNT.search("7 randomly chosen shelters")  # a unit is a whole word
