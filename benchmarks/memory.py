"""Peak memory while checking many cables: it should stay flat, not grow with the number of cables.

    python benchmarks/memory.py [--cables 10000] [--step 1000] [--cli-cables N]

Library: checks the seed `--cables` times with api.check_file, dropping each report, and prints the Python heap
peak (tracemalloc) after each `--step` cables. Command line: runs `tipcheck check DIR` under `/usr/bin/time -v`
on directories of 1/10 and all of the cables and prints the maximum resident set size of each.
"""

from __future__ import annotations

import argparse
import gc
import os
import re
import shutil
import subprocess
import tempfile
import tracemalloc
from pathlib import Path

from common import SEED, machine, python
from tipcheck import api


def library(cables: int, step: int) -> None:
    api.check_file(SEED)  # models loaded and cached before measuring
    gc.collect()
    tracemalloc.start()
    peaks = []
    for i in range(1, cables + 1):
        api.check_file(SEED)
        if i % step == 0:
            _, peak = tracemalloc.get_traced_memory()
            peaks.append(peak)
            print(f"after {i:>6} cables: heap peak {peak / 1e6:6.1f} MB", flush=True)
            tracemalloc.reset_peak()
    tracemalloc.stop()
    print(f"library: last / first peak = {peaks[-1] / peaks[0]:.2f} (1.0 = flat)")


def command_line(cables: int) -> None:
    if not Path("/usr/bin/time").exists():
        print("command line: /usr/bin/time not found; skipped")
        return
    script = shutil.which("tipcheck")
    base = [script] if script else [python(), "-m", "tipcheck"]
    rss = {}
    with tempfile.TemporaryDirectory(prefix="tipcheck-mem-") as tmp:
        data = SEED.read_bytes()
        for count in (cables // 10, cables):
            folder = Path(tmp, f"c{count}")
            folder.mkdir()
            for i in range(count):
                (folder / f"cable{i:05d}.txt").write_bytes(data)
            done = subprocess.run(["/usr/bin/time", "-v", *base, "check", "-f", "json", "-o",
                                   os.path.join(tmp, "out.json"), str(folder)],
                                  capture_output=True, text=True, check=False)
            m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", done.stderr)
            rss[count] = int(m.group(1)) / 1000 if m else float("nan")
            print(f"tipcheck check on {count} cables: max RSS {rss[count]:.0f} MB (exit {done.returncode})",
                  flush=True)
    small, large = cables // 10, cables
    print(f"command line: RSS at {large} / at {small} cables = {rss[large] / rss[small]:.2f} (1.0 = flat)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cables", type=int, default=10_000)
    parser.add_argument("--step", type=int, default=1000)
    parser.add_argument("--cli-cables", type=int, default=None, help="cables for the command line (default: --cables)")
    parser.add_argument("--skip-cli", action="store_true")
    args = parser.parse_args()
    print(machine())
    library(args.cables, args.step)
    if not args.skip_cli:
        command_line(args.cli_cables or args.cables)


if __name__ == "__main__":
    main()
