"""The quality gate a retrained model must pass before its files are written.

A gate file (``gate.json``, shipped beside the model) holds metric *floors* (higher is
better: a new model must not fall below them) and *ceilings* (lower is better: a new model
must not rise above them), set from the cross-validated metrics of the gated model minus
(plus) a small tolerance, :data:`DEFAULT_TOLERANCE`::

    {
      "metric_floors": {"roc_auc": 0.9103, "pr_auc": 0.6801, "recall_at_1pct_fpr": 0.5357,
                        "site_recall": 0.8745},
      "metric_ceilings": {"fpr_finance_related_legit": 0.0101, "brier": 0.065,
                          "site_fpr_finance_legit": 0.027},
      "tolerance": 0.005,
      "reference": {"model_version": "...", "roc_auc": 0.9812, ...},
      "data_sha256": "...",
      "data_limit": null,
      "notes": "..."
    }

Training is deterministic (fixed fold seed), so the same corpus and library versions give
the same figures; the tolerance only absorbs numerical drift between library versions.
A corpus with another SHA-256 than ``data_sha256`` is reported, not failed: its figures
are then measured on other pages.

Regenerate a gate from a model card with
``python -m fakeinvest.training._quality_gate CARD --out GATE``.
"""

from __future__ import annotations

import argparse
import json
import math
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from ..errors import BadInputError

__all__ = [
    "CEILING_METRICS",
    "DEFAULT_TOLERANCE",
    "FLOOR_METRICS",
    "GATE_FILE_NAME",
    "GateCheck",
    "GateResult",
    "check_gate",
    "load_gate",
    "make_gate",
]

GATE_FILE_NAME = "gate.json"
#: Allowed drop (rise) of a metric below (above) the gated model's value.
DEFAULT_TOLERANCE = 0.005
#: Metrics where higher is better.
FLOOR_METRICS = ("roc_auc", "pr_auc", "recall_at_1pct_fpr", "site_recall")
#: Metrics where lower is better.
CEILING_METRICS = ("fpr_finance_related_legit", "brier", "site_fpr_finance_legit")


@dataclass(frozen=True)
class GateCheck:
    """One metric compared with its floor or ceiling.

    Attributes
    ----------
    metric : str
    kind : {"floor", "ceiling"}
    limit : float
        The floor or ceiling.
    new : float or None
        The retrained model's value; None when the new evaluation did not measure it.
    reference : float or None
        The gated model's value the limit was derived from, when the gate records it.
    """

    metric: str
    kind: Literal["floor", "ceiling"]
    limit: float
    new: float | None
    reference: float | None = None

    @property
    def passed(self) -> bool:
        """True when the new value is measured and on the right side of the limit."""
        if self.new is None or math.isnan(self.new):
            return False
        return self.new >= self.limit if self.kind == "floor" else self.new <= self.limit

    def describe(self) -> str:
        """One line for people: metric, new value, limit, gated model's value."""
        ref = f" (gated model: {self.reference:.4f})" if self.reference is not None else ""
        if self.new is None or math.isnan(self.new):
            return f"{self.metric}: not measured by the new evaluation, {self.kind} " \
                   f"{self.limit:.4f}{ref}"
        op = (">=" if self.passed else "<") if self.kind == "floor" else \
            ("<=" if self.passed else ">")
        return f"{self.metric}: new {self.new:.4f} {op} {self.kind} {self.limit:.4f}{ref}"


@dataclass(frozen=True)
class GateResult:
    """The outcome of :func:`check_gate`.

    Attributes
    ----------
    checks : tuple of GateCheck
    notes : tuple of str
        Facts that do not fail the gate (the corpus differs from the gated model's ...).
    """

    checks: tuple[GateCheck, ...]
    notes: tuple[str, ...] = ()

    @property
    def passed(self) -> bool:
        """True when every check passed."""
        return all(c.passed for c in self.checks)

    @property
    def failures(self) -> tuple[GateCheck, ...]:
        """The checks that failed."""
        return tuple(c for c in self.checks if not c.passed)

    def report(self, notes: bool = True) -> str:
        """Multi-line summary: failed checks first, then passed ones, then the notes.

        Parameters
        ----------
        notes : bool
            Include the notes.

        Returns
        -------
        str
        """
        lines = [("FAILED " if not c.passed else "ok     ") + c.describe()
                 for c in (*self.failures, *(c for c in self.checks if c.passed))]
        if notes:
            lines += [f"note: {n}" for n in self.notes]
        return "\n".join(lines)


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value)


def _records(limit: int | None) -> str:
    return f"the first {limit}" if limit else "all"


