"""Named patterns and vocabulary (tipcheck.text), on excerpts of real cables, and the rule that each is stated
only there."""

from __future__ import annotations

import ast
import json
import re
import sys
from pathlib import Path

import jsonschema
import pytest
import yaml

from conftest import CABLES, NEGATIVES
from tipcheck import text
from tipcheck.text import sentence_texts, sentences
from tipcheck.vocabulary import abbreviations, read_text

SRC = Path(text.__file__).parent


def test_a_title_or_saint_does_not_end_a_sentence() -> None:
    # 10SANAA295 and 09BRIDGETOWN109: one sentence each, though "Dr." and "St." are followed by capitals
    sanaa = ("According to Higher Council for Motherhood and Childhood \n (HCMC) General Secretary Dr. Nafisa H. "
             "al-Jaifi, the \n government acknowledges that human trafficking is a problem \n in the country.")
    assert sentence_texts(sanaa) == [sanaa]
    bridgetown = ("As requested reftel, below are Post's responses to \nquestions regarding St. Vincent and the "
                  "Grenadines for the \nannual Trafficking in Persons (TIP) Report.")
    assert len(sentences(bridgetown)) == 1
    manama = "Ms. Dias, an Indian retiree, works tirelessly. Ms. Dias coordinates her work with embassies."
    assert sentence_texts(manama) == ["Ms. Dias, an Indian retiree, works tirelessly.",
                                      "Ms. Dias coordinates her work with embassies."]


def test_etc_and_list_dashes_end_sentences() -> None:
    # 07REYKJAVIK49: "(... judges, banks, etc.)" closes its sentence
    reykjavik = ("(officials, armed groups, terrorist organizations, \njudges, banks, etc.) \n\nThe Ministry of "
                 "Justice and police say they have no data.")
    assert sentence_texts(reykjavik)[1] == "The Ministry of Justice and police say they have no data."
    spans = sentences("-- The law passed. -- Courts applied it.")
    assert [s for s in spans] == [(3, 18), (22, 40)]


def test_capitals_keep_abbreviations_whole() -> None:
    # a tasking cable in capitals: E.G. and U.S. are not sentence ends
    assert sentence_texts("PLEASE PROVIDE NUMBERS, E.G. ARRESTS. NOTE THAT U.S. DATA DIFFER.") == [
        "PLEASE PROVIDE NUMBERS, E.G. ARRESTS.", "NOTE THAT U.S. DATA DIFFER."]


def test_an_article_number_does_not_end_a_sentence() -> None:
    # 09REYKJAVIK50 cites the penal code: one sentence
    reykjavik = ("Procuring, removing, housing or accepting someone who has been \nsubjected to unlawful force under "
                 "Art. 225 or deprived of freedom as \nper Art. 226 or threat as per Art. 233.")
    assert len(sentences(reykjavik)) == 1


@pytest.mark.parametrize("abbreviation", abbreviations())
def test_each_abbreviation_of_the_vocabulary_keeps_its_sentence_whole(abbreviation: str) -> None:
    # in a sentence written for this test, before a capital and before a digit, in its own case and in capitals
    for written in (abbreviation, abbreviation.upper()):
        for after in ("Ramos", "12"):
            passage = f"Victims were referred to the shelter ({written}. {after} in the decree). The shelter is full."
            assert len(sentences(passage)) == 2, passage


def test_the_vocabulary_file_validates_and_no_abbreviation_list_is_left_in_code() -> None:
    schema = json.loads(read_text("sentences.schema.json"))
    jsonschema.Draft202012Validator(schema).validate(yaml.safe_load(read_text("sentences.yaml")))
    listed = [str(p.relative_to(SRC)) for p in sorted(SRC.rglob("*.py"))
              if re.search(r"\bapprox\b.*\bDr\b", p.read_text(encoding="utf-8"))]
    assert listed == []


@pytest.mark.parametrize(("name", "number"), [("January", 1), ("FEB", 2), ("sept", 9), ("Sep.", 9), ("MAY", 5)])
def test_month_names_and_abbreviations(name: str, number: int) -> None:
    assert text.month_number(name) == number
    assert re.fullmatch(text.MONTH, name.rstrip("."), re.I)


def test_ordinals_name_the_report_year() -> None:
    for subject, year in [("NINTH ANNUAL TRAFFICKING IN PERSONS (TIP) REPORT", 2009),
                          ("MANAMA: 8TH ANNUAL TIP REPORT", 2008), ("TENTH ANNUAL", 2010)]:
        found = text.ANNUAL.search(subject)
        assert found is not None and text.annual_report_year(found) == year
    assert text.ordinal(9) == "NINTH" and text.ordinal(40) is None


