"""`python -m tipcheck`: the same as the `tipcheck` command."""

from tipcheck.cli.main import command

if __name__ == "__main__":
    command()
