"""The answer says information was not available.

Lower severity than seeking-information: the post makes no promise to follow up, but the desk officer may
want to know whether the information exists at all or whether the post asked for it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from tipcheck.findings import Finding, Severity
from tipcheck.rules._gap_grammar import is_seeking, unavailable_at
from tipcheck.rules.base import Context, Examples, one_line
from tipcheck.text import sentences

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

def check(ctx: Context) -> Iterator[Finding]:
    for unit, passage, question in ctx.answer_passages():
        text = passage.text
        for start, end in sentences(text):
            sentence = text[start:end]
            flat = " ".join(sentence.split())
            at = unavailable_at(flat)
            if at is None or is_seeking(flat):
                continue  # information still awaited is a seeking-information gap, reported once, as that
            # point at the words that say it is unavailable: in a long sentence ("... from 2004-2009 (no
            # further breakdown available).") they can stand lines after the sentence's start
            line, column = passage.locate(start + _original_offset(sentence, at))
            yield ctx.finding(
                ID, DEFAULT_SEVERITY,
                f"the answer{' to ' + question if question else ''} says information was not available",
                line, column, question=question, unit=unit, excerpt=_around(flat, at),
                fix="say whether the post asked for it and when it may be available, or leave as is")


def _original_offset(sentence: str, flat_offset: int) -> int:
    """The offset in `sentence` of the character at `flat_offset` in its blank-folded form (computed only for a
    sentence that is reported)."""
    leading = len(sentence) - len(sentence.lstrip())
    folded = 0
    for m in _WORD.finditer(sentence):
        if folded + len(m.group(0)) > flat_offset:
            return m.start() + max(0, flat_offset - folded)
        folded += len(m.group(0)) + 1
    return leading


_WORD = re.compile(r"\S+")


def _around(sentence: str, at: int) -> str:
    """The sentence as an excerpt that keeps the words at `at` in view, however long the sentence."""
    if at <= 100:
        return one_line(sentence)
    return "…" + one_line(sentence[at - 60:]).lstrip()
