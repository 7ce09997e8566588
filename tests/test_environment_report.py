"""The start-here check tells a learner exactly what to do when their kernel is not the course's."""
from __future__ import annotations

from course_utils.environment import REQUIRED, environment_report, package_versions


def test_this_environment_has_every_package():
    assert None not in package_versions().values()
    assert environment_report().endswith("All set: every package the course uses is installed.")


def test_a_missing_package_is_named_with_the_fix():
    versions = dict.fromkeys(REQUIRED, "1.0") | {"anywidget": None}
    report = environment_report(versions, python=(3, 12))
    assert "anywidget   MISSING" in report
    assert "Missing: anywidget" in report and "make lab" in report and "Change Kernel" in report


def test_an_old_python_is_reported():
    report = environment_report(dict.fromkeys(REQUIRED, "1.0"), python=(3, 9))
    assert "Python 3.11 or newer: NO" in report and "needs Python 3.11+" in report


def test_an_unknown_package_reads_as_missing():
    assert package_versions(["surely-not-installed-package"]) == {"surely-not-installed-package": None}
