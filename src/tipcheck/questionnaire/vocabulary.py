"""The bundled vocabulary files that stages read (loaded once per process; the stages themselves do no I/O)."""

from __future__ import annotations

from functools import cache
from typing import Any

from tipcheck.questionnaire.model import _parse_yaml, bundled_dir

REPLY_VOCABULARY = "reply-vocabulary.yaml"  # schema: reply-vocabulary.schema.json beside it


@cache
def reply_vocabulary() -> dict[str, Any]:
    """What the reply detector (analysis/detect.py) reads: report names, reply nouns, other purposes, topics; and
    the supplement words reading/kinds.py reads."""
    # libyaml's loader, as for the models: the pure-Python one took ~15 ms of every start
    data: dict[str, Any] = _parse_yaml((bundled_dir() / REPLY_VOCABULARY).read_text(encoding="utf-8"),
                                       REPLY_VOCABULARY)
    return data

