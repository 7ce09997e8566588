"""Matt Mazur's published worked example ("A Step by Step Backpropagation Example", 2015) in course_utils.mlp.

His network has the walk-through's shape but another weight layout and other targets:
net_h1 = w1·i1 + w2·i2 + b1 and net_o1 = w5·out_h1 + w6·out_h2 + b2, so the weight
matrices are [[w1, w2], [w3, w4]] and [[w5, w6], [w7, w8]] (the course's walk-through
transposes them: y1 = x1·w1 + x2·w3). One bias per layer, frozen; targets 0.01 and 0.99.

``PUBLISHED`` holds the numbers the post prints, as text. Its forward pass and single step
follow from a correct backward pass. The version of its iteration paragraph quoted here
(``QUOTES["iterations"]``) mixes two runs: the error after the first round and the final outputs come
from an ordering slip, reproduced by ``replay_with_updated_output_weights`` (the output weights are
updated first and the hidden deltas then use the new ones); its error "after repeating this process
10,000 times", 0.0000351085, is what a correct run gives after 9,999 updates. Other circulating copies
of the same paragraph (``QUOTES["iterations, other copies"]``) print that error as 0.000035085, which is
exactly the slipped run after 10,000 updates to 9 decimals: that version may have been one run
throughout. The example repository's script before its fix commit (``FIX_COMMIT``) is the slipped run.
``ITERATION_FIGURES`` says which run and step gives each figure. ``float64_drift`` measures round-off
against a 30-digit mpmath rerun (np.longdouble is plain float64 on some platforms).
"""
from __future__ import annotations

import numpy as np

from course_utils.mlp import MLP
from course_utils.validation import check_number, require_count, require_instance

X = np.array([[0.05, 0.10]])
T = np.array([[0.01, 0.99]])
LEARNING_RATE = 0.5
#: Weight names by position: rows are the receiving units, columns the sending ones.
LAYOUT = ((("w1", "w2"), ("w3", "w4")), (("w5", "w6"), ("w7", "w8")))
WEIGHTS = {"w1": 0.15, "w2": 0.20, "w3": 0.25, "w4": 0.30, "w5": 0.40, "w6": 0.45, "w7": 0.50, "w8": 0.55}
BIASES = (0.35, 0.60)

#: The numbers the post prints, as text, exactly as printed (so trailing zeros count as digits).
PUBLISHED = {
    "out_h1": "0.593269992", "out_h2": "0.596884378", "out_o1": "0.75136507", "out_o2": "0.772928465",
    "net_h1": "0.3775", "net_o1": "1.105905967", "E_o1": "0.274811083", "E_o2": "0.023560026",
    "E_total": "0.298371109",
    "w1+": "0.149780716", "w2+": "0.19956143", "w3+": "0.24975114", "w4+": "0.29950229",
    "w5+": "0.35891648", "w6+": "0.408666186", "w7+": "0.511301270", "w8+": "0.561370121",
    "error after 1 step": "0.291027924", "error after 10000 steps": "0.0000351085",
    "out_o1 after 10000 steps": "0.015912196", "out_o2 after 10000 steps": "0.984065734",
    "error after 10000 steps, other copies": "0.000035085",
}
#: Sentences of the post, word for word, that the notebook quotes.
QUOTES = {
    "iterations": (
        "After this first round of backpropagation, the total error is now down to 0.291027924. It might not "
        "seem like much, but after repeating this process 10,000 times, for example, the error plummets to "
        "0.0000351085. At this point, when we feed forward 0.05 and 0.1, the two outputs neurons generate "
        "0.015912196 (vs 0.01 target) and 0.984065734 (vs 0.99 target)."
    ),
    "original weights": (
        "We perform the actual updates in the neural network after we have the new weights leading into the "
        "hidden layer neurons (ie, we use the original weights, not the updated weights, when we continue the "
        "backpropagation algorithm below)."
    ),
    "iterations, other copies": (
        "after repeating this process 10,000 times, for example, the error plummets to 0.000035085."
    ),
    "forward pass": "net_{h1} = w_1 * i_1 + w_2 * i_2 + b_1 * 1",
    "hidden layer": "net_{h1} = w_1 * i_1 + w_3 * i_2 + b_1 * 1",
}
#: The commit in the post's example repository (github.com/mattm/simple-neural-network) that fixed the ordering.
FIX_COMMIT = {"id": "4b6faac", "date": "2015-03-15",
              "message": "Update backprop algorithm so that hidden layer weight updates use original weights"}
