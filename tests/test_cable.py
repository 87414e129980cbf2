"""Reading a cable: header fields, transmission artefacts, page breaks, encodings, line/column mapping."""

from __future__ import annotations

import datetime as dt
import re
import textwrap

import pytest

from conftest import CABLES, NEGATIVES
from tipcheck.api import check_bytes, check_text
from tipcheck.errors import InputError
from tipcheck.reading.cable import Passage, is_artefact, parse_cable, read_cable
from tipcheck.reading.segment import segment
from tipcheck.settings import Settings

SEED_BYTES = (CABLES / "09MEXICO828.txt").read_bytes()
TIP_2009 = Settings(questionnaire="tip-2009")


def test_seed_header() -> None:
    header = read_cable(SEED_BYTES).header
    assert header.dtg == "202239Z MAR 09"
    assert header.date == dt.date(2009, 3, 20)
    assert header.sender == "AMEMBASSY MEXICO"
    assert (header.classification, header.post, header.number, header.sections) == ("UNCLAS", "MEXICO", 828, 11)
    assert header.cable_id == "09MEXICO828"
    # a two-line subject is joined
    assert header.subject == "NINTH ANNUAL TRAFFICKING IN PERSONS (TIP) REPORT - ADDITIONAL INFORMATION"
    assert header.refs == ("MEXICO 0586",)
    # `[KTIP](#)` links as the archive prints them are plain tags
    assert "KTIP" in header.tags and "SMIG" in header.tags and not any("(" in t for t in header.tags)


def test_refs_list_over_two_lines_and_wrapped_subject() -> None:
    cable = read_cable((CABLES / "09REYKJAVIK49.txt").read_bytes())
    assert cable.header.refs == ("STATE 5577", "08 STATE 132759")
    assert cable.header.subject.endswith("REPORT FOR ICELAND (PART 1 OF 2)")
    assert cable.header.cable_id == "09REYKJAVIK49"


def test_ref_list_with_paragraph_signs_and_tags_wrapped_over_two_lines() -> None:
    sanaa = read_cable((CABLES / "10SANAA295.txt").read_bytes())
    assert sanaa.header.refs == ("STATE 2094", "09 SANAA 1936", "09 SANAA 1998", "09 SANAA 2219")
    kuwait = read_cable((CABLES / "partial" / "09KUWAIT157.txt").read_bytes())
    assert "KU" in kuwait.header.tags and "KTIP" in kuwait.header.tags  # "TAGS: KTIP, ... ELAB," / "KU"
    assert kuwait.header.subject == "KUWAIT'S 2009 TIP REPORT SUBMISSION"
    assert kuwait.header.refs == ("08 STATE 132759",)


@pytest.mark.parametrize("line", [
    "MEXICO 00000828 002 OF 011",
    "KUWAIT 00000157 001.2 OF 012",
    "REYKJAVIK 00000049  002 OF 006 ",
    " SANAA 00000295  004 OF 013 ",
    "UNCLAS SECTION 02 OF 11 MEXICO 000828",
    " SIPDIS ",
])
def test_transmission_artefacts(line: str) -> None:
    assert is_artefact(line)


@pytest.mark.parametrize("line", [
    "MEXICO'S TIP SITUATION:",
    "In 2008, 55,560 migrants were repatriated.",
    "16. (SBU) QUESTION E. Law Enforcement Statistics:",
])
def test_text_is_not_an_artefact(line: str) -> None:
    assert not is_artefact(line)


def test_page_breaks_of_the_seed_are_set_aside() -> None:
    cable = read_cable(SEED_BYTES)
    assert {47, 71, 95} <= cable.artefacts
    assert all("00000828" not in ln.text for ln in cable.body_lines())


