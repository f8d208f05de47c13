"""The rules run on whole columns, never row by row in Python.

What a static check can establish, and what this file checks:

- No call of ``.apply(``, ``.applymap(``, ``.iterrows(`` or ``.itertuples(``
  appears in ``zcbatch/rules/*.py`` or ``zcbatch/evaluate.py`` (found as
  attribute nodes of the parsed source, so comments and strings do not count).
- In ``zcbatch/rules/eligibility.py`` and ``zcbatch/rules/terms.py`` every
  ``for`` statement, comprehension and ``while`` loop iterates over a literal
  tuple or list of constants (column names, labels) or over a policy table
  listed in ``POLICY_ITERABLES``. A loop over a DataFrame, a Series or its
  values would have another iterable and fails the test.

What it cannot establish: the type of a value at run time. A policy table
renamed to a variable that holds a Series would pass, so the allowed
iterables are listed by their exact source text.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
RULE_FILES = sorted((ROOT / "zcbatch" / "rules").glob("*.py")) + [ROOT / "zcbatch" / "evaluate.py"]
ROW_BY_ROW = {"apply", "applymap", "iterrows", "itertuples"}

# Iterables that walk the policy's nested tables (level → tier → value) or
# module constants built from them.
POLICY_ITERABLES = {
    "terms.py": {
        "enumerate(TIERS)",
        "enumerate(LEVELS)",
        "TIER_RANK.items()",
        "policy.prerequisites.items()",
        "tiers.items()",
        "table.items()",
    },
    "eligibility.py": {
        "JUNIOR_LEVELS",
        "settings['registration_form_keywords']",
        "policy.prerequisites.items()",
        "tiers.items()",
    },
}


def parse(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def row_by_row_calls(path: Path) -> list[str]:
    return [
        f"{path.name}:{node.lineno} .{node.func.attr}("
        for node in ast.walk(parse(path))
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in ROW_BY_ROW
    ]


def is_constant_literal(node: ast.expr) -> bool:
    if isinstance(node, ast.Constant):
        return True
    if isinstance(node, (ast.Tuple, ast.List, ast.Set)):
        return all(is_constant_literal(element) for element in node.elts)
    return False


def loop_iterables(path: Path) -> list[tuple[int, ast.expr | None]]:
    """Return (line, iterable) of every loop; ``None`` stands for a while loop."""
    found: list[tuple[int, ast.expr | None]] = []
    for node in ast.walk(parse(path)):
        if isinstance(node, (ast.For, ast.AsyncFor)):
            found.append((node.lineno, node.iter))
        elif isinstance(node, (ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)):
            found.extend((node.lineno, generator.iter) for generator in node.generators)
        elif isinstance(node, ast.While):
            found.append((node.lineno, None))
    return found


def disallowed_loops(path: Path) -> list[str]:
    allowed = POLICY_ITERABLES[path.name]
    problems = []
    for line, iterable in loop_iterables(path):
        if iterable is None:
            problems.append(f"{path.name}:{line} while")
        elif not is_constant_literal(iterable) and ast.unparse(iterable) not in allowed:
            problems.append(f"{path.name}:{line} for … in {ast.unparse(iterable)}")
    return problems


@pytest.mark.parametrize("path", RULE_FILES, ids=lambda path: path.name)
def test_no_row_by_row_calls(path):
    assert row_by_row_calls(path) == []


@pytest.mark.parametrize("name", sorted(POLICY_ITERABLES))
def test_loops_only_over_policy_tables(name):
    assert disallowed_loops(ROOT / "zcbatch" / "rules" / name) == []


def test_checker_catches_applicant_loop(tmp_path):
    sample = tmp_path / "eligibility.py"
    sample.write_text("for _, row in terms.iterrows():\n    pass\nfor key in terms['证件号码']:\n    pass\n", encoding="utf-8")
    assert disallowed_loops(sample) == ["eligibility.py:1 for … in terms.iterrows()", "eligibility.py:3 for … in terms['证件号码']"]


def test_checker_catches_apply(tmp_path):
    sample = tmp_path / "evaluate.py"
    sample.write_text("terms.apply(len, axis=1)\n", encoding="utf-8")
    assert row_by_row_calls(sample) == ["evaluate.py:1 .apply("]
