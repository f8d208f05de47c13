"""The built wheel carries its data files and runs the demo outside the source tree."""

from __future__ import annotations

import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("wheel")]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """Build the wheel once for the module."""
    outdir = tmp_path_factory.mktemp("dist")
    subprocess.run([sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(outdir), str(ROOT)],
                   check=True, capture_output=True)
    return next(outdir.glob("zcbatch-*.whl"))


def test_wheel_contains_schemas(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    assert "zcbatch/schemas/fields.yaml" in names


def test_wheel_contains_policy(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    assert "zcbatch/schemas/policies/teda-2024.yaml" in names


def test_wheel_contains_templates(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    assert {"zcbatch/templates/公示.docx", "zcbatch/templates/自主聘任表.docx", "zcbatch/templates/推荐审核汇总表.docx"} <= names


def test_wheel_contains_sample(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    assert "zcbatch/sample_data/申报汇总.xlsx" in names


def test_installed_wheel_runs_demo(wheel, tmp_path):
    """Install the wheel into a fresh venv and run ``zcbatch demo`` from an unrelated folder.

    The fresh venv reaches the already-installed dependencies through a .pth
    file instead of downloading them; its own site-packages comes first on
    sys.path, so ``zcbatch`` is imported from the wheel, not the source tree.
    """
    environment = tmp_path / "venv"
    venv.create(environment, with_pip=True)
    python = environment / "bin" / "python"
    site_packages = Path(subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True, capture_output=True, text=True,
    ).stdout.strip())
    dependencies = sysconfig.get_paths()["purelib"]
    (site_packages / "zz_dependencies.pth").write_text(f"import site; site.addsitedir({dependencies!r})\n")
    subprocess.run([str(python), "-m", "pip", "install", "--no-deps", "--quiet", str(wheel)], check=True)

    workdir = tmp_path / "work"
    workdir.mkdir()
    origin = subprocess.run([str(python), "-c", "import zcbatch; print(zcbatch.__file__)"],
                            cwd=workdir, check=True, capture_output=True, text=True).stdout
    assert str(site_packages) in origin

    completed = subprocess.run([str(environment / "bin" / "zcbatch"), "demo", "-o", "演示输出"],
                               cwd=workdir, capture_output=True, text=True)
    assert completed.returncode == 0, completed.stderr
    assert (workdir / "演示输出" / "审核结果.xlsx").is_file()
    assert (workdir / "演示输出" / "公示.docx").is_file()
