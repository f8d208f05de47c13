"""Tests of the bundled sample batch sample_data/申报汇总.xlsx and its generator.

The generator runs twice into temporary folders. Its output must be
byte-identical between runs and equal, cell for cell, to the committed
workbook. The remaining tests read the committed files as a user would.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest
from stdnum.cn import ric, uscc

from zcbatch.codes import ERROR, RULES, STATUSES, WARNING
from zcbatch.resources import fields

SAMPLE_DIR = Path(__file__).resolve().parents[2] / "sample_data"
GENERATOR = SAMPLE_DIR / "make_sample.py"
WORKBOOK = SAMPLE_DIR / "申报汇总.xlsx"
ATTACHMENTS = SAMPLE_DIR / "附件"
README = SAMPLE_DIR / "README.md"

EXTRA_PERSONAL_COLUMNS = {"备注（内部）", "预期状态", "预期规则"}
# Rule codes of applicants whose 证件号码 is deliberately not a valid 18-digit ID.
INVALID_ID_RULES = {"ID_CHECKSUM", "ID_15_DIGITS", "ID_LOST_DIGITS", "ID_FORMAT"}
TIANJIN_REGIONS = {f"1201{n:02d}" for n in range(1, 20)}
TABLE_SHEETS = ["个人信息", "学历信息", "工作经历", "继续教育", "考核情况", "单位审核"]
ATTACHMENT_COLUMNS = {"个人信息": ["照片", "职称证书附件", "业绩佐证材料"], "学历信息": ["附件"], "继续教育": ["附件"]}


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def run_generator(out_dir: Path, *options: str) -> str:
    completed = subprocess.run([sys.executable, str(GENERATOR), "--out", str(out_dir), *options],
                               capture_output=True, text=True, check=True)
    return completed.stdout


def key_column(sheet: str) -> str:
    return "身份证号" if sheet == "学历信息" else "证件号码"


def header(ws) -> list[str]:
    return [cell.value for cell in ws[1] if cell.value is not None]


def records(ws) -> list[dict[str, object]]:
    """Return the non-blank data rows of a sheet as dicts keyed by header."""
    names = [cell.value for cell in ws[1]]
    rows = []
    for values in ws.iter_rows(min_row=2, values_only=True):
        if any(value is not None for value in values):
            rows.append(dict(zip(names, values)))
    return rows


def id_key(value: object) -> str:
    """Return the join key of an ID cell: trimmed, upper-case text, or the number's repr."""
    if isinstance(value, float):
        return repr(value)
    return str(value).strip().upper()


def cell_dump(path: Path) -> dict[str, object]:
    """Return every cell's value and number format, plus the merged ranges, per sheet."""
    wb = openpyxl.load_workbook(path)
    dump: dict[str, object] = {}
    for ws in wb.worksheets:
        cells = [(cell.coordinate, cell.value, cell.number_format)
                 for row in ws.iter_rows() for cell in row if cell.value is not None]
        dump[ws.title] = (cells, sorted(str(merged) for merged in ws.merged_cells.ranges))
    return dump


@pytest.fixture(scope="module")
def generated(tmp_path_factory) -> tuple[Path, Path]:
    first = tmp_path_factory.mktemp("sample_first")
    second = tmp_path_factory.mktemp("sample_second")
    run_generator(first)
    run_generator(second)
    return first, second


@pytest.fixture(scope="module")
def workbook() -> openpyxl.Workbook:
    return openpyxl.load_workbook(WORKBOOK)


@pytest.fixture(scope="module")
def applicants(workbook) -> list[dict[str, object]]:
    return records(workbook["个人信息"])


def expected_rules(applicant: dict[str, object]) -> list[str]:
    raw = applicant["预期规则"]
    return str(raw).split(",") if raw else []


def invalid_id_keys(applicants: list[dict[str, object]]) -> set[str]:
    return {id_key(a["证件号码"]) for a in applicants if INVALID_ID_RULES & set(expected_rules(a))}


# --- Determinism


def test_generator_twice_same_workbook_bytes(generated):
    first, second = generated
    assert sha256(first / WORKBOOK.name) == sha256(second / WORKBOOK.name)


def test_generator_twice_same_attachments(generated):
    first, second = generated
    first_files = {path.name: sha256(path) for path in (first / ATTACHMENTS.name).iterdir()}
    second_files = {path.name: sha256(path) for path in (second / ATTACHMENTS.name).iterdir()}
    assert first_files == second_files


