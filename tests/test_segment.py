"""Segmentation: every numbering style of the real replies opens the right unit with the right marker.

The lines are taken from the cables in tests/data/cables and partial/ (named beside each case); the few styles
the issue names but no stored cable prints (`Question 23 A:`, `--23A.`, `Question 23 B and C:`) are written in
the same form.
"""

from __future__ import annotations

import re

import pytest

from conftest import CABLES, NEGATIVES
from tipcheck.reading.cable import parse_cable, read_cable
from tipcheck.reading.segment import Marker, Segmentation, segment

HEADER = "SUBJECT: NINTH ANNUAL TRAFFICKING IN PERSONS (TIP) REPORT\n\n"


def _segment(body: str) -> Segmentation:
    return segment(parse_cable(HEADER + body))


def _only_marker(body: str) -> Marker:
    units = _segment(body).units
    assert len(units) == 1, [u.marker for u in units]
    return units[0].marker


@pytest.mark.parametrize("line,number,sign,letters,section_paragraph", [
    # 09MEXICO828
    ("¶3. (SBU) QUESTION A. What is (are) the source(s) of available information on trafficking in persons?",
     3, "¶", ("A",), None),
    ("16. (SBU) QUESTION E. Law Enforcement Statistics: Did the government prosecute any cases?", 16, None,
     ("E",), None),
    ("110. (SBU) QUESTION C. What are the limitations on the government's ability to address this problem?",
     110, None, ("C",), None),
    # 09KUWAIT157
    ("1. (SBU) Executive Summary: Physical abuse of domestic workers remained the most common problem.", 1, None,
     (), None),
    ("23A Question: What is (are) the source(s) of available information on trafficking in persons?", None,
     None, ("A",), 23),
    # 07BOGOTA1457
    ("27.A. (SBU) Colombia is a significant source of trafficking victims.", None, None, ("A",), 27),
    # 06AMMAN1691
    ("13.  (SBU)  (21/A)  Jordan  is  a country  of  destination for  women  from  South  Asia.", 13, None,
     ("A",), 21),
    # the forms
    ("--23A. The government does not keep statistics on trafficking.", None, None, ("A",), 23),
    ("Question 23 A: What is (are) the source(s) of available information on trafficking in persons?", None,
     None, ("A",), 23),
    ("Question 23 B and C: Kuwait is a destination country; the GOK acknowledges the problem.", None, None,
     ("B", "C"), 23),
    # 09REYKJAVIK49
    ("-- A. Sources of information:", None, None, ("A",), None),
    # 10SANAA295 (the cable indents every line by one space)
    (" ¶A.  What is (are) the source(s) of available information on human trafficking?", None, "¶", ("A",), None),
    ("¶A. (SBU) SOURCES OF INFORMATION: Sources of information include NGOs and the press.", None, "¶", ("A",),
     None),
    # 08REYKJAVIK36: a grouped answer
    ("-- H, I: Not applicable.", None, None, ("H", "I"), None),
])
def test_numbering_styles(line: str, number: int | None, sign: str | None, letters: tuple[str, ...],
                          section_paragraph: int | None) -> None:
    marker = _only_marker(line + "\n")
    assert (marker.number, marker.sign, marker.letters, marker.section_paragraph) == (
        number, sign, letters, section_paragraph)


def test_question_and_post_response_split_restated_text_from_answer() -> None:
    # 09MEXICO828, paragraph 16
    unit = _segment(
        "16. (SBU) QUESTION E. Law Enforcement Statistics: Did the government prosecute any cases against\n"
        "human trafficking offenders during the reporting period?\n\n"
        "POST RESPONSE: FEVIMTRA opened 24 investigations.\n").units[0]
    assert unit.restated is not None and unit.restated.text.startswith("Law Enforcement Statistics")
    assert unit.response.text.strip() == "FEVIMTRA opened 24 investigations."
    assert unit.response.locate(unit.response.text.index("FEVIMTRA")) == (6, 16)


def test_question_and_answer_labels_make_one_unit() -> None:
    # 09KUWAIT157: `23A Question:` and `23A Answer:` are one answer
    seg = _segment("23A Question: What is (are) the source(s) of available\ninformation on trafficking in persons?\n"
                   "23A Answer: There are no GOK sources of available\ninformation on trafficking in persons.\n")
    assert len(seg.units) == 1
    assert "no GOK sources" in seg.units[0].response.text
    assert seg.units[0].restated is not None and "source(s)" in seg.units[0].restated.text


