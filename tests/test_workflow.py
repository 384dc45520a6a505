"""The retrain workflow is well-formed and runs the gated `fakeinvest train`."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

WORKFLOW = Path(__file__).resolve().parents[1] / ".github" / "workflows" / "retrain.yml"


def test_workflow_text() -> None:
    text = WORKFLOW.read_text(encoding="utf-8")
    assert "\t" not in text, "YAML must be indented with spaces"
    for needed in ("workflow_dispatch:", "schedule:", "cron:", 'python-version: "3.11"',
                   'pip install -e ".[dev]"', "secrets.FAKEINVEST_CORPUS_URL",
                   "fakeinvest train --data", "--out models-new", "--gate models/gate.json",
                   "set -euo pipefail", "actions/upload-artifact@",
                   "models-new/fakeinvest-model.joblib", "models-new/model_card.json",
                   "models-new/metrics.json", "models-new/MODEL_CARD.md"):
        assert needed in text, needed
    # Untrusted inputs reach the shell through environment variables only.
    for line in text.splitlines():
        if "${{ inputs." in line:
            assert line.strip().split(":")[0].isupper(), line


@pytest.mark.skipif(importlib.util.find_spec("yaml") is None, reason="PyYAML not installed")
def test_workflow_parses() -> None:
    import yaml

    doc = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    triggers = doc[True] if True in doc else doc["on"]  # YAML 1.1 reads `on` as True
    assert "workflow_dispatch" in triggers and triggers["schedule"][0]["cron"]
    steps = doc["jobs"]["retrain"]["steps"]
    assert any("fakeinvest train" in step.get("run", "") for step in steps)
