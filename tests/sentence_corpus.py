"""The gap-sentence corpus (tests/data/sentences/) and how it is scored: each sentence is put into a copy of a
real reply and the whole check runs on it, as a reviewer reads the report.

The host is the seed reply 09MEXICO828 (a supplement): the sentence becomes a line of its own at the end of the
answer to protection.E (paragraph 29, "No long term shelter or housing is available; ..."), an answer with no
gap and no reference of its own, so every finding and cross-reference on that line comes from the sentence.
The corpus is in parts (HALVES), each a directory of one YAML file per category:
- dev: written for issue 12 and split once from test-1 (benchmarks/split_sentences.py); tuned on from the start,
  and grown since by sentences written for each wording class the rules handle;
- test-1: the other half of that split, scored once after tuning on dev, and tuned on since (so spent as a test);
- test-2: a set written blind later, scored once with the rules frozen (benchmarks/README.md), and tuned on since
  (spent as a test, like test-1);
- test-3: a newer set written blind (in a terser, telegraphic style), scored once with the rules frozen
  (benchmarks/README.md), and tuned on since (spent like test-2); known_misses.yaml lists those of its sentences
  the rules do not yet get right, each with the reason;
- test-4: a set written blind (a balanced mix of full sentences and notes), scored once with the rules frozen
  (benchmarks/README.md) and released as spent, and tuned on since (its misses fixed by general classes);
- test-5: a set written blind (posts of every region, full sentences, notes and telegram style), scored once
  with the rules frozen (benchmarks/README.md) and released as spent; its misses are in known_misses.yaml;
- test-6: a set written blind, its writer asked for wordings easy to miss (idioms, the post as object or
  recipient, unusual references), scored once with the rules frozen and released as spent; its misses are in
  known_misses.yaml;
- test-7: the final test half: written blind (a balanced mix, as test-5), scored once at 12:51 UTC on 2026-11-29
  with the rules frozen (benchmarks/README.md), and never tuned on: tests/test_gap_corpus.py holds the rules to
  the issue's thresholds on it. A rule change that needs it tuned on spends it: write a new blind set first.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from tipcheck.api import check_text
from tipcheck.rules import registry
from tipcheck.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "data" / "sentences"
HOST = ROOT / "examples" / "09MEXICO828.txt"
HOST_ANSWER = "POST RESPONSE: No long term shelter or housing is available;"
GAP_RULES = ("seeking-information", "information-unavailable")
SCORED = (*GAP_RULES, "cross-reference", "broken-cross-reference")
_RUN = {*GAP_RULES, "broken-cross-reference"}
HALVES = ("dev", "test-1", "test-2", "test-3", "test-4", "test-5", "test-6", "test-7")
# the parts tuned on: each sentence must come out right
TUNED = ("dev", "test-1", "test-2", "test-3", "test-4", "test-5", "test-6")
SEALED = "test-7"


@dataclass(frozen=True)
class Sentence:
    category: str
    text: str
    label: str | None  # the gap rule that must report it, or None
    refs: tuple[tuple[str, bool], ...] = ()  # (target, valid) of each cross-reference it makes


@dataclass(frozen=True)
class Outcome:
    rules: frozenset[str]  # gap and broken-reference rules reporting on the sentence's line
    refs: tuple[tuple[str, bool], ...]


def load(half: str) -> list[Sentence]:
    """Every sentence of one part (see HALVES), in file order; none when the part is not in this tree."""
    if half not in HALVES:
        raise ValueError(f"no part {half!r} of the sentence corpus; the parts are {', '.join(HALVES)}")
    sentences: list[Sentence] = []
    for path in sorted((CORPUS / half).glob("*.yaml")):
        data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
        label = data.get("label")
        for entry in data["sentences"]:
            if isinstance(entry, str):
                sentences.append(Sentence(data["category"], entry, None if label == "none" else label))
            else:
                refs = tuple((str(t), bool(v)) for t, v in entry["refs"])
                sentences.append(Sentence(data["category"], entry["text"], None, refs))
    return sentences


def conventions() -> dict[tuple[str, str], tuple[tuple[str, bool], ...]]:
    """(part, text) -> the references the rules give, for the sentences listed in conventions.yaml: labels that
    follow a convention the rules no longer follow (each entry gives the reason)."""
    data: dict[str, Any] = yaml.safe_load((CORPUS / "conventions.yaml").read_text(encoding="utf-8"))
    return {(e["part"], e["text"]): tuple((str(t), bool(v)) for t, v in e["refs"]) for e in data["sentences"]}


def known_misses() -> dict[tuple[str, str, str], str]:
    """(part, text, aspect) -> why: the sentences of a spent part the rules do not yet get right, listed in
    known_misses.yaml; aspect is "gaps" (the gap rules) or "references" (cross-references)."""
    data: dict[str, Any] = yaml.safe_load((CORPUS / "known_misses.yaml").read_text(encoding="utf-8"))
    return {(e["part"], e["text"], e["aspect"]): e["reason"] for e in data["sentences"] or ()}


@cache
def _host() -> tuple[list[str], int]:
    lines = HOST.read_text(encoding="utf-8").split("\n")
    return lines, next(i for i, line in enumerate(lines) if line.startswith(HOST_ANSWER)) + 1


@cache
def outcome(text: str) -> Outcome:
    """What the whole check reports on `text` placed in the host reply."""
    lines, at = _host()
    cable = "\n".join([*lines[:at], text, *lines[at:]])
    settings = Settings(questionnaire="tip-2009", severities={r: None for r in registry() if r not in _RUN})
    report = check_text(cable, "host.txt", settings)
    line = at + 1
    return Outcome(frozenset(f.rule for f in report.findings if f.line == line),
                   tuple((r.target or "", r.valid) for r in report.cross_references if r.line == line))


@dataclass
class Tally:
    true_positives: int = 0
    false_positives: int = 0
    false_negatives: int = 0
    wrong: list[str] = field(default_factory=list)

    def add(self, expected: Iterable[object], found: Iterable[object], text: str) -> None:
        want, have = Counter(expected), Counter(found)
        self.true_positives += sum((want & have).values())
        extra, missed = have - want, want - have
        self.false_positives += sum(extra.values())
        self.false_negatives += sum(missed.values())
        self.wrong += [f"extra {item}: {text}" for item in extra] + [f"missed {item}: {text}" for item in missed]

    @property
    def precision(self) -> float:
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else 1.0

    @property
    def recall(self) -> float:
        expected = self.true_positives + self.false_negatives
        return self.true_positives / expected if expected else 1.0


def expected(sentence: Sentence) -> dict[str, list[object]]:
    return {
        **{rule: [rule] if sentence.label == rule else [] for rule in GAP_RULES},
        "cross-reference": list(sentence.refs),
        "broken-cross-reference": ["broken"] if any(not valid for _, valid in sentence.refs) else [],
    }


def found(result: Outcome) -> dict[str, list[object]]:
    return {
        **{rule: [rule] if rule in result.rules else [] for rule in GAP_RULES},
        "cross-reference": list(result.refs),
        "broken-cross-reference": ["broken"] if "broken-cross-reference" in result.rules else [],
    }


def score(sentences: Iterable[Sentence]) -> dict[str, Tally]:
    """Precision and recall per rule: a finding on a sentence of another category is a false positive."""
    tallies = {rule: Tally() for rule in SCORED}
    for sentence in sentences:
        want, have = expected(sentence), found(outcome(sentence.text))
        for rule in SCORED:
            tallies[rule].add(want[rule], have[rule], f"[{sentence.category}] {sentence.text}")
    return tallies