def test_committed_workbook_matches_generator(generated):
    assert cell_dump(WORKBOOK) == cell_dump(generated[0] / WORKBOOK.name)


def test_committed_attachments_match_generator(generated):
    fresh = {path.name: sha256(path) for path in (generated[0] / ATTACHMENTS.name).iterdir()}
    committed = {path.name: sha256(path) for path in ATTACHMENTS.iterdir()}
    assert committed == fresh


def test_workbook_properties_fixed(workbook):
    assert workbook.properties.modified == dt.datetime(2026, 11, 20, 9, 0, 0)


# --- Layout against fields.yaml


def test_sheet_names_match_fields(workbook):
    assert set(workbook.sheetnames) == set(fields()["sheets"])


@pytest.mark.parametrize("sheet", TABLE_SHEETS)
def test_headers_match_fields(workbook, sheet):
    columns = fields()["sheets"][sheet]["columns"]
    accepted = {name: column["name"] for column in columns for name in [column["name"], *column.get("synonyms", [])]}
    extras = EXTRA_PERSONAL_COLUMNS if sheet == "个人信息" else set()
    headers = header(workbook[sheet])
    for name in headers:
        assert name in accepted or name in extras, f"{sheet}: unexpected header {name}"
    resolved = [accepted[name] for name in headers if name in accepted]
    assert sorted(resolved) == sorted(column["name"] for column in columns)


def test_education_key_uses_synonym(workbook):
    assert header(workbook["学历信息"])[0] == "身份证号"


def test_unit_info_keys_match_fields(workbook):
    ws = workbook["单位信息"]
    assert [ws["A1"].value, ws["B1"].value] == ["项目", "内容"]
    keys = [row[0] for row in ws.iter_rows(min_row=2, values_only=True)]
    assert keys == [column["name"] for column in fields()["sheets"]["单位信息"]["columns"]]


def test_unit_info_values(workbook):
    info = {row[0]: row[1] for row in workbook["单位信息"].iter_rows(min_row=2, values_only=True)}
    assert uscc.is_valid(info["统一社会信用代码"])
    assert info["申报年度"] == 2026
    assert info["申报日期"] == dt.datetime(2026, 11, 20)
    assert info["上级单位"] == "天津经济技术开发区人力资源和社会保障局"
    assert info["行政区划"] == "经济技术开发区"
    assert (info["推荐委员会总人数"], info["参加人数"], info["赞成人数"]) == (7, 7, 7)
    assert (info["公示开始日期"], info["公示结束日期"]) == (dt.datetime(2026, 11, 23), dt.datetime(2026, 11, 27))


# --- Applicants


def test_at_least_40_applicants(applicants):
    assert len(applicants) >= 40


def test_about_half_eligible(applicants):
    eligible = [a for a in applicants if a["预期状态"] == "可聘任"]
    assert len(eligible) * 100 // len(applicants) >= 40


def test_every_status_present(applicants):
    assert {a["预期状态"] for a in applicants} == set(STATUSES)


def test_expected_status_filled(applicants):
    for applicant in applicants:
        assert applicant["预期状态"] in STATUSES, applicant["姓名"]


def test_expected_rules_filled_unless_eligible(applicants):
    for applicant in applicants:
        if applicant["预期状态"] != "可聘任":
            assert expected_rules(applicant), applicant["姓名"]


def test_expected_rules_known_and_sorted(applicants):
    for applicant in applicants:
        codes = expected_rules(applicant)
        assert codes == sorted(set(codes)), applicant["姓名"]
        for code in codes:
            assert code in RULES, f"{applicant['姓名']}: unknown rule {code}"
            assert RULES[code].severity in (ERROR, WARNING), f"{applicant['姓名']}: {code} is a 提示"


def test_expected_status_follows_rules(applicants):
    for applicant in applicants:
        rules = [RULES[code] for code in expected_rules(applicant)]
        if any(r.severity == ERROR and r.kind in ("field", "review") for r in rules):
            derived = "数据错误"
        elif any(r.severity == ERROR and r.kind == "eligibility" for r in rules):
            derived = "不符合条件"
        elif any(r.severity == WARNING and r.kind == "material" for r in rules):
            derived = "需补充材料"
        else:
            derived = "可聘任"
        assert applicant["预期状态"] == derived, applicant["姓名"]