@pytest.mark.parametrize("marking", ["(U)", "(SBU)", "(C)", "(S)", "(SBU/NF)", "(S//NF)", "( SBU )", "(UNCLASSIFIED)"])
def test_classification_markings(marking: str) -> None:
    assert text.without_classification(f"{marking} THE COUNTRY'S TIP SITUATION") == "THE COUNTRY'S TIP SITUATION"


def test_a_parenthesised_word_is_not_a_marking() -> None:
    assert text.without_classification("(NFI) no further information") == "(NFI) no further information"


def _string_constants(path: Path) -> list[str]:
    """Each string constant of a module, and the strings of each tuple, list, set or dict literal joined."""
    found: list[str] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            found.append(node.value)
        elif isinstance(node, (ast.Tuple, ast.List, ast.Set, ast.Dict)):
            items = node.keys if isinstance(node, ast.Dict) else node.elts
            found.append(" ".join(i.value for i in items if isinstance(i, ast.Constant) and isinstance(i.value, str)))
    return found


# What a second copy of each table or pattern would contain
_COPIES = {
    "a month table": re.compile(r"\bFEB(?:RUARY)?\b.*\bMAR(?:CH)?\b", re.I | re.S),
    "an ordinal table": re.compile(r"\bEIGHTH\b.*\bNINTH\b", re.S),
    "a classification-marking pattern": re.compile(r"\\\(.*\bSBU\b"),
}


@pytest.mark.parametrize("what", sorted(_COPIES))
def test_each_table_and_pattern_is_stated_only_in_text_py(what: str) -> None:
    copies = [str(p.relative_to(SRC)) for p in sorted(SRC.rglob("*.py")) if p.name != "text.py"
              and any(_COPIES[what].search(s) for s in _string_constants(p))]
    assert copies == [], f"{what} outside text.py"


def test_sentence_ends_are_those_of_the_pattern_starting_with_a_repeat() -> None:
    # the pattern as first written, tried at every character; every vendored cable and negative
    first_written = re.compile(r"[.?!]+[\"')\]]*(?=\s+[\"'(\[]?[A-Z0-9-]|\s*$)")
    texts = [path.read_text(encoding="utf-8", errors="replace")
             for path in sorted((*CABLES.rglob("*.txt"), *NEGATIVES.rglob("*.txt")))]
    texts += ["Done?! Next.", "He said (so.) Then", "End...\n\n  - Item", "A.\n", "no end"]
    ends = 0
    for t in texts:
        expected = [m.span() for m in first_written.finditer(t)]
        assert [m.span() for m in text._SENTENCE_END.finditer(t)] == expected
        ends += len(expected)
    assert ends > 5000


def test_the_characters_folded_to_ascii_letters_are_all_there_are() -> None:
    any_letter = re.compile("[a-z]", re.I)
    folded = "".join(chr(c) for c in range(0x80, sys.maxunicode + 1) if any_letter.fullmatch(chr(c)))
    assert folded == text.FOLDED_TO_ASCII_LETTERS


def _sentences_searching_every_end(value: str) -> tuple[tuple[int, int], ...]:
    """`sentences` as written before: the abbreviation pattern searched for before every sentence end."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in text._SENTENCE_END.finditer(value):
        if text._abbreviation().search(value, max(0, m.start() - 8), m.start()):
            continue
        first = text._skip(value, start)
        if first < m.end():
            spans.append((first, m.end()))
        start = m.end()
    first = text._skip(value, start)
    if first < len(value):
        spans.append((first, len(value)))
    return tuple(spans)


_ABBREVIATION_EDGES = ["Mr. Smith came. Then", "Xmr. Smith came. Then", "approx. 5 came. Then", "Xapprox. Five",
                       "at 5 a.m. Then", "U.S. Embassy. The", "the M.\nThen", "Mr\n. Then", "x_Mr. Then", "No2. The",
                       "Mr. A", "It is in Art. 5 of it. The", "See cf. The", "a_b. The", "Victims. The", "ABCDEFG. H"]


def test_sentences_skip_the_abbreviation_search_only_where_it_cannot_match() -> None:
    # after more word characters than any abbreviation ends with, the search is not made: the spans stay those
    # of searching before every end, on every vendored cable and negative and on abbreviations at each edge
    texts = [path.read_text(encoding="utf-8", errors="replace")
             for path in sorted((*CABLES.rglob("*.txt"), *NEGATIVES.rglob("*.txt")))]
    for value in (*texts, *_ABBREVIATION_EDGES, *(e[i:] for e in _ABBREVIATION_EDGES for i in range(1, 5))):
        assert sentences(value) == _sentences_searching_every_end(value), value[:60]
    assert text._longest_last_run() == max(len(w.replace(".", " ").split()[-1]) for w in abbreviations())
