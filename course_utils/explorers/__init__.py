"""Slider explorers on a persistent figure; each lesson's explorers live in their own module.

Every explorer is an ipywidgets box made by calling its class (``SecantExplorer(x=2.0)``), whose
sliders are attributes (e.g. ``explorer.x_slider``), whose readout is ``explorer.readout``, and
which updates synchronously when a slider's value is set, so tests can drive it without a browser.
``Explorer.example()`` gives one instance of any explorer; ``all_explorers()`` finds every one.
"""
from course_utils.explorers.activation_comparison import ActivationComparisonExplorer
from course_utils.explorers.autodiff_graph import AutodiffGraphExplorer
from course_utils.explorers.base import Explorer, figure_png, float_slider
from course_utils.explorers.chain import ChainExplorer
from course_utils.explorers.descent import DescentExplorer
from course_utils.explorers.gradient_flow import GradientFlowExplorer
from course_utils.explorers.secant import SecantExplorer
from course_utils.explorers.step_size import StepSizeExplorer
from course_utils.explorers.tangent import TangentExplorer


def all_explorers() -> list[type[Explorer]]:
    """Every explorer class, found by inheritance rather than by a hand-kept list (tests and benchmarks use it)."""
    found, todo = [], list(Explorer.__subclasses__())
    while todo:
        cls = todo.pop()
        found.append(cls)
        todo += cls.__subclasses__()
    return sorted(found, key=lambda cls: cls.__name__)


__all__ = [
    "Explorer", "all_explorers", "figure_png", "float_slider",
    # 00, 03: an activation and its tangent; all activations side by side
    "TangentExplorer", "ActivationComparisonExplorer",
    # 01: secant to tangent; the step size h
    "SecantExplorer", "StepSizeExplorer",
    # 02: a chain of functions
    "ChainExplorer",
    # 04: gradient descent on one neuron
    "DescentExplorer",
    # 05: an expression graph with live values and gradients
    "AutodiffGraphExplorer",
    # 06: per-layer gradient norms
    "GradientFlowExplorer",
]
