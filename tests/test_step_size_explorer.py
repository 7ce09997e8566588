"""The step-size explorer marks the chosen h on the error curves and reads out the measured errors."""
from __future__ import annotations

import numpy as np
import pytest

from course_utils.explorers.step_size import StepSizeExplorer
from course_utils.formatting import format_exponential
from course_utils.lessons.nb01.curves import SINE
from course_utils.lessons.nb01.step_size_study import measured_errors

pytestmark = pytest.mark.filterwarnings("ignore:Passing unrecognized arguments:DeprecationWarning")


@pytest.fixture
def explorer():
    return StepSizeExplorer(h=1e-4)


@pytest.mark.parametrize("h", [1e-1, 1e-8, 10 ** -11.25, 1e-15])
def test_the_markers_sit_on_the_measured_errors_at_the_chosen_h(explorer, h):
    explorer.h_slider.value = h
    forward, central = measured_errors(SINE, 1.0, explorer.h_slider.value)
    assert explorer.h_line.get_xdata()[0] == pytest.approx(h)
    assert explorer.markers["forward"].get_ydata()[0] == forward
    assert explorer.markers["central"].get_ydata()[0] == central
    index = int(np.argmin(np.abs(np.log10(explorer.study.h / h))))
    assert explorer.study.forward_error[index] == pytest.approx(forward)  # the marker lies on the plotted curve


def test_the_readout_shows_h_like_the_slider_and_both_errors_with_their_regime(explorer):
    explorer.h_slider.value = 1e-12
    text = explorer.readout.value
    forward, central = measured_errors(SINE, 1.0, 1e-12)
    assert text.startswith("h = 1.0e\u221212")
    assert f"forward error = {format_exponential(forward)} (round-off dominates)" in text
    assert f"central error = {format_exponential(central)} (round-off dominates)" in text
    explorer.h_slider.value = 1e-2
    assert "forward error = 4.2e\u22123 (truncation dominates)" in explorer.readout.value  # |sin 1|·h/2


def test_the_slider_spans_the_study_grid_in_quarter_decades(explorer):
    assert explorer.h_slider.min == -15 and explorer.h_slider.max == -1
    assert explorer.h_slider.step == 0.25
    assert explorer.h_slider.readout_format == ".1e"


def test_an_h_outside_the_grid_is_refused():
    with pytest.raises(ValueError, match="must lie between"):
        StepSizeExplorer(h=1.0)


def test_the_static_fallback_is_a_png_and_fixed_text(explorer):
    bundle, _ = explorer._repr_mimebundle_()
    assert bundle["text/plain"].startswith("Step-size explorer")
    assert len(bundle["image/png"]) > 1000
