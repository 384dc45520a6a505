"""The ``fakeinvest`` command line.

Exit status: 0 when every site or file was analysed (whatever the verdicts); 1 when at least
one site could not be analysed (each such site gets one clear line); 2 on usage errors,
including an unreadable input file; 3 (``train`` only) when the retrained model failed the
quality gate and was not written.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import json
import logging
import os
import shutil
import sys
import textwrap
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import errors
from ._version import __version__

# Each command imports its stage when it runs: `fakeinvest --help` and `fakeinvest score`
# must not pay for aiohttp, Playwright, Dask or the training stack.
if TYPE_CHECKING:
    from .batch._dask import JobSummary

__all__ = ["format_table", "main"]


def _short(s: str, n: int) -> str:
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 1] + "…"


def _short_middle(s: str, n: int) -> str:
    """Shorten a URL or path in the middle, keeping its host and its last part."""
    half = (n - 1) // 2
    return s if len(s) <= n else s[:half] + "…" + s[-(n - 1 - half):]


def format_table(verdicts: Iterable[object], width: int | None = None) -> str:
    """Render verdicts as a table for people: URL, probability, flag, top reasons.

    Parameters
    ----------
    verdicts : iterable of Verdict
    width : int, optional
        Terminal width (detected when None).

    Returns
    -------
    str
    """
    from .verdict import Verdict

    width = width or max(80, min(160, shutil.get_terminal_size((120, 20)).columns))
    lines = []
    header = f"{'URL':<44} {'P(fraud)':>8}  {'FLAG':<7} TOP REASONS"
    lines += [header, "-" * min(width, 120)]
    for v in verdicts:
        assert isinstance(v, Verdict)
        if v.error:
            lines.append(f"{_short_middle(v.url, 44):<44} {'-':>8}  {'ERROR':<7} {v.error}")
            continue
        flag = "FRAUD" if v.flagged else "ok"
        reasons = [r for r in v.reasons if r.contribution > 0][:3] if v.flagged else \
            [r for r in v.reasons if r.contribution < 0][:3]
        lines.append(f"{_short_middle(v.url, 44):<44} {v.probability:>8.3f}  {flag:<7} "
                     + ", ".join(r.feature for r in reasons))
        if v.rendered:
            lines.append(" " * 6 + f"(rendered in Chromium: {len(v.rendered)} page"
                         f"{'s' if len(v.rendered) != 1 else ''}, screenshots in the snapshot)")
        for r in reasons:
            quote = _short(r.evidence, width - 18)
            lines.append(textwrap.indent(f"{r.contribution:+.2f} {r.feature}: \"{quote}\"",
                                         " " * 6))
            if r.page_url:
                lines.append(" " * 12 + f"on {r.page_url}")
        for r in v.reasons:
            if r.contribution == 0.0:
                lines.append(" " * 6 + f"(fact) {r.feature}: {_short(r.evidence, width - 22)}")
    return "\n".join(lines)


def _emit(verdicts: Iterable[object], as_json: bool) -> int:
    from .verdict import Verdict

    failures = 0
    collected = []
    for v in verdicts:
        assert isinstance(v, Verdict)
        failures += v.error is not None
        if as_json:
            print(json.dumps(v.to_dict(), ensure_ascii=False), flush=True)
        else:
            collected.append(v)
    if not as_json:
        print(format_table(collected))
    return 1 if failures else 0


def _read_url_list(path: Path) -> list[str]:
    """URLs of a list file: one per line, blank lines and ``#`` comments ignored."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise errors.BadInputError(f"cannot read {path}: {exc.strerror or exc}") from exc
    except UnicodeDecodeError as exc:
        raise errors.BadInputError(
            f"{path} is not a UTF-8 text file of URLs (byte {exc.start} cannot be decoded); "
            "convert it, e.g. iconv -f latin1 -t utf-8") from exc
    return [ln.strip() for ln in lines if ln.strip() and not ln.lstrip().startswith("#")]