def test_a_paragraph_cut_by_a_page_break_reads_as_one() -> None:
    # the seed's paragraph 16 bullets, cut as a page break cuts them
    text = textwrap.dedent("""\
        SUBJECT: NINTH ANNUAL TRAFFICKING IN PERSONS (TIP) REPORT

        16. (SBU) QUESTION E. Did the government prosecute any cases?

        POST RESPONSE: According to media reports, four women found captive in a brothel in the town of
        Apizaco were rescued. The traffickers threatened to do harm to them

        MEXICO 00000828 004 OF 011

        and their families if they refused. This case is under investigation.

        17. (SBU) QUESTION F. Does the government provide any specialized training?

        POST RESPONSE: Yes.
        """)
    cable = parse_cable(text)
    assert 8 in cable.artefacts and {7, 9} <= cable.artefacts | cable.soft_breaks
    units = segment(cable).units
    assert [u.marker.number for u in units] == [16, 17]
    response = units[0].response
    assert "harm to them\nand their families" in response.text
    assert "00000828" not in response.text
    # the joined text still points at the real lines
    assert response.locate(response.text.index("and their")) == (10, 1)


def test_page_break_inside_a_paragraph_of_the_seed() -> None:
    cable = read_cable(SEED_BYTES)
    # line 97 ends mid-sentence ("... threat of doing harm to them"), line 99 carries on: the blank is soft
    assert 98 in cable.soft_breaks


def test_passage_maps_every_character_back() -> None:
    cable = parse_cable("SUBJECT: X\n\n¶3. (SBU) QUESTION A. Sources?\nPOST RESPONSE: NGO reports\nand police.\n")
    passage = Passage.from_lines(list(cable.lines[2:]), first_column=4)
    assert passage.text.startswith("(SBU)")
    assert passage.locate(0) == (3, 5)
    assert passage.locate(passage.text.index("police")) == (5, 5)
    part = passage.slice(passage.text.index("NGO"), len(passage.text))
    assert part.locate(0) == (4, 16)


CP1252_LINE = ("¶3. (SBU) QUESTION A. Sources? POST RESPONSE: The \u201cCasa\u201d shelter \u2013 "
               "Se\u00f1ora L\u00f3pez.\n")


@pytest.mark.parametrize("encoding,prefix", [
    ("utf-8", b""),
    ("utf-8", b"\xef\xbb\xbf"),
    ("cp1252", b""),
    ("utf-16-le", b"\xff\xfe"),
    ("utf-16-be", b"\xfe\xff"),
])
def test_encodings(encoding: str, prefix: bytes) -> None:
    text = "SUBJECT: NINTH ANNUAL TRAFFICKING IN PERSONS (TIP) REPORT\n\n" + CP1252_LINE
    data = prefix + text.encode(encoding)
    cable = read_cable(data, "x.txt")
    assert cable.lines[0].text.startswith("SUBJECT:")  # no BOM left in the text
    assert "Se\u00f1ora L\u00f3pez" in cable.line(3)
    assert "\u201cCasa\u201d" in cable.line(3)


def test_latin1_bytes_that_are_not_utf8_do_not_crash() -> None:
    # 0x81 is undefined in cp1252 and 0xE9 alone is not UTF-8: latin-1 reads anything
    data = b"SUBJECT: TIP REPORT\n\n\xb63. (SBU) QUESTION A. Sources?\n\nPOST RESPONSE: caf\xe9 \x81 records.\n"
    cable = read_cable(data)
    assert cable.encoding in ("cp1252", "latin-1")
    assert "caf\u00e9" in cable.line(3 + 2)
    report = check_bytes(data, "x.txt", TIP_2009)
    assert report.question("situation.A") is not None


def test_the_seed_in_cp1252_gives_the_same_report() -> None:
    text = SEED_BYTES.decode("utf-8")
    utf8 = check_bytes(SEED_BYTES, "seed.txt")
    cp1252 = check_bytes(text.encode("cp1252"), "seed.txt")
    assert [(q.id, q.status, q.line) for q in cp1252.questions] == [(q.id, q.status, q.line) for q in utf8.questions]
    assert [(f.rule, f.line, f.column) for f in cp1252.findings] == [(f.rule, f.line, f.column) for f in utf8.findings]


@pytest.mark.parametrize("data,message", [
    (b"", "empty"),
    (b"   \n\n  ", "empty"),
    (b"\x00\x01\x02binary\x00" * 10, "binary"),
])
def test_bad_input_is_one_clear_error(data: bytes, message: str) -> None:
    with pytest.raises(InputError, match=message):
        read_cable(data)


