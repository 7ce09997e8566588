"""Binder builds the course from environment.yml alone, and the README's launch links open a real notebook."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
BINDER_LINK = re.compile(r"https://mybinder\.org/v2/gh/[^/\s]+/[^/\s]+/[^?\s]+\?urlpath=lab/tree/([^\s)`]+)")
COLAB_LINK = re.compile(r"https://colab\.research\.google\.com/github/[^/\s]+/[^/\s]+/blob/[^/\s]+/([^\s)`]+)")


def _conda_pin(name: str) -> str:
    match = re.search(rf"^\s*-\s*{re.escape(name)}=([^\s#]+)", (ROOT / "environment.yml").read_text(), re.MULTILINE)
    assert match, f"environment.yml does not pin {name}"
    return match.group(1)


def test_binder_reads_the_root_environment_file_and_needs_no_build_step():
    assert (ROOT / "environment.yml").is_file()
    # repo2docker would read only a binder/ or .binder/ folder, and would run a postBuild script.
    assert [name for name in ("binder", ".binder", "postBuild") if (ROOT / name).exists()] == []


def test_the_widget_stack_ships_prebuilt_jupyterlab_extensions():
    assert int(_conda_pin("ipywidgets").split(".")[0]) >= 8
    assert int(_conda_pin("jupyterlab").split(".")[0]) >= 4
    assert _conda_pin("anywidget")


@pytest.mark.parametrize("pattern", [BINDER_LINK, COLAB_LINK], ids=["binder", "colab"])
def test_the_readme_launch_links_open_an_existing_notebook(pattern):
    targets = pattern.findall(README)
    assert targets, f"no link matching {pattern.pattern} in README.md"
    missing = [target for target in targets if not (ROOT / target).is_file()]
    assert missing == [], f"README links to notebooks that do not exist: {missing}"


def test_the_binder_badge_opens_the_first_notebook_in_jupyterlab():
    assert "notebooks/00_start_here.ipynb" in BINDER_LINK.findall(README)
