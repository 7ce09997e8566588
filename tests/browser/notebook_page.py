"""Drive one notebook in JupyterLab like a learner: open it, run every cell, find and move every explorer's sliders.

Every wait is on a condition in the page (kernel status, prompts, readouts, canvas pixels), never a fixed sleep.
An explorer, as the DOM shows it, is a widget box with a readout (``.widget-html``) and a figure
view (``.course-figure``, a canvas) as direct children: the layout of ``course_utils.explorers.base.Explorer``.
"""
from __future__ import annotations

import json
from pathlib import Path

KERNEL_IDLE = "Python 3 (ipykernel) | Idle"
WIDGET_MIME = "application/vnd.jupyter.widget-view+json"
KERNEL_READY_TIMEOUT_MS = 90_000
RUN_ALL_TIMEOUT_MS = 180_000
SLIDER_TIMEOUT_MS = 20_000
#: The canvas counts as redrawn once its pixels stay the same for this many polls in a row.
STABLE_POLLS = 3
POLL_MS = 100

# Shared page-side helpers, defined once per page load.
PAGE_HELPERS = r"""
window.__explorerTest = {
  explorers() {
    return Array.from(document.querySelectorAll('.jp-OutputArea-output .widget-vbox')).filter(el =>
      el.querySelector(':scope > .widget-html') && el.querySelector(':scope > .course-figure'));
  },
  view(root) {
    return {
      readout: root.querySelector(':scope > .widget-html .widget-html-content').textContent,
      image: root.querySelector('.course-figure canvas').toDataURL(),
    };
  },
  snapshot(root, index) {
    const slider = root.querySelectorAll('.widget-slider')[index];
    const handle = slider.querySelector('.noUi-handle');
    return Object.assign(this.view(root), {
      label: (slider.querySelector('.widget-label') || {}).textContent || '',
      sliderReadout: slider.querySelector('.widget-readout').textContent.trim(),
      valueNow: parseFloat(handle.getAttribute('aria-valuenow')),
      valueMax: parseFloat(handle.getAttribute('aria-valuemax')),
    });
  },
  settled(root, image) {
    // Count consecutive polls with the same pixels: late drawings must arrive before the next move.
    root.__stable = image === root.__lastImage ? (root.__stable || 0) + 1 : 0;
    root.__lastImage = image;
    return root.__stable;
  },
  normalize(text) { return text.replace(/[-\u2212]/g, '\u2212').replace(/\s+/g, ' ').trim(); },
  showsValue(readout, sliderReadout) {
    // The slider's own readout text must appear as a whole number in the explorer's readout.
    const token = this.normalize(sliderReadout).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return new RegExp('(^|[^0-9.\u2212])' + token + '(?![0-9])').test(this.normalize(readout));
  },
  checks(before, now) {
    return {
      'the slider readout changed': now.sliderReadout !== before.sliderReadout,
      "the explorer's readout changed": now.readout !== before.readout,
      "the explorer's readout shows the slider's value": this.showsValue(now.readout, now.sliderReadout),
      'the figure redrew': now.image !== before.image,
    };
  },
  blank(canvas) {
    if (!canvas.width || !canvas.height) return true;  // not laid out yet: nothing drawn
    const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
    for (let i = 3; i < data.length; i += 4) if (data[i] !== 0) return false;
    return true;
  },
};
"""

# True once the slider moved, the readout shows its new value, and the canvas redrew and settled.
MOVED_AND_REDRAWN = r"""
([root, index, before, stablePolls]) => {
  const t = window.__explorerTest;
  const now = t.snapshot(root, index);
  if (!Object.values(t.checks(before, now)).every(Boolean)) { root.__stable = 0; return false; }
  return t.settled(root, now.image) >= stablePolls;
}
"""

# A menu has no value to quote, but choosing another entry must visibly answer: new readout or new figure.
MENU_ANSWERED = r"""
([root, before, stablePolls]) => {
  const t = window.__explorerTest;
  const now = t.view(root);
  if (now.readout === before.readout && now.image === before.image) { root.__stable = 0; return false; }
  return t.settled(root, now.image) >= stablePolls;
}
"""

