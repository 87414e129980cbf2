"""Placeholder responses: what a drafter leaves where an answer belongs (`[POST RESPONSE]`, `TBD`, `[...]`).

A response made of placeholders only is not an answer: the question counts as missing, and the
unanswered-question rule says so. Real short answers ("Not applicable.", "None.", "N/A") are answers.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from tipcheck.reading.segment import Heading, Unit
from tipcheck.regex import lazy_compile

_TOKEN = (r"\[[^\]\n]{0,120}\]|<[^>\n]{0,120}>|\{[^}\n]{0,120}\}|\bTBD\b|\bTBC\b|\bTK\b|\bXX+\b|"
          r"\bTO BE (?:PROVIDED|COMPLETED|DRAFTED|ADDED)\b|\.{3}|…")
_PLACEHOLDER_ONLY = lazy_compile(rf"^[\s.:;,-]*(?:(?:{_TOKEN})[\s.:;,-]*)+$", re.I)


def is_placeholder(response: str) -> bool:
    """True when `response` holds placeholders and nothing else (an empty response is not one)."""
    return bool(response.strip()) and bool(_PLACEHOLDER_ONLY.match(response))


def is_placeholder_answer(unit: Unit, headings: Sequence[Heading]) -> bool:
    """Whether `unit` answers with placeholders only. A unit runs on over the headings that follow it
    (segment.py keeps their lines), so its response is read up to the first heading line inside it."""
    response = unit.response
    first = response.locate(0)[0]  # `POST RESPONSE: [POST RESPONSE]` itself reads as a capitals heading
    inside = {h.line for h in headings if max(unit.line, first) < h.line <= unit.end_line}
    text = response.text
    if inside:
        offset = 0
        for part in text.split("\n"):
            if response.locate(offset)[0] in inside:
                text = text[:offset]
                break
            offset += len(part) + 1
    return is_placeholder(text)
