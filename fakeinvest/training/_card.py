"""Render the human-readable model card (``MODEL_CARD.md``) from the JSON card and metrics.

Every training run writes it next to the model; regenerate it for an existing model with
``python -m fakeinvest.training._card MODEL_DIR``, which reads ``model_card.json`` and, when
present, ``metrics.json`` and ``gate.json`` from that folder.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ..model._model import MODEL_CARD_NAME
from ._quality_gate import GATE_FILE_NAME

__all__ = ["KNOWN_LIMITS", "METRICS_FILE_NAME", "MODEL_CARD_MD_NAME", "render_model_card"]

METRICS_FILE_NAME = "metrics.json"
MODEL_CARD_MD_NAME = "MODEL_CARD.md"
#: Languages shown one per row in the per-language table; the rest are pooled.
MAX_LANGUAGE_ROWS = 20

#: Limits that hold for every model trained by ``fakeinvest train`` on the shipped corpus.
KNOWN_LIMITS = (
    "Cross-validated figures come from the training corpus itself (grouped by site or kit). "
    "They are not a measurement on the live web, where the share of fraudulent sites, their "
    "languages and their kits differ.",
    "Training pages are single pages; a scan scores the landing page and up to seven key "
    "pages of a site together, which the cross-validation does not reproduce.",
    "Fraudulent pages come mostly from template source code and site copies, legitimate "
    "pages from crawled documents, so capture artefacts (fragments, missing titles) can "
    "act as shortcuts; fraudulent pages are concentrated in a few kits and are mostly in "
    "English (see the per-family and per-language tables).",
    "Honest brokers' and exchanges' own account, deposit and withdrawal pages are rare in "
    "the corpus; the false-positive rate on finance-related legitimate pages is the figure "
    "to watch for them.",
    "Domain age, URL signals, brand impersonation, licence claims and risk warnings are "
    "shown on verdicts as facts but not weighted: the corpus cannot teach honest weights "
    "for them.",
    "The decision threshold is set for a false-positive rate on the corpus's legitimate "
    "pages; on a population with another base rate, precision differs.",
)

_METRIC_ROWS = (
    ("roc_auc", "ROC-AUC"),
    ("pr_auc", "PR-AUC (average precision)"),
    ("recall_at_1pct_fpr", "recall at 1 % FPR"),
    ("recall_at_0.1pct_fpr", "recall at 0.1 % FPR"),
    ("brier", "Brier score (calibrated probabilities)"),
    ("fpr_finance_related_legit", "FPR on finance-related legitimate pages, at the threshold"),
)


_PIPELINES = {
    "lr": "logistic regression over engineered features and TF-IDF word 1-2 grams "
          "(exact contributions: weight x value)",
    "hgb": "HistGradientBoostingClassifier over engineered features and 300 chi-squared "
           "selected terms (decision-path contributions)",
}


def _fmt(value: Any, digits: int = 4) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:.{digits}f}"
    return str(value)


def _table(header: tuple[str, ...], rows: list[tuple[Any, ...]], align: str) -> list[str]:
    out = ["| " + " | ".join(header) + " |",
           "|" + "|".join("---:" if a == "r" else "---" for a in align) + "|"]
    out += ["| " + " | ".join(_fmt(v) for v in row) + " |" for row in rows]
    return out


def _rates_table(rates: Mapping[str, Mapping[str, Any]], first: str,
                 max_rows: int | None = None) -> list[str]:
    """Rows of a per-family / per-language table, largest first, the tail pooled."""
    items = sorted(rates.items(), key=lambda kv: (-kv[1]["scam"] - kv[1]["legit"], kv[0]))
    if max_rows is not None and len(items) > max_rows:
        head, tail = items[:max_rows], items[max_rows:]
        pooled = {k: sum(v[k] for _, v in tail)
                  for k in ("scam", "legit", "scam_flagged", "legit_flagged")}
        pooled["recall"] = pooled["scam_flagged"] / pooled["scam"] if pooled["scam"] else None
        pooled["fpr"] = pooled["legit_flagged"] / pooled["legit"] if pooled["legit"] else None
        items = [*head, (f"(other {len(tail)})", pooled)]
    rows = [(name, v["scam"], v["recall"], v["legit"], v["fpr"]) for name, v in items]
    return _table((first, "fraud pages", "recall", "legit pages", "FPR"), rows, "lrrrr")


def _candidates_section(card: Mapping[str, Any]) -> list[str]:
    """The model families compared by grouped CV and the one chosen."""
    comp = card.get("candidates") or {}
    results = comp.get("results") or {}
    if not results:
        return []
    md = ["## Model selection", "", "Candidates evaluated by the same grouped CV; chosen: "
          f"**{comp.get('chosen', '?')}** ({comp.get('rule', '?')}).", ""]
    rows = [(k, v.get("roc_auc"), v.get("pr_auc"), v.get("recall_at_target_fpr"),
             v.get("site_recall"), v.get("ungated_roc_auc"),
             v.get("ungated_recall_at_target_fpr"),
             f"{v['cv_seconds']:.0f}" if "cv_seconds" in v else None)
            for k, v in results.items()]
    md += _table(("candidate", "ROC-AUC", "PR-AUC", "recall at target FPR", "site recall",
                  "ungated ROC-AUC", "ungated recall at target FPR", "CV seconds"), rows,
                 "lrrrrrrr")
    md += ["", "Candidates: `lr` = " + _PIPELINES["lr"] + "; `hgb` = " + _PIPELINES["hgb"]
           + ".", ""]
    return md


def _checks_sections(metrics: Mapping[str, Any] | None, later: str) -> list[str]:
    """Leave-one-family-out, artefact robustness, finance-page scores and top weights."""
    metrics = metrics or {}
    skipped = later if not metrics else "not run for this model (`fakeinvest train` runs it " \
        "unless given `--no-checks`)"
    md = ["## Leave-one-family-out", ""]
    lofo = metrics.get("leave_one_family_out")
    if lofo:
        md += ["Each scam family with at least 20 pages is left out of training entirely, "
               "with one fold of legitimate sites; the model then scores that family and "
               "those sites. Recall is at 1 % false positives on those legitimate pages: "
               "how well a kit never seen before is caught.", ""]
        rows = [(f, v["scam_pages"], v["legit_pages"], v["roc_auc"], v["recall_at_fpr"])
                for f, v in lofo.items()]
        md += _table(("left-out family", "fraud pages", "legit pages", "ROC-AUC",
                      "recall at 1 % FPR"), rows, "lrrrr")
    else:
        md.append(f"Leave-one-family-out: {skipped}.")
    md += ["", "## Robustness to capture artefacts", ""]
    rob = metrics.get("robustness")
    if rob:
        md += ["Fraud pages in the corpus are often template fragments without a `<title>`, "
               "legitimate pages mostly complete documents, and only some records have a "
               "URL. Each check changes only that artefact on a random sample of pages "
               "(half fraud, half legitimate where it applies) and re-scores them with "
               "the final model: a verdict should not flip on such a change alone.", ""]
        rows = [(v.get("description", k), v.get("pages"), v.get("flips"),
                 v.get("flips_to_flagged"), v.get("flips_to_unflagged"),
                 v.get("mean_abs_score_change"), v.get("max_abs_probability_change"))
                for k, v in rob.items()]
        md += _table(("change", "pages", "verdict flips", "to flagged", "to not flagged",
                      "mean abs. change of log-odds", "max abs. change of P"), rows,
                     "lrrrrrr")
    else:
        md.append(f"Robustness checks: {skipped}.")
    md += ["", "## Scores of legitimate finance pages", ""]
    dist = metrics.get("finance_legit_scores")
    if dist and dist.get("pages"):
        md += ["Out-of-fold probabilities of the legitimate finance-related pages (exchange "
               "and platform docs, broker pages, finance articles): the pages most at risk "
               "of a false alarm.", ""]
        md += _table(("pages", "median", "90th pct", "99th pct", "max", "flagged"),
                     [(dist["pages"], dist["median"], dist["p90"], dist["p99"], dist["max"],
                       f"{dist['flagged']} ({dist['flagged_share'] * 100:.2f} %)")], "rrrrrr")
    else:
        md.append(f"Finance-page score distribution: {skipped}.")
    md += ["", "## Strongest weights", ""]
    top = metrics.get("top_features")
    if top == {}:
        md.append("Not applicable: the chosen model has no coefficients; its verdicts use "
                  "decision-path contributions (`fakeinvest.model._explain`).")
    elif top:
        md += ["Coefficients of the logistic regression (engineered features are "
               "standardised log1p values; text terms are TF-IDF weights). A verdict's "
               "reasons are these weights times the page's values.", ""]
        fraud, legit = top.get("toward_fraud", []), top.get("toward_legitimate", [])
        rows = [(fraud[i][0] if i < len(fraud) else "", fraud[i][1] if i < len(fraud) else "",
                 legit[i][0] if i < len(legit) else "", legit[i][1] if i < len(legit) else "")
                for i in range(max(len(fraud), len(legit)))]
        md += _table(("toward fraud", "weight", "toward legitimate", "weight"), rows, "lrlr")
    else:
        md.append(f"Top weights: {skipped}.")
    md.append("")
    return md


def _gate_section(card: Mapping[str, Any], metrics: Mapping[str, Any]) -> list[str]:
    """Evidence gate, site-level figures and the language balance."""
    eg = card.get("evidence_gate")
    if not eg:
        return []
    imp = eg.get("impersonation") or {}
    md = ["## Evidence gate", "",
          "A flag needs evidence of the scheme. The raw log-odds split into the *scheme* "
          "block (promised returns, withdrawal obstruction, multi-level referral, "
          "guarantees, urgency, fake social proof, trading-robot claims, scam-script "
          "traces; weights kept >= 0) and the *topic* block (text terms, payment methods, "
          "messengers, with the base score). The topic block is bounded by a smooth "
          "minimum, -log(exp(-x) + exp(-cap)), that stays below a cap `margin` log-odds "
          "under the threshold, so vocabulary alone can never flag a site, while pages "
          "below the cap keep their order (a hard min would tie them all at the cap and "
          "hide which evidence-less page is the more suspicious); brand "
          "impersonation (a registry brand claimed on a domain it does not own, a "
          "look-alike host, a borrowed licence) adds a fixed log-likelihood ratio and "
          "counts as scheme evidence. Brand mentions and claims are not scored (naming a "
          "brand is neutral); domain age is not scored (no registration dates in the "
          "training data to estimate a weight from, and new honest firms must not be "
          "penalised for it).", ""]
    md += _table(("parameter", "value"), [
        ("margin (chosen by grouped CV)", eg.get("margin")),
        ("threshold score (log-odds)", round(float(eg.get("threshold_score", 0.0)), 4)),
        ("impersonation weight (log-LR)", eg.get("impersonation_weight")),
        ("impersonation estimate", ", ".join(f"{k}: {v}" for k, v in imp.items()
                                             if k != "weight")),
    ], "ll")
    results = (eg.get("margins") or {}).get("results") or {}
    if results:
        md += ["", "Margins compared (same out-of-fold scores; rule: "
               f"{(eg.get('margins') or {}).get('rule', '?')}):", ""]
        md += _table(("margin", "page recall", "page FPR", "site recall", "site FPR",
                      "site FPR finance"),
                     [(m, r.get("page_recall"), r.get("page_fpr"), r.get("site_recall"),
                       r.get("site_fpr_legit"), r.get("site_fpr_finance_legit"))
                      for m, r in results.items()], "lrrrrr")
    sites = metrics.get("sites") or {}
    ev = metrics.get("evidence") or {}
    lang = metrics.get("languages") or {}
    md += ["", "## Site-level evaluation", "",
           "Each corpus group assembled as `scan` sees a site (landing page first, then "
           "plans, about, FAQ, deposit, withdraw, terms, contact ..., at most 8 pages; "
           "features are the maximum over the pages, texts joined), scored out of fold.", ""]
    md += _table(("figure", "value"), [
        ("scam sites / honest sites / honest finance sites",
         f"{sites.get('scam')} / {sites.get('legit')} / {sites.get('finance_legit')}"),
        ("site recall", metrics.get("site_recall")),
        ("site FPR (honest sites)", metrics.get("site_fpr_legit")),
        ("site FPR (honest finance sites)", metrics.get("site_fpr_finance_legit")),
        ("flagged pages without scheme evidence",
         f"{ev.get('flagged_pages_without_scheme_evidence')} of {ev.get('flagged_pages')}"),
        ("flagged sites without scheme evidence",
         f"{ev.get('flagged_sites_without_scheme_evidence')} of {ev.get('flagged_sites')}"),
        ("scam pages with any scheme evidence", ev.get("scam_pages_with_scheme_evidence")),
        ("page recall, English / other languages (ratio)",
         f"{lang.get('recall_english')} / {lang.get('recall_other_languages')} "
         f"({lang.get('ratio')})"),
    ], "ll")
    missed = [g for g, r in (metrics.get("site_by_group") or {}).items()
              if r["label"] == 1 and not r["flagged"]]
    fps = [f"{g} ({r['probability']})" for g, r in (metrics.get("site_by_group") or {}).items()
           if r["label"] == 0 and r["flagged"]]
    md += ["", f"Scam sites missed: {', '.join(missed) or 'none'}.", "",
           f"Honest sites flagged: {', '.join(fps) or 'none'}.", ""]
    return md


def render_model_card(card: Mapping[str, Any], metrics: Mapping[str, Any] | None = None,
                      gate: Mapping[str, Any] | None = None) -> str:
    """The model card as Markdown.

    Parameters
    ----------
    card : mapping
        Contents of ``model_card.json``.
    metrics : mapping, optional
        Contents of ``metrics.json`` (per-family and per-language rates, reliability
        curve); sections it would fill say so when it is absent.
    gate : mapping, optional
        The quality gate the model passed; adds its floors and ceilings to the table.

    Returns
    -------
    str
    """
    cv = dict(card.get("cv", {}))
    if metrics:
        cv.update({k: v for k, v in metrics.items() if not isinstance(v, dict | list)})
    data = card.get("data", {})
    limits: dict[str, str] = {}
    if gate:
        limits.update({m: f"≥ {v:.4f}" for m, v in (gate.get("metric_floors") or {}).items()})
        limits.update({m: f"≤ {v:.4f}" for m, v in (gate.get("metric_ceilings") or {}).items()})
    later = "not recorded for this model (every `fakeinvest train` run records it in " \
            f"`{METRICS_FILE_NAME}`)"

    md = [f"# Model card: {card.get('model_version', '?')}", ""]
    md += ["Classifier of fraudulent investment-platform websites (HYIPs, fake brokers and "
           "trading bots, crypto doublers, fake-news pre-landers) against legitimate pages. "
           "It returns a calibrated probability and flags a site at or above the threshold; "
           "every verdict lists the evidence behind its score. Intended for analysts "
           "triaging sites, not as the sole ground for an action against a site.", ""]
    md += ["Generated from `model_card.json`"
           + (f" and `{METRICS_FILE_NAME}`" if metrics else "")
           + f"; trained {card.get('trained_at', '?')}.", ""]

    md += ["## Model", "", f"* Pipeline: {card.get('pipeline', '?')}",
           f"* File: `{card.get('model_file', '?')}`, SHA-256 `{card.get('sha256', '?')}` "
           "(checked before every load)"]
    if "threshold" in card:
        md.append(f"* Decision threshold: P(fraud) ≥ {card['threshold']:.4f}, the lowest "
                  "probability whose out-of-fold false-positive rate stays within "
                  f"{float(card.get('target_fpr', 0.01)) * 100:g} %")
    cal = card.get("calibration") or {}
    if cal:
        a, b = float(cal.get("a", 0.0)), float(cal.get("b", 0.0))
        md.append("* Calibration: Platt scaling on out-of-fold scores, "
                  f"P = 1 / (1 + exp(-({a:.4f} · score {'-' if b < 0 else '+'} {abs(b):.4f})))")
    checked = card.get("gate") or {}
    if checked.get("checked"):
        verdict = "passed" if checked.get("passed") else (
            "FAILED on " + ", ".join(checked.get("failed") or []) + "; written with "
            "--allow-regression")
        md.append(f"* Quality gate at training: {verdict}")
    elif checked:
        md.append("* Quality gate at training: not checked")
    md.append("")

    md += ["## Training data", ""]
    md += _table(("field", "value"), [
        ("file", f"`{data.get('path', '?')}`"),
        ("SHA-256", f"`{data.get('sha256', '?')}`"),
        ("pages", data.get("pages")),
        ("fraudulent pages", data.get("scam_pages")),
        ("groups (sites / kits)", data.get("groups")),
        ("records used", f"first {data['limit']}" if data.get("limit") else "all"),
    ], "lr")
    md += ["", "Format and provenance of the corpus: `models/README.md` and the corpus "
           "datasheet.", ""]

    md += _candidates_section(card)
    md += ["## Evaluation", "", f"Scheme: {cv.get('scheme', '?')}: out-of-fold scores, "
           "so pages of one site or kit never sit on both sides of a split. Probabilities "
           "are the calibrated out-of-fold probabilities.", ""]
    header = ("metric", "value", "gate") if gate else ("metric", "value")
    rows = [(label, cv.get(key), limits.get(key, "–")) if gate else (label, cv.get(key))
            for key, label in _METRIC_ROWS if key in cv]
    at = cv.get("at_threshold") or {}
    if at:
        rows += [("recall at the threshold", at.get("recall"), *(["–"] if gate else [])),
                 ("FPR at the threshold", at.get("fpr"), *(["–"] if gate else []))]
    md += _table(header, rows, "lrr" if gate else "lr")
    if gate:
        md += ["", "Gate column: the limits a retrain must meet to replace this model "
               f"(`gate.json`: this model's metrics ∓ {gate.get('tolerance', '?')}); a "
               "retrain outside them is not written unless run with `--allow-regression`."]
    md.append("")

    md += _gate_section(card, metrics or {})
    md += ["## Recall by family", "", "Fraud pages: share flagged at the threshold (recall); "
           "legitimate pages: share flagged (FPR). Family = template family (fraud) or genre "
           "(legitimate).", ""]
    def missing(field: str) -> str:
        return f"the training corpus has no `{field}` field" if metrics else later

    fam = (metrics or {}).get("by_family")
    md += _rates_table(fam, "family") if fam else [f"Per-family rates: {missing('family')}."]
    md += ["", "## Recall by language", ""]
    lang = (metrics or {}).get("by_lang")
    md += _rates_table(lang, "language", MAX_LANGUAGE_ROWS) if lang else \
        [f"Per-language rates: {missing('lang')}."]
    md += ["", *_checks_sections(metrics, later)]
    md += ["## Calibration", ""]
    rel = (metrics or {}).get("reliability")
    if rel:
        md += ["Reliability of the calibrated out-of-fold probabilities: in each bin, the "
               "mean predicted probability against the observed share of fraud pages.", ""]
        edges = rel["bin_edges"]
        rows = [(f"[{edges[i]:.1f}, {edges[i + 1]:.1f}{']' if i == len(edges) - 2 else ')'}",
                 rel["count"][i], rel["mean_predicted"][i], rel["observed_rate"][i])
                for i in range(len(edges) - 1)]
        md += _table(("probability bin", "pages", "mean predicted", "observed fraud rate"),
                     rows, "lrrr")
    else:
        md.append(f"Reliability curve: {later}.")
    md.append("")

    md += ["## Library versions", ""]
    versions = card.get("versions") or {}
    md += _table(("library", "version"), sorted(versions.items()), "ll")
    md += ["", "Loading under another scikit-learn minor version warns "
           "(`ModelVersionWarning`); another major version is refused: retrain with "
           "`fakeinvest train`.", ""]

    md += ["## Known limits", ""]
    md += [f"* {text}" for text in KNOWN_LIMITS]
    md.append("")
    return "\n".join(md)


def _read_json(path: Path) -> dict[str, Any] | None:
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else None


def main(argv: list[str] | None = None) -> int:
    """Write ``MODEL_CARD.md`` for the model in a folder; returns the exit status."""

    ap = argparse.ArgumentParser(prog="python -m fakeinvest.training._card",
                                 description="Render MODEL_CARD.md from model_card.json.")
    ap.add_argument("folder", nargs="?", default="models",
                    help="folder holding model_card.json (default: models)")
    args = ap.parse_args(argv)
    folder = Path(args.folder)
    card = _read_json(folder / MODEL_CARD_NAME)
    if card is None:
        print(f"error: no {MODEL_CARD_NAME} in {folder}")
        return 2
    text = render_model_card(card, _read_json(folder / METRICS_FILE_NAME),
                             _read_json(folder / GATE_FILE_NAME))
    (folder / MODEL_CARD_MD_NAME).write_text(text, encoding="utf-8")
    print(f"wrote {folder / MODEL_CARD_MD_NAME}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
