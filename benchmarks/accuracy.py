"""Score tipcheck against every hand-made label: precision and recall per rule.

    python benchmarks/accuracy.py [--per-cable]

Labels are tests/data/labels/*.yaml (the seed's ground truth) and tests/labels/*.yaml (ours). For each label the
cable is checked with the label's questionnaire and every claim is compared as a set of items:

- answered:                (question, marker line) of each answered question
- unanswered:              question ids left unanswered
- misnumbered-paragraph:   (line, printed number, number meant)
- stray-paragraph-mark:    line
- seeking-information:     line (a flagged not-gap counts as a false positive, as any other extra line)
- information-unavailable: line
- cross-reference:         (line, target, valid) of every cross-reference found and resolved
- broken-cross-reference:  line of each reference that points at nothing
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from tabulate import tabulate

from tipcheck.api import check_file
from tipcheck.results import CableReport
from tipcheck.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"  # the vendored cables and labels: label `cable:` paths are relative to it
LABEL_DIRS = (DATA / "labels", ROOT / "tests" / "labels")
CATEGORIES = ("answered", "unanswered", "misnumbered-paragraph", "stray-paragraph-mark", "seeking-information",
              "information-unavailable", "cross-reference", "broken-cross-reference")


@dataclass
class Tally:
    true_positives: int = 0
    false_positives: int = 0
    false_negatives: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, expected: Iterable[object], got: Iterable[object], cable: str) -> None:
        want, have = set(expected), set(got)
        self.true_positives += len(want & have)
        self.false_positives += len(have - want)
        self.false_negatives += len(want - have)
        self.misses += [f"{cable}: extra {item}" for item in sorted(have - want, key=str)]
        self.misses += [f"{cable}: missed {item}" for item in sorted(want - have, key=str)]

    @staticmethod
    def _ratio(part: int, whole: int) -> float | None:
        return part / whole if whole else None  # nothing expected and nothing found: no ratio to give

    @property
    def precision(self) -> float | None:
        return self._ratio(self.true_positives, self.true_positives + self.false_positives)

    @property
    def recall(self) -> float | None:
        return self._ratio(self.true_positives, self.true_positives + self.false_negatives)


def label_files() -> list[Path]:
    return sorted(p for d in LABEL_DIRS if d.is_dir() for p in d.glob("*.yaml"))


def expected_items(label: dict[str, Any]) -> dict[str, set[object]]:
    refs = label.get("cross_references", [])
    return {
        "answered": {(qid, e["line"]) for qid, e in label["answered"].items()},
        "unanswered": set(label["unanswered"]),
        "misnumbered-paragraph": {(m["line"], m["printed"], m["number"]) for m in label["misnumbered"]},
        "stray-paragraph-mark": {m["line"] for m in label["stray_paragraph_marks"]},
        "seeking-information": {m["line"] for m in label["seeking_information"]},
        "information-unavailable": {m["line"] for m in label["information_unavailable"]},
        "cross-reference": {(r["line"], r["target"], r["valid"]) for r in refs},
        "broken-cross-reference": {r["line"] for r in refs if not r["valid"]},
    }


def found_items(report: CableReport) -> dict[str, set[object]]:
    def lines(rule: str) -> set[object]:
        return {f.line for f in report.findings if f.rule == rule}

    return {
        "answered": {(q.id, q.line) for q in report.questions if q.status != "missing"},
        "unanswered": {q.id for q in report.questions if q.status == "missing"},
        "misnumbered-paragraph": {(f.line, f.data.get("printed"), f.data.get("expected"))
                                  for f in report.findings if f.rule == "misnumbered-paragraph"},
        "stray-paragraph-mark": lines("stray-paragraph-mark"),
        "seeking-information": lines("seeking-information"),
        "information-unavailable": lines("information-unavailable"),
        "cross-reference": {(r.line, r.target, r.valid) for r in report.cross_references},
        "broken-cross-reference": lines("broken-cross-reference"),
    }


def score(paths: list[Path]) -> tuple[dict[str, Tally], dict[str, dict[str, Tally]]]:
    totals = {c: Tally() for c in CATEGORIES}
    per_cable: dict[str, dict[str, Tally]] = {}
    for path in paths:
        label = yaml.safe_load(path.read_text(encoding="utf-8"))
        report = check_file(DATA / label["cable"], Settings(questionnaire=label["questionnaire"]))
        want, have = expected_items(label), found_items(report)
        per_cable[path.stem] = {c: Tally() for c in CATEGORIES}
        for category in CATEGORIES:
            totals[category].add(want[category], have[category], path.stem)
            per_cable[path.stem][category].add(want[category], have[category], path.stem)
    return totals, per_cable


def table(tallies: dict[str, Tally]) -> str:
    rows = [(c, t.true_positives + t.false_negatives, t.true_positives, t.false_positives, t.false_negatives,
             t.precision, t.recall) for c, t in tallies.items()]
    return tabulate(rows, headers=("rule", "expected", "TP", "FP", "FN", "precision", "recall"), floatfmt=".3f",
                    missingval="-")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--per-cable", action="store_true", help="also print a table for each labelled cable")
    args = parser.parse_args(argv)
    paths = label_files()
    if not paths:
        print(f"no label files in {', '.join(str(d) for d in LABEL_DIRS)}", file=sys.stderr)
        return 2
    totals, per_cable = score(paths)
    print(f"tipcheck accuracy against {len(paths)} labelled cables: {', '.join(p.stem for p in paths)}\n")
    print(table(totals))
    if args.per_cable:
        for name, tallies in per_cable.items():
            print(f"\n{name}\n{table(tallies)}")
    misses = [m for t in totals.values() for m in t.misses]
    if misses:
        print("\ndisagreements:")
        for miss in misses:
            print(f"  {miss}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
