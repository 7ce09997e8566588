"""The course's Jupyter server extension: kernel messages leave the server as soon as they are written.

jupyter_server leaves Nagle's algorithm on for its kernel websockets, so an explorer's small PNG
frame waits ~30-40 ms for the browser's delayed ACK. Installing the course (``pip install -e .``)
puts ``etc/jupyter/jupyter_server_config.d/course_server.json`` into the environment, which
enables this extension wherever that environment's server runs (``make lab``, Binder, the
browser test). It swaps in a connection class that sets TCP_NODELAY, and only where the server
would use jupyter_server's own class: a deployment that chose another (a kernel gateway's, say)
keeps it. ``--ServerApp.jpserver_extensions=course_server=False`` turns it off for one server.
"""
from __future__ import annotations

from jupyter_server.services.kernels.connection.channels import ZMQChannelsWebsocketConnection


class NoDelayKernelWebsocketConnection(ZMQChannelsWebsocketConnection):
    """jupyter_server's kernel websocket connection, with TCP_NODELAY set on its socket."""

    def connect(self):
        """Send small frames at once (no Nagle wait for an ACK), then connect as jupyter_server does."""
        self.websocket_handler.set_nodelay(True)
        return super().connect()


def _jupyter_server_extension_points():
    """The extension is this module (what jupyter_server looks for in an enabled package)."""
    return [{"module": "course_server"}]


def _load_jupyter_server_extension(serverapp):
    """Run kernel websockets through the no-delay class, unless the server was configured with another class."""
    if serverapp.kernel_websocket_connection_class is not ZMQChannelsWebsocketConnection:
        serverapp.log.info("course_server: keeping the configured %s", serverapp.kernel_websocket_connection_class)
        return
    serverapp.kernel_websocket_connection_class = NoDelayKernelWebsocketConnection
    # The web app copied the class into its settings when it was built; handlers read it there.
    serverapp.web_app.settings["kernel_websocket_connection_class"] = NoDelayKernelWebsocketConnection
    serverapp.log.info("course_server: kernel websockets set TCP_NODELAY")
