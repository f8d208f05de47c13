"""The committed template guide is the output of docs/make_field_guide.py."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path
from types import ModuleType

import pytest

from zcbatch import resources

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "docs" / "make_field_guide.py"
GUIDE = ROOT / "docs" / "输入模板填写说明.md"


@pytest.fixture(scope="module")
def guide_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_field_guide", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def generated(guide_script: ModuleType) -> str:
    return guide_script.render_guide()


def _sheet_section(text: str, sheet: str) -> str:
    match = re.search(rf"^### {sheet}\n(.*?)(?=^##)", text, flags=re.S | re.M)
    assert match is not None, f"no section for sheet {sheet}"
    return match.group(1)


def test_committed_guide_is_current(generated: str) -> None:
    assert GUIDE.read_text(encoding="utf-8") == generated, "run: python docs/make_field_guide.py"


@pytest.mark.parametrize("sheet", list(resources.fields()["sheets"]))
def test_every_column_has_a_row(generated: str, sheet: str) -> None:
    section = _sheet_section(generated, sheet)
    rows = re.findall(r"^\| ([^|]+?) \| (必填|必填（有默认值）|选填) \|", section, flags=re.M)
    names = [name for name, _ in rows]
    expected = [column["name"] for column in resources.fields()["sheets"][sheet]["columns"]]
    assert names == expected


def test_required_columns_marked(generated: str) -> None:
    section = _sheet_section(generated, "学历信息")
    assert "| 备注 | 选填 |" in section
    assert "| 毕业时间 | 必填 |" in section


def test_default_value_explained(generated: str) -> None:
    section = _sheet_section(generated, "个人信息")
    row = next(line for line in section.splitlines() if line.startswith("| 国别 |"))
    assert "必填（有默认值）" in row
    assert "留空时按“中国”处理" in row


def test_synonyms_listed(generated: str) -> None:
    section = _sheet_section(generated, "个人信息")
    row = next(line for line in section.splitlines() if line.startswith("| 手机号码 |"))
    assert "列名也可写作：手机、手机号、移动电话。" in row


def test_example_from_template(generated: str) -> None:
    section = _sheet_section(generated, "个人信息")
    row = next(line for line in section.splitlines() if line.startswith("| 出生日期 |"))
    assert "示例：1997-03-15" in row


def test_short_enum_listed_inline(generated: str) -> None:
    section = _sheet_section(generated, "学历信息")
    row = next(line for line in section.splitlines() if line.startswith("| 学制 |"))
    assert "| 全日制、非全日制 |" in row


def test_aliases_in_appendix(generated: str) -> None:
    assert "大专 → 大学专科" in generated
    assert "不接受：研究生" in generated


def test_qualification_table(generated: str) -> None:
    assert "| 工程技术 | 技术员 | 助理工程师 | 工程师 |" in generated
    assert "| 经济 | — | 助理经济师 | 经济师 |" in generated


def test_check_reports_stale_guide(guide_script: ModuleType, tmp_path: Path,
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    stale = tmp_path / "输入模板填写说明.md"
    stale.write_text("# 旧版本\n", encoding="utf-8")
    monkeypatch.setattr(guide_script, "GUIDE_PATH", stale)
    assert guide_script.main(["--check"]) == 1


def test_write_then_check_passes(guide_script: ModuleType, tmp_path: Path,
                                 monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "输入模板填写说明.md"
    monkeypatch.setattr(guide_script, "GUIDE_PATH", target)
    assert guide_script.main([]) == 0
    assert guide_script.main(["--check"]) == 0
