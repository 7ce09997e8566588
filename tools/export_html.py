"""Export the course to static HTML with its stored outputs, plus an index page (used by `make html`).

Nothing is re-executed: each page shows the outputs committed in the notebook. Saved
widget state is dropped first, so every explorer shows its stored PNG picture (a
widget view cannot run without a kernel), and links between notebooks are pointed
at the exported pages.

The pages are made to pass WCAG 2.1 AA and to read offline (tests/browser/test_export_accessibility.py
audits them with axe-core, the network cut):

* Formulas are typeset by MathJax copied next to the pages (OUT_DIR/mathjax/), from the npm
  package pinned in tools/mathjax/package-lock.json; it is installed there with `npm ci` the
  first time (and whenever the pin changes). No page loads anything from the network.
* Code highlighting and the In/Out prompts get colours with at least 5:1 contrast, and links
  in text are underlined, so they are told apart without colour.
* An image output's alt text is taken from its metadata, the key "alt" under the image's
  mime type, as IPython's ``Image(..., alt=...)`` writes it::

      {"output_type": "display_data",
       "data": {"image/png": "iVBORw0...", "text/plain": "<Figure ...>"},
       "metadata": {"image/png": {"alt": "What the figure shows"}}}

  (a top-level ``metadata["alt"]`` is read too, as nbconvert does). An image without one
  keeps nbconvert's placeholder alt, which the audit reports.

    python tools/export_html.py html notebooks/*.ipynb
"""
from __future__ import annotations

import copy
import html
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
from jinja2 import DictLoader
from nbconvert import HTMLExporter

