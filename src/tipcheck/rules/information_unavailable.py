"""The answer says information was not available to the post.

Lower severity than seeking-information: the post makes no promise to follow up, but the desk officer may
want to know whether the information exists at all or whether the post asked for it.

Definition (the one the sentence corpus in tests/data/sentences/ follows). A sentence is reported when it says
that information the questionnaire asks for (data, figures, statistics, numbers, a breakdown, details, the
sentences, amounts or outcome) could not be had by the post:
- it is not available, unknown, unclear, not provided, not released or not disclosed: "Statistics on
  convictions were not available", "The number of victims referred by social services is unknown", "It is
  not known how many of these victims were minors", "It is unclear how many ...", "It remains unclear whether
  any government funds were disbursed" (a question about what happened: its verb in the past), "The
  conviction rate ... is not known", "ESTIMATES OF NUMBER OF VICTIMS IN FISHING FLEET UNAVAILABLE" (a note
  with its verb left out), "Although the MOJ compiled statistics, they were not made available to the
  Embassy" (a pronoun for information named in the concession), "an unknown number of policemen", "No
  information was available on the sentences", "No figures were made available", "(NFI)";
- it could not be found out (a negated passive of finding out, in either voice): "The number could not be
  determined", "could not be (independently) verified", "has not been confirmed", "It could not be
  established how many ...";
- the post lacks it or could not obtain it: "Post has no figures on ...", "We do not know how many ...",
  "Post was unable to obtain data on ...", "It has not been possible to obtain figures", "Post was not given
  access to the records", "We were unable to learn the length of the prison terms" (finding out failed,
  whatever the object: learn, find out, ascertain; determine or establish after a failed attempt, "LegAtt was
  unable to determine whether ..."), "We do not know whether ...", "Whether the victims received compensation
  could not be established";
- another actor withheld it or declined to give it, in the active or the passive: "The Ministry declined to
  share figures", "The GOB did not provide a breakdown", "The police would not release arrest figures",
  "Authorities did not make the figures available to the Embassy", "did not respond to requests for data",
  "Neither the ministry nor the courts could tell post how many ...", "The Prosecutor's office provided no
  data on plea bargains", "The Ministry refused Poloff's request for the shelter budget", "Conviction figures
  were withheld by the Public Prosecution", "Officials said they were not authorized to disclose the results",
  "Neither the number of victims nor their nationalities were known to our contacts";
- the post's request or access was refused: "PolOff's request for the budget was turned down by the
  Ministry", "Requests by the Embassy for disaggregated victim data were rebuffed", "UNODC refused to give
  post access to its database", "The inspectorate denied Poloff access", "Although the Embassy asked to review
  the court files, access to them was denied".

Not reported (boundary cases):
- the country keeps no such data: "The government does not keep statistics on trafficking prosecutions",
  "There are no official statistics on trafficking", "No agency tracks the number of victims", "The MOJ does
  not disaggregate conviction data", "Police records do not distinguish smuggling from trafficking", "Data on
  labor trafficking are not systematically collected". That states what the country has (it answers the
  question about sources of information), not a gap in the post's answer: this is the project's convention.
  Its boundary: the same fact told as what the records allow is still the country's data situation ("it is
  impossible to determine numbers of trafficking victims", "we cannot establish how many of the convictions
  were related to cases opened in 2005", "the Department does not publish a report on Iceland"), while
  information said to be not available, unknown or withheld is a gap even when the answer explains why ("No
  reliable numbers were available ...");
- information kept from someone other than the post, or private: "Victims' personal data are not released to
  the media", "The hotline number is not known to most migrant workers", "Recruiters withhold information
  from migrants"; a request or access that is not the post's: "The court rejected the defense's request for a
  delay", "The Ministry refused to give NGOs access to the detention centers";
- something unknown that is not information asked for: "The whereabouts of the suspect are unknown", "it is
  not known if this is connected to organized prostitution"; a question about a standing fact or a prospect
  (its verb not in the past): "Whether the gang has links to organized crime abroad is not known", "It is
  unclear whether the law will pass this year"; another actor's access or request refused ("The lawyers'
  access to the case files was denied", "The defense's requests for a postponement were rebuffed");
- a concession that goes on to give what is known: "While exact numbers are not known, it is suspected that
  ...", or an aside ("IOM, which could not provide data for Costa Rica, estimates ...");
- information still awaited: reported once, as seeking-information.
"""

from __future__ import annotations

from collections.abc import Iterator

from tipcheck.findings import Finding, Severity
from tipcheck.regex import lazy_compile
from tipcheck.rules.base import Context, Examples, one_line

ID = "information-unavailable"
DEFAULT_SEVERITY = Severity.INFO
SUMMARY = "The answer says information was not available (a gap without a promise to follow up)."
EXAMPLES = Examples(
    failing="""SUBJECT: NINTH ANNUAL TRAFFICKING IN PERSONS (TIP) REPORT

128. (SBU) QUESTION D. Does the government assist foreign trafficking victims?

POST RESPONSE: Through humanitarian visas. Specific information about the assistance these individuals
received was not available.
""",
    passing="""SUBJECT: NINTH ANNUAL TRAFFICKING IN PERSONS (TIP) REPORT

129. (SBU) QUESTION E. Does the government provide longer-term shelter or housing benefits to victims?

POST RESPONSE: No long term shelter or housing is available; FEVIMTRA provides assistance for three months.
""",
)

def check(ctx: Context) -> Iterator[Finding]:
    from tipcheck.text import fold  # on first use, as the grammar: `tipcheck rules` reads no cable

    for unit, passage, question in ctx.answer_passages():
        for start, end, at in ctx.analysis.unavailable.get(unit.index, ()):
            sentence = passage.text[start:end]
            flat = fold(sentence)
            # point at the words that say it is unavailable: in a long sentence ("... from 2004-2009 (no
            # further breakdown available).") they can stand lines after the sentence's start
            line, column = passage.locate(start + _original_offset(sentence, at))
            yield ctx.finding(
                ID, DEFAULT_SEVERITY,
                f"the answer{' to ' + question if question else ''} says information was not available",
                line, column, question=question, unit=unit, excerpt=_around(flat, at),
                fix="say whether the post asked for it and when it may be available, or leave as is")


def _original_offset(sentence: str, flat_offset: int) -> int:
    """The offset in `sentence` of the character at `flat_offset` in its blank-folded form (computed only for a
    sentence that is reported)."""
    leading = len(sentence) - len(sentence.lstrip())
    folded = 0
    for m in _WORD.finditer(sentence):
        if folded + len(m.group(0)) > flat_offset:
            return m.start() + max(0, flat_offset - folded)
        folded += len(m.group(0)) + 1
    return leading


_WORD = lazy_compile(r"\S+")


def _around(sentence: str, at: int) -> str:
    """The sentence as an excerpt that keeps the words at `at` in view, however long the sentence."""
    if at <= 100:
        return one_line(sentence)
    return "…" + one_line(sentence[at - 60:]).lstrip()
