"""Measured speed of the course (`make bench`): notebook run times, slider-update costs, the numpy MLP against PyTorch.

Nothing here is a test: numbers are medians of several runs on whatever machine runs it,
written to benchmarks/results.md. No test asserts on time.
"""
