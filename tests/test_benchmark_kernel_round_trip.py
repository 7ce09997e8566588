"""The kernel round-trip benchmark tells its moments apart and sees all three, in the kernel's order."""
from __future__ import annotations

from benchmarks.kernel_round_trip import MOMENTS, kind, measure


def test_kernel_messages_are_sorted_into_the_moments_of_a_step():
    assert kind({"msg_type": "status", "content": {"execution_state": "busy"}}) == "busy"
    assert kind({"msg_type": "status", "content": {"execution_state": "starting"}}) is None
    readout = {"method": "update", "state": {"value": "x = 0.50 &nbsp;|&nbsp; f(x) = 0.4621"}}
    assert kind({"msg_type": "comm_msg", "content": {"data": readout}}) == "readout"
    echo = {"method": "echo_update", "state": {"value": 0.5}}
    assert kind({"msg_type": "comm_msg", "content": {"data": echo}}) is None


def test_a_short_run_sees_busy_then_the_readout_then_idle():
    medians = measure(presses=3)
    assert list(medians) == list(MOMENTS)
    assert 0 < medians["busy"] <= medians["readout"] <= medians["idle"]
