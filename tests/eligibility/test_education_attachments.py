"""Education attachments.

An education row that 学信网 does not confirm (学信网可查 否) needs the
scanned certificate as an attachment. When such a row is 本科 or below
without a degree (学位 其他 or 无), the 学信网 学历证书电子注册备案表 is needed
as well. An attachment whose file name contains 备案表 or 电子注册 counts as
that form. The guide asks for both in one sentence about rows "未体现学信网
数据自动校验的", so a confirmed row needs neither. Missing attachments are
material warnings.
"""

import pytest

from zcbatch.policy import load_policy

from .helpers import applicant, evaluate_applicants, findings_of, messages, row_of


def education_case(number: int, tier: str = "本科", **education) -> dict:
    person = applicant(number, tier=tier)
    person["学历信息"][0].update(education)
    return person


CONFIRMED = education_case(1)
UNCONFIRMED_WITH_CERTIFICATE = education_case(3, 学信网可查="否", 附件="毕业证书.pdf")
UNCONFIRMED_WITHOUT = education_case(5, 学信网可查="否")
UNCONFIRMED_NONE_TEXT = education_case(21, 学信网可查="否", 附件="无")
NO_DEGREE_CERTIFICATE_ONLY = education_case(7, 学位="无", 学信网可查="否", 附件="毕业证书.pdf")
NO_DEGREE_WITH_FORM = education_case(9, 学位="无", 学信网可查="否", 附件="学历证书电子注册备案表.pdf")
NO_DEGREE_FORM_AMONG_FILES = education_case(11, 学位="其他", 学信网可查="否", 附件="毕业证书.pdf;备案表.pdf")
OTHER_DEGREE_CERTIFICATE_ONLY = education_case(13, 学位="其他", 学信网可查="否", 附件="毕业证书.pdf")
JUNIOR_COLLEGE_NOTHING = education_case(15, tier="大专", 学信网可查="否")
NO_DEGREE_CONFIRMED = education_case(17, 学位="无", 学信网可查="是")
MASTER_WITHOUT_DEGREE = education_case(19, tier="硕士", 学位="无", 学信网可查="否", 附件="毕业证书.pdf")
BLANK_CONFIRMATION = education_case(23, 学位="无", 学信网可查=None)

CASES = [
    CONFIRMED, UNCONFIRMED_WITH_CERTIFICATE, UNCONFIRMED_WITHOUT, NO_DEGREE_CERTIFICATE_ONLY, NO_DEGREE_WITH_FORM,
    NO_DEGREE_FORM_AMONG_FILES, OTHER_DEGREE_CERTIFICATE_ONLY, JUNIOR_COLLEGE_NOTHING, NO_DEGREE_CONFIRMED,
    MASTER_WITHOUT_DEGREE, UNCONFIRMED_NONE_TEXT, BLANK_CONFIRMATION,
]
CERTIFICATE_MESSAGE = "该学历未经学信网校验，须在附件中上传学历学位证书原件扫描件或加盖企业公章的复印件。"


def form_message(degree: str) -> str:
    return f"{degree}无学位证，还须上传学信网《学历证书电子注册备案表》（附件文件名中请含“备案表”）。"


@pytest.fixture(scope="module")
def result(tmp_path_factory):
    return evaluate_applicants(tmp_path_factory.mktemp("education_attachments"), CASES)


def test_confirmed_row_needs_nothing(result):
    assert messages(result, "EDU_ATTACHMENT", CONFIRMED) == []


def test_unconfirmed_with_certificate(result):
    assert messages(result, "EDU_ATTACHMENT", UNCONFIRMED_WITH_CERTIFICATE) == []


def test_unconfirmed_without_attachment(result):
    assert messages(result, "EDU_ATTACHMENT", UNCONFIRMED_WITHOUT) == [CERTIFICATE_MESSAGE]


def test_none_text_is_no_attachment(result):
    assert messages(result, "EDU_ATTACHMENT", UNCONFIRMED_NONE_TEXT) == [CERTIFICATE_MESSAGE]


def test_degree_holder_needs_no_form(result):
    assert messages(result, "EDU_REGISTRATION_FORM", UNCONFIRMED_WITHOUT) == []


def test_no_degree_needs_form(result):
    assert messages(result, "EDU_REGISTRATION_FORM", NO_DEGREE_CERTIFICATE_ONLY) == [form_message("大学本科")]


def test_other_degree_needs_form(result):
    assert messages(result, "EDU_REGISTRATION_FORM", OTHER_DEGREE_CERTIFICATE_ONLY) == [form_message("大学本科")]


def test_form_recognised_by_name(result):
    assert messages(result, "EDU_REGISTRATION_FORM", NO_DEGREE_WITH_FORM) == []


def test_form_among_several_files(result):
    assert messages(result, "EDU_REGISTRATION_FORM", NO_DEGREE_FORM_AMONG_FILES) == []


def test_junior_college_certificate_missing(result):
    assert messages(result, "EDU_ATTACHMENT", JUNIOR_COLLEGE_NOTHING) == [CERTIFICATE_MESSAGE]


def test_junior_college_form_missing(result):
    assert messages(result, "EDU_REGISTRATION_FORM", JUNIOR_COLLEGE_NOTHING) == [form_message("大学专科")]


def test_confirmed_row_needs_no_form(result):
    assert messages(result, "EDU_REGISTRATION_FORM", NO_DEGREE_CONFIRMED) == []


def test_master_needs_no_form(result):
    assert messages(result, "EDU_REGISTRATION_FORM", MASTER_WITHOUT_DEGREE) == []


def test_finding_points_at_attachment_cell(result):
    finding = findings_of(result, "EDU_ATTACHMENT", UNCONFIRMED_WITHOUT)
    assert finding[["工作表", "行号", "_field"]].values.tolist() == [["学历信息", 4, "附件"]]


def test_missing_attachment_is_warning(result):
    assert findings_of(result, "EDU_REGISTRATION_FORM", NO_DEGREE_CERTIFICATE_ONLY)["级别"].tolist() == ["警告"]


def test_missing_attachment_needs_material(result):
    assert row_of(result, UNCONFIRMED_WITHOUT)["状态"] == "需补充材料"


def test_confirmed_applicant_eligible(result):
    assert row_of(result, CONFIRMED)["状态"] == "可聘任"


def test_blank_confirmation_needs_no_certificate(result):
    assert messages(result, "EDU_ATTACHMENT", BLANK_CONFIRMATION) == []


def test_blank_confirmation_needs_no_form(result):
    assert messages(result, "EDU_REGISTRATION_FORM", BLANK_CONFIRMATION) == []


# A keyword with a character that means something in a regular expression
# (here "(") is matched as plain text.
KEYWORD_PRESENT = education_case(25, 学位="无", 学信网可查="否", 附件="备案表(盖章).pdf")
KEYWORD_ABSENT = education_case(27, 学位="无", 学信网可查="否", 附件="备案表.pdf")
KEYWORD_ABSENT_MESSAGE = "大学本科无学位证，还须上传学信网《学历证书电子注册备案表》（附件文件名中请含“备案表(”）。"


@pytest.mark.parametrize(("person", "expected"), [(KEYWORD_PRESENT, []), (KEYWORD_ABSENT, [KEYWORD_ABSENT_MESSAGE])],
                         ids=["keyword-present", "keyword-absent"])
def test_keyword_matched_as_text(tmp_path, person, expected):
    policy = load_policy("teda-2024")
    policy.attachments["registration_form_keywords"] = ["备案表("]
    result = evaluate_applicants(tmp_path, [person], policy=policy)
    assert messages(result, "EDU_REGISTRATION_FORM", person) == expected
