"""A question of the questionnaire that no paragraph of the reply answers.

The finding points where the answer belongs: at the answer to the next question the reply does answer (or
the end of the cable). A paragraph whose response is only a placeholder (`[POST RESPONSE]`, `TBD`, `[...]`)
does not answer its question either: the finding then points at that paragraph. A reply that says it is one
part of a set, or a supplement to an earlier reply, is still checked, at warning severity, and the message
says the other part may hold the answer; check the whole set together with `tipcheck check --with MAIN
SUPPLEMENT`.
"""

from __future__ import annotations

from collections.abc import Iterator

from tipcheck.findings import Finding, Severity
from tipcheck.rules.base import Context, Examples

ID = "unanswered-question"
DEFAULT_SEVERITY = Severity.ERROR
SUMMARY = "A question of the questionnaire that no paragraph answers."
EXAMPLES = Examples(
    failing="""SUBJECT: NINTH ANNUAL TRAFFICKING IN PERSONS (TIP) REPORT

1. (SBU) QUESTION A. What is (are) the source(s) of available information on trafficking in persons?

POST RESPONSE: Police statistics and NGO reports.
""",
    passing="""SUBJECT: NINTH ANNUAL TRAFFICKING IN PERSONS (TIP) REPORT

23A-E. (SBU) Iceland is a destination country; sources, victims and methods are described in septel.

24A-D. (SBU) The government acknowledges the problem; the Ministry of Social Affairs leads.

25A-M. (SBU) No prosecutions took place; the laws and penalties are unchanged.

26A-M. (SBU) Victims may use the Women's Shelter and receive residence permits.

27A-G. (SBU) An action plan was adopted in March; no campaigns were held.
""",
)


def check(ctx: Context) -> Iterator[Finding]:
    alignment = ctx.alignment
    matched = {m.question_id for m in alignment.matches}
    units = alignment.segmentation.units
    last_line = ctx.cable.lines[-1].number if ctx.cable.lines else 1
    in_set = ctx.kind.incomplete_by_design
    placeholders = {m.question_id: units[m.unit_index] for m in alignment.matches
                    if m.question_id in ctx.analysis.placeholders}
    for q in alignment.questionnaire.questions:
        if q.id in placeholders:
            unit = placeholders[q.id]
            where = f"{q.section_paragraph}.{q.letter}"
            excerpt = " ".join(unit.response.text.split("\n\n")[0].split())[:40]
            yield ctx.finding(ID, Severity.WARNING if in_set else DEFAULT_SEVERITY, message(q.id, where, True),
                              unit.line, 1, question=q.id, unit=unit, excerpt=excerpt,
                              fix=f"replace the placeholder with the answer to {where}, or say why it does not apply",
                              where=where, placeholder=True)
            continue
        if q.id in matched:
            continue
        # the first answer to a later question (the matches are in questionnaire order)
        later = next((m for m in alignment.matches
                      if alignment.questionnaire.question(m.question_id).position > q.position), None)  # type: ignore[union-attr]
        line = units[later.unit_index].line if later else last_line
        where = f"{q.section_paragraph}.{q.letter}"
        note = f"; this cable is {ctx.kind.describe()}, so another part may hold the answer" if in_set else ""
        fix = (f"add a paragraph answering {where}, restating the question or labelling it "
               f"'{q.section_paragraph}{q.letter}', or say why it does not apply")
        yield ctx.finding(ID, Severity.WARNING if in_set else DEFAULT_SEVERITY, message(q.id, where) + note, line, 1,
                          question=q.id, fix=fix, where=where, placeholder=False)


def message(question: str, where: str, placeholder: bool = False) -> str:
    """What the finding says, without the note that another part of a set may hold the answer; `where` is the
    question's paragraph and letter in the tasking cable (16.E), `placeholder` whether a placeholder answers it.
    The placeholder's own words stay in the finding's excerpt: a bracketed note can name sources."""
    said = f"question {where} ({question}) is not answered"
    return said + ": its response is only a placeholder" if placeholder else said


def set_message(finding: Finding) -> str:
    """The finding's message for a question that no cable of a complete set answers."""
    return message(str(finding.question), str(finding.data["where"]), bool(finding.data.get("placeholder"))) + (
        " by any cable of the set")

