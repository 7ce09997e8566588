"""course_utils.mlp's forward + backward against PyTorch on the CPU, same network, same numbers.

Depth 10, width 64, batch 128, sigmoid hidden layers, identity output, the course's "sse" loss
(½·Σ(t − ŷ)² over outputs, averaged over samples). PyTorch is not a course dependency: the rows
for it appear only when `import torch` works (e.g. `.venv/bin/pip install torch==2.13.0`).
Both sides start from the same weights, and the table reports how far their gradients differ.
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass

import numpy as np

from benchmarks.timing import interleaved_medians_ms

DEPTH, WIDTH, BATCH = 10, 64, 128
HOW_TO_ADD_TORCH = "torch is not importable: `.venv/bin/pip install torch==2.13.0` (CPU build), then `make bench`"


@dataclass
class MlpTiming:
    """One implementation's median forward+backward time, and its worst gradient difference from the numpy MLP."""

    implementation: str
    median_ms: float
    max_gradient_difference: float | None


def network_and_batch():
    """The benchmark network (seeded) and a seeded batch of inputs and targets."""
    from course_utils.mlp import MLP

    net = MLP([WIDTH] * (DEPTH + 1), activation="sigmoid", seed=0)
    rng = np.random.default_rng(0)
    return net, rng.standard_normal((BATCH, WIDTH)), rng.standard_normal((BATCH, WIDTH))


def torch_loss_and_gradients(torch, weights, biases, X, T):
    """The same forward pass and loss in PyTorch; autograd supplies the gradients."""
    A = X
    for index, (W, b) in enumerate(zip(weights, biases)):
        Z = torch.nn.functional.linear(A, W, b)
        A = Z if index == len(weights) - 1 else torch.sigmoid(Z)
    loss = 0.5 * ((A - T) ** 2).sum(dim=1).mean()
    return loss, torch.autograd.grad(loss, [*weights, *biases])


def torch_runner(torch, net, X, T, dtype):
    """A call running PyTorch's forward + backward at one precision, and its worst relative gradient difference."""
    def tensor(array, grad=False):
        return torch.tensor(array, dtype=dtype, requires_grad=grad)

    weights = [tensor(W, True) for W in net.weights]
    biases = [tensor(b, True) for b in net.biases]
    X_t, T_t = tensor(X), tensor(T)
    _, expected, _ = net.loss_and_gradients(X, T, loss="sse")
    _, grads = torch_loss_and_gradients(torch, weights, biases, X_t, T_t)
    difference = max(
        float(np.max(np.abs(g.detach().double().numpy() - e)) / np.max(np.abs(e))) for g, e in zip(grads, expected)
    )
    return (lambda: torch_loss_and_gradients(torch, weights, biases, X_t, T_t)), difference


def measure(rounds: int) -> tuple[list[MlpTiming], list[str]]:
    """Timings (numpy MLP first) from interleaved rounds, and notes on what could not be measured."""
    try:
        net, X, T = network_and_batch()
    except ImportError:
        return [], ["course_utils.mlp is missing: the MLP comparison was skipped"]
    runners = {"course_utils.mlp (numpy float64)": ((lambda: net.loss_and_gradients(X, T)), None)}
    notes = []
    try:
        torch = importlib.import_module("torch")
    except ImportError:
        notes.append(HOW_TO_ADD_TORCH)
    else:
        for dtype in (torch.float64, torch.float32):
            precision = str(dtype).replace("torch.", "")
            name = f"PyTorch {torch.__version__} ({precision}, {torch.get_num_threads()} threads)"
            runners[name] = torch_runner(torch, net, X, T, dtype)
    medians = interleaved_medians_ms({name: run for name, (run, _) in runners.items()}, rounds)
    return [MlpTiming(name, medians[name], difference) for name, (_, difference) in runners.items()], notes
