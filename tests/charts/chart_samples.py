"""Realistic chart inputs: a batch of 40 applicants and a 2,000-row continuing-education table.

The data are generated from fixed seeds, so every run draws the same charts.
Names mix common characters with given-name characters outside GB 2312
(喆, 玥, 堃), which the bundled font must still render.
"""

from __future__ import annotations

import random

import numpy as np
import pandas as pd

from zcbatch.codes import RULES

SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕"
GIVEN_NAME_CHARACTERS = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂喆玥堃昊睿婧琦"
TIER_WEIGHTS = {"博士": 2, "硕士": 8, "本科": 18, "大专": 9, "中专及以下": 3}
STATUS_WEIGHTS = {"可聘任": 20, "需补充材料": 8, "不符合条件": 8, "数据错误": 4}


def applicant_names(count: int = 40, seed: int = 7) -> list[str]:
    """Return ``count`` distinct two- or three-character names."""
    generator = random.Random(seed)
    names: list[str] = []
    while len(names) < count:
        length = generator.choice([1, 2])
        name = generator.choice(SURNAMES) + "".join(
            generator.choice(GIVEN_NAME_CHARACTERS) for _ in range(length)
        )
        if name not in names:
            names.append(name)
    return names


def applicants(seed: int = 7) -> pd.DataFrame:
    """Return 40 applicants with 姓名, 学历层次, 申报层级 and 状态, where some 数据错误 rows lack a tier."""
    generator = random.Random(seed)
    rows = []
    for name in applicant_names(40, seed):
        tier = generator.choices(list(TIER_WEIGHTS), list(TIER_WEIGHTS.values()))[0]
        level = {
            "博士": generator.choice(["中级", "助理级"]),
            "硕士": generator.choice(["中级", "助理级"]),
            "本科": "助理级",
            "大专": generator.choice(["员级", "助理级"]),
            "中专及以下": "员级",
        }[tier]
        status = generator.choices(list(STATUS_WEIGHTS), list(STATUS_WEIGHTS.values()))[0]
        if status == "数据错误" and generator.random() < 0.5:
            tier = None
        rows.append({"姓名": name, "学历层次": tier, "申报层级": level, "状态": status})
    return pd.DataFrame(rows)


def findings(seed: int = 7, count: int = 130) -> pd.DataFrame:
    """Return ``count`` findings over many rule codes, with each rule's own severity."""
    generator = random.Random(seed)
    codes = list(RULES)
    weighted = codes + ["CE_HOURS"] * 10 + ["EDU_ATTACHMENT"] * 8 + ["ID_LOST_DIGITS"] * 5
    rows = []
    for _ in range(count):
        code = generator.choice(weighted)
        rows.append({"规则": code, "级别": RULES[code].severity})
    return pd.DataFrame(rows)


def ce_small(seed: int = 7) -> pd.DataFrame:
    """Return about 30 applicant-year rows for 18 applicants."""
    generator = random.Random(seed)
    rows = []
    for name in applicant_names(18, seed):
        for year in generator.choice([[2024], [2022, 2023, 2024]]):
            rows.append({
                "姓名": name,
                "年度": year,
                "公需科目学时数": generator.choice([32, 32, 40, 24, 16]),
                "专业培训学时数": generator.choice([64, 72, 48, 80, 90, 56]),
                "要求公需": 32,
                "要求专业": 64,
            })
    return pd.DataFrame(rows)


def ce_large(rows: int = 2000, seed: int = 3) -> pd.DataFrame:
    """Return ``rows`` applicant-year rows with names of the form 人员N."""
    generator = np.random.default_rng(seed)
    return pd.DataFrame({
        "姓名": [f"人员{index}" for index in range(rows)],
        "年度": 2024,
        "公需科目学时数": generator.choice([16, 24, 32, 32, 32, 40, 48], rows),
        "专业培训学时数": np.clip(generator.normal(72, 18, rows).round(), 0, None),
        "要求公需": 32,
        "要求专业": 64,
    })
