"""Start-up: `tipcheck check` on the seed cable, `tipcheck --version` and `tipcheck rules` against the floor of
tipcheck's own imports, as wall-clock time of whole processes.

    python benchmarks/startup.py [--runs 15] [--before /tmp/before/src]

The commands are run in turn, round after round (so a change in machine load hits all of them), and the medians
compared. Each runs from cached bytecode, as an installed program does: with PYTHONDONTWRITEBYTECODE set (as in
some sandboxes) an editable install compiles all of tipcheck's source on every start, while its dependencies
start from the bytecode pip wrote. The bytecode goes to a temporary PYTHONPYCACHEPREFIX (the floor's too), not
into the source tree; `--as-is` runs the commands in the environment as it is. Also lists which heavy modules
(pydantic, jsonschema, rich, ...) each command imports (`python -X importtime`). Targets: check at most 1.5 x
the floor; --version and rules at most 1.2 x. With `--before SRC`, another source tree's commands (an older
commit checked out with `git worktree add --detach /tmp/before COMMIT`) take their turns in the same rounds, run
with `PYTHONPATH=SRC` on the same Python and libraries.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import tempfile
import time

from common import NEUTRAL, SEED, machine, python, with_bytecode

FLOOR = [python(), "-c", "import typer, yaml, rapidfuzz, tabulate"]
HEAVY = ("pydantic", "jsonschema", "rich", "tabulate", "rapidfuzz", "yaml", "typer", "click")
TARGETS = {"check": 1.5, "--version": 1.2, "rules": 1.2}


def tipcheck(*args: str) -> list[str]:
    script = shutil.which("tipcheck")
    return [script, *args] if script else [python(), "-m", "tipcheck", *args]


def timed(command: list[str], env: dict[str, str] | None) -> tuple[float, float]:
    """Wall-clock and CPU (user + system) seconds of the command."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False, env=env, cwd=NEUTRAL)
    elapsed = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return elapsed, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime


def imported(args: list[str], env: dict[str, str] | None) -> list[str]:
    """The heavy top-level packages the command imports."""
    code = f"import sys; sys.argv = ['tipcheck', *{args!r}]; from tipcheck.cli.main import main; main()"
    done = subprocess.run([python(), "-X", "importtime", "-c", code], capture_output=True, text=True, check=False,
                          env=env, cwd=NEUTRAL)
    names = {line.split("|")[-1].strip().split(".")[0] for line in done.stderr.splitlines() if "|" in line}
    return sorted(n for n in HEAVY if n in names)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--as-is", action="store_true", help="run in the environment as it is (no bytecode cache)")
    parser.add_argument("--before", metavar="SRC", help="another source tree to measure in the same rounds")
    args = parser.parse_args()
    print(machine())
    with tempfile.TemporaryDirectory(prefix="tipcheck-bytecode-") as cache:
        env = None if args.as_is else with_bytecode(cache)
        print("environment as it is" if env is None else "from cached bytecode (PYTHONPYCACHEPREFIX)")
        trees = {"": env}
        if args.before:
            trees = {"before ": {**(env or os.environ), "PYTHONPATH": args.before}, "after ": env}
        measure(args.runs, trees)


ARGUMENTS = {"check": ["check", str(SEED)], "--version": ["--version"], "rules": ["rules"]}
Key = tuple[str, str]  # (command, tree)
Env = dict[str, str] | None


def measure(runs: int, trees: dict[str, dict[str, str] | None]) -> None:
    """Each tree's commands and the floor in turn, round after round; medians against the floor's."""
    commands: dict[Key, tuple[list[str], Env]] = {("floor", ""): (FLOOR, list(trees.values())[-1])}
    for tree, env in trees.items():
        commands |= {(name, tree): (tipcheck(*argv), env) for name, argv in ARGUMENTS.items()}
    times = rounds(runs, commands)
    # wall-clock as the user waits; CPU time, which other work on a shared machine disturbs less
    wall = {key: statistics.median(w for w, _ in t) for key, t in times.items()}
    cpu = {key: statistics.median(c for _, c in t) for key, t in times.items()}
    print(f"floor      {' '.join(FLOOR[1:])!r}: medians of {runs}: {wall['floor', ''] * 1000:.0f} ms wall-clock, "
          f"{cpu['floor', ''] * 1000:.0f} ms CPU")
    for tree, env in trees.items():
        report(tree, env, wall, cpu)


def rounds(runs: int, commands: dict[Key, tuple[list[str], Env]]) -> dict[Key, list[tuple[float, float]]]:
    """The wall-clock and CPU times of each command, run in turn `runs` times (after one run each that warms the
    file cache and writes the bytecode)."""
    for command, env in commands.values():
        timed(command, env)
    times: dict[Key, list[tuple[float, float]]] = {key: [] for key in commands}
    for _ in range(runs):
        for key, (command, env) in commands.items():
            times[key].append(timed(command, env))
    return times


def report(tree: str, env: dict[str, str] | None, wall: dict[Key, float], cpu: dict[Key, float]) -> None:
    for name, target in TARGETS.items():
        key = (name, tree)
        print(f"{tree}{name:<10} {wall[key] * 1000:.0f} ms = {wall[key] / wall['floor', '']:.2f} x the floor; CPU "
              f"{cpu[key] * 1000:.0f} ms = {cpu[key] / cpu['floor', '']:.2f} x (target <= {target})")
    for name, argv in ARGUMENTS.items():
        print(f"{tree}{name:<10} imports: {', '.join(imported(argv, env)) or 'none of ' + ', '.join(HEAVY)}")


if __name__ == "__main__":
    main()
