"""The example exercise of 00_start_here: reading a slope off the sigmoid."""
from __future__ import annotations

from course_utils import activations
from course_utils.exercises import NumberExercise, name_exercises

sigmoid = activations.get("sigmoid")

_STARTING_SLOPE = "that is σ′(1), the slope where the explorer starts (x = 1). Drag the slider to x = 0."

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
    ],
)

name_exercises(globals())
