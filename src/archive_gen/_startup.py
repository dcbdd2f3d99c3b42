"""Ctrl-C or SIGTERM while the command line's modules load.

Importing the build (the loader, the tagger, numpy, search) takes about a second on a loaded machine; a
Ctrl-C in that second was a KeyboardInterrupt traceback out of whatever module was loading, and a SIGTERM
ended the process without a word. ``archive_gen.cli`` imports this module first: until it calls
``loaded()``, either signal prints ``archive-gen: interrupted`` and exits 130, like an interrupted
command. Handlers someone else set (a test runner, a program embedding archive-gen) and signals the
caller ignores (a background job, nohup) are left as they are.
"""

from __future__ import annotations

import contextlib
import os
import signal
from typing import Any

EXIT_INTERRUPTED = 130
_DEFAULTS = {signal.SIGINT: signal.default_int_handler, signal.SIGTERM: signal.SIG_DFL}


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


_INSTALLED = _install()


def loaded() -> None:
    """The modules are loaded: the signals go back to what they were (each command handles them)."""
    while _INSTALLED:
        signum, previous = _INSTALLED.popitem()
        if signal.getsignal(signum) is _interrupted:
            signal.signal(signum, previous)
