"""The review's findings on exercise checks (issue 14), one test each: nothing crashes, fools or poisons a check,
and every message is true to its question."""
from __future__ import annotations

import math

import numpy as np
import pytest
import sympy as sp

from course_utils.activations import get, softmax, softmax_jacobian
from course_utils.autodiff import Value
from course_utils.calculus import central_difference, forward_difference
from course_utils.exercises import CHECK_FAILED, INCORRECT, NumberExercise, nb00, nb01, nb02, nb03, nb04, nb05, nb06
from course_utils.exercises.base import Exercise
from course_utils.lessons.nb03.softmax_calculus import numerical_jacobian

sigmoid, tanh = get("sigmoid"), get("tanh")
OLD_GENERIC_WORDS = ("½ in the loss", "a − t versus t − a", "drop a factor of 2")


def _incorrect_with(feedback, *words):
    assert feedback.status == INCORRECT, feedback
    for word in words:
        assert word in feedback.message, feedback
    return feedback


class TensorThatRequiresGrad:
    """Behaves like torch.tensor(x, requires_grad=True) for numpy: __array__ raises, float() may or may not."""

    def __init__(self, value, float_works: bool):
        self.value, self.float_works = value, float_works

    def __array__(self, *args, **kwargs):
        raise RuntimeError("Can't call numpy() on Tensor that requires grad. Use tensor.detach().numpy() instead.")

    def __float__(self):
        if not self.float_works:
            raise RuntimeError("a Tensor with 2 elements cannot be converted to Scalar")
        return float(self.value)

    def item(self):
        return self.value

    def detach(self):
        return self


# --- crashes -------------------------------------------------------------------------------------


@pytest.mark.parametrize("exercise", [nb00.q1, nb01.q3, nb02.q1, nb03.q4, nb04.q5, nb05.q1, nb05.q2, nb06.q3])
def test_2_to_the_2000_is_feedback_about_float_size_not_an_overflow_error(exercise):
    _incorrect_with(exercise.check(2**2000), "603 digits, too large for a float", "check the exponent")
    _incorrect_with(exercise.check([2**2000, 1.0]), "too large for a float")


@pytest.mark.parametrize("exercise", [nb01.q1, nb03.q1, nb04.q4, nb06.q2, nb06.q4])
def test_a_function_returning_2_to_the_2000_is_feedback_too(exercise):
    _incorrect_with(exercise.check(lambda *args: 2**2000), "too large for a float")


def test_a_tensor_that_requires_grad_and_refuses_conversion_is_told_to_use_item():
    _incorrect_with(nb00.q1.check(TensorThatRequiresGrad(0.25, float_works=False)), "cannot be turned into a number",
                    ".item()")


def test_a_tensor_that_converts_with_float_is_read_as_its_number():
    assert nb00.q1.check(TensorThatRequiresGrad(0.25, float_works=True)).correct


def test_an_op_that_fails_only_on_a_node_that_is_not_a_leaf_is_feedback_not_a_value_error():
    def value_sin(v):
        if v.parents:
            raise ValueError("this op only works on leaves")
        return Value(math.sin(v.data), parents=(v,), local_grads=(math.cos(v.data),))

    _incorrect_with(nb05.q3.check(value_sin), "inside the larger expression", "ValueError")


def test_the_last_guard_turns_a_failing_check_into_feedback():
    class Broken(Exercise):
        def reference_answer(self):
            return 0

        def _judge(self, answer):
            raise KeyError("a bug in the check")

    feedback = Broken(name="broken", hint_text="h", solution_text="s").check(1.0)
    _incorrect_with(feedback, CHECK_FAILED, "KeyError")


# --- fooled --------------------------------------------------------------------------------------


@pytest.mark.parametrize("disguise", [lambda h: str(16 + 3 * h), lambda h: f"{16 + 3 * h}",
                                      lambda h: np.array(16 + 3 * h).astype(str)])
def test_a_function_returning_its_answer_as_text_is_refused(disguise):
    _incorrect_with(nb01.q1.check(disguise), "the text", "no str(), f-string or .astype(str)")


@pytest.mark.parametrize("imaginary", [5j, 0j])
def test_a_complex_result_is_refused_even_with_a_zero_imaginary_part(imaginary):
    feedback = _incorrect_with(nb01.q1.check(lambda h: np.complex128(16 + 3 * h + imaginary)), "complex number")
    assert (".real" in feedback.message) == (imaginary == 0)


def test_text_hidden_in_a_list_is_refused():
    _incorrect_with(nb03.q4.check(["0", "0", "0"]), "the text '0'", "remove the quotes")


