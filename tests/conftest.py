"""Shared pytest set-up: hypothesis profiles.

``ci`` (the default) is derandomized so a failure reproduces on every run and machine, keeps
no example database (a run never depends on what an earlier one found), has no deadline and
no time-based health check because shared CI runners stall, and runs 200 examples per
property. ``nightly`` runs 5,000 random examples per property; ``dev`` runs 30, for a quick
look while editing. Pick one with the environment variable ``HYPOTHESIS_PROFILE``
(``HYPOTHESIS_PROFILE=nightly pytest``).
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

# Neither points at a defect: too_slow counts seconds, which a busy machine stretches, and
# data_too_large depends on which draws come up (by chance in the random profiles).
_LOAD_SENSITIVE = [HealthCheck.too_slow, HealthCheck.data_too_large]

settings.register_profile(
    "ci",
    derandomize=True,
    database=None,
    deadline=None,
    max_examples=200,
    suppress_health_check=_LOAD_SENSITIVE,
)
settings.register_profile(
    "nightly",
    max_examples=5000,
    deadline=None,
    suppress_health_check=_LOAD_SENSITIVE,
)
settings.register_profile(
    "dev",
    max_examples=30,
    deadline=None,
    suppress_health_check=_LOAD_SENSITIVE,
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
