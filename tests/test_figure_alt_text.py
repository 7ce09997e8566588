"""Every figure says what it shows: show_figure puts a real alt text on a notebook figure, and every
explorer's still picture (what GitHub, nbviewer and the HTML export show) carries one in its metadata.
"""
from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import ipywidgets as widgets  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402

from course_utils.explorers import all_explorers  # noqa: E402
from course_utils.style import alt_number, check_alt_text, show_figure  # noqa: E402

NBCONVERT_PLACEHOLDER_ALT = "No description has been provided for this image"
EXPLORERS = all_explorers()


def _still_picture(explorer) -> tuple[dict, dict]:
    result = explorer._repr_mimebundle_()
    assert isinstance(result, tuple) and len(result) == 2, "the bundle and its metadata, as IPython's protocol has it"
    return result


@pytest.mark.parametrize("cls", EXPLORERS, ids=lambda cls: cls.__name__)
def test_every_explorer_still_picture_carries_a_real_alt(cls):
    bundle, metadata = _still_picture(cls.example())
    alt = metadata["image/png"]["alt"]
    assert bundle["image/png"], "the still PNG itself"
    assert check_alt_text(alt) == alt and alt != NBCONVERT_PLACEHOLDER_ALT
    assert len(alt) < 600, f"an alt text of one or two sentences, not {len(alt)} characters: {alt}"


def _first_slider(explorer):
    return next(c for c in explorer.controls if isinstance(c, widgets.FloatSlider | widgets.FloatLogSlider
                                                           | widgets.IntSlider))


@pytest.mark.parametrize("cls", EXPLORERS, ids=lambda cls: cls.__name__)
def test_the_alt_follows_the_slider(cls):
    """The alt is computed from the explorer's state when the picture is taken, so it stays true."""
    explorer = cls.example()
    slider = _first_slider(explorer)
    before = _still_picture(explorer)[1]["image/png"]["alt"]
    slider.value = slider.min if slider.value != slider.min else slider.max
    after = _still_picture(explorer)[1]["image/png"]["alt"]
    assert after != before, f"moving {slider.description!r} left the alt text unchanged: {after}"


def test_the_tangent_explorer_alt_names_the_point_and_its_slope():
    from course_utils.explorers import TangentExplorer

    alt = _still_picture(TangentExplorer("sigmoid", x=1.0))[1]["image/png"]["alt"]
    assert "sigmoid" in alt and "x from −6 to 6" in alt and "x = 1.00" in alt and "0.197" in alt


def test_the_base_explorer_alt_reads_title_and_readout():
    from course_utils.explorers import Explorer, TangentExplorer

    explorer = TangentExplorer("tanh", x=0.5)
    alt = Explorer.alt_text(explorer)
    assert alt.startswith("Tangent explorer: tanh") and "x = 0.50" in alt and "&nbsp;" not in alt and "|" not in alt


REFUSED_ALTS = ["", "   ", "figure", "Plot.", "TODO", NBCONVERT_PLACEHOLDER_ALT, "sine curve", None, 3]


@pytest.mark.parametrize("alt", REFUSED_ALTS)
def test_show_figure_refuses_an_empty_or_placeholder_alt_and_closes_the_figure(alt):
    fig, _ = plt.subplots()
    with pytest.raises((ValueError, TypeError), match="alt"):
        show_figure(fig, alt)
    assert fig.number not in plt.get_fignums(), "a refused figure must not reach the end of the cell without alt"


def test_show_figure_refuses_an_f_string_that_lost_its_f():
    fig, _ = plt.subplots()
    with pytest.raises(ValueError, match="forget the f"):
        show_figure(fig, "The tangent at x = {x:.2f} has slope {slope}")


class _FakeShell:
    """Stands in for the kernel: formats a figure as the inline backend would and records what is displayed."""

    def __init__(self):
        from IPython.core.formatters import DisplayFormatter

        self.display_formatter = DisplayFormatter()
        self.display_formatter.formatters["image/png"].for_type(
            matplotlib.figure.Figure, lambda fig: b"\x89PNG fake bytes")


def test_show_figure_displays_once_with_the_alt_in_the_metadata_and_closes(monkeypatch):
    import IPython
    import IPython.display

    shown = []
    monkeypatch.setattr(IPython, "get_ipython", _FakeShell)
    monkeypatch.setattr(IPython.display, "display", lambda data, raw, metadata: shown.append((data, metadata)))
    fig, _ = plt.subplots()
    show_figure(fig, "  A straight line   rising from 1 to 3 ")
    [(data, metadata)] = shown
    assert set(data) == {"text/plain", "image/png"}
    assert metadata == {"image/png": {"alt": "A straight line rising from 1 to 3"}}
    assert fig.number not in plt.get_fignums(), "closed, so the inline backend does not show it a second time"


def test_alt_numbers_have_a_few_digits_and_a_true_minus():
    assert [alt_number(v) for v in (16.0, 0.19661193, -0.0235636, 1.9248e-12, -0.0, float("inf"))] == [
        "16", "0.197", "−0.0236", "1.92e−12", "0", "infinity"]
