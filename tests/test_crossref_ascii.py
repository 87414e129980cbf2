"""The cross-reference trigger folded as ASCII finds, on ASCII text, exactly what the Unicode pattern finds: every
vendored cable and negative, line by line and whole."""

from __future__ import annotations

from conftest import CABLES, NEGATIVES
from tipcheck.analysis import crossrefs


def test_the_ascii_trigger_finds_what_the_unicode_trigger_finds() -> None:
    texts = [path.read_text(encoding="utf-8", errors="replace")
             for path in sorted((*CABLES.rglob("*.txt"), *NEGATIVES.rglob("*.txt")))]
    ascii_texts = [t.encode("ascii", "replace").decode("ascii") for t in texts]  # the few others, made ASCII
    found = 0
    for text in ascii_texts:
        unicode_matches = [(m.span(), m.groupdict()) for m in crossrefs._TRIGGER.finditer(text)]
        assert [(m.span(), m.groupdict()) for m in crossrefs._TRIGGER_ASCII.finditer(text)] == unicode_matches
        found += len(unicode_matches)
    assert found > 500


def test_text_with_unicode_only_blanks_is_read_with_the_unicode_trigger() -> None:
    # "\x1f" is a blank to the Unicode pattern only: "see\x1f12" refers to paragraph 12 there
    text = "As noted, see\x1f12 for details."
    assert crossrefs._TRIGGER.search(text) is not None
    assert crossrefs._TRIGGER_ASCII.search(text) is None
    assert crossrefs._UNICODE_ONLY_BLANKS.search(text) is not None
