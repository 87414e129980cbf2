"""A cross-reference that points at nothing.

"As discussed in 10.c.", "see 16.E.", "see paragraph 15", "addressed in our response to 26.F", "(27.A)", "(para
33 refers)", "paras 29 and 30", "25.B and C" and "See PROTECTION A. above" must name a paragraph of the reply or
a question it answers. A reference to a paragraph number the reply does not have, a question the questionnaire
does not have, or a question the reply leaves unanswered sends the reader nowhere. References into another part
of a set are accepted. Counts ("reported in 12 states") and paragraphs of other texts ("paragraph 2 of Article
6", "para 24 of reftel") are not references.
"""

from __future__ import annotations

from collections.abc import Iterator

from tipcheck.findings import Finding, Severity
from tipcheck.rules.base import Context, Examples

ID = "broken-cross-reference"
DEFAULT_SEVERITY = Severity.WARNING
SUMMARY = "A cross-reference to a paragraph or question that does not exist or is not answered."
EXAMPLES = Examples(
    failing="""SUBJECT: NINTH ANNUAL TRAFFICKING IN PERSONS (TIP) REPORT

¶3. (SBU) QUESTION A. What is (are) the source(s) of available information on trafficking in persons?

POST RESPONSE: Police statistics; see paragraph 15 for the NGO reports.
""",
    passing="""SUBJECT: NINTH ANNUAL TRAFFICKING IN PERSONS (TIP) REPORT

¶3. (SBU) QUESTION A. What is (are) the source(s) of available information on trafficking in persons?

POST RESPONSE: Police statistics and NGO reports.

¶4. (SBU) QUESTION B. Is the country a country of origin, transit, and/or destination?

POST RESPONSE: Destination; see paragraph 3 for the sources.
""",
)


def check(ctx: Context) -> Iterator[Finding]:
    for ref in ctx.analysis.cross_references:
        if ref.valid:
            continue
        yield ctx.finding(
            ID, DEFAULT_SEVERITY, f"cross-reference to {ref.target} points at nothing: {ref.note}",
            ref.line, ref.column, question=ctx.question_at(ref.line), excerpt=ref.text,
            fix="point the reference at the paragraph that holds the information, or remove it")

