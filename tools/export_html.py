"""Export the course to static HTML with its stored outputs, plus an index page (used by `make html`).

Nothing is re-executed: each page shows the outputs committed in the notebook. Saved
widget state is dropped first, so every explorer shows its stored PNG picture (a
widget view cannot run without a kernel), and links between notebooks are pointed
at the exported pages.

    python tools/export_html.py html notebooks/*.ipynb
"""
from __future__ import annotations

import copy
import html
import re
import sys
from pathlib import Path

import nbformat
from nbconvert import HTMLExporter

INDEX_TEMPLATE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>
  body {{ font-family: system-ui, sans-serif; max-width: 44rem; margin: 3rem auto; padding: 0 1rem; line-height: 1.5; }}
  ol {{ list-style: none; padding-left: 0; }}
  li {{ margin: 0.4rem 0; }}
</style>
</head>
<body>
<h1>{title}</h1>
<p>A static copy of the course with its stored outputs: read it in order, or open the
notebooks in JupyterLab (<code>make lab</code>) to run the code and drag the sliders.</p>
<ol>
{items}
</ol>
</body>
</html>
"""
COURSE_TITLE = "From Slopes to Backprop"
_NOTEBOOK_LINK = re.compile(r'href="([^"/:#?]+)\.ipynb(#[^"]*)?"')


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


def export_page(notebook: nbformat.NotebookNode, title: str) -> str:
    """One notebook as a JupyterLab-styled HTML page, from its stored outputs, explorers as pictures."""
    notebook = copy.deepcopy(notebook)
    notebook.metadata.pop("widgets", None)
    exporter = HTMLExporter(template_name="lab")
    page, _ = exporter.from_notebook_node(notebook, resources={"metadata": {"name": title}})
    return page


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


def export_course(paths: list[Path], out_dir: Path) -> list[Path]:
    """Write one page per notebook and index.html into out_dir; return the pages in course order."""
    notebooks = _notebook_paths(paths)
    if not notebooks:
        raise ValueError("no notebooks to export: pass paths such as notebooks/*.ipynb")
    out_dir.mkdir(parents=True, exist_ok=True)
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
    for page in export_course([Path(name) for name in args[1:]], out_dir):
        print(f"wrote {page}", flush=True)
    print(f"open {out_dir / 'index.html'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
