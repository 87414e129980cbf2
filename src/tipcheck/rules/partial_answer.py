"""An answer leaves out part of what its question asks for: a count, an amount, a law, a list or a breakdown.

Each sub-question of the questionnaire model says what its answer must contain (`expects:` in
questionnaire/tip-*.yaml; the vocabulary is in docs/questionnaire-format.md). tipcheck reads the aligned answer
sentence by sentence and looks for that content:

  count      a number (not a date, year or article number) in a sentence naming each counted thing
             ("11 investigations", "no convictions"); every thing listed in `things` must be there
  amount     a sum of money ("$7 million", "USD 40,000", "30 pesos") or a statement that none was spent
  law        a law, act, code, decree or article named ("Article 6", "the new federal anti-trafficking law")
  list       a sentence on the sub-question's terms naming at least one body ("ICE and DOJ trained ...")
  breakdown  every side of each axis (`labor vs sex trafficking`) named with a number

A sub-question not found in its own answer is looked for in the rest of the cable (its key terms must be in
the sentence too); if another paragraph holds it, it counts as addressed there and is not flagged. An answer
of "None", "No" or "Not applicable" addresses every sub-question (zero convictions is an answer). When the
answer opens with a plain no ("The government did not prosecute any cases"), the "If so, ..." sub-question
after it, and the counts, amounts, laws and lists asked about what does not exist, do not apply.

Only sub-questions that ask for such concrete content are flagged. Yes-or-no and description sub-questions,
and those the model marks `optional` (asked only "if available", "if possible", of some countries, or of
convicted persons), are reported in the JSON `subquestions` list but never flagged: a narrative answer often
answers them without the question's words. Questions known only by a topic label, and models without
sub-questions, are not checked.

One finding per question lists what is missing, each with the words of the sub-question it comes from (as the
cable restates them, shown unless the report is redacted; or from the model, when the cable does not restate
it), and points at the answer: where the cable restates the first missing sub-question, else the answer's
first line. The question's status becomes `partial`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from tipcheck.findings import Finding, Severity
from tipcheck.rules.base import Context, Examples, one_line

if TYPE_CHECKING:
    from tipcheck.reading.cable import Passage

ID = "partial-answer"
DEFAULT_SEVERITY = Severity.WARNING
SUMMARY = "An answer leaves out a count, amount, law, list or breakdown that its question asks for."
EXAMPLES = Examples(
    failing="""SUBJECT: NINTH ANNUAL TRAFFICKING IN PERSONS (TIP) REPORT

16. (SBU) QUESTION E. Law Enforcement Statistics: Did the government prosecute any cases against human
trafficking offenders during the reporting period? If so, provide numbers of investigations, prosecutions,
convictions, and sentences imposed, including details on plea bargains and fines, if relevant and available.

POST RESPONSE: FEVIMTRA opened 24 investigations into trafficking cases and brought 1 formal charge under the
new federal anti-trafficking law.
""",
    passing="""SUBJECT: NINTH ANNUAL TRAFFICKING IN PERSONS (TIP) REPORT

16. (SBU) QUESTION E. Law Enforcement Statistics: Did the government prosecute any cases against human
trafficking offenders during the reporting period? If so, provide numbers of investigations, prosecutions,
convictions, and sentences imposed, including details on plea bargains and fines, if relevant and available.

POST RESPONSE: FEVIMTRA opened 24 investigations into trafficking cases and brought 3 prosecutions under the
new federal anti-trafficking law. Courts handed down 2 convictions; the 2 traffickers convicted received
sentences of 8 and 12 years' imprisonment.
""",
)


def check(ctx: Context) -> Iterator[Finding]:
    alignment = ctx.alignment
    for qid in ctx.analysis.subquestions or {}:
        missing = ctx.analysis.missing_subquestions(qid)
        match = alignment.match_for(qid)
        if not missing or match is None:
            continue
        unit = alignment.unit(match.unit_index)
        line, column = unit.line, unit.marker.column
        # The cable's own restatement of the missing sub-questions is cable text: it goes in the excerpt (left
        # out of redacted reports), and the finding points where it starts. A sub-question the cable does not
        # restate is quoted from the model in the message, which then quotes nothing from the cable.
        restated = [(c, _restated_span(unit.restated, c.subquestion.text)) for c in missing]
        spans = [(c, span) for c, span in restated if span is not None]
        excerpt = None
        if spans and unit.restated is not None:
            line, column = unit.restated.locate(spans[0][1][0])
            excerpt = " … ".join(one_line(unit.restated.text[a:b], 160) for _, (a, b) in spans)
        parts = []
        for c, span in restated:
            part = f"{', '.join(c.missing)} ({_short_id(c.subquestion.id)}"
            parts.append(part + (")" if span is not None else f': "{one_line(c.subquestion.text, 160)}")'))
        what = "; ".join(", ".join(c.missing) for c in missing)
        yield ctx.finding(
            ID, DEFAULT_SEVERITY,
            f"the answer to {qid} leaves out part of the question: " + "; ".join(parts),
            line, column, question=qid, unit=unit, excerpt=excerpt,
            fix=f"add {what}, or say plainly that it is none or not available",
            missing=[c.subquestion.id for c in missing],
            missing_items=[f"{_short_id(c.subquestion.id)}: {', '.join(c.missing)}" for c in missing])


_RESTATED_SCORE = 90  # how closely the cable's wording must match the model's to count as the restatement


def _restated_span(restated: Passage | None, text: str) -> tuple[int, int] | None:
    """(start, end) of `text` in the cable's restated question, if the cable restates it."""
    if restated is None or not restated.text.strip():
        return None
    from rapidfuzz import fuzz  # `tipcheck rules` lists the rule without it

    found = fuzz.partial_ratio_alignment(" ".join(text.split()), restated.text, score_cutoff=_RESTATED_SCORE)
    if found is None:
        return None
    start = found.dest_start
    while start < found.dest_end and restated.text[start].isspace():
        start += 1
    return (start, found.dest_end)


def _short_id(sub_id: str) -> str:
    """`protection.G.2` -> `G.2`: the letter and number a drafter sees in the tasking cable."""
    return ".".join(sub_id.split(".")[1:])
