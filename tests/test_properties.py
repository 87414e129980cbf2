"""Property-based tests: whatever text comes in, a check either refuses it with InputError (only when there is
genuinely nothing to check) or returns a report whose invariants hold.

Default profile: a handful of examples per test (quick); HYPOTHESIS_PROFILE=long runs hundreds (see conftest).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import SEED
from tipcheck import api
from tipcheck.errors import InputError
from tipcheck.questionnaire import model as qmod
from tipcheck.reading.cable import parse_cable, read_cable
from tipcheck.reading.segment import segment
from tipcheck.results import CableReport
from tipcheck.settings import Settings
from tipcheck.status import QuestionStatus

TIP_2009 = Settings(questionnaire="tip-2009")
# Generated text rarely has paragraphs, so most examples are refused in microseconds: run many more of them.
# A mutated seed is a full 46 KB check (about 0.3 s): run the profile's number.
CHEAP = settings(max_examples=settings.default.max_examples * 20)


def original_lines(text: str) -> list[str]:
    """The input's lines as a reader numbers them (1-based: line n is lines[n - 1])."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def nothing_to_check(text: str) -> bool:
    if not text.strip():
        return True
    try:
        segmentation = segment(parse_cable(text))
    except InputError:
        return True
    return not segmentation.units and not segmentation.headings


def assert_invariants(text: str, report: CableReport) -> None:
    lines = original_lines(text)
    model = qmod.load(report.questionnaire)
    # every question of the model gets exactly one status, in questionnaire order
    assert [q.id for q in report.questions] == [q.id for q in model.questions]
    assert all(q.status in QuestionStatus for q in report.questions)
    assert sum(report.counts().values()) == len(model.questions)
    for f in report.findings:
        assert 1 <= f.line <= len(lines), (f.rule, f.line, len(lines))
        assert 1 <= f.column <= len(lines[f.line - 1]) + 1, (f.rule, f.line, f.column, lines[f.line - 1])
        assert f.question is None or model.question(f.question) is not None, f.question
    for q in report.questions:
        if q.status != "missing":
            assert q.line is not None and 1 <= q.line <= len(lines), (q.id, q.line)
    for ref in report.cross_references:
        assert 1 <= ref.line <= len(lines)


def check_or_refuse(text: str, settings: Settings | None = None) -> None:
    try:
        report = api.check_text(text, settings=settings)
    except InputError:
        assert nothing_to_check(text), "InputError on a text that has paragraphs"
        return
    assert_invariants(text, report)


# --- arbitrary text ----------------------------------------------------------------------------------------

@cache
def seed_lines() -> list[str]:
    return original_lines(SEED.read_text(encoding="utf-8"))


_MARKERS = ["¶7. ", "17. ", "110. ", "-- C. ", "C. ", "23A. ", "Question 24 B: ", "II. ", "999. ", "¶¶ ",
            "(21/A) ", "--E.", "A, B and C. ", "PARA 23 - ", "1.", "¶", "-- ", "(SBU) ", "QUESTION B. "]
_PAGE_BREAK = "MEXICO 00000828  003 OF 011"
_ALPHABET = st.characters(codec="utf-8", exclude_categories=("Cs",))
_FRAGMENTS = st.one_of(
    st.text(_ALPHABET, max_size=80),
    st.text("ABCabc¶-.:;() 0123456789\n\t\r\f", max_size=80),
    st.sampled_from(_MARKERS),
    st.just(_PAGE_BREAK),
    st.builds(lambda: "\n"),
)


@CHEAP
@given(st.text(_ALPHABET, max_size=2000))
def test_any_unicode_text(text: str) -> None:
    check_or_refuse(text, TIP_2009)


@CHEAP
@given(st.lists(st.one_of(_FRAGMENTS, st.sampled_from(seed_lines())), max_size=60).map("\n".join))
def test_cable_like_text(text: str) -> None:
    check_or_refuse(text, TIP_2009)


