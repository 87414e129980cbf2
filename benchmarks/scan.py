"""Scanning an archive: `tipcheck check FOLDER --jobs 2` on a large folder of mixed cables, most not replies.

    python benchmarks/scan.py [--files 10000] [--small 2000] [--jobs 2]

Builds a folder from the real cables in tests/data (replies, partial replies and non-replies) plus generated
cables that are not replies, until it holds `--files` files: cables from posts and from the Department with
subjects of every kind (meetings, press guidance on the TIP report, hero nominations, demarches, funding
proposals, a child-labour report with lettered answers), some citing a TIP tasking cable, and notes with no
header at all. Their paragraphs are sentences of the real non-replies, shuffled. Then it times the scan
(`-f json -o FILE`), checks that exactly the real replies were checked, and measures the peak memory of the
scan at `--small` files and at `--files` files (the largest resident set of any of its processes).

Targets (issue 13): at least 500 cables/s with --jobs 2; memory flat from 2,000 to 10,000 files; deciding that
a cable is not a reply costs well under a millisecond beyond reading it (measured here in one process too).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import ROOT, machine, python

DATA = ROOT / "tests" / "data"
POSTS = ["ABUJA", "ACCRA", "ANKARA", "BAKU", "BERN", "BOGOTA", "CANBERRA", "DAKAR", "HANOI", "KABUL", "LIMA",
         "LUSAKA", "MADRID", "MINSK", "OSLO", "PRAGUE", "QUITO", "RABAT", "RIGA", "SEOUL", "SOFIA", "TUNIS"]
TOPICS = ["AMBASSADOR MEETS INTERIOR MINISTER ON BORDER SECURITY", "ECONOMIC OUTLOOK AND BUDGET DEBATE",
          "ELECTION PREPARATIONS ENTER FINAL WEEK", "DEFENSE REFORMS AND NATO MEMBERSHIP",
          "2009 TIP REPORT: PRESS GUIDANCE AND DEMARCHE", "NOMINATION OF A TIP HERO",
          "PUBLIC REACTION TO THE TIP REPORT", "TRAFFICKING IN PERSONS NARRATIVE AND DEMARCHE DELIVERED",
          "TIP INTERIM ASSESSMENT", "REQUEST FOR G/TIP FUNDS: PROPOSAL", "2008 WORST FORMS OF CHILD LABOR REPORT",
          "COUNTERNARCOTICS COOPERATION", "MEDIA REACTION TO THE HUMAN RIGHTS REPORT", "TIP SYMPOSIUM HELD"]
TASKING_REFS = ["08 STATE 132759", "10 STATE 2094", "08 STATE 2731", "STATE 161287", "09 STATE 59732"]


def sentences() -> list[str]:
    """The sentences of the real non-replies' bodies (header lines left out)."""
    found: list[str] = []
    for path in sorted((DATA / "negatives").glob("*.txt")):
        text = " ".join(path.read_text(encoding="utf-8", errors="replace").split())
        found += [s for s in re.split(r"(?<=[.?!])\s+", text) if 40 <= len(s) <= 400 and ":" not in s[:20]]
    return found


def generated(i: int, pool: list[str], rng: random.Random) -> str:
    """One cable that is not a reply: a post's or the Department's cable on some subject, or a bare note."""
    paragraphs = [" ".join(rng.sample(pool, rng.randint(2, 6))) for _ in range(rng.randint(3, 14))]
    if i % 10 == 9:  # a note with no header, in prose
        return "\n\n".join(paragraphs) + "\n"
    post = rng.choice(POSTS)
    sender = "SECSTATE WASHDC" if i % 7 == 0 else f"AMEMBASSY {post}"
    lettered = i % 5 == 0  # answers to another tasking's lettered questions (funding, child labour)
    body = [f"{'ABCDEFGHIJKLMNOPQRSTUVWXYZ'[n]}. (SBU) {p}" if lettered else f"{n + 1}. (SBU) {p}"
            for n, p in enumerate(paragraphs)]
    header = [f"R {rng.randint(10, 28)}1200Z MAR 0{rng.randint(5, 9)}", f"FM {sender}", "TO SECSTATE WASHDC",
              "", f"UNCLAS {post} {rng.randint(10, 2000):06d}", "", "SIPDIS", "", "E.O. 12958: N/A",
              "TAGS: PREL PGOV KTIP", f"SUBJECT: {post}: {rng.choice(TOPICS)}", ""]
    if i % 3 == 0:
        header += [f"REF: {rng.choice(TASKING_REFS)}", ""]
    return "\n".join(header) + "\n" + "\n\n".join(body) + "\n"


