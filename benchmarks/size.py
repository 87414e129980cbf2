"""Time of `api.check_text` against cable size, 10 KB to 10 MB of repeated seed text: it should grow linearly.

    python benchmarks/size.py            # 10 KB .. 10 MB
    python benchmarks/size.py --max 2    # stop at 2 MB

Prints each size's time, its time per MB, and the ratio of the largest size's time per MB to the smallest
multi-unit size's (1.0 = perfectly linear; quadratic behaviour shows as a ratio that grows with size).
"""

from __future__ import annotations

import argparse
import time

from common import cable_of_size, machine
from tipcheck import api

SIZES_KB = [10, 30, 100, 300, 1000, 3000, 10_000]


def time_check(text: str, repeat: int = 1) -> float:
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        api.check_text(text, "<bench>")
        best = min(best, time.perf_counter() - started)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--max", type=float, default=10, help="largest size in MB")
    args = parser.parse_args()
    print(machine())
    api.check_text(cable_of_size(10_000))  # load the models once, as a long-running process would
    rows = []
    for kb in SIZES_KB:
        if kb > args.max * 1000:
            break
        text = cable_of_size(kb * 1000)
        seconds = time_check(text, repeat=3 if kb <= 300 else 1)
        rows.append((kb, len(text), seconds))
        print(f"{len(text) / 1000:>8.0f} KB  {seconds:8.3f} s  {seconds / (len(text) / 1e6):7.3f} s/MB", flush=True)
    reference = next((r for r in rows if r[0] >= 100), rows[0])
    last = rows[-1]
    ratio = (last[2] / last[1]) / (reference[2] / reference[1])
    print(f"time per MB at {last[1] / 1000:.0f} KB / at {reference[1] / 1000:.0f} KB: {ratio:.2f} (1.0 = linear)")


if __name__ == "__main__":
    main()
