"""Fixtures for the browser test: one JupyterLab and one Chromium per session, a fresh page per notebook.

Everything here skips, with the reason, when Chromium or Playwright is missing, so `make test`
never needs a browser; `make test-browser` installs Playwright and CI installs Chromium.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from chromium import CHROMIUM, CHROMIUM_FLAGS, VIEWPORT
from lab_server import start_lab

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def sync_playwright():
    if not CHROMIUM.exists():
        pytest.skip(f"Chromium not found at {CHROMIUM}: install Debian's package (apt-get install chromium)")
    module = pytest.importorskip(
        "playwright.sync_api", reason="Playwright is not installed: run `make test-browser` (requirements-browser.txt)"
    )
    return module.sync_playwright


@pytest.fixture(scope="session")
def course_copy(tmp_path_factory) -> Path:
    """A copy of the notebooks for the server to open, so nothing the browser does can touch the repo's files."""
    root = tmp_path_factory.mktemp("course")
    shutil.copytree(ROOT / "notebooks", root / "notebooks")
    return root


@pytest.fixture(scope="session")
def lab(sync_playwright, course_copy, tmp_path_factory):
    server = start_lab(course_copy, tmp_path_factory.mktemp("jupyterlab"))
    yield server
    server.stop()


@pytest.fixture(scope="session")
def chromium(sync_playwright):
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


@pytest.fixture
def page(chromium, lab):
    """A fresh browser context for one notebook; its kernel is shut down afterwards to free the CPU."""
    context = chromium.new_context(viewport=VIEWPORT)
    yield context.new_page()
    context.close()
    lab.shutdown_kernels()
