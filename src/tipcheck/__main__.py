"""`python -m tipcheck`, and the `tipcheck` program: the command line in a process of its own."""

import gc
import sys


def run() -> None:
    """Start the command line, its modules and those of the command it runs (for `check`, the whole checker:
    `cli.main.prepare`) imported with the cyclic garbage collector paused: what they make (modules, classes, the
    command line) lives as long as the process, so a collection among them frees nothing, and importing typer,
    click, the command line and the checker sets off ~40 (~4 ms of CPU). What was made is frozen (never looked at
    by the collector again, so not at every collection the checking sets off either: ~7 % of the CPU time of
    checking one cable) before the collector runs again. Not in cli.main.main(), which tests call many times in
    one process."""
    gc.disable()
    try:
        from tipcheck.cli.main import main, prepare

        prepare(sys.argv[1:])
    finally:
        gc.freeze()
        gc.enable()
    main()


if __name__ == "__main__":
    run()
