"""Two answers with the same text, or one answer copied out of another.

A drafter who pastes one answer under two questions has, in effect, not answered the second: the finding
stands at the second copy, and that question counts as unanswered. The same holds for an answer whose whole
text is part of another answer (H answered with exactly the first sentence of the answer to G).
"""

from __future__ import annotations

from collections.abc import Iterator

from tipcheck.findings import Finding, Severity
from tipcheck.rules.base import Context, Examples, one_line

ID = "duplicate-answer"
DEFAULT_SEVERITY = Severity.ERROR
SUMMARY = "Two answers with the same text; the second question is not really answered."
EXAMPLES = Examples(
    failing="""SUBJECT: NINTH ANNUAL TRAFFICKING IN PERSONS (TIP) REPORT

SETTING THE SCENE FOR THE GOVERNMENT'S ANTI-TIP EFFORTS:

-- A. Does the government acknowledge that trafficking is a problem in the country?

The government acknowledges the problem and has created an inter-agency commission to address it.

-- B. Which government agencies are involved in anti-trafficking efforts and which agency, if any, has the lead?

The government acknowledges the problem and has created an inter-agency commission to address it.
""",
    passing="""SUBJECT: NINTH ANNUAL TRAFFICKING IN PERSONS (TIP) REPORT

SETTING THE SCENE FOR THE GOVERNMENT'S ANTI-TIP EFFORTS:

-- A. Does the government acknowledge that trafficking is a problem in the country?

The government acknowledges the problem and has created an inter-agency commission to address it.

-- B. Which government agencies are involved in anti-trafficking efforts and which agency, if any, has the lead?

The Ministry of Justice leads; the Ministry of Labor and the police take part.
""",
)


def check(ctx: Context) -> Iterator[Finding]:
    alignment = ctx.alignment
    for duplicate in ctx.analysis.duplicates:
        question, original = duplicate.question, duplicate.original
        match = alignment.match_for(question)
        assert match is not None
        unit = alignment.unit(match.unit_index)
        line, column = unit.response.locate(len(unit.response.text) - len(unit.response.text.lstrip()))
        yield ctx.finding(
            ID, DEFAULT_SEVERITY,
            f"the answer to {question} repeats (part of) the answer to {original} word for word, so {question} "
            f"is not answered", line, column, question=question, unit=unit, excerpt=one_line(unit.response.text),
            fix=f"write the answer to {question}", original=original)
