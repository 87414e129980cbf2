"""The post says information is still being sought, awaited, requested, or will be sent later.

Such a sentence marks a known gap in the answer: the desk officer needs the information, and the drafter
should either supply it before sending or say plainly that it is unavailable. tipcheck looks for the
construction, not for fixed sentences: an actor on the reporting side (post, embassy, mission, we, poloff, an
officer), a verb of seeking or awaiting (seek, request, await, hope to receive, work to obtain, follow up, will
send or provide, septel) and, for most verbs, something sought (information, data, statistics, figures,
details, an update, a reply, confirmation). Passive forms ("statistics have been requested from the
ministry", "details will be provided septel") count too. Deliberate withholding ("not/not available for public
disclosure"), a request not to disclose, and others seeking things ("the government is seeking to ...",
"migrants seeking work") are not gaps.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from tipcheck.findings import Finding, Severity
from tipcheck.rules._gap_grammar import is_seeking
from tipcheck.rules.base import Context, Examples, one_line
from tipcheck.text import sentences

ID = "seeking-information"
DEFAULT_SEVERITY = Severity.WARNING
SUMMARY = "The post says information is still being sought or will follow: a known gap in the answer."
EXAMPLES = Examples(
    failing="""SUBJECT: NINTH ANNUAL TRAFFICKING IN PERSONS (TIP) REPORT

16. (SBU) QUESTION E. Law Enforcement Statistics: Did the government prosecute any cases against human
trafficking offenders during the reporting period?

POST RESPONSE: FEVIMTRA opened 24 investigations. (Note: Post continues to seek information from FEVIMTRA
on federal prosecutions.)
""",
    passing="""SUBJECT: NINTH ANNUAL TRAFFICKING IN PERSONS (TIP) REPORT

16. (SBU) QUESTION E. Law Enforcement Statistics: Did the government prosecute any cases against human
trafficking offenders during the reporting period?

POST RESPONSE: FEVIMTRA opened 24 investigations and brought one charge. Migrants seeking work are often
deceived. The names of the suspects are not/not for public disclosure.
""",
)

def gap_sentences(text: str, extra_phrases: tuple[str, ...] = ()) -> Iterator[tuple[int, int]]:
    """(start, end) of each sentence in `text` where the reporting side says information is still to come."""
    extras = [re.compile(re.escape(p), re.I) for p in extra_phrases]
    for start, end in sentences(text):
        # one space for every run of blanks: a sentence wrapped at 69 columns reads "WORKING TO\nOBTAIN"
        sentence = " ".join(text[start:end].split())
        if any(e.search(sentence) for e in extras) or is_seeking(sentence):
            yield start, end


def is_gap_sentence(sentence: str) -> bool:
    """Whether a sentence (blanks folded to single spaces) says information is still sought or awaited."""
    return is_seeking(sentence)


def check(ctx: Context) -> Iterator[Finding]:
    for unit, passage, question in ctx.answer_passages():
        for start, end in ctx.analysis.gaps.get(unit.index, ()):
            line, column = passage.locate(start)
            yield ctx.finding(
                ID, DEFAULT_SEVERITY,
                "the post says information is still being sought or will follow: a known gap in "
                f"{'the answer to ' + question if question else 'the reply'}",
                line, column, question=question, unit=unit, excerpt=one_line(passage.text[start:end]),
                fix="add the information before sending, or state that it is not available and why")