# Run All is over when every code cell has an execution count, or when a cell failed and the queue stopped.
RUN_FINISHED = r"""
() => {
  const prompts = Array.from(document.querySelectorAll('.jp-Notebook .jp-CodeCell .jp-InputPrompt'))
    .map(p => p.textContent.trim());
  const busy = prompts.some(p => p.includes('*'));
  const failed = document.querySelector('.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]');
  return (!busy && prompts.every(p => /^\[\d+\]:$/.test(p))) || (!busy && failed !== null);
}
"""

# Every explorer's first drawing has arrived, so a later change of pixels is a redraw.
FIGURES_DRAWN = r"""
() => window.__explorerTest.explorers().every(root =>
  !window.__explorerTest.blank(root.querySelector('.course-figure canvas')))
"""


def expected_explorer_count(path: Path) -> int:
    """How many explorers the stored notebook shows: widget views that carry a PNG fallback (Explorer's bundle)."""
    notebook = json.loads(path.read_text(encoding="utf-8"))
    return sum(
        1
        for cell in notebook["cells"] if cell["cell_type"] == "code"
        for output in cell.get("outputs", [])
        if WIDGET_MIME in output.get("data", {}) and "image/png" in output.get("data", {})
    )


class NotebookPage:
    """One JupyterLab page with one notebook open."""

    def __init__(self, page, screenshot_dir: Path):
        self.page = page
        self.screenshot_dir = screenshot_dir
        self.errors: list[str] = []
        page.on("pageerror", lambda error: self.errors.append(f"page error: {error}"))
        page.on("console", self._on_console)

    def _on_console(self, message) -> None:
        if message.type == "error":
            self.errors.append(f"console error: {message.text}")

    def open(self, url: str) -> None:
        """Load JupyterLab on the notebook and wait until its kernel reports idle in the status bar."""
        self.page.goto(url)
        self.page.get_by_text(KERNEL_IDLE, exact=True).wait_for(timeout=KERNEL_READY_TIMEOUT_MS)
        self.page.evaluate(PAGE_HELPERS)

    def _menu(self, menu: str, item: str) -> None:
        self.page.get_by_role("menuitem", name=menu, exact=True).click()
        self.page.get_by_role("menuitem", name=item, exact=True).click()

    def run_all(self) -> None:
        """Clear the stored outputs (so every prompt must refill), Run All, and wait for the last cell."""
        self._menu("Edit", "Clear Outputs of All Cells")
        self.page.wait_for_function(
            "() => Array.from(document.querySelectorAll('.jp-Notebook .jp-CodeCell .jp-InputPrompt'))"
            ".every(p => !/\\d/.test(p.textContent))"
        )
        self._menu("Run", "Run All Cells")
        self.page.wait_for_function(RUN_FINISHED, timeout=RUN_ALL_TIMEOUT_MS, polling=POLL_MS)
        self.page.get_by_text(KERNEL_IDLE, exact=True).wait_for(timeout=KERNEL_READY_TIMEOUT_MS)

    def output_texts(self, selector: str) -> list[str]:
        """Text of the output areas matching a selector (e.g. stderr, or widget error messages)."""
        return self.page.locator(f".jp-OutputArea-output{selector}").all_text_contents()

    def widget_errors(self) -> list[str]:
        """'Error displaying widget…' messages shown in outputs (not the markdown that mentions them)."""
        return [text for text in self.output_texts("") if "Error displaying widget" in text]

    def explorers(self):
        """Mark every explorer with a data attribute and return their locators in page order."""
        count = self.page.evaluate(
            "() => window.__explorerTest.explorers().map((el, i) => el.setAttribute('data-explorer', i)).length"
        )
        return [self.page.locator(f'[data-explorer="{i}"]') for i in range(count)]

    def sliders_outside_explorers(self) -> int:
        """Sliders the test could not tie to an explorer's readout and figure."""
        return self.page.evaluate(
            "() => Array.from(document.querySelectorAll('.widget-slider'))"
            ".filter(s => !s.closest('[data-explorer]')).length"
        )

    def wait_for_first_drawings(self) -> None:
        self.page.wait_for_function(FIGURES_DRAWN, timeout=SLIDER_TIMEOUT_MS, polling=POLL_MS)

    def _snapshot(self, root, index: int) -> dict:
        return root.evaluate("(root, index) => window.__explorerTest.snapshot(root, index)", index)

    def _wait_moved(self, root, index: int, before: dict, how: str, explorer: int) -> None:
        """Wait until the move reached the kernel and came back as readout text and canvas pixels."""
        handle = root.element_handle()
        try:
            self.page.wait_for_function(
                MOVED_AND_REDRAWN, arg=[handle, index, before, STABLE_POLLS],
                timeout=SLIDER_TIMEOUT_MS, polling=POLL_MS,
            )
        except self._timeout_error() as error:
            checks = root.evaluate(
                "(root, [index, before]) => "
                "window.__explorerTest.checks(before, window.__explorerTest.snapshot(root, index))",
                [index, before],
            )
            now = self._snapshot(root, index)
            failed = "; ".join(name for name, ok in checks.items() if not ok) or "the figure kept changing"
            raise AssertionError(
                f"explorer {explorer}, slider {before['label']!r} moved by {how}: NOT {failed}. "
                f"Slider readout {before['sliderReadout']!r} -> {now['sliderReadout']!r}; "
                f"explorer readout {before['readout']!r} -> {now['readout']!r}"
            ) from error

    def press_arrow(self, root, index: int, explorer: int) -> None:
        """Focus the slider's handle and press one arrow key (left when it already sits at its maximum)."""
        before = self._snapshot(root, index)
        key = "ArrowLeft" if before["valueNow"] >= before["valueMax"] else "ArrowRight"
        root.locator(".widget-slider").nth(index).locator(".noUi-handle").press(key)
        self._wait_moved(root, index, before, f"keyboard ({key})", explorer)

    def drag(self, root, index: int, explorer: int) -> None:
        """Drag the handle with the mouse to a quarter of the track from the end farther away from it."""
        before = self._snapshot(root, index)
        slider = root.locator(".widget-slider").nth(index)
        slider.scroll_into_view_if_needed()
        handle = slider.locator(".noUi-handle").bounding_box()
        track = slider.locator(".noUi-base").bounding_box()
        start_x = handle["x"] + handle["width"] / 2
        y = handle["y"] + handle["height"] / 2
        fraction = 0.25 if start_x > track["x"] + track["width"] / 2 else 0.75
        mouse = self.page.mouse
        mouse.move(start_x, y)
        mouse.down()
        mouse.move(track["x"] + fraction * track["width"], y, steps=5)
        mouse.up()
        self._wait_moved(root, index, before, "mouse drag", explorer)

    def choose_another_entry(self, root, index: int, explorer: int) -> None:
        """Pick the next entry of a dropdown menu (the previous one at the end) and wait for the explorer to answer."""
        menu = root.locator(".widget-dropdown select").nth(index)
        count = menu.locator("option").count()
        current = menu.evaluate("select => select.selectedIndex")
        self.choose_entry(root, index, current + 1 if current + 1 < count else current - 1, explorer)

    def choose_entry(self, root, index: int, entry: int, explorer: int) -> None:
        """Pick entry number ``entry`` of a dropdown menu and wait until the readout or the figure answered."""
        menu = root.locator(".widget-dropdown select").nth(index)
        options = menu.locator("option").all_text_contents()
        current = menu.evaluate("select => select.selectedIndex")
        before = root.evaluate("root => window.__explorerTest.view(root)")
        menu.select_option(index=entry)
        try:
            self.page.wait_for_function(
                MENU_ANSWERED, arg=[root.element_handle(), before, STABLE_POLLS],
                timeout=SLIDER_TIMEOUT_MS, polling=POLL_MS,
            )
        except self._timeout_error() as error:
            raise AssertionError(
                f"explorer {explorer}, menu {index} set to {options[current]!r} -> {options[entry]!r}: "
                f"neither the readout ({before['readout']!r}) nor the figure changed"
            ) from error

    def slider_disabled(self, root, index: int) -> bool:
        """A slider the explorer has switched off (e.g. α while the activation takes none)."""
        return root.locator(".widget-slider").nth(index).evaluate(
            "slider => slider.querySelector('.noUi-target').hasAttribute('disabled')")

    def enable_slider(self, root, index: int, explorer: int) -> None:
        """Choose menu entries, first menu first, until the slider is switched on; fail if no entry does it."""
        for menu in range(self.menu_count(root)):
            entries = root.locator(".widget-dropdown select").nth(menu).locator("option").count()
            for entry in range(entries):
                if not self.slider_disabled(root, index):
                    return
                if entry != root.locator(".widget-dropdown select").nth(menu).evaluate("s => s.selectedIndex"):
                    self.choose_entry(root, menu, entry, explorer)
        if self.slider_disabled(root, index):
            raise AssertionError(f"explorer {explorer}: slider {index} stays disabled whatever its menus choose")

    @staticmethod
    def _timeout_error():
        from playwright.sync_api import TimeoutError as PlaywrightTimeout

        return PlaywrightTimeout

    def screen_reader_view(self, root, explorer: int) -> dict:
        """What Chromium's accessibility tree (the one screen readers read) holds for one explorer, scrolled into view.

        Returns its sliders' and menus' (visible label, accessible name) pairs, in page order, whether its
        readout is a polite live region, and its figure's (role, name).
        """
        root.scroll_into_view_if_needed()
        labels = root.evaluate(
            "root => Array.from(root.querySelectorAll('.widget-slider, .widget-dropdown')).map(c => "
            "(c.querySelector('.widget-label') || {}).textContent || '')"
        )
        scope = f'[data-explorer="{explorer}"]'
        cdp = self.page.context.new_cdp_session(self.page)
        try:
            controls = self._accessibility_nodes(
                cdp, f"{scope} .widget-slider .noUi-handle, {scope} .widget-dropdown select")
            readouts = self._accessibility_nodes(cdp, f"{scope} > .widget-html .widget-html-content")
            figures = self._accessibility_nodes(cdp, f"{scope} > .course-figure canvas")
        finally:
            cdp.detach()
        live = [{prop["name"]: prop["value"].get("value") for prop in node.get("properties", [])}.get("live")
                for node in readouts]
        return {"labels": labels, "names": [(node.get("name") or {}).get("value", "") for node in controls],
                "live_readout": live == ["polite"],
                "figures": [((node.get("role") or {}).get("value"), (node.get("name") or {}).get("value", ""))
                            for node in figures]}

    @staticmethod
    def _accessibility_nodes(cdp, selector: str) -> list[dict]:
        """The accessibility-tree node Chromium computes for each element matching a CSS selector, in page order."""
        document = cdp.send("DOM.getDocument", {"depth": 0})
        found = cdp.send("DOM.querySelectorAll", {"nodeId": document["root"]["nodeId"], "selector": selector})
        nodes = []
        for node_id in found["nodeIds"]:
            backend = cdp.send("DOM.describeNode", {"nodeId": node_id})["node"]["backendNodeId"]
            tree = cdp.send("Accessibility.getPartialAXTree", {"backendNodeId": backend, "fetchRelatives": False})
            nodes.append(tree["nodes"][0])
        return nodes

    def menu_count(self, root) -> int:
        return root.locator(".widget-dropdown select").count()

    def slider_count(self, root) -> int:
        return root.locator(".widget-slider").count()

    def screenshot(self, root, name: str) -> Path:
        path = self.screenshot_dir / f"{name}.png"
        root.scroll_into_view_if_needed()
        root.screenshot(path=str(path))
        return path

