"""Shared fixtures: where the read-only material in ../shared is, and the label files."""

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
SHARED = ROOT.parent / "shared"
CABLES = SHARED / "cables"
SEED = ROOT / "examples" / "09MEXICO828.txt"
LABEL_DIRS = (SHARED / "labels", ROOT / "tests" / "labels")


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
    return SHARED / str(label["cable"])


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.fail(f"../shared is missing: expected {SHARED}")
    return SHARED
