"""`python -m tipcheck`, and the `tipcheck` program: the command line in a process of its own."""

import gc
import sys

# The young generation's size while the command runs (Python's default: 700). A check makes no reference cycles
# (every object it builds is freed by its reference count), so a collection during it frees nothing; at 700 the
# objects a check of the seed builds set off ~4 young collections a cable and some older ones (~0.3 ms of its CPU;
# 300 cables: 1,120 collections, 88 ms). At 10,000 a cable of that size sets off none (300 cables: 4, 2 ms), and a
# 10 MB cable's collections each look at more objects but are fewer. Memory is the same: no garbage waits for the
# collector (`benchmarks/memory.py`: 10 MB cable 93-94 MB either way).
YOUNG_GENERATION = 10_000


def run() -> None:
    """Start the command line, its modules and those of the command it runs (for `check`, the whole checker:
    `cli.main.prepare`) imported with the cyclic garbage collector paused: what they make (modules, classes, the
    command line) lives as long as the process, so a collection among them frees nothing, and importing typer,
    click, the command line and the checker sets off ~40 (~4 ms of CPU). What was made is frozen (never looked at
    by the collector again, so not at every collection the checking sets off either: ~7 % of the CPU time of
    checking one cable) before the collector runs again, with a young generation of YOUNG_GENERATION objects (the
    workers of `--jobs` are forked with it). Not in cli.main.main(), which tests call many times in one process."""
    gc.disable()
    try:
        from tipcheck.cli.main import main, prepare

        prepare(sys.argv[1:])
    finally:
        gc.freeze()
        _, older, oldest = gc.get_threshold()
        gc.set_threshold(YOUNG_GENERATION, older, oldest)
        gc.enable()
    main()


if __name__ == "__main__":
    run()
