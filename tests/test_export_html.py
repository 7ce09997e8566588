"""`make html` gives a browsable course: every explorer shows its picture, pages link in order.

The pages are also made to be accessible and to read offline (the browser audit,
tests/browser/test_export_accessibility.py, checks them with axe-core): here, without a browser,
that they declare their language, title and main landmark, load MathJax from the copy beside
them and nothing from the network, take an image's alt text from its output metadata, and use
colours with AA contrast.
"""
from __future__ import annotations

import base64
import importlib.util
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
WIDGET_STATE = "application/vnd.jupyter.widget-state+json"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def _load_tool():
    spec = importlib.util.spec_from_file_location("export_html", ROOT / "tools" / "export_html.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


export_html = _load_tool()
PLACEHOLDER_ALT = "No description has been provided for this image"
PNG_B64 = "iVBORw0KGgo="  # base64 of the 8-byte PNG signature


@pytest.fixture
def fake_mathjax(tmp_path) -> Path:
    """A stand-in npm node_modules/ with the files export_course copies, so no test needs npm."""
    modules = tmp_path / "node_modules"
    for relative, text in {
        "mathjax/package.json": '{"name": "mathjax", "version": "4.1.3"}',
        "mathjax/tex-chtml.js": "window.fakeMathJax = true;",
        "mathjax/input/tex/extensions/ams.js": "",
        "mathjax/node-main.js": "",
        "@mathjax/mathjax-newcm-font/package.json": '{"name": "@mathjax/mathjax-newcm-font", "version": "4.1.3"}',
        "@mathjax/mathjax-newcm-font/chtml.js": "",
        "@mathjax/mathjax-newcm-font/chtml/woff2/mjx-ncm-n.woff2": "",
        "@mathjax/mathjax-newcm-font/svg.js": "",
    }.items():
        (modules / relative).parent.mkdir(parents=True, exist_ok=True)
        (modules / relative).write_text(text)
    return modules


def explorer_cell_ids(notebook) -> list[str]:
    """Ids of code cells whose stored output is a widget (an explorer), which need a static picture."""
    return [
        cell.id for cell in notebook.cells
        if cell.cell_type == "code"
        and any(WIDGET_VIEW in output.get("data", {}) for output in cell.get("outputs", []))
    ]


def cell_html(page: str, cell_id: str) -> str:
    """The part of an exported page that belongs to one cell (from its anchor to the next cell's)."""
    start = page.find(f'id="cell-id={cell_id}"')
    assert start >= 0, f"cell {cell_id} has no anchor in the exported page"
    end = page.find('id="cell-id=', start + 1)
    return page[start:end if end >= 0 else len(page)]


def shows_a_png(cell_page: str) -> bool:
    """True when the cell's HTML embeds an image whose bytes really are a PNG."""
    match = re.search(r'src="data:image/png;base64,([^"]+)"', cell_page)
    return bool(match) and base64.b64decode(match.group(1)).startswith(PNG_SIGNATURE)


def widget_notebook(with_saved_state: bool):
    """A one-cell notebook whose output is a widget view with a PNG beside it, as explorers store it."""
    output = new_output("execute_result", execution_count=1, data={
        WIDGET_VIEW: {"model_id": "model-1", "version_major": 2, "version_minor": 0},
        "image/png": "iVBORw0KGgo=",  # base64 of the 8-byte PNG signature
        "text/plain": "explorer (interactive: drag the sliders in JupyterLab)",
    })
    notebook = new_notebook(cells=[new_code_cell("explorer", execution_count=1, outputs=[output])])
    if with_saved_state:
        notebook.metadata["widgets"] = {
            WIDGET_STATE: {"state": {"model-1": {}}, "version_major": 2, "version_minor": 0},
        }
    return notebook


def write_notebook(path: Path, heading: str) -> Path:
    nbformat.write(new_notebook(cells=[new_markdown_cell(f"# {heading}\n\nSome text.")]), path)
    return path


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda path: path.stem)
def test_every_explorer_cell_of_the_exported_course_shows_its_picture(path, tmp_path, fake_mathjax):
    ids = explorer_cell_ids(nbformat.read(path, as_version=4))
    page = export_html.export_course([path], tmp_path / "html", fake_mathjax)[0].read_text(encoding="utf-8")
    without_picture = [cell_id for cell_id in ids if not shows_a_png(cell_html(page, cell_id))]
    assert without_picture == [], f"explorer cells exported without their PNG: {without_picture}"
    assert WIDGET_VIEW not in page, "a widget view was exported; it renders as nothing without a kernel"


