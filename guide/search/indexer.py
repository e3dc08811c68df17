"""The app's background indexer: one thread per process that writes the search journal into the
index, woken at once by this process's commits and every `poll_seconds` for other processes'
(and commands') commits. Requests never wait for the index's writer lock.
"""
from __future__ import annotations

import atexit
import logging
import threading
import weakref

log = logging.getLogger(__name__)


class BackgroundIndexer:
    def __init__(self, service, poll_seconds: float = 1.0):
        # A weak reference: an app that is dropped (tests make many) takes its thread with it.
        self._service = weakref.ref(service)
        self.poll_seconds = poll_seconds
        self._wake = threading.Event()
        self._stop = threading.Event()
        # Set when every commit this process woke the thread for is written; wakes are
        # counted so a wake during a pass is never mistaken for done.
        self._idle = threading.Event()
        self._wakes = 0
        self._lock = threading.Lock()
        self._thread = threading.Thread(target=self._run, name="search-indexer", daemon=True)
        self._last_error: str | None = None

    def start(self) -> None:
        self._thread.start()
        atexit.register(self.stop)
        self.wake()  # what is left in the journal from before: now, not after the first poll

    def wake(self) -> None:
        with self._lock:
            self._wakes += 1
            self._idle.clear()
        self._wake.set()

    def wait_idle(self, timeout: float) -> bool:
        """Wait until this process's commits so far are in the index (tests, benchmarks)."""
        return self._idle.wait(timeout)

    def stop(self, timeout: float = 10.0) -> None:
        """Let an update under way finish (a process exiting mid-commit would leave files behind)."""
        self._stop.set()
        self._wake.set()
        if self._thread.is_alive() and threading.current_thread() is not self._thread:
            self._thread.join(timeout)

    def _run(self) -> None:
        while not self._stop.is_set():
            self._wake.wait(self.poll_seconds)
            self._wake.clear()
            service = self._service()
            if service is None or self._stop.is_set():
                return
            with self._lock:
                wakes = self._wakes
            try:
                while service.index_pending():
                    pass
            except Exception as e:  # the journal keeps the work: try again at the next wake
                message = f"{type(e).__name__}: {e}"
                if message != self._last_error:  # once per kind of failure, not once a second
                    log.warning("search indexer: %s; the journal keeps the changes for the next try", message)
                self._last_error = message
                continue
            finally:
                del service
            if self._last_error:
                log.info("search indexer: working again")
                self._last_error = None
            with self._lock:
                if self._wakes == wakes:
                    self._idle.set()
