"""The browser benchmark's bookkeeping: it names every explorer, tolerates unseen moments, rewrites only its section."""
from pathlib import Path

from benchmarks.browser_latency import (
    MOMENTS,
    TITLE,
    Measurement,
    SliderLatency,
    expected_explorer_count,
    explorer_names,
    section,
    write_section,
)

NOTEBOOKS = sorted((Path(__file__).resolve().parents[1] / "notebooks").glob("*.ipynb"))


def _step(**moments):
    return {name: moments.get(name) for name in MOMENTS}


def test_every_stored_explorer_gets_a_name_without_the_fallback_hint():
    for path in NOTEBOOKS:
        names = explorer_names(path)
        assert len(names) == expected_explorer_count(path), path.name
        assert all(name and "interactive" not in name for name in names), names


def test_a_slider_median_skips_moments_that_were_not_seen():
    slider = SliderLatency("nb", "explorer", "x", [_step(pixels=10.0), _step(pixels=30.0), _step()])
    assert slider.median("pixels") == 20.0
    assert slider.median("readout") is None


def test_the_section_has_a_row_per_slider_and_dashes_for_missing_moments():
    sliders = [SliderLatency("00_start_here", "Tangent explorer", "x", [_step(readout=12.0, pixels=40.0)])]
    reference = SliderLatency("interact_reference", "interact re-plot", "a", [_step(pixels=80.0)])
    text = section(Measurement(sliders, reference, 1, False, 0.5, 0.7, []))
    row = next(line for line in text.splitlines() if line.startswith("| 00_start_here"))
    assert row == "| 00_start_here | Tangent explorer | x | – | – | 12 | – | 40 | 2.0× |"
    assert text.startswith(TITLE)


def test_writing_the_section_replaces_only_its_own_and_keeps_the_others(tmp_path):
    results = tmp_path / "results.md"
    results.write_text(
        f"# Benchmark results\n\n## Notebooks\n\nold notebooks\n\n{TITLE}\n\nold browser\n\n## MLP\n\nmlp\n"
    )
    write_section(f"{TITLE}\n\nnew browser\n", results)
    assert results.read_text() == (
        f"# Benchmark results\n\n## Notebooks\n\nold notebooks\n\n{TITLE}\n\nnew browser\n\n## MLP\n\nmlp\n"
    )


def test_writing_the_section_appends_it_when_the_results_have_none(tmp_path):
    results = tmp_path / "results.md"
    results.write_text("# Benchmark results\n\n## MLP\n\nmlp\n")
    write_section(f"{TITLE}\n\nnew browser\n", results)
    assert results.read_text() == f"# Benchmark results\n\n## MLP\n\nmlp\n\n{TITLE}\n\nnew browser\n"