def test_the_course_has_explorer_cells_for_the_export_check_to_cover():
    assert sum(len(explorer_cell_ids(nbformat.read(path, as_version=4))) for path in NOTEBOOKS) > 0


@pytest.mark.parametrize("with_saved_state", [False, True])
def test_an_explorer_exports_as_its_png_even_if_widget_state_was_saved(with_saved_state):
    page = export_html.export_page(widget_notebook(with_saved_state), "one explorer")
    assert shows_a_png(page)
    assert WIDGET_VIEW not in page


def test_exporting_leaves_the_notebook_it_was_given_unchanged():
    notebook = widget_notebook(with_saved_state=True)
    export_html.export_page(notebook, "one explorer")
    assert "widgets" in notebook.metadata


def test_links_between_notebooks_point_to_the_exported_pages():
    page = ('<a href="01_limits.ipynb">next</a> <a href="01_limits.ipynb#Key-takeaways">end</a> '
            '<a href="02_not_exported.ipynb">later</a> <a href="https://example.org/x.ipynb">web</a>')
    linked = export_html.link_notebooks_to_pages(page, {"01_limits"})
    assert linked == ('<a href="01_limits.html">next</a> <a href="01_limits.html#Key-takeaways">end</a> '
                      '<a href="02_not_exported.ipynb">later</a> <a href="https://example.org/x.ipynb">web</a>')


def test_the_index_links_every_page_in_course_order_with_its_title(tmp_path, fake_mathjax):
    later = write_notebook(tmp_path / "01_later.ipynb", "01 · Slopes & limits")
    first = write_notebook(tmp_path / "00_first.ipynb", "00 · Start")
    out_dir = tmp_path / "html"
    pages = export_html.export_course([later, first], out_dir, fake_mathjax)
    index = (out_dir / "index.html").read_text(encoding="utf-8")
    assert [page.name for page in pages] == ["00_first.html", "01_later.html"]
    assert re.findall(r'<a href="([^"]+)">([^<]+)</a>', index) == [
        ("00_first.html", "00 · Start"), ("01_later.html", "01 · Slopes &amp; limits"),
    ]
    assert "<title>00 · Start</title>" in pages[0].read_text(encoding="utf-8")


def test_a_notebook_without_a_heading_is_named_by_its_file():
    notebook = new_notebook(cells=[new_markdown_cell("no heading here"), new_code_cell("# a comment")])
    assert export_html.notebook_title(notebook, fallback="03_untitled") == "03_untitled"


@pytest.mark.parametrize("paths, message", [
    ([], "no notebooks to export"),
    ([ROOT / "README.md"], "expected existing .ipynb notebooks"),
    ([ROOT / "notebooks" / "99_missing.ipynb"], "expected existing .ipynb notebooks"),
])
def test_bad_paths_are_refused_with_a_clear_message(tmp_path, paths, message, fake_mathjax):
    with pytest.raises(ValueError, match=message):
        export_html.export_course(paths, tmp_path, fake_mathjax)


def test_the_command_without_arguments_prints_its_usage(capsys):
    assert export_html.main([]) == 2
    assert "usage: python tools/export_html.py OUT_DIR" in capsys.readouterr().err


# --- Accessible and offline ----------------------------------------------------------------------

def image_notebook(metadata: dict, mimetype: str = "image/png", output_type: str = "display_data"):
    """A one-cell notebook whose output is one image, with the given output metadata."""
    kwargs = {"execution_count": 1} if output_type == "execute_result" else {}
    output = new_output(output_type, data={mimetype: PNG_B64, "text/plain": "<Figure>"}, metadata=metadata, **kwargs)
    return new_notebook(cells=[new_code_cell("figure", execution_count=1, outputs=[output])])


