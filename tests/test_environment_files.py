"""requirements.txt and environment.yml must pin the same versions, or conda users get other outputs."""
from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _requirement_pins() -> dict[str, str]:
    pins = {}
    for line in (ROOT / "requirements.txt").read_text().splitlines():
        match = re.fullmatch(r"([A-Za-z0-9_.-]+)==([^\s#]+)", line.strip())
        if match:
            pins[match.group(1).lower()] = match.group(2)
    return pins


def _conda_pins() -> dict[str, str]:
    pins = {}
    for line in (ROOT / "environment.yml").read_text().splitlines():
        match = re.fullmatch(r"\s*-\s*([A-Za-z0-9_.-]+)=([^=\s#]+)", line)
        if match and match.group(1) != "python":
            pins[match.group(1).lower()] = match.group(2)
    return pins


def test_requirements_pin_every_dependency_exactly():
    lines = [line.strip() for line in (ROOT / "requirements.txt").read_text().splitlines()]
    entries = [line for line in lines if line and not line.startswith("#")]
    assert entries[-1] == "-e .", "requirements.txt must end with `-e .` so course_utils is installed"
    unpinned = [line for line in entries[:-1] if "==" not in line]
    assert not unpinned, f"pin these exactly (name==version): {unpinned}"


def test_environment_yml_pins_the_same_versions_as_requirements():
    assert _conda_pins() == _requirement_pins()


def test_environment_yml_installs_course_utils_with_pip():
    assert re.search(r"-\s*pip:\s*\n\s*-\s*-e \.", (ROOT / "environment.yml").read_text())
