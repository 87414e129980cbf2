"""An answer given out of the questionnaire's order.

The tasking cable asks posts to answer the questions in order; an answer placed elsewhere is easy to miss for
the desk officer reading the reply against the questionnaire. tipcheck still credits the answer (it is
placed by its label or restated question) and reports where it stands.
"""

from __future__ import annotations

from collections.abc import Iterator

from tipcheck.findings import Finding, Severity
from tipcheck.rules.base import Context, Examples

ID = "out-of-order-answer"
DEFAULT_SEVERITY = Severity.WARNING
SUMMARY = "An answer that stands out of the questionnaire's order."
EXAMPLES = Examples(
    failing="""SUBJECT: NINTH ANNUAL TRAFFICKING IN PERSONS (TIP) REPORT

-- 24B. Which government agencies are involved in anti-trafficking efforts and which agency, if any, has the lead?

The Ministry of Justice leads.

-- 24C. What are the limitations on the government's ability to address this problem in practice?

Funding.

-- 24A. Does the government acknowledge that trafficking is a problem in the country?

Yes.
""",
    passing="""SUBJECT: NINTH ANNUAL TRAFFICKING IN PERSONS (TIP) REPORT

-- 24A. Does the government acknowledge that trafficking is a problem in the country?

Yes.

-- 24B. Which government agencies are involved in anti-trafficking efforts and which agency, if any, has the lead?

The Ministry of Justice leads.
""",
)


def check(ctx: Context) -> Iterator[Finding]:
    alignment = ctx.alignment
    for match in alignment.matches:
        if not match.out_of_order:
            continue
        unit = alignment.unit(match.unit_index)
        text = ctx.cable.line(unit.line)
        yield ctx.finding(
            ID, DEFAULT_SEVERITY,
            f"the answer to {match.question_id} stands out of the questionnaire's order",
            unit.line, len(text) - len(text.lstrip()) + 1, question=match.question_id, unit=unit,
            fix="move the paragraph to its place in questionnaire order, or renumber the answers")
