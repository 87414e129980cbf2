"""A paragraph whose label names one question while its restated text is another.

`QUESTION C.` over the wording of question B, or `25E` over a question of another section, is a copy-paste
slip: the reader trusts the label and looks for the answer in the wrong place. tipcheck places the answer by
the restated text (the stronger evidence) and reports the label.
"""

from __future__ import annotations

from collections.abc import Iterator

from tipcheck.findings import Finding, Severity
from tipcheck.rules.base import Context, Examples

ID = "question-label-mismatch"
DEFAULT_SEVERITY = Severity.WARNING
SUMMARY = "The label says one question, the restated text another."
EXAMPLES = Examples(
    failing="""SUBJECT: NINTH ANNUAL TRAFFICKING IN PERSONS (TIP) REPORT

SETTING THE SCENE FOR THE GOVERNMENT'S ANTI-TIP EFFORTS:

-- A. Does the government acknowledge that trafficking is a problem in the country?  If not, why not?

Yes.

-- C. Which government agencies are involved in anti-trafficking efforts and which agency, if any, has the lead?

The Ministry of Justice leads.
""",
    passing="""SUBJECT: NINTH ANNUAL TRAFFICKING IN PERSONS (TIP) REPORT

SETTING THE SCENE FOR THE GOVERNMENT'S ANTI-TIP EFFORTS:

-- A. Does the government acknowledge that trafficking is a problem in the country?  If not, why not?

Yes.

-- B. Which government agencies are involved in anti-trafficking efforts and which agency, if any, has the lead?

The Ministry of Justice leads.
""",
)


def check(ctx: Context) -> Iterator[Finding]:
    alignment = ctx.alignment
    qn = alignment.questionnaire
    for match in alignment.matches:
        unit = alignment.unit(match.unit_index)
        q = qn.question(match.question_id)
        assert q is not None
        marker = unit.marker
        label_says: str | None = None
        if marker.letters and q.letter not in marker.letters:
            label_says = f"question {'/'.join(marker.letters)}"
        elif marker.section_paragraph is not None and marker.section_paragraph != q.section_paragraph:
            section = qn.section_by_paragraph(marker.section_paragraph)
            if section is not None:
                label_says = f"paragraph {marker.section_paragraph} ({section.id})"
        if label_says is None:
            continue
        yield ctx.finding(
            ID, DEFAULT_SEVERITY,
            f"label {marker.printed!r} says {label_says}, but the restated text is {q.section_paragraph}.{q.letter} "
            f"({q.id})", marker.line, marker.column, question=q.id, unit=unit,
            fix=f"relabel the paragraph {q.section_paragraph}{q.letter} (or restate the question it answers)")
