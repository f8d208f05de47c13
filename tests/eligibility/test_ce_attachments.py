"""A continuing-education row of a required year that the 继续教育网 does not
confirm needs an attachment (the course record with its QR code)."""

import pytest

from .helpers import applicant, ce_row, evaluate_applicants, findings_of, messages, row_of

YEAR = 2026


def ce_case(number: int, rows: list[dict], tier: str = "本科") -> dict:
    person = applicant(number, tier=tier, year=YEAR)
    person["继续教育"] = rows
    return person


CONFIRMED = ce_case(1, [ce_row(YEAR, confirmed="是")])
UNCONFIRMED_WITH_RECORD = ce_case(3, [ce_row(YEAR, confirmed="否", attachment="2026继续教育学习记录.pdf")])
UNCONFIRMED_WITHOUT = ce_case(5, [ce_row(YEAR, confirmed="否")])
UNCONFIRMED_NONE_TEXT = ce_case(11, [ce_row(YEAR, confirmed="否", attachment="无")])
# 本科 needs only 2026; the unconfirmed 2025 row is outside the window.
OUTSIDE_WINDOW = ce_case(7, [ce_row(YEAR), ce_row(YEAR - 1, confirmed="否")])
# 大专 needs 2024 to 2026; the 2024 row is unconfirmed.
OLDEST_UNCONFIRMED = ce_case(9, [ce_row(2026), ce_row(2025), ce_row(2024, confirmed="否")], tier="大专")

CASES = [CONFIRMED, UNCONFIRMED_WITH_RECORD, UNCONFIRMED_WITHOUT, OUTSIDE_WINDOW, OLDEST_UNCONFIRMED, UNCONFIRMED_NONE_TEXT]


@pytest.fixture(scope="module")
def result(tmp_path_factory):
    return evaluate_applicants(tmp_path_factory.mktemp("ce_attachments"), CASES, year=YEAR)


def test_confirmed_row_needs_nothing(result):
    assert messages(result, "CE_ATTACHMENT", CONFIRMED) == []


def test_unconfirmed_row_with_record(result):
    assert messages(result, "CE_ATTACHMENT", UNCONFIRMED_WITH_RECORD) == []


def test_unconfirmed_row_without_record(result):
    assert messages(result, "CE_ATTACHMENT", UNCONFIRMED_WITHOUT) == [
        "2026 年度继续教育未经继续教育网校验，须在附件中提交带二维码的必修课学习记录（继续教育网学习结束后可下载）。"
    ]


def test_none_text_is_no_record(result):
    assert messages(result, "CE_ATTACHMENT", UNCONFIRMED_NONE_TEXT) == [
        "2026 年度继续教育未经继续教育网校验，须在附件中提交带二维码的必修课学习记录（继续教育网学习结束后可下载）。"
    ]


def test_row_outside_window_ignored(result):
    assert messages(result, "CE_ATTACHMENT", OUTSIDE_WINDOW) == []


def test_oldest_required_year_checked(result):
    finding = findings_of(result, "CE_ATTACHMENT", OLDEST_UNCONFIRMED)
    assert finding[["工作表", "行号", "_field"]].values.tolist() == [["继续教育", 9, "附件"]]


def test_missing_record_is_warning(result):
    assert findings_of(result, "CE_ATTACHMENT", UNCONFIRMED_WITHOUT)["级别"].tolist() == ["警告"]


def test_missing_record_needs_material(result):
    assert row_of(result, UNCONFIRMED_WITHOUT)["状态"] == "需补充材料"
