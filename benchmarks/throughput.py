"""Cables per second: the library API in one process, and the batch command line with --jobs 1 and --jobs 2, on
two batches.

    python benchmarks/throughput.py [--copies 300] [--rounds 3]

* Copies: `copies` copies of the seed cable. No memo is keyed by cable text (tests/test_memos.py): a copy costs
  what a new cable does, in the API and on the command line alike (an older tree's such memos are emptied before
  each API check; its command line's copies found the gap grammar's filled, and cost ~10 % less).
* Distinct replies: every reply vendored in tests/data (tests/data/cables and its partial/, 57 real replies of
  all sizes and years; no negatives), the batch a desk officer checks. The API checks them in order, `rounds`
  times, with the memos emptied at the start of each round only (as a new process would find them: a memo hit
  between two different replies, a question restated in both, is one a real batch gets too). The command line
  checks the folder `rounds` times, each a new process, start-up included (~0.13 s of a ~1.3 s batch).

Targets: at least 50 cables/s per core, and --jobs 2 near twice --jobs 1 (on a machine with two free cores).
Each rate is given in cables and KB of cable text a second, and per CPU-second (the process's CPU time, or its
children's for the command line, start-up included): the rate per core on a machine that other work keeps busy.
The distinct replies average ~10 KB, the seed is 45 KB: their cables/s are not comparable, their KB/s are.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterable
from pathlib import Path

from common import NEUTRAL, ROOT, SEED, clear_text_caches, machine, python
from tipcheck import api

REPLIES = ROOT / "tests" / "data" / "cables"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--copies", type=int, default=300)
    parser.add_argument("--api-copies", type=int, default=None, help="copies for the API run (default: all)")
    parser.add_argument("--rounds", type=int, default=3, help="passes over the distinct replies")
    args = parser.parse_args()
    print(machine())
    with tempfile.TemporaryDirectory(prefix="tipcheck-bench-") as tmp:
        copies, distinct = Path(tmp, "copies"), Path(tmp, "distinct")
        copies.mkdir()
        distinct.mkdir()
        data = SEED.read_bytes()
        for i in range(args.copies):
            (copies / f"cable{i:05d}.txt").write_bytes(data)
        for reply in sorted([*REPLIES.glob("*.txt"), *REPLIES.glob("partial/*.txt")]):
            shutil.copyfile(reply, distinct / reply.name)
        api.check_file(SEED)  # models loaded, as in any long-running process

        print(f"copies of the seed ({len(data) / 1024:.0f} KB each):")
        files = sorted(copies.iterdir())
        _api_rate(files[: args.api_copies or len(files)], rounds=1, clear_each=True)
        _cli_rates(copies, tmp, rounds=1)

        replies = sorted(distinct.iterdir())
        size = sum(path.stat().st_size for path in replies)
        print(f"distinct replies (tests/data: {len(replies)} cables, {size / 1024:.0f} KB, "
              f"{size / 1024 / len(replies):.1f} KB a cable), {args.rounds} rounds:")
        _api_rate(replies, rounds=args.rounds, clear_each=False)
        _cli_rates(distinct, tmp, rounds=args.rounds)


def _api_rate(files: list[Path], rounds: int, clear_each: bool) -> None:
    """`api.check_file` of each file in one process, `rounds` times; memos emptied before each check, or before
    each round."""
    started, cpu = time.perf_counter(), time.process_time()
    for _ in range(rounds):
        clear_text_caches()
        for path in files:
            if clear_each:
                clear_text_caches()
            api.check_file(path)
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    _report("  api.check_file, one process:", files * rounds, seconds, cpu)


def _cli_rates(folder: Path, tmp: str, rounds: int) -> None:
    """`tipcheck check --jobs N -f json` of the folder, a new process each round, for N = 1 and 2."""
    script = shutil.which("tipcheck")
    base = [script] if script else [python(), "-m", "tipcheck"]
    files = sorted(folder.iterdir())
    rates = {}
    for jobs in (1, 2):
        command = [*base, "check", "--jobs", str(jobs), "-f", "json", "-o", os.path.join(tmp, "out.json"),
                   str(folder)]
        started, cpu = time.perf_counter(), _children_cpu()
        for _ in range(rounds):
            done = subprocess.run(command, capture_output=True, text=True, check=False, cwd=NEUTRAL)
            if done.returncode not in (0, 1):
                print(f"  --jobs {jobs}: failed ({done.returncode}): {done.stderr.strip()[:300]}")
                return
        seconds, cpu = time.perf_counter() - started, _children_cpu() - cpu
        rates[jobs] = _report(f"  tipcheck check --jobs {jobs}:", files * rounds, seconds, cpu, jobs)
    print(f"  --jobs 2 / --jobs 1: {rates[2] / rates[1]:.2f} (2.0 = linear)")


def _report(what: str, checked: Iterable[Path], seconds: float, cpu: float, processes: int = 1) -> float:
    """Print the rate in cables and KB a second, per process and per CPU-second; return cables a second."""
    paths = list(checked)
    kilobytes = sum(path.stat().st_size for path in paths) / 1024
    rate = len(paths) / seconds
    each = f" ({rate / processes:.1f} per process)" if processes > 1 else ""
    print(f"{what} {len(paths)} cables in {seconds:.1f} s = {rate:.1f} cables/s{each}, {kilobytes / seconds:.0f} KB/s; "
          f"per CPU-second {len(paths) / cpu:.1f} cables, {kilobytes / cpu:.0f} KB")
    return rate


def _children_cpu() -> float:
    """CPU seconds (user and system) of this process's children that have ended, workers included."""
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


if __name__ == "__main__":
    main()