@pytest.mark.parametrize("truth", [True, np.True_, [True]])
def test_true_is_not_one(truth):
    question = NumberExercise(name="one", expected=lambda: 1.0, hint_text="h", solution_text="s")
    _incorrect_with(question.check(truth), "truth value", "True is not 1" if truth is True else "not numbers")


def test_a_function_returning_truth_values_is_pointed_to_np_where():
    _incorrect_with(nb03.q1.check(lambda x, alpha: x > 0), "truth values", "np.where")


def test_the_negated_jacobian_is_not_accepted_as_its_row_sums():
    _incorrect_with(nb03.q4.check(-softmax_jacobian(nb03.JACOBIAN_INPUT)), "that is −J")


# --- rejected right answers ----------------------------------------------------------------------


def test_one_number_in_a_list_is_told_to_drop_the_brackets_and_whether_it_is_right():
    _incorrect_with(nb00.q1.check([0.25]), "pass one number, not a list", "the number inside is right")
    _incorrect_with(nb00.q1.check(np.array([0.3])), "pass one number, not a list", "not right yet")


def test_the_notebooks_own_finite_difference_row_sums_are_accepted():
    numeric = numerical_jacobian(softmax, nb03.JACOBIAN_INPUT)
    assert np.max(np.abs(numeric.sum(axis=1))) > 1e-12  # what the old 1e-12 tolerance rejected
    assert nb03.q4.check(numeric.sum(axis=1)).correct
    _incorrect_with(nb03.q4.check(numeric), "the Jacobian itself")


def test_the_printed_0_3536_is_accepted_and_a_coarser_value_is_told_the_digits_needed():
    assert nb06.q3.check(0.3536).correct and nb06.q3.check(0.35355).correct
    _incorrect_with(nb06.q3.check(0.354), "4 significant digits")


def test_a_tiny_answer_is_judged_relatively_so_9_54e_7_is_only_close():
    _incorrect_with(nb06.q1.check(9.54e-7), "close", "6 significant digits")
    assert nb06.q1.check(0.25**10).correct


def test_an_op_built_from_engine_operations_is_accepted():
    feedback = nb05.q3.check(lambda v: Value(math.sin(v.data), (v,), (math.cos(v.data),)) * 1.0)
    assert feedback.correct, feedback


def test_a_right_hidden_delta_that_edits_z1_is_accepted_and_leaves_the_cases_untouched():
    def hidden_delta(W2, delta2, z1):
        z1[:] = sigmoid.grad(z1)
        return (W2.T @ delta2) * z1

    assert nb04.q4.check(hidden_delta).correct
    assert nb04.q4.check(lambda W2, delta2, z1: (W2.T @ delta2) * sigmoid.grad(z1)).correct


def test_the_sympy_number_after_subs_is_accepted():
    x = sp.symbols("x")
    assert nb02.q5.check(sp.diff(sp.log(1 + sp.exp(x)), x).subs(x, 0)).correct


@pytest.mark.parametrize("chain_slope", [
    lambda x, n: math.prod(1 - math.tanh(a) ** 2 for a in _inputs(x, n)),
    lambda x, n: math.prod(1 / math.cosh(a) ** 2 for a in _inputs(x, n)),
])
def test_a_chain_rule_slope_written_any_exact_way_is_accepted(chain_slope):
    assert nb06.q2.check(chain_slope).correct


def _inputs(x, n):
    values = [x]
    for _ in range(n - 1):
        values.append(math.tanh(values[-1]))
    return values


# --- poisoned ------------------------------------------------------------------------------------


def test_the_reviewed_in_place_leaky_relu_is_accepted_first_time_and_cannot_poison_the_check():
    def g(x, alpha):  # right, but it overwrites x: the old check compared it with the reference of the edited x
        x[x > 0] = 1.0
        x[x <= 0] = alpha
        return x

    for _ in range(4):
        assert nb03.q1.check(g).correct
    assert not nb03.q1.check(lambda x, alpha: np.ones_like(x)).correct


def test_a_wrong_function_that_edits_its_input_stays_wrong_however_often_it_is_checked():
    def wrong(x, alpha):  # makes its input all ones, where the right slope is 1 everywhere
        x[...] = 1.0
        return np.where(x > 0, 1.0, alpha)

    for _ in range(4):
        assert not nb03.q1.check(wrong).correct
    assert not nb03.q1.check(lambda x, alpha: np.ones_like(x)).correct
    assert nb03.q1.check(lambda x, alpha: np.where(x > 0, 1.0, alpha)).correct


