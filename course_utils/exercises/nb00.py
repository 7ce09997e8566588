"""The example exercise of 00_start_here: reading a slope off the sigmoid."""
from __future__ import annotations

from course_utils import activations
from course_utils.exercises import NumberExercise, Slips, name_exercises

sigmoid = activations.get("sigmoid")

_STARTING_SLOPE = "that is σ′(1), the slope where the explorer starts (x = 1). Drag the slider to x = 0."
#: The slider moves in steps of 0.05: one or two steps away from 0 the readout shows a slightly smaller slope.
_NEAR_ZERO = [(x_off, f"that is the slope at x = ±{x_off:g}, a slider step or two away from 0: is the slider exactly "
                      "at x = 0? Check the x in the readout.") for x_off in (0.05, 0.1)]

q1 = NumberExercise(
    name="The slope of the sigmoid at x = 0",
    expected=lambda: sigmoid.grad(0.0),
    hint_text=(
        "Drag the explorer's slider to x = 0 and read f′(x), or use the identity "
        "σ′(x) = σ(x)·(1 − σ(x)) with σ(0) = 1/2."
    ),
    solution_text="σ′(0) = σ(0)·(1 − σ(0)) = 0.5 × 0.5 = 0.25, so: answer = 0.25",
    mistakes=[
        (sigmoid.fn(0.0), "0.5 is σ(0), the height of the curve. The question asks for its slope, σ′(0)."),
        (1.0, "1 is the slope of tanh at 0 (or of the line y = x). The sigmoid is flatter than that."),
        (sigmoid.fn(1.0), "that is σ(1), the height of the curve where the explorer starts (x = 1). The question asks "
                          "for the slope, at x = 0."),
        *[(value, _STARTING_SLOPE) for value in (sigmoid.grad(1.0), round(sigmoid.grad(1.0), 4))],  # as read off
        *[(value, message) for x_off, message in _NEAR_ZERO
          for value in (sigmoid.grad(x_off), round(sigmoid.grad(x_off), 4))],
    ],
    slips=Slips(negated="the sigmoid rises everywhere, from 0 on the left to 1 on the right, so its slope is positive"),
)

name_exercises(globals())
