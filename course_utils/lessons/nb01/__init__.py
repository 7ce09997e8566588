"""Helpers of notebook 01 alone (see the layering in course_utils/__init__.py)."""