def _cmd_scan(args: argparse.Namespace) -> int:
    from .api import scan_many
    from .web._crawler import validate_url

    for url in args.urls:  # a bad URL typed on the command line is a usage error
        validate_url(url)
    urls = list(args.urls)
    if args.input:
        urls += _read_url_list(Path(args.input))
    urls = list(dict.fromkeys(urls))
    if not urls:
        print("fakeinvest: no URL to scan (give URLs or --input FILE)", file=sys.stderr)
        return 2
    config = _fetch_config(args)
    if args.dask:
        return _scan_on_dask(urls, args, config)
    if args.batch_size is not None or args.workers is not None:
        print("fakeinvest: --batch-size and --workers need --dask", file=sys.stderr)
        return 2
    if not args.output:
        return _emit(scan_many(urls, whois=not args.no_whois, config=config,
                               concurrency=args.concurrency, snapshot_dir=args.snapshots),
                     args.json)
    return _scan_to_file(urls, Path(args.output), args, config)


def _fetch_config(args: argparse.Namespace) -> object:
    """A FetchConfig from the crawl options; bad values are usage errors."""
    from .config import DEFAULT_USER_AGENT, FetchConfig

    allow: bool | list[str] = True if args.allow_private else list(args.allow_network or [])
    try:
        return FetchConfig.from_env(
            allow_private=allow or False, site_deadline=args.deadline,
            max_pages=args.max_pages, proxy=args.proxy,
            user_agent=args.user_agent or DEFAULT_USER_AGENT, retries=args.retries,
            render=args.render)
    except ValueError as exc:
        raise errors.BadInputError(str(exc)) from exc


def _scan_to_file(urls: list[str], output: Path, args: argparse.Namespace,
                  config: object) -> int:
    """Bulk mode: append one JSON line per site as soon as it is done; resumable."""
    from tqdm import tqdm

    from .api import scan_many
    from .batch._results import done_urls, verdict_line

    if output.is_dir():
        raise errors.BadInputError(f"--output {output} is a directory; give a file for the "
                                   "JSON lines (a directory of part files needs --dask)")
    if not output.parent.is_dir():
        raise errors.BadInputError(f"--output {output}: the folder {output.parent} does not "
                                   "exist; create it first")
    done = done_urls(output)
    todo = [u for u in urls if u not in done]
    failures = 0
    with open(output, "a", encoding="utf-8") as out, \
            tqdm(total=len(todo), unit="site", file=sys.stderr, disable=None,
                 desc=f"scanning ({len(done)} already done)") as bar:
        for v in scan_many(todo, whois=not args.no_whois, config=config,  # type: ignore[arg-type]
                           concurrency=args.concurrency, snapshot_dir=args.snapshots,
                           ordered=False):
            out.write(verdict_line(v) + "\n")
            out.flush()
            failures += v.error is not None
            bar.set_postfix(errors=failures, refresh=False)
            bar.update(1)
    print(f"fakeinvest: {len(todo)} scanned, {len(done)} skipped (already in {output}), "
          f"{failures} could not be analysed", file=sys.stderr)
    return 1 if failures else 0


def _dask_client(args: argparse.Namespace) -> contextlib.AbstractContextManager[Any]:
    """A Dask client for ``--dask``/``--workers``; a null context without ``--dask``."""
    if not args.dask:
        if args.workers is not None:
            raise errors.BadInputError("--workers needs --dask local")
        return contextlib.nullcontext()
    if args.workers is not None and args.dask != "local":
        raise errors.BadInputError("--workers applies to --dask local only")
    from .batch._dask import connect

    return connect(args.dask, args.workers)


def _report_job(summary: JobSummary, verb: str) -> int:
    """One closing line for a part-file job; exit status 1 when an item failed."""
    done = summary.parts - summary.skipped_parts
    print(f"fakeinvest: {summary.items} {verb} in {done} parts, {summary.skipped_parts} of "
          f"{summary.parts} parts skipped (already in {summary.output}), {summary.failures} "
          "could not be analysed", file=sys.stderr)
    return 1 if summary.failures else 0


def _scan_on_dask(urls: list[str], args: argparse.Namespace, config: object) -> int:
    """``scan --dask``: batches of sites on a Dask cluster, one part file each in --output."""
    from .batch._dask import DEFAULT_BATCH_SIZE, scan_urls

    if not args.output:
        print("fakeinvest: --dask needs --output DIR (a directory of part files)",
              file=sys.stderr)
        return 2
    with _dask_client(args) as client:
        summary = scan_urls(urls, args.output, client=client,
                            batch_size=args.batch_size or DEFAULT_BATCH_SIZE,
                            whois=not args.no_whois, config=config,  # type: ignore[arg-type]
                            concurrency=args.concurrency, snapshot_dir=args.snapshots,
                            progress=True)
    return _report_job(summary, "scanned")


