"""Running one step in a forked child process while the caller goes on.

A forked child shares its parent's memory copy-on-write, so a step that only
reads a large result, such as drawing the charts of 100,000 applicants, runs
on a second core beside the report without copying the result. Fork is used
on Linux only: Windows has none, and macOS system libraries are not safe in
a forked child. Where it is not used, or when the child fails or dies, the
step runs in the calling process when its value is first asked for, so an
error surfaces there as it would without the child.

>>> job = Background(sum, [1, 2, 3])
>>> job.result()
6
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import signal
import sys
from collections.abc import Callable
from typing import Any

log = logging.getLogger(__name__)

_MISSING = object()
# Seconds a cancelled child may take to clean up before it is killed.
CANCEL_TIMEOUT = 30


def fork_available() -> bool:
    """Tell whether steps run in a forked child on this system."""
    return sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods()


class Background:
    """Call ``function(*args)`` in a forked child; :meth:`result` returns its value."""

    def __init__(self, function: Callable[..., Any], *args: Any) -> None:
        self._function = function
        self._args = args
        self._value: Any = _MISSING
        self._process = None
        self._receiver = None
        self._started = None
        if fork_available():
            context = multiprocessing.get_context("fork")
            self._receiver, sender = context.Pipe(duplex=False)
            self._started = context.Event()
            self._process = context.Process(target=_run_child, args=(sender, self._started, function, args),
                                            daemon=True)
            self._process.start()
            sender.close()

    def result(self) -> Any:
        """Return the value, waiting for the child (or computing it here)."""
        if self._value is _MISSING:
            self._value = self._collect()
        return self._value

    def cancel(self) -> bool:
        """Stop the child and wait for it, for use while another error propagates.

        The child gets SIGINT, so it stops as after Ctrl+C: a file it was
        writing atomically is removed, and one it finished stays. Returns
        whether the step had completed, so the caller can remove its output.
        """
        if self._process is None or self._value is not _MISSING:
            return self._process is not None and self._value is not None
        # Python drops a SIGINT that reaches a child still inside fork's
        # bookkeeping, so the signal waits until the step has begun.
        while not self._started.wait(0.05) and self._process.is_alive():
            pass
        if self._process.is_alive():
            try:
                os.kill(self._process.pid, signal.SIGINT)
            except ProcessLookupError:
                pass
        self._process.join(CANCEL_TIMEOUT)
        if self._process.is_alive():
            self._process.kill()
            self._process.join()
        completed = False
        try:
            if self._receiver.poll():
                completed, _ = self._receiver.recv()
        except (EOFError, OSError):
            pass
        self._receiver.close()
        self._value = None
        return completed

    def _collect(self) -> Any:
        if self._process is not None:
            try:
                succeeded, value = self._receiver.recv()
            except (EOFError, OSError):
                succeeded, value = False, "子进程意外退出"
            finally:
                self._receiver.close()
                self._process.join()
            if succeeded:
                return value
            log.info("后台步骤未完成（%s），改为直接执行", value)
        return self._function(*self._args)


def _run_child(sender, started, function: Callable[..., Any], args: tuple) -> None:
    # The first SIGINT or SIGTERM stops the step. A second one, from a
    # terminal's Ctrl+C on top of cancel(), must not cut its cleanup short.
    def interrupt(signum, frame):
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        raise KeyboardInterrupt

    signal.signal(signal.SIGINT, interrupt)
    signal.signal(signal.SIGTERM, interrupt)
    try:
        started.set()
        value = function(*args)
    except BaseException as error:  # noqa: BLE001 - the parent runs the step again and reports it
        sender.send((False, type(error).__name__))
    else:
        sender.send((True, value))
    finally:
        sender.close()
