"""A server extension for tests only: GET /kernel-socket-probe says whether each kernel websocket has TCP_NODELAY.

The socket option can only be read inside the server process, so the test enables this next to
the course's own extension (see tests/test_kernel_websocket_nodelay.py).
"""
from __future__ import annotations

import json
import socket

from jupyter_server.base.handlers import JupyterHandler
from jupyter_server.services.kernels.connection.channels import ZMQChannelsWebsocketConnection
from jupyter_server.utils import url_path_join
from tornado import web

URL = "/kernel-socket-probe"


class KernelSocketProbe(JupyterHandler):
    """Answers a JSON list of booleans, one per open kernel websocket."""

    @web.authenticated
    def get(self):
        handlers = ZMQChannelsWebsocketConnection._open_sessions.values()
        sockets = [handler.ws_connection.stream.socket for handler in handlers if handler.ws_connection]
        self.finish(json.dumps([bool(s.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY)) for s in sockets]))


def _jupyter_server_extension_points():
    return [{"module": "kernel_socket_probe"}]


def _load_jupyter_server_extension(serverapp):
    route = url_path_join(serverapp.web_app.settings["base_url"], URL)
    serverapp.web_app.add_handlers(".*$", [(route, KernelSocketProbe)])
