"""Precision and recall of the gap rules and cross-references on the sentence corpus (tests/data/sentences/).

    python benchmarks/gap_sentences.py [--half dev|test-1|...|test-7] [--wrong]

Each sentence is put into a copy of the seed reply (09MEXICO828, the answer to protection.E) and the whole
check runs on it (tests/sentence_corpus.py says how). A finding of a gap rule on a sentence of another category
is a false positive; a cross-reference counts by (target, valid). dev and test-1 to test-6 are tuned on; test-7
was written blind, scored once at its release and is never tuned on (the final test half); benchmarks/README.md
records the figures.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from tabulate import tabulate

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from sentence_corpus import HALVES, load, score


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--half", choices=HALVES, default="dev")
    parser.add_argument("--wrong", action="store_true", help="list every sentence scored wrong")
    args = parser.parse_args(argv)
    sentences = load(args.half)
    if not sentences:
        print(f"gap_sentences: the {args.half} part of the corpus is not in tests/data/sentences/ (not released yet?)",
              file=sys.stderr)
        return 2
    sizes = Counter(s.category for s in sentences)
    print(f"{args.half} half: {len(sentences)} sentences (" + ", ".join(f"{c} {n}" for c, n in sorted(sizes.items()))
          + ")\n")
    tallies = score(sentences)
    rows = [(rule, t.true_positives + t.false_negatives, t.true_positives, t.false_positives, t.false_negatives,
             t.precision, t.recall) for rule, t in tallies.items()]
    print(tabulate(rows, headers=("rule", "expected", "TP", "FP", "FN", "precision", "recall"), floatfmt=".3f"))
    if args.wrong:
        for rule, tally in tallies.items():
            for wrong in tally.wrong:
                print(f"{rule}: {wrong}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
