"""Field rules of 单位信息: credit code (GB 32100), superior unit and district."""

from __future__ import annotations

from typing import Any

import pytest

from zcbatch.batch import Batch

SHEET = "单位信息"
SUPERIOR_UNIT = "天津经济技术开发区人力资源和社会保障局"


def item_rows(batch: Batch) -> dict[str, int]:
    return dict(zip(batch.unit_items["项目"], batch.unit_items["_row"]))


@pytest.fixture(scope="module")
def valid_batch(applicant: Any, unit_info: Any, load_batch: Any) -> Batch:
    return load_batch(applicant(), unit=unit_info())


def test_valid_unit_no_findings(valid_batch: Batch) -> None:
    assert valid_batch.findings.empty


def test_valid_unit_values(valid_batch: Batch, make_credit_code: Any) -> None:
    assert valid_batch.unit["统一社会信用代码"] == make_credit_code()


@pytest.mark.parametrize("typed", ["lower", "spaced"])
def test_credit_code_forms_accepted(applicant: Any, unit_info: Any, load_batch: Any, make_credit_code: Any,
                                    typed: str) -> None:
    code = make_credit_code()
    value = code.lower() if typed == "lower" else f"{code[:9]} {code[9:]}"
    batch = load_batch(applicant(), unit=unit_info(统一社会信用代码=value))
    assert batch.findings.empty


@pytest.fixture(scope="module")
def invalid_batch(applicant: Any, unit_info: Any, load_batch: Any, make_credit_code: Any) -> Batch:
    code = make_credit_code()
    wrong = code[:17] + ("1" if code[17] != "1" else "2")
    items = unit_info(统一社会信用代码=wrong, 上级单位="天津市人力资源和社会保障局", 行政区划="滨海新区")
    return load_batch(applicant(), unit=items)


INVALID = [
    ("统一社会信用代码", "USCC_INVALID", "末位校验码须符合 GB 32100"),
    ("上级单位", "SUPERIOR_UNIT", f"上级单位填写为“天津市人力资源和社会保障局”，应为“{SUPERIOR_UNIT}”"),
    ("行政区划", "DISTRICT", "行政区划填写为“滨海新区”，应为“经济技术开发区”"),
]


@pytest.mark.parametrize(("item", "rule", "words"), INVALID, ids=[case[1] for case in INVALID])
def test_unit_item_rejected(invalid_batch: Batch, rule_findings: Any, cell: Any, item: str, rule: str,
                            words: str) -> None:
    found = rule_findings(invalid_batch, rule, sheet=SHEET)
    assert len(found) == 1
    assert found.at[0, "级别"] == "错误"
    assert found.at[0, "_kind"] == "review"
    assert found.at[0, "列"] == "内容"
    assert cell(invalid_batch, found.iloc[0]) == f"B{item_rows(invalid_batch)[item]}"
    assert words in found.at[0, "说明"]


def test_unit_item_rows(invalid_batch: Batch) -> None:
    """Items follow the order of the 项目 column, under a header in row 1."""
    rows = item_rows(invalid_batch)
    assert [rows["统一社会信用代码"], rows["行政区划"], rows["上级单位"]] == [3, 4, 8]


def test_unit_findings_only_these(invalid_batch: Batch) -> None:
    assert sorted(invalid_batch.findings["规则"]) == ["DISTRICT", "SUPERIOR_UNIT", "USCC_INVALID"]


@pytest.mark.parametrize("code", ["91120116MA05XK3L7", "9112011", "91120116MA05XK3L7I"],
                         ids=["seventeen-characters", "short", "letter-i"])
def test_credit_code_malformed(applicant: Any, unit_info: Any, load_batch: Any, rule_findings: Any, code: str) -> None:
    batch = load_batch(applicant(), unit=unit_info(统一社会信用代码=code))
    found = rule_findings(batch, "USCC_INVALID", sheet=SHEET)
    assert len(found) == 1
    assert f"统一社会信用代码“{code}”无效" in found.at[0, "说明"]


def test_superior_unit_padded_accepted(applicant: Any, unit_info: Any, load_batch: Any) -> None:
    batch = load_batch(applicant(), unit=unit_info(上级单位=f" {SUPERIOR_UNIT}\u3000", 行政区划="经济技术开发区 "))
    assert batch.findings.empty
