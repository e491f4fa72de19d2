"""`scan --statistics`: how many checks of each type had each verdict, most frequent first."""

from __future__ import annotations

from collections import Counter

from factcheck.model import Report
from factcheck.render.common import SYMBOL


def render_statistics(report: Report) -> str:
    """One line per (check type, verdict): the count, the type and the verdict, in columns;
    then the total. Lock findings are their own type, `lock`."""
    counts = Counter((check.type, check.verdict) for doc in report.documents for check in doc.checks)
    rows = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    width = max((len(check_type) for check_type, _ in counts), default=0)
    lines = [f"{count:>6}  {check_type:<{width}}  {SYMBOL[verdict]} {verdict}"
             for (check_type, verdict), count in rows]
    lines.append(f"{sum(counts.values()):>6}  checks in {len(report.documents)} "
                 f"document{'' if len(report.documents) == 1 else 's'}")
    return "".join(line + "\n" for line in lines)
