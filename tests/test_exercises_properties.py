"""Properties every exercise of the course keeps, whatever a learner passes (issue 14).

The exercises are found, not listed: every ``Exercise`` instance in ``course_utils.exercises.nb00`` … ``nbNN``.
For each one: garbage never raises and never passes; the right answer passes in every numeric spelling;
each listed mistake gets its own message; and a function that edits its inputs cannot change a later check.
"""
from __future__ import annotations

import importlib
import math
import pkgutil
import re

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import course_utils.exercises
from course_utils.autodiff import Value
from course_utils.exercises import CHECK_FAILED, CORRECT, INCORRECT, Exercise, FunctionExercise, NumberExercise
from course_utils.exercises.judging import as_float_array, radius
from course_utils.exercises.new_op import NewOpExercise

SETTINGS = settings(max_examples=100, deadline=None, database=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])


def discover() -> list[tuple[str, Exercise]]:
    """Every exercise instance of every notebook module, by its module and variable name."""
    found = []
    for info in pkgutil.iter_modules(course_utils.exercises.__path__):
        if re.fullmatch(r"nb\d\d", info.name):
            module = importlib.import_module(f"course_utils.exercises.{info.name}")
            found += [(f"{info.name}.{name}", value) for name, value in vars(module).items()
                      if isinstance(value, Exercise) and not name.startswith("_")]
    return found


EXERCISES = discover()
IDS = [name for name, _ in EXERCISES]
ALL = [exercise for _, exercise in EXERCISES]
NUMBERS = [exercise for exercise in ALL if isinstance(exercise, NumberExercise)]
FUNCTIONS = [exercise for exercise in ALL if isinstance(exercise, FunctionExercise)]
NEW_OPS = [exercise for exercise in ALL if isinstance(exercise, NewOpExercise)]


_NAMES = {id(exercise): name for name, exercise in EXERCISES}


def _ids(exercises):
    return [_NAMES[id(exercise)] for exercise in exercises]


def test_discovery_finds_every_notebook_module_and_every_kind_of_exercise():
    modules = {name.split(".")[0] for name in IDS}
    assert modules == {f"nb0{n}" for n in range(7)}
    assert len(ALL) == len({id(exercise) for exercise in ALL}) >= 30
    assert NUMBERS and FUNCTIONS and NEW_OPS
    assert all(isinstance(exercise, (NumberExercise, FunctionExercise, NewOpExercise)) for exercise in ALL)


# --- garbage ------------------------------------------------------------------------------------


class RefusesConversion:
    """Like torch.tensor(0.25, requires_grad=True): __array__ and __float__ raise."""

    def __array__(self, *args, **kwargs):
        raise RuntimeError("Can't call numpy() on Tensor that requires grad. Use tensor.detach().numpy() instead.")

    def __float__(self):
        raise RuntimeError("a learner's object that will not be a float")

    def __repr__(self):
        return "tensor(0.25, requires_grad=True)"


class RefusesEverything:
    """An object whose every attribute, repr, length and conversion raises."""

    def __getattr__(self, name):
        raise RuntimeError(f"no {name} for you")

    def __repr__(self):
        raise RuntimeError("no repr either")

    def __len__(self):
        raise RuntimeError("no length")

    def __float__(self):
        raise ValueError("no float")

    def __array__(self, *args, **kwargs):
        raise TypeError("no array")


class LoudError(Exception):
    def __str__(self):
        raise RuntimeError("even the message of this error raises")


