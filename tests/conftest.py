"""Hypothesis profiles: the default run stays quick; FACTCHECK_HYPOTHESIS=thorough runs many more
examples of every property (see tests/test_session.py for the scan-wide ones)."""

from __future__ import annotations

import os
import tempfile

from hypothesis import HealthCheck, settings

settings.register_profile("thorough", max_examples=2000, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
if os.environ.get("FACTCHECK_HYPOTHESIS") == "thorough":
    settings.load_profile("thorough")

# compiled patterns go to a cache of this test run, never to the user's (child processes inherit it)
os.environ["FACTCHECK_CACHE_DIR"] = tempfile.mkdtemp(prefix="factcheck-test-cache-")
