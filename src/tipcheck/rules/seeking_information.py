"""The post says information is still being sought, awaited or requested, or that it will be sent later.

Such a sentence marks a known gap in the answer: the desk officer needs the information, and the drafter
should either supply it before sending or say plainly that it is unavailable.

Definition (the one the sentence corpus in tests/data/sentences/ follows). A sentence is a gap when the
reporting side (post, embassy, mission, consulate, we, our, conoff, poloff, econoff, emboff, refcoord, an
embassy or political officer, the Ambassador, DCM, RSO or Legal Attache) is still waiting for information
(data, figures, statistics, numbers, a breakdown, a response, details, records, an update, the sentences or
amounts asked for):
- the post seeks it: "Post has asked the Ministry of Interior for a breakdown", "We are awaiting figures from
  the police", "Embassy continues to press the GOJ for data", "Post is working to obtain the court records",
  "We have asked LegAtt to find out whether ...", "We continue to seek the sentences handed down" (a court's
  outcome, definite);
- it is requested, awaited, pending, outstanding, forthcoming, expected or promised: "Statistics have been
  requested from the MOJ", "A response is expected shortly", "Figures are forthcoming from the Directorate",
  "The results have been promised to post by mid-March";
- another actor promised it or was asked for it: "INM agreed to send the data", "The police have promised to
  provide updated figures", "The Ministry said it would provide the statistics by mid-April", "The GOL has
  been asked to provide disaggregated data", "We expect the Ministry to provide the final figures", "the
  Ministry undertook to respond within two weeks" (an answer promised, whatever follows), "IOM has undertaken
  to supply us with its caseload figures", "While the GOTL has committed to providing case-level data, none
  had reached post", "The National Police have been requested, through the MFA, to furnish data"; another
  actor prepares it at the post's request or tells the post it is being prepared: "In response to EconOff's
  request, the Inspectorate agreed to compile its citations", "The host government assured us that the
  victim statistics were being compiled";
- it will follow: "Details will be sent septel", "The number will be reported in a follow-up cable", "An
  update will follow", "A more complete account of the Ministry's expenditures will follow", "A reply is
  anticipated after the Easter holiday", "Post will forward them once received", "We will report separately",
  "..., which we will transmit upon completion", a note labelled "Still pending: the Ministry's count of raids";
- a request of the post's is still open, or another actor has not yet answered it: "Our request to the
  Supreme Court ... remains outstanding", "PolOff's repeated inquiries ... have so far gone unanswered", "Our
  letter ... has received no reply", "The MFA has not yet replied to Post's note", "Post has not received
  a response", "The Ministry has yet to share its figures with post", "The GOB did not provide data by the
  March 1 deadline".

Not a gap (boundary cases):
- what was asked for arrived: "Post requested and received updated statistics", "We asked the GOE for the
  figures, and the ministry provided them on March 2", "We asked the Ministry for the shelter budget, and it
  supplied the figures on February 27" (after a request, another actor delivered information or "them");
- another actor seeks or awaits: "The government is seeking to amend the law", "Two suspects are awaiting
  trial", "The NGO is awaiting a response from the ministry", "Victims may seek civil damages";
- what is sought is not information: "The Embassy continues to seek ways to support data collection", "Post
  requested a meeting with the Minister", "The Embassy will continue to press for stronger penalties" (a verb
  that also means advocating, seek, press or pursue, needs information itself as its object or a court's
  outcome handed down, "the sentences", not a fact wished for, "tougher sentences");
- a pending case or request that is not for information: "The extradition request is pending", "The court's
  decision is pending";
- another actor preparing information on its own account, or saying so to no one in particular: "The
  Ministry agreed to compile statistics on trafficking under the new action plan", "Officials said data on
  victims were being collected in a new database";
- a pronoun for something that is not information that has not come: "The police seized ledgers, but none of
  them has reached the court";
- information delivered to someone else: "Details will be provided to hotel staff during the training";
- information withheld on purpose: "not/not for public disclosure", "Post requests that the names not be
  disclosed";
- information that is unavailable with no request open ("Statistics were not available") is
  information-unavailable, not this rule; a sentence that is both (still awaited) is reported here only.

The words are data (tipcheck/vocabulary/gaps.yaml); the clause grammar that reads them is in
tipcheck/rules/_gap_grammar.py. Government abbreviations are read generally (GO and one to three capitals:
GOB, GOE, GOSL), as are other institutions' acronyms (INM, MOI).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from tipcheck.findings import Finding, Severity
from tipcheck.rules.base import Context, Examples, one_line

if TYPE_CHECKING:
    from tipcheck.rules._gap_grammar import Span

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

def answer_gaps(text: str, spans: tuple[Span, ...], *, extra_phrases: tuple[str, ...] = (), seeking: bool = True,
                unavailable: bool = True) -> tuple[tuple[Span, ...], tuple[tuple[int, int, int], ...]]:
    """Both gap rules' sentences of an answer (at `spans` in its `text`), the answer read once for both: with
    `seeking`, (start, end) of each where the reporting side says information is still to come, or that holds one of
    `extra_phrases`; with `unavailable`, information-unavailable's, (start, end, where in its folded text the words
    saying so start) of each that says information was not available and not that it is still to come."""
    # imported on first use: `tipcheck rules` lists the rule without building the grammar
    from tipcheck.rules._gap_grammar import gaps_in
    from tipcheck.text import fold

    sought, lacking = gaps_in(text, spans, seeking, unavailable)
    if seeking and extra_phrases:
        extras = [re.compile(re.escape(p), re.I) for p in extra_phrases]
        found = set(sought)
        sought = [(start, end) for start, end in spans
                  if (start, end) in found or any(e.search(fold(text[start:end])) for e in extras)]
    return tuple(sought), tuple(lacking)


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