_SPECIAL_FLOATS = st.sampled_from([math.nan, math.inf, -math.inf])
_HUGE_INTS = st.one_of(st.just(2**2000), st.just(-(10**400)), st.integers(min_value=2**1030, max_value=2**4000))
_SCALAR_GARBAGE = st.one_of(
    st.text(max_size=8), st.binary(max_size=8), st.booleans(), _SPECIAL_FLOATS, _HUGE_INTS,
    st.complex_numbers(allow_nan=False, allow_infinity=False, max_magnitude=1e6).map(lambda z: complex(z.real, 1.0)),
    st.complex_numbers(allow_nan=False, allow_infinity=False, max_magnitude=1e6).map(lambda z: complex(z.real, 0.0)),
    st.builds(RefusesConversion), st.builds(RefusesEverything), st.just({"answer": 0.25}), st.just({0.25}),
    st.just(np.bool_(True)), st.just(np.str_("0.25")), st.just(np.complex128(0.25)), st.just(iter([0.25])),
)
#: Lists nested up to three deep, holding a string, a bool or another refused entry somewhere.
_NESTED_GARBAGE = st.recursive(
    st.one_of(st.floats(-10, 10), _SCALAR_GARBAGE), lambda children: st.lists(children, min_size=1, max_size=3),
    max_leaves=6,
).filter(lambda value: isinstance(value, list) and _holds_garbage(value))
_ARRAY_GARBAGE = st.one_of(
    st.lists(st.text(max_size=3), min_size=1, max_size=4).map(np.array),
    st.lists(st.booleans(), min_size=1, max_size=4).map(np.array),
    st.lists(st.floats(-5, 5), min_size=1, max_size=4).map(lambda xs: np.array(xs) + 1j),
    st.lists(st.floats(-5, 5), min_size=1, max_size=4).map(lambda xs: np.array(xs, dtype=complex)),
    st.just(np.array(["0", "0", "0"])), st.just(np.array([0.0, np.nan, 1.0])),
)
GARBAGE = st.one_of(_SCALAR_GARBAGE, _NESTED_GARBAGE, _ARRAY_GARBAGE)


def _holds_garbage(value) -> bool:
    if isinstance(value, list):
        return any(_holds_garbage(item) for item in value)
    return not (isinstance(value, float) and math.isfinite(value))


def _raising(error_type):
    def learner(*args):
        raise error_type("a learner's bug") if error_type is not LoudError else LoudError()
    return learner


def _mutating(fill: float, then):
    """A function that overwrites every array (and Value) it is given, then returns ``then``."""
    def learner(*args):
        for arg in args:
            if isinstance(arg, np.ndarray):
                arg[...] = fill
            elif isinstance(arg, Value):
                arg.data = fill
        return then
    return learner


GARBAGE_FUNCTIONS = st.one_of(
    st.sampled_from([ValueError, TypeError, ZeroDivisionError, IndexError, KeyError, RuntimeError, OverflowError,
                     RecursionError, AttributeError, LoudError]).map(_raising),
    st.just(lambda *args: None), st.just(lambda *args: ...), st.just(print),
    GARBAGE.map(lambda value: (lambda *args: value)),
    st.builds(_mutating, st.floats(-3, 3), GARBAGE),
)


def _is_safe_feedback(feedback) -> bool:
    """A check's result that a learner can read: a status, a message, no internal failure."""
    return (feedback.status in (CORRECT, INCORRECT, "not attempted") and isinstance(feedback.message, str)
            and CHECK_FAILED not in feedback.message and isinstance(repr(feedback), str))


@pytest.mark.parametrize("exercise", ALL, ids=_ids(ALL))
@SETTINGS
@given(answer=GARBAGE)
def test_garbage_never_raises_and_never_passes(exercise, answer):
    feedback = exercise.check(answer)
    assert _is_safe_feedback(feedback), feedback
    assert feedback.status != CORRECT, (answer, feedback)


@pytest.mark.parametrize("exercise", FUNCTIONS + NEW_OPS, ids=_ids(FUNCTIONS + NEW_OPS))
@SETTINGS
@given(learner=GARBAGE_FUNCTIONS)
def test_a_garbage_function_never_raises_and_never_passes(exercise, learner):
    feedback = exercise.check(learner)
    assert _is_safe_feedback(feedback), feedback
    assert feedback.status != CORRECT, feedback


def _disguises(value) -> list:
    """The right value as text, complex, bools or text in a list: the ways a right number can be smuggled in."""
    array = np.asarray(value, dtype=float)
    disguised = [str(float(array)) if array.ndim == 0 else str(array.tolist()), f"{array}", array.astype(str),
                 array + 0j, array.astype(complex) + 1e-3j, [str(v) for v in np.atleast_1d(array).ravel()]]
    if array.ndim == 0:
        disguised += [complex(float(array)), f"{float(array):.17g}".encode(), [float(array)]]
    return disguised


@pytest.mark.parametrize("exercise", NUMBERS, ids=_ids(NUMBERS))
def test_the_right_number_disguised_as_text_complex_or_a_list_never_passes(exercise):
    for disguise in _disguises(exercise.reference_answer()):
        feedback = exercise.check(disguise)
        assert _is_safe_feedback(feedback) and feedback.status == INCORRECT, (disguise, feedback)