def img_alts(page: str) -> list[str | None]:
    """The alt text of every <img> in the page as a browser reads it (entities decoded), None where it has none."""
    alts: list[str | None] = []

    class Images(HTMLParser):
        def handle_starttag(self, tag, attrs):
            if tag == "img":
                alts.append(dict(attrs).get("alt"))

    Images().feed(page)
    return alts


@pytest.fixture
def exported(tmp_path, fake_mathjax):
    """A two-notebook course exported with the stand-in MathJax: (out_dir, [page texts], index text)."""
    first = write_notebook(tmp_path / "00_first.ipynb", "00 · Start")
    second = write_notebook(tmp_path / "01_second.ipynb", "01 · Next")
    out_dir = tmp_path / "html"
    pages = export_html.export_course([first, second], out_dir, fake_mathjax)
    texts = [page.read_text(encoding="utf-8") for page in pages]
    return out_dir, texts, (out_dir / "index.html").read_text(encoding="utf-8")


def test_every_page_and_the_index_declare_language_title_and_main_landmark(exported):
    _, pages, index = exported
    for page, title in zip([*pages, index], ["00 · Start", "01 · Next", export_html.COURSE_TITLE]):
        assert re.search(r'<html\b[^>]*\blang="en"', page)
        assert f"<title>{title}</title>" in page
        assert len(re.findall(r"<main\b", page)) == 1 and "</main>" in page
        assert re.search(r"<h1\b", page), "a page without a top-level heading"


def test_pages_load_mathjax_from_the_copy_beside_them(exported):
    out_dir, pages, _ = exported
    for page in pages:
        sources = re.findall(r'<script\b[^>]*\bsrc="([^"]+)"', page)
        assert sources == [export_html.MATHJAX_URL] == ["mathjax/tex-chtml.js"]
        assert (out_dir / sources[0]).read_text() == "window.fakeMathJax = true;"
        assert "[mathjax]/fonts" in page, "MathJax would fetch its font from a CDN"
    assert (out_dir / "mathjax/fonts/mathjax-newcm-font/chtml/woff2/mjx-ncm-n.woff2").is_file()
    assert (out_dir / "mathjax/input/tex/extensions/ams.js").is_file()
    assert not (out_dir / "mathjax/node-main.js").exists(), "Node-only files were copied"
    assert not (out_dir / "mathjax/fonts/mathjax-newcm-font/svg.js").exists(), "the SVG font was copied"


def test_pages_load_nothing_from_the_network(exported):
    """No script, stylesheet or image from a server (nbconvert's require.js and MathJax came from a CDN).

    nbconvert's Mermaid loader stays: it imports Mermaid from a CDN only for a Mermaid diagram, which
    the course has none of (the browser audit records every request a page makes, and fails on one).
    """
    _, pages, index = exported
    for page in [*pages, index]:
        remote = re.findall(r'<(?:script|link|img|iframe)\b[^>]*\b(?:src|href)="((?:https?:)?//[^"]*)"', page)
        assert remote == [], f"the page loads {remote}"
        assert "require.min.js" not in page and "mathjax/2.7" not in page


def test_an_older_mathjax_copy_is_replaced(tmp_path, fake_mathjax):
    out_dir = tmp_path / "html"
    (out_dir / "mathjax").mkdir(parents=True)
    (out_dir / "mathjax" / "stale.js").write_text("")
    export_html.copy_mathjax(fake_mathjax, out_dir)
    assert not (out_dir / "mathjax" / "stale.js").exists()
    assert (out_dir / "mathjax" / "tex-chtml.js").is_file()


def test_copying_from_a_folder_without_mathjax_says_what_to_do(tmp_path):
    with pytest.raises(FileNotFoundError, match="npm ci"):
        export_html.copy_mathjax(tmp_path / "node_modules", tmp_path / "html")


