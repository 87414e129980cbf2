"""A paragraph whose printed number is not its number.

Transmission often turns the paragraph sign into a leading "1" (`¶10.` arrives as `110.`, `¶9.` as `19.`);
tipcheck reads each printed number both ways and keeps the reading that puts the paragraphs in order. It then
infers how the post numbers its answers — one more than the paragraph before, or keyed to the questionnaire
(in the reference cable, number = 2 + the question's position, keeping the main reply's numbers) — and
reports every paragraph whose number does not fit, with the number it should have.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from tipcheck.findings import Finding, Severity
from tipcheck.rules._numbered import numbered_paragraphs
from tipcheck.rules.base import Context, Examples

if TYPE_CHECKING:
    from tipcheck.analysis.align import Alignment
    from tipcheck.analysis.numbering import Reading

ID = "misnumbered-paragraph"
DEFAULT_SEVERITY = Severity.WARNING
SUMMARY = "A paragraph whose printed number is not its number (mangled sign, out of sequence, or a gap)."
EXAMPLES = Examples(
    failing="""SUBJECT: NINTH ANNUAL TRAFFICKING IN PERSONS (TIP) REPORT

¶8. (SBU) QUESTION A. Does the government acknowledge that trafficking is a problem in the country?

POST RESPONSE: Yes.

19. (SBU) QUESTION B. Which government agencies are involved in anti-trafficking efforts?

POST RESPONSE: The Ministry of Justice.

¶10. (SBU) QUESTION C. What are the limitations on the government's ability to address this problem?

POST RESPONSE: Funding.
""",
    passing="""SUBJECT: NINTH ANNUAL TRAFFICKING IN PERSONS (TIP) REPORT

¶8. (SBU) QUESTION A. Does the government acknowledge that trafficking is a problem in the country?

POST RESPONSE: Yes.

¶9. (SBU) QUESTION B. Which government agencies are involved in anti-trafficking efforts?

POST RESPONSE: The Ministry of Justice.

¶10. (SBU) QUESTION C. What are the limitations on the government's ability to address this problem?

POST RESPONSE: Funding.
""",
)


def check(ctx: Context) -> Iterator[Finding]:
    alignment = ctx.alignment
    previous: int | None = None  # the number of the last paragraph in sequence
    for item in numbered_paragraphs(ctx):
        if item.duplicate_of is not None:
            continue  # duplicate-paragraph-number reports it
        questions = alignment.questions_of(item.unit.index) if item.unit else []
        expected, reason = _expected(alignment, item.reading, questions[0] if questions else None, previous)
        if item.reading.in_sequence:
            previous = item.reading.number
        said = _message_and_fix(item.printed, item.reading, expected, reason)
        if said is not None:
            yield ctx.finding(ID, DEFAULT_SEVERITY, said[0], item.line, item.column,
                              question=questions[0] if questions else None, unit=item.unit, fix=said[1],
                              printed=item.reading.printed, expected=expected)


def _expected(alignment: Alignment, reading: Reading, question: str | None, previous: int | None) -> tuple[int, str]:
    """The number a paragraph should have, and why (empty when the number it has fits)."""
    scheme = alignment.scheme
    if scheme is not None and scheme.kind == "keyed" and question is not None:
        q = alignment.questionnaire.question(question)
        assert q is not None
        expected = scheme.offset + q.position
        if expected == reading.number:
            return expected, ""
        return expected, f"the post numbers its answers as {scheme.describe()}, and it answers {q.id}"
    if scheme is not None and scheme.kind == "sequential" and previous is not None and reading.in_sequence:
        if reading.number == previous + 1:
            return reading.number, ""
        return previous + 1, f"the paragraphs are numbered one after another and the previous one is {previous}"
    if not reading.in_sequence:
        return (previous + 1 if previous is not None else reading.number,
                "it is out of sequence with the paragraphs around it")
    return reading.number, ""


def _message_and_fix(printed: str, reading: Reading, expected: int, reason: str) -> tuple[str, str] | None:
    if reason:
        message = f"paragraph printed as {printed!r} should be numbered {expected}: {reason}"
        if reading.sign_lost:
            message += f" (its sign was mangled: {printed!r} reads as {reading.number})"
        return message, f"renumber it '¶{expected}.'"
    if reading.sign_lost:
        return (f"paragraph number printed as {printed!r} is paragraph {reading.number}: its paragraph sign was "
                f"mangled into a leading '1'", f"print it as '¶{reading.number}.'")
    return None
