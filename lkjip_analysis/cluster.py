"""Hand tasks to an existing Dask cluster: ``lkjip build --scheduler tcp://HOST:PORT`` (one task per
part of the manifest: about 25 reports of whole regions, built through the audit and the fact
tables) and ``lkjip briefs --scheduler ...`` (one task per papermill run).

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
def dask_executor(address: str) -> Iterator[tuple[Callable[..., Any], Callable[..., Any]]]:
    """``(submit, as_completed)`` for the Dask cluster at ``address``, used as one would use a
    ``concurrent.futures`` pool and its ``as_completed``: ``submit(fn, *args)`` is one task."""
    try:
        from distributed import Client, as_completed
    except ImportError:
        raise LkjipError(None, f"--scheduler {address} needs dask.distributed: "
                         "pip install 'lkjip-workbench[dask]'") from None
    try:
        client = Client(address, timeout=CONNECT_SECONDS, set_as_default=False)
    except (OSError, TimeoutError, ValueError) as exc:
        raise LkjipError(None, f"no Dask scheduler answers at {address}: {exc}") from None
    with client:
        # pure=False: every call is its own task, even with equal arguments (a rerun must rerun);
        # the client is never made the process's default (a notebook may have its own), so
        # as_completed is told its loop
        yield partial(client.submit, pure=False), partial(as_completed, loop=client.loop)


def map_in_order(address: str, function: Callable[..., Any], tasks: Sequence[tuple]) -> list[Any]:
    """``function(*task)`` for every task, one Dask task each; the results in the tasks' order.
    As in a local run, the first task (in order) that failed raises its own error here: an
    LkjipError from a worker still names its file and line."""
    with dask_executor(address) as (submit, as_completed):
        futures = [submit(function, *task) for task in tasks]
        for _ in as_completed(futures):  # every task ends, so the error raised is the first in order
            pass
        return [future.result() for future in futures]
