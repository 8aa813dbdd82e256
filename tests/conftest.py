"""Shared pytest set-up: hypothesis profiles.

``ci`` (the default) is derandomized so a failure reproduces on every run and machine, has
no deadline because shared CI runners stall, and runs 200 examples per property.
``nightly`` runs 5,000 random examples per property; ``dev`` runs 30, for a quick look
while editing. Pick one with the environment variable
``HYPOTHESIS_PROFILE`` (``HYPOTHESIS_PROFILE=nightly pytest``).
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

settings.register_profile(
    "ci",
    derandomize=True,
    deadline=None,
    max_examples=200,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile(
    "nightly",
    max_examples=5000,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile(
    "dev",
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
