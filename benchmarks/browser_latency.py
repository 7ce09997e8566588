"""What the learner waits for: key press to new pixels, measured in real JupyterLab in Chromium.

For every slider of every explorer in the course, an arrow key is pressed on the slider's handle
several times (the picture settles in between) and, per slider, the median time from the key
press to the explorer's readout showing new text and to new pixels on its canvas is taken, with
the kernel messages in between. An `interact` re-plot (benchmarks/interact_reference.ipynb) is
measured in the same run as the reference. Every time is taken in the page (performance.now()).

    python -m benchmarks.browser_latency            # print the section
    python -m benchmarks.browser_latency --write    # ... and put it into benchmarks/results.md
    python -m benchmarks.browser_latency --nagle    # with the course_server extension (TCP_NODELAY) off

Needs Playwright (requirements-browser.txt) and Debian's Chromium at /usr/bin/chromium.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import os
import shutil
import statistics
import sys
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from benchmarks.timing import markdown_table, ratio

ROOT = Path(__file__).resolve().parents[1]
RESULTS = Path(__file__).with_name("results.md")
REFERENCE = Path(__file__).with_name("interact_reference.ipynb")
TITLE = "## Key press to pixels in Chromium"
# The browser test's helpers (server, Chromium, notebook page) live beside it, outside any package.
sys.path.insert(0, str(ROOT / "tests" / "browser"))

from chromium import CHROMIUM, CHROMIUM_FLAGS, VIEWPORT  # noqa: E402
from lab_server import start_lab  # noqa: E402
from notebook_page import WIDGET_MIME, NotebookPage, expected_explorer_count  # noqa: E402, F401 (F401: its test imports it from here)

NAGLE_SWITCH = "--ServerApp.jpserver_extensions=course_server=False"
DEFAULT_PRESSES = 15
#: A step is over once nothing was drawn and no kernel message arrived for this long.
QUIET_MS = 250
STEP_TIMEOUT_MS = 10_000
POLL_MS = 10
#: The moments of one step, in the order they happen; each is milliseconds after the key press.
MOMENTS = ("value_sent", "readout_in", "readout", "image_in", "pixels")

# Installed before JupyterLab loads: logs kernel websocket traffic and time-stamps what the learner sees.
PAGE_PROBE = r"""
(() => {
  const wsLog = [];
  const NativeWebSocket = window.WebSocket;
  window.WebSocket = class extends NativeWebSocket {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', event => {
        wsLog.push({t: performance.now(), dir: 'in', data: event.data});
        window.__latency.lastActivity = performance.now();
      });
    }
    send(data) {
      wsLog.push({t: performance.now(), dir: 'out', data});
      return super.send(data);
    }
  };

  window.__latency = {
    step: null,
    lastActivity: 0,

    // The header and content of a kernel message (v1 websocket protocol, or JSON text), or null.
    decode(data) {
      try {
        if (typeof data === 'string') return JSON.parse(data);
        if (!(data instanceof ArrayBuffer) || data.byteLength < 8) return null;
        const view = new DataView(data);
        const count = Number(view.getBigUint64(0, true));
        if (count < 6 || 8 * (count + 1) > data.byteLength) return null;
        const at = i => Number(view.getBigUint64(8 * (i + 1), true));
        const part = i => JSON.parse(new TextDecoder().decode(new Uint8Array(data, at(i), at(i + 1) - at(i))));
        return {header: part(1), content: part(4)};
      } catch (error) { return null; }
    },

    // What a message does: a widget 'update', a figure view's 'frame', or its msg_type.
    kind(data) {
      const message = this.decode(data);
      if (!message || !message.header) return null;
      if (message.header.msg_type !== 'comm_msg') return message.header.msg_type;
      const body = (message.content || {}).data || {};
      if (body.method !== 'custom') return body.method || null;
      const custom = body.content || {};
      try { return (typeof custom.data === 'string' ? JSON.parse(custom.data) : custom).type || null; }
      catch (error) { return null; }
    },

    // Record the first time this moment happens in the armed step, if the step belongs to root.
    mark(root, moment) {
      const now = performance.now();
      this.lastActivity = now;
      const step = this.step;
      if (step && step.root === root && step.key !== null && step[moment] === null) step[moment] = now;
    },

    // An explorer: every drawImage/putImageData on its canvas is new pixels; every readout change, new text.
    watchExplorer(root) {
      const canvas = root.querySelector('.course-figure canvas');
      const context = canvas.getContext('2d');
      for (const name of ['drawImage', 'putImageData']) {
        const original = context[name];
        context[name] = (...args) => { this.mark(root, 'pixels'); return original.apply(context, args); };
      }
      const readout = root.querySelector(':scope > .widget-html .widget-html-content');
      new MutationObserver(() => this.mark(root, 'readout'))
        .observe(readout, {childList: true, subtree: true, characterData: true});
    },

    // The interact reference: a new <img> in its output area, once decoded, is new pixels.
    watchImages(root) {
      const loaded = img => img.complete ? this.mark(root, 'pixels')
                                         : img.addEventListener('load', () => this.mark(root, 'pixels'), {once: true});
      new MutationObserver(records => records.forEach(record => record.addedNodes.forEach(node => {
        if (node.nodeType !== Node.ELEMENT_NODE) return;
        (node.tagName === 'IMG' ? [node] : Array.from(node.querySelectorAll('img'))).forEach(loaded);
      }))).observe(root, {childList: true, subtree: true});
    },

    quietFor(ms) { return performance.now() - this.lastActivity >= ms; },

    arm(root, handle, hasReadout) {
      wsLog.length = 0;
      this.step = {root, handle, hasReadout, key: null, readout: null, pixels: null};
    },

    done() {
      const step = this.step;
      return step.key !== null && step.pixels !== null && (step.readout !== null || !step.hasReadout);
    },

    // The step's moments in milliseconds after the key press (null: not seen), from marks and the websocket log.
    timeline() {
      const step = this.step;
      const first = (dir, kinds, from) => {
        const entry = from === null ? null
          : wsLog.find(e => e.t >= from && e.dir === dir && kinds.includes(this.kind(e.data)));
        return entry ? entry.t : null;
      };
      const valueSent = first('out', ['update'], step.key);
      const readoutIn = first('in', ['update'], valueSent);
      const imageIn = first('in', ['frame', 'display_data'], valueSent);
      const since = t => (t === null || step.key === null) ? null : t - step.key;
      return {value_sent: since(valueSent), readout_in: since(readoutIn), readout: since(step.readout),
              image_in: since(imageIn), pixels: since(step.pixels)};
    },
  };

  window.addEventListener('keydown', event => {
    const step = window.__latency.step;
    if (step && step.key === null && event.target === step.handle) step.key = performance.now();
  }, true);
})();
"""


@dataclass
class SliderLatency:
    """Every timed step of one slider (a list of moment → ms after the key, None when not seen)."""

    notebook: str
    explorer: str
    slider: str
    steps: list[dict]

    def median(self, moment: str) -> float | None:
        values = [step[moment] for step in self.steps if step[moment] is not None]
        return statistics.median(values) if values else None


@dataclass
class Measurement:
    """One browser run: every explorer slider, the interact reference, and the conditions it ran in."""

    sliders: list[SliderLatency]
    reference: SliderLatency
    presses: int
    nagle: bool
    load_before: float
    load_after: float
    notes: list[str]


def explorer_names(path: Path) -> list[str]:
    """The explorers' names in page order, from the stored notebook's plain-text fallbacks."""
    notebook = json.loads(path.read_text(encoding="utf-8"))
    names = []
    for cell in notebook["cells"]:
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if WIDGET_MIME in data and "image/png" in data:
                names.append("".join(data.get("text/plain", "explorer")).split(" (interactive")[0])
    return names


def press_and_time(page, root, handle, presses: int, has_readout: bool) -> list[dict]:
    """Press an arrow key on the handle `presses` times, each once the page is quiet, and time each step."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    handle.scroll_into_view_if_needed()
    handle.focus()
    root_element, handle_element = root.element_handle(), handle.element_handle()
    steps = []
    for _ in range(presses):
        page.wait_for_function(f"() => window.__latency.quietFor({QUIET_MS})", timeout=STEP_TIMEOUT_MS, polling=POLL_MS)
        at_max = handle.evaluate("h => +h.getAttribute('aria-valuenow') >= +h.getAttribute('aria-valuemax')")
        page.evaluate("([root, handle, hasReadout]) => window.__latency.arm(root, handle, hasReadout)",
                      [root_element, handle_element, has_readout])
        page.keyboard.press("ArrowLeft" if at_max else "ArrowRight")
        try:
            page.wait_for_function("() => window.__latency.done()", timeout=STEP_TIMEOUT_MS, polling=POLL_MS)
        except PlaywrightTimeout:
            pass  # what was not seen stays None and shows as missing
        steps.append(page.evaluate("() => window.__latency.timeline()"))
    return steps


