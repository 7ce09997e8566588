"""The kernel's share of a slider step: its value sent straight to the kernel's sockets, no server, no browser.

A client of the kernel's own ZMQ channels (jupyter_client, as jupyter_server is one) makes a tangent
explorer, opens a page on it that never draws (so no frames are made), and sends the slider's
widget update the way the browser does. Per press it times, from the send, the kernel's "busy",
the readout's message and the kernel's "idle". Set beside the browser benchmark's *readout in*,
what is left is jupyter_server and Chromium.

    python -m benchmarks.kernel_round_trip [--presses N]
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time

MOMENTS = ("busy", "readout", "idle")
DEFAULT_PRESSES = 40
SETUP = """
from course_utils.explorers import TangentExplorer
explorer = TangentExplorer("tanh")
explorer.figure_view.page_opened(1.0)
print(explorer.x_slider.model_id)
"""


def kind(message: dict) -> str | None:
    """Which moment a kernel message is: its busy or idle status, or the readout's widget update."""
    if message["msg_type"] == "status":
        return message["content"]["execution_state"] if message["content"]["execution_state"] != "starting" else None
    data = message["content"].get("data", {}) if message["msg_type"] == "comm_msg" else {}
    state = data.get("state", {}) if data.get("method") == "update" else {}
    return "readout" if "x =" in str(state.get("value", "")) else None


def press(client, slider_id: str, value: float) -> dict[str, float]:
    """Send one slider value and time each moment (ms after sending) until the kernel is idle again."""
    update = {"comm_id": slider_id, "data": {"method": "update", "state": {"value": value}, "buffer_paths": []}}
    started = time.perf_counter()
    client.shell_channel.send(client.session.msg("comm_msg", update))
    seen: dict[str, float] = {}
    while "idle" not in seen:
        moment = kind(client.get_iopub_msg(timeout=10))
        if moment and moment not in seen:
            seen[moment] = (time.perf_counter() - started) * 1e3
    return seen


def measure(presses: int) -> dict[str, float]:
    """Median ms per moment over ``presses`` slider steps, each after the kernel has been quiet for 0.25 s."""
    from jupyter_client.manager import start_new_kernel

    manager, client = start_new_kernel(kernel_name="python3")
    try:
        client.execute(SETUP)
        message = client.get_iopub_msg(timeout=60)
        while message["msg_type"] != "stream":
            message = client.get_iopub_msg(timeout=60)
        slider_id = message["content"]["text"].strip()
        time.sleep(0.5)
        while client.iopub_channel.msg_ready():
            client.get_iopub_msg()
        steps = []
        for number in range(presses):
            steps.append(press(client, slider_id, round(-1.0 + 0.05 * (number % 40), 2)))
            time.sleep(0.25)
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=True)
    return {moment: statistics.median(step[moment] for step in steps) for moment in MOMENTS}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--presses", type=int, default=DEFAULT_PRESSES,
                        help=f"slider steps to time (default {DEFAULT_PRESSES})")
    args = parser.parse_args(argv)
    medians = measure(args.presses)
    print(f"slider value sent to the kernel → ({args.presses} presses, medians) "
          + ", ".join(f"{moment} {medians[moment]:.1f} ms" for moment in MOMENTS))
    return 0


if __name__ == "__main__":
    sys.exit(main())
