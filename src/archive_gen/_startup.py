"""Ctrl-C or SIGTERM while the command line's modules load.

Importing the build (the loader, the tagger, numpy, search) takes about a second on a loaded machine; a
Ctrl-C in that second was a KeyboardInterrupt traceback out of whatever module was loading, and a SIGTERM
ended the process without a word. ``archive_gen.cli`` imports this module first: until it calls
``loaded()``, either signal prints ``archive-gen: interrupted`` and exits 130, like an interrupted
command. Handlers someone else set (a test runner, a program embedding archive-gen) and signals the
caller ignores (a background job, nohup) are left as they are.

It also opens the null device on a standard stream the command was started without (cron, a daemon's
child, `archive-gen build 2>&-`): with stderr closed the first progress line failed and the build stopped
(exit 2, not a word), with stdout closed `check` ended in an AttributeError traceback, and a file opened
later by the build would have been given descriptor 1 or 2, where a message meant for the terminal goes.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
from typing import Any

EXIT_INTERRUPTED = 130
# SIGHUP (the terminal or ssh session closed) as SIGTERM: it killed the process without a word
_DEFAULTS = {signal.SIGINT: signal.default_int_handler, signal.SIGTERM: signal.SIG_DFL, signal.SIGHUP: signal.SIG_DFL}


def _interrupted(signum: int, frame: Any) -> None:
    with contextlib.suppress(OSError):
        os.write(2, b"archive-gen: interrupted\n")
    raise SystemExit(EXIT_INTERRUPTED)


def _install() -> dict[int, Any]:
    installed: dict[int, Any] = {}
    for signum, default in _DEFAULTS.items():
        try:
            if signal.getsignal(signum) is default:
                signal.signal(signum, _interrupted)
                installed[signum] = default
        except ValueError:  # not the main thread: nothing to do
            break
    return installed


def _open_standard_streams() -> None:
    """A closed descriptor 0, 1 or 2 becomes the null device (output to nowhere, as `>/dev/null` would be),
    and Python's None in sys.stdout/sys.stderr for it a stream on it, before any other file is opened."""
    for fd in (0, 1, 2):
        try:
            os.fstat(fd)
            continue
        except OSError:
            pass
        try:
            opened = os.open(os.devnull, os.O_RDWR)
        except OSError:
            continue
        if opened != fd:  # a lower one was closed too and could not be opened: put it where it belongs
            os.dup2(opened, fd)
            os.close(opened)
    for name, fd in (("stdout", 1), ("stderr", 2)):
        if getattr(sys, name) is None:
            with contextlib.suppress(OSError, ValueError):
                # the stream lives as long as the process, as Python's own sys.stdout does
                stream = open(fd, "w", encoding="utf-8", errors="backslashreplace", closefd=False)  # noqa: SIM115
                setattr(sys, name, stream)


_open_standard_streams()
_INSTALLED = _install()


def loaded() -> None:
    """The modules are loaded: the signals go back to what they were (each command handles them)."""
    while _INSTALLED:
        signum, previous = _INSTALLED.popitem()
        if signal.getsignal(signum) is _interrupted:
            signal.signal(signum, previous)