def open_and_run(context, lab, relative_path: str) -> NotebookPage:
    """A fresh page on the notebook with every cell run, as a learner's Run All leaves it."""
    page = context.new_page()
    notebook = NotebookPage(page, Path(tempfile.gettempdir()))
    notebook.open(lab.notebook_url(relative_path))
    notebook.run_all()
    return notebook


def measure_explorers(context, lab, path: Path, presses: int, notes: list[str]) -> list[SliderLatency]:
    """Every slider of every explorer in one course notebook."""
    notebook = open_and_run(context, lab, f"notebooks/{path.name}")
    roots = notebook.explorers()
    names = explorer_names(path)
    if len(roots) != len(names):
        notes.append(f"{path.name}: {len(names)} explorers stored, {len(roots)} live")
    notebook.wait_for_first_drawings()
    results = []
    for number, root in enumerate(roots):
        root.evaluate("root => window.__latency.watchExplorer(root)")
        for index in range(notebook.slider_count(root)):
            if notebook.slider_disabled(root, index):  # e.g. α until the menu picks an activation that takes one
                notebook.enable_slider(root, index, number)
            slider = root.locator(".widget-slider").nth(index)
            label = slider.locator(".widget-label").text_content().strip() or f"slider {index}"
            steps = press_and_time(notebook.page, root, slider.locator(".noUi-handle"), presses, has_readout=True)
            name = names[number] if number < len(names) else f"explorer {number}"
            results.append(SliderLatency(path.stem, name, label, steps))
    return results


