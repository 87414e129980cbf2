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


@pytest.mark.parametrize("rule,key", [("seeking-information", "seeking_information"),
                                      ("information-unavailable", "information_unavailable")])
def test_gap_sentences(checked: tuple[dict[str, Any], CableReport], rule: str, key: str) -> None:
    label, report = checked
    findings = [f for f in report.findings if f.rule == rule]
    assert sorted(f.line for f in findings) == sorted(e["line"] for e in label[key])
    for entry in label[key]:
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
    for entry in label["not_gaps"]:
        # a short text ("No.") is told by its line alone; a longer one also by its words in a finding's sentence
        fragments = [part for part in _fragments(entry["text"]) if len(part.split()) >= 4]
        wrong = [(f.rule, f.line, f.excerpt) for f in gaps
                 if f.line == entry["line"] or any(part in _flat(f.excerpt or "") for part in fragments)]
        assert wrong == [], entry["text"]


def test_cross_references(checked: tuple[dict[str, Any], CableReport]) -> None:
    label, report = checked
    got = sorted((r.line, r.target, r.valid) for r in report.cross_references)
    expected = sorted((r["line"], r["target"], r["valid"]) for r in label["cross_references"])
    assert got == expected
    broken = sorted((f.line, f.data.get("target")) for f in report.findings if f.rule == "broken-cross-reference")
    assert [line for line, _ in broken] == sorted(r["line"] for r in label["cross_references"] if not r["valid"])
