"""Peak memory while checking many cables: it should stay flat, not grow with the number of cables.

    python benchmarks/memory.py [--cables 10000] [--step 1000] [--cli-cables N] [--large-mb 10]

Library: checks the seed `--cables` times with api.check_file, dropping each report, and prints the Python heap
peak (tracemalloc) after each `--step` cables. Command line: runs `tipcheck check DIR` under `/usr/bin/time -v`
on directories of 1/10 and all of the cables and prints the maximum resident set size of each. One large
cable: the maximum resident set size of `tipcheck check` on a `--large-mb` cable made of the seed's text
repeated, against that of the seed alone, and against the input's size (target: under 10 x the input).
"""

from __future__ import annotations

import argparse
import gc
import os
import re
import shutil
import subprocess
import tempfile
import time
import tracemalloc
from pathlib import Path

from common import SEED, cable_of_size, machine, python
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


def _tipcheck() -> list[str]:
    script = shutil.which("tipcheck")
    return [script] if script else [python(), "-m", "tipcheck"]


def _max_rss_mb(command: list[str]) -> tuple[float, int]:
    """Maximum resident set size of the command in MB (by /usr/bin/time -v), and its exit code."""
    done = subprocess.run(["/usr/bin/time", "-v", *command], capture_output=True, text=True, check=False)
    m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", done.stderr)
    return (int(m.group(1)) / 1000 if m else float("nan")), done.returncode


def large_cable(megabytes: float) -> None:
    with tempfile.TemporaryDirectory(prefix="tipcheck-large-") as tmp:
        large = Path(tmp, "large.txt")
        large.write_text(cable_of_size(int(megabytes * 1e6)), encoding="utf-8")
        size_mb = large.stat().st_size / 1e6
        out = os.path.join(tmp, "out.json")
        seed_rss, _ = _max_rss_mb([*_tipcheck(), "check", "-f", "json", "-o", out, str(SEED)])
        started = time.perf_counter()
        large_rss, code = _max_rss_mb([*_tipcheck(), "check", "-f", "json", "-o", out, str(large)])
        seconds = time.perf_counter() - started
    print(f"tipcheck check on the seed: max RSS {seed_rss:.0f} MB")
    print(f"tipcheck check on a {size_mb:.1f} MB cable: max RSS {large_rss:.0f} MB in {seconds:.1f} s (exit {code}) "
          f"= {large_rss / size_mb:.1f} x the input; {(large_rss - seed_rss) / size_mb:.1f} x above the seed's "
          "(target < 10 x)")


def command_line(cables: int) -> None:
    if not Path("/usr/bin/time").exists():
        print("command line: /usr/bin/time not found; skipped")
        return
    base = _tipcheck()
    rss = {}
    with tempfile.TemporaryDirectory(prefix="tipcheck-mem-") as tmp:
        data = SEED.read_bytes()
        for count in (cables // 10, cables):
            folder = Path(tmp, f"c{count}")
            folder.mkdir()
            for i in range(count):
                (folder / f"cable{i:05d}.txt").write_bytes(data)
            rss[count], code = _max_rss_mb([*base, "check", "-f", "json", "-o", os.path.join(tmp, "out.json"),
                                            str(folder)])
            print(f"tipcheck check on {count} cables: max RSS {rss[count]:.0f} MB (exit {code})", flush=True)
    small, large = cables // 10, cables
    print(f"command line: RSS at {large} / at {small} cables = {rss[large] / rss[small]:.2f} (1.0 = flat)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cables", type=int, default=10_000)
    parser.add_argument("--step", type=int, default=1000)
    parser.add_argument("--cli-cables", type=int, default=None, help="cables for the command line (default: --cables)")
    parser.add_argument("--skip-cli", action="store_true")
    parser.add_argument("--large-mb", type=float, default=10, help="size of the one large cable (0: skip)")
    args = parser.parse_args()
    print(machine())
    if args.cables:  # 0: the large cable only
        library(args.cables, args.step)
    if args.cables and not args.skip_cli:
        command_line(args.cli_cables or args.cables)
    if args.large_mb and Path("/usr/bin/time").exists():
        large_cable(args.large_mb)


if __name__ == "__main__":
    main()