def test_crlf_line_endings_keep_line_numbers() -> None:
    crlf = SEED_BYTES.replace(b"\n", b"\r\n")
    report = check_bytes(crlf, "seed.txt")
    question = report.question("prosecution.E")
    assert question is not None and question.line == 77


def test_upper_cased_text_wrapped_at_69_columns() -> None:
    # telegram style: everything upper case, hard-wrapped at 69 columns, paragraph signs lost
    paragraph = ("16. (SBU) QUESTION E. LAW ENFORCEMENT STATISTICS: DID THE GOVERNMENT PROSECUTE ANY CASES "
                 "AGAINST HUMAN TRAFFICKING OFFENDERS DURING THE REPORTING PERIOD?")
    answer = ("POST RESPONSE: FEVIMTRA OPENED 24 INVESTIGATIONS. (NOTE: POST CONTINUES TO SEEK INFORMATION FROM "
              "FEVIMTRA ON FEDERAL INVESTIGATIONS AND PROSECUTIONS.)")
    body = "\n".join(textwrap.wrap(paragraph, 69)) + "\n\n" + "\n".join(textwrap.wrap(answer, 69)) + "\n"
    report = check_text("SUBJECT: NINTH ANNUAL TRAFFICKING IN PERSONS (TIP) REPORT\n\n" + body, "t.txt", TIP_2009)
    question = report.question("prosecution.E")
    assert question is not None and question.status != "missing" and question.line == 3
    seeking = [f for f in report.findings if f.rule == "seeking-information"]
    assert [f.question for f in seeking] == ["prosecution.E"]
    assert all(len(line) <= 69 for line in body.splitlines())


def test_a_ref_list_goes_on_after_blank_lines_and_is_not_read_as_answers() -> None:
    # 08MEXICO722: "REF: A. 2006 STATE 202745", blank, "B. (B) 2007 STATE 150188", blank, "C. (C) 2008 STATE 02731"
    path = CABLES / "partial" / "08MEXICO722.txt"
    cable = read_cable(path.read_bytes(), str(path))
    assert [ref.split()[-1] for ref in cable.header.refs] == ["202745", "150188", "02731"]
    assert all(not ln.text.startswith(("B. (B)", "C. (C)")) for ln in cable.body_lines())


def test_artefacts_are_the_lines_one_of_the_three_patterns_matches() -> None:
    # is_artefact tries the patterns only on lines that can match them (holding "OF", or short)
    from tipcheck.reading import cable

    lines = [ln.text for path in sorted(CABLES.rglob("*.txt")) for ln in read_cable(path.read_bytes()).lines]
    lines += ["SIPDIS", "  sipdis \t", "\u017fipdis", "SENSITIVE BUT UNCLASSIFIED ", "END CABLE TEXT", "NNNN x",
              "UNCLAS SECTION 02 OF 11 MEXICO 000828", "MEXICO 00000828  002 OF 011", "MEXICO 00000828  002 of 011"]
    found = [text for text in lines if is_artefact(text)]
    assert found == [text for text in lines if cable.PAGE_BREAK.match(text) or cable.SECTION_BANNER.match(text)
                     or cable._LONE_ARTEFACT.match(text)]
    assert len(found) > 100



def test_a_finished_sentence_is_told_by_its_last_character_as_the_end_anchored_pattern_tells_it() -> None:
    # the character set and rstrip() against the pattern it stands for, on every line of every cable and negative
    # and on lines ending in blanks of every kind (Unicode spaces too, which both read as blanks)
    from tipcheck.reading.cable import _ends_terminal

    definition = re.compile(r"""[.?!:;"')\]]\s*$""")
    lines = [ln for p in sorted([*CABLES.rglob("*.txt"), *NEGATIVES.rglob("*.txt")])
             for ln in p.read_text(encoding="utf-8").splitlines()]
    lines += ["", " ", "end.", "end. \t", "end.\n", "end.\n\n", "end]\u00a0", "end)\u2003\u3000", "end-", "x.y",
              "(see para 5", "said:", 'quoted."  ', "end\u00a0.", "end.\x1c", "done;\r"]
    assert sum(_ends_terminal(text) for text in lines) > 100
    for text in lines:
        assert _ends_terminal(text) == bool(definition.search(text)), repr(text)
