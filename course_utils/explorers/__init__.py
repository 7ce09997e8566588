"""Slider explorers on a persistent ipympl canvas; each lesson's explorers live in their own module.

Every explorer is an ipywidgets box whose sliders are attributes (e.g. ``explorer.x_slider``),
whose readout is ``explorer.readout``, and which updates synchronously when a slider's
value is set, so tests can drive it without a browser.
"""
from .activation_comparison import ActivationComparisonExplorer, activation_comparison_explorer
from .autodiff_graph import AutodiffGraphExplorer, autodiff_graph_explorer
from .base import Explorer, figure_png, fixed_ylim, new_canvas
from .chain import ChainExplorer, chain_explorer
from .secant import SecantExplorer, secant_explorer
from .step_size import StepSizeExplorer, step_size_explorer
from .tangent import TangentExplorer, tangent_explorer

__all__ = ["Explorer", "figure_png", "fixed_ylim", "new_canvas", "TangentExplorer", "tangent_explorer"]
__all__ += ["SecantExplorer", "secant_explorer", "StepSizeExplorer", "step_size_explorer"]
__all__ += ["AutodiffGraphExplorer", "autodiff_graph_explorer"]
__all__ += ["ActivationComparisonExplorer", "activation_comparison_explorer"]
__all__ += ["ChainExplorer", "chain_explorer"]