@pytest.mark.parametrize("exercise", FUNCTIONS, ids=_ids(FUNCTIONS))
def test_a_function_returning_the_right_result_disguised_never_passes(exercise):
    for index in range(len(_disguises(0.0))):
        def learner(*args, index=index):
            disguises = _disguises(exercise.reference(*args))
            return disguises[index] if index < len(disguises) else str(exercise.reference(*args))

        feedback = exercise.check(learner)
        assert _is_safe_feedback(feedback) and feedback.status == INCORRECT, (index, feedback)


# --- the right answer ----------------------------------------------------------------------------


def _spellings(value) -> list:
    """The right value as a learner may write it: Python float (or list), numpy scalar, 0-d array, array."""
    array = np.asarray(value, dtype=float)
    if array.ndim == 0:
        return [float(array), np.float64(array), np.float32(array) if np.float32(array) == array else float(array),
                np.array(float(array)), int(array) if float(array).is_integer() else float(array)]
    return [array, array.tolist(), tuple(array.tolist()), array.copy(order="F")]


@pytest.mark.parametrize("exercise", NUMBERS, ids=_ids(NUMBERS))
def test_the_right_number_passes_as_a_float_a_numpy_scalar_and_a_0d_array(exercise):
    for spelling in _spellings(exercise.reference_answer()):
        feedback = exercise.check(spelling)
        assert feedback.correct, (type(spelling), spelling, feedback)


@pytest.mark.parametrize("exercise", FUNCTIONS, ids=_ids(FUNCTIONS))
def test_the_reference_function_passes_whatever_numeric_type_it_returns(exercise):
    assert exercise.check(exercise.reference_answer()).correct
    for spell in (lambda v: np.asarray(v), lambda v: np.asarray(v).tolist(),
                  lambda v: np.float64(v) if np.ndim(v) == 0 else np.asarray(v)):
        feedback = exercise.check(lambda *args, spell=spell: spell(exercise.reference(*args)))
        assert feedback.correct, feedback


@pytest.mark.parametrize("exercise", FUNCTIONS, ids=_ids(FUNCTIONS))
def test_a_right_function_that_edits_its_inputs_is_accepted(exercise):
    def edits_after_computing(*args):
        result = exercise.reference(*args)
        _mutating(7.0, None)(*args)
        return result

    assert exercise.check(edits_after_computing).correct
    assert exercise.check(exercise.reference).correct


@pytest.mark.parametrize("exercise", NEW_OPS, ids=_ids(NEW_OPS))
def test_the_reference_op_passes_alone_or_built_from_engine_operations(exercise):
    op = exercise.reference_answer()
    for variant in (op, lambda v: op(v) * 1.0, lambda v: op(v) + 0.0, lambda v: op(v * 1.0)):
        feedback = exercise.check(variant)
        assert feedback.correct, feedback


# --- listed mistakes -----------------------------------------------------------------------------


@pytest.mark.parametrize("exercise", ALL, ids=_ids(ALL))
def test_each_listed_mistake_gets_its_own_message(exercise):
    for answer, message in exercise.mistake_answers():
        feedback = exercise.check(answer)
        assert feedback.status == INCORRECT and message in feedback.message, (message, feedback)


def _round_to(value: float, digits: int) -> float:
    return float(f"{value:.{digits - 1}e}")


@pytest.mark.parametrize("exercise", NUMBERS, ids=_ids(NUMBERS))
def test_a_listed_mistake_typed_rounded_to_3_or_4_digits_still_gets_its_message(exercise):
    expected = as_float_array(exercise.expected())
    atol = 0.0 if exercise.atol is None else exercise.atol
    tried = 0
    for wrong, message in exercise.mistakes:
        wrong = as_float_array(wrong)
        if wrong.ndim != 0 or wrong == 0:
            continue
        for digits in (3, 4):
            typed = np.asarray(_round_to(float(wrong), digits))
            others = [as_float_array(other) for other, words in exercise.mistakes if words != message]
            nearest_is_it = all(o.shape != () or abs(typed - o) > abs(typed - wrong) for o in others)
            if abs(typed - wrong) <= radius(wrong, expected, atol) and nearest_is_it:
                tried += 1
                feedback = exercise.check(float(typed))
                assert message in feedback.message, (float(typed), feedback)
    if any(np.ndim(wrong) == 0 and wrong != 0 for wrong, _ in exercise.mistakes) and not exercise.whole_number:
        assert tried, "no listed mistake could be tried rounded"


