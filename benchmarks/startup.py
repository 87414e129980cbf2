"""`tipcheck check` on the seed cable against the floor of its own imports, as wall-clock time of whole processes.

    python benchmarks/startup.py [--runs 15]

The two commands are run alternately (so a change in machine load hits both) and the medians compared.
Target: tipcheck at most 1.5 x the floor.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import time

from common import SEED, machine, python

FLOOR = [python(), "-c", "import typer, yaml, rapidfuzz, tabulate"]


def tipcheck_command() -> list[str]:
    script = shutil.which("tipcheck")
    return [script, "check", str(SEED)] if script else [python(), "-m", "tipcheck", "check", str(SEED)]


def wall(command: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    print(machine())
    check = tipcheck_command()
    wall(FLOOR), wall(check)  # warm the file cache
    floor_times, check_times = [], []
    for _ in range(args.runs):
        floor_times.append(wall(FLOOR))
        check_times.append(wall(check))
    floor, total = statistics.median(floor_times), statistics.median(check_times)
    print(f"floor  {' '.join(FLOOR[1:])!r}: median {floor * 1000:.0f} ms")
    print(f"check  {' '.join(check[1:])!r}: median {total * 1000:.0f} ms")
    print(f"ratio check / floor: {total / floor:.2f} (target <= 1.5)")


if __name__ == "__main__":
    main()
