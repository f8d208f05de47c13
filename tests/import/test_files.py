"""Input files and folders: merging, skipped files and unusable input."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl
import pytest

from zcbatch.batch import read_batch
from zcbatch.errors import InputError


@pytest.fixture
def two_workbooks(tmp_path: Path, applicant: Any, write_workbook: Any) -> Path:
    write_workbook(applicant(1), name="一部.xlsx", folder=tmp_path)
    write_workbook(applicant(2, gender="女"), name="二部.xlsx", folder=tmp_path)
    return tmp_path


def test_folder_merges_workbooks(two_workbooks: Path) -> None:
    batch = read_batch(two_workbooks)
    assert batch.applicants["姓名"].tolist() == ["测试1", "测试2"]
    assert batch.applicants["_file"].tolist() == ["一部.xlsx", "二部.xlsx"]
    assert batch.sheets["学历信息"]["_file"].tolist() == ["一部.xlsx", "二部.xlsx"]
    assert batch.findings.empty


def test_folder_sources_listed(two_workbooks: Path) -> None:
    batch = read_batch(two_workbooks)
    assert [source.path.name for source in batch.sources] == ["一部.xlsx", "二部.xlsx"]


def test_file_list_merges_workbooks(two_workbooks: Path) -> None:
    batch = read_batch([two_workbooks / "二部.xlsx", two_workbooks / "一部.xlsx"])
    assert batch.applicants["姓名"].tolist() == ["测试2", "测试1"]


def test_file_named_twice_read_once(two_workbooks: Path, rule_findings: Any) -> None:
    batch = read_batch([two_workbooks, two_workbooks / "一部.xlsx", two_workbooks / "." / "一部.xlsx"])
    assert [source.path.name for source in batch.sources] == ["一部.xlsx", "二部.xlsx"]
    assert rule_findings(batch, "ID_DUPLICATE").empty


def test_upper_case_suffix_read(tmp_path: Path, applicant: Any, write_workbook: Any) -> None:
    write_workbook(applicant(), name="申报.XLSX", folder=tmp_path)
    batch = read_batch(tmp_path)
    assert batch.applicants["_file"].tolist() == ["申报.XLSX"]


def test_sheets_split_across_workbooks(tmp_path: Path, applicant: Any, write_workbook: Any) -> None:
    person = applicant()
    write_workbook({"个人信息": person.pop("个人信息")}, name="人员.xlsx", folder=tmp_path)
    write_workbook(person, name="明细.xlsx", folder=tmp_path)
    batch = read_batch(tmp_path)
    assert batch.findings.empty
    assert batch.sheets["考核情况"]["_file"].tolist() == ["明细.xlsx"]


def test_lock_and_hidden_files_skipped(two_workbooks: Path) -> None:
    (two_workbooks / "~$一部.xlsx").write_bytes(b"\x00owner-file")
    (two_workbooks / ".~二部.xlsx").write_bytes(b"\x00hidden")
    batch = read_batch(two_workbooks)
    assert [source.path.name for source in batch.sources] == ["一部.xlsx", "二部.xlsx"]


def test_other_files_in_folder_skipped(two_workbooks: Path) -> None:
    (two_workbooks / "说明.txt").write_text("附件说明", encoding="utf-8")
    batch = read_batch(two_workbooks)
    assert len(batch.sources) == 2


def test_lock_file_named_raises(two_workbooks: Path) -> None:
    lock = two_workbooks / "~$一部.xlsx"
    lock.write_bytes(b"\x00owner-file")
    with pytest.raises(InputError, match="“~\\$一部.xlsx”是 Office 临时锁文件"):
        read_batch(lock)


def test_missing_file_raises(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="找不到输入文件.*不存在的表.xlsx"):
        read_batch(tmp_path / "不存在的表.xlsx")


def test_empty_file_raises(tmp_path: Path) -> None:
    path = tmp_path / "空表.xlsx"
    path.write_bytes(b"")
    with pytest.raises(InputError, match="“空表.xlsx”是空文件"):
        read_batch(path)


def test_renamed_text_file_raises(tmp_path: Path) -> None:
    path = tmp_path / "名单.xlsx"
    path.write_text("姓名,证件号码\n测试1,120101199703150014\n", encoding="utf-8")
    with pytest.raises(InputError, match="“名单.xlsx”无法作为电子表格打开"):
        read_batch(path)


@pytest.mark.parametrize("suffix", [".xls", ".ods"])
def test_renamed_text_file_other_formats_raise(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"名单{suffix}"
    path.write_text("姓名,证件号码\n", encoding="utf-8")
    with pytest.raises(InputError, match=f"“名单{suffix}”无法作为电子表格打开"):
        read_batch(path)


def test_unsupported_suffix_raises(tmp_path: Path) -> None:
    path = tmp_path / "名单.csv"
    path.write_text("姓名,证件号码\n", encoding="utf-8")
    with pytest.raises(InputError, match="“名单.csv”不是支持的电子表格格式"):
        read_batch(path)


def test_folder_without_spreadsheets_raises(tmp_path: Path) -> None:
    folder = tmp_path / "申报材料"
    folder.mkdir()
    (folder / "说明.txt").write_text("附件说明", encoding="utf-8")
    (folder / "~$申报.xlsx").write_bytes(b"\x00owner-file")
    with pytest.raises(InputError, match="文件夹“.*申报材料”中没有电子表格"):
        read_batch(folder)


def test_no_paths_raises() -> None:
    with pytest.raises(InputError, match="没有指定输入文件"):
        read_batch([])


def test_missing_required_sheet_raises(applicant: Any, write_workbook: Any) -> None:
    person = applicant()
    del person["考核情况"]
    path = write_workbook(person)
    with pytest.raises(InputError, match="“申报信息.xlsx”中缺少必需的工作表：考核情况。"):
        read_batch(path)


def test_missing_sheets_listed_for_folder(tmp_path: Path, applicant: Any, write_workbook: Any) -> None:
    person = applicant()
    write_workbook({"个人信息": person["个人信息"]}, name="a.xlsx", folder=tmp_path)
    write_workbook({"学历信息": person["学历信息"]}, name="b.xlsx", folder=tmp_path)
    with pytest.raises(InputError, match="这 2 个文件中缺少必需的工作表：工作经历、继续教育、考核情况。"):
        read_batch(tmp_path)


def test_sheet_synonym_accepted(applicant: Any, write_workbook: Any) -> None:
    person = applicant()
    person["年度考核"] = person.pop("考核情况")
    batch = read_batch(write_workbook(person))
    assert batch.sheets["考核情况"]["_sheet"].tolist() == ["年度考核"]


def test_unknown_sheet_reported(applicant: Any, write_workbook: Any, rule_findings: Any) -> None:
    person: dict[str, Any] = applicant()
    person["统计"] = [["合计", 1]]
    batch = read_batch(write_workbook(person))
    found = rule_findings(batch, "SHEET_UNKNOWN")
    assert len(found) == 1
    assert found.at[0, "级别"] == "提示"
    assert found.at[0, "工作表"] == "统计"
    assert "已忽略" in found.at[0, "说明"]


def test_hidden_sheet_read_and_reported(applicant: Any, write_workbook: Any, rule_findings: Any) -> None:
    path = write_workbook(applicant())
    workbook = openpyxl.load_workbook(path)
    workbook["考核情况"].sheet_state = "hidden"
    workbook.save(path)
    batch = read_batch(path)
    found = rule_findings(batch, "SHEET_HIDDEN")
    assert len(found) == 1
    assert found.at[0, "级别"] == "提示"
    assert found.at[0, "工作表"] == "考核情况"
    assert len(batch.sheets["考核情况"]) == 1
