"""What kind of reply a cable says it is: a whole reply, one part of a set, or a supplement to another."""

from __future__ import annotations

import re
from enum import StrEnum
from functools import cache

from tipcheck.frozen import frozen
from tipcheck.reading.cable import Header
from tipcheck.regex import lazy_compile
from tipcheck.vocabulary import reply_vocabulary, words_pattern

# `PART 1 OF 2`, `PART TWO`, or the bare count a subject ends with, `(1 OF 4)` (docs/generality.md)
_PART = lazy_compile(r"\bPART\s+(?P<part>\d+|ONE|TWO|THREE|FOUR)\s*(?:OF\s+(?P<of>\d+|TWO|THREE|FOUR))?\b|"
                     r"\((?P<part2>\d+)\s+OF\s+(?P<of2>\d+)\)", re.I)
_WORDS = {"ONE": 1, "TWO": 2, "THREE": 3, "FOUR": 4}


class Role(StrEnum):
    """What a cable says it is, of the reply it belongs to."""

    REPLY = "reply"  # a whole reply
    PART = "part"  # one part of a set ("PART 1 OF 2")
    SUPPLEMENT = "supplement"  # more information for an earlier reply


@frozen
class ReplyKind:
    """What a reply says it is: a whole reply, a part of a set, or a supplement."""

    kind: Role
    part: int | None = None
    of: int | None = None
    main_ref: str | None = None  # the reply a supplement adds to, as the REF line cites it

    def describe(self) -> str:
        if self.kind == Role.PART:
            return f"part {self.part} of {self.of or '?'} of a reply"
        if self.kind == Role.SUPPLEMENT:
            return f"a supplement to {self.main_ref}" if self.main_ref else "a supplement to an earlier reply"
        return "a complete reply"

    @property
    def incomplete_by_design(self) -> bool:
        return self.kind != Role.REPLY


def _number(text: str | None) -> int | None:
    if not text:
        return None
    return _WORDS.get(text.upper()) or (int(text) if text.isdigit() else None)


@cache
def _supplement() -> re.Pattern[str]:
    """The subject words that make a cable a supplement (tipcheck/vocabulary/replies.yaml)."""
    return re.compile(words_pattern(reply_vocabulary()["supplement_words"]), re.I)


def reply_kind(header: Header) -> ReplyKind:
    subject = header.subject
    if m := _PART.search(subject):
        part, of = m.group("part") or m.group("part2"), m.group("of") or m.group("of2")
        return ReplyKind(Role.PART, _number(part), _number(of))
    if _supplement().search(subject):
        main = next((r for r in header.refs if "STATE" not in r.upper()), None)
        return ReplyKind(Role.SUPPLEMENT, main_ref=main)
    return ReplyKind(Role.REPLY)
