"""factcheck: extract quantitative claims from prose and check them against each other."""

__version__ = "0.1.0"
