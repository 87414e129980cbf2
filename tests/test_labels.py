"""tipcheck against every hand-made label: the seed's ground truth in tests/data/labels and ours in tests/labels.

Each label says, for one real cable, which questions are answered and where, which are not, which paragraph
numbers are wrong, where stray paragraph signs, seeking-information and unavailable-information sentences
stand, which sentences are NOT gaps, and what the cross-references point at. tipcheck must agree exactly.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import cable_path, label_files
from tipcheck.api import check_file
from tipcheck.results import CableReport
from tipcheck.settings import Settings

NUMBERING_RULES = ("misnumbered-paragraph", "duplicate-paragraph-number", "out-of-order-answer")
GAP_RULES = ("seeking-information", "information-unavailable")
LABELS = label_files()


def _label(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return data


@cache
def _checked(path: Path) -> tuple[dict[str, Any], CableReport]:
    label = _label(path)
    report = check_file(cable_path(label), Settings(questionnaire=label["questionnaire"]))
    return label, report


def _flat(text: str) -> str:
    """Lower-cased words only: wrapping, "..." elisions and punctuation do not matter."""
    return " ".join(re.findall(r"[a-z0-9/]+", text.lower()))


def _fragments(text: str) -> list[str]:
    """The label's text split at "..." elisions, each part flattened."""
    return [f for f in (_flat(part) for part in text.split("...")) if f]


@pytest.fixture(params=LABELS, ids=[p.stem for p in LABELS])
def checked(request: pytest.FixtureRequest) -> tuple[dict[str, Any], CableReport]:
    return _checked(request.param)


def test_there_are_labels_for_the_seed_and_our_cables() -> None:
    names = {p.stem for p in LABELS}
    assert {"09MEXICO828", "09REYKJAVIK49", "09REYKJAVIK50", "10SANAA295"} <= names


def test_answered_questions_their_markers_lines_and_numbers(checked: tuple[dict[str, Any], CableReport]) -> None:
    label, report = checked
    got = {q.id: q for q in report.questions if q.status != "missing"}
    assert sorted(got) == sorted(label["answered"])
    for qid, expected in label["answered"].items():
        q = got[qid]
        assert (q.line, q.marker) == (expected["line"], expected["marker"]), qid
        assert q.paragraph == expected["number"], qid


def test_unanswered_questions(checked: tuple[dict[str, Any], CableReport]) -> None:
    label, report = checked
    missing = sorted(q.id for q in report.questions if q.status == "missing")
    assert missing == sorted(label["unanswered"])
    flagged = sorted(f.question or "" for f in report.findings if f.rule == "unanswered-question")
    assert flagged == missing


def test_misnumbered_paragraphs_and_no_other_numbering_finding(
        checked: tuple[dict[str, Any], CableReport]) -> None:
    label, report = checked
    got = sorted((f.line, f.data["printed"], f.data["expected"])
                 for f in report.findings if f.rule == "misnumbered-paragraph")
    expected = sorted((m["line"], m["printed"], m["number"]) for m in label["misnumbered"])
    assert got == expected
    others = [(f.rule, f.line) for f in report.findings if f.rule in NUMBERING_RULES[1:]]
    assert others == []


def test_stray_paragraph_marks(checked: tuple[dict[str, Any], CableReport]) -> None:
    label, report = checked
    got = sorted((f.line, f.data["text"].rstrip(".")) for f in report.findings if f.rule == "stray-paragraph-mark")
    expected = sorted((m["line"], m["text"].rstrip(".")) for m in label["stray_paragraph_marks"])
    assert got == expected


def _disputed(label: dict[str, Any], key: str, tool: set[int], labelled: set[int]) -> set[int]:
    """Lines of the label's recorded disagreements with tipcheck for `key` (`disagreements:` in a label, each
    with the reason). They are left out of the comparison, but each must still be a disagreement: once
    tipcheck agrees, the test fails until the entry is removed."""
    disputed = {d["line"] for d in label.get("disagreements", []) if d["key"] == key}
    agreed = sorted(line for line in disputed if (line in tool) == (line in labelled))
    assert agreed == [], f"tipcheck now agrees with the label on {key} at lines {agreed}: remove the disagreement"
    return disputed


@pytest.mark.parametrize("rule,key", [("seeking-information", "seeking_information"),
                                      ("information-unavailable", "information_unavailable")])
def test_gap_sentences(checked: tuple[dict[str, Any], CableReport], rule: str, key: str) -> None:
    label, report = checked
    findings = [f for f in report.findings if f.rule == rule]
    disputed = _disputed(label, key, {f.line for f in findings}, {e["line"] for e in label[key]})
    assert (sorted(f.line for f in findings if f.line not in disputed)
            == sorted(e["line"] for e in label[key] if e["line"] not in disputed))
    for entry in label[key]:
        if entry["line"] in disputed:
            continue
        # several gaps can share a line (08MANAMA144 runs a whole section on one): the words tell them apart
        on_line = [f for f in findings if f.line == entry["line"]]
        found = [f for f in on_line
                 if any(part[:60] in _flat(f.excerpt or "") for part in _fragments(entry["text"]))]
        assert len(found) == 1, (entry["text"], [f.excerpt for f in on_line])
        finding = found[0]
        assert finding.question == entry["question"], entry["line"]
        if entry.get("paragraph") is not None:
            assert finding.paragraph == entry["paragraph"], entry["line"]


def test_not_gaps_are_not_flagged(checked: tuple[dict[str, Any], CableReport]) -> None:
    label, report = checked
    gaps = [f for f in report.findings if f.rule in GAP_RULES]
    flagged: dict[int, str] = {}
    for entry in label["not_gaps"]:
        # a short text ("No.") is told by its line alone; a longer one also by its words in a finding's sentence
        fragments = [part for part in _fragments(entry["text"]) if len(part.split()) >= 4]
        if any(f.line == entry["line"] or any(part in _flat(f.excerpt or "") for part in fragments) for f in gaps):
            flagged[entry["line"]] = entry["text"]
    disputed = _disputed(label, "not_gaps", set(flagged), set())
    assert [text for line, text in flagged.items() if line not in disputed] == []


def test_cross_references(checked: tuple[dict[str, Any], CableReport]) -> None:
    label, report = checked
    disputed = _disputed(label, "cross_references", {r.line for r in report.cross_references},
                         {r["line"] for r in label["cross_references"]})
    got = sorted((r.line, r.target, r.valid) for r in report.cross_references if r.line not in disputed)
    expected = sorted((r["line"], r["target"], r["valid"]) for r in label["cross_references"]
                      if r["line"] not in disputed)
    assert got == expected
    broken = sorted((f.line, f.data.get("target")) for f in report.findings if f.rule == "broken-cross-reference")
    assert [line for line, _ in broken] == sorted(r["line"] for r in label["cross_references"] if not r["valid"])