@pytest.mark.parametrize("body", [
    # the word `Question` in the forms replies print it (09MEXICO828 `QUESTION E.`, 09KUWAIT157 `23A Question:`),
    # and after a letter or a paragraph number, with `:` or `.`: the marker grammar takes it, so the restated text
    # that alignment compares with the questions starts at the question itself
    "A. QUESTION: What is (are) the source(s) of available information on trafficking in persons?\nANSWER: NGOs.\n",
    "1. (SBU) QUESTION 23.A: What is (are) the source(s) of available information?\nAnswer: NGOs.\n",
    "-- A. Question. What is (are) the source(s) of available information?\n\nThe police.\n",
])
def test_the_word_question_is_part_of_the_marker_not_of_the_restated_text(body: str) -> None:
    units = _segment(body).units
    assert [u.marker.letters for u in units] == [("A",)]
    assert units[0].restated is not None and units[0].restated.text.startswith("What is (are) the source(s)")


@pytest.mark.parametrize("line,section_paragraph,text", [
    ("PARA 23 - THE COUNTRY'S TIP SITUATION", 23, "THE COUNTRY'S TIP SITUATION"),  # 09BRIDGETOWN109
    ("3. (SBU) PARAGRAPH 23: THE COUNTRY'S TIP SITUATION:", 23, "THE COUNTRY'S TIP SITUATION:"),  # 09DOHA131
])
def test_paragraph_banners_are_headings(line: str, section_paragraph: int, text: str) -> None:
    seg = _segment(line + "\n\n-- A. What is (are) the source(s) of available information?\n\nThe press.\n")
    assert [(h.section_paragraph, h.text) for h in seg.headings] == [(section_paragraph, text)]
    assert [u.marker.letters for u in seg.units] == [("A",)]


def test_reftel_question_banner_opens_a_section_and_inline_letters_are_not_lost() -> None:
    # 08MANAMA144: "¶3. (SBU) REFTEL Question 27 - Overview of ..." heads the section
    seg = _segment("¶3. (SBU) REFTEL Question 27 - Overview of host country's efforts to eliminate trafficking.\n\n"
                   "--A. (SBU) Bahrain is a destination country for internationally trafficked men and women.\n")
    assert [(h.section_paragraph, h.number) for h in seg.headings] == [(27, 3)]
    assert [u.marker.letters for u in seg.units] == [("A",)]


def test_roman_headings_and_roman_i_as_question_i() -> None:
    # 06CAIRO1634 "I. Overview" is a section heading; 10SANAA295 "¶I.  Is there evidence ..." is question I
    seg = _segment("I. OVERVIEW\n\n"
                   "¶H.  Does the government extradite persons who are charged with trafficking?\n\nNo.\n\n"
                   "¶I.  Is there evidence of government involvement in or\ntolerance of trafficking?\n\nNo.\n")
    assert [(h.roman, h.text) for h in seg.headings] == [(1, "OVERVIEW")]
    assert [u.marker.letters for u in seg.units] == [("H",), ("I",)]
    assert seg.units[1].marker.printed == "¶I."


def test_a_heading_wrapped_onto_a_second_line_is_one_heading() -> None:
    # 10SANAA295 lines 274-275
    seg = _segment(" ¶26.  (SBU) SETTING THE SCENE FOR THE GOVERNMENT'S ANTI-TIP\n EFFORTS\n\n"
                   " ¶A. Does the government acknowledge that human trafficking is\n a problem in the country?\n\n"
                   " Yes.\n")
    assert [(h.number, h.text) for h in seg.headings] == [
        (26, "SETTING THE SCENE FOR THE GOVERNMENT'S ANTI-TIP EFFORTS")]
    assert len(seg.units) == 1 and seg.units[0].heading == seg.headings[0]


def test_sentences_starting_with_a_capital_letter_and_period_are_not_markers() -> None:
    seg = _segment("¶3. (SBU) QUESTION A. Sources?\n\nPOST RESPONSE: The press.\n"
                   "A. Smith of the IOM said more.\nwe saw it in 2008. It grew.\n")
    assert len(seg.units) == 1


