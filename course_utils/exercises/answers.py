"""Reading a learner's answer as real numbers, or saying in one sentence why it is not one and what to pass.

Only real numbers of a numeric type count: text (even "0.25", even inside a list), True/False, complex
numbers (even with a zero imaginary part: the course's answers are real, so ``(0.25+0j)`` is told to take
``.real``), a ``Value`` node, an unsubstituted SymPy expression, a number too large for a float and an
object that refuses conversion are all refused with a message, never with a traceback.
"""
from __future__ import annotations

import math
import numbers
import warnings
from collections.abc import Iterator

import numpy as np

#: Deeper nesting than this is not an answer to any question of the course.
MAX_DEPTH = 32
#: How many entries of an object array are inspected one by one.
MAX_ENTRIES = 100_000


class NotANumber(Exception):
    """Why an answer cannot be read as real numbers: ``what`` it is and the ``advice`` for the learner."""

    def __init__(self, what: str, advice: str):
        super().__init__(f"{what}; {advice}")
        self.what = what
        self.advice = advice


def shown(value, limit: int = 60) -> str:
    """repr(value), shortened to one line; a repr that raises becomes the type's name."""
    try:
        text = repr(value)
    except Exception:  # a learner's object may refuse even repr
        return f"a {type(value).__name__} object"
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def error_text(error: BaseException) -> str:
    """str(error), or its type's name if even that raises."""
    try:
        return str(error)
    except Exception:
        return type(error).__name__


def as_real(answer, *, returned: bool = False) -> np.ndarray:
    """``answer`` as a new float array, or NotANumber. ``returned`` words the advice for a function's result."""
    _refuse_kind(answer, returned, depth=0)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            array = np.asarray(answer)
            _refuse_kind(array, returned, depth=0)  # an object's __array__ may hand back text or bools
            return np.array(array, dtype=float)
    except NotANumber:
        raise
    except OverflowError:
        raise NotANumber(_too_large(answer), "floats end near 1.8e308: check the exponent (** or e)") from None
    except RecursionError:
        raise NotANumber("lists nested too deeply", "give a number or a flat list of numbers") from None
    except Exception as error:  # noqa: BLE001 - whatever the learner's object raises is feedback
        fallback = _as_float(answer)
        if fallback is not None:
            return fallback
        if "inhomogeneous" in error_text(error):
            raise NotANumber("lists of different lengths", "every row needs the same number of entries") from None
        tensor = hasattr(type(answer), "item") and hasattr(type(answer), "detach")
        raise NotANumber(
            f"{_kind(answer)} that cannot be turned into a number ({type(error).__name__}: {error_text(error)[:120]})",
            _TENSOR_ADVICE if tensor else _PLAIN_ADVICE,
        ) from None


_PLAIN_ADVICE = "pass a plain number (or a list or numpy array of numbers), for example float(...) of it"
_TENSOR_ADVICE = "pass a plain number: .item() of a one-number tensor, or .detach().numpy() of a larger one"


def _as_float(answer) -> np.ndarray | None:
    """A scalar whose __array__ fails may still have a working __float__ (a tensor that requires grad)."""
    if isinstance(answer, (list, tuple, np.ndarray)):
        return None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            value = float(answer)
    except Exception:  # noqa: BLE001
        return None
    return np.array(value)


def _refuse_kind(obj, returned: bool, depth: int) -> None:
    """Raise NotANumber for anything that is not made of real numbers; walk lists, tuples and object arrays."""
    if depth > MAX_DEPTH:
        raise NotANumber(f"lists nested more than {MAX_DEPTH} deep", "give a number or a flat list of numbers")
    if isinstance(obj, np.ndarray):
        kind = obj.dtype.kind
        if kind in "iuf":
            return
        if kind == "O":
            for item in obj.flat[:MAX_ENTRIES]:
                _refuse_kind(item, returned, depth + 1)
            return
        if kind in "US":
            raise NotANumber(f"the text array {shown(obj)}", _text_advice(returned, numeric=True))
        if kind == "b":
            raise NotANumber(f"truth values {shown(obj)}", _BOOL_ADVICE if obj.ndim else _ONE_BOOL_ADVICE)
        if kind == "c":
            raise NotANumber(*_complex_problem(obj, obj))
        raise NotANumber(f"an array of {obj.dtype}", _PLAIN_ADVICE)
    if isinstance(obj, (list, tuple)):
        for item in obj:
            _refuse_kind(item, returned, depth + 1)
        return
    _refuse_scalar(obj, returned, inside=depth > 0)


_BOOL_ADVICE = (
    "True and False are not numbers here. Turn a condition into numbers with "
    "np.where(condition, value_if_true, value_if_false), or take np.mean of it for a share"
)
_ONE_BOOL_ADVICE = "True and False are not numbers here (True is not 1): give the number itself"


