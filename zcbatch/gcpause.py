"""Pausing Python's cyclic garbage collector while a large batch is built.

Reading 100,000 applicants creates tens of millions of Python objects: cell
values, row lists, frames of text. Every few hundred allocations the
collector runs, and its older generations walk every live container, so a
large read spends a sizeable share of its time collecting although those
objects form no reference cycles. :func:`paused_gc` switches the collector
off for one step and back on afterwards, if it was on. A cycle made meanwhile
is freed by the next collection.

>>> import gc
>>> with paused_gc():
...     gc.isenabled()
False
>>> gc.isenabled()
True
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused_gc() -> Iterator[None]:
    """Switch the cyclic garbage collector off for the ``with`` block (usable as a decorator)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