def measure_reference(context, lab, presses: int) -> SliderLatency:
    """The interact re-plot: key press to its new image."""
    notebook = open_and_run(context, lab, REFERENCE.name)
    root = notebook.page.locator(".widget-interact").first
    root.locator("img").first.wait_for()
    root.evaluate("root => window.__latency.watchImages(root)")
    steps = press_and_time(notebook.page, root, root.locator(".noUi-handle").first, presses, has_readout=False)
    return SliderLatency(REFERENCE.stem, "interact re-plot", "a", steps)


def course_notebooks_with_explorers() -> list[Path]:
    return [path for path in sorted((ROOT / "notebooks").glob("*.ipynb")) if explorer_names(path)]


def measure(presses: int, nagle: bool, only: str = "") -> Measurement:
    """Start a throwaway JupyterLab on a copy of the course and time every slider in one Chromium."""
    from playwright.sync_api import sync_playwright

    load_before = os.getloadavg()[0]
    notes: list[str] = []
    with tempfile.TemporaryDirectory(prefix="browser-latency-") as scratch:
        course = Path(scratch, "course")
        shutil.copytree(ROOT / "notebooks", course / "notebooks")
        shutil.copy(REFERENCE, course / REFERENCE.name)
        lab = start_lab(course, Path(scratch, "lab"), server_args=[NAGLE_SWITCH] if nagle else [])
        sliders: list[SliderLatency] = []
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)

                def run(action, *args):
                    """One notebook in its own browser context, its kernel shut down afterwards."""
                    context = browser.new_context(viewport=VIEWPORT)
                    context.add_init_script(PAGE_PROBE)
                    try:
                        return action(context, lab, *args)
                    finally:
                        context.close()
                        lab.shutdown_kernels()

                # The reference before and after the explorers, so a change of load on the machine hits both alike.
                reference = run(measure_reference, presses)
                for path in course_notebooks_with_explorers():
                    if only not in path.name:
                        continue
                    sliders += run(measure_explorers, path, presses, notes)
                reference.steps += run(measure_reference, presses).steps
                browser.close()
        finally:
            lab.stop()
    return Measurement(sliders, reference, presses, nagle, load_before, os.getloadavg()[0], notes)


def ms(value: float | None) -> str:
    return "–" if value is None else f"{value:.0f}"


def pooled_median(sliders: list[SliderLatency], moment: str) -> float | None:
    values = [step[moment] for slider in sliders for step in slider.steps if step[moment] is not None]
    return statistics.median(values) if values else None


def command(result: Measurement) -> str:
    """The command line that repeats this measurement."""
    options = ("" if result.presses == DEFAULT_PRESSES else f" --presses {result.presses}") + (
        " --nagle" if result.nagle else "")
    return f"python -m benchmarks.browser_latency{options}"


