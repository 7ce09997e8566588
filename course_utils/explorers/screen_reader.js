// Gives an explorer's controls the names a screen reader speaks, and makes its readout a live region.
// ipywidgets 8 draws a slider's handle as <div role="slider"> with no accessible name (its visible
// label is a separate element), and its HTML readout as a plain <div>. This view has no pixels of its
// own: it sits inside the explorer's box and labels its siblings, again whenever they are re-rendered.

function label(root, names) {
  const row = root.querySelector(":scope > .widget-hbox");
  Array.from(row ? row.children : []).forEach((control, index) => {
    const target = control.matches("button") ? control : control.querySelector(".noUi-handle, select");
    const name = names[index];
    if (name && target && target.getAttribute("aria-label") !== name) target.setAttribute("aria-label", name);
  });
  const readout = root.querySelector(":scope > .widget-html .widget-html-content");
  if (readout && readout.getAttribute("aria-live") !== "polite") {
    readout.setAttribute("role", "status");
    readout.setAttribute("aria-live", "polite");
    readout.setAttribute("aria-atomic", "true");
  }
}

function render({ model, el }) {
  el.hidden = true;
  let observer = null;
  const attach = () => {
    const root = el.parentElement;
    if (!root) return requestAnimationFrame(attach);  // not in the page yet
    const apply = () => label(root, model.get("control_names"));
    apply();
    observer = new MutationObserver(apply);  // a slider re-rendered (new range) loses its attributes
    observer.observe(root, { childList: true, subtree: true });
    model.on("change:control_names", apply);
  };
  attach();
  return () => observer && observer.disconnect();
}

export default { render };
