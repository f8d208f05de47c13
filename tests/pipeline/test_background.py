"""Steps run beside the main work: a forked child for charts and annotated copies, and the paused collector."""

from __future__ import annotations

import gc
import os
import time

import pytest

from zcbatch import background
from zcbatch.background import Background, fork_available
from zcbatch.gcpause import paused_gc

PARENT = os.getpid()


def _pid_of_caller() -> int:
    return os.getpid()


def _fails_in_child(value: int) -> int:
    if os.getpid() != PARENT:
        raise RuntimeError("the child cannot finish")
    return value * 2


def _always_fails() -> None:
    raise ValueError("步骤失败")


needs_fork = pytest.mark.skipif(not fork_available(), reason="steps run in a child only where fork is used")


@needs_fork
def test_step_runs_in_a_child_process() -> None:
    assert Background(_pid_of_caller).result() != PARENT


def test_step_without_fork_runs_in_this_process(monkeypatch) -> None:
    monkeypatch.setattr(background, "fork_available", lambda: False)
    assert Background(_pid_of_caller).result() == PARENT


@needs_fork
def test_failed_child_is_replaced_by_this_process() -> None:
    assert Background(_fails_in_child, 21).result() == 42


def test_error_of_the_step_reaches_the_caller() -> None:
    with pytest.raises(ValueError, match="步骤失败"):
        Background(_always_fails).result()


@needs_fork
def test_result_is_computed_once() -> None:
    job = Background(_pid_of_caller)
    assert job.result() == job.result()


def test_collector_is_paused_inside() -> None:
    with paused_gc():
        assert gc.isenabled() is False


def test_collector_is_back_on_afterwards() -> None:
    with paused_gc():
        pass
    assert gc.isenabled() is True


def test_collector_left_off_stays_off() -> None:
    gc.disable()
    try:
        with paused_gc():
            pass
        assert gc.isenabled() is False
    finally:
        gc.enable()


def test_collector_is_back_on_after_an_error() -> None:
    with pytest.raises(KeyError):
        with paused_gc():
            raise KeyError("x")
    assert gc.isenabled() is True


def _write_slowly(path) -> None:
    from zcbatch.atomic import atomic_path

    with atomic_path(path) as temporary:
        temporary.write_bytes(b"half")
        time.sleep(60)


@needs_fork
def test_cancel_stops_the_child_quickly() -> None:
    job = Background(time.sleep, 60)
    started = time.monotonic()
    job.cancel()
    assert time.monotonic() - started < 30


@needs_fork
def test_cancelled_child_leaves_no_partial_file(tmp_path) -> None:
    job = Background(_write_slowly, tmp_path / "审核结果_标注.xlsx")
    deadline = time.monotonic() + 30
    while not list(tmp_path.iterdir()) and time.monotonic() < deadline:
        time.sleep(0.05)
    job.cancel()
    assert list(tmp_path.iterdir()) == []
