"""A loopback TCP proxy that breaks connections on purpose: seeded, bounded, 127.0.0.1 only.

Each accepted connection draws a fate from a seeded random generator: pass through, close at
once, reset (RST) at once, or cut the answer after a random number of bytes (cleanly or with
a reset). Only the first ``max_faults`` connections can be broken, so a client that retries
always gets through in the end.
"""

from __future__ import annotations

import contextlib
import random
import socket
import struct
import threading
from collections import Counter

FATES = ("pass", "close", "reset", "cut", "cut_reset")


class ChaosProxy:
    def __init__(self, upstream_port: int, *, seed: int, fault_rate: float = 0.5,
                 max_faults: int = 40) -> None:
        self.upstream_port = upstream_port
        self.rng = random.Random(seed)
        self.fault_rate = fault_rate
        self.max_faults = max_faults
        self.fates: Counter[str] = Counter()
        self._lock = threading.Lock()
        self._listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._listener.bind(("127.0.0.1", 0))
        self._listener.listen(64)
        self.port = self._listener.getsockname()[1]
        self._stopped = threading.Event()
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def faults(self) -> int:
        return sum(n for fate, n in self.fates.items() if fate != "pass")

    def close(self) -> None:
        self._stopped.set()
        with contextlib.suppress(OSError):
            self._listener.shutdown(socket.SHUT_RDWR)  # wakes the blocked accept()
        self._listener.close()
        self._thread.join(timeout=10)

    def _draw(self) -> tuple[str, int]:
        with self._lock:
            fate = "pass"
            if self.faults < self.max_faults and self.rng.random() < self.fault_rate:
                fate = self.rng.choice(FATES[1:])
            self.fates[fate] += 1
            # Anywhere from inside the first answer's headers to a dozen answers later.
            return fate, self.rng.randrange(0, 3000)

    def _accept(self) -> None:
        while not self._stopped.is_set():
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            fate, cut_at = self._draw()
            threading.Thread(target=self._serve, args=(client, fate, cut_at),
                             daemon=True).start()

    def _serve(self, client: socket.socket, fate: str, cut_at: int) -> None:
        if fate in ("close", "reset"):
            _shut(client, reset=fate == "reset")
            return
        try:
            upstream = socket.create_connection(("127.0.0.1", self.upstream_port), timeout=30)
        except OSError:
            _shut(client, reset=True)
            return
        limit = cut_at if fate.startswith("cut") else None
        up = threading.Thread(target=_pump, args=(client, upstream, None), daemon=True)
        up.start()
        # The answer travels downstream; cutting it after the request reached head office is
        # the "acknowledgement lost after commit" case.
        _pump(upstream, client, limit)
        # Wake the other pump first: on Linux, close() does not interrupt a recv() blocked in
        # another thread, and the peer would never see the connection end.
        for sock, how in ((client, socket.SHUT_RD), (upstream, socket.SHUT_RDWR)):
            with contextlib.suppress(OSError):
                sock.shutdown(how)
        up.join(timeout=10)
        _shut(client, reset=fate == "cut_reset")
        _shut(upstream, reset=False)


def _pump(source: socket.socket, target: socket.socket, limit: int | None) -> None:
    sent = 0
    try:
        while True:
            data = source.recv(65536)
            if not data:
                break
            if limit is not None and sent + len(data) >= limit:
                target.sendall(data[:max(limit - sent, 0)])
                return
            target.sendall(data)
            sent += len(data)
    except OSError:
        return
    finally:
        if limit is None:
            with contextlib.suppress(OSError):
                target.shutdown(socket.SHUT_WR)


def _shut(sock: socket.socket, *, reset: bool) -> None:
    try:
        if reset:
            # SO_LINGER with a zero timeout makes close() send RST instead of FIN.
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        sock.close()
    except OSError:
        pass
