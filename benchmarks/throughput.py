"""Cables per second: the library API in one process, and the batch command line with --jobs 1 and --jobs 2.

    python benchmarks/throughput.py [--copies 1000]

Writes `copies` copies of the seed cable to a temporary directory. Every memo keyed by cable text is emptied
before each API check, so that a copy costs what a new cable does (the command line's copies find the memos
filled). Targets: at least 50 cables/s per core, and --jobs 2 near twice --jobs 1 (on a machine with two free
cores). Each rate is also given per CPU-second (the process's CPU time, or its children's for the command line,
start-up included), which is the rate per core on a machine that other work keeps busy.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

from common import SEED, clear_text_caches, machine, python
from tipcheck import api


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--copies", type=int, default=300)
    parser.add_argument("--api-copies", type=int, default=None, help="copies for the API run (default: all)")
    args = parser.parse_args()
    print(machine())
    with tempfile.TemporaryDirectory(prefix="tipcheck-bench-") as tmp:
        folder = Path(tmp, "cables")
        folder.mkdir()
        data = SEED.read_bytes()
        for i in range(args.copies):
            (folder / f"cable{i:05d}.txt").write_bytes(data)
        files = sorted(folder.iterdir())

        api.check_file(files[0])  # models loaded, as in any long-running process
        subset = files[: args.api_copies or len(files)]
        started, cpu = time.perf_counter(), time.process_time()
        for path in subset:
            clear_text_caches()
            api.check_file(path)
        seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
        print(f"api.check_file, one process: {len(subset)} cables in {seconds:.1f} s = "
              f"{len(subset) / seconds:.1f} cables/s; {len(subset) / cpu:.1f} per CPU-second")

        script = shutil.which("tipcheck")
        base = [script] if script else [python(), "-m", "tipcheck"]
        rates = {}
        for jobs in (1, 2):
            command = [*base, "check", "--jobs", str(jobs), "-f", "json", "-o", os.path.join(tmp, "out.json"),
                       str(folder)]
            started, cpu = time.perf_counter(), _children_cpu()
            done = subprocess.run(command, capture_output=True, text=True, check=False)
            seconds, cpu = time.perf_counter() - started, _children_cpu() - cpu
            if done.returncode not in (0, 1):
                print(f"--jobs {jobs}: failed ({done.returncode}): {done.stderr.strip()[:300]}")
                continue
            rate = args.copies / seconds
            rates[jobs] = rate
            print(f"tipcheck check --jobs {jobs}: {args.copies} cables in {seconds:.1f} s = {rate:.1f} cables/s "
                  f"({rate / jobs:.1f} per process); {args.copies / cpu:.1f} per CPU-second")
        if len(rates) == 2:
            print(f"--jobs 2 / --jobs 1: {rates[2] / rates[1]:.2f} (2.0 = linear)")


def _children_cpu() -> float:
    """CPU seconds (user and system) of this process's children that have ended, workers included."""
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


if __name__ == "__main__":
    main()
