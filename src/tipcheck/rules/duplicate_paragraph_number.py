"""Two paragraphs printed with the same number.

Recipients cite replies by paragraph ("see para 12"); a number used twice makes such references ambiguous and
usually means a paragraph was copied or inserted without renumbering.
"""

from __future__ import annotations

from collections.abc import Iterator

from tipcheck.findings import Finding, Severity
from tipcheck.rules._numbered import numbered_paragraphs
from tipcheck.rules.base import Context, Examples

ID = "duplicate-paragraph-number"
DEFAULT_SEVERITY = Severity.WARNING
SUMMARY = "Two paragraphs carry the same number."
EXAMPLES = Examples(
    failing="""SUBJECT: NINTH ANNUAL TRAFFICKING IN PERSONS (TIP) REPORT

¶2. (SBU) QUESTION A. Does the government acknowledge that trafficking is a problem in the country?

POST RESPONSE: Yes.

¶3. (SBU) QUESTION B. Which government agencies are involved in anti-trafficking efforts?

POST RESPONSE: The Ministry of Justice.

¶3. (SBU) QUESTION C. What are the limitations on the government's ability to address this problem?

POST RESPONSE: Funding.
""",
    passing="""SUBJECT: NINTH ANNUAL TRAFFICKING IN PERSONS (TIP) REPORT

¶2. (SBU) QUESTION A. Does the government acknowledge that trafficking is a problem in the country?

POST RESPONSE: Yes.

¶3. (SBU) QUESTION B. Which government agencies are involved in anti-trafficking efforts?

POST RESPONSE: The Ministry of Justice.

¶4. (SBU) QUESTION C. What are the limitations on the government's ability to address this problem?

POST RESPONSE: Funding.
""",
)


def check(ctx: Context) -> Iterator[Finding]:
    for item in numbered_paragraphs(ctx):
        if item.duplicate_of is None:
            continue
        questions = ctx.alignment.questions_of(item.unit.index) if item.unit else []
        yield ctx.finding(
            ID, DEFAULT_SEVERITY,
            f"paragraph number {item.reading.number} is used twice (first at line {item.duplicate_of})",
            item.line, item.column, question=questions[0] if questions else None, unit=item.unit,
            fix="renumber the paragraphs so that each number is used once", first_line=item.duplicate_of)
