"""Turn a hang into a failure without timing anything: the limit is minutes, far above any real run.

Our rule is that tests never assert speed (benchmarks/ measures it). A report that blocks the
loader (a pipe) or an analysis that went quadratic (hours) would otherwise hang the whole suite,
so these tests run the work in a daemon thread and fail only when it has not ended at all.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")

HANG_SECONDS = 180


def without_hanging(work: Callable[[], T], what: str) -> T:
    """``work()``'s result; fails the test if it is still running after ``HANG_SECONDS``."""
    results: list[T] = []
    errors: list[BaseException] = []

    def run() -> None:
        try:
            results.append(work())
        except BaseException as error:  # re-raised in the test's own thread below
            errors.append(error)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(HANG_SECONDS)
    assert not thread.is_alive(), f"{what} was still running after {HANG_SECONDS} s: it hangs"
    if errors:
        raise errors[0]
    return results[0]
