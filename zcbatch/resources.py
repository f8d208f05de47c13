"""Locate and load the data files that ship with zcbatch.

The folders ``schemas/``, ``templates/`` and ``sample_data/`` sit at the top of
the source tree and are copied into the package (``zcbatch/schemas`` and so
on) when the wheel is built. This module finds them in either place, so a
source checkout and an installed wheel behave the same.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml

_PACKAGE_DIR = Path(__file__).resolve().parent


def data_dir(name: str) -> Path:
    """Return the folder ``name`` (``schemas``, ``templates`` or ``sample_data``).

    >>> data_dir("schemas").joinpath("fields.yaml").is_file()
    True
    """
    for candidate in (_PACKAGE_DIR / name, _PACKAGE_DIR.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"zcbatch data folder {name!r} is missing from the installation")


@cache
def load_yaml(relative_path: str) -> Any:
    """Load a YAML file below ``schemas/``, cached for the process."""
    with open(data_dir("schemas") / relative_path, encoding="utf-8") as stream:
        return yaml.safe_load(stream)


def fields() -> dict[str, Any]:
    """Return the column definitions of the input workbook (``fields.yaml``)."""
    return load_yaml("fields.yaml")


def enums() -> dict[str, Any]:
    """Return the enumerations with their aliases (``enums.yaml``)."""
    return load_yaml("enums.yaml")


def qualifications() -> dict[str, dict[str, str]]:
    """Return the qualification name per series and level (``qualifications.yaml``)."""
    return load_yaml("qualifications.yaml")


def sample_workbook() -> Path:
    """Return the path of the bundled sample batch."""
    return data_dir("sample_data") / "申报汇总.xlsx"
