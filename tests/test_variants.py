"""Variants of the seed made here: what a drafter's slips and other posts' habits do to the reference cable.

Each test edits tests/data/cables/09MEXICO828.txt (answers dropped, renumbered, swapped, labels or restated
questions removed, the whole text upper-cased and wrapped at 69 columns, seeking sentences paraphrased or
replaced by look-alikes) and checks what tipcheck says against what the edit must change, and only that.
"""

from __future__ import annotations

import re
import textwrap
from functools import cache

import pytest

from conftest import load_label
from tipcheck.api import check_text
from tipcheck.results import CableReport
from tipcheck.settings import Settings

TIP_2009 = Settings(questionnaire="tip-2009")
MARKER = re.compile(r"^(?P<number>¶?\d{1,3})\. \(SBU\) QUESTION (?P<letter>[A-M])\. ")


@cache
def _label() -> dict[str, object]:
    return load_label("09MEXICO828")


def _answered_lines() -> dict[str, int]:
    answered = _label()["answered"]
    assert isinstance(answered, dict)
    return {qid: entry["line"] for qid, entry in answered.items()}


def _check(text: str) -> CableReport:
    return check_text(text, "variant.txt", TIP_2009)


def _answered(report: CableReport) -> dict[str, int]:
    answered = {q.id: q.line for q in report.questions if q.status != "missing"}
    assert None not in answered.values()
    return {qid: line for qid, line in answered.items() if line is not None}


def _block(lines: list[str], marker_line: int) -> tuple[int, int]:
    """0-based [start, end) of the paragraph whose marker is on 1-based `marker_line`: up to the next marker."""
    start = marker_line - 1
    assert MARKER.match(lines[start]), lines[start]
    end = start + 1
    while end < len(lines) and not MARKER.match(lines[end]) and not lines[end].startswith("MEXICO'S"):
        end += 1
    return start, end


def _rule_lines(report: CableReport, rule: str) -> list[int]:
    return sorted(f.line for f in report.findings if f.rule == rule)


@pytest.fixture(scope="module")
def seed_lines(seed_text: str) -> list[str]:
    return seed_text.split("\n")


@pytest.fixture(scope="module")
def seed_report(seed_text: str) -> CableReport:
    return _check(seed_text)


def test_the_seed_itself_matches_its_label(seed_report: CableReport) -> None:
    assert {qid: line for qid, line in _answered(seed_report).items()} == _answered_lines()


@pytest.mark.parametrize("dropped", ["prosecution.E", "protection.G", "prevention.B"])
def test_a_dropped_answer_becomes_unanswered(seed_lines: list[str], dropped: str) -> None:
    start, end = _block(seed_lines, _answered_lines()[dropped])
    report = _check("\n".join(seed_lines[:start] + seed_lines[end:]))
    shift = end - start
    expected = {qid: line - shift if line > start else line for qid, line in _answered_lines().items()
                if qid != dropped}
    assert _answered(report) == expected
    unanswered = [f.question for f in report.findings if f.rule == "unanswered-question"]
    assert dropped in unanswered
    # dropping an answer leaves a gap in the numbers, as the post's own gaps do: no numbering finding for it
    assert len(_rule_lines(report, "misnumbered-paragraph")) == 17 - (dropped != "prosecution.E")


def test_a_renumbered_paragraph_is_reported_with_the_number_meant(seed_lines: list[str]) -> None:
    lines = list(seed_lines)
    line = _answered_lines()["prosecution.F"]
    lines[line - 1] = lines[line - 1].replace("17. (SBU)", "18. (SBU)", 1)
    report = _check("\n".join(lines))
    assert _answered(report) == _answered_lines()
    wrong = [(f.line, f.data["printed"], f.data["expected"]) for f in report.findings
             if f.rule == "misnumbered-paragraph" and f.line == line]
    assert wrong == [(line, 18, 17)]


def test_a_correctly_renumbered_seed_has_no_numbering_findings(seed_lines: list[str]) -> None:
    # every mangled "1NN." restored to "¶NN.": the only numbering findings were the mangled signs
    fixed = list(seed_lines)
    for entry in _label()["misnumbered"]:  # type: ignore[attr-defined]
        n = entry["line"] - 1
        fixed[n] = fixed[n].replace(f"{entry['printed']}. ", f"¶{entry['number']}. ", 1)
    report = _check("\n".join(fixed))
    assert _answered(report) == _answered_lines()
    assert [f.rule for f in report.findings if f.rule in (
        "misnumbered-paragraph", "duplicate-paragraph-number", "out-of-order-answer")] == []


def test_two_swapped_answers_are_still_placed_and_the_swap_is_reported(seed_lines: list[str]) -> None:
    f_start, f_end = _block(seed_lines, _answered_lines()["protection.F"])
    g_start, g_end = _block(seed_lines, _answered_lines()["protection.G"])
    assert f_end == g_start
    swapped = seed_lines[:f_start] + seed_lines[g_start:g_end] + seed_lines[f_start:f_end] + seed_lines[g_end:]
    report = _check("\n".join(swapped))
    answered = _answered(report)
    assert answered["protection.G"] == f_start + 1
    assert answered["protection.F"] == f_start + 1 + (g_end - g_start)
    assert {q for q in answered if q not in ("protection.F", "protection.G")} == (
        set(_answered_lines()) - {"protection.F", "protection.G"})
    flagged = {(f.rule, f.question) for f in report.findings
               if f.rule in ("out-of-order-answer", "misnumbered-paragraph", "duplicate-paragraph-number")
               and f.question in ("protection.F", "protection.G")}
    assert ("out-of-order-answer", "protection.F") in flagged or ("out-of-order-answer", "protection.G") in flagged


