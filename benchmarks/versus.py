"""Before and after, side by side in one run: this checkout's tipcheck against another source tree's.

    git worktree add --detach /tmp/before COMMIT
    python benchmarks/versus.py /tmp/before/src [--runs 11] [--rounds 3]

In-process: each tree checks the seed `--runs` times in a child process (models loaded first; the memos keyed by
cable text that either tree has emptied before each run: an older tree's, `common.TEXT_CACHES`) and
reports the median CPU time; the trees take turns, `--rounds` times, and the median of the medians is kept.
Start-up: `python -m tipcheck check SEED`, `--version` and `rules` of each tree and the import floor (`import typer,
yaml, rapidfuzz, tabulate`), in turn, wall-clock medians of `--runs` rounds, from cached bytecode in a folder with
no configuration, as `startup.py` runs them. Both trees run on this checkout's Python and libraries.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

from common import NEUTRAL, SEED, TEXT_CACHES, machine, python, with_bytecode

HERE = Path(__file__).resolve().parent.parent / "src"
CHILD = f"TEXT_CACHES = {TEXT_CACHES!r}\n" + """
import statistics, sys, time
from tipcheck import api
def clear():
    for name, function in TEXT_CACHES:
        memo = getattr(sys.modules.get(name), function, None)
        if memo is not None and hasattr(memo, "cache_clear"):
            memo.cache_clear()
api.check_file(sys.argv[1])
times = []
for _ in range(int(sys.argv[2])):
    clear()
    started = time.process_time()
    api.check_file(sys.argv[1])
    times.append(time.process_time() - started)
print(statistics.median(times))
"""
FLOOR = "import typer, yaml, rapidfuzz, tabulate"


def _env(src: Path, base: dict[str, str] | None = None) -> dict[str, str]:
    return {**(os.environ if base is None else base), "PYTHONPATH": str(src)}


def in_process(src: Path, runs: int) -> float:
    done = subprocess.run([python(), "-c", CHILD, str(SEED), str(runs)], env=_env(src), capture_output=True,
                          text=True, check=True)
    return float(done.stdout.strip())


def wall(command: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False, cwd=NEUTRAL)
    return time.perf_counter() - started


def start_up(trees: dict[str, Path], runs: int, base: dict[str, str]) -> dict[str, float]:
    """Wall-clock medians of the floor and each tree's commands, in turn, `runs` rounds, in the environment `base`."""
    commands = {"floor": ([python(), "-c", FLOOR], base)}
    for name, src in trees.items():
        for label, argv in (("check", ["check", str(SEED)]), ("--version", ["--version"]), ("rules", ["rules"])):
            commands[f"{name} {label}"] = ([python(), "-m", "tipcheck", *argv], _env(src, base))
    for command, env in commands.values():
        wall(command, env)  # file cache warm, bytecode written
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, (command, env) in commands.items():
            times[name].append(wall(command, env))
    return {name: statistics.median(values) for name, values in times.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("before", type=Path, help="the other tree's src directory")
    parser.add_argument("--runs", type=int, default=11)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    print(machine())
    trees = {"before": args.before.resolve(), "after": HERE}
    checks: dict[str, list[float]] = {name: [] for name in trees}
    for _ in range(args.rounds):
        for name, src in trees.items():
            checks[name].append(in_process(src, args.runs))
    check = {name: statistics.median(values) for name, values in checks.items()}
    print(f"in-process check of {SEED.name} (CPU, median of {args.rounds} x {args.runs} runs): "
          f"before {check['before'] * 1000:.1f} ms, after {check['after'] * 1000:.1f} ms, "
          f"after / before {check['after'] / check['before']:.2f}")
    with tempfile.TemporaryDirectory(prefix="tipcheck-bytecode-") as cache:
        medians = start_up(trees, args.runs, with_bytecode(cache))
    floor = medians["floor"]
    print(f"start-up, wall-clock medians of {args.runs} rounds; floor ({FLOOR}) {floor * 1000:.0f} ms")
    for label, target in (("check", 1.5), ("--version", 1.2), ("rules", 1.2)):
        before, after = medians[f"before {label}"], medians[f"after {label}"]
        print(f"  {label:<10} before {before * 1000:4.0f} ms = {before / floor:.2f} x floor; "
              f"after {after * 1000:4.0f} ms = {after / floor:.2f} x floor (target <= {target})")


if __name__ == "__main__":
    main()
