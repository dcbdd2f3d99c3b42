"""Forked worker pools whose workers end with the build that forked them.

A pool's workers wait on a queue whose write end they hold themselves, so when the build is killed outright
(SIGKILL, the OOM killer) they would wait forever: holding their memory and the caller's terminal or pipe
(``archive-gen build | tee log`` would never end). Every worker watches its parent and leaves when it is gone.
"""

from __future__ import annotations

import concurrent.futures
import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Callable
from typing import Any

PARENT_CHECK_SECONDS = 0.5
STOP_SECONDS = 10.0  # the most stop_now waits for a pool's manager thread to let its workers go


# held in the parent while it forks and in a new worker until it has set its own handlers
_STOPPING_SIGNALS = frozenset({signal.SIGINT, signal.SIGTERM, signal.SIGHUP})
_CAN_MASK = hasattr(signal, "pthread_sigmask")


class ForkPool(concurrent.futures.ProcessPoolExecutor):
    """A pool of forked processes (they inherit the parent's memory: the archive, the plan)."""

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> concurrent.futures.Future[Any]:
        # the first submit forks the workers, and a worker runs the parent's handlers until _start_worker sets
        # its own: a stop_now soon after (a build that fails at once), or Ctrl-C then, was a worker's
        # "Process ForkProcess-1: Traceback ... KeyboardInterrupt" on stderr. The signals wait meanwhile.
        if not _CAN_MASK:
            return super().submit(fn, *args, **kwargs)
        held = signal.pthread_sigmask(signal.SIG_BLOCK, _STOPPING_SIGNALS)
        try:
            return super().submit(fn, *args, **kwargs)
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, held)

    def start(self, fn: Callable[..., Any], /, *args: Any) -> concurrent.futures.Future[Any]:
        """``submit`` for a pool started ahead of the context that will stop it: Ctrl-C while it forks
        leaves no context to stop it, so it is stopped here."""
        try:
            return self.submit(fn, *args)
        except BaseException:
            self.stop_now()
            raise

    def stop_now(self) -> None:
        """Cancel what has not started and end the workers mid-task: an interrupted or failed build keeps
        none of their work, and a SIGTERM sent to the build alone should not wait for a chunk of pages.
        Returns once the pool's manager thread has let its workers go."""
        terminate = getattr(self, "terminate_workers", None)  # Python 3.14
        if terminate is not None:
            terminate()
            return
        # Python < 3.14: the manager thread marks every task it still lists as failed once a worker is
        # gone, and a task that map() cancelled when Ctrl-C left it is done already: InvalidStateError, a
        # traceback on stderr, and a manager that died before closing its queue (the build then hung at exit
        # on a pipe no worker reads). It cancels them itself when it learns of the shutdown, if the pool is
        # still alive then: so the pool lives until the manager is done, and a cancelled task it lists
        # gets a fresh future (nobody waits on it) in case it learns of the dead worker first.
        for item in list((getattr(self, "_pending_work_items", None) or {}).values()):
            if item.future.cancelled():
                item.future = concurrent.futures.Future()
        manager = getattr(self, "_executor_manager_thread", None)
        results = getattr(self, "_result_queue", None)
        # before shutdown(), which forgets them
        processes = list((getattr(self, "_processes", None) or {}).values())
        self.shutdown(wait=False, cancel_futures=True)
        for process in processes:
            if process.is_alive():
                process.terminate()
        # a worker ended while it sent a result (a chunk of pages, a shard's files) leaves the manager
        # waiting for the rest of it, and this process holds the results pipe's write end too (its workers
        # wrote through their copies): that wait, and then the exit joining the manager, never ended.
        # Closed here, the pipe ends with the workers and the manager reads the end of it.
        writer = getattr(results, "_writer", None)
        if writer is not None:
            writer.close()
        if manager is not None and manager is not threading.current_thread():
            manager.join(STOP_SECONDS)


def worker_limit() -> int:
    """The most worker processes a pool gets, whatever ``--jobs`` asks: 8 a CPU. A forked pool starts
    every worker at once, so ``--jobs 100000`` forked until the machine stopped (and a number beyond a C
    int was an OverflowError traceback); the output is the same whatever the number of workers."""
    return 8 * (os.cpu_count() or 1)


def fork_pool(workers: int, initializer: Callable[..., None] | None = None,
              initargs: tuple[Any, ...] = ()) -> ForkPool:
    """A pool of ``workers`` (at most ``worker_limit()``) forked processes; ``initializer(*initargs)`` runs
    in each, after its parent watch has started."""
    workers = max(1, min(workers, worker_limit()))
    return ForkPool(max_workers=workers, mp_context=multiprocessing.get_context("fork"),
                    initializer=_start_worker, initargs=(os.getpid(), initializer, initargs))


def _start_worker(parent: int, initializer: Callable[..., None] | None, initargs: tuple[Any, ...]) -> None:
    # the parent's handlers came with the fork: SIGTERM (stop_now's, or the CLI's that raises
    # KeyboardInterrupt) and Ctrl-C (sent to the whole process group) printed a traceback per worker. A
    # worker ends quietly on SIGTERM and leaves Ctrl-C, and a hangup (the terminal closed: sent to the whole
    # group too), to its parent, which stops the pool.
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGHUP, signal.SIG_IGN)
    if _CAN_MASK:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, _STOPPING_SIGNALS)  # held since the fork (ForkPool.submit)
    threading.Thread(target=_leave_with, args=(parent,), name="archive-gen-parent-watch", daemon=True).start()
    if initializer is not None:
        initializer(*initargs)


def _leave_with(parent: int) -> None:
    # an orphan is adopted by init (or a subreaper): its parent pid changes
    while os.getppid() == parent:
        time.sleep(PARENT_CHECK_SECONDS)
    os._exit(1)
