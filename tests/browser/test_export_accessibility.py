"""The exported course (`make html`), audited as a reader without network gets it: WCAG 2.1 A/AA, math, alt text.

Every notebook is exported with tools/export_html.py into a temporary folder, and every page
(the index too) is opened from file:// in Chromium with the network cut: every request that is
not for a local file is aborted and recorded. On each page, axe-core (shipped inside the PyPI
package axe-playwright-python, so it needs no network either) runs the WCAG 2.1 A and AA rules;
the formulas must be typeset by the local MathJax (no raw TeX left in the prose); every image
must carry a real alt text (not nbconvert's placeholder, not empty); and the page may ask
nothing of the network and log no error.

    .venv/bin/python -m pytest -m browser tests/browser/test_export_accessibility.py -rs
"""
from __future__ import annotations

import importlib.util
import re
from collections import Counter
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
WCAG_21_AA_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
NBCONVERT_PLACEHOLDER_ALT = "No description has been provided for this image"
#: TeX a reader would see raw if MathJax did not run: $...$, $$...$$, \(...\), \[...\], \begin{...}.
RAW_TEX = re.compile(r"\$\$|\$[^$\s][^$]*\$|\\\(|\\\[|\\begin\{")
MATH_SETTLE_TIMEOUT_MS = 60_000

#: Runs in the page once it has loaded: waits until MathJax (any version) has typeset the page.
WAIT_FOR_MATHJAX = """async () => {
  const mj = window.MathJax;
  if (mj && mj.startup && mj.startup.promise) { await mj.startup.promise; return 'mathjax ' + mj.version; }
  if (mj && mj.Hub && mj.Hub.Queue) { await new Promise(done => mj.Hub.Queue(done)); return 'mathjax ' + mj.version; }
  return 'no mathjax';
}"""
#: The prose a reader sees (rendered markdown and LaTeX outputs), without code and without typeset math.
VISIBLE_PROSE = """() => Array.from(document.querySelectorAll('.jp-RenderedMarkdown, .jp-RenderedLatex')).map(el => {
  const copy = el.cloneNode(true);
  copy.querySelectorAll('code, pre, mjx-container, script').forEach(node => node.remove());
  return copy.textContent;
}).join('\\n')"""


#: A tiny real PNG (1x1, white), so the stand-in figure draws like a real one.
PNG_1X1 = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/5+hHgAHggJ/PchI7wAAAABJRU5ErkJggg=="


def _load_tool():
    spec = importlib.util.spec_from_file_location("export_html", ROOT / "tools" / "export_html.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def has_math(notebook_path: Path) -> bool:
    """True when the notebook's markdown or a stored LaTeX output holds a formula for MathJax."""
    notebook = nbformat.read(notebook_path, as_version=4)
    for cell in notebook.cells:
        if cell.cell_type == "markdown" and RAW_TEX.search(cell.source):
            return True
        if any("text/latex" in output.get("data", {}) for output in cell.get("outputs", [])):
            return True
    return False


@pytest.fixture(scope="module")
def axe():
    module = pytest.importorskip(
        "axe_playwright_python.sync_playwright",
        reason="axe-playwright-python is not installed: run `make test-browser` (requirements-browser.txt)",
    )
    return module.Axe()


@pytest.fixture(scope="module")
def exported(tmp_path_factory) -> Path:
    """The whole course exported as `make html` does, into a throwaway folder."""
    out_dir = tmp_path_factory.mktemp("html")
    _load_tool().export_course(NOTEBOOKS, out_dir)
    return out_dir


class OfflinePage:
    """One exported page opened from file:// with every other request aborted (and remembered)."""

    def __init__(self, chromium, path: Path):
        self.context = chromium.new_context(viewport={"width": 1280, "height": 900})
        self.blocked: list[str] = []
        self.errors: list[str] = []
        self.context.route("**/*", self._only_local_files)
        self.page = self.context.new_page()
        self.page.on("pageerror", lambda error: self.errors.append(f"uncaught: {error}"))
        self.page.on("console", lambda message: message.type == "error" and self.errors.append(message.text))
        self.page.on("requestfailed", self._record_failure)
        self.page.goto(path.as_uri(), wait_until="load")
        self.mathjax = self.page.evaluate(WAIT_FOR_MATHJAX)

    def _only_local_files(self, route):
        if route.request.url.startswith(("file:", "data:")):
            route.continue_()
        else:
            self.blocked.append(route.request.url)
            route.abort("internetdisconnected")

    def _record_failure(self, request):
        if request.url not in self.blocked:
            self.errors.append(f"failed to load {request.url}: {request.failure}")

    def close(self):
        self.context.close()


@pytest.fixture(scope="module")
def opened(chromium, exported):
    """Each page opened once offline (lazily, by file name), shared by the checks on it."""
    pages: dict[str, OfflinePage] = {}

    def open_page(name: str) -> OfflinePage:
        if name not in pages:
            pages[name] = OfflinePage(chromium, exported / name)
        return pages[name]

    yield open_page
    for page in pages.values():
        page.close()


PAGES = ["index.html"] + [f"{path.stem}.html" for path in NOTEBOOKS]
MATH_PAGES = [f"{path.stem}.html" for path in NOTEBOOKS if has_math(path)]


def axe_violations(axe, page) -> dict[str, list[str]]:
    """WCAG 2.1 A/AA violations on the page: rule id -> the offending elements (CSS selectors)."""
    results = axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_21_AA_TAGS},
                                     "resultTypes": ["violations"]})
    return {violation["id"]: [", ".join(map(str, node["target"])) for node in violation["nodes"]]
            for violation in results.response["violations"]}


