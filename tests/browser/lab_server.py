"""A throwaway JupyterLab for the browser test: loopback only, no token, its own config, stopped by its PID."""
from __future__ import annotations

import http.cookiejar
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

#: Plugins that would reach the internet or pop up toasts over the notebook.
DISABLED_PLUGINS = ["@jupyterlab/apputils-extension:announcements"]
STARTUP_TIMEOUT_S = 60.0
STOP_TIMEOUT_S = 15.0
#: Talks to the loopback server directly, whatever proxy the environment names.
_DIRECT = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def throwaway_dirs(root: Path) -> dict[str, Path]:
    """Fresh config, runtime, settings and workspace folders, so no user setting leaks into the test."""
    dirs = {name: root / name for name in ("config", "runtime", "settings", "workspaces", "data")}
    for path in dirs.values():
        path.mkdir(parents=True, exist_ok=True)
    labconfig = dirs["config"] / "labconfig"
    labconfig.mkdir(exist_ok=True)
    page_config = {"disabledExtensions": dict.fromkeys(DISABLED_PLUGINS, True)}
    (labconfig / "page_config.json").write_text(json.dumps(page_config))
    return dirs


@dataclass
class LabServer:
    """A running JupyterLab: where to reach it, its process, and where it logs."""

    process: subprocess.Popen
    url: str
    log_path: Path

    def notebook_url(self, relative_path: str) -> str:
        """The address that opens one notebook in a fresh, reset workspace."""
        return f"{self.url}/lab/tree/{relative_path}?reset"

    def shutdown_kernels(self) -> None:
        """Shut down every kernel the notebooks started, through the server's REST API."""
        cookies = http.cookiejar.CookieJar()
        client = urllib.request.build_opener(
            urllib.request.ProxyHandler({}), urllib.request.HTTPCookieProcessor(cookies)
        )
        client.open(f"{self.url}/lab", timeout=30).close()  # sets the _xsrf cookie a DELETE must echo
        xsrf = {cookie.name: cookie.value for cookie in cookies}["_xsrf"]
        with client.open(f"{self.url}/api/kernels", timeout=30) as response:
            kernels = json.load(response)
        for kernel in kernels:
            request = urllib.request.Request(
                f"{self.url}/api/kernels/{kernel['id']}", method="DELETE", headers={"X-XSRFToken": xsrf}
            )
            client.open(request, timeout=30).close()

    def stop(self) -> None:
        """Stop the server by its PID (it shuts its kernels down on SIGTERM); kill it if it hangs."""
        if self.process.poll() is not None:
            return
        os.kill(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(timeout=STOP_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            os.kill(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=STOP_TIMEOUT_S)


def start_lab(root_dir: Path, scratch: Path, server_args: Sequence[str] = ()) -> LabServer:
    """Start JupyterLab serving root_dir on a free loopback port and wait until its API answers.

    server_args are added to the command line, e.g. to turn a server extension on or off.
    """
    dirs = throwaway_dirs(scratch)
    port = free_port()
    env = dict(
        os.environ,
        JUPYTER_CONFIG_DIR=str(dirs["config"]),
        JUPYTER_RUNTIME_DIR=str(dirs["runtime"]),
        JUPYTERLAB_SETTINGS_DIR=str(dirs["settings"]),
        JUPYTERLAB_WORKSPACES_DIR=str(dirs["workspaces"]),
        JUPYTER_PLATFORM_DIRS="1",
        PYDEVD_DISABLE_FILE_VALIDATION="1",
    )
    command = [
        sys.executable, "-m", "jupyterlab",
        "--no-browser", "--ip=127.0.0.1", f"--port={port}", "--port-retries=0",
        f"--ServerApp.root_dir={root_dir}",
        "--IdentityProvider.token=", "--ServerApp.password=",
        "--ServerApp.allow_root=True",
        f"--LabApp.user_settings_dir={dirs['settings']}",
        f"--LabApp.workspaces_dir={dirs['workspaces']}",
        *server_args,
    ]
    log_path = scratch / "jupyterlab.log"
    with log_path.open("wb") as log:
        process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, env=env, cwd=root_dir)
    server = LabServer(process, f"http://127.0.0.1:{port}", log_path)
    try:
        _wait_until_answering(server)
    except Exception:
        server.stop()
        raise
    return server


def _wait_until_answering(server: LabServer) -> None:
    """Poll the REST API until the server answers, failing fast if it exits."""
    deadline = time.monotonic() + STARTUP_TIMEOUT_S
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise RuntimeError(f"JupyterLab exited with code {server.process.returncode}; see {server.log_path}")
        try:
            with _DIRECT.open(f"{server.url}/api/status", timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.2)
    raise TimeoutError(f"JupyterLab did not answer within {STARTUP_TIMEOUT_S:.0f} s; see {server.log_path}")