def summary(result: Measurement) -> str:
    """Over all sliders: the median of every press, the slowest slider, and the interact reference."""
    if not result.sliders:
        return "No explorer slider was measured."
    pixels = pooled_median(result.sliders, "pixels")
    slowest = max(result.sliders, key=lambda s: s.median("pixels") or 0.0)
    reference = result.reference
    return (
        f"Over all {len(result.sliders)} sliders ({sum(len(s.steps) for s in result.sliders)} presses): key → pixels "
        f"**{ms(pixels)} ms** median, the slowest slider {ms(slowest.median('pixels'))} ms ({slowest.explorer}, "
        f"{slowest.slider}); key → readout {ms(pooled_median(result.sliders, 'readout'))} ms. The `interact` "
        f"re-plot: key → new image **{ms(reference.median('pixels'))} ms** (value sent "
        f"{ms(reference.median('value_sent'))}, output in {ms(reference.median('image_in'))}), "
        f"{ratio(reference.median('pixels'), pixels)} the explorers' median."
    )


def section(result: Measurement) -> str:
    """The results.md section: conditions, the per-slider table and the summary."""
    reference_ms = result.reference.median("pixels")
    rows = [
        [s.notebook, s.explorer, s.slider, *(ms(s.median(moment)) for moment in MOMENTS),
         ratio(reference_ms, s.median("pixels"))]
        for s in result.sliders
    ]
    transport = ("Nagle's algorithm on (course_server off, jupyter_server's default)" if result.nagle
                 else "TCP_NODELAY (the course_server extension, as installed)")
    return (
        f"{TITLE}\n\n`{command(result)}` (also part of `make bench`) on {date.today().isoformat()}: real JupyterLab "
        f"in Chromium ({CHROMIUM}), kernel websocket with {transport}; load average {result.load_before:.1f} at the "
        f"start, {result.load_after:.1f} at the end. Each slider's handle gets {result.presses} arrow-key presses, "
        f"each once the page has been quiet for {QUIET_MS} ms (the reference's, {result.presses} before the explorers "
        f"and {result.presses} after). Medians in milliseconds after the key press (all taken "
        "in the page with `performance.now()`) until: the browser has sent the new *value*; the readout's message "
        "has come back (*readout in*); the explorer's *readout* shows new text; the *frame* has arrived (for the "
        "reference, its PNG output); new *pixels* are on the explorer's canvas (its first `putImageData` or "
        "`drawImage`). *interact ÷ pixels*: the reference's key → new image divided by the slider's key → pixels."
        "\n\n"
        + markdown_table(["notebook", "explorer", "slider", "value sent", "readout in", "readout", "frame in",
                          "pixels", "interact ÷ pixels"], rows)
        + f"\n\n{summary(result)}\n"
        + "".join(f"\n- {note}" for note in result.notes)
    )


def write_section(text: str, path: Path = RESULTS) -> None:
    """Put the section into results.md in place of its previous version (or at the end), leaving the others."""
    old = path.read_text(encoding="utf-8") if path.exists() else ""
    start = old.find(TITLE)
    if start < 0:
        path.write_text(old.rstrip("\n") + "\n\n" + text, encoding="utf-8")
        return
    end = old.find("\n## ", start + len(TITLE))
    rest = "" if end < 0 else old[end:]
    path.write_text(old[:start] + text.rstrip("\n") + "\n" + rest, encoding="utf-8")


def unavailable() -> str | None:
    """Why this machine cannot run the measurement (no Playwright, no Chromium), or None."""
    if importlib.util.find_spec("playwright") is None:
        return "Playwright is not installed (make bench installs requirements-browser.txt)"
    if not CHROMIUM.exists():
        return f"no Chromium at {CHROMIUM} (apt-get install chromium)"
    return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--presses", type=int, default=DEFAULT_PRESSES,
                        help=f"timed key presses per slider (default {DEFAULT_PRESSES})")
    parser.add_argument("--nagle", action="store_true", help="turn the course_server extension off (Nagle on)")
    parser.add_argument("--write", action="store_true", help="put the section into benchmarks/results.md")
    parser.add_argument("--only", metavar="TEXT", default="",
                        help="measure only the notebooks whose file name contains TEXT (not written to results.md)")
    args = parser.parse_args(argv)
    if args.only and args.write:
        parser.error("--write records a whole run; leave out --only")
    if reason := unavailable():
        print(f"not measured: {reason}", file=sys.stderr)
        return 1
    text = section(measure(args.presses, args.nagle, args.only))
    print(text, flush=True)
    if args.write:
        write_section(text)
        print(f"written to {RESULTS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
