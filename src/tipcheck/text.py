"""Named patterns and vocabulary of cable text, each stated once: sentences, months, ordinals and classification
markings (the abbreviations a sentence runs on past and the vocabulary of gaps in an answer are data:
tipcheck/vocabulary/sentences.yaml, gaps.yaml).

Pure functions and constants; every stage that reads text takes them from here.
"""

from __future__ import annotations

import re
from functools import cache

from tipcheck.regex import lazy_compile

# ---- sentences ----------------------------------------------------------------------------------------------

# A sentence ends at `.`, `?` or `!` (and the quotes or brackets closing it) before a blank and a capital, a
# digit, an opening quote or bracket, or a list dash - or at the end of the text.
# (Its first mark stands alone, before the repeat: the matcher then scans for a mark instead of trying the pattern
# at every character.)
_SENTENCE_END = lazy_compile(r"[.?!][.?!]*[\"')\]]*(?=\s+[\"'(\[]?[A-Z0-9-]|\s*$)")
_BLANK_OR_DASH = " \t\n-"


def sentences(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) offsets of the sentences in `text`, tolerant of wrapped lines and list dashes; blanks and
    dashes between sentences belong to none. (A check splits each answer once: tipcheck/analysis/sentences.py.)"""
    spans: list[tuple[int, int]] = []
    start = 0
    abbreviation, longest = _abbreviation(), _longest_last_run()
    for m in _SENTENCE_END.finditer(text):
        end = m.start()
        # after more word characters than any abbreviation ends with (`victims.`), none ends here: half the
        # full stops of a reply, each a search saved
        if not (end > longest and text[end - longest - 1:end].isalnum()) and abbreviation.search(
                text, max(0, end - 8), end):
            continue
        first = _skip(text, start)
        if first < m.end():
            spans.append((first, m.end()))
        start = m.end()
    first = _skip(text, start)
    if first < len(text):
        spans.append((first, len(text)))
    return tuple(spans)


@cache
def _abbreviation() -> re.Pattern[str]:
    """What a full stop that does not end the sentence follows: a single capital (`Mr. J. Smith`), capitals joined
    by full stops (`U.S.`), or an abbreviation of the vocabulary (tipcheck/vocabulary/sentences.yaml: `No. 5`)."""
    from tipcheck.vocabulary import abbreviations, words_pattern  # read on the first split, not on import

    return re.compile(rf"(?:(?i:{words_pattern(abbreviations())})|\b[A-Z]|[A-Z]\.[A-Z])$")


@cache
def _longest_last_run() -> int:
    """The most word characters an abbreviation of `_abbreviation` ends with (`approx`: 6; `a.m`, `U.S`: 1)."""
    from tipcheck.vocabulary import abbreviations

    return max([1, *map(_last_run, abbreviations())])  # 1: a single capital, `U.S`


def _last_run(word: str) -> int:
    """How many word characters (as the pattern's `\\w`: letters, digits, `_`) `word` ends with."""
    return next((i for i, c in enumerate(reversed(word)) if not (c.isalnum() or c == "_")), len(word))


def fold(text: str) -> str:
    """`text` with each run of blanks one space, and none at its ends (a sentence wrapped at 69 columns reads
    "WORKING TO OBTAIN" across its line break)."""
    return " ".join(text.split())


def _skip(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in _BLANK_OR_DASH:
        pos += 1
    return pos


def sentence_texts(text: str) -> list[str]:
    """The sentences of `text` as strings, surrounding blanks removed."""
    return [text[a:b].strip() for a, b in sentences(text)]


# ---- dates --------------------------------------------------------------------------------------------------

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
# month name or abbreviation (`FEB`, `Sept`), in capitals -> its number
MONTH_NUMBERS: dict[str, int] = {
    **{name.upper(): n for n, name in enumerate(MONTHS, start=1)},
    **{name[:3].upper(): n for n, name in enumerate(MONTHS, start=1)},
    "SEPT": 9,
}
# The characters outside ASCII that case-blind matching reads as ASCII letters ("İ", "ı", "ſ" and the Kelvin
# sign): a pattern that reads ASCII words case-blind may match where the lowered text shows no such word.
FOLDED_TO_ASCII_LETTERS = "\u0130\u0131\u017f\u212a"


def case_blind_as_lowered(text: str) -> bool:
    """Whether case-blind matching reads the ASCII letters in `text` as its lowered text shows them (it holds none
    of FOLDED_TO_ASCII_LETTERS)."""
    return text.isascii() or not any(c in text for c in FOLDED_TO_ASCII_LETTERS)


# a month's name or abbreviation (case as given: compile with re.I for any case), longest spelling first
MONTH = "(?:" + "|".join(sorted((m.capitalize() for m in MONTH_NUMBERS), key=len, reverse=True)) + ")"


def month_number(name: str) -> int | None:
    """1 for `January`, `JAN` or `jan`; None for anything else."""
    return MONTH_NUMBERS.get(name.strip().rstrip(".").upper())


# ---- ordinals: the "NINTH ANNUAL" report -----------------------------------------------------------------------

ORDINALS = ("FIRST", "SECOND", "THIRD", "FOURTH", "FIFTH", "SIXTH", "SEVENTH", "EIGHTH", "NINTH", "TENTH",
            "ELEVENTH", "TWELFTH", "THIRTEENTH", "FOURTEENTH", "FIFTEENTH")
FIRST_REPORT_YEAR = 2000  # the first annual TIP report appeared in 2001: the Nth report is that of 2000 + N
# `NINTH ANNUAL`, `9TH ANNUAL` (in capitals)
ANNUAL = lazy_compile(r"\b(?:(?P<word>" + "|".join(ORDINALS) + r")|(?P<digits>\d{1,2})(?:ST|ND|RD|TH))\s+ANNUAL\b")


def ordinal(n: int) -> str | None:
    """`NINTH` for 9; None beyond the ordinals known."""
    return ORDINALS[n - 1] if 1 <= n <= len(ORDINALS) else None


def annual_report_year(match: re.Match[str]) -> int:
    """The year of the report an `ANNUAL` match names: 2009 for `NINTH ANNUAL` and for `9TH ANNUAL`."""
    digits = match.group("digits")
    return FIRST_REPORT_YEAR + (int(digits) if digits else ORDINALS.index(match.group("word")) + 1)


# ---- classification markings ----------------------------------------------------------------------------------

# A paragraph's classification marking: `(U)`, `(SBU)`, `(C)`, `(S)`, `(SBU/NF)`, `(S//NF)`, `(UNCLASSIFIED)`
CLASSIFICATION = r"\(\s*(?:(?:SBU|U|C|S)(?:/{1,2}NF)?|CONFIDENTIAL|UNCLASSIFIED)\s*\)"
LEADING_CLASSIFICATION = lazy_compile(rf"^{CLASSIFICATION}\s*")
# The classification word that opens a cable's caption lines (`UNCLAS SECTION 02 OF 11 ...`)
CAPTION_CLASSIFICATION = r"(?:UNCLAS|UNCLASSIFIED|CONFIDENTIAL|SECRET|C O N F I D E N T I A L|S E C R E T)"


def without_classification(text: str) -> str:
    """`text` without the classification marking it opens with, if any."""
    return LEADING_CLASSIFICATION.sub("", text, count=1)