@CHEAP
@given(st.binary(max_size=3000))
def test_any_bytes(data: bytes) -> None:
    try:
        cable = read_cable(data, "<bytes>")
    except InputError:
        return  # refused as empty or binary: one message, no crash
    text = "\n".join(line.text for line in cable.lines)
    try:
        report = api.check_cable(cable, TIP_2009)
    except InputError:
        assert nothing_to_check(text)
        return
    assert_invariants(text, report)


# --- mutations of the seed cable ---------------------------------------------------------------------------

@dataclass(frozen=True)
class SeedParts:
    header: list[str]  # lines before the body: left alone so the questionnaire is still chosen from them
    paragraphs: list[list[str]]  # body paragraphs, as lists of lines


@cache
def seed_parts() -> SeedParts:
    cable = read_cable(SEED.read_bytes(), str(SEED))
    lines = seed_lines()
    header = lines[: cable.body_start - 1]
    paragraphs: list[list[str]] = [[]]
    for line in lines[cable.body_start - 1:]:
        if line.strip():
            paragraphs[-1].append(line)
        elif paragraphs[-1]:
            paragraphs.append([])
    return SeedParts(header, [p for p in paragraphs if p])


_MARKER_AT_START = re.compile(r"^\s*(?:[¶!]?\s*\d{1,3}\s*\.|--\s*[A-Z]\s*[.:]|[A-Z]\.)\s*")

Mutation = tuple[str, int, int, str]  # (kind, paragraph index, second index or line offset, new marker)

_MUTATIONS = st.tuples(
    st.sampled_from(["delete", "duplicate", "swap", "page-break", "marker", "drop-marker", "join"]),
    st.integers(0, 10_000), st.integers(0, 10_000), st.sampled_from(_MARKERS))


def mutate(parts: SeedParts, mutations: list[Mutation]) -> str:
    paragraphs = [list(p) for p in parts.paragraphs]
    for kind, first, second, marker in mutations:
        if not paragraphs:
            break
        i = first % len(paragraphs)
        para = paragraphs[i]
        if kind == "delete":
            del paragraphs[i]
        elif kind == "duplicate":
            paragraphs.insert(i, list(para))
        elif kind == "swap":
            j = second % len(paragraphs)
            paragraphs[i], paragraphs[j] = paragraphs[j], paragraphs[i]
        elif kind == "page-break":  # a page break inside a paragraph, with the blank lines it brings
            at = second % (len(para) + 1)
            paragraphs[i] = [*para[:at], "", _PAGE_BREAK, "", *para[at:]]
        elif kind == "marker":
            para[0] = marker + _MARKER_AT_START.sub("", para[0], count=1)
        elif kind == "drop-marker":
            para[0] = _MARKER_AT_START.sub("", para[0], count=1)
        elif kind == "join" and i + 1 < len(paragraphs):
            paragraphs[i: i + 2] = [para + paragraphs[i + 1]]
    body = "\n\n".join("\n".join(p) for p in paragraphs)
    return "\n".join(parts.header) + "\n" + body + "\n"


@given(st.lists(_MUTATIONS, min_size=1, max_size=12))
def test_mutated_seed(mutations: list[Mutation]) -> None:
    check_or_refuse(mutate(seed_parts(), mutations))


@given(st.randoms(use_true_random=False))
def test_shuffled_seed(rng: object) -> None:
    parts = seed_parts()
    order = list(range(len(parts.paragraphs)))
    rng.shuffle(order)  # type: ignore[attr-defined]
    text = "\n".join(parts.header) + "\n" + "\n\n".join("\n".join(parts.paragraphs[k]) for k in order) + "\n"
    check_or_refuse(text)


def test_unmutated_seed_meets_the_invariants() -> None:
    # the mutation machinery itself must reproduce a checkable cable, or the tests above prove little
    text = mutate(seed_parts(), [])
    report = api.check_text(text)
    assert_invariants(text, report)
    assert report.counts()["answered"] == api.check_file(SEED).counts()["answered"] > 0
