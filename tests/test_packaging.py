"""A built wheel carries the model and demo sites: `fakeinvest score` works with no checkout."""

from __future__ import annotations

import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps",
                    "--no-build-isolation", "-w", str(out), str(ROOT)], check=True,
                   capture_output=True)
    (whl,) = out.glob("fakeinvest-*.whl")
    return whl


def test_wheel_contents(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for required in ("fakeinvest/models/fakeinvest-model.joblib",
                     "fakeinvest/models/model_card.json", "fakeinvest/models/gate.json",
                     "fakeinvest/models/MODEL_CARD.md", "fakeinvest/py.typed",
                     "fakeinvest/data/brands.csv",
                     "fakeinvest/demo_sites/atfx-vn.com/index.html"):
        assert required in names, required
    entry = next(n for n in names if n.endswith("entry_points.txt"))
    assert "fakeinvest = fakeinvest.cli:main" in zipfile.ZipFile(wheel).read(entry).decode()


def test_installed_wheel_scores_from_root(wheel: Path, tmp_path: Path) -> None:
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps",
                    "--target", str(target), str(wheel)], check=True, capture_output=True)
    page = tmp_path / "page.html"
    page.write_text("<html><body><p>Earn 5% daily for 30 days! Withdrawal fee 10% to unlock "
                    "your funds. USDT TRC20 only.</p></body></html>", encoding="utf-8")
    deps = sysconfig.get_paths()["purelib"]
    # -S: no site processing, so neither the checkout nor an editable install is visible;
    # fakeinvest comes from the installed wheel, dependencies from the environment.
    res = subprocess.run(
        [sys.executable, "-S", "-c",
         "import sys, fakeinvest.cli as c; print(c.__file__); sys.exit(c.main(sys.argv[1:]))",
         "score", str(page), "--json"],
        cwd="/", capture_output=True, text=True, env={"PYTHONPATH": f"{target}:{deps}"},
        timeout=120)
    assert res.returncode == 0, res.stderr
    first, rest = res.stdout.split("\n", 1)
    assert first.startswith(str(target))
    assert '"flagged": true' in rest