def test_the_stored_test_inputs_are_read_only():
    with pytest.raises(ValueError, match="read-only"):
        nb06.q4.test_inputs[0][0][0, 0] = 5.0


# --- misdirected ---------------------------------------------------------------------------------


@pytest.mark.parametrize("exercise, answer", [
    (nb05.q5, 4_000_000), (nb06.q3, -np.sqrt(2 / 16)), (nb03.q2, -nb03.q2.expected()), (nb00.q1, 0.125),
    (nb02.q1, 2 * nb02.q1.expected()), (nb06.q1, 0.5 * 0.25**10), (nb05.q4, -nb05.q4.expected()),
])
def test_questions_without_a_loss_never_speak_of_one(exercise, answer):
    feedback = _incorrect_with(exercise.check(answer))
    assert not any(words in feedback.message for words in (*OLD_GENERIC_WORDS, "loss", "½")), feedback


def test_a_doubled_denominator_is_told_so_not_that_it_dropped_a_factor_of_2():
    feedback = _incorrect_with(nb01.q1.check(lambda h: (3 * (2 + h) ** 2 + 4 * (2 + h) + 6 - 26) / (2 * h)),
                               "you divided by 2h")
    assert "drop" not in feedback.message


def test_a_saturation_point_on_the_wrong_side_is_told_the_question_asks_for_x_above_0():
    _incorrect_with(nb03.q3.check(-nb03.q3.expected()), "x > 0")


def test_the_network_questions_name_their_own_half_and_their_own_difference():
    _incorrect_with(nb04.q2.check(2 * nb04.q2.expected()), "the ½ cancels the square's 2")
    _incorrect_with(nb04.q3.check(-nb04.q3.expected()), "z − t, not t − z")
    _incorrect_with(nb04.q1.check(-nb04.q1.expected()), "2(a − t), not 2(t − a)")


@pytest.mark.parametrize("exercise, typed, words", [
    (nb01.q3, 0.866, "sin(π/3), the height"), (nb02.q5, 0.69, "log 2"), (nb02.q5, 0.731, "slope at x = 1"),
    (nb00.q1, 0.731, "σ(1), the height"), (nb00.q1, 0.197, "where the explorer starts"),
    (nb01.q4, 1.5e-8, "√ε"), (nb01.q5, 6e-6, "∛ε"), (nb01.q4, 6e-6, "prediction for the central difference"),
    (nb01.q5, 1.5e-8, "balances the forward difference"),
])
def test_rounded_typed_values_get_their_targeted_message(exercise, typed, words):
    _incorrect_with(exercise.check(typed), words)


def test_a_value_nearer_the_right_answer_than_a_mistake_is_told_it_is_close():
    _incorrect_with(nb01.q3.check(0.49999), "close")
    _incorrect_with(nb03.q3.check(4.583), "close")


def test_acceptance_keeps_its_tolerance_while_mistakes_are_matched_loosely():
    _incorrect_with(nb01.q3.check(forward_difference(np.sin, np.pi / 3, 1e-5)), "forward difference with h = 1e-5")
    assert not nb01.q3.check(0.50001).correct


def test_a_step_that_is_not_one_of_the_listed_choices_is_told_to_pick_one():
    _incorrect_with(nb01.q4.check(1e-7), "one of the values the question lists")


def test_nb01_q1_a_central_difference_is_told_why_it_gives_16():
    _incorrect_with(nb01.q1.check(lambda h: (nb01.f(2 + h) - nb01.f(2 - h)) / (2 * h)), "central difference")


@pytest.mark.parametrize("fixed_h", [1e-5, 1e-6, 1e-8])
def test_nb01_q2_a_hard_wired_step_fails_and_is_told_to_use_h(fixed_h):
    _incorrect_with(nb01.q2.check(lambda f, x, h: (f(x + fixed_h) - f(x - fixed_h)) / (2 * fixed_h)),
                    "ignores the step h", "np.exp")


def test_nb02_q2_the_point_tells_cos_at_x_from_cos_at_u1():
    x = nb02.Q2_X
    assert x * x != x
    _incorrect_with(nb02.q2.check(math.exp(math.sin(x * x)) * math.cos(x) * 2 * x), "sin's input is u1 = x²")


def test_nb02_a_sympy_expression_is_told_to_substitute():
    x = sp.symbols("x")
    _incorrect_with(nb02.q5.check(sp.diff(sp.log(1 + sp.exp(x)), x)), ".subs(x, …)")