def test_numbered_list_inside_an_answer_is_not_a_paragraph() -> None:
    seg = _segment("5. (SBU) QUESTION A. Which laws apply?\n\nPOST RESPONSE: Two laws:\n\n"
                   "1. The Penal Code.\n\n2. The Migration Law.\n\n6. (SBU) QUESTION B. Next?\n\nPOST RESPONSE: Yes.\n")
    assert [u.marker.number for u in seg.units] == [5, 6]
    assert [m.number for m in seg.list_items] == [1, 2]


def test_a_paragraph_cut_by_a_page_break_is_one_unit() -> None:
    cable = read_cable((CABLES / "09MEXICO828.txt").read_bytes())
    units = {u.marker.line: u for u in segment(cable).units}
    # paragraph 16 (line 77) runs over the page break at line 94 "MEXICO 00000828  003 OF 011"
    sixteen = units[77]
    assert sixteen.end_line > 100
    assert "MEXICO 00000828" not in sixteen.passage.text


def test_every_reykjavik_answer_is_a_unit_and_list_dashes_are_not() -> None:
    # 09REYKJAVIK49: "-- Ministry of ..." lines (375, 377, 380) are list items inside scene.B
    cable = read_cable((CABLES / "09REYKJAVIK49.txt").read_bytes())
    lines = [u.marker.line for u in segment(cable).units]
    assert {53, 81, 158, 215, 222, 333, 367, 382, 443} <= set(lines)
    assert not {375, 377, 380} & set(lines)


def test_upper_cased_telegram_style_markers() -> None:
    seg = _segment("19. (SBU) QUESTION B. WHICH GOVERNMENT AGENCIES ARE INVOLVED IN ANTI-\n"
                   "TRAFFICKING EFFORTS AND WHICH AGENCY, IF ANY, HAS THE LEAD?\n\n"
                   "POST RESPONSE: THE INTER-MINISTERIAL COMMISSION LEADS.\n")
    assert [(u.marker.number, u.marker.letters) for u in seg.units] == [(19, ("B",))]
    assert seg.units[0].response.text.strip() == "THE INTER-MINISTERIAL COMMISSION LEADS."


def test_a_cross_reference_wrapped_to_the_start_of_a_line_is_not_a_label() -> None:
    # 08REYKJAVIK36 lines 389-390: "... against trafficking in persons (see" / "5F) said one of the focal ..."
    seg = _segment("-- B. Victim assistance:\n\nMembers of the working group charged with drafting the first\n"
                   "Icelandic national action plan against trafficking in persons (see\n"
                   "5F) said one of the focal points of the action plan will be to call\nfor witness protection.\n")
    assert [u.marker.letters for u in seg.units] == [("B",)]
    assert "(see\n5F) said" in seg.units[0].passage.text


def test_lettered_markers_inside_one_long_line_start_units_at_their_own_columns() -> None:
    # 08MANAMA144 runs each section, `--A. (SBU)` ... `--M. (U)`, on a single line of several thousand chars
    path = CABLES / "08MANAMA144.txt"
    cable = read_cable(path.read_bytes(), str(path))
    line_45 = cable.line(45)
    units = [u for u in segment(cable).units if u.line == 45]
    assert [u.marker.letters for u in units] == [(letter,) for letter in "ABCDEFGHIJKLM"]
    for unit in units:
        column = unit.marker.column
        assert line_45[column - 1: column + 3] == f"--{unit.marker.letters[0]}."
        # the answer starts after the marking, and maps back to the same line and the right column
        start_line, start_column = unit.response.locate(0)
        assert start_line == 45
        assert line_45[start_column - 1:].startswith(unit.response.text[:40])
        assert not unit.response.text.startswith("(")


def test_a_lettered_marker_with_its_marking_after_a_sentence_end_opens_a_unit_inside_a_line() -> None:
    # 08MANAMA144's run-on line, its dashes left out and one a single hyphen (written for this test): the letter
    # and the classification marking after a full stop mark the start, whatever precedes the letter
    seg = _segment("4. (SBU) Investigation and prosecution of traffickers. A. (SBU) On January 9, 2008, Bahrain "
                   "enacted law number 1 of 2008. B. (SBU) The new law does not differentiate between purposes of "
                   "trafficking. -C. (U) Rape is punishable by up to ten years in prison.\n")
    assert [(u.marker.letters, u.response.text.split()[0]) for u in seg.units] == [
        ((), "Investigation"), (("A",), "On"), (("B",), "The"), (("C",), "Rape")]


