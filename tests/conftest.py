"""Shared fixtures and Hypothesis profiles (a deterministic one when CI=true)."""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, settings

import vap

settings.register_profile("dev", max_examples=50, deadline=None)
settings.register_profile(
    "ci",
    max_examples=100,
    deadline=None,
    derandomize=True,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile("ci" if os.environ.get("CI") == "true" else "dev")


@pytest.fixture(scope="session")
def plan() -> vap.Plan:
    return vap.vientiane_action_plan()