def build(folder: Path, count: int, seed: int = 13) -> int:
    """Fill `folder` with the real cables and generated non-replies, `count` files in all; return the number
    of real replies among them."""
    folder.mkdir()
    real = [*sorted((DATA / "cables").glob("*.txt")), *sorted((DATA / "cables" / "partial").glob("*.txt")),
            *sorted((DATA / "negatives").glob("*.txt"))]
    for path in real:
        shutil.copyfile(path, folder / path.name)
    pool, rng = sentences(), random.Random(seed)
    for i in range(count - len(real)):
        (folder / f"gen{i:05d}.txt").write_text(generated(i, pool, rng), encoding="utf-8")
    return len(real) - len(list((DATA / "negatives").glob("*.txt")))


def scan(folder: Path, jobs: int, report: Path) -> tuple[float, int, int]:
    """Seconds, exit code and peak resident set (KB) of `tipcheck check FOLDER --jobs N -f json -o REPORT`."""
    measure = ("import resource, subprocess, sys, time; t = time.perf_counter(); "
               "code = subprocess.run(sys.argv[1:]).returncode; "
               "print(time.perf_counter() - t, code, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    command = [python(), "-c", measure, python(), "-m", "tipcheck", "check", str(folder), "--jobs", str(jobs),
               "-f", "json", "-o", str(report), "--fail-on", "never"]
    seconds, code, peak = subprocess.run(command, capture_output=True, text=True, check=True).stdout.split()
    return float(seconds), int(code), int(peak)


def decision_cost(folder: Path, limit: int = 2000) -> tuple[float, float]:
    """Milliseconds per generated cable to read it, and to decide it is not a reply, in one process."""
    from tipcheck import api
    from tipcheck.analysis.detect import detect
    from tipcheck.reading.cable import read_cable

    facts = api.bundled_facts()
    data = [(str(p), p.read_bytes()) for p in sorted(folder.glob("gen*.txt"))[:limit]]
    started = time.perf_counter()
    cables = [read_cable(raw, name) for name, raw in data]
    read = time.perf_counter()
    verdicts = [detect(cable, facts) for cable in cables]
    decided = time.perf_counter()
    assert not any(v.reply for v in verdicts), [v.reason for v in verdicts if v.reply][:3]
    return 1000 * (read - started) / len(data), 1000 * (decided - read) / len(data)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--files", type=int, default=10000)
    parser.add_argument("--small", type=int, default=2000)
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    print(machine())
    with tempfile.TemporaryDirectory(prefix="tipcheck-scan-") as tmp:
        results = {}
        for count in (args.small, args.files):
            folder = Path(tmp, f"archive{count}")
            replies = build(folder, count)
            seconds, code, peak = scan(folder, args.jobs, Path(tmp, f"report{count}.json"))
            cables = json.loads(Path(tmp, f"report{count}.json").read_text(encoding="utf-8"))["cables"]
            checked = sum(c["reply"] for c in cables)
            assert len(cables) == count and checked == replies, (len(cables), checked, replies)
            results[count] = (seconds, peak)
            print(f"{count} files ({replies} replies checked, {count - replies} skipped): {seconds:.1f} s = "
                  f"{count / seconds:.0f} cables/s with --jobs {args.jobs}, exit {code}, peak RSS {peak / 1024:.0f} MB")
        read_ms, decide_ms = decision_cost(Path(tmp, f"archive{args.files}"))
        print(f"per generated non-reply, one process: read {read_ms:.3f} ms, decide {decide_ms:.3f} ms")
        small_rss, (big_s, big_rss) = results[args.small][1], results[args.files]
        print(f"memory {args.files} vs {args.small} files: {big_rss / small_rss:.2f}x (target: flat); "
              f"speed {args.files / big_s:.0f} cables/s (target >= 500)")


if __name__ == "__main__":
    sys.exit(main())
