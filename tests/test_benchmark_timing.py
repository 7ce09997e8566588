"""The benchmark's table helpers: medians need runs, tables need whole rows, ratios never divide by nothing."""
import pytest

from benchmarks.timing import interleaved_medians_ms, markdown_table, median_ms, ratio


def test_median_ms_refuses_zero_repeats_with_a_clear_message():
    with pytest.raises(ValueError, match="repeats must be at least 1"):
        median_ms(lambda: None, repeats=0)


def test_median_ms_calls_the_action_for_warmup_and_every_repeat():
    calls = []
    median_ms(lambda: calls.append(1), repeats=5, warmup=2)
    assert len(calls) == 7


def test_markdown_table_has_a_header_rule_and_one_line_per_row():
    table = markdown_table(["a", "b"], [["1", "2"], ["3", "4"]])
    assert table.splitlines() == ["| a | b |", "|---|---|", "| 1 | 2 |", "| 3 | 4 |"]


def test_markdown_table_rejects_a_row_of_the_wrong_width():
    with pytest.raises(ValueError, match="one cell per header"):
        markdown_table(["a", "b"], [["1"]])


@pytest.mark.parametrize("numerator, denominator, text", [(6.0, 2.0, "3.0×"), (None, 2.0, "–"), (1.0, 0.0, "–")])
def test_ratio_formats_or_says_it_is_missing(numerator, denominator, text):
    assert ratio(numerator, denominator) == text


def test_interleaved_medians_time_every_action_the_same_number_of_times():
    calls = {"a": 0, "b": 0}

    def count(name):
        calls[name] += 1

    medians = interleaved_medians_ms({"a": lambda: count("a"), "b": lambda: count("b")}, rounds=3, per_round=2)
    assert set(medians) == {"a", "b"} and calls == {"a": 7, "b": 7}


def test_interleaved_medians_refuse_zero_rounds():
    with pytest.raises(ValueError, match="rounds and per_round must be at least 1"):
        interleaved_medians_ms({"a": lambda: None}, rounds=0)
