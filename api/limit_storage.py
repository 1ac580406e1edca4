"""Where the rate limits' counters live (``api.limits``): a worker's memory, or any storage the
``limits`` library knows by URI (``redis://…`` shares them between workers and machines).

In memory they live in ``SweptMemoryStorage``, a storage written on limits' public storage
interface (``Storage`` and ``SlidingWindowCounterSupport``, registered under its own scheme)
rather than limits' ``MemoryStorage``, which starts a timer thread 10 ms after any count to drop
expired counters: under load a new thread for almost every request (and the request waits for
it to start), a third of the throughput of a listing served by 2 workers. Here an expired
counter reads as zero when read, and the expired ones are swept out of memory at most once a
second by the count that finds the sweep due.
"""
from __future__ import annotations

import threading
import time
from math import floor

from limits.storage import SlidingWindowCounterSupport, Storage, storage_from_string

SWEPT_MEMORY_SCHEME = "claimtrack-memory"


class SweptMemoryStorage(Storage, SlidingWindowCounterSupport):
    """Counters with an expiry in a dict, for limits' fixed-window and sliding-window-counter
    strategies; safe across a worker's request threads (one lock)."""

    STORAGE_SCHEME = [SWEPT_MEMORY_SCHEME]  # (registers the scheme with limits)
    SWEEP_EVERY_S = 1.0

    def __init__(self, uri: str | None = None, wrap_exceptions: bool = False, **options):
        super().__init__(uri, wrap_exceptions=wrap_exceptions, **options)
        self.counters: dict[str, list] = {}  # key -> [count, expires at (epoch seconds)]
        self.next_sweep = 0.0
        self._lock = threading.Lock()

    @property
    def base_exceptions(self) -> type[Exception]:
        return ValueError

    def _live(self, key: str, now: float) -> list | None:
        """The counter ``[count, expires_at]`` of ``key``, None when absent or expired (the lock held)."""
        counter = self.counters.get(key)
        if counter is not None and counter[1] <= now:
            del self.counters[key]
            return None
        return counter

    def _sweep_if_due(self, now: float) -> None:
        """Drop every expired counter, at most once per ``SWEEP_EVERY_S`` (the lock held)."""
        if now < self.next_sweep:
            return
        self.next_sweep = now + self.SWEEP_EVERY_S
        for key in [key for key, (_, expires_at) in self.counters.items() if expires_at <= now]:
            del self.counters[key]

    def _add(self, key: str, expiry: float, amount: int, now: float) -> int:
        """Add ``amount`` to ``key``'s counter (a new one expires ``expiry`` seconds from now)."""
        self._sweep_if_due(now)
        counter = self._live(key, now)
        if counter is None:
            counter = self.counters[key] = [0, now + expiry]
        counter[0] += amount
        return counter[0]

    def incr(self, key: str, expiry: float, amount: int = 1) -> int:
        """Add ``amount`` to ``key``'s counter; its new value."""
        with self._lock:
            return self._add(key, expiry, amount, time.time())

    def get(self, key: str) -> int:
        """``key``'s counter (0 when absent or expired)."""
        with self._lock:
            counter = self._live(key, time.time())
        return counter[0] if counter is not None else 0

    def get_expiry(self, key: str) -> float:
        """When ``key``'s counter expires (now when there is none)."""
        now = time.time()
        with self._lock:
            counter = self._live(key, now)
        return counter[1] if counter is not None else now

    def check(self) -> bool:
        """Memory is always reachable."""
        return True

    def reset(self) -> int:
        """Forget every counter; how many there were."""
        with self._lock:
            count = len(self.counters)
            self.counters.clear()
        return count

    def clear(self, key: str) -> None:
        """Forget ``key``'s counter."""
        with self._lock:
            self.counters.pop(key, None)

    @staticmethod
    def window_keys(key: str, expiry: int, now: float) -> tuple[str, str]:
        """The keys of ``key``'s previous and current window counters (windows numbered from the
        epoch, as limits' own storages number them)."""
        return f"{key}/{int((now - expiry) / expiry)}", f"{key}/{int(now / expiry)}"

    def _window(self, key: str, expiry: int, now: float) -> tuple[int, float, int, float, str]:
        """The sliding window of ``key`` (as ``get_sliding_window``) and its current counter's key
        (the lock held). The previous window's count fades out over the current window."""
        previous_key, current_key = self.window_keys(key, expiry, now)
        previous = self._live(previous_key, now)
        current = self._live(current_key, now)
        previous_count = previous[0] if previous is not None else 0
        previous_ttl = (1 - (((now - expiry) / expiry) % 1)) * expiry if previous_count else 0.0
        current_ttl = (1 - ((now / expiry) % 1)) * expiry + expiry
        return previous_count, previous_ttl, current[0] if current is not None else 0, current_ttl, current_key

    def get_sliding_window(self, key: str, expiry: int) -> tuple[int, float, int, float]:
        """(previous window's count, its time to live, current window's count, its time to live)."""
        with self._lock:
            return self._window(key, expiry, time.time())[:4]

    def acquire_sliding_window_entry(self, key: str, limit: int, expiry: int, amount: int = 1) -> bool:
        """Count ``amount`` in the current window when the weighted count stays within ``limit``;
        whether it did (test and count are one step under the lock: no race to undo)."""
        if amount > limit:
            return False
        now = time.time()
        with self._lock:
            previous_count, previous_ttl, current_count, _, current_key = self._window(key, expiry, now)
            if floor(previous_count * previous_ttl / expiry + current_count) + amount > limit:
                return False
            self._add(current_key, 2 * expiry, amount, now)  # (a window's counter is read for two windows)
            return True

    def clear_sliding_window(self, key: str, expiry: int) -> None:
        """Forget both of ``key``'s window counters."""
        for window_key in self.window_keys(key, expiry, time.time()):
            self.clear(window_key)


def open_storage(uri: str) -> Storage:
    """The storage for ``uri``: ``memory://`` is the swept memory storage, anything else is
    handed to limits (``redis://host:6379/0``…; nothing is connected before the first count)."""
    if uri.startswith("memory://"):
        return SweptMemoryStorage(SWEPT_MEMORY_SCHEME + uri[len("memory"):])
    return storage_from_string(uri)
