"""`python -m tipcheck`: the same as the `tipcheck` command."""

from tipcheck.cli.main import main

if __name__ == "__main__":
    main()
