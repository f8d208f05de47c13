"""Catalogue of rule codes: every finding zcbatch can report.

A rule code is stable across releases so that analysts can filter the 问题清单
sheet by it and keep notes against it. Each code has a severity and a kind.

Severity (级别):

- 错误: blocks the appointment until fixed.
- 警告: needs a human look; a missing attachment, a typed value that disagrees
  with a computed one, or a rule the guide states "in principle".
- 提示: information only.

Kind decides an applicant's status (状态), first match wins:

- ``field``: an invalid or missing value (status 数据错误 when 错误).
- ``eligibility``: a failed eligibility rule (status 不符合条件 when 错误).
- ``review``: the unit's own review (status 数据错误 when 错误, because the
  单位审核 or 单位信息 entries must be corrected).
- ``material``: a missing attachment or supporting material (status
  需补充材料 when no 错误 remains).

>>> RULES["ID_CHECKSUM"].severity
'错误'
>>> RULES["CE_ATTACHMENT"].kind
'material'
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Severity = Literal["错误", "警告", "提示"]
Kind = Literal["field", "eligibility", "review", "material"]

ERROR: Severity = "错误"
WARNING: Severity = "警告"
INFO: Severity = "提示"

SEVERITY_ORDER = {ERROR: 0, WARNING: 1, INFO: 2}

STATUS_DATA_ERROR = "数据错误"
STATUS_INELIGIBLE = "不符合条件"
STATUS_NEEDS_MATERIAL = "需补充材料"
STATUS_ELIGIBLE = "可聘任"
STATUSES = (STATUS_DATA_ERROR, STATUS_INELIGIBLE, STATUS_NEEDS_MATERIAL, STATUS_ELIGIBLE)


@dataclass(frozen=True)
class Rule:
    """A rule code with its severity, kind and short Chinese title."""

    code: str
    severity: Severity
    kind: Kind
    title: str


_RULES = [
    # Reading the workbook.
    Rule("HEADER_MISSING", ERROR, "field", "缺少必填列"),
    Rule("HEADER_DUPLICATE", WARNING, "field", "列名重复"),
    Rule("HEADER_UNKNOWN", INFO, "field", "未识别的列（已保留）"),
    Rule("SHEET_UNKNOWN", INFO, "field", "未识别的工作表（已忽略）"),
    Rule("SHEET_HIDDEN", INFO, "field", "隐藏的工作表或行（已读取）"),
    Rule("UNIT_SHEET_DIFFERS", WARNING, "field", "多个工作簿的单位信息不一致（已用第一份）"),
    Rule("CELL_ERROR_VALUE", ERROR, "field", "单元格为错误值"),
    Rule("CELL_FORMULA", INFO, "field", "单元格含公式（按计算结果读取）"),
    Rule("CELL_CONTROL_CHARS", WARNING, "field", "含不可见控制字符（已去除）"),
    Rule("CELL_TOO_LONG", ERROR, "field", "单元格文字超过上限"),
    Rule("ROWS_TOO_MANY", ERROR, "field", "行数超过上限"),
    Rule("REQUIRED_MISSING", ERROR, "field", "必填项为空"),
    Rule("DATE_INVALID", ERROR, "field", "日期无法识别"),
    Rule("DATE_1900_LEAP", ERROR, "field", "日期为不存在的1900年2月29日"),
    Rule("YEAR_INVALID", ERROR, "field", "年度无法识别"),
    Rule("NUMBER_INVALID", ERROR, "field", "数字无法识别"),
    Rule("NUMBER_NEGATIVE", ERROR, "field", "数字不能为负"),
    Rule("BOOL_INVALID", ERROR, "field", "是/否无法识别"),
    Rule("ENUM_INVALID", ERROR, "field", "不在可选值范围内"),
    Rule("TEXT_TOO_LONG", ERROR, "field", "文字超过字数上限"),
    # Identity and contact.
    Rule("ID_LOST_DIGITS", ERROR, "field", "证件号码被Excel存成数字，末几位已丢失"),
    Rule("ID_15_DIGITS", ERROR, "field", "15位旧身份证号"),
    Rule("ID_FORMAT", ERROR, "field", "证件号码格式不正确"),
    Rule("ID_CHECKSUM", ERROR, "field", "身份证号校验位错误"),
    Rule("ID_REGION", WARNING, "field", "身份证号地区码不存在"),
    Rule("ID_BIRTH_MISMATCH", ERROR, "field", "身份证号与出生日期不一致"),
    Rule("ID_GENDER_MISMATCH", ERROR, "field", "身份证号与性别不一致"),
    Rule("ID_DUPLICATE", ERROR, "field", "证件号码重复"),
    Rule("MOBILE_INVALID", ERROR, "field", "手机号码格式不正确"),
    Rule("PHONE_INVALID", WARNING, "field", "联系电话格式不正确"),
    # Application settings.
    Rule("EVALUATION_METHOD", ERROR, "field", "评价方式须为自主聘任"),
    Rule("LEVEL_OUT_OF_SCOPE", ERROR, "field", "申报层级不属于自主聘任范围"),
    Rule("QUALIFICATION_MISMATCH", ERROR, "field", "申报资格名称与系列、层级不对应"),
    # Education, work history, continuing education, appraisal rows.
    Rule("EDU_DATES_ORDER", ERROR, "field", "入学时间不早于毕业时间"),
    Rule("EDU_GRADUATION_FUTURE", ERROR, "field", "毕业时间晚于今天"),
    Rule("WORK_DATES_ORDER", ERROR, "field", "结束日期早于开始日期"),
    Rule("WORK_OVERLAP", WARNING, "field", "工作经历时间重叠"),
    Rule("CE_TOTAL_MISMATCH", WARNING, "field", "总学时数不等于公需与专业学时之和"),
    Rule("CE_DUPLICATE_YEAR", ERROR, "field", "同一年度的继续教育重复填写"),
    Rule("APPRAISAL_DUPLICATE_YEAR", WARNING, "field", "同一年度的考核重复填写"),
    Rule("ORPHAN_ROW", ERROR, "field", "证件号码在个人信息中不存在"),
    Rule("NO_EDUCATION", ERROR, "field", "没有学历信息"),
    Rule("NO_WORK_HISTORY", ERROR, "field", "没有工作经历"),
    # Unit information.
    Rule("USCC_INVALID", ERROR, "review", "统一社会信用代码校验错误"),
    Rule("SUPERIOR_UNIT", ERROR, "review", "上级单位不正确"),
    Rule("DISTRICT", ERROR, "review", "行政区划不正确"),
    Rule("UNIT_INFO_MISSING", WARNING, "review", "单位信息缺项"),
    # Eligibility rules.
    Rule("SPECIALTY_MATCH", ERROR, "eligibility", "现从事专业与申报职称专业不一致"),
    Rule("INITIAL_EDUCATION_MISSING", ERROR, "eligibility", "没有工作前学历"),
    Rule("EDUCATION_NOT_GRADUATED", ERROR, "eligibility", "申报日期前没有已毕业的学历"),
    Rule("WORK_START_BEFORE_GRADUATION", ERROR, "eligibility", "参加工作日期早于初始学历毕业"),
    Rule("WORK_START_AFTER_REFERENCE", ERROR, "eligibility", "参加工作日期晚于申报日期"),
    Rule("WORK_YEARS_TYPED", WARNING, "eligibility", "填写的工作年限与计算不一致"),
    Rule("TITLE_FIELDS_NONE", ERROR, "eligibility", "职称系列、聘任系列应为“无”"),
    Rule("TECH_POST_BLANK", ERROR, "eligibility", "工作经历的专业技术职务应为空"),
    Rule("PREREQUISITE_TITLE", ERROR, "eligibility", "未取得前置职称"),
    Rule("APPOINTMENT_SERIES", ERROR, "eligibility", "聘任系列未填写"),
    Rule("LEVEL_TIER_ROUTE", ERROR, "eligibility", "该学历不能以自主聘任申报该层级"),
    Rule("MIN_WORK_YEARS", ERROR, "eligibility", "专业技术工作年限不足"),
    Rule("CE_MISSING_YEAR", ERROR, "eligibility", "缺少继续教育年度"),
    Rule("CE_HOURS", ERROR, "eligibility", "继续教育学时不足"),
    Rule("APPRAISAL_MISSING_YEAR", ERROR, "eligibility", "缺少考核年度"),
    Rule("APPRAISAL_NOT_PASSING", ERROR, "eligibility", "考核结果不合格"),
    # Attachments and supporting material.
    Rule("TITLE_CERTIFICATE", WARNING, "material", "缺少助理级职称证书扫描件"),
    Rule("EVIDENCE_MATERIAL", WARNING, "material", "缺少业绩佐证材料"),
    Rule("EDU_ATTACHMENT", WARNING, "material", "缺少学历学位证书附件"),
    Rule("EDU_REGISTRATION_FORM", WARNING, "material", "缺少学信网学历证书电子注册备案表"),
    Rule("CE_ATTACHMENT", WARNING, "material", "缺少继续教育学习记录附件"),
    Rule("ATTACHMENT_NOT_FOUND", WARNING, "material", "附件文件不存在"),
    Rule("PHOTO_NOT_FOUND", WARNING, "material", "照片文件不存在"),
    Rule("PHOTO_NOT_IMAGE", WARNING, "material", "照片不是图片"),
    Rule("PHOTO_TOO_LARGE", WARNING, "material", "照片超过大小上限"),
    Rule("PHOTO_NOT_PORTRAIT", WARNING, "material", "照片不是竖版证件照"),
    # Unit review.
    Rule("REVIEW_OPINION_MISSING", ERROR, "review", "不通过须填写审批意见"),
    Rule("REVIEW_MISSING", INFO, "review", "尚未填写单位审核结果"),
    Rule("COMMITTEE_SIZE", WARNING, "review", "推荐委员会人数少于规定"),
    Rule("COMMITTEE_MISSING", ERROR, "review", "推荐委员会人数未填写"),
    Rule("ATTENDANCE_EXCEEDS", ERROR, "review", "参加人数多于委员会总人数"),
    Rule("ATTENDANCE_EVEN", WARNING, "review", "参加人数为偶数"),
    Rule("VOTES_EXCEED", ERROR, "review", "赞成人数多于参加人数"),
    Rule("VOTES_MAJORITY", ERROR, "review", "赞成人数未过半"),
    Rule("PUBLICITY_MISSING", ERROR, "review", "公示日期未填写"),
    Rule("PUBLICITY_ORDER", ERROR, "review", "公示结束日期早于开始日期"),
    Rule("PUBLICITY_WORKDAYS", ERROR, "review", "公示期不足规定工作日"),
    Rule("PUBLICITY_CALENDAR", WARNING, "review", "节假日日历未覆盖公示年份"),
    Rule("APPOINT_DATE_ENTRY", ERROR, "review", "拟聘任时间为入职时间"),
    Rule("APPOINT_DATE_EARLY", ERROR, "review", "拟聘任时间早于最早满足条件日期"),
    Rule("APPOINT_DATE_MONTH", WARNING, "review", "拟聘任时间不在申报当月"),
    Rule("APPOINT_DATE_MISSING", WARNING, "review", "审核通过但未填写拟聘任时间"),
    Rule("APPOINT_DATE_DAY_MISSING", WARNING, "review", "拟聘任时间只写了年月"),
]

RULES: dict[str, Rule] = {rule.code: rule for rule in _RULES}
