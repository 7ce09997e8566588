"""Helpers of notebook 06 alone (see the layering in course_utils/__init__.py)."""
