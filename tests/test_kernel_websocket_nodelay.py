"""Kernel messages leave the course's Jupyter server at once: its kernel websockets set TCP_NODELAY.

With Nagle's algorithm on (jupyter_server's default) an explorer's small PNG frame waits ~30-40 ms
for the browser's delayed ACK. Installing the course enables the course_server extension, which
turns Nagle off; these tests check that the install enables it and that a live server's kernel
websocket really has the socket option set (and has not without the extension).
"""
from __future__ import annotations

import asyncio
import http.cookiejar
import json
import os
import subprocess
import sys
import urllib.request
import uuid
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent
sys.path.insert(0, str(TESTS / "browser"))  # the browser test's JupyterLab helpers need no browser

import kernel_socket_probe  # noqa: E402
from lab_server import start_lab  # noqa: E402

pytest.importorskip("jupyter_server")
websocket = pytest.importorskip("tornado.websocket")


def test_installing_the_course_enables_its_server_extension(tmp_path):
    # An empty user config dir: only what the environment's install put there counts.
    env = dict(os.environ, JUPYTER_CONFIG_DIR=str(tmp_path))
    listing = subprocess.run(
        [sys.executable, "-m", "jupyter", "server", "extension", "list"],
        capture_output=True, text=True, env=env, check=True,
    )
    lines = [line for line in (listing.stdout + listing.stderr).splitlines() if "course_server" in line]
    assert any("enabled" in line for line in lines), f"course_server is not enabled:\n{listing.stdout}{listing.stderr}"
    assert any("OK" in line for line in lines), f"course_server does not validate:\n{listing.stdout}{listing.stderr}"


class ServerClient:
    """REST calls to a token-less loopback server, echoing its _xsrf cookie as a browser would."""

    def __init__(self, url: str):
        self.url = url
        cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.ProxyHandler({}), urllib.request.HTTPCookieProcessor(cookies)
        )
        self.opener.open(f"{url}/lab", timeout=30).close()
        self.xsrf = {cookie.name: cookie.value for cookie in cookies}["_xsrf"]

    def call(self, path: str, method: str = "GET"):
        request = urllib.request.Request(f"{self.url}{path}", method=method, headers={"X-XSRFToken": self.xsrf})
        with self.opener.open(request, timeout=60) as response:
            return json.load(response)


async def kernel_socket_flags(client: ServerClient, kernel_id: str) -> list[bool]:
    """Open a kernel websocket, wait for a kernel_info reply through it, then ask the probe about its socket."""
    ws_url = client.url.replace("http://", "ws://") + f"/api/kernels/{kernel_id}/channels?session_id={uuid.uuid4()}"
    connection = await websocket.websocket_connect(ws_url)
    try:
        msg_id = uuid.uuid4().hex
        header = {"msg_id": msg_id, "msg_type": "kernel_info_request", "session": "probe", "username": "test",
                  "version": "5.3"}
        await connection.write_message(json.dumps(
            {"header": header, "parent_header": {}, "metadata": {}, "content": {}, "channel": "shell"}))
        while True:
            message = json.loads(await asyncio.wait_for(connection.read_message(), timeout=60))
            if message.get("parent_header", {}).get("msg_id") == msg_id and message["channel"] == "shell":
                break
        return await asyncio.to_thread(client.call, kernel_socket_probe.URL)
    finally:
        connection.close()
        while await connection.read_message() is not None:  # drain until the server has closed its side too
            pass


@pytest.mark.parametrize(
    ("extension_on", "expected"), [(True, [True]), (False, [False])], ids=["course_server on", "course_server off"]
)
def test_a_live_servers_kernel_websocket_sends_without_nagle_delay_only_with_the_extension(
    extension_on, expected, tmp_path, monkeypatch
):
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(filter(None, [str(TESTS), os.environ.get("PYTHONPATH")])))
    switches = ["--ServerApp.jpserver_extensions=kernel_socket_probe=True"]
    if not extension_on:
        switches.append("--ServerApp.jpserver_extensions=course_server=False")
    server = start_lab(tmp_path, tmp_path / "lab", server_args=switches)
    try:
        client = ServerClient(server.url)
        kernel = client.call("/api/kernels", method="POST")
        assert asyncio.run(kernel_socket_flags(client, kernel["id"])) == expected
    finally:
        server.stop()
