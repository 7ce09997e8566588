"""An activation is written down once, in the registry, and every table, check and menu finds it there."""
from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest
from matplotlib.figure import Figure

from course_utils import activations
from course_utils.activations import Activation
from course_utils.explorers import ActivationComparisonExplorer, TangentExplorer
from course_utils.lessons.nb03.activation_facts import facts, facts_table, formulas_latex
from course_utils.lessons.nb03.figures import plot_activation_and_slope
from course_utils.lessons.nb03.symbolic_activations import check_derivative, sympy_formula, x

pytestmark = pytest.mark.filterwarnings("ignore:Passing unrecognized arguments:DeprecationWarning")


def _softsign(x):
    xc = np.clip(x, -1e300, 1e300)  # inf / inf would be NaN; the clipped value gives ±1, as the limit does
    return xc / (1.0 + np.abs(xc))


def _softsign_grad(x):
    r = 1.0 / (1.0 + np.abs(x))  # squaring r, not (1 + |x|), never overflows
    return r * r


@pytest.fixture
def softsign():
    """Softsign x / (1 + |x|), registered the way a newcomer adds an activation, and removed afterwards."""
    act = activations.register(Activation(
        name="softsign", display_name="softsign", raw_fn=_softsign, raw_grad=_softsign_grad,
        tex_name=r"\mathrm{softsign}", tex=r"\frac{x}{1 + |x|}", tex_grad=r"\frac{1}{(1 + |x|)^2}",
        sympy_form=lambda sp, u: u / (1 + sp.Abs(u)),
        output_range_of=lambda: (-1.0, 1.0), zero_centered=True,
    ))
    yield act
    del activations.ACTIVATIONS["softsign"]


def test_a_registered_activation_is_found_by_name_in_any_case(softsign):
    assert activations.get("SoftSign") is softsign
    assert softsign.latex == r"\mathrm{softsign}(x) = \frac{x}{1 + |x|}"
    assert softsign.fn(np.inf) == 1.0 and softsign.grad(np.inf) == 0.0


def test_it_gets_a_row_of_the_facts_table(softsign):
    row = facts("softsign")
    assert (row.name, row.output_range, row.odd) == ("softsign", "(−1, 1)", True)
    assert (row.max_slope, row.max_slope_where) == (1.0, "x = 0")
    assert "softsign" in [r.name for r in facts_table().rows]
    assert softsign.latex_grad in formulas_latex(["softsign"])


def test_its_coded_derivative_agrees_with_sympy(softsign):
    check = check_derivative("softsign")
    assert check.versus_sympy < 1e-12 and check.versus_central_difference < 1e-6
    assert float(sympy_formula("softsign").subs(x, 3)) == pytest.approx(0.75)


def test_the_tangent_explorer_shows_it_by_its_names(softsign):
    explorer = TangentExplorer("softsign", x=0.5)
    ax = explorer.figure.axes[0]
    assert ax.get_title().startswith("softsign")
    assert r"$\mathrm{softsign}(x)$" in [text.get_text() for text in ax.get_legend().get_texts()]
    assert "f′(x) = 0.4444" in explorer.readout.value


def test_the_comparison_explorer_offers_it_in_its_menu(softsign):
    explorer = ActivationComparisonExplorer("softsign", x=0.5)
    assert ("softsign", "softsign") in explorer.activation_menu.options
    assert explorer.alpha_slider.disabled and "activation: softsign" in explorer.readout.value
    xs = explorer.artists["function"].get_xdata()
    np.testing.assert_allclose(explorer.artists["function"].get_ydata(), softsign.fn(xs))


def test_the_figure_of_notebook_03_draws_it(softsign):
    ax = Figure().add_subplot()
    plot_activation_and_slope(ax, "softsign")
    assert ax.get_title() == "softsign: value and slope"


def test_every_fact_is_required():
    with pytest.raises(TypeError, match="missing .* keyword-only argument"):
        Activation(name="half", display_name="half", raw_fn=lambda x: x / 2, raw_grad=lambda x: 0 * x + 0.5)


def test_a_name_is_registered_once_and_in_registry_spelling(softsign):
    with pytest.raises(ValueError, match="already registered"):
        activations.register(softsign)
    with pytest.raises(ValueError, match="lower case with underscores, e.g. 'soft_sign'"):
        activations.register(replace(softsign, name="Soft Sign"))
    with pytest.raises(TypeError, match="register takes an Activation"):
        activations.register("softsign")


@pytest.mark.parametrize("name", list(activations.ACTIVATIONS))
def test_every_entry_states_its_facts_consistently(name):
    act = activations.ACTIVATIONS[name]
    assert act.name == name and act.display_name
    assert act.latex.startswith(act.tex_name + "(x) = ") and act.latex_grad.startswith(act.tex_name + "'(x) = ")
    assert act.params == {key: p.default for key, p in act.parameters.items()}
    for key, parameter in act.parameters.items():
        low, high, start = parameter.slider
        assert activations.get(name, **{key: start}).params[key] == start  # the slider's start is an allowed value
        assert parameter.low <= low < high <= parameter.high