INDEX_TEMPLATE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>
  body {{ font-family: system-ui, sans-serif; max-width: 44rem; margin: 3rem auto; padding: 0 1rem;
         line-height: 1.5; color: #1a1a1a; }}
  a {{ color: #0d47a1; text-decoration: underline; }}
  ol {{ list-style: none; padding-left: 0; }}
  li {{ margin: 0.4rem 0; }}
</style>
</head>
<body>
<main>
<h1>{title}</h1>
<p>A static copy of the course with its stored outputs: read it in order, or open the
notebooks in JupyterLab (<code>make lab</code>) to run the code and drag the sliders.</p>
<ol>
{items}
</ol>
</main>
</body>
</html>
"""
COURSE_TITLE = "From Slopes to Backprop"
_NOTEBOOK_LINK = re.compile(r'href="([^"/:#?]+)\.ipynb(#[^"]*)?"')

#: The npm project that pins MathJax (package.json, package-lock.json); `npm ci` installs it in node_modules/.
MATHJAX_PROJECT = Path(__file__).resolve().parent / "mathjax"
#: Where the pages find MathJax: OUT_DIR/mathjax/ holds the mathjax package, its font in fonts/.
MATHJAX_DIR = "mathjax"
MATHJAX_URL = f"{MATHJAX_DIR}/tex-chtml.js"
MATHJAX_FONT = "mathjax-newcm"
#: What the pages need of the font package (its CommonJS/ES module and SVG copies are for Node and SVG output).
_FONT_PARTS = ("package.json", "LICENSE", "chtml.js", "chtml")
#: What the pages do not need of the mathjax package: the Node entry points.
_MATHJAX_SKIP = shutil.ignore_patterns("node-main*", "require.mjs")

#: Colours that meet WCAG 2.1 AA (each at least 5:1): JupyterLab's light-theme hues, darkened where they
#: fell short on the code background #f5f5f5 (numbers #080 were 4.26:1, comments 4.17:1, operators 4.40:1),
#: and the prompts, which the lab template dims to half opacity (2.16:1), at full strength.
ACCESSIBLE_CSS = """
:root {
  --jp-mirror-editor-keyword-color: #007b00;
  --jp-mirror-editor-atom-color: #5f5fb2;
  --jp-mirror-editor-number-color: #007a00;
  --jp-mirror-editor-variable-3-color: #00794c;
  --jp-mirror-editor-operator-color: #9c1feb;
  --jp-mirror-editor-comment-color: #397272;
  --jp-mirror-editor-meta-color: #9c1feb;
  --jp-mirror-editor-builtin-color: #007b00;
  --jp-mirror-editor-bracket-color: #6a6a52;
  --jp-mirror-editor-quote-color: #007a00;
  --jp-mirror-editor-error-color: #d40000;
  --jp-mirror-editor-hr-color: #686868;
  --jp-cell-inprompt-font-color: #2b72ae;
  --jp-cell-outprompt-font-color: #b05438;
  --jp-cell-prompt-not-active-opacity: 1;
  --jp-cell-prompt-opacity: 1;
}
/* Links in text are underlined, so they are told apart from the words around them without colour. */
.jp-RenderedHTMLCommon a:link,
.jp-RenderedHTMLCommon a:visited {
  text-decoration: underline;
}
"""

#: MathJax 4 set up as nbconvert sets up MathJax 2 ($...$ and \(...\) inline, $$...$$ and \[...\] displayed,
#: AMS equation numbers), loading its font from the copy next to the pages instead of a CDN. Screen
#: readers get each formula as hidden MathML (assistive MathML), which works from file:// too; MathJax's
#: own speech and Braille are off, since they run in a Web Worker that a page opened from file:// may not start.
MATHJAX_CONFIG = """window.MathJax = {
  loader: {paths: {fonts: '[mathjax]/fonts'}},
  output: {font: 'FONT'},
  options: {menuOptions: {settings: {assistiveMml: true, enrich: false, speech: false, braille: false}}},
  tex: {
    inlineMath: [['$', '$'], ['\\\\(', '\\\\)']],
    displayMath: [['$$', '$$'], ['\\\\[', '\\\\]']],
    processEscapes: true,
    processEnvironments: true,
    tags: 'ams'
  }
};""".replace("FONT", MATHJAX_FONT)

#: The lab template with the changes above; nbconvert's own blocks are kept wherever they already do right.
PAGE_TEMPLATE = """{%- extends 'index.html.j2' -%}
{% macro with_alt(rendered, output, mimetype) -%}
{%- set alt = output | get_metadata('alt', mimetype) -%}
{%- if alt is string and alt.strip() -%}
{{ rendered | replace('<img', '<img alt="' ~ (alt.strip() | escape_html) ~ '"', 1) }}
{%- else -%}
{{ rendered }}
{%- endif -%}
{%- endmacro %}

{%- block html_head_js_requirejs -%}
{%- endblock html_head_js_requirejs -%}

{%- block html_head_js_mathjax -%}
<script>
""" + MATHJAX_CONFIG + """
</script>
<script defer src="{{ resources.mathjax_url }}"></script>
{%- endblock html_head_js_mathjax -%}

{%- block html_head_css -%}
<style type="text/css">
""" + ACCESSIBLE_CSS + """
</style>
{%- endblock html_head_css -%}

{% block data_png scoped %}{{ with_alt(super(), output, 'image/png') }}{% endblock data_png %}
{% block data_jpg scoped %}{{ with_alt(super(), output, 'image/jpeg') }}{% endblock data_jpg %}
{% block data_svg scoped %}{{ with_alt(super(), output, 'image/svg+xml') }}{% endblock data_svg %}
"""


def notebook_title(notebook: nbformat.NotebookNode, fallback: str) -> str:
    """The notebook's first markdown heading, which names it in the index and the browser tab."""
    for cell in notebook.cells:
        if cell.cell_type == "markdown":
            match = re.search(r"^#+\s+(.+?)\s*$", cell.source, flags=re.MULTILINE)
            if match:
                return match.group(1)
    return fallback


def link_notebooks_to_pages(page: str, stems: set[str]) -> str:
    """Point links such as href="01_x.ipynb" at the exported 01_x.html when that notebook is exported."""

    def replace(match: re.Match) -> str:
        stem, anchor = match.group(1), match.group(2) or ""
        return f'href="{stem}.html{anchor}"' if stem in stems else match.group(0)

    return _NOTEBOOK_LINK.sub(replace, page)


def export_page(notebook: nbformat.NotebookNode, title: str, mathjax_url: str = MATHJAX_URL) -> str:
    """One notebook as a JupyterLab-styled HTML page, from its stored outputs, explorers as pictures.

    The page typesets its formulas with the MathJax at mathjax_url (by default the copy that
    export_course puts next to the pages) and asks nothing of the network.
    """
    notebook = copy.deepcopy(notebook)
    notebook.metadata.pop("widgets", None)
    exporter = HTMLExporter(
        template_name="lab",
        extra_loaders=[DictLoader({"course_page.html.j2": PAGE_TEMPLATE})],
        template_file="course_page.html.j2",
        mathjax_url=mathjax_url,
        language_code="en",
    )
    page, _ = exporter.from_notebook_node(notebook, resources={"metadata": {"name": title}})
    return page


def _version(package_dir: Path) -> str | None:
    try:
        return json.loads((package_dir / "package.json").read_text(encoding="utf-8"))["version"]
    except (OSError, ValueError, KeyError):
        return None


def installed_mathjax(project: Path | None = None) -> Path:
    """node_modules/ of the MathJax pinned in project/package-lock.json (by default tools/mathjax/),
    installed with `npm ci` if it is not there yet or is another version."""
    project = project or MATHJAX_PROJECT
    lock = json.loads((project / "package-lock.json").read_text(encoding="utf-8"))
    wanted = {name.removeprefix("node_modules/"): entry["version"]
              for name, entry in lock["packages"].items() if name.startswith("node_modules/")}
    modules = project / "node_modules"
    if all(_version(modules / name) == version for name, version in wanted.items()):
        return modules
    npm = shutil.which("npm")
    if npm is None:
        raise RuntimeError(
            "the HTML export typesets formulas offline with MathJax from npm, and npm is not on PATH: "
            f"install Node.js and npm (e.g. apt-get install npm), or run `npm ci` in {project} elsewhere"
        )
    print(f"installing MathJax {wanted.get('mathjax', '?')} with npm ci in {project}", flush=True)
    subprocess.run([npm, "ci", "--no-audit", "--no-fund", "--ignore-scripts", "--loglevel=error"],
                   cwd=project, check=True)
    return modules


def copy_mathjax(modules: Path, out_dir: Path) -> Path:
    """Copy MathJax and its font from an npm node_modules/ into out_dir/mathjax/, replacing an older copy."""
    source, font = modules / "mathjax", modules / "@mathjax" / f"{MATHJAX_FONT}-font"
    for part in (source / "tex-chtml.js", font / "chtml.js"):
        if not part.is_file():
            raise FileNotFoundError(f"no MathJax to copy: {part} is missing (run `npm ci` in {MATHJAX_PROJECT})")
    target = out_dir / MATHJAX_DIR
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(source, target, ignore=_MATHJAX_SKIP)
    font_target = target / "fonts" / font.name
    font_target.mkdir(parents=True)
    for name in _FONT_PARTS:
        part = font / name
        if part.is_dir():
            shutil.copytree(part, font_target / name)
        elif part.is_file():
            shutil.copy2(part, font_target / name)
    return target


def index_page(entries: list[tuple[str, str]]) -> str:
    """The course's front page: (file name, title) pairs as an ordered list of links."""
    items = "\n".join(
        f'<li><a href="{html.escape(name)}">{html.escape(title)}</a></li>' for name, title in entries
    )
    return INDEX_TEMPLATE.format(title=html.escape(COURSE_TITLE), items=items)


def _notebook_paths(paths: list[Path]) -> list[Path]:
    """The notebooks in course order, refusing anything that is not an existing .ipynb file."""
    for path in paths:
        if path.suffix != ".ipynb" or not path.is_file():
            raise ValueError(f"expected existing .ipynb notebooks, e.g. notebooks/00_start_here.ipynb; got {path}")
    return sorted(paths, key=lambda path: path.name)


def export_course(paths: list[Path], out_dir: Path, mathjax_modules: Path | None = None) -> list[Path]:
    """Write one page per notebook, index.html and MathJax into out_dir; return the pages in course order.

    mathjax_modules is an npm node_modules/ holding mathjax and @mathjax/mathjax-newcm-font;
    by default the one pinned in tools/mathjax/, installed on first use.
    """
    notebooks = _notebook_paths(paths)
    if not notebooks:
        raise ValueError("no notebooks to export: pass paths such as notebooks/*.ipynb")
    out_dir.mkdir(parents=True, exist_ok=True)
    copy_mathjax(mathjax_modules or installed_mathjax(), out_dir)
    stems = {path.stem for path in notebooks}
    entries, pages = [], []
    for path in notebooks:
        notebook = nbformat.read(path, as_version=4)
        title = notebook_title(notebook, fallback=path.stem)
        page = out_dir / f"{path.stem}.html"
        page.write_text(link_notebooks_to_pages(export_page(notebook, title), stems), encoding="utf-8")
        entries.append((page.name, title))
        pages.append(page)
    (out_dir / "index.html").write_text(index_page(entries), encoding="utf-8")
    return pages


def main(args: list[str]) -> int:
    if len(args) < 2:
        print("usage: python tools/export_html.py OUT_DIR notebooks/NN_name.ipynb ...", file=sys.stderr)
        return 2
    out_dir = Path(args[0])
    try:
        pages = export_course([Path(name) for name in args[1:]], out_dir)
    except (RuntimeError, FileNotFoundError, subprocess.CalledProcessError) as error:
        print(f"export_html: {error}", file=sys.stderr)
        return 1
    for page in pages:
        print(f"wrote {page}", flush=True)
    print(f"wrote {out_dir / MATHJAX_DIR} (MathJax, so the formulas typeset offline)")
    print(f"open {out_dir / 'index.html'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