#: The example repository's script as it stood before FIX_COMMIT (commit 8e7a7de): its error averages over the two
#: outputs, its loop prints after each update, and run with Python 3 its first and last printed lines are these.
PRE_FIX_SCRIPT = {
    "commit": "8e7a7de", "date": "2015-03-14",
    "error line": "return total_error / len(self.output_layer.neurons)",
    "print line": "print(i, round(nn.calculate_total_error([[[0.05, 0.1], [0.01, 0.99]]]), 9))",
    "first printed": "0 0.145513962", "last printed": "9999 1.7542e-05",
}
#: Which run, after how many updates, prints each iteration figure of the post.
ITERATION_FIGURES = {
    "error after 1 step": ("slipped", 1),
    "error after 10000 steps": ("correct", 9_999),
    "out_o1 after 10000 steps": ("slipped", 10_000),
    "out_o2 after 10000 steps": ("slipped", 10_000),
    "error after 10000 steps, other copies": ("slipped", 10_000),
}

#: More rounds than anyone waits for (the post's 10,000 take a second); a typo such as 10**400 is refused.
MAX_STEPS = 10_000_000


def mazur_network() -> MLP:
    """His network, sigmoid everywhere, with his starting weights and biases."""
    net = MLP([2, 2, 2], activation="sigmoid", output_activation="sigmoid")
    net.weights = [np.array([[WEIGHTS[name] for name in row] for row in layer]) for layer in LAYOUT]
    net.biases = [np.full(2, bias) for bias in BIASES]
    return net


def named_weights(net: MLP) -> dict[str, float]:
    """The network's weights under his names w1 … w8."""
    return {
        name: float(W[i, j])
        for W, layer in zip(net.weights, LAYOUT)
        for i, row in enumerate(layer)
        for j, name in enumerate(row)
    }


def forward_values(net: MLP) -> dict[str, float]:
    """Every forward figure the post prints (net_h1, out_h1, out_h2, net_o1, out_o1, out_o2, E_o1, E_o2, E_total)."""
    trace = net.forward_trace(X)
    (net_hidden, net_output), (hidden, output) = trace.pre_activations, trace.activations[1:]
    errors = 0.5 * (T[0] - output[0]) ** 2
    return {
        "net_h1": float(net_hidden[0, 0]), "out_h1": float(hidden[0, 0]), "out_h2": float(hidden[0, 1]),
        "net_o1": float(net_output[0, 0]), "out_o1": float(output[0, 0]), "out_o2": float(output[0, 1]),
        "E_o1": float(errors[0]), "E_o2": float(errors[1]), "E_total": net.loss(X, T, "sse"),
    }


def as_printed(computed: float, published: str) -> str:
    """The computed value with as many decimals as the published text has, for comparing digit by digit."""
    computed = check_number(computed, "computed", example="0.5932")
    published = require_instance(published, str, "published", "the published text, e.g. PUBLISHED['out_h1']")
    decimals = len(published.split(".")[1]) if "." in published else 0
    return f"{computed:.{decimals}f}"


def replay_with_updated_output_weights(steps: int) -> tuple[np.ndarray, np.ndarray]:
    """The slipped run: errors before step 1 and after each step, and the final outputs.

    The slip is on one line: the hidden deltas use the output weights *after* this step's
    update, instead of the weights the forward pass used. A correct step is
    ``mazur_network().train(X, T, steps, LEARNING_RATE, update_biases=False)``.
    """
    return run(steps, slipped=True)


def run(steps: int, slipped: bool = False, dtype=np.float64) -> tuple[np.ndarray, np.ndarray]:
    """Errors before step 1 and after each of ``steps`` updates, and the final outputs, of a correct or slipped run.

    Written out in numpy (not with mlp) so that it can run in another precision, e.g. np.longdouble,
    to measure how far float64 round-off moves the printed digits.
    """
    steps = require_count(steps, "steps", maximum=MAX_STEPS)
    net = mazur_network()
    inputs, targets, lr = np.asarray(X, dtype=dtype), np.asarray(T, dtype=dtype), dtype(LEARNING_RATE)
    W_hidden, W_output = (np.array(W, dtype=dtype) for W in net.weights)
    b_hidden, b_output = (np.array(b, dtype=dtype) for b in net.biases)
    errors = np.empty(steps + 1, dtype=dtype)
    for step in range(steps + 1):
        hidden = 1 / (1 + np.exp(-(inputs @ W_hidden.T + b_hidden)))
        output = 1 / (1 + np.exp(-(hidden @ W_output.T + b_output)))
        errors[step] = 0.5 * np.sum((output - targets) ** 2)
        if step == steps:
            break
        delta_output = (output - targets) * output * (1 - output)
        W_output_new = W_output - lr * delta_output.T @ hidden
        used = W_output_new if slipped else W_output  # the slip: the hidden deltas see the new output weights
        delta_hidden = (delta_output @ used) * hidden * (1 - hidden)
        W_hidden = W_hidden - lr * delta_hidden.T @ inputs
        W_output = W_output_new
    return errors, output[0]


