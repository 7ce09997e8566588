"""Helpers of notebook 04 alone (see the layering in course_utils/__init__.py)."""
