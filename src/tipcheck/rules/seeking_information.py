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
from tipcheck.rules.base import Context, Examples, one_line
from tipcheck.text import NOT_A_GAP, sentences

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

ACTOR = (r"(?:\b(?:post|embassy|the embassy|mission|the mission|consulate|the consulate|we|our office|"
         r"poloffs?|polecon(?:offs?)?|econoffs?|emboffs?|refcoord|(?:an? |the )?(?:embassy |political |"
         r"consular |post )?officers?|the (?:political|pol|econ|pol/econ) section|usg officials|"
         r"rso|dhs|ice attache|post's (?:tip )?(?:officer|coordinator|contact))\b)")
SOUGHT = (r"(?:information|info|data|statistics|stats|figures|numbers|details|update[sd]?|response|reply|"
          r"answers?|clarification|confirmation|copies|copy|documentation|records|results|report|list|"
          r"breakdown|specifics)")
_ACTIVE_VERBS = re.compile(
    r"\b(?:(?:continues?|continuing|will continue|is continuing|has continued) to (?:seek|press|request|ask|pursue|"
    r"follow up|look for|try to obtain|work to obtain|gather)|"
    r"(?:is|are|was|were|has been|have been|remains?)\s+(?:still\s+)?(?:seeking|requesting|awaiting|waiting for|"
    r"pursuing|following up|trying to (?:obtain|get|confirm|verify)|working to (?:obtain|get|confirm|verify)|"
    r"attempting to (?:obtain|get|confirm|verify)|hoping to (?:receive|obtain|get)|looking for|expecting)|"
    r"(?:hopes|expects|plans|intends) to (?:receive|obtain|get|report|send|provide|forward)|"
    r"(?:has|have) (?:formally |repeatedly |again )?(?:requested|asked for|sought|asked)|"
    r"(?:requested|asked for|sought|awaits|seeks|requests)\b(?! that)|"
    r"asked (?:[\w/.'-]+ ){1,4}?for\b|"  # "Poloff asked INM for the figures"
    r"(?:will|shall|would)\s+(?:send|provide|forward|report|update|supplement|submit|transmit|relay|pass)\b|"
    r"will (?:follow up|report (?:further|back)|update)|"
    r"(?:is|are) (?:still )?(?:working|trying|attempting) to (?:obtain|get|confirm|verify|collect))",
    re.I)
_PASSIVE = re.compile(
    rf"\b{SOUGHT}\b[^.;]{{0,80}}?\b(?:(?:has|have|had) been|(?:is|are|was|were) being|(?:is|are|was|were))\s+"
    r"(?:formally\s+|repeatedly\s+)?(?:requested|sought|awaited|pending)\b|"
    rf"\b{SOUGHT}\b[^.;]{{0,80}}?\b(?:will|to)\s+(?:be\s+)?(?:sent|provided|forwarded|reported|transmitted|"
    r"follow)\b[^.;]{0,40}?\b(?:septel|later|when|once|as soon|shortly|upon receipt|separately)\b|"
    r"\b(?:will\s+(?:be\s+)?(?:sent|provided|reported|forwarded)|to follow)\s+(?:by\s+)?septel\b|"
    r"\b(?:awaiting|pending)\s+(?:a\s+)?(?:the\s+)?(?:reply|response|information|data|statistics|figures)\b",
    re.I)
# Information asked for and not (yet) given: "The GOB had not responded by March 1 to post's request for
# statistics", "did not provide data ... by the March 1 deadline", "To date, post has not received the report".
_BY_DEADLINE = re.compile(
    r"\b(?:not|no|neither|nor)\b[^.;]{0,120}?\b(?:by|before)\s+(?:the\s+)?(?:[A-Z][a-z]+\s+\d{1,2}\s+)?"
    r"(?:reporting\s+)?deadline\b", re.I)
_ANSWERS = re.compile(rf"\b{SOUGHT}\b|\brespon|\brepl(?:y|ied)|\bquestions?\b", re.I)
_AWAITED = re.compile(
    r"\bnot\s+(?:yet\s+)?(?:responded|replied|answered)\b[^.;]{0,80}?\b(?:request|query|queries|questions?|"
    r"inquir\w*)\b|"
    r"\b(?:post|embassy|we|mission)\s+(?:has|have|had)\s+(?:not|yet to)\s+(?:yet\s+)?(?:received?|obtained?)\b",
    re.I)
_ACTOR_RE = re.compile(ACTOR, re.I)
_SOUGHT_RE = re.compile(rf"\b{SOUGHT}\b|\bto (?:confirm|verify)\b|\bupdate\b", re.I)
_OTHER_ACTOR = re.compile(
    r"\b(?:government|ministry|ministries|gom|goi|gok|goo|police|authorities|officials|migrants?|victims?|"
    r"workers?|women|ngos?|prosecutors?|court|parliament|commission|agency|traffickers|employers|families)\b",
    re.I)


def gap_sentences(text: str, extra_phrases: tuple[str, ...] = ()) -> Iterator[tuple[int, int]]:
    """(start, end) of each sentence in `text` where the reporting side says information is still to come."""
    extras = [re.compile(re.escape(p), re.I) for p in extra_phrases]
    for start, end in sentences(text):
        # one space for every run of blanks: a sentence wrapped at 69 columns reads "WORKING TO\nOBTAIN"
        sentence = " ".join(text[start:end].split())
        if NOT_A_GAP.search(sentence):
            continue
        if any(e.search(sentence) for e in extras) or _is_gap(sentence):
            yield start, end


def is_gap_sentence(sentence: str) -> bool:
    """Whether a sentence (blanks folded to single spaces) says information is still sought or awaited."""
    return not NOT_A_GAP.search(sentence) and _is_gap(sentence)


def _is_gap(sentence: str) -> bool:
    if _PASSIVE.search(sentence) or _AWAITED.search(sentence):
        return True
    # "not provided by the March 1 deadline" is a gap when what was not provided is information or an answer
    if _BY_DEADLINE.search(sentence) and _ANSWERS.search(sentence):
        return True
    for verb in _ACTIVE_VERBS.finditer(sentence):
        before = sentence[max(0, verb.start() - 70): verb.start()]
        # the nearest subject-like word before the verb decides who is seeking
        actors = list(_ACTOR_RE.finditer(before))
        others = list(_OTHER_ACTOR.finditer(before))
        if not actors:
            continue
        if others and others[-1].start() > actors[-1].end():
            continue
        after = sentence[verb.end(): verb.end() + 120]
        if _SOUGHT_RE.search(verb.group(0)) or _SOUGHT_RE.search(after):
            return True
    return False


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
