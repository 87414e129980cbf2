"""A paragraph whose printed number is not its number.

Transmission often turns the paragraph sign into a leading "1" (`¶10.` arrives as `110.`, `¶9.` as `19.`);
tipcheck reads each printed number both ways and keeps the reading that puts the paragraphs in order. It then
infers how the post numbers its answers — one more than the paragraph before, or keyed to the questionnaire
(in the reference cable, number = 2 + the question's position, keeping the main reply's numbers) — and
reports every paragraph whose number does not fit, with the number it should have.
"""

from __future__ import annotations

from collections.abc import Iterator

from tipcheck.findings import Finding, Severity
from tipcheck.rules._numbered import numbered_paragraphs
from tipcheck.rules.base import Context, Examples

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
    scheme = alignment.scheme
    previous: int | None = None
    for item in numbered_paragraphs(ctx):
        reading = item.reading
        if item.duplicate_of is not None:
            continue  # duplicate-paragraph-number reports it
        questions = alignment.questions_of(item.unit.index) if item.unit else []
        expected = reading.number
        reason = ""
        if scheme is not None and scheme.kind == "keyed" and questions:
            q = alignment.questionnaire.question(questions[0])
            assert q is not None
            expected = scheme.offset + q.position
            if expected != reading.number:
                reason = f"the post numbers its answers as {scheme.describe()}, and it answers {q.id}"
        elif scheme is not None and scheme.kind == "sequential" and previous is not None and reading.in_sequence:
            if reading.number != previous + 1:
                expected = previous + 1
                reason = f"the paragraphs are numbered one after another and the previous one is {previous}"
        elif not reading.in_sequence:
            reason = "it is out of sequence with the paragraphs around it"
            expected = previous + 1 if previous is not None else reading.number
        if reading.in_sequence:
            previous = reading.number
        if reading.sign_lost and not reason:
            message = (f"paragraph number printed as {item.printed!r} is paragraph {reading.number}: "
                       f"its paragraph sign was mangled into a leading '1'")
            fix = f"print it as '¶{reading.number}.'"
        elif reason:
            message = f"paragraph printed as {item.printed!r} should be numbered {expected}: {reason}"
            if reading.sign_lost:
                message += f" (its sign was mangled: {item.printed!r} reads as {reading.number})"
            fix = f"renumber it '¶{expected}.'"
        else:
            continue
        yield ctx.finding(ID, DEFAULT_SEVERITY, message, item.line, item.column,
                          question=questions[0] if questions else None, unit=item.unit, fix=fix,
                          printed=reading.printed, expected=expected)
