"""A round-robin HTTP proxy for the two-replica test: the Bot API emulator posts webhook updates to
it, and it hands each to the next live replica (the next one if a replica does not answer)."""

from __future__ import annotations

import threading
import urllib.error
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from tests.e2e.harness import free_port


class RoundRobinProxy:
    """Forwards POSTs on 127.0.0.1:port to the backends in turn; `served[i]` counts each one's share."""

    def __init__(self, backends: list[int]) -> None:
        self.backends = backends
        self.served = [0] * len(backends)
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self._next = 0
        self._lock = threading.Lock()
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802 (http.server's naming)
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                status, answer = proxy.forward(self.path, body, dict(self.headers))
                self.send_response(status)
                self.send_header("Content-Length", str(len(answer)))
                self.end_headers()
                self.wfile.write(answer)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def forward(self, path: str, body: bytes, headers: dict) -> tuple[int, bytes]:
        for _ in range(len(self.backends)):
            with self._lock:
                index = self._next
                self._next = (self._next + 1) % len(self.backends)
            request = urllib.request.Request(
                f"http://127.0.0.1:{self.backends[index]}{path}",
                data=body,
                headers={k: v for k, v in headers.items() if k.lower() != "host"},
            )
            try:
                with urllib.request.urlopen(request, timeout=10) as response:
                    self.served[index] += 1
                    return response.status, response.read()
            except urllib.error.HTTPError as exc:  # the replica answered (e.g. 403): that is its answer
                self.served[index] += 1
                return exc.code, exc.read()
            except OSError:  # refused or reset: a replica that is down; try the next
                continue
        return 502, b"no replica"

    def stop(self) -> None:
        self.server.shutdown()