def check_gate(gate: Mapping[str, Any], metrics: Mapping[str, Any], *,
               data_sha256: str | None = None, data_limit: int | None = None) -> GateResult:
    """Compare a new model's metrics with a gate.

    Parameters
    ----------
    gate : mapping
        A gate as written by :func:`make_gate` (``metric_floors``, ``metric_ceilings``,
        optional ``reference``, ``data_sha256``, ``data_limit``).
    metrics : mapping
        The new model's cross-validated metrics (flat: ``roc_auc``, ``pr_auc`` ...).
    data_sha256 : str, optional
        SHA-256 of the new training corpus; a difference from the gate's is noted.
    data_limit : int, optional
        Record limit of the new training run; a difference from the gate's is noted.

    Returns
    -------
    GateResult
        A metric the gate names but the new evaluation lacks fails its check.
    """
    ref = gate.get("reference") or {}
    checks = []
    for key, kind in (("metric_floors", "floor"), ("metric_ceilings", "ceiling")):
        for metric, limit in sorted((gate.get(key) or {}).items()):
            checks.append(GateCheck(metric=metric, kind=kind,  # type: ignore[arg-type]
                                    limit=float(limit), new=_number(metrics.get(metric)),
                                    reference=_number(ref.get(metric))))
    notes = []
    gated_hash = gate.get("data_sha256")
    if data_sha256 and gated_hash and data_sha256 != gated_hash:
        notes.append(f"the corpus differs from the gated model's (sha256 {data_sha256[:12]}… "
                     f"vs {str(gated_hash)[:12]}…): the figures are measured on other pages")
    gated_limit = gate.get("data_limit")
    if data_limit != gated_limit:
        notes.append(f"trained on {_records(data_limit)} records of the corpus, the gated "
                     f"model on {_records(gated_limit)}")
    return GateResult(checks=tuple(checks), notes=tuple(notes))


def make_gate(card: Mapping[str, Any], *, tolerance: float = DEFAULT_TOLERANCE,
              notes: str | None = None) -> dict[str, Any]:
    """A gate whose limits are a model's metrics minus (floors) or plus (ceilings) a tolerance.

    Parameters
    ----------
    card : mapping
        A model card (metrics under ``cv``, data under ``data``) or a flat metrics dict.
    tolerance : float
        Allowed drop of a floor metric and rise of a ceiling metric.
    notes : str, optional
        Replaces the default explanation stored in the gate.

    Returns
    -------
    dict
        JSON-serialisable gate; metrics the card lacks get no limit.
    """
    metrics = card.get("cv", card)
    data = card.get("data", {})
    floors = {m: round(max(0.0, float(metrics[m]) - tolerance), 4)
              for m in FLOOR_METRICS if _number(metrics.get(m)) is not None}
    ceilings = {m: round(min(1.0, float(metrics[m]) + tolerance), 4)
                for m in CEILING_METRICS if _number(metrics.get(m)) is not None}
    reference = {"model_version": card.get("model_version")}
    reference.update({m: metrics[m] for m in (*FLOOR_METRICS, *CEILING_METRICS)
                      if m in floors or m in ceilings})
    return {
        "metric_floors": floors,
        "metric_ceilings": ceilings,
        "tolerance": tolerance,
        "reference": reference,
        "data_sha256": data.get("sha256") or card.get("data_sha256"),
        "data_limit": data.get("limit"),
        "notes": notes or (
            f"Limits = the gated model's grouped-CV metrics -/+ {tolerance} (floors: higher "
            "is better; ceilings: lower is better). A retrain below a floor or above a "
            "ceiling is not written unless run with --allow-regression. Training is "
            "deterministic, so the tolerance only absorbs numerical drift between library "
            "versions. A different data_sha256 is reported but does not fail the gate."),
    }


def load_gate(path: str | Path) -> dict[str, Any]:
    """Read and check a gate file.

    Parameters
    ----------
    path : str or Path

    Returns
    -------
    dict

    Raises
    ------
    fakeinvest.errors.BadInputError
        The file is missing, not JSON, or its limits are not numbers.
    """
    path = Path(path)
    try:
        gate = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise BadInputError(f"cannot read gate file {path}: {exc.strerror or exc}") from exc
    except ValueError as exc:
        raise BadInputError(f"gate file {path} is not valid JSON: {exc}") from exc
    if not isinstance(gate, dict):
        raise BadInputError(f"gate file {path} must hold a JSON object")
    for key in ("metric_floors", "metric_ceilings"):
        limits = gate.get(key, {})
        if not isinstance(limits, dict) or any(_number(v) is None for v in limits.values()):
            raise BadInputError(f"gate file {path}: {key!r} must map metric names to numbers")
    if not gate.get("metric_floors") and not gate.get("metric_ceilings"):
        raise BadInputError(f"gate file {path} sets no metric_floors or metric_ceilings")
    return gate


def main(argv: list[str] | None = None) -> int:
    """Write a gate derived from a model card; returns the exit status."""
    ap = argparse.ArgumentParser(prog="python -m fakeinvest.training._quality_gate",
                                 description="Write a quality gate from a model card.")
    ap.add_argument("card", help="model_card.json of the model to gate on")
    ap.add_argument("--out", required=True, help="gate file to write")
    ap.add_argument("--tolerance", type=float, default=DEFAULT_TOLERANCE)
    args = ap.parse_args(argv)
    card = json.loads(Path(args.card).read_text(encoding="utf-8"))
    gate = make_gate(card, tolerance=args.tolerance)
    Path(args.out).write_text(json.dumps(gate, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