def describe(violations: dict[str, list[str]]) -> str:
    counts = Counter({rule: len(nodes) for rule, nodes in violations.items()})
    lines = [f"{sum(counts.values())} WCAG 2.1 A/AA violation(s) by axe rule id: {dict(counts.most_common())}"]
    for rule, nodes in violations.items():
        lines.append(f"  {rule}: e.g. {'; '.join(nodes[:3])}")
    return "\n".join(lines)


def test_the_course_has_pages_with_math_for_the_typesetting_check():
    assert MATH_PAGES, "no notebook has a formula: the offline-typesetting check would cover nothing"


@pytest.mark.parametrize("name", PAGES)
def test_the_page_passes_axe_wcag_21_aa_offline(name, axe, opened):
    violations = axe_violations(axe, opened(name).page)
    assert not violations, f"{name}: {describe(violations)}"


@pytest.mark.parametrize("name", PAGES)
def test_the_page_reads_offline_asking_nothing_of_the_network(name, opened):
    page = opened(name)
    assert page.blocked == [], f"{name} asked the network for: {page.blocked}"
    assert page.errors == [], f"{name} logged errors offline:\n" + "\n".join(page.errors)


@pytest.mark.parametrize("name", MATH_PAGES)
def test_formulas_are_typeset_with_the_network_cut(name, opened):
    page = opened(name)
    assert page.mathjax.startswith("mathjax"), f"{name}: MathJax did not load offline ({page.mathjax})"
    typeset = page.page.locator("mjx-container").count()
    assert typeset > 0, f"{name}: no formula was typeset offline (no mjx-container element)"
    assert page.page.locator("mjx-merror").count() == 0, f"{name}: MathJax reported a TeX error"
    raw = sorted({match.group(0) for match in RAW_TEX.finditer(page.page.evaluate(VISIBLE_PROSE))})
    assert raw == [], f"{name}: raw TeX left in the text a reader sees: {raw[:10]}"


@pytest.mark.parametrize("name", PAGES)
def test_every_image_says_what_it_shows(name, opened):
    alts = opened(name).page.eval_on_selector_all("img", "images => images.map(img => img.getAttribute('alt'))")
    missing = [alt for alt in alts if alt is None or not alt.strip() or alt.strip() == NBCONVERT_PLACEHOLDER_ALT]
    assert not missing, (
        f"{name}: {len(missing)} of {len(alts)} image(s) without a real alt text (none, empty, or nbconvert's "
        "placeholder); set it where the figure is made: output metadata {'image/png': {'alt': '...'}}"
    )


def figure_notebook(alt: str | None):
    """A heading, a formula and one figure output, with the figure's alt text in its metadata or none."""
    metadata = {"image/png": {"alt": alt}} if alt is not None else {}
    figure = new_output("display_data", data={"image/png": PNG_1X1, "text/plain": "<Figure>"}, metadata=metadata)
    return new_notebook(cells=[
        new_markdown_cell("# 00 · A figure\n\nThe slope of $f(x) = x^2$ at $x = 1$ is $$f'(1) = 2.$$"),
        new_code_cell("plot()", execution_count=1, outputs=[figure]),
    ])


ALT = "A parabola and its tangent at x = 1, of slope 2"


@pytest.mark.parametrize("alt", [ALT, None], ids=["with-alt", "without-alt"])
def test_the_audit_sees_an_alt_set_in_the_figures_metadata(alt, axe, chromium, tmp_path):
    """The mechanism end to end on a notebook built here: the alt given in metadata is what a reader gets."""
    nbformat.write(figure_notebook(alt), tmp_path / "00_figure.ipynb")
    _load_tool().export_course([tmp_path / "00_figure.ipynb"], tmp_path / "html")
    page = OfflinePage(chromium, tmp_path / "html" / "00_figure.html")
    try:
        assert axe_violations(axe, page.page) == {}
        assert page.page.locator("mjx-container").count() == 3
        alts = page.page.eval_on_selector_all("img", "images => images.map(img => img.getAttribute('alt'))")
        assert alts == [alt if alt is not None else NBCONVERT_PLACEHOLDER_ALT]
    finally:
        page.close()
