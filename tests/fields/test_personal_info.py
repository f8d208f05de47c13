"""Field rules of 个人信息: ID number, application settings, nationality, political status, phones."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from stdnum.cn import ric

from zcbatch.batch import Batch

SHEET = "个人信息"
# Column letters of the sheet as the applicant builder writes it.
LETTER = {"评价方式": "B", "申报层级": "D", "申报资格名称": "F", "证件类型": "G", "证件号码": "H", "性别": "J",
          "出生日期": "K", "民族": "M", "手机号码": "N", "政治面貌": "O"}
BIRTH = dt.date(1997, 3, 15)
FULL_WIDTH_DIGITS = str.maketrans("0123456789", "０１２３４５６７８９")

# The 56 nationalities by their GB/T 3304 names, and the two other entries.
NATIONALITIES = [
    "汉族", "蒙古族", "回族", "藏族", "维吾尔族", "苗族", "彝族", "壮族", "布依族", "朝鲜族",
    "满族", "侗族", "瑶族", "白族", "土家族", "哈尼族", "哈萨克族", "傣族", "黎族", "傈僳族",
    "佤族", "畲族", "高山族", "拉祜族", "水族", "东乡族", "纳西族", "景颇族", "柯尔克孜族", "土族",
    "达斡尔族", "仫佬族", "羌族", "布朗族", "撒拉族", "毛南族", "仡佬族", "锡伯族", "阿昌族", "普米族",
    "塔吉克族", "怒族", "乌孜别克族", "俄罗斯族", "鄂温克族", "德昂族", "保安族", "裕固族", "京族", "塔塔尔族",
    "独龙族", "鄂伦春族", "赫哲族", "门巴族", "珞巴族", "基诺族",
]
OTHER_NATIONALITIES = ["外国血统", "其他"]
# GB/T 4762 political status names.
POLITICAL_STATUSES = [
    "中共党员", "中共预备党员", "共青团员", "民革党员", "民盟盟员", "民建会员", "民进会员",
    "农工党党员", "致公党党员", "九三学社社员", "台盟盟员", "无党派人士", "群众",
]


def rules_at(batch: Batch, row: int) -> list[str]:
    found = batch.findings
    return sorted(found.loc[(found["工作表"] == SHEET) & (found["行号"] == row), "规则"])


# --- 证件号码 -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def id_cases(case_batch: Any, make_id: Any) -> tuple[Batch, dict[str, int], dict[str, dict[str, Any]]]:
    valid = make_id(BIRTH, sequence=101)
    wrong_check = valid[:17] + ("1" if valid[17] == "0" else "0")
    spaced = make_id(BIRTH, sequence=121)
    with_x = next(number for sequence in range(201, 999, 2)
                  if (number := make_id(BIRTH, sequence=sequence)).endswith("X"))
    cases: dict[str, dict[str, Any]] = {
        # Rejected.
        "checksum": {"证件号码": wrong_check},
        "fifteen-digits": {"证件号码": "120101970315103"},
        "seventeen-digits": {"证件号码": make_id(BIRTH, sequence=105)[:17]},
        # Month 13 with a correct check digit, so only the format is wrong.
        "month-13": {"证件号码": "12010119971315107" + ric.calc_check_digit("12010119971315107" + "0")},
        "letter-inside": {"证件号码": make_id(BIRTH, sequence=109)[:10] + "A" + valid[11:]},
        "birth-mismatch": {"出生日期": dt.date(1997, 3, 16)},
        "gender-mismatch": {"性别": "女"},
        "unknown-region": {"证件号码": make_id(BIRTH, region="129999", sequence=113)},
        # Accepted.
        "lower-case-x": {"证件号码": with_x.lower()},
        "binhai-region": {"证件号码": make_id(BIRTH, region="120116", sequence=115)},
        "tanggu-region": {"证件号码": make_id(BIRTH, region="120107", sequence=117)},
        "woman": {"证件号码": make_id(BIRTH, sequence=118), "性别": "女"},
        "full-width": {"证件号码": make_id(BIRTH, sequence=119).translate(FULL_WIDTH_DIGITS)},
        "spaced": {"证件号码": f"{spaced[:6]} {spaced[6:14]} {spaced[14:]}"},
        "passport": {"证件类型": "护照", "证件号码": "E12345678"},
        "type-alias": {"证件类型": "身份证"},
        "type-full-width-brackets": {"证件类型": "居民身份证（户口簿）"},
        "type-blank-defaults": {"证件类型": None},
    }
    batch, rows = case_batch(SHEET, cases)
    return batch, rows, cases


ID_REJECTED = [
    ("checksum", "ID_CHECKSUM", "错误", "证件号码", "号码中有数字录错"),
    ("fifteen-digits", "ID_15_DIGITS", "错误", "证件号码", "是15位旧身份证号"),
    ("seventeen-digits", "ID_FORMAT", "错误", "证件号码", "（现为 17 位）"),
    ("month-13", "ID_FORMAT", "错误", "证件号码", "第7至14位是出生日期"),
    ("letter-inside", "ID_FORMAT", "错误", "证件号码", "不是有效的18位居民身份证号"),
    ("birth-mismatch", "ID_BIRTH_MISMATCH", "错误", "出生日期",
     "出生日期填写为 1997-03-16，身份证号中的出生日期为 1997-03-15"),
    ("gender-mismatch", "ID_GENDER_MISMATCH", "错误", "性别", "性别填写为“女”，身份证号第17位为 3（奇数为男，偶数为女）"),
    ("unknown-region", "ID_REGION", "警告", "证件号码", "前6位“129999”不是已知的行政区划代码"),
]


@pytest.mark.parametrize(("case", "rule", "severity", "column", "words"), ID_REJECTED, ids=[c[0] for c in ID_REJECTED])
def test_id_rejected(id_cases: Any, rule_findings: Any, cell: Any, case: str, rule: str, severity: str,
                     column: str, words: str) -> None:
    batch, rows, _ = id_cases
    row = rows[case]
    found = rule_findings(batch, rule, row, SHEET)
    assert len(found) == 1
    assert found.at[0, "级别"] == severity
    assert cell(batch, found.iloc[0]) == f"{LETTER[column]}{row}"
    assert words in found.at[0, "说明"]
    assert rules_at(batch, row) == [rule]


def test_checksum_message_names_expected_digit(id_cases: Any, rule_findings: Any) -> None:
    batch, rows, cases = id_cases
    number = cases["checksum"]["证件号码"]
    found = rule_findings(batch, "ID_CHECKSUM", rows["checksum"], SHEET)
    message = found.at[0, "说明"]
    assert f"校验位应为“{ric.calc_check_digit(number)}”" in message
    assert f"现为“{number[17]}”" in message


@pytest.mark.parametrize("case", [
    "lower-case-x", "binhai-region", "tanggu-region", "woman", "full-width", "spaced", "passport",
    "type-alias", "type-full-width-brackets", "type-blank-defaults",
])
def test_id_accepted(id_cases: Any, case: str) -> None:
    batch, rows, _ = id_cases
    assert rules_at(batch, rows[case]) == []


def test_lower_case_x_upper_cased(id_cases: Any) -> None:
    batch, rows, cases = id_cases
    typed = batch.applicants.loc[batch.applicants["_row"] == rows["lower-case-x"], "证件号码"].iloc[0]
    assert typed == cases["lower-case-x"]["证件号码"].upper()


def test_full_width_id_folded(id_cases: Any, make_id: Any) -> None:
    batch, rows, _ = id_cases
    typed = batch.applicants.loc[batch.applicants["_row"] == rows["full-width"], "证件号码"].iloc[0]
    assert typed == make_id(BIRTH, sequence=119)


def test_blank_id_type_defaults(id_cases: Any) -> None:
    batch, rows, _ = id_cases
    typed = batch.applicants.loc[batch.applicants["_row"] == rows["type-blank-defaults"], "证件类型"].iloc[0]
    assert typed == "居民身份证(户口簿)"


def test_id_type_invalid(case_batch: Any, rule_findings: Any, cell: Any) -> None:
    batch, rows = case_batch(SHEET, {"licence": {"证件类型": "驾驶证"}})
    found = rule_findings(batch, "ENUM_INVALID", 2, SHEET)
    assert len(found) == 1
    assert found.at[0, "级别"] == "错误"
    assert cell(batch, found.iloc[0]) == "G2"
    assert "“驾驶证”不是“证件类型”的可选值" in found.at[0, "说明"]


@pytest.fixture(scope="module")
def duplicate_batch(applicant: Any, load_batch: Any) -> Batch:
    first, second, third = applicant(1), applicant(2), applicant(3)
    second["个人信息"][0]["证件号码"] = first["个人信息"][0]["证件号码"]
    return load_batch(first, second, third)


@pytest.mark.parametrize("row", [2, 3])
def test_duplicate_id_both_rows(duplicate_batch: Batch, rule_findings: Any, cell: Any, row: int) -> None:
    found = rule_findings(duplicate_batch, "ID_DUPLICATE", row, SHEET)
    assert len(found) == 1
    assert found.at[0, "级别"] == "错误"
    assert cell(duplicate_batch, found.iloc[0]) == f"H{row}"
    assert "在个人信息中出现多次" in found.at[0, "说明"]


def test_duplicate_id_third_row_clean(duplicate_batch: Batch, rule_findings: Any) -> None:
    assert rule_findings(duplicate_batch, "ID_DUPLICATE", 4, SHEET).empty


def test_duplicate_id_message_masked(duplicate_batch: Batch, rule_findings: Any) -> None:
    number = duplicate_batch.applicants.at[0, "证件号码"]
    message = rule_findings(duplicate_batch, "ID_DUPLICATE", 2, SHEET).at[0, "说明"]
    assert number not in message
    assert f"{number[:6]}********{number[-4:]}" in message


def test_duplicate_id_across_files(applicant: Any, write_workbook: Any, tmp_path: Any, rule_findings: Any) -> None:
    from zcbatch.batch import read_batch

    write_workbook(applicant(1), name="一部.xlsx", folder=tmp_path)
    write_workbook(applicant(1), name="二部.xlsx", folder=tmp_path)
    found = rule_findings(read_batch(tmp_path), "ID_DUPLICATE")
    assert found["文件"].tolist() == ["一部.xlsx", "二部.xlsx"]


# --- Enumerations: 民族, 政治面貌 -----------------------------------------------------------


@pytest.fixture(scope="module")
def nationality_batch(case_batch: Any) -> tuple[Batch, dict[str, int]]:
    values = NATIONALITIES + OTHER_NATIONALITIES + ["汉", "回", "蒙古", "汉人", "穿青人", "Han"]
    return case_batch(SHEET, {value: {"民族": value} for value in values})


def test_nationalities_accepted(nationality_batch: Any) -> None:
    batch, _ = nationality_batch
    typed = batch.applicants["民族"].iloc[:58].tolist()
    assert typed == NATIONALITIES + OTHER_NATIONALITIES


def test_nationalities_no_findings(nationality_batch: Any) -> None:
    batch, rows = nationality_batch
    accepted_rows = [rows[value] for value in NATIONALITIES + OTHER_NATIONALITIES]
    assert batch.findings[batch.findings["行号"].isin(accepted_rows)].empty


@pytest.mark.parametrize(("alias", "expected"), [("汉", "汉族"), ("回", "回族"), ("蒙古", "蒙古族")])
def test_nationality_alias(nationality_batch: Any, alias: str, expected: str) -> None:
    batch, rows = nationality_batch
    assert batch.applicants.loc[batch.applicants["_row"] == rows[alias], "民族"].iloc[0] == expected


@pytest.mark.parametrize("value", ["汉人", "穿青人", "Han"])
def test_nationality_rejected(nationality_batch: Any, rule_findings: Any, cell: Any, value: str) -> None:
    batch, rows = nationality_batch
    row = rows[value]
    found = rule_findings(batch, "ENUM_INVALID", row, SHEET)
    assert len(found) == 1
    assert found.at[0, "级别"] == "错误"
    assert cell(batch, found.iloc[0]) == f"M{row}"
    assert f"“{value}”不是“民族”的可选值" in found.at[0, "说明"]


@pytest.fixture(scope="module")
def political_batch(case_batch: Any) -> tuple[Batch, dict[str, int]]:
    values = POLITICAL_STATUSES + ["党员", "团员", "无党派", "党员干部", "中共"]
    return case_batch(SHEET, {value: {"政治面貌": value} for value in values})


def test_political_statuses_accepted(political_batch: Any) -> None:
    batch, _ = political_batch
    assert batch.applicants["政治面貌"].iloc[:13].tolist() == POLITICAL_STATUSES


@pytest.mark.parametrize(("alias", "expected"), [("党员", "中共党员"), ("团员", "共青团员"), ("无党派", "无党派人士")])
def test_political_status_alias(political_batch: Any, alias: str, expected: str) -> None:
    batch, rows = political_batch
    assert batch.applicants.loc[batch.applicants["_row"] == rows[alias], "政治面貌"].iloc[0] == expected


@pytest.mark.parametrize("value", ["党员干部", "中共"])
def test_political_status_rejected(political_batch: Any, rule_findings: Any, cell: Any, value: str) -> None:
    batch, rows = political_batch
    row = rows[value]
    found = rule_findings(batch, "ENUM_INVALID", row, SHEET)
    assert len(found) == 1
    assert found.at[0, "级别"] == "错误"
    assert cell(batch, found.iloc[0]) == f"O{row}"
    assert f"“{value}”不是“政治面貌”的可选值" in found.at[0, "说明"]


def test_political_statuses_no_findings(political_batch: Any) -> None:
    batch, rows = political_batch
    accepted_rows = [rows[value] for value in POLITICAL_STATUSES + ["党员", "团员", "无党派"]]
    assert batch.findings[batch.findings["行号"].isin(accepted_rows)].empty


# --- 手机号码 and 联系电话 ------------------------------------------------------------------

MOBILE_ACCEPTED = {
    "prefix-13": "13912345678",
    "prefix-19": "19912345678",
    "country-code": "+86 139-1234-5678",
    "number-cell": 13912345679,
    "full-width": "１３９１２３４５６８０",
}
MOBILE_REJECTED = {
    "prefix-12": "12912345678",
    "prefix-10": "10012345678",
    "ten-digits": "1391234567",
    "twelve-digits": "139123456789",
    "letter": "1391234567a",
    "landline": "022-12345678",
}


@pytest.fixture(scope="module")
def mobile_batch(case_batch: Any) -> tuple[Batch, dict[str, int]]:
    cases = {case: {"手机号码": value} for case, value in (MOBILE_ACCEPTED | MOBILE_REJECTED).items()}
    return case_batch(SHEET, cases)


@pytest.mark.parametrize("case", list(MOBILE_ACCEPTED))
def test_mobile_accepted(mobile_batch: Any, case: str) -> None:
    batch, rows = mobile_batch
    assert rules_at(batch, rows[case]) == []


def test_mobile_normalised(mobile_batch: Any) -> None:
    batch, rows = mobile_batch
    typed = batch.applicants.set_index("_row")["手机号码"]
    assert [typed[rows[case]] for case in MOBILE_ACCEPTED] == [
        "13912345678", "19912345678", "13912345678", "13912345679", "13912345680"]


@pytest.mark.parametrize("case", list(MOBILE_REJECTED))
def test_mobile_rejected(mobile_batch: Any, rule_findings: Any, cell: Any, case: str) -> None:
    batch, rows = mobile_batch
    row = rows[case]
    found = rule_findings(batch, "MOBILE_INVALID", row, SHEET)
    assert len(found) == 1
    assert found.at[0, "级别"] == "错误"
    assert cell(batch, found.iloc[0]) == f"N{row}"
    assert "不是有效的11位手机号（应以13至19开头）" in found.at[0, "说明"]
    assert rules_at(batch, row) == ["MOBILE_INVALID"]


def test_phone_checked(case_batch: Any, rule_findings: Any, cell: Any) -> None:
    batch, rows = case_batch(SHEET, {"valid": {"联系电话": "022-12345678"}, "words": {"联系电话": "见手机"}})
    found = rule_findings(batch, "PHONE_INVALID", sheet=SHEET)
    assert found["行号"].tolist() == [rows["words"]]
    assert found.at[0, "级别"] == "警告"
    assert cell(batch, found.iloc[0]) == "Y3"
    assert "联系电话“见手机”格式不正确" in found.at[0, "说明"]


# --- Application settings: 评价方式, 申报层级, 申报资格名称 -----------------------------------

SETTINGS_ACCEPTED = {
    "engineering-junior": {"申报系列": "工程技术", "申报层级": "员级", "申报资格名称": "技术员"},
    "engineering-assistant": {"申报系列": "工程技术", "申报层级": "助理级", "申报资格名称": "助理工程师"},
    "engineering-intermediate": {"申报系列": "工程技术", "申报层级": "中级", "申报资格名称": "工程师"},
    "accounting-intermediate": {"申报系列": "会计", "申报层级": "中级", "申报资格名称": "会计师"},
    "economics-assistant": {"申报系列": "经济", "申报层级": "助理级", "申报资格名称": "助理经济师"},
}
SETTINGS_REJECTED = {
    "evaluation-review": ({"评价方式": "评审"}, "EVALUATION_METHOD", "评价方式",
                          "评价方式填写为“评审”，自主聘任申报的评价方式应为“自主聘任”"),
    "evaluation-exam": ({"评价方式": "考试"}, "EVALUATION_METHOD", "评价方式", "应为“自主聘任”"),
    "deputy-senior": ({"申报层级": "副高级", "申报资格名称": "高级工程师"}, "LEVEL_OUT_OF_SCOPE", "申报层级",
                      "申报层级“副高级”不属于自主聘任范围"),
    "senior": ({"申报层级": "正高级", "申报资格名称": "正高级工程师"}, "LEVEL_OUT_OF_SCOPE", "申报层级",
               "申报层级“正高级”不属于自主聘任范围"),
    "level-unknown": ({"申报层级": "初级"}, "ENUM_INVALID", "申报层级", "“初级”不是“申报层级”的可选值"),
    "qualification-level": ({"申报资格名称": "工程师"}, "QUALIFICATION_MISMATCH", "申报资格名称",
                            "工程技术系列助理级的申报资格名称应为“助理工程师”，现为“工程师”"),
    "qualification-series": ({"申报系列": "会计"}, "QUALIFICATION_MISMATCH", "申报资格名称",
                             "会计系列助理级的申报资格名称应为“助理会计师”，现为“助理工程师”"),
}


@pytest.fixture(scope="module")
def settings_batch(case_batch: Any) -> tuple[Batch, dict[str, int]]:
    cases = dict(SETTINGS_ACCEPTED) | {case: spec[0] for case, spec in SETTINGS_REJECTED.items()}
    return case_batch(SHEET, cases)


@pytest.mark.parametrize("case", list(SETTINGS_ACCEPTED))
def test_settings_accepted(settings_batch: Any, case: str) -> None:
    batch, rows = settings_batch
    assert rules_at(batch, rows[case]) == []


@pytest.mark.parametrize("case", list(SETTINGS_REJECTED))
def test_settings_rejected(settings_batch: Any, assert_rejected: Any, case: str) -> None:
    batch, rows = settings_batch
    _, rule, column, words = SETTINGS_REJECTED[case]
    assert_rejected(batch, SHEET, LETTER, rows[case], rule, column, words)


def test_out_of_scope_level_kept(settings_batch: Any) -> None:
    """副高级 is read as typed, so the finding can name it."""
    batch, rows = settings_batch
    assert batch.applicants.loc[batch.applicants["_row"] == rows["deputy-senior"], "申报层级"].iloc[0] == "副高级"


def test_evaluation_method_required(case_batch: Any, rule_findings: Any, cell: Any) -> None:
    batch, _ = case_batch(SHEET, {"blank": {"评价方式": None}})
    found = rule_findings(batch, "REQUIRED_MISSING", 2, SHEET)
    assert len(found) == 1
    assert cell(batch, found.iloc[0]) == "B2"
    assert "“评价方式”为必填项" in found.at[0, "说明"]
    assert rule_findings(batch, "EVALUATION_METHOD").empty
