"""Notebook 01's figures: left and right secants at a kink; the error of forward and central differences against h."""
from __future__ import annotations

import numpy as np

from course_utils.lessons.nb01.one_sided import secant_slope
from course_utils.lessons.nb01.step_size_study import StepSizeStudy
from course_utils.style import COLORS, label_axes
from course_utils.validation import require_instance

#: Colours of the two finite-difference methods (the forward difference is a secant's slope), Okabe-Ito.
METHOD_COLORS = {"forward": COLORS["secant"], "central": COLORS["function"]}
#: Markers and line styles too, so the methods differ without colour: measured, model, best h.
METHOD_MARKERS = {"forward": "o", "central": "s"}
METHOD_LINES = {
    "forward": {"measured": "-", "model": "--", "best": ":"},
    "central": {"measured": "-", "model": "-.", "best": (0, (1, 1))},
}


def plot_error_vs_h(ax, study, title: str) -> dict:
    """Log-log error of forward and central differences against h: measured, modelled, and each method's best h."""
    require_instance(study, StepSizeStudy, "study", "the result of study_step_sizes(curve, x)")
    artists = {}
    for method in ("forward", "central"):
        color = METHOD_COLORS[method]
        measured = np.asarray(getattr(study, f"{method}_error"), dtype=float)
        visible = np.where(measured > 0, measured, np.nan)  # an exact 0 has no place on a log axis
        lines = METHOD_LINES[method]
        artists[method] = ax.plot(study.h, visible, marker=METHOD_MARKERS[method], linestyle=lines["measured"],
                                  color=color, markersize=3.5, linewidth=1.0, label=f"{method}, measured")[0]
        ax.plot(study.h, getattr(study, f"{method}_model"), linestyle=lines["model"], color=color, linewidth=1.3,
                alpha=0.8, label=f"{method}, model (upper estimate)")
        best = study.best_h_model[method]
        if np.isfinite(best) and best > 0:
            ax.axvline(best, color=color, linestyle=lines["best"], linewidth=1.3, label=f"{method}, best h (model)")
            # named at the line itself too: two thin dotted verticals are hard to tell apart by their dots alone
            ax.annotate(f"$h^*$ {method}", (best, 0.98), xycoords=ax.get_xaxis_transform(), xytext=(-3, 0),
                        textcoords="offset points", rotation=90, ha="right", va="top", color=color, fontsize=8)
    ax.set_xscale("log")
    ax.set_yscale("log")
    for h, error, text, (dx, dy) in _error_regime_labels(study):
        ax.annotate(text, (h, error), textcoords="offset points", xytext=(dx, dy),
                    ha="right" if dx < 0 else "left", va="top" if dy < 0 else "bottom",
                    color=COLORS["reference"], fontsize=9)
    errors = np.concatenate([study.forward_error, study.central_error, study.forward_model])
    errors = errors[errors > 0]
    ax.set_ylim(errors.min() / 1e4, errors.max() * 30)  # room below the curves for the legend, above for labels
    ax.legend(loc="lower left", ncols=2, fontsize=8)
    label_axes(ax, title, "step h", r"error $|\mathrm{estimate} - f'(x)|$")
    return artists


def _error_regime_labels(study) -> list:
    """Where to write how each part of the error scales with h, offset (in points) to the side its line leaves free."""
    n = len(study.h)
    right, left = n - 1 - n // 7, n // 7
    return [
        (study.h[right], study.forward_model[right], r"truncation $\propto h$", (-4, 4)),
        (study.h[right - n // 14], study.central_model[right - n // 14], r"truncation $\propto h^2$", (4, -4)),
        (study.h[left], study.forward_model[left], r"round-off $\propto 1/h$", (4, 4)),
    ]


def plot_kink_secants(axes, functions: dict, h: float, x: float = 0.0) -> dict:
    """Each function with its right secant (x to x + h) and left secant (x − h to x): two slopes, no tangent.

    ``functions`` maps a label (such as "|x|") to a function; one axis per function. Returns the
    (right, left) slopes by label, for the alt text.
    """
    slopes = {}
    xs = np.linspace(x - 2.0, x + 2.0, 401)
    for ax, (label, f) in zip(np.atleast_1d(axes), functions.items()):
        right, left = secant_slope(f, x, h), secant_slope(f, x, -h)
        slopes[label] = (right, left)
        fx = float(f(np.float64(x)))
        ax.plot(xs, f(xs), color=COLORS["function"], linewidth=4.0, alpha=0.4, label=f"$f(x) = {label}$")
        ax.plot(xs, fx + right * (xs - x), ":", color=COLORS["secant"], linewidth=2.0,
                label=f"right secant, slope {right:g}")
        ax.plot(xs, fx + left * (xs - x), "--", color=COLORS["derivative"], linewidth=1.6,
                label=f"left secant, slope {left:g}")
        ax.plot([x - h, x, x + h], [float(f(np.float64(x - h))), fx, float(f(np.float64(x + h)))], "o",
                color=COLORS["point"], zorder=5)
        ax.set_ylim(-1.2, 2.4)
        ax.legend(loc="upper left", fontsize=8)
        label_axes(ax, f"${label}$ at x = {x:g}: two one-sided slopes", "x", "f(x)")
    return slopes
