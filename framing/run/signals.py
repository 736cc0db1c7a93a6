"""Signals for batch runs: SIGTERM as Ctrl-C, Ctrl-C held off during the
clean-up, and a per-record alarm (used by :mod:`framing.batch`)."""
from __future__ import annotations

import signal
import threading


class RecordTimeout(Exception):
    """One record took longer than the per-record time limit."""


def alarm(limit: float | None):
    """Arm SIGALRM to raise :class:`RecordTimeout` after ``limit`` seconds
    (main thread of a Unix process only); returns a disarm function."""
    if not limit or not hasattr(signal, "setitimer") or \
            threading.current_thread() is not threading.main_thread():
        return lambda: None

    def expired(signum, frame):
        raise RecordTimeout(f"over the {limit:g} s time limit for one record")

    old = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, limit)

    def disarm() -> None:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)
    return disarm


def term_as_interrupt():
    """In the main thread: SIGTERM raises KeyboardInterrupt (so the workers
    are ended) until the batch ends; returns the handler to restore."""
    if threading.current_thread() is not threading.main_thread():
        return None

    def interrupt(signum, frame):
        raise KeyboardInterrupt(f"signal {signum}")

    try:
        old = signal.signal(signal.SIGTERM, interrupt)
        return signal.SIG_DFL if old is None else old
    except (ValueError, OSError):  # pragma: no cover - no signals here
        return None


def hold_interrupts():
    """Ignore SIGINT (main thread only); returns the handler to restore."""
    try:
        old = signal.signal(signal.SIGINT, signal.SIG_IGN)
        return signal.default_int_handler if old is None else old
    except ValueError:  # not the main thread
        return None
