"""Signals for batch runs: SIGTERM as Ctrl-C, Ctrl-C held off during the
clean-up, a per-record alarm, and workers that end with their parent (used
by :mod:`framing.run.local`)."""
from __future__ import annotations

import os
import signal
import sys
import threading

#: prctl(2) option: the signal this process gets when its parent dies (Linux)
PR_SET_PDEATHSIG = 1


class RecordTimeout(Exception):
    """One record took longer than the per-record time limit."""


#: seconds until a swallowed timeout is raised again
RETRY = 0.05


def alarm(limit: float | None):
    """Arm SIGALRM to raise :class:`RecordTimeout` after ``limit`` seconds
    (main thread of a Unix process only); returns a disarm function.

    A timeout raised while a ``__del__`` method or a garbage-collector
    callback runs is swallowed by Python (reported to ``sys.unraisablehook``);
    the hook installed while armed re-arms the timer, so the record still ends
    :data:`RETRY` seconds later instead of running on."""
    if not limit or not hasattr(signal, "setitimer") or \
            threading.current_thread() is not threading.main_thread():
        return lambda: None

    def expired(signum, frame):
        raise RecordTimeout(f"over the {limit:g} s time limit for one record")

    old_hook = sys.unraisablehook

    def swallowed(unraisable) -> None:
        if isinstance(unraisable.exc_value, RecordTimeout):
            signal.setitimer(signal.ITIMER_REAL, RETRY)
        else:
            old_hook(unraisable)

    old = signal.signal(signal.SIGALRM, expired)
    sys.unraisablehook = swallowed
    signal.setitimer(signal.ITIMER_REAL, limit)

    def disarm() -> None:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)
        if sys.unraisablehook is swallowed:
            sys.unraisablehook = old_hook
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


def die_with_parent(parent_pid: int | None = None) -> str | None:
    """In a worker process: exit as soon as the parent process dies, even by
    SIGKILL (which no handler sees), so no worker — and so no multiprocessing
    resource tracker, which lives until the last of them closes its pipe — is
    left running. On Linux, ``prctl(PR_SET_PDEATHSIG, SIGKILL)``; everywhere,
    a daemon thread waiting on the parent's sentinel (a pipe or handle that
    :mod:`multiprocessing` closes when the parent ends), which also covers a
    parent that died before the prctl call. Returns how it is watched
    (``"prctl+sentinel"``, ``"sentinel"``, ``"prctl"``) or None."""
    how = []
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            if libc.prctl(PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0) == 0:
                how.append("prctl")
                if parent_pid is not None and os.getppid() != parent_pid:
                    os._exit(1)  # the parent was gone before the prctl call
        except (OSError, AttributeError):  # pragma: no cover - no libc prctl
            pass
    import multiprocessing

    parent = multiprocessing.parent_process()
    sentinel = getattr(parent, "sentinel", None)
    if sentinel is not None:
        def watch() -> None:
            from multiprocessing.connection import wait

            try:
                wait([sentinel])
            except (OSError, ValueError):  # pragma: no cover - the sentinel closed under us
                return
            os._exit(1)

        threading.Thread(target=watch, name="framing-parent-watch", daemon=True).start()
        how.append("sentinel")
    return "+".join(how) or None
