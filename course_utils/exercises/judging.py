"""How close is close enough, and which listed mistake an answer is: the arithmetic behind every check.

Acceptance is strict: within ``rtol`` of the right answer (plus an absolute tolerance that, unless an
exercise sets one, is round-off on the answer's own scale, so a tiny answer is judged relatively too), or
within the rounding of ``digits`` significant digits when a question allows it.

Mistakes are recognised more loosely, so that a rounded value typed by hand (0.866, 0.69) still gets its
message: within ``LOOSE`` (1 %) of the mistake, but never more than half the distance from the mistake
to the right answer. So a value nearer the right answer is never named as a mistake (the right answer
wins: it is told it is close), and of two mistakes the nearer one is named.
"""
from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

#: How far (relatively) a typed, rounded value may sit from a mistake and still be recognised as it.
LOOSE = 1e-2
#: The absolute tolerance when the right answer is exactly zero and the exercise sets none.
ZERO_ATOL = 1e-12
#: Round-off allowed, relative to an answer's largest entry, in an entry that should be exactly 0.
ROUND_OFF = 1e-12


@dataclass(frozen=True)
class Slips:
    """What a negated, doubled or halved answer means in one question's own terms.

    None says only the fact ("your answer is twice the expected value."), a text adds the question's
    reason after it, and ``SILENT`` ("") says nothing, for a question where the slip means nothing.
    """

    negated: str | None = None
    doubled: str | None = None
    halved: str | None = None


SILENT = ""


def slip_messages(slips: Slips) -> list[tuple[float, str]]:
    """The factors −1, 2 and ½ with what each means in this question's words (a silenced one left out)."""
    facts = [
        (-1.0, slips.negated, "the sign is flipped", "your answer is the negative of the expected value"),
        (2.0, slips.doubled, "your answer is twice the expected value", ""),
        (0.5, slips.halved, "your answer is half the expected value", ""),
    ]
    found = []
    for factor, words, fact, plain in facts:
        if words == SILENT:
            continue
        reason = words if words is not None else plain
        found.append((factor, f"{fact}: {reason}." if reason else f"{fact}."))
    return found


def generic_slips(expected: np.ndarray, slips: Slips) -> list[tuple[np.ndarray, str]]:
    """The answers −x, 2x and x/2 with their messages, in this question's words (none if x is all zero)."""
    if not np.any(expected != 0):
        return []
    return [(factor * expected, message) for factor, message in slip_messages(slips)]


def absolute_tolerance(expected: np.ndarray, rtol: float, atol: float | None) -> float:
    """The exercise's atol, or round-off relative to the answer's largest entry (so 9.5e-7 is judged relatively).

    Without an atol of its own, a check is relative entry by entry; only an entry that should be exactly 0
    needs the absolute part, and round-off (1e-12 of the largest entry) is all it gets.
    """
    if atol is not None:
        return atol
    with np.errstate(all="ignore"):
        scale = float(np.max(np.abs(expected))) if expected.size else 0.0
    return ROUND_OFF * scale if scale > 0 else ZERO_ATOL


def accepted(value: np.ndarray, expected: np.ndarray, rtol: float, atol: float | None,
             digits: int | None = None) -> bool:
    """Whether value is the right answer: within tolerance, or right to ``digits`` significant digits."""
    if value.shape != expected.shape or not np.all(np.isfinite(value)):
        return False
    with np.errstate(all="ignore"):
        gap = np.abs(value - expected)
        if np.all(gap <= rtol * np.abs(expected) + absolute_tolerance(expected, rtol, atol)):
            return True
        if digits is None or np.any(expected == 0):
            return False
        last_digit = 10.0 ** (np.floor(np.log10(np.abs(expected))) - digits + 1)
        return bool(np.all(gap <= 0.5 * last_digit * (1 + 1e-9)))


def distance(a: np.ndarray, b: np.ndarray) -> float:
    """The largest entrywise gap, inf for different shapes or non-finite entries."""
    if a.shape != b.shape:
        return math.inf
    if a.size == 0:
        return 0.0
    with np.errstate(all="ignore"):
        gap = float(np.max(np.abs(a - b)))
    return gap if math.isfinite(gap) else math.inf


def radius(wrong: np.ndarray, expected: np.ndarray, atol: float) -> float:
    """How far from a mistake an answer may be and still be named as it (see the module's docstring)."""
    with np.errstate(all="ignore"):
        size = float(np.max(np.abs(wrong))) if wrong.size else 0.0
    return min(LOOSE * size + atol, 0.5 * distance(wrong, expected))


def as_float_array(value) -> np.ndarray | None:
    """A course-made value (a mistake, a reference's result) as floats; None if it is not numeric."""
    try:
        with np.errstate(all="ignore"):
            return np.asarray(value, dtype=float)
    except (TypeError, ValueError, OverflowError):
        return None


def nearest_mistake(value: np.ndarray, expected: np.ndarray, candidates: Sequence[tuple[object, str]],
                    atol: float) -> str | None:
    """The message of the nearest candidate whose loose radius holds value; the first listed wins a tie."""
    best = None
    for wrong, message in candidates:
        wrong = as_float_array(wrong)
        if wrong is None or wrong.shape != value.shape:
            continue
        gap = distance(value, wrong)
        if gap <= radius(wrong, expected, atol) and (best is None or gap < best[0]):
            best = (gap, message)
    return None if best is None else best[1]


def diagnose(answer, expected, mistakes: Sequence[tuple[object, str]] = (), rtol: float = 1e-6,
             atol: float | None = None, slips: Slips = Slips()) -> str | None:  # noqa: B008 - frozen, shared safely
    """Name the likely slip behind a wrong numeric answer: a listed mistake first, then −x, 2x or x/2; else None."""
    answer = as_float_array(answer)
    expected = as_float_array(expected)
    if answer is None or expected is None:
        return None
    tolerance = absolute_tolerance(expected, rtol, atol)
    named = nearest_mistake(answer, expected, mistakes, tolerance)
    if named is not None or answer.shape != expected.shape:
        return named
    return nearest_mistake(answer, expected, generic_slips(expected, slips), tolerance)


def significant_digits(rtol: float) -> int:
    """How many significant digits a relative tolerance asks for: 1e-6 → 6."""
    return max(1, round(-math.log10(rtol))) if rtol > 0 else 16


def near_miss(answer, expected, within: float = LOOSE, rtol: float = 1e-6, digits: int | None = None) -> str | None:
    """Say so when a wrong answer is within 1 % of the right one, and how many digits the check needs."""
    answer = as_float_array(answer)
    expected = as_float_array(expected)
    if answer is None or expected is None or answer.shape != expected.shape or np.any(expected == 0):
        return None
    with np.errstate(all="ignore"):
        off = float(np.max(np.abs(answer - expected) / np.abs(expected)))
    if not off <= within:
        return None
    needs = digits if digits is not None else significant_digits(rtol)
    return (
        f"close, but off by {100 * off:.2g} %, more than the check allows (it needs {needs} significant digits). "
        "If you typed a rounded number, compute it in Python and pass the full value; otherwise look for a small slip."
    )


def permuted(value: np.ndarray, expected: np.ndarray, tolerance: float) -> bool:
    """True when value holds the right entries in another order."""
    if value.shape != expected.shape or value.ndim != 1 or distance(value, expected) <= tolerance:
        return False
    return distance(np.sort(value), np.sort(expected)) <= tolerance
