"""Hand tasks to an existing Dask cluster: ``lkjip build --scheduler tcp://HOST:PORT`` (one task per
part of the manifest: whole regions, built through the audit, the fact tables and their CSV rows;
four parts per worker thread of the cluster, down to one region each) and ``lkjip briefs
--scheduler ...`` (one task per papermill run).

dask.distributed is the optional extra ``lkjip-workbench[dask]``, imported here only, and only
when a scheduler is given. The workers run the same functions as a local run (``build.collect_part``,
``briefs.run.execute``), so they need this package installed at the same version, and they read
and write the paths a local run would: the raw folder (build), the notebooks, data/ and the
output folder (briefs) must be reachable at the same paths on every worker, e.g. on a shared
file system. Results come back to the caller, which puts them together as a local run does.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from functools import partial
from typing import Any

from .errors import LkjipError

CONNECT_SECONDS = 30


@contextmanager
def _client(address: str) -> Iterator[Any]:
    """A dask.distributed Client of the cluster at ``address``, never made the process's default
    (a notebook may have its own); an LkjipError when dask is missing or nothing answers."""
    try:
        from distributed import Client
    except ImportError:
        raise LkjipError(None, f"--scheduler {address} needs dask.distributed: "
                         "pip install 'lkjip-workbench[dask]'") from None
    try:
        client = Client(address, timeout=CONNECT_SECONDS, set_as_default=False)
    except (OSError, TimeoutError, ValueError) as exc:
        raise LkjipError(None, f"no Dask scheduler answers at {address}: {exc}") from None
    with client:
        yield client


@contextmanager
def dask_executor(address: str) -> Iterator[tuple[Callable[..., Any], Callable[..., Any]]]:
    """``(submit, as_completed)`` for the Dask cluster at ``address``, used as one would use a
    ``concurrent.futures`` pool and its ``as_completed``: ``submit(fn, *args)`` is one task."""
    with _client(address) as client:
        from distributed import as_completed

        # pure=False: every call is its own task, even with equal arguments (a rerun must rerun);
        # as_completed is told the client's loop, since the client is not the default one
        yield partial(client.submit, pure=False), partial(as_completed, loop=client.loop)


def map_in_order(address: str, function: Callable[..., Any],
                 tasks: Sequence[tuple] | Callable[[int], Sequence[tuple]]) -> list[Any]:
    """``function(*task)`` for every task, one Dask task each; the results in the tasks' order.
    ``tasks`` may be a function of how many tasks the cluster runs at once (its workers' threads)
    that gives them (the build cuts its manifest by it). As in a local run, the first task (in
    order) that failed raises its own error here: an LkjipError from a worker still names its file
    and line."""
    with _client(address) as client:
        from distributed import as_completed

        if callable(tasks):
            tasks = tasks(max(1, sum(client.nthreads().values())))
        # pure=False: every call is its own task, even with equal arguments (a rerun must rerun)
        futures = [client.submit(function, *task, pure=False) for task in tasks]
        for _ in as_completed(futures, loop=client.loop):  # every task ends: the error raised is the first in order
            pass
        return [future.result() for future in futures]