def run_precise(steps: int, slipped: bool = False, digits: int = 30) -> tuple[np.ndarray, np.ndarray]:
    """``run`` in mpmath with ``digits`` significant digits, as float64 arrays, to measure float64's round-off.

    mpmath is used rather than np.longdouble, which is plain float64 on Windows and on macOS arm64.
    """
    import mpmath

    steps = require_count(steps, "steps", maximum=MAX_STEPS)
    with mpmath.workdps(digits):
        mpf = mpmath.mpf
        x = [mpf(str(v)) for v in X[0]]
        t = [mpf(str(v)) for v in T[0]]
        lr = mpf(str(LEARNING_RATE))
        W_h = [[mpf(str(WEIGHTS[name])) for name in row] for row in LAYOUT[0]]
        W_o = [[mpf(str(WEIGHTS[name])) for name in row] for row in LAYOUT[1]]
        b_h, b_o = (mpf(str(bias)) for bias in BIASES)
        errors = []
        for step in range(steps + 1):
            h = [1 / (1 + mpmath.exp(-(W_h[i][0] * x[0] + W_h[i][1] * x[1] + b_h))) for i in range(2)]
            o = [1 / (1 + mpmath.exp(-(W_o[k][0] * h[0] + W_o[k][1] * h[1] + b_o))) for k in range(2)]
            errors.append(((o[0] - t[0]) ** 2 + (o[1] - t[1]) ** 2) / 2)
            if step == steps:
                break
            d_o = [(o[k] - t[k]) * o[k] * (1 - o[k]) for k in range(2)]
            W_o_new = [[W_o[k][j] - lr * d_o[k] * h[j] for j in range(2)] for k in range(2)]
            used = W_o_new if slipped else W_o  # the slip: the hidden deltas see the new output weights
            d_h = [(d_o[0] * used[0][j] + d_o[1] * used[1][j]) * h[j] * (1 - h[j]) for j in range(2)]
            W_h = [[W_h[j][i] - lr * d_h[j] * x[i] for i in range(2)] for j in range(2)]
            W_o = W_o_new
        return np.array([float(e) for e in errors]), np.array([float(v) for v in o])


def iteration_figure(name: str, slipped: tuple[np.ndarray, np.ndarray], correct: tuple[np.ndarray, np.ndarray]):
    """The value behind one of the post's iteration figures, from the run and step ITERATION_FIGURES names."""
    which, step = ITERATION_FIGURES[name]
    errors, outputs = slipped if which == "slipped" else correct
    if name.startswith("error"):
        return float(errors[step])
    if step != len(errors) - 1:
        raise ValueError(f"{name} needs the outputs after {step} steps; run {step} steps.")
    return float(outputs[int(name[5]) - 1])


def rounding_margin(value: float, published: str) -> float:
    """How far value sits from the nearest rounding boundary of the published precision, relative to value.

    A printed digit is the same on every machine when round-off moves value by much less than this.
    """
    value = check_number(value, "value", example="0.2910")
    decimals = len(published.split(".")[1]) if "." in published else 0
    scaled = abs(value) * 10 ** decimals
    return abs(scaled - np.floor(scaled) - 0.5) / scaled


def figure_rows(slipped: tuple[np.ndarray, np.ndarray], correct: tuple[np.ndarray, np.ndarray]) -> list[list[str]]:
    """One row per iteration figure: its name, the post's text, the run that prints it, and both runs at that step.

    Each figure is asserted to match its run digit for digit and to sit at least 1e-11 (relative) from a rounding
    boundary, so the printed digits cannot differ between machines; a mismatch is an AssertionError that says which.
    """
    rows = []
    for name, (which, updates) in ITERATION_FIGURES.items():
        printed = PUBLISHED[name]
        value = iteration_figure(name, slipped, correct)
        assert as_printed(value, printed) == printed, f"{name}: the {which} run prints {as_printed(value, printed)}"
        assert rounding_margin(value, printed) > 1e-11, f"{name}: too close to a rounding boundary to print"
        if name.startswith("error"):
            both = (correct[0][updates], slipped[0][updates])
        else:
            both = (correct[1][int(name[5]) - 1], slipped[1][int(name[5]) - 1])
        run_name = f"{which} run, {updates:,} update" + "s" * (updates != 1)
        rows.append([name.replace("10000", "10,000"), printed, run_name, *(as_printed(v, printed) for v in both)])
    return rows


def pre_fix_script_lines(slipped: tuple[np.ndarray, np.ndarray]) -> tuple[str, str]:
    """The first and last lines PRE_FIX_SCRIPT's loop would print for a slipped run: halved error, 9 decimals."""
    errors = slipped[0]
    return f"0 {round(float(errors[1]) / 2, 9)}", f"{len(errors) - 2} {round(float(errors[-1]) / 2, 9)}"


def float64_drift(runs: tuple, extended_runs: tuple) -> float:
    """The largest relative gap between each iteration figure in float64 and in extended precision.

    ``runs`` and ``extended_runs`` are (slipped, correct) pairs of (errors, outputs), e.g. from ``run_precise``
    (30 digits); the gap is what float64 round-off did to the figure over the whole run.
    """
    gaps = []
    for name in ITERATION_FIGURES:
        value, precise = iteration_figure(name, *runs), float(iteration_figure(name, *extended_runs))
        gaps.append(abs(value - precise) / abs(precise))
    return max(gaps)