@pytest.mark.parametrize("metadata", [
    {"image/png": {"alt": "A parabola with its tangent at x = 1"}},
    {"alt": "A parabola with its tangent at x = 1"},  # top level, as nbconvert's get_metadata also reads
    {"image/png": {"alt": "  A parabola with its tangent at x = 1 \n", "width": 400}},
])
def test_an_image_with_alt_metadata_gets_that_alt_and_never_the_placeholder(metadata):
    page = export_html.export_page(image_notebook(metadata), "one figure")
    assert img_alts(page) == ["A parabola with its tangent at x = 1"]
    assert PLACEHOLDER_ALT not in page


def test_the_alt_is_escaped_so_quotes_and_brackets_stay_text():
    alt = 'f(x) < 2 where "x" > 0 & <b>not bold</b>'
    page = export_html.export_page(image_notebook({"image/png": {"alt": alt}}), "fig")
    assert img_alts(page) == [alt]
    assert "<b>not bold</b>" not in page


def test_a_jpeg_gets_its_alt_from_its_own_mime_type():
    page = export_html.export_page(image_notebook({"image/jpeg": {"alt": "A photo"}}, "image/jpeg"), "photo")
    assert img_alts(page) == ["A photo"]


def test_an_explorers_still_picture_gets_the_alt_of_its_bundle():
    notebook = widget_notebook(with_saved_state=True)
    notebook.cells[0].outputs[0].metadata = {"image/png": {"alt": "Secant line approaching the tangent"}}
    page = export_html.export_page(notebook, "one explorer")
    assert img_alts(page) == ["Secant line approaching the tangent"]


@pytest.mark.parametrize("metadata", [{}, {"image/png": {"alt": ""}}, {"image/png": {"alt": "   "}}, {"image/png": {}}])
def test_an_image_without_a_real_alt_keeps_the_placeholder_the_audit_reports(metadata):
    page = export_html.export_page(image_notebook(metadata), "one figure")
    assert img_alts(page) == [PLACEHOLDER_ALT]


def test_each_alt_goes_to_its_own_image():
    outputs = [new_output("display_data", data={"image/png": PNG_B64}, metadata={"image/png": {"alt": f"figure {n}"}})
               for n in (1, 2)]
    notebook = new_notebook(cells=[new_code_cell("two figures", execution_count=1, outputs=outputs)])
    assert img_alts(export_html.export_page(notebook, "two figures")) == ["figure 1", "figure 2"]


