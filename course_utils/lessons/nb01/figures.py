"""Notebook 01's figure: the error of forward and central differences against the step h."""
from __future__ import annotations

import numpy as np

from course_utils.lessons.nb01.step_size_study import StepSizeStudy
from course_utils.style import COLORS, label_axes
from course_utils.validation import require_instance

#: Colours of the two finite-difference methods (the forward difference is a secant's slope).
METHOD_COLORS = {"forward": COLORS["secant"], "central": "#2e8b57"}


def plot_error_vs_h(ax, study, title: str) -> dict:
    """Log-log error of forward and central differences against h: measured, modelled, and each method's best h."""
    require_instance(study, StepSizeStudy, "study", "the result of study_step_sizes(curve, x)")
    artists = {}
    for method in ("forward", "central"):
        color = METHOD_COLORS[method]
        measured = np.asarray(getattr(study, f"{method}_error"), dtype=float)
        visible = np.where(measured > 0, measured, np.nan)  # an exact 0 has no place on a log axis
        artists[method] = ax.plot(study.h, visible, "o-", color=color, markersize=2.5, linewidth=1.2,
                                  label=f"{method}, measured")[0]
        ax.plot(study.h, getattr(study, f"{method}_model"), "--", color=color, linewidth=1.0, alpha=0.6,
                label=f"{method}, model")
        best = study.best_h_model[method]
        if np.isfinite(best) and best > 0:
            ax.axvline(best, color=color, linestyle=":", linewidth=1.2, label=f"{method}, best h (model)")
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
