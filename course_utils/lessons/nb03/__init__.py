"""Helpers of notebook 03 alone (see the layering in course_utils/__init__.py)."""