@pytest.mark.parametrize("line", [
    "4. (SBU) Post's POC is Joe Smith, U.S. (U) Embassy Manama.",  # an abbreviation, no marker
    "4. (SBU) As reported in para 3 B. (SBU) the shelter opened.",  # no sentence ends before the letter
])
def test_a_letter_and_a_marking_inside_a_sentence_do_not_cut_the_line(line: str) -> None:
    assert [u.marker.letters for u in _segment(line + "\n").units] == [()]


def test_a_label_after_an_unfinished_sentence_still_opens_a_unit() -> None:
    # 07BOGOTA1457: 29.C's answer ends "... in paragraph 29.A" with no full stop, a blank line, then "29.D."
    path = CABLES / "07BOGOTA1457.txt"
    cable = read_cable(path.read_bytes(), str(path))
    assert 359 not in cable.soft_breaks  # the blank line between them ends a paragraph
    starts = {(u.marker.section_paragraph, u.marker.letters): u.line for u in segment(cable).units}
    assert starts[(29, ("C",))] == 357 and starts[(29, ("D",))] == 360


def test_a_title_cased_roman_heading_is_a_section_not_question_i() -> None:
    # 07CAIRO580 and 06CAIRO1634: "I. Overview" between dashed rules, then "A.", "B." with no blank lines
    seg = _segment("------------\nI. Overview\n------------\nA. Egypt is neither a country of origin or destination."
                   "\nB. The trafficking scenario most commonly cited involves young women.\n")
    assert [(u.marker.letters, u.heading.roman if u.heading else None) for u in seg.units] == [(("A",), 1),
                                                                                              (("B",), 1)]


def test_the_items_of_a_reference_list_in_the_body_are_not_labels() -> None:
    # 09JAKARTA378: the REF list runs into the body, "REF: A) STATE 132759" / "B) JAKARTA 105"
    seg = _segment("REF: A) STATE 132759\nB) JAKARTA 105\n\n\n1. (U) This message was coordinated with Surabaya.\n")
    assert [(u.marker.number, u.marker.letters) for u in seg.units] == [(1, ())]


@pytest.mark.parametrize("body,expected", [
    # the label forms, each answering under a heading with no blank lines
    ("Q25B. The police arrested 12 suspects.", (25, ("B",))),
    ("PARA 25-C. Judges were trained.", (25, ("C",))),
    ("25(E): Police arrested 12 suspects.", (25, ("E",))),
    ("Section 21.A. Sources include NGOs.", (21, ("A",))),
    ("(21/A) Jordan is a destination.", (21, ("A",))),
    ("26 E and F Two shelters offer housing.", (26, ("E", "F"))),
    ("-- E/F: Two shelters offer housing.", (None, ("E", "F"))),
    ("E-G. Not applicable.", (None, ("E", "F", "G"))),
    ("Questions B and C: Yes.", (None, ("B", "C"))),
    ("¶H. (U) EXTRADITIONS:  The law provides for extradition.", (None, ("H",))),
    ("[E] Police arrested 12 suspects.", (None, ("E",))),
    ("25/E Police arrested 12 suspects.", (25, ("E",))),
    ("E - Police arrested 12 suspects.", (None, ("E",))),
    # written by hand or in other posts' habits: a lower-case or shortened section word, the section number and
    # letter as one word with no stop, a stop and dash after the letter
    ("para 25E. Police arrested 12 suspects.", (25, ("E",))),
    ("Ques. E: Police arrested 12 suspects.", (None, ("E",))),
    ("25E Police arrested 12 suspects.", (25, ("E",))),
    ("E.- Police arrested 12 suspects.", (None, ("E",))),
    # a stop inside the brackets, a number sign as the bullet, "Item" as the word, a slash as the closer
    ("(E.) Police arrested 12 suspects.", (None, ("E",))),
    ("#E. Police arrested 12 suspects.", (None, ("E",))),
    ("#25E. Police arrested 12 suspects.", (25, ("E",))),
    ("Item E. Police arrested 12 suspects.", (None, ("E",))),
    ("ITEM E: Police arrested 12 suspects.", (None, ("E",))),
    ("E/ Police arrested 12 suspects.", (None, ("E",))),
])
def test_marker_grammar(body: str, expected: tuple[int | None, tuple[str, ...]]) -> None:
    marker = _only_marker(body + "\n")
    assert (marker.section_paragraph, marker.letters) == expected


