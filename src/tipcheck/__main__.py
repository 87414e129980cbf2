"""`python -m tipcheck`: the same as the `tipcheck` command."""

from tipcheck.cli import main

if __name__ == "__main__":
    main()
