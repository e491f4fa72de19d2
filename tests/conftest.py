"""Hypothesis profiles: the default run stays quick; FACTCHECK_HYPOTHESIS=thorough runs many more
examples of every property (see tests/test_session.py for the scan-wide ones)."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

settings.register_profile("thorough", max_examples=2000, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
if os.environ.get("FACTCHECK_HYPOTHESIS") == "thorough":
    settings.load_profile("thorough")