def _relative_luminance(colour: str) -> float:
    digits = colour.lstrip("#")
    if len(digits) == 3:
        digits = "".join(char * 2 for char in digits)
    channels = [int(digits[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(foreground: str, background: str) -> float:
    """WCAG 2.1 contrast ratio of two #rgb / #rrggbb colours."""
    light, dark = sorted([_relative_luminance(foreground), _relative_luminance(background)], reverse=True)
    return (light + 0.05) / (dark + 0.05)


def css_variables(page: str) -> dict[str, str]:
    """The page's CSS custom properties as the browser ends up with them: the last declaration wins, var() resolved."""
    declared = dict(re.findall(r"(--[\w-]+)\s*:\s*([^;}]+)", page))

    def resolve(value: str, depth: int = 0) -> str:
        match = re.fullmatch(r"var\((--[\w-]+)\)", value.strip())
        return resolve(declared[match.group(1)], depth + 1) if match and depth < 10 else value.strip()

    return {name: resolve(value) for name, value in declared.items()}


def test_contrast_helper_matches_the_wcag_reference_values():
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


def test_code_highlighting_and_prompts_meet_aa_contrast(exported):
    _, pages, _ = exported
    colours = css_variables(pages[0])
    background = colours["--jp-cell-editor-background"]
    syntax = {name: value for name, value in colours.items()
              if name.startswith("--jp-mirror-editor-") and name.endswith("-color") and value.startswith("#")}
    assert len(syntax) >= 15, f"expected JupyterLab's syntax colours in the page, found {sorted(syntax)}"
    low = {name: round(contrast(value, background), 2) for name, value in syntax.items()
           if contrast(value, background) < 4.5}
    assert low == {}, f"syntax colours under 4.5:1 on the code background {background}: {low}"
    for prompt in ("--jp-cell-inprompt-font-color", "--jp-cell-outprompt-font-color",
                   "--jp-cell-prompt-not-active-font-color"):
        assert contrast(colours[prompt], "#ffffff") >= 4.5, prompt
    assert colours["--jp-cell-prompt-not-active-opacity"] == "1", "dimmed prompts fall to 2.16:1"


def test_links_in_text_are_underlined(exported):
    _, pages, index = exported
    underlined = (r"\.jp-RenderedHTMLCommon a:link,\s*\.jp-RenderedHTMLCommon a:visited"
                  r"\s*\{\s*text-decoration: underline")
    assert re.search(underlined, pages[0])
    assert "text-decoration: underline" in index


def test_the_mathjax_pin_is_exact_and_the_lock_agrees():
    package = json.loads((export_html.MATHJAX_PROJECT / "package.json").read_text())
    lock = json.loads((export_html.MATHJAX_PROJECT / "package-lock.json").read_text())
    for name, version in package["dependencies"].items():
        assert re.fullmatch(r"\d+\.\d+\.\d+", version), f"pin {name} exactly, not {version}"
        assert lock["packages"][f"node_modules/{name}"]["version"] == version
    assert set(package["dependencies"]) == {"mathjax", f"@mathjax/{export_html.MATHJAX_FONT}-font"}


def _npm_project(tmp_path, installed: dict[str, str]) -> Path:
    """An npm project pinning mathjax 4.1.3 and its font, with the given versions already in node_modules/."""
    project = tmp_path / "mathjax-project"
    wanted = {"mathjax": "4.1.3", "@mathjax/mathjax-newcm-font": "4.1.3"}
    lock = {"packages": {"": {}, **{f"node_modules/{name}": {"version": v} for name, v in wanted.items()}}}
    project.mkdir()
    (project / "package-lock.json").write_text(json.dumps(lock))
    for name, version in installed.items():
        (project / "node_modules" / name).mkdir(parents=True)
        (project / "node_modules" / name / "package.json").write_text(json.dumps({"version": version}))
    return project


def test_an_installed_mathjax_of_the_pinned_version_is_used_as_it_is(tmp_path, monkeypatch):
    project = _npm_project(tmp_path, {"mathjax": "4.1.3", "@mathjax/mathjax-newcm-font": "4.1.3"})
    monkeypatch.setattr(export_html.subprocess, "run", lambda *a, **k: pytest.fail("npm ran needlessly"))
    assert export_html.installed_mathjax(project) == project / "node_modules"


@pytest.mark.parametrize("installed", [{}, {"mathjax": "4.1.2", "@mathjax/mathjax-newcm-font": "4.1.3"}])
def test_a_missing_or_other_mathjax_is_installed_with_npm_ci(tmp_path, monkeypatch, installed):
    project = _npm_project(tmp_path, installed)
    calls = []
    monkeypatch.setattr(export_html.shutil, "which", lambda name: "/usr/bin/npm")
    monkeypatch.setattr(export_html.subprocess, "run", lambda command, **kwargs: calls.append((command, kwargs)))
    assert export_html.installed_mathjax(project) == project / "node_modules"
    assert [command[:2] for command, _ in calls] == [["/usr/bin/npm", "ci"]]
    assert calls[0][1]["cwd"] == project and calls[0][1]["check"] is True


def test_without_npm_the_export_says_how_to_get_mathjax(tmp_path, monkeypatch):
    project = _npm_project(tmp_path, {})
    monkeypatch.setattr(export_html.shutil, "which", lambda name: None)
    with pytest.raises(RuntimeError, match="npm is not on PATH"):
        export_html.installed_mathjax(project)


def test_the_command_without_npm_explains_instead_of_a_traceback(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(export_html, "MATHJAX_PROJECT", _npm_project(tmp_path, {}))
    monkeypatch.setattr(export_html.shutil, "which", lambda name: None)
    notebook = write_notebook(tmp_path / "00_first.ipynb", "00 · Start")
    assert export_html.main([str(tmp_path / "html"), str(notebook)]) == 1
    assert "npm is not on PATH" in capsys.readouterr().err