@pytest.mark.parametrize("exercise", FUNCTIONS, ids=_ids(FUNCTIONS))
def test_the_test_inputs_tell_every_listed_mistake_from_the_answer_and_from_each_other(exercise):
    functions = [(exercise.reference, "the reference")] + list(exercise.mistakes)

    def outputs(fn):
        found = []
        for args in exercise.test_inputs:
            try:
                found.append(as_float_array(fn(*[np.array(a) if isinstance(a, np.ndarray) else a for a in args])))
            except Exception:  # a slip that crashes on some input is told apart there
                found.append(None)
        return found

    table = [(outputs(fn), message) for fn, message in functions]
    for i, (first, first_message) in enumerate(table):
        for second, second_message in table[i + 1:]:
            if first_message == second_message:
                continue
            apart = any(a is None or b is None and a is not b or a.shape != b.shape
                        or not np.allclose(a, b, rtol=1e-6, atol=1e-12)
                        for a, b in zip(first, second) if not (a is None and b is None))
            assert apart, f"no test input tells {first_message!r} from {second_message!r}"


# --- poisoning -----------------------------------------------------------------------------------


def _has_arrays(exercise) -> bool:
    return any(isinstance(arg, np.ndarray) for args in exercise.test_inputs for arg in args)


WITH_ARRAYS = [exercise for exercise in FUNCTIONS if _has_arrays(exercise)]


@pytest.mark.parametrize("exercise", WITH_ARRAYS, ids=_ids(WITH_ARRAYS))
@settings(max_examples=10, deadline=None, database=None)
@given(fill=st.floats(-3, 3))
def test_a_function_that_edits_its_inputs_cannot_change_a_later_check(exercise, fill):
    def poisoner(*args):  # edits its inputs, then answers for the edited ones: right only if the edit sticks
        _mutating(fill, None)(*args)
        return exercise.reference(*args)

    before = [np.array(arg) for args in exercise.test_inputs for arg in args if isinstance(arg, np.ndarray)]
    for _ in range(4):
        assert not exercise.check(poisoner).correct
    after = [np.array(arg) for args in exercise.test_inputs for arg in args if isinstance(arg, np.ndarray)]
    assert all(np.array_equal(a, b) for a, b in zip(before, after))
    assert exercise.check(exercise.reference).correct
    assert not exercise.check(lambda *args: np.ones_like(np.asarray(exercise.reference(*args), dtype=float))).correct


@pytest.mark.parametrize("exercise", [e for e in FUNCTIONS if not _has_arrays(e)],
                         ids=_ids([e for e in FUNCTIONS if not _has_arrays(e)]))
def test_a_function_exercise_without_arrays_has_only_immutable_inputs(exercise):
    for args in exercise.test_inputs:
        assert all(isinstance(arg, (int, float, np.ufunc)) or callable(arg) for arg in args), args


def _public_mutables():
    """Every array or dict a notebook can import from an exercise module (LOGITS, Q3_LOCAL_DERIVATIVES, …)."""
    for info in pkgutil.iter_modules(course_utils.exercises.__path__):
        if re.fullmatch(r"nb\d\d", info.name):
            module = importlib.import_module(f"course_utils.exercises.{info.name}")
            for name, value in vars(module).items():
                if not name.startswith("_") and isinstance(value, (np.ndarray, dict)) and name.isupper():
                    yield value


def test_editing_the_arrays_a_notebook_imports_cannot_move_a_right_answer():
    expected = [np.array(exercise.expected(), dtype=float) for exercise in NUMBERS]
    saved = [(value, value.copy()) for value in _public_mutables()]
    try:
        for value, _ in saved:
            if isinstance(value, np.ndarray):
                value[...] = 0.5
            else:
                value.update(dict.fromkeys(value, 0.5))
        assert all(np.array_equal(np.asarray(q.expected(), dtype=float), e) for q, e in zip(NUMBERS, expected))
        assert all(q.check(e).correct for q, e in zip(NUMBERS, expected))
    finally:
        for value, copy in saved:
            if isinstance(value, np.ndarray):
                value[...] = copy
            else:
                value.update(copy)
