"""What a suggestion would do to the score, without running the analysis again.

The window re-analyses after every accept and shows the real change; this estimate only
orders the panel (most helpful first) and fills ``score_delta``.
"""

from __future__ import annotations

from dataclasses import replace

from tailorfit.core.kinds import Status
from tailorfit.core.match.result import Analysis, Verdict


def score_if_met(analysis: Analysis, verdict: Verdict) -> int:
    from tailorfit.core.match.analysis import score_verdicts

    verdicts = [replace(v, status=Status.MET) if v is verdict else v
                for v in analysis.verdicts]
    return score_verdicts(verdicts)[0]
