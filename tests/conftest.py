"""Shared fixtures: where the vendored test data (tests/data: real cables, labels, schemas) is, and the label files."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, settings

# Property tests (tests/test_properties.py): a quick run by default, thorough with HYPOTHESIS_PROFILE=long.
settings.register_profile("default", max_examples=8, deadline=None, derandomize=False,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.register_profile("long", max_examples=400, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"  # vendored: a clone needs nothing beside it (sources in tests/data/INDEX.md)
CABLES = DATA / "cables"
NEGATIVES = DATA / "negatives"
SCHEMAS = DATA / "schemas"
SEED = ROOT / "examples" / "09MEXICO828.txt"
LABEL_DIRS = (DATA / "labels", ROOT / "tests" / "labels")


def label_files() -> list[Path]:
    return sorted(p for d in LABEL_DIRS if d.is_dir() for p in d.glob("*.yaml"))


def load_label(name: str) -> dict[str, Any]:
    for d in LABEL_DIRS:
        p = d / f"{name}.yaml"
        if p.exists():
            data: dict[str, Any] = yaml.safe_load(p.read_text(encoding="utf-8"))
            return data
    raise FileNotFoundError(name)


def cable_path(label: dict[str, Any]) -> Path:
    """The cable a label describes: its `cable:` path is relative to tests/data."""
    return DATA / str(label["cable"])


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")