def test_valid_ids_pass_gb11643(workbook, applicants):
    invalid = invalid_id_keys(applicants)
    for sheet in TABLE_SHEETS:
        for row in records(workbook[sheet]):
            value = row[key_column(sheet)]
            if id_key(value) in invalid:
                continue
            number = str(value).strip()
            assert ric.is_valid(number), f"{sheet}: {number}"
            assert number[:6] in TIANJIN_REGIONS, f"{sheet}: {number}"


def test_deliberately_invalid_ids_fail(applicants):
    for applicant in applicants:
        if INVALID_ID_RULES & set(expected_rules(applicant)):
            assert not ric.is_valid(str(applicant["证件号码"])), applicant["姓名"]


def test_id_cells_text_except_lost_digits(workbook, applicants):
    lost = {id_key(a["证件号码"]) for a in applicants if "ID_LOST_DIGITS" in expected_rules(a)}
    for sheet in TABLE_SHEETS:
        ws = workbook[sheet]
        column = header(ws).index(key_column(sheet)) + 1
        for (cell,) in ws.iter_rows(min_row=2, min_col=column, max_col=column):
            if cell.value is None:
                continue
            if id_key(cell.value) in lost:
                assert isinstance(cell.value, float), f"{sheet}!{cell.coordinate}"
            else:
                assert cell.number_format == "@", f"{sheet}!{cell.coordinate}"


def test_lost_digits_id_is_excel_number(applicants):
    lost = [a["证件号码"] for a in applicants if "ID_LOST_DIGITS" in expected_rules(a)]
    assert lost == [1.20101199001011e17]


def test_gender_digit_matches_unless_intended(applicants):
    invalid = invalid_id_keys(applicants)
    for applicant in applicants:
        number = str(applicant["证件号码"]).strip().upper()
        if id_key(applicant["证件号码"]) in invalid or "ID_GENDER_MISMATCH" in expected_rules(applicant):
            continue
        odd = int(number[16]) % 2 == 1
        assert (applicant["性别"] == "男") == odd, applicant["姓名"]


def test_same_name_pair_distinct_ids(applicants):
    wang = [a for a in applicants if a["姓名"] == "王磊"]
    assert len(wang) == 2
    assert wang[0]["证件号码"] != wang[1]["证件号码"]


def test_guide_applicant_present(workbook, applicants):
    liu = [a for a in applicants if a["姓名"] == "刘洋"]
    assert len(liu) == 1
    person = liu[0]
    assert (person["申报系列"], person["申报层级"], person["申报职称专业"], person["申报资格名称"]) == (
        "工程技术", "助理级", "耐火材料", "助理工程师")
    assert person["参加专业技术工作日期"] == dt.datetime(2021, 11, 30)
    assert person["从事专业技术工作年限"] == "4年"
    assert (person["职称系列"], person["聘任系列"]) == ("无", "无")
    assert person["预期状态"] in ("可聘任", "需补充材料")
    education = [row for row in records(workbook["学历信息"]) if row["身份证号"] == person["证件号码"]]
    assert [(row["毕业院校"], row["所学专业"], row["学历"], row["学位"], row["学制"], row["是否工作前学历"])
            for row in education] == [("天津大学", "冶金", "大学本科", "其他", "全日制", "是")]
    assert (education[0]["入学时间"], education[0]["毕业时间"]) == (dt.datetime(2015, 9, 1), dt.datetime(2019, 6, 30))


def test_orphan_work_row_present(workbook, applicants):
    known = {id_key(a["证件号码"]) for a in applicants}
    orphans = [row for row in records(workbook["工作经历"]) if id_key(row["证件号码"]) not in known]
    assert len(orphans) == 1


def test_merged_employer_cells(workbook):
    assert [str(merged) for merged in workbook["工作经历"].merged_cells.ranges] != []


# --- Attachments


def test_referenced_attachments_exist(workbook):
    for sheet, columns in ATTACHMENT_COLUMNS.items():
        for row in records(workbook[sheet]):
            for column in columns:
                for name in str(row[column] or "").split(";"):
                    if name:
                        assert (ATTACHMENTS / name).is_file(), f"{sheet}.{column}: {name}"


def test_attachment_folder_small():
    total = sum(path.stat().st_size for path in ATTACHMENTS.iterdir())
    assert total < 200 * 1024


# --- README


def test_readme_table_current(tmp_path):
    table = run_generator(tmp_path, "--table").strip()
    assert table in README.read_text(encoding="utf-8")
