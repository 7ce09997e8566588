"""The autodiff-graph explorer: sliders set the inputs of L = tanh(x·y + max(y, z));
values and gradients follow on the graph.
"""
from __future__ import annotations

from matplotlib.figure import Figure

from course_utils.autodiff import topological_order
from course_utils.explorers.base import Explorer, float_slider, slider_start
from course_utils.formatting import format_number
from course_utils.lessons.nb05.autodiff_examples import routing_example
from course_utils.lessons.nb05.figures import draw_graph, graph_figsize, update_graph
from course_utils.style import alt_number

#: Every input slider covers this range.
INPUT_RANGE = (-2.0, 2.0)


class AutodiffGraphExplorer(Explorer):
    """Three input sliders; each move rebuilds the tiny graph, runs backward() and rewrites the node texts."""

    title = "Autodiff-graph explorer: L = tanh(x·y + max(y, z))"

    def __init__(self, x: float = 1.0, y: float = -0.5, z: float = 0.3):
        x, y, z = (slider_start(value, name, *INPUT_RANGE, f"in {INPUT_RANGE}")
                   for name, value in zip("xyz", (x, y, z)))
        self.x_slider, self.y_slider, self.z_slider = (
            float_slider(name, value, *INPUT_RANGE, 0.05, says=f"the input {name} of L = tanh(x·y + max(y, z))")
            for name, value in (("x", x), ("y", y), ("z", z))
        )
        self.root = self.graph()
        super().__init__([self.x_slider, self.y_slider, self.z_slider], figsize=graph_figsize(self.root))

    def graph(self):
        """The expression at the sliders' values, with gradients filled in by backward()."""
        root = routing_example(self.x_slider.value, self.y_slider.value, self.z_slider.value)
        root.backward()
        return root

    def build(self, figure: Figure) -> None:
        self.artists = draw_graph(figure.add_subplot(), self.root, "L = tanh(x·y + max(y, z)): value and ∂L/∂node")
        self.moving = [*self.artists["values"], *self.artists["grads"]]  # arrows change look rarely: full redraw then

    def update(self) -> None:
        self.root = self.graph()
        if update_graph(self.artists, self.root):
            self.redraw_everything()
        leaves = {node.label: node for node in topological_order(self.root) if not node.parents}
        x, y, z = leaves["x"], leaves["y"], leaves["z"]
        self.readout.value = (
            f"x = {format_number(x.data, 2)} &nbsp;|&nbsp; y = {format_number(y.data, 2)} &nbsp;|&nbsp; "
            f"z = {format_number(z.data, 2)} &nbsp;|&nbsp; L = {format_number(self.root.data)} &nbsp;|&nbsp; "
            f"∂L/∂x = {format_number(x.grad)}, ∂L/∂y = {format_number(y.grad)}, ∂L/∂z = {format_number(z.grad)}"
        )

    def alt_text(self) -> str:
        leaves = {node.label: node for node in topological_order(self.root) if not node.parents}
        x, y, z = leaves["x"], leaves["y"], leaves["z"]
        return (f"The graph of L = tanh(x·y + max(y, z)), inputs on the left and L on the right, each node a box "
                f"with its value and its gradient ∂L/∂node. At x = {format_number(x.data, 2)}, y = "
                f"{format_number(y.data, 2)}, z = {format_number(z.data, 2)}: L = {alt_number(self.root.data, 6)}, "
                f"∂L/∂x = {alt_number(x.grad)}, ∂L/∂y = {alt_number(y.grad)}, ∂L/∂z = {alt_number(z.grad)}; "
                f"max passes its gradient to {'y' if y.data >= z.data else 'z'} alone.")
