"""Activations, example curves and chain links are one kind of thing: a name, fn(x) and grad(x)."""
from __future__ import annotations

import pytest

from course_utils.activations import get
from course_utils.calculus import Differentiable, central_difference
from course_utils.chains import activation_link, affine_link, power_link
from course_utils.lessons.nb01.curves import PARABOLA, SINE

EXAMPLES = [get("tanh"), get("leaky_relu", alpha=0.2), PARABOLA, SINE, affine_link(1.5, -0.5), power_link(3),
            activation_link("sigmoid")]


@pytest.mark.parametrize("thing", EXAMPLES, ids=lambda thing: thing.name)
def test_each_is_differentiable_and_its_grad_is_the_slope_of_its_fn(thing):
    assert isinstance(thing, Differentiable) and isinstance(thing.name, str)
    assert thing.grad(0.7) == pytest.approx(central_difference(thing.fn, 0.7), rel=1e-8)


def test_a_plain_function_is_not_differentiable():
    assert not isinstance(lambda x: x, Differentiable)
