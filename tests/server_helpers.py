"""A real ``newslint serve`` on loopback for tests: uvicorn in a thread, on a free port."""
from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Iterator

import uvicorn

from newslint.server.app import Limits, create_app
from newslint.service import Service


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextlib.contextmanager
def running_server(service: Service | None = None, limits: Limits | None = None) -> Iterator[str]:
    """Start the app under uvicorn on 127.0.0.1 and yield its base URL; stop it afterwards."""
    port = free_port()
    config = uvicorn.Config(create_app(service, limits), host="127.0.0.1", port=port, log_level="warning",
                            timeout_keep_alive=5)
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("newslint serve did not start")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