@pytest.mark.parametrize("body", [
    "25 E-mails from the victims were read.",  # a count and a hyphenated word, not 25E
    "para 25 of reftel describes the plan.",  # a reference running on, no letter
    "part of the funding went to shelters.",
    "s/he was referred to a shelter.",  # a slash inside a word, not a closer
    "Items seized included 12 passports.",  # the word with no letter after it
    "#1 priority for the police is the border.",  # a number sign before a count
    "(24.E refers.)",  # a bracket not closed after the letter: a reference, not a label
])
def test_look_alikes_of_the_new_label_forms_are_text(body: str) -> None:
    units = _segment(f"A. The police arrested 12 suspects.\n\n{body}\n").units
    assert [u.marker.letters for u in units] == [("A",)] and body in units[0].response.text


def test_lower_case_letters_are_labels_only_in_a_reply_lettered_in_lower_case() -> None:
    lower = _segment("Paragraph 25 -- Investigation And Prosecution\n\n(a) The law covers both.\n\n"
                     "(e) The Attorney General reported 22 cases.\n")
    assert [u.marker.letters for u in lower.units] == [("A",), ("E",)]
    # in a reply lettered `-- A.`, an `(a)` list inside an answer stays in the answer
    upper = _segment("-- A. Which laws apply?\n\nTwo laws:\n\n(a) the Penal Code;\n\n(b) the Migration Law.\n\n"
                     "-- B. Next?\n\nYes.\n")
    assert [u.marker.letters for u in upper.units] == [("A",), ("B",)]


def test_keyed_answers_go_on_at_the_next_section_below_a_title_without_a_full_stop() -> None:
    # 06SANJOSE481's section titles ("Prevention", "Investigation and Prosecution of Traffickers") end in no full
    # stop; laid out with no blank lines, the next section's first keyed label still opens a unit
    text = ("1. (SBU) Post's responses follow.\n21 A/B: Costa Rica is a transit country.\n21 C/D: Lack of resources.\n"
            "Prevention\n22 A/B: The GOCR acknowledges that trafficking is a problem.\n22 C/D: A campaign ran.\n")
    units = segment(parse_cable(text, "keyed.txt")).units
    assert [u.marker.printed for u in units] == ["1.", "21 A/B:", "21 C/D:", "22 A/B:", "22 C/D:"]


def test_a_title_cased_heading_over_a_rule_of_dashes_is_a_heading() -> None:
    # 06SANJOSE481 and 07SANJOSE524: "Prevention" / "----------", and a rule wrapped as "------ -----"
    seg = _segment("Prevention\n----------\n22A.  The GOCR acknowledges the problem.\n\n"
                   "Investigation and Prosecution of Traffickers\n--------------------- ------\n\n"
                   "23A-B. In November 2005 the Assembly ratified the protocol.\n")
    assert [h.text for h in seg.headings] == ["Prevention", "Investigation and Prosecution of Traffickers"]
    assert [u.heading.text if u.heading else None for u in seg.units] == [
        "Prevention", "Investigation and Prosecution of Traffickers"]


def test_end_anchored_patterns_searched_from_the_end_find_what_a_full_search_finds() -> None:
    # the two line-end patterns are searched only where their word can start; on every line of every cable,
    # and on words that end inside a longer word ("oversee"), the answer is the full search's
    from tipcheck.reading.segment import _OPEN_END, _REFERENCE_END, _at_end

    lines = [ln for p in sorted(CABLES.rglob("*.txt")) for ln in p.read_text(encoding="utf-8").splitlines()]
    lines += ["oversee", "see", "(see para.", "paragraphs..", "FOCUS ON:", "FOCUS ON: ", "thereof", "as, ", "WOULD"]
    assert sum(bool(_REFERENCE_END.search(t)) for t in lines) > 0 and sum(bool(_OPEN_END.search(t)) for t in lines) > 0
    for text in lines:
        assert _at_end(_REFERENCE_END, text, ".\n", len("paragraphs")) == bool(_REFERENCE_END.search(text)), text
        assert _at_end(_OPEN_END, text, " \t:\n", len("would")) == bool(_OPEN_END.search(text)), text


