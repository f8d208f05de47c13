"""The check every rejected field case shares: one finding of its rule, at its cell, with its words."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from zcbatch.batch import Batch


def rules_on_row(batch: Batch, sheet: str, row: int) -> list[str]:
    """Return the sorted rule codes found on one Excel row of one sheet."""
    found = batch.findings
    return sorted(found.loc[(found["工作表"] == sheet) & (found["行号"] == row), "规则"])


@pytest.fixture(scope="session")
def assert_rejected(rule_findings: Any, cell: Any) -> Callable[..., None]:
    """Return a check that a case's row has exactly one finding, of ``rule``, at ``column``, quoting ``words``."""

    def check(batch: Batch, sheet: str, letters: dict[str, str], row: int, rule: str, column: str, words: str,
              severity: str = "错误") -> None:
        found = rule_findings(batch, rule, row, sheet)
        assert len(found) == 1
        assert found.at[0, "级别"] == severity
        assert cell(batch, found.iloc[0]) == f"{letters[column]}{row}"
        assert words in found.at[0, "说明"]
        assert rules_on_row(batch, sheet, row) == [rule]

    return check