def test_restated_questions_without_labels(seed_lines: list[str]) -> None:
    # "¶3. (SBU) QUESTION A. What is ..." -> "¶3. (SBU) What is ...": placed by text, heading and position
    lines = [re.sub(r"^(¶?\d{1,3}\. \(SBU\)) QUESTION [A-M]\. ", r"\1 ", ln) for ln in seed_lines]
    report = _check("\n".join(lines))
    assert _answered(report) == _answered_lines()


def test_labels_without_restated_questions(seed_lines: list[str]) -> None:
    # "110. (SBU) QUESTION C. What are ..." -> "110. (SBU) QUESTION C." and the answer: placed by letter,
    # heading, paragraph number and order, since the text no longer says which question it is
    lines = [MARKER.sub(lambda m: m.group(0).rstrip() + "\n", ln, count=1).split("\n")[0] if MARKER.match(ln)
             else ln for ln in seed_lines]
    report = _check("\n".join(lines))
    answered = _answered(report)
    # the letters say which question within a section; every answer is still found at its line
    assert sorted(answered.values()) == sorted(_answered_lines().values())
    wrong = {qid for qid, line in _answered_lines().items() if answered.get(qid) != line}
    # without the text, nothing says that B and C under "MEXICO'S TIP SITUATION" are scene questions, not
    # situation.B/C; everything else must be placed right
    assert wrong <= {"scene.B", "scene.C", "situation.B", "situation.C"}


def _telegram(text: str) -> str:
    """Upper-case and hard-wrap every line at 69 columns, as the telegraphic cables were sent."""
    out: list[str] = []
    for line in text.upper().split("\n"):
        out.extend(textwrap.wrap(line, 69, break_long_words=False, break_on_hyphens=False) or [""])
    return "\n".join(out)


def test_telegram_style_seed(seed_text: str) -> None:
    text = _telegram(seed_text)
    assert max(len(ln) for ln in text.split("\n")) <= 69
    report = _check(text)
    lines = text.split("\n")
    answered = _answered(report)
    assert set(answered) == set(_answered_lines())
    for qid, line in answered.items():
        marker = _label()["answered"][qid]["marker"]  # type: ignore[index]
        assert lines[line - 1].startswith(marker), (qid, lines[line - 1])
    assert len(_rule_lines(report, "misnumbered-paragraph")) == 17
    assert [f.question for f in report.findings if f.rule == "seeking-information"] == [
        "prosecution.E", "prosecution.J", "protection.J"]
    assert len(_rule_lines(report, "information-unavailable")) == 1
    assert len(_rule_lines(report, "stray-paragraph-mark")) == 1


SEEKING = [
    "We have requested updated statistics from the Ministry and will report septel.",
    "Embassy is awaiting a reply from PGR on the number of convictions.",
    "Poloff asked INM for the figures; no answer yet.",
    "Post has requested conviction data from the Attorney General's office.",
    "The embassy will provide the sentencing figures septel.",
    "Statistics on convictions have been requested from FEVIMTRA.",
]
LOOK_ALIKES = [
    "The government is seeking to expand shelters for victims in the border states.",
    "Most victims are Central American migrants seeking work in the United States.",
    "Under the new law victims may seek legal action against their traffickers.",
    "Post requests that names not be disclosed.",
    "The names of the suspects are not/not for public disclosure.",
    "The NGOs requested additional funding from the state government.",
    "Prosecutors sought the maximum sentence in both cases.",
]


def _with_sentences(seed_lines: list[str], sentences: list[str]) -> tuple[str, dict[str, int]]:
    """The seed with each sentence as a paragraph of its own at the end of the answer to prosecution.F."""
    _, end = _block(seed_lines, _answered_lines()["prosecution.F"])
    while not seed_lines[end - 1].strip():
        end -= 1
    added: list[str] = []
    where: dict[str, int] = {}
    for sentence in sentences:
        added += ["", sentence]
        where[sentence] = end + len(added)
    return "\n".join(seed_lines[:end] + added + seed_lines[end:]), where


@pytest.fixture(scope="module")
def seeking_variant(seed_lines: list[str]) -> tuple[CableReport, dict[str, int]]:
    # one check for all the sentences keeps the suite fast; each is a paragraph of its own
    text, where = _with_sentences(seed_lines, SEEKING)
    return _check(text), where


@pytest.fixture(scope="module")
def look_alike_variant(seed_lines: list[str]) -> tuple[CableReport, dict[str, int]]:
    text, where = _with_sentences(seed_lines, LOOK_ALIKES)
    return _check(text), where


@pytest.mark.parametrize("sentence", SEEKING)
def test_paraphrased_seeking_sentences_are_flagged(seeking_variant: tuple[CableReport, dict[str, int]],
                                                   sentence: str) -> None:
    report, where = seeking_variant
    found = [(f.line, f.question) for f in report.findings if f.rule == "seeking-information"]
    assert (where[sentence], "prosecution.F") in found


def test_only_the_paraphrases_are_added_to_the_seeds_seeking_sentences(
        seeking_variant: tuple[CableReport, dict[str, int]]) -> None:
    report, where = seeking_variant
    assert len(_rule_lines(report, "seeking-information")) == 3 + len(where)


@pytest.mark.parametrize("sentence", LOOK_ALIKES)
def test_look_alikes_are_not_flagged(look_alike_variant: tuple[CableReport, dict[str, int]], sentence: str) -> None:
    report, where = look_alike_variant
    flagged = [f for f in report.findings
               if f.rule in ("seeking-information", "information-unavailable") and f.line == where[sentence]]
    assert flagged == []
    assert len(_rule_lines(report, "seeking-information")) == 3
