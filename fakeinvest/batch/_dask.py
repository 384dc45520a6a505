"""Bulk scans and offline re-scoring on a Dask cluster: batched, atomic, resumable.

Needs the optional extra: ``pip install "fakeinvest[dask]"``. Dask is imported only when a
cluster is used, never by ``import fakeinvest``.

The input (URLs, or snapshot files) is de-duplicated and sorted, then cut into batches of
``batch_size`` items, so the same input always gives the same batches. Batch ``i`` is one
partition of a :class:`dask.bag.Bag` and one task: a scan batch goes through *one*
:func:`fakeinvest.scan_many` call (one async crawler, ``concurrency`` sites in flight); a
re-score batch loads and scores its snapshot files one after the other. The model is
loaded once per worker process (:func:`fakeinvest.load_model` caches it).

Output directory layout::

    _manifest.json        what the job is: kind, batch size, number of items and parts,
                          SHA-256 of the sorted input (written first)
    part-00000.jsonl      the verdicts of batch 0, one ``json.dumps(verdict.to_dict())``
    part-00001.jsonl      line per item, in batch order
    ...
    _SUCCESS              written when every part is there

Each part file is written to a temporary name in the same directory, flushed to disk and
renamed into place, so a part file that exists is complete. Running the same job again
into the same directory only computes the missing parts (resume); a part lost with a dying
worker is recomputed by Dask on another worker, and writing it twice is harmless.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import json
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tqdm import tqdm

from .. import errors
from .._optional import require
from .._version import __version__
from ._results import TMP_SUFFIX, count_results, read_lines, verdict_line, write_atomic

if TYPE_CHECKING:
    from distributed import Client

    from ..config import FetchConfig

from ..api import SCORE_BATCH_SIZE, scan_many
from ..model._model import load_model
from ..snapshot import Snapshot
from ..verdict import Verdict
from ..warc import load_snapshot

__all__ = ["DEFAULT_BATCH_SIZE", "DEFAULT_RESCORE_BATCH_SIZE", "MANIFEST_NAME",
           "SUCCESS_NAME", "JobSummary", "connect", "part_path",
           "plan_batches", "read_results", "rescore_file", "rescore_files", "rescore_snapshots",
           "scan_urls", "snapshot_files"]

#: The job description file of an output directory.
MANIFEST_NAME = "_manifest.json"
#: The marker written once every part of a job is there.
SUCCESS_NAME = "_SUCCESS"
#: Sites per scan task (one crawler each).
DEFAULT_BATCH_SIZE = 200
#: Snapshot files per re-score task.
DEFAULT_RESCORE_BATCH_SIZE = 500

_PART = "part-{:05d}.jsonl"

Batch = tuple[int, list[str]]
BatchResult = tuple[int, int]  # (items written, items that could not be analysed)


def _require_dask() -> None:
    require("dask.bag", "dask")
    require("distributed", "dask")


@dataclasses.dataclass(frozen=True)
class JobSummary:
    """What one run of a job did.

    Attributes
    ----------
    output : Path
        The output directory.
    parts : int
        Parts (batches) of the whole job.
    skipped_parts : int
        Parts already complete before this run, not computed again.
    items : int
        Items (sites or snapshot files) written by this run.
    failures : int
        Of those, items that could not be analysed (``error`` set on the verdict).
    """

    output: Path
    parts: int
    skipped_parts: int
    items: int
    failures: int


@contextlib.contextmanager
def connect(address: str, n_workers: int | None = None) -> Iterator[Client]:
    """A Dask client: of a new local cluster, or of a running scheduler.

    Parameters
    ----------
    address : str
        ``"local"`` starts a :class:`distributed.LocalCluster` of worker processes (one
        thread each) that listens on 127.0.0.1 only, without dashboard, and closes it on
        exit; anything else is a scheduler address such as ``tcp://scheduler:8786``.
    n_workers : int, optional
        Worker processes of the local cluster (default: one per CPU).

    Yields
    ------
    distributed.Client

    Raises
    ------
    fakeinvest.errors.MissingDependencyError
        Dask is not installed.
    fakeinvest.errors.BadInputError
        No scheduler answers at ``address``, or ``n_workers`` < 1.
    """
    if n_workers is not None and n_workers < 1:
        raise errors.BadInputError("a local cluster needs at least one worker")
    _require_dask()
    from distributed import Client, LocalCluster  # noqa: PLC0415 - optional dependency (dask extra)

    if address != "local":
        try:
            client = Client(address)
        except OSError as exc:  # refused, unreachable, timed out
            raise errors.BadInputError(
                f"cannot connect to the Dask scheduler at {address}: {exc}") from exc
        with client:
            yield client
        return
    # host= binds the scheduler, nannies and workers to loopback (and spares the
    # interface probe that would otherwise run); the scheduler's own HTTP endpoints
    # (health, metrics) get a free loopback port instead of a fixed one.
    with _environ_restored(), \
            LocalCluster(n_workers=n_workers or os.cpu_count() or 1, threads_per_worker=1,
                         processes=True, host="127.0.0.1", dashboard_address=None,
                         scheduler_kwargs={"dashboard_address": "127.0.0.1:0"}) as cluster, \
            Client(cluster) as client:
        yield client


@contextlib.contextmanager
def _environ_restored() -> Iterator[None]:
    """Undo the variables Dask's nannies set in this process before spawning workers
    (one BLAS thread, a fixed hash seed ...), once the local cluster is closed."""
    import dask  # noqa: PLC0415 - optional dependency (dask extra)

    names = [*dask.config.get("distributed.nanny.pre-spawn-environ", {}), "PYTHONHASHSEED"]
    before = {name: os.environ.get(name) for name in names}
    try:
        yield
    finally:
        for name, value in before.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def plan_batches(items: Iterable[str], batch_size: int) -> list[list[str]]:
    """Cut the de-duplicated, sorted items into batches: the same input, the same batches.

    Parameters
    ----------
    items : iterable of str
    batch_size : int

    Returns
    -------
    list of list of str
    """
    if batch_size < 1:
        raise errors.BadInputError("batch size must be >= 1")
    unique = sorted(set(items))
    return [unique[i:i + batch_size] for i in range(0, len(unique), batch_size)]


def part_path(output: str | Path, index: int) -> Path:
    """The part file of batch ``index`` in an output directory."""
    return Path(output) / _PART.format(index)


def _manifest(kind: str, batches: list[list[str]], batch_size: int) -> dict[str, Any]:
    digest = hashlib.sha256()
    for batch in batches:
        for item in batch:
            digest.update(item.encode("utf-8") + b"\n")
    return {"kind": kind, "batch_size": batch_size, "items": sum(map(len, batches)),
            "parts": len(batches), "input_sha256": digest.hexdigest()}


def _prepare_output(output: Path, manifest: dict[str, Any]) -> None:
    """Create the directory and its manifest, or check that it holds this very job."""
    output.mkdir(parents=True, exist_ok=True)
    path = output / MANIFEST_NAME
    if path.exists():
        try:
            old = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise errors.BadInputError(f"unreadable {path}: {exc}") from exc
        mine = {k: old.get(k) for k in manifest}
        if mine != manifest:
            raise errors.BadInputError(
                f"{output} holds the results of another job ({old.get('kind')}, "
                f"{old.get('items')} items, batch size {old.get('batch_size')}); resume "
                "needs the same input and batch size, or use a new output directory")
    else:
        write_atomic(path, [json.dumps({**manifest, "fakeinvest": __version__})])
    _remove_temp_files(output)


def _remove_temp_files(output: Path) -> None:
    """Drop the temporary part files of writers that died before renaming them."""
    for stale in output.glob(f".part-*{TMP_SUFFIX}"):
        with contextlib.suppress(OSError):
            stale.unlink()


def _write_part(output: str, index: int, verdicts: Iterable[Verdict]) -> BatchResult:
    """Write a batch's verdicts, one ``json.dumps(verdict.to_dict())`` line each, as
    ``fakeinvest scan --output FILE`` does."""
    done = list(verdicts)
    write_atomic(part_path(output, index), (verdict_line(v) for v in done))
    return len(done), sum(v.error is not None for v in done)


def _scan_batch(batch: Batch, output: str, whois: bool, config: FetchConfig | None,
                concurrency: int, snapshot_dir: str | None) -> BatchResult:
    """One task: scan a batch with one crawler and write its part file."""

    index, urls = batch
    done = part_path(output, index)
    if done.exists():  # written by an earlier attempt of this task
        return count_results(done)
    by_url = {v.url: v for v in scan_many(urls, whois=whois, config=config,
                                          concurrency=concurrency,
                                          snapshot_dir=snapshot_dir, ordered=False)}
    return _write_part(output, index, (by_url[u] for u in urls))


def rescore_file(path: str) -> Verdict:
    """Score one snapshot file offline, as ``fakeinvest score --snapshot PATH`` does.

    Parameters
    ----------
    path : str

    Returns
    -------
    Verdict
        With ``error`` set (``bad_input: ...``) when the file cannot be read.
    """
    return next(rescore_files([path]))


def rescore_files(paths: Iterable[str], batch_size: int = SCORE_BATCH_SIZE
                  ) -> Iterator[Verdict]:
    """Score snapshot files offline in batches (:func:`fakeinvest.score_many`); each
    verdict is that of :func:`rescore_file` for its file alone.

    Parameters
    ----------
    paths : iterable of str
    batch_size : int
        Files loaded and scored together.

    Yields
    ------
    Verdict
        One per path, in order.
    """
    model = load_model()
    it = iter(paths)
    while chunk := list(islice(it, batch_size)):
        loaded: list[tuple[str, Snapshot | errors.BadInputError]] = []
        for path in chunk:
            try:
                loaded.append((path, load_snapshot(path)))
            except errors.BadInputError as exc:
                loaded.append((path, exc))
        good = [(p, s) for p, s in loaded if isinstance(s, Snapshot)]
        scored = iter(model.verdicts([s for _p, s in good], [s.url or p for p, s in good]))
        for path, snap in loaded:
            yield (Verdict.failed(path, snap, model.version)
                   if isinstance(snap, errors.BadInputError) else next(scored))


def _rescore_batch(batch: Batch, output: str) -> BatchResult:
    """One task: re-score a batch of snapshot files and write its part file."""
    index, paths = batch
    done = part_path(output, index)
    if done.exists():
        return count_results(done)
    return _write_part(output, index, rescore_files(paths))


def _run(kind: str, items: Iterable[str], output: str | Path, client: Client | None,
         batch_size: int, progress: bool, task: Callable[..., BatchResult],
         **options: Any) -> JobSummary:
    """Plan the batches, skip the complete parts, run the others; in this process when
    ``client`` is None, else as a Dask bag on the cluster."""
    out = Path(output).resolve()
    batches = plan_batches(items, batch_size)
    _prepare_output(out, _manifest(kind, batches, batch_size))
    todo = [(i, b) for i, b in enumerate(batches) if not part_path(out, i).exists()]
    results = _results(todo, str(out), client, task, options)
    items_done = failures = 0
    with _progress_bar(kind, sum(len(b) for _, b in todo), progress) as bar:
        for (n, failed) in results:
            items_done, failures = items_done + n, failures + failed
            bar.update(n)
            bar.set_postfix(errors=failures, refresh=False)
    _remove_temp_files(out)
    if all(part_path(out, i).exists() for i in range(len(batches))):
        write_atomic(out / SUCCESS_NAME, [])
    return JobSummary(output=out, parts=len(batches), skipped_parts=len(batches) - len(todo),
                      items=items_done, failures=failures)


def _results(todo: list[Batch], output: str, client: Client | None,
             task: Callable[..., BatchResult], options: dict[str, Any]
             ) -> Iterator[BatchResult]:
    """The result of each batch as it completes."""
    if client is None:
        for batch in todo:
            yield task(batch, output, **options)
        return
    if not todo:
        return
    _require_dask()
    import dask.bag as db  # noqa: PLC0415 - optional dependency (dask extra)
    from distributed import as_completed  # noqa: PLC0415 - optional dependency (dask extra)

    # One batch per partition, so one task per batch.
    bag = db.from_sequence(todo, npartitions=len(todo)).map(task, output, **options)
    futures = client.compute(bag.to_delayed(), retries=1)
    for future in as_completed(futures):
        yield from future.result()


def _progress_bar(kind: str, total: int, enabled: bool) -> Any:


    unit = "site" if kind == "scan" else "file"
    return tqdm(total=total, unit=unit, file=sys.stderr, disable=None if enabled else True,
                desc=f"{kind} ({total} to do)")


def scan_urls(urls: Iterable[str], output: str | Path, *, client: Client | None = None,
              batch_size: int = DEFAULT_BATCH_SIZE, whois: bool = True,
              config: FetchConfig | None = None, concurrency: int = 16,
              snapshot_dir: str | Path | None = None, progress: bool = False) -> JobSummary:
    """Scan many sites in batches, one part file per batch; resumable.

    Parameters
    ----------
    urls : iterable of str
        De-duplicated and sorted before batching.
    output : str or Path
        The output directory (on a file system every worker can write to).
    client : distributed.Client, optional
        Run the batches on this cluster (see :func:`connect`); in this process when None.
    batch_size : int
        Sites per batch: one task, one crawler, one part file.
    whois : bool
        Look up each domain (see :func:`fakeinvest.scan`).
    config : FetchConfig, optional
        Crawl limits (shipped to the workers as they are).
    concurrency : int
        Sites in flight per batch.
    snapshot_dir : str or Path, optional
        Save each site's snapshot there as a WARC file (a batch run twice saves twice).
    progress : bool
        Show a progress bar on stderr (when it is a terminal).

    Returns
    -------
    JobSummary

    Raises
    ------
    fakeinvest.errors.BadInputError
        ``output`` holds another job's results, or ``batch_size`` < 1.
    fakeinvest.errors.MissingDependencyError
        A client was given but Dask is not installed.
    """
    if concurrency < 1:
        raise errors.BadInputError("concurrency must be >= 1")
    snaps = None if snapshot_dir is None else str(Path(snapshot_dir).resolve())
    return _run("scan", urls, output, client, batch_size, progress, _scan_batch,
                whois=whois, config=config, concurrency=concurrency, snapshot_dir=snaps)


def snapshot_files(sources: Iterable[str | Path]) -> list[str]:
    """The WARC snapshot files of directories (not recursive) and single files.

    Parameters
    ----------
    sources : iterable of str or Path
        Snapshot directories (``*.warc.gz`` and ``*.warc`` inside them) or files.

    Returns
    -------
    list of str
        Absolute paths, sorted, each once.

    Raises
    ------
    fakeinvest.errors.BadInputError
        A source does not exist.
    """
    files: set[str] = set()
    for source in map(Path, sources):
        if source.is_dir():
            files.update(str(p.resolve()) for pattern in ("*.warc.gz", "*.warc")
                         for p in source.glob(pattern) if p.is_file())
        elif source.is_file():
            files.add(str(source.resolve()))
        else:
            raise errors.BadInputError(f"no snapshot file or directory at {source}")
    return sorted(files)


def rescore_snapshots(sources: Iterable[str | Path], output: str | Path, *,
                      client: Client | None = None,
                      batch_size: int = DEFAULT_RESCORE_BATCH_SIZE,
                      progress: bool = False) -> JobSummary:
    """Re-score snapshot stores offline in batches, one part file per batch; resumable.

    Each file gets exactly the verdict of ``fakeinvest.score_snapshot(load_snapshot(path),
    url=snapshot.url)``, i.e. that of the live scan that saved it.

    Parameters
    ----------
    sources : iterable of str or Path
        Snapshot directories written by ``scan --snapshots`` (or single WARC files); see
        :func:`snapshot_files`. They must be readable by every worker at the same path.
    output : str or Path
        The output directory.
    client : distributed.Client, optional
        Run the batches on this cluster; in this process when None.
    batch_size : int
        Snapshot files per batch.
    progress : bool
        Show a progress bar on stderr (when it is a terminal).

    Returns
    -------
    JobSummary

    Raises
    ------
    fakeinvest.errors.BadInputError
        A source does not exist, there is no snapshot file, ``output`` holds another
        job's results, or ``batch_size`` < 1.
    fakeinvest.errors.MissingDependencyError
        A client was given but Dask is not installed.
    """
    sources = list(sources)
    files = snapshot_files(sources)
    if not files:
        raise errors.BadInputError(
            f"no snapshot file (*.warc.gz, *.warc) in {', '.join(map(str, sources))}")
    return _run("rescore", files, output, client, batch_size, progress, _rescore_batch)


def read_results(output: str | Path) -> Iterator[dict[str, Any]]:
    """The verdicts of an output directory, part by part, as dicts.

    Parameters
    ----------
    output : str or Path

    Yields
    ------
    dict
        One :meth:`Verdict.to_dict` per line of the part files.
    """
    for part in sorted(Path(output).glob("part-*.jsonl")):
        yield from read_lines(part)
