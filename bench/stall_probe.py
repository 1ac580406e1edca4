"""How a served instance answers while idle and slow clients hold connections.

    python3 bench/stall_probe.py PORT IDLE SLOW SIMILARITY [N]

opens IDLE connections that never send a byte, SLOW connections that send a request's headers
one line a second and never finish, and SIMILARITY clients that post two 1,000-character texts
of short quotations to /v1/similarity in a loop; then times N (default 40) sequential
``GET /health`` and ``GET /v1/claims`` requests (2 s timeout each, counted as 2,000 ms) and
prints p50 and max. Loopback only; it runs for a few seconds.
"""
from __future__ import annotations

import http.client
import json
import socket
import statistics
import sys
import threading
import time

HOST = "127.0.0.1"


def main(port: int, idle: int, slow: int, similarity: int, n: int) -> None:
    """Hold the connections, measure, print one line."""
    held = [socket.create_connection((HOST, port)) for _ in range(idle)]
    stop = threading.Event()

    def slow_client() -> None:
        s = socket.create_connection((HOST, port))
        held.append(s)
        s.sendall(b"GET /health HTTP/1.1\r\nHost: x\r\n")
        while not stop.is_set():
            try:
                s.sendall(b"X-Slow: 1\r\n")
            except OSError:
                return
            stop.wait(1)

    def similarity_client() -> None:
        a = ('"we will go," ' * 80)[:1000]
        body = json.dumps({"a": a, "b": a.replace("go", "stay")})
        while not stop.is_set():
            c = http.client.HTTPConnection(HOST, port, timeout=60)
            c.request("POST", "/v1/similarity", body, {"Content-Type": "application/json"})
            c.getresponse().read()
            c.close()

    threads = [threading.Thread(target=slow_client, daemon=True) for _ in range(slow)]
    threads += [threading.Thread(target=similarity_client, daemon=True) for _ in range(similarity)]
    for t in threads:
        t.start()
    time.sleep(1.5)
    try:
        print(f"idle={idle} slow={slow} similarity={similarity}:",
              measure(port, "/health", n), "|", measure(port, "/v1/claims", n))
    finally:
        stop.set()
        for s in held:
            s.close()


def measure(port: int, path: str, n: int) -> str:
    """p50 and max of ``n`` sequential GETs of ``path``."""
    times = []
    for _ in range(n):
        began = time.monotonic()
        try:
            c = http.client.HTTPConnection(HOST, port, timeout=2)
            c.request("GET", path)
            c.getresponse().read()
            c.close()
            times.append((time.monotonic() - began) * 1000)
        except OSError:
            times.append(2000.0)
    return f"{path}: p50 {statistics.median(times):.1f} ms, max {max(times):.1f} ms"


if __name__ == "__main__":
    args = [int(a) for a in sys.argv[1:]]
    main(*args[:4], args[4] if len(args) > 4 else 40)
