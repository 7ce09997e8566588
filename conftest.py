"""Root pytest configuration: pin nbval's sanitizer file so it works from any directory."""
from pathlib import Path

SANITIZE_FILE = Path(__file__).parent / "nbval_sanitize.cfg"


def pytest_configure(config):
    """Use our one sanitizer file and the current environment's kernel whenever --nbval runs."""
    if getattr(config.option, "nbval", False) or getattr(config.option, "nbval_lax", False):
        if not config.option.nbval_sanitize_with:
            config.option.nbval_sanitize_with = str(SANITIZE_FILE)
        config.option.nbval_current_env = True
