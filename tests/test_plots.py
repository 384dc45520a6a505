"""matplotlib helpers: ROC/PR, calibration, contributions (Agg backend, no display)."""

from __future__ import annotations

import numpy as np
import pytest

import fakeinvest
from fakeinvest import errors
from fakeinvest.verdict import Verdict

matplotlib = pytest.importorskip("matplotlib")
matplotlib.use("Agg")
plt = pytest.importorskip("matplotlib.pyplot")

from fakeinvest.notebook._plots import (  # noqa: E402
    calibration_table,
    plot_calibration,
    plot_contributions,
    plot_roc_pr,
)


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def _scores(n: int = 400, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    y = (rng.random(n) < 0.3).astype(int)
    p = np.clip(0.3 * y + 0.7 * rng.random(n) * (0.4 + 0.6 * y), 0, 1)
    return y, p


def test_plot_roc_pr_draws_both_curves() -> None:
    y, p = _scores()
    ax_roc, ax_pr = plot_roc_pr(y, p, threshold=0.5)
    assert ax_roc.figure is ax_pr.figure
    assert ax_roc.get_legend_handles_labels()[1][0].startswith("AUC = ")
    assert ax_pr.get_legend_handles_labels()[1][0].startswith("AP = ")
    fpr, tpr = ax_roc.lines[0].get_data()
    assert fpr[0] == 0 and tpr[-1] == 1
    _fig, axes = plt.subplots(1, 2)
    assert plot_roc_pr(y, p, ax=axes)[0] is axes[0]
    with pytest.raises(ValueError):
        plot_roc_pr([1, 1], [0.2, 0.3])


def test_calibration_curve_counts() -> None:
    y, p = _scores()
    table = calibration_table(y, p, n_bins=5)
    assert table["count"].sum() == len(y)
    assert np.all((table["mean_predicted"] >= table["lower"])
                  & (table["mean_predicted"] <= table["upper"]))
    ax = plot_calibration(y, p, n_bins=5)
    xs, ys = ax.lines[1].get_data()
    np.testing.assert_allclose(xs, table["mean_predicted"])
    np.testing.assert_allclose(ys, table["fraction_positive"])
    notes = [t.get_text() for t in ax.texts]
    assert notes == [f"n={int(c)}" for c in table["count"]]
    # p = 1.0 falls in the last bin; NaN scores (failed sites) are dropped.
    t = calibration_table([1, 0, 1], [1.0, 0.0, np.nan], n_bins=10)
    assert t["count"].tolist() == [1, 1] and t["upper"][-1] == 1.0


def test_plot_contributions_bars_follow_reasons() -> None:
    v = fakeinvest.score_html(
        "<html><body><p>VIP plan: 3% daily for 30 days, guaranteed profit. Withdrawal fee "
        "20% to unlock your funds. Telegram @vip $$</p></body></html>",
        url="http://vip.example/$x$")
    ax = plot_contributions(v, top=4)
    bars = ax.patches
    weighed = sorted((r for r in v.reasons if r.contribution), key=lambda r: -abs(r.contribution))
    assert len(bars) == min(4, len(weighed))
    widths = sorted((b.get_width() for b in bars), key=abs, reverse=True)
    assert widths == pytest.approx([r.contribution for r in weighed[:4]])
    ax.figure.canvas.draw()  # renders despite "$" in the URL (no mathtext)
    failed = plot_contributions(Verdict.failed("http://x/", errors.DNSError("no"), "m"))
    assert not failed.patches and "could not analyse" in failed.get_title()
