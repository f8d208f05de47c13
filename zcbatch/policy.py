"""Policy files: the numbers of the eligibility rules, as named, versioned data.

A policy is a YAML file (``schemas/policies/<name>.yaml``). The guide fixes
some values (continuing-education hours, the years of continuing education
and appraisal per education tier); where it is silent, the file holds the
national practice as a default that a district or year may change. Every
key is checked: an unknown key or a missing value is rejected with a Chinese
message naming the key, so a typo never silently falls back to a default.

>>> policy = load_policy("teda-2024")
>>> policy.name, policy.min_work_years["助理级"]["本科"]
('teda-2024', 1)
"""

from __future__ import annotations

import copy
import functools
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from zcbatch.errors import PolicyError
from zcbatch.resources import data_dir

DEFAULT_POLICY = "teda-2024"
TIERS = ("博士", "硕士", "本科", "大专", "中专及以下")
LEVELS = ("员级", "助理级", "中级")
JUNIOR_LEVELS = ("员级", "助理级")

# The shape every policy file must have. A dict lists its keys, and a type is
# the type of a leaf. "tier_map" and "level_map" are mappings whose keys must
# be tiers or levels, and "list" is a non-empty list of items of the type that follows.
_SHAPE: dict[str, Any] = {
    "name": str,
    "version": str,
    "title": str,
    "min_work_years": "level_map/tier_map/int",
    "refusals": "level_map/tier_map/str",
    "prerequisites": "level_map/tier_map/prerequisite",
    "continuing_education": {
        "window_end_offset": int,
        "years": "level_map/tier_map/int",
        "min_hours": {"公需": (int, float), "专业": (int, float), "总": (int, float)},
    },
    "appraisal": {
        "window_end_offset": int,
        "years": "tier_map/int",
        "doctor_master_after_work_years": int,
        "passing_results": "list/str",
    },
    "attachments": {
        "registration_form_keywords": "list/str",
        "degrees_without_certificate": "list/str",
        "photo_max_kb": (int, float),
    },
    "review": {
        "committee_min_members": int,
        "attendance_should_be_odd": bool,
        "majority_fraction": (int, float),
        "publicity_min_workdays": int,
        "appointment_in_application_month": bool,
    },
}
_PREREQUISITE_KEYS = {"level": str, "years_from_grant": int}


@dataclass(frozen=True)
class Policy:
    """The values of one policy file."""

    name: str
    version: str
    title: str
    min_work_years: dict[str, dict[str, int]]
    refusals: dict[str, dict[str, str]]
    prerequisites: dict[str, dict[str, dict[str, Any]]]
    continuing_education: dict[str, Any]
    appraisal: dict[str, Any]
    attachments: dict[str, Any]
    review: dict[str, Any]
    source: Path = field(default=Path(), compare=False)

    @property
    def label(self) -> str:
        """Return ``name version`` for reports and the manifest."""
        return f"{self.name} {self.version}"


def available_policies() -> list[str]:
    """Return the names of the bundled policies."""
    return sorted(path.stem for path in (data_dir("schemas") / "policies").glob("*.yaml"))


def load_policy(name_or_path: str | os.PathLike | None = None) -> Policy:
    """Load a bundled policy by name, or a policy file by path.

    Raises :class:`~zcbatch.errors.PolicyError` with a Chinese message when
    the file is missing, is not valid YAML, or has unknown or missing keys.
    """
    name_or_path = name_or_path or DEFAULT_POLICY
    path = Path(name_or_path)
    if not path.suffix:
        bundled = data_dir("schemas") / "policies" / f"{name_or_path}.yaml"
        if not bundled.is_file():
            names = "、".join(available_policies())
            raise PolicyError(f"找不到名为“{name_or_path}”的政策。内置政策有：{names}；也可以给出政策文件的路径。")
        path = bundled
    if not path.is_file():
        raise PolicyError(f"找不到政策文件“{path}”。请检查路径。")
    try:
        # Each call gets its own copy, so a caller may change its policy freely.
        data = copy.deepcopy(_parse(path.read_text(encoding="utf-8")))
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        raise PolicyError(f"政策文件“{path.name}”不是有效的 YAML：{error}。请检查缩进和冒号。") from error
    if not isinstance(data, dict):
        raise PolicyError(f"政策文件“{path.name}”的内容应为键值结构。")
    problems = _validate(data, _SHAPE, "")
    if problems:
        listed = "；".join(problems[:10])
        raise PolicyError(f"政策文件“{path.name}”有误：{listed}。请对照内置政策 {DEFAULT_POLICY}.yaml 修改。")
    return Policy(**data, source=path)


@functools.lru_cache(maxsize=16)
def _parse(text: str) -> Any:
    """Parse the text of a policy file, once for each distinct text."""
    return yaml.safe_load(text)


def _validate(value: Any, shape: Any, where: str) -> list[str]:
    label = where or "顶层"
    if isinstance(shape, dict):
        if not isinstance(value, dict):
            return [f"“{label}”应为键值结构"]
        problems = [f"未知的键“{_join(where, key)}”" for key in value if key not in shape]
        for key, sub_shape in shape.items():
            if key not in value or value[key] is None:
                problems.append(f"缺少“{_join(where, key)}”的值")
            else:
                problems.extend(_validate(value[key], sub_shape, _join(where, key)))
        return problems
    if isinstance(shape, str):
        head, _, rest = shape.partition("/")
        if head in ("level_map", "tier_map"):
            allowed = LEVELS if head == "level_map" else TIERS
            if not isinstance(value, dict):
                return [f"“{label}”应为键值结构"]
            problems = [f"“{_join(where, key)}”不是有效的{'申报层级' if head == 'level_map' else '学历层次'}"
                        for key in value if key not in allowed]
            for key, item in value.items():
                if key in allowed:
                    problems.extend(_validate(item, rest, _join(where, key)))
            return problems
        if head == "prerequisite":
            return _validate(value, _PREREQUISITE_KEYS, where)
        if head == "list":
            if not isinstance(value, list):
                return [f"“{label}”应为列表"]
            if not value:
                return [f"“{label}”不能为空列表"]
            problems = []
            for number, item in enumerate(value, start=1):
                item_label = f"{label}第{number}项"
                problems.extend(_validate(item, rest, item_label))
                if isinstance(item, str) and (not item.strip() or item != item.strip()):
                    problems.append(f"“{item_label}”“{item}”为空或前后有空格")
            return problems
        leaf = {"int": int, "str": str}[head]
        return _validate(value, leaf, where)
    # YAML true/false load as bool, which Python counts as an int, so a
    # number leaf rejects them explicitly.
    takes_bool = shape is bool or (isinstance(shape, tuple) and bool in shape)
    if value is None or (isinstance(value, bool) and not takes_bool) or not isinstance(value, shape):
        return [f"“{label}”的值“{value}”类型不对"]
    if isinstance(value, (int, float)) and not isinstance(value, bool) and value < 0 and not where.endswith("offset"):
        return [f"“{label}”不能为负数"]
    return []


def _join(where: str, key: object) -> str:
    return f"{where}.{key}" if where else str(key)
