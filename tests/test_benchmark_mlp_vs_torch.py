"""The MLP benchmark runs without PyTorch (saying how to add it) and, with it, compares the same gradients."""
import importlib

import pytest

from benchmarks import mlp_vs_torch


def test_without_torch_only_the_numpy_mlp_is_timed_and_the_note_says_how_to_add_torch(monkeypatch):
    real_import = importlib.import_module

    def no_torch(name, *args):
        if name == "torch":
            raise ImportError("no torch here")
        return real_import(name, *args)

    monkeypatch.setattr(mlp_vs_torch.importlib, "import_module", no_torch)
    rows, notes = mlp_vs_torch.measure(rounds=1)
    assert [row.implementation for row in rows] == ["course_utils.mlp (numpy float64)"]
    assert notes == [mlp_vs_torch.HOW_TO_ADD_TORCH] and "pip install torch" in notes[0]


def test_torch_gets_the_same_gradients_as_the_numpy_mlp_in_float64():
    torch = pytest.importorskip("torch", reason="PyTorch is optional: .venv/bin/pip install torch==2.13.0")
    net, X, T = mlp_vs_torch.network_and_batch()
    _, difference = mlp_vs_torch.torch_runner(torch, net, X, T, torch.float64)
    assert difference < 1e-12
