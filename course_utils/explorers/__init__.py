"""Slider explorers on a persistent ipympl canvas; each lesson's explorers live in their own module.

Every explorer is an ipywidgets box whose sliders are attributes (e.g. ``explorer.x_slider``),
whose readout is ``explorer.readout``, and which updates synchronously when a slider's
value is set, so tests can drive it without a browser.
"""
from course_utils.explorers.activation_comparison import (
    ActivationComparisonExplorer,
    activation_comparison_explorer,
)
from course_utils.explorers.autodiff_graph import (
    AutodiffGraphExplorer,
    autodiff_graph_explorer,
)
from course_utils.explorers.base import Explorer, figure_png, new_canvas
from course_utils.explorers.chain import ChainExplorer, chain_explorer
from course_utils.explorers.descent import DescentExplorer, descent_explorer
from course_utils.explorers.gradient_flow import (
    GradientFlowExplorer,
    gradient_flow_explorer,
)
from course_utils.explorers.secant import SecantExplorer, secant_explorer
from course_utils.explorers.step_size import StepSizeExplorer, step_size_explorer
from course_utils.explorers.tangent import TangentExplorer, tangent_explorer
from course_utils.style import fixed_ylim

__all__ = [
    "Explorer", "figure_png", "fixed_ylim", "new_canvas",
    # 00, 03: an activation and its tangent; all activations side by side
    "TangentExplorer", "tangent_explorer", "ActivationComparisonExplorer", "activation_comparison_explorer",
    # 01: secant to tangent; the step size h
    "SecantExplorer", "secant_explorer", "StepSizeExplorer", "step_size_explorer",
    # 02: a chain of functions
    "ChainExplorer", "chain_explorer",
    # 04: gradient descent on one neuron
    "DescentExplorer", "descent_explorer",
    # 05: an expression graph with live values and gradients
    "AutodiffGraphExplorer", "autodiff_graph_explorer",
    # 06: per-layer gradient norms
    "GradientFlowExplorer", "gradient_flow_explorer",
]