def _refuse_scalar(obj, returned: bool, inside: bool) -> None:
    """The checks for one entry; an unknown type is left to the conversion, which may still refuse it."""
    if obj is None or obj is Ellipsis:
        where = "an entry" if inside else "the answer"
        raise NotANumber(f"{where} that is {obj!r}", "fill in every entry with a number")
    if isinstance(obj, (bool, np.bool_)):
        raise NotANumber(f"{obj!r}, a truth value", _BOOL_ADVICE if inside else _ONE_BOOL_ADVICE)
    if isinstance(obj, (str, np.str_, bytes, bytearray, memoryview, np.bytes_)):
        text = obj if isinstance(obj, str) else bytes(obj).decode("utf-8", "replace")
        raise NotANumber(f"the text {shown(obj)}", _text_advice(returned, numeric=_parses(text)))
    if isinstance(obj, (complex, np.complexfloating)):
        raise NotANumber(*_complex_problem(np.asarray(obj), obj))
    if isinstance(obj, (numbers.Real, np.integer, np.floating)):
        return
    if _is_value_node(obj):
        raise NotANumber(
            f"the Value node {shown(obj)}",
            "a node is not a number: pass its gradient .grad (after calling backward() on the output), "
            "e.g. answer = x.grad, or its number .data",
        )
    symbols = _free_symbols(obj)
    if symbols:
        name = sorted(str(symbol) for symbol in symbols)[0]
        raise NotANumber(
            f"the SymPy expression {shown(obj)}",
            f"it still contains {name}: substitute a number with .subs({name}, …), then take float(...) of it",
        )
    if symbols is not None:  # a SymPy number: real ones convert, complex ones are refused
        _refuse_complex_sympy(obj)
        return
    if callable(obj):
        name = getattr(obj, "__name__", type(obj).__name__)
        raise NotANumber(f"the function {name}", "call it, and pass the number it returns")
    if isinstance(obj, (dict, set, frozenset)):
        raise NotANumber(f"a {type(obj).__name__}", "pass a number, or a list of numbers")
    if isinstance(obj, Iterator):
        raise NotANumber(f"a {type(obj).__name__}", "make a list of it first: list(...) or np.array(list(...))")


def _text_advice(returned: bool, numeric: bool) -> str:
    if returned:
        return "return the number itself, not text: no str(), f-string or .astype(str)"
    if numeric:
        return "remove the quotes"
    return "give the number itself, not a name or a description of it"


def _parses(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def _complex_problem(array: np.ndarray, original) -> tuple[str, str]:
    """Complex numbers are refused, even with a zero imaginary part: every answer of the course is real."""
    what = f"the complex number {shown(complex(array) if array.ndim == 0 else original)}"
    if np.all(np.imag(array) == 0):
        return what, "the answer is real: pass its real part, .real (and see where the complex type came from)"
    return what, "the answer is a real number: look for a square root or a fractional power of a negative number"


def _refuse_complex_sympy(obj) -> None:
    try:
        value = complex(obj)
    except Exception:  # noqa: BLE001 - the conversion to float reports it
        return
    if value.imag != 0:
        raise NotANumber(f"the complex number {shown(obj)}",
                         "the answer is a real number: look for a square root of a negative number")


def _free_symbols(obj):
    """A SymPy object's free symbols (an empty set for a SymPy number), or None for anything else."""
    try:
        symbols = getattr(obj, "free_symbols", None)
        return set(symbols) if isinstance(symbols, (set, frozenset)) else None
    except Exception:  # noqa: BLE001 - a learner's object may raise on any attribute
        return None


def _is_value_node(obj) -> bool:
    from course_utils.autodiff import Value

    return isinstance(obj, Value)


def _kind(obj) -> str:
    return f"a {type(obj).__name__}"


def _too_large(answer) -> str:
    """'2**2000-sized numbers…': the size of the offending integer, without printing its digits."""
    for item in _leaves(answer):
        if isinstance(item, numbers.Integral) and not isinstance(item, bool) and abs(int(item)) > 2**1023:
            exponent = int(abs(int(item)).bit_length() * math.log10(2))
            return f"a number with {exponent + 1} digits, too large for a float"
    return "a number too large for a float"


def _leaves(obj, depth: int = 0):
    if depth > MAX_DEPTH:
        return
    if isinstance(obj, (list, tuple)):
        for item in obj:
            yield from _leaves(item, depth + 1)
    elif isinstance(obj, np.ndarray) and obj.dtype.kind == "O":
        for item in obj.flat[:MAX_ENTRIES]:
            yield from _leaves(item, depth + 1)
    else:
        yield obj