def _cmd_rescore(args: argparse.Namespace) -> int:
    from .batch._dask import DEFAULT_RESCORE_BATCH_SIZE, rescore_snapshots

    with _dask_client(args) as client:
        summary = rescore_snapshots(args.snapshots, args.output, client=client,
                                    batch_size=args.batch_size or DEFAULT_RESCORE_BATCH_SIZE,
                                    progress=True)
    return _report_job(summary, "re-scored")


def _cmd_score(args: argparse.Namespace) -> int:
    from .api import score_html, score_snapshot
    from .snapshot import decode_html

    if args.snapshot:
        from .warc import load_snapshot

        snap = load_snapshot(args.snapshot)  # BadInputError -> one line, exit 2
        return _emit([score_snapshot(snap, url=snap.url or str(args.snapshot))], args.json)
    if not args.file:
        print("fakeinvest: score needs FILE.html or --snapshot PATH", file=sys.stderr)
        return 2
    path = Path(args.file)
    try:
        data = path.read_bytes()
    except OSError as exc:
        print(f"fakeinvest: cannot read {path}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    if not data.strip():
        print(f"fakeinvest: {path} is empty, nothing to score", file=sys.stderr)
        return 2
    if b"\x00" in data[:4096]:
        print(f"fakeinvest: {path} is binary, not an HTML page", file=sys.stderr)
        return 2
    html = decode_html(data)
    verdict = score_html(html, url=args.url)
    if not args.url:  # name the file on the verdict; no URL features were computed
        verdict = dataclasses.replace(verdict, url=str(path))
    return _emit([verdict], args.json)


def _cmd_campaigns(args: argparse.Namespace) -> int:
    """Link the sites of result files into campaigns."""
    from ._campaigns import campaigns, campaigns_graphml, format_campaigns, read_verdict_lines

    found = campaigns(read_verdict_lines(args.results), kit_bits=args.kit_bits)
    if args.graph:
        graph = Path(args.graph)
        if graph.suffix.lower() != ".graphml":
            raise errors.BadInputError(f"--graph {graph}: the graph is written as GraphML; "
                                       "name the file *.graphml")
        try:
            graph.write_bytes(campaigns_graphml(found))
        except OSError as exc:
            raise errors.BadInputError(f"cannot write {graph}: {exc.strerror or exc}") from exc
    if args.json:
        print(json.dumps([c.to_dict() for c in found], ensure_ascii=False, indent=1))
    else:
        print(format_campaigns(found))
    return 0


def _cmd_export(args: argparse.Namespace) -> int:
    """Verdicts of result files in a format another agency imports."""
    from ._campaigns import read_verdict_lines
    from ._export import export

    _write_output(args.output, export(read_verdict_lines(args.results), args.format),
                  args.format)
    return 0


def _write_output(path: str, text: str, what: str) -> None:
    """Write a command's output file; a failure is a usage error, said in one line."""
    try:
        Path(path).write_text(text, encoding="utf-8")
    except OSError as exc:
        raise errors.BadInputError(f"cannot write {path}: {exc.strerror or exc}") from exc
    print(f"fakeinvest: wrote {what} to {path}", file=sys.stderr)


def _cmd_report(args: argparse.Namespace) -> int:
    """A self-contained HTML case report of result files."""
    from ._campaigns import read_verdict_lines
    from ._report import case_report

    _write_output(args.output, case_report(read_verdict_lines(args.results),
                                           snapshots=args.snapshots), "the case report")
    return 0


def _cmd_demo(args: argparse.Namespace) -> int:
    from .demo import run_demo

    print("Serving 4 example sites and a WHOIS server on 127.0.0.1; scanning them ...\n")
    verdicts = run_demo()
    if args.json:
        return _emit(verdicts, True)
    print(format_table(verdicts))
    print("\nflagged: " + ", ".join(v.url for v in verdicts if v.flagged))
    return 1 if any(v.error for v in verdicts) else 0


def _cmd_train(args: argparse.Namespace) -> int:
    from .training._cli import run_training

    return run_training(args)


_SCAN_EPILOG = """\
on a Dask cluster (pip install "fakeinvest[dask]"):
  fakeinvest scan --input urls.txt --output DIR --dask tcp://scheduler:8786
  fakeinvest scan --input urls.txt --output DIR --dask local [--workers N]

  The URLs are de-duplicated, sorted and cut into batches of --batch-size sites; each
  batch is one task with one crawler and writes DIR/part-NNNNN.jsonl (the same JSON lines
  as --output FILE) atomically. Re-running the same command skips the complete parts; a
  worker lost mid-run has its batch redone elsewhere. DIR must be shared by all workers.
  Re-score saved snapshots the same way: fakeinvest rescore --snapshots SNAPDIR --output
  DIR [--dask ...]. See docs/distributed.md.
"""


def _add_dask_arguments(p: argparse.ArgumentParser, batch_size: int, items: str) -> None:
    p.add_argument("--dask", metavar="ADDRESS", default=None,
                   help="run on a Dask cluster: a scheduler address (tcp://host:8786) or "
                        "'local' for worker processes on this machine (127.0.0.1 only)")
    p.add_argument("--workers", type=int, default=None, metavar="N",
                   help="worker processes of --dask local (default: one per CPU)")
    p.add_argument("--batch-size", type=int, default=None, metavar="N",
                   help=f"{items} per task and part file (default {batch_size})")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser (exposed for documentation tools)."""
    from .batch._dask import DEFAULT_BATCH_SIZE, DEFAULT_RESCORE_BATCH_SIZE

    p = argparse.ArgumentParser(
        prog="fakeinvest",
        description="Find fraudulent investment platforms, with evidence.")
    p.add_argument("--version", action="version", version=f"fakeinvest {__version__}")
    p.add_argument("-v", "--verbose", action="count", default=0,
                   help="log progress to stderr (-v: each site and retry, -vv: every request)")
    p.add_argument("-q", "--quiet", action="store_true",
                   help="log errors only (the results themselves are unaffected)")
    sub = p.add_subparsers(dest="command", required=True)

    s = sub.add_parser(
        "scan", help="crawl and score live sites", epilog=_SCAN_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter)
    s.add_argument("urls", nargs="*", metavar="URL")
    s.add_argument("--input", metavar="FILE", default=None,
                   help="read URLs from FILE, one per line (# comments allowed)")
    s.add_argument("--output", metavar="FILE", default=None,
                   help="append one JSON line per site to FILE as it finishes; re-running "
                        "skips URLs already there (resumable); with --dask a directory")
    s.add_argument("--json", action="store_true", help="one JSON object per line")
    s.add_argument("--no-whois", action="store_true", help="skip the WHOIS domain-age lookup")
    s.add_argument("--allow-private", action="store_true",
                   help="allow any address, loopback/private/link-local included "
                        "(internal testing only)")
    s.add_argument("--allow-network", metavar="CIDR", action="append",
                   help="also allow this network (repeatable), e.g. 127.0.0.0/8; "
                        "any other non-global address stays refused")
    s.add_argument("--concurrency", type=int, default=16, metavar="N",
                   help="sites crawled at the same time (default 16)")
    s.add_argument("--deadline", type=float, default=30.0, metavar="S",
                   help="total seconds per site, all pages and lookups (default 30)")
    s.add_argument("--max-pages", type=int, default=8, metavar="N",
                   help="landing page plus key pages fetched per site (default 8)")
    s.add_argument("--retries", type=int, default=2, metavar="N",
                   help="retries of a page after a transient failure (default 2)")
    s.add_argument("--proxy", metavar="URL", default=None,
                   help="send every request through this HTTP(S) proxy")
    s.add_argument("--user-agent", metavar="UA", default=None,
                   help="User-Agent header (default: a current desktop Chrome)")
    s.add_argument("--snapshots", metavar="DIR", default=None,
                   help="save what was fetched, per site, as WARC evidence files in DIR")
    s.add_argument("--render", choices=("auto", "always", "never"), default="auto",
                   help="render pages in headless Chromium: auto (default: when the landing "
                        "page is a JavaScript app), always, or never")
    _add_dask_arguments(s, DEFAULT_BATCH_SIZE, "sites")
    s.set_defaults(func=_cmd_scan)

    sc = sub.add_parser("score", help="score a saved HTML page or a WARC snapshot offline")
    sc.add_argument("file", metavar="FILE.html", nargs="?")
    sc.add_argument("--snapshot", metavar="PATH", default=None,
                    help="re-score a snapshot saved by `scan --snapshots` (exact live verdict)")
    sc.add_argument("--url", default=None, help="where the page came from (enables URL checks)")
    sc.add_argument("--json", action="store_true",
                    help="print the verdict as one JSON object instead of a table")
    sc.set_defaults(func=_cmd_score)

    r = sub.add_parser(
        "rescore", help="re-score snapshot directories offline, in batches, resumable",
        description="Score every WARC snapshot of the directories (written by `scan "
                    "--snapshots`) as `score --snapshot` does, batch by batch, into part "
                    "files in --output (layout and resume as for `scan --dask`); in this "
                    "process, or on a Dask cluster with --dask.")
    r.add_argument("--snapshots", metavar="DIR", nargs="+", required=True,
                   help="snapshot directories (*.warc.gz inside) or single WARC files")
    r.add_argument("--output", metavar="DIR", required=True,
                   help="directory of part files; re-running skips the complete parts")
    _add_dask_arguments(r, DEFAULT_RESCORE_BATCH_SIZE, "snapshot files")
    r.set_defaults(func=_cmd_rescore)

    c = sub.add_parser(
        "campaigns", help="link the sites of result files into campaigns (shared wallets, "
        "contacts, phones, e-mails, licence numbers, kits)")
    c.add_argument("results", nargs="+", metavar="RESULTS.jsonl",
                   help="JSON lines written by scan --output/--json or part files")
    c.add_argument("--json", action="store_true",
                   help="print a JSON list of campaigns (sites, links) instead of a table")
    c.add_argument("--graph", metavar="FILE.graphml", default=None,
                   help="also write the campaigns as a GraphML graph (Gephi, Cytoscape, yEd)")
    c.add_argument("--kit-bits", type=int, default=3, metavar="N",
                   help="kit fingerprints at most N bits apart link two flagged sites "
                        "(default 3; -1: no kit links)")
    c.set_defaults(func=_cmd_campaigns)

    e = sub.add_parser("export", help="write verdicts as STIX 2.1, a MISP event or CSV")
    e.add_argument("results", nargs="+", metavar="RESULTS.jsonl")
    e.add_argument("--format", required=True,
                   choices=("stix", "misp", "csv", "csv-indicators"),
                   help="stix: STIX 2.1 bundle; misp: MISP event JSON; csv: one row per site; "
                        "csv-indicators: one row per indicator")
    e.add_argument("-o", "--output", required=True, metavar="FILE")
    e.set_defaults(func=_cmd_export)

    rp = sub.add_parser("report", help="write a self-contained HTML case report")
    rp.add_argument("results", nargs="+", metavar="RESULTS.jsonl")
    rp.add_argument("--snapshots", metavar="DIR", default=None,
                    help="the scan's snapshot directory: WARC files and digests, screenshots")
    rp.add_argument("-o", "--output", required=True, metavar="FILE.html")
    rp.set_defaults(func=_cmd_report)

    d = sub.add_parser("demo", help="scan the bundled example sites on 127.0.0.1")
    d.add_argument("--json", action="store_true")
    d.set_defaults(func=_cmd_demo)

    from .training._cli import add_train_arguments

    t = sub.add_parser(
        "train", help="retrain the model on a labelled corpus, checked by the quality gate",
        description="Grouped cross-validation, calibration, threshold, quality gate, then a "
                    "refit on all pages. Writes the model, model_card.json, metrics.json, "
                    "MODEL_CARD.md and gate.json to --out, all or none. Exit status 3 when "
                    "the new model fails the gate (nothing written).")
    add_train_arguments(t)
    t.set_defaults(func=_cmd_train)
    return p


def _configure_logging(verbose: int, quiet: bool) -> None:
    """Diagnostics of the ``fakeinvest`` loggers to stderr; the library itself installs no
    handler, so this is the CLI's choice (warnings by default)."""
    level = (logging.ERROR if quiet else logging.WARNING if not verbose
             else logging.INFO if verbose == 1 else logging.DEBUG)
    logger = logging.getLogger("fakeinvest")
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("fakeinvest: %(levelname)s %(name)s: %(message)s"))
    logger.handlers = [handler]
    logger.setLevel(level)
    logger.propagate = False


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; returns the exit status."""
    args = build_parser().parse_args(argv)
    _configure_logging(args.verbose, args.quiet)
    try:
        return int(args.func(args))
    except errors.ModelError as exc:
        print(f"fakeinvest: model error: {exc}", file=sys.stderr)
        return 2
    except errors.FakeinvestError as exc:
        print(f"fakeinvest: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("fakeinvest: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (`fakeinvest scan ... | head`): not an error of ours. Point
        # stdout at /dev/null so that the interpreter's final flush stays quiet.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0


if __name__ == "__main__":
    raise SystemExit(main())

