"""The notebooks execute top to bottom, offline, and are committed without outputs."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from .conftest import PAGES

NOTEBOOKS = sorted((Path(__file__).resolve().parents[1] / "notebooks").glob("*.ipynb"))
#: Notebooks that read the labelled corpus in ../shared/data.
NEEDS_CORPUS = {"02-research.ipynb"}


def test_notebooks_exist() -> None:
    names = {p.name for p in NOTEBOOKS}
    assert {"01-quickstart.ipynb", "02-research.ipynb",
            "03-bring-your-own-data.ipynb"} <= names


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_committed_without_outputs(path: Path) -> None:
    nb = json.loads(path.read_text(encoding="utf-8"))
    for cell in nb["cells"]:
        if cell["cell_type"] == "code":
            assert cell.get("outputs") == [] and cell.get("execution_count") is None, path
        assert "attachments" not in cell or not cell["attachments"], path
    assert "widgets" not in nb.get("metadata", {}), path


def _execute(path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Any:
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    pytest.importorskip("pandas")
    pytest.importorskip("matplotlib")
    # A writable home for the kernel's runtime files, wherever the tests run.
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("IPYTHONDIR", str(tmp_path / "ipython"))
    monkeypatch.setenv("JUPYTER_RUNTIME_DIR", str(tmp_path / "runtime"))
    monkeypatch.setenv("MPLCONFIGDIR", str(tmp_path / "matplotlib"))
    monkeypatch.setenv("MPLBACKEND", "Agg")
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    nb = nbformat.read(path, as_version=4)
    work = tmp_path / "cwd"
    work.mkdir()
    client = nbclient.NotebookClient(nb, timeout=300, kernel_name="python3",
                                     resources={"metadata": {"path": str(work)}})
    client.execute()
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    return nb


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_runs(path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    if path.name in NEEDS_CORPUS:
        if not PAGES.is_file():
            pytest.skip(f"{path.name} needs the corpus at {PAGES} (../shared/data is absent)")
        monkeypatch.setenv("FAKEINVEST_DATA", str(PAGES))
    nb = _execute(path, tmp_path, monkeypatch)
    html = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs
            if "text/html" in o.get("data", {})]
    assert html  # the rich rendering (cards, tables) is shown


def test_research_notebook_ends_cleanly_without_corpus(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    (path,) = [p for p in NOTEBOOKS if p.name == "02-research.ipynb"]
    monkeypatch.setenv("FAKEINVEST_DATA", str(tmp_path / "absent" / "pages.jsonl.gz"))
    nb = _execute(path, tmp_path, monkeypatch)
    text = "".join(o.get("text", "") for c in nb.cells if c.cell_type == "code"
                   for o in c.outputs)
    assert "corpus not found" in text
    later = [o for c in nb.cells[3:] if c.cell_type == "code" for o in c.outputs]
    assert later == []