def test_nb03_q2_a_name_is_not_told_to_remove_its_quotes():
    feedback = _incorrect_with(nb03.q2.check("silu"), "not a name")
    assert "remove the quotes" not in feedback.message


@pytest.mark.parametrize("learner, words", [
    (lambda x, alpha: np.where(x > 0, 1.0, 0.01), "α = 0.01"),
    (lambda x, alpha: np.where(x > 0, 1.0, alpha * x), "returned αx"),
])
def test_nb03_q1_names_a_hard_coded_alpha_and_alpha_x(learner, words):
    _incorrect_with(nb03.q1.check(learner), words)


@pytest.mark.parametrize("answer, words", [
    (nb03.LOGITS - nb03.TARGET, "from the scores themselves"),
    (sigmoid.fn(nb03.LOGITS) - nb03.TARGET, "sigmoid to each score"),
])
def test_nb03_q5_names_a_forgotten_softmax_and_a_sigmoid_in_its_place(answer, words):
    _incorrect_with(nb03.q5.check(answer), words)


def test_nb04_q3_the_per_unit_deltas_and_the_errors_without_slope_are_named():
    d = nb04._deltas
    _incorrect_with(nb04.q3.check([d["z1"], d["z2"]]), "one per unit")
    f, p = nb04._values, nb04._network
    _incorrect_with(nb04.q3.check((f["z1a"] - p["t1"]) + (f["z2a"] - p["t2"])), "without the sigmoid's slope")


@pytest.mark.parametrize("learner, words", [
    (lambda W2, delta2, z1: (W2.T @ delta2) * sigmoid.grad(sigmoid.fn(z1)), "applies the sigmoid twice"),
    (lambda W2, delta2, z1: (W2.T @ delta2) * sigmoid.fn(z1), "not their slope"),
    (lambda W2, delta2, z1: (W2.T @ delta2) @ sigmoid.grad(z1), "for an elementwise product (⊙) use *"),
])
def test_nb04_q4_names_sigmoid_twice_the_value_as_slope_and_matmul_for_the_product(learner, words):
    _incorrect_with(nb04.q4.check(learner), words)


def test_nb04_q5_judges_the_implied_step_not_w5_itself():
    g = nb04._gradients
    _incorrect_with(nb04.q5.check(0.4 - 0.1 * g["dE/dw7"]), "used dE/dw7")
    _incorrect_with(nb04.q5.check(0.3928), "close: your answer implies the gradient")
    _incorrect_with(nb04.q5.check(0.39), "moves w5 by")


def test_nb05_q1_the_value_node_is_told_to_use_its_grad():
    x, y = Value(2.0), Value(3.0)
    (x * (x + y)).backward()
    _incorrect_with(nb05.q1.check(x), "x.grad")
    assert nb05.q1.check(x.grad).correct


def test_nb05_q2_the_right_numbers_in_another_order_are_told_the_order():
    _incorrect_with(nb05.q2.check([0, 5, 3]), "[∂L/∂a, ∂L/∂b, ∂L/∂c]")


def test_nb05_q3_a_missing_comma_in_parents_is_not_told_to_use_v_data():
    feedback = _incorrect_with(nb05.q3.check(
        lambda v: Value(math.sin(v.data), parents=(v), local_grads=(math.cos(v.data),))), "mind the comma")
    assert "v.data" not in feedback.message


def test_nb05_q5_a_count_off_by_one_is_not_called_a_rounded_number():
    _incorrect_with(nb05.q5.check(2_000_001), "the loss at θ itself")
    assert "rounded" not in nb05.q5.check(1_999_999).message


def test_nb06_q1_nine_factors_are_named():
    _incorrect_with(nb06.q1.check(0.25**9), "9th power")


def test_nb06_q2_finite_differences_are_told_the_question_wants_the_chain_rule():
    def by_finite_differences(x, n, h=1e-5):
        def chain(t):
            for _ in range(n):
                t = np.tanh(t)
            return t
        return central_difference(chain, x, h)

    _incorrect_with(nb06.q2.check(by_finite_differences), "finite differences", "chain rule")


@pytest.mark.parametrize("learner, words", [
    (lambda Z: np.mean(np.all(Z == 0, axis=0)), "Z == 0"),
    (lambda Z: np.sum(np.all(Z <= 0, axis=0)) // Z.shape[1], "floor division"),
    (lambda Z: np.mean(Z.mean(0) <= 0), "mean over the batch"),
])
def test_nb06_q4_names_each_slip_and_never_misdiagnoses_one_as_per_example(learner, words):
    feedback = _incorrect_with(nb06.q4.check(learner), words)
    assert "per example (row)" not in feedback.message
