"""The word-list alternations a check asks for, stored in the package (`tipcheck/parsed/alternations.json`) so
that a check reads them instead of writing them (`tipcheck.vocabulary.alternations`). A change to a word list, or
to the module that writes the alternations, stores them again:

    python tests/alternations.py --update   # store the alternations a check of the example asks for
    python tests/alternations.py            # list what a check asks for that is not stored (exit 1 if any)

What a check asks for is found in a process of its own: which lists a process has asked for depends on what it
did before.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tipcheck import bundled
from tipcheck.vocabulary import alternations

SEED = Path(__file__).resolve().parent.parent / "examples" / "09MEXICO828.txt"
SOURCE = Path(alternations.__file__).read_bytes()
Listed = tuple[bool, tuple[str, ...]]  # adverbs, phrases


def asked_by_a_check() -> list[Listed]:
    """The lists a check of the example asks for, in the order asked."""
    code = ("import json, sys; from tipcheck import api; from tipcheck.vocabulary import alternations; "
            "api.check_file(sys.argv[1]); "
            "print(json.dumps([[adverbs, phrases] for phrases, adverbs in alternations.asked()]))")
    done = subprocess.run([sys.executable, "-c", code, str(SEED)], capture_output=True, text=True, check=True)
    return [(adverbs, tuple(phrases)) for adverbs, phrases in json.loads(done.stdout)]


def stored() -> list[tuple[bool, tuple[str, ...], str]]:
    """The stored alternations (adverbs, phrases, alternation), if stored by the module as it is."""
    return [(adverbs, tuple(phrases), text) for adverbs, phrases, text in
            bundled.read_json(alternations.STORED, SOURCE) or []]


def main(argv: list[str]) -> int:
    asked = asked_by_a_check()
    if "--update" in argv:
        print(alternations.store((phrases, adverbs) for adverbs, phrases in asked))
        return 0
    missing = set(asked) - {(adverbs, phrases) for adverbs, phrases, _ in stored()}
    for adverbs, phrases in sorted(missing):
        print(f"not stored: {' | '.join(phrases)}{' (adverbs)' if adverbs else ''}")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
