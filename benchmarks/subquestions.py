"""How much the sub-question pass (rule partial-answer) adds to `tipcheck check` on the seed cable.

    python benchmarks/subquestions.py [CABLE ...] [--repeat N]

Times api.check_file with every rule on, and with partial-answer off (which skips the pass), taking the best of
N interleaved runs of each after one warm-up run (imports and the bundled model are loaded once, as in a real
run), and the pass alone on the cable's alignment. Every memo keyed by cable text is emptied before each run (as
in check.py), so that a repeated cable costs what a new one does. The issue's budget: the pass must not more than
double the check's time.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from common import clear_text_caches
from tipcheck.analysis import subquestions
from tipcheck.analysis.align import align
from tipcheck.analysis.sentences import answer_sentences
from tipcheck.api import check_file, read_file, resolve_questionnaire
from tipcheck.reading.cable import read_cable
from tipcheck.reading.segment import segment
from tipcheck.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "09MEXICO828.txt"
WITHOUT = Settings(severities={"partial-answer": None})


def best_times(path: Path, repeat: int) -> tuple[float, float]:
    """Best (with the pass, without it) times, runs interleaved so load from other processes hits both."""
    check_file(path, Settings())  # warm-up
    check_file(path, WITHOUT)
    with_pass, without = [], []
    for _ in range(repeat):
        clear_text_caches()
        start = time.perf_counter()
        check_file(path, Settings())
        with_pass.append(time.perf_counter() - start)
        clear_text_caches()
        start = time.perf_counter()
        check_file(path, WITHOUT)
        without.append(time.perf_counter() - start)
    return min(with_pass), min(without)


def pass_alone(path: Path, repeat: int) -> float:
    """Best time of the sub-question pass by itself on the cable's alignment."""
    cable = read_cable(read_file(path), str(path))
    model, _ = resolve_questionnaire(cable, Settings())
    alignment = align(segment(cable), model)
    sentences = answer_sentences(alignment.segmentation.units)
    times = []
    for _ in range(repeat):
        clear_text_caches()
        start = time.perf_counter()
        subquestions.check_alignment(alignment, sentences)
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("cables", nargs="*", type=Path, default=[SEED])
    parser.add_argument("--repeat", type=int, default=10)
    args = parser.parse_args()
    worst = 0.0
    for path in args.cables:
        with_pass, without = best_times(path, args.repeat)
        alone = pass_alone(path, args.repeat)
        ratio = with_pass / without
        worst = max(worst, ratio)
        print(f"{path.name}: check {with_pass * 1000:.1f} ms with the sub-question pass, "
              f"{without * 1000:.1f} ms without (x{ratio:.2f}); the pass alone {alone * 1000:.1f} ms")
    print(f"worst ratio x{worst:.2f} ({'within' if worst <= 2.0 else 'OVER'} the x2.00 budget)")


if __name__ == "__main__":
    main()
