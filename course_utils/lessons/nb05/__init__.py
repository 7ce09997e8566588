"""Helpers of notebook 05 alone (see the layering in course_utils/__init__.py)."""
