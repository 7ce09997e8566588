"""Helpers of notebook 02 alone (see the layering in course_utils/__init__.py)."""
