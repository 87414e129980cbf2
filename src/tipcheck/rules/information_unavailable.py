"""The answer says information was not available.

Lower severity than seeking-information: the post makes no promise to follow up, but the desk officer may
want to know whether the information exists at all or whether the post asked for it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from tipcheck.findings import Finding, Severity
from tipcheck.rules.base import Context, Examples, one_line
from tipcheck.rules.seeking_information import is_gap_sentence
from tipcheck.text import NOT_A_GAP, sentences

ID = "information-unavailable"
DEFAULT_SEVERITY = Severity.INFO
SUMMARY = "The answer says information was not available (a gap without a promise to follow up)."
EXAMPLES = Examples(
    failing="""SUBJECT: NINTH ANNUAL TRAFFICKING IN PERSONS (TIP) REPORT

128. (SBU) QUESTION D. Does the government assist foreign trafficking victims?

POST RESPONSE: Through humanitarian visas. Specific information about the assistance these individuals
received was not available.
""",
    passing="""SUBJECT: NINTH ANNUAL TRAFFICKING IN PERSONS (TIP) REPORT

129. (SBU) QUESTION E. Does the government provide longer-term shelter or housing benefits to victims?

POST RESPONSE: No long term shelter or housing is available; FEVIMTRA provides assistance for three months.
""",
)

_INFO = (r"(?:information|info|data|statistics|stats|figures|numbers|details|records|estimates?|"
         r"breakdown|disaggregat\w*|specifics)")
_UNAVAILABLE = re.compile(
    rf"\b{_INFO}\b[^.;]{{0,90}}?\b(?:(?:is|are|was|were|has been|have been|remains?)\s+(?:not|un)\s*"
    r"(?:yet\s+)?available|unavailable|not\s+(?:been\s+)?(?:available|provided|released|made available))|"
    rf"\bno\s+(?:(?:further|specific|reliable|official|additional|such|detailed|exact|precise)\s+)*{_INFO}\b"
    r"[^.;]{0,60}?\b(?:(?:is|are|was|were)\s+)?(?:available|provided|released|exists?|kept|collected)\b|"
    rf"\b(?:we|post|embassy|the embassy)\s+(?:has|have|had)\s+no\s+(?:further\s+|specific\s+)?{_INFO}\b|"
    rf"^\s*no\s+{_INFO}\s*\.?\s*$|"
    # "did not provide data": withheld from the post. (A government that "does not maintain statistics" says
    # what the country has, which answers the question about sources: not a gap.)
    rf"\b(?:did|does|do)\s+not\s+(?:provide|release|disaggregate)\b[^.;]{{0,40}}?\b{_INFO}\b|"
    # "The government provided no specific information on extraditions."
    rf"\b(?:provided|gave|released|shared|offered)\s+no\s+(?:[\w-]+\s+){{0,2}}?{_INFO}\b|"
    # "training courses for an unknown number of policemen": the count the question asks for is not known
    r"\ban\s+unknown\s+number\s+of\b|"
    # "(NFI)": cable shorthand for "no further information"
    r"\(NFI\)|"
    rf"\b(?:unable\s+to|cannot|can\s*not|could\s+not)\s+(?:obtain|get|find|confirm|verify|collect)\b[^.;]{{0,40}}?"
    rf"\b{_INFO}\b|"
    # "Post does not have information on how many ..."
    rf"\b(?:we|post|embassy|the\s+embassy|mission)\s+(?:does|do|did)\s+not\s+have\s+(?:any\s+)?(?:further\s+)?"
    rf"{_INFO}\b|"
    r"\b(?:cannot|can\s*not|could\s+not)\s+be\s+(?:determined|established|estimated|quantified|confirmed)\b",
    re.I)


def _collapse_blanks(text: str) -> tuple[str, list[int]]:
    """`text` with each run of blanks (a line break of wrapped text, double spaces) as one space, and the
    offset in `text` of every character kept."""
    parts: list[str] = []
    origin: list[int] = []
    pos = 0
    for m in _BLANKS.finditer(text):
        parts.append(text[pos: m.start()])
        origin.extend(range(pos, m.start()))
        parts.append(" ")
        origin.append(m.start())
        pos = m.end()
    parts.append(text[pos:])
    origin.extend(range(pos, len(text)))
    return "".join(parts), origin


_BLANKS = re.compile(r"\s+")


def check(ctx: Context) -> Iterator[Finding]:
    for unit, passage, question in ctx.answer_passages():
        text = passage.text
        for start, end in sentences(text):
            sentence = text[start:end]
            flat, origin = _collapse_blanks(sentence)
            found = _UNAVAILABLE.search(flat)
            if found is None or NOT_A_GAP.search(flat) or is_gap_sentence(flat):
                continue  # information still awaited is a seeking-information gap, reported once, as that
            # point at the words that say it is unavailable: in a long sentence ("... from 2004-2009 (no
            # further breakdown available).") they can stand lines after the sentence's start
            line, column = passage.locate(start + origin[found.start()])
            yield ctx.finding(
                ID, DEFAULT_SEVERITY,
                f"the answer{' to ' + question if question else ''} says information was not available",
                line, column, question=question, unit=unit, excerpt=_around(flat, found.start()),
                fix="say whether the post asked for it and when it may be available, or leave as is")


def _around(sentence: str, at: int) -> str:
    """The sentence as an excerpt that keeps the words at `at` in view, however long the sentence."""
    if at <= 100:
        return one_line(sentence)
    return "…" + one_line(sentence[at - 60:]).lstrip()