def test_inline_markers_cut_lines_where_the_lookbehind_definition_cuts_them() -> None:
    # the pattern starts with the sentence's last character (a fast scan) instead of a lookbehind: on every line
    # of every cable, and on run-on lines of the kinds it cuts, the blanks it finds are the definition's
    from tipcheck.reading.segment import _INLINE_MARKER
    from tipcheck.text import CLASSIFICATION

    definition = re.compile(rf"(?<=[.?!\"')\]])[ \t]+(?=(?:-{{1,2}}[ \t]?)?[A-Z][.:)][ \t]*{CLASSIFICATION})")
    lines = [ln for p in sorted(CABLES.rglob("*.txt")) for ln in p.read_text(encoding="utf-8").splitlines()]
    lines += ["traffickers. --A. (SBU) On January 9 the law. B. (U) None. . C. (SBU) x", "end.' \t-- D: (C) Yes",
              "(see 5F)  A) (SBU) x", "no.\t\tB. (SBU) ... .  .  C. (U) y", "x!] E. (SBU)z"]
    cut = 0
    for text in lines:
        expected = [m.span() for m in definition.finditer(text)]
        assert [(m.start() + 1, m.end()) for m in _INLINE_MARKER.finditer(text)] == expected, text
        cut += len(expected)
    assert cut >= 8


def test_the_response_heading_is_found_where_the_line_start_definition_finds_it() -> None:
    # found at the text's start, then from a line break (a literal the matcher scans for) instead of trying a line
    # start at every character: on every paragraph of every cable and the text after each, and on headings at the
    # start, after blanks and after a blank line, the match is the definition's, span for span
    from tipcheck.reading.segment import _RESPONSE_AFTER_BREAK, _RESPONSE_AT_START

    definition = re.compile(r"(?:^|\n)[ \t]*(?:(?:\d{1,2}\s*[A-Z]\s+)?(?:POST|EMBASSY)\s+RESPONSE|RESPONSE|ANSWER|"
                            r"Answer|Response|Post response|Post Response)\s*:", re.M)
    texts = ["RESPONSE: None.", "  Post response: yes", "Question?\n\nANSWER :\nNo", "x\n18 C EMBASSY RESPONSE: z",
             "\nResponse:", "Response", "x RESPONSE: y", "\n\n\t POST  RESPONSE\n:"]
    for path in sorted(CABLES.rglob("*.txt")):
        text = path.read_text(encoding="utf-8")
        texts += [text[start:] for start in (0, *(m.end() for m in re.finditer(r"\n\s*\n", text)))]
    found = 0
    for text in texts:
        expected = definition.search(text)
        m = _RESPONSE_AT_START.match(text) or _RESPONSE_AFTER_BREAK.search(text)
        assert (m and m.span()) == (expected and expected.span()), text[:200]
        found += expected is not None
    assert found >= 20


def test_an_inline_marker_is_found_on_the_markings_lines_where_a_search_of_the_whole_text_finds_one() -> None:
    # looked for between each marking's line start and its end, not over the whole text: on every cable and
    # negative, each whole and cut at each blank line, and on texts with a marker (a marking split over lines, a
    # marker on a long line after other markings), the answer is the whole search's
    from tipcheck.reading.segment import _INLINE_MARKER, _has_inline_marker

    texts = ["x\ntraffickers. --A. (SBU) On January 9", "a. (SBU) b. B. (U) c", "end.\tC:  ( SBU\n) x", "(C) A. (U)",
             "(SBU) " * 40 + "the law.  D) (C) None.", "the law.\nD. (SBU) x", "no. (SBU) B.(S/NF) y", ""]
    for path in sorted([*CABLES.rglob("*.txt"), *NEGATIVES.rglob("*.txt")]):
        text = path.read_text(encoding="utf-8")
        texts += [text, *text.split("\n\n")]
    found = 0
    for text in texts:
        expected = _INLINE_MARKER.search(text) is not None
        assert _has_inline_marker(text) == expected, text[:300]
        found += expected
    assert found >= 6
