"""Pandera schemas of the input sheets: the field rules, one check per rule.

Each sheet is a :class:`pandera.DataFrameModel` whose checks are named with the
rule code they enforce (``ID_CHECKSUM``, ``MOBILE_INVALID`` …), declared
beside the column they constrain. Cross-column rules are dataframe checks and
:data:`CHECK_COLUMN` names the column their findings point at.

:func:`run_schema` runs every check of a model on the non-missing values of
its column, independently of the other checks, so a cell failing two rules
gets two findings. pandera's own lazy validation (0.35) loses rows when a
column cannot be coerced: with ``coerce=True`` one unreadable date makes every
check of that column fail as a whole-column error that names no row.

The rules for ID numbers follow GB 11643-1999 (citizen identification
number: 6-digit region code, 8-digit birth date, 3-digit sequence whose last
digit is odd for men and even for women, and a MOD 11-2 check character),
checked with :mod:`stdnum.cn.ric`. Credit codes follow GB 32100-2015, checked
with :mod:`stdnum.cn.uscc`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import numpy as np
import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series
from stdnum import numdb
from stdnum.cn import ric, uscc

from zcbatch import findings as fd
from zcbatch.resources import enums, qualifications

RESIDENT_ID = "居民身份证(户口簿)"
MOBILE_PATTERN = r"^1[3-9]\d{9}$"
PHONE_PATTERN = r"^[0-9()（）+\-—\s转,，、/]{7,30}$|^[0-9()+\-\s]*\d{7,}(?:转\d+)?$"
SUPERIOR_UNIT = "天津经济技术开发区人力资源和社会保障局"
DISTRICT = "经济技术开发区"


def _is_resident_id(frame: pd.DataFrame) -> pd.Series:
    kind = frame["证件类型"].fillna(RESIDENT_ID) if "证件类型" in frame else pd.Series(RESIDENT_ID, index=frame.index)
    ids = frame["证件号码"]
    return (kind == RESIDENT_ID) & ids.notna() & ~ids.str.startswith("#").fillna(False)


def _eighteen(ids: pd.Series) -> pd.Series:
    return ids.str.fullmatch(r"\d{17}[\dX]").fillna(False).astype(bool)


def id_birth_dates(ids: pd.Series) -> pd.Series:
    """Return the birth date encoded in 18-digit IDs (``NaT`` where invalid).

    >>> id_birth_dates(pd.Series(["120101199001011237", "120101199013011237"])).tolist()
    [Timestamp('1990-01-01 00:00:00'), NaT]
    """
    return pd.to_datetime(ids.str.slice(6, 14), format="%Y%m%d", errors="coerce")


def _check_digits(ids: pd.Series) -> pd.Series:
    unique = pd.unique(ids.dropna().to_numpy(dtype=object))
    lookup = {value: ric.calc_check_digit(value) for value in unique}
    return ids.map(lookup)


def _region_known(ids: pd.Series) -> pd.Series:
    """Mark IDs whose first six digits name a county in stdnum's region table.

    A code counts whatever years the table gives for its county, because the
    rule reports codes that never existed. 120116 (滨海新区 since 2009, where
    TEDA lies) and 120107 (塘沽区 until 2009) are both real codes.
    """
    codes = ids.str.slice(0, 6)
    regions = numdb.get("cn/loc")
    lookup = {
        code: any("county" in properties for _, properties in regions.info(code))
        for code in pd.unique(codes.dropna().to_numpy(dtype=object))
    }
    return codes.map(lookup).fillna(True).astype(bool)


class PersonalInfo(pa.DataFrameModel):
    """个人信息: one row per applicant."""

    证件号码: Series[pd.StringDtype] = pa.Field(nullable=True)
    证件类型: Series[pd.StringDtype] = pa.Field(nullable=True)
    出生日期: Series[pd.Timestamp] = pa.Field(nullable=True)
    性别: Series[pd.StringDtype] = pa.Field(nullable=True)
    申报系列: Series[pd.StringDtype] = pa.Field(nullable=True)
    申报层级: Series[pd.StringDtype] = pa.Field(nullable=True)
    申报资格名称: Series[pd.StringDtype] = pa.Field(nullable=True)
    手机号码: Series[pd.StringDtype] = pa.Field(nullable=True)
    联系电话: Series[pd.StringDtype] = pa.Field(nullable=True)

    class Config:
        strict = False

    @pa.check("证件号码", name="ID_DUPLICATE")
    def id_unique(cls, ids: Series[str]) -> Series[bool]:
        return ~ids.duplicated(keep=False)

    @pa.dataframe_check(name="ID_15_DIGITS")
    def id_not_15_digits(cls, frame: pd.DataFrame) -> Series[bool]:
        return ~(_is_resident_id(frame) & frame["证件号码"].str.fullmatch(r"\d{15}").fillna(False).astype(bool))

    @pa.dataframe_check(name="ID_FORMAT")
    def id_format(cls, frame: pd.DataFrame) -> Series[bool]:
        ids = frame["证件号码"]
        applies = _is_resident_id(frame) & ~ids.str.fullmatch(r"\d{15}").fillna(False).astype(bool)
        well_formed = _eighteen(ids) & id_birth_dates(ids).notna()
        return ~applies | well_formed

    @pa.dataframe_check(name="ID_CHECKSUM")
    def id_checksum(cls, frame: pd.DataFrame) -> Series[bool]:
        ids = frame["证件号码"]
        applies = _is_resident_id(frame) & _eighteen(ids)
        valid = pd.Series(True, index=frame.index)
        valid[applies] = _check_digits(ids[applies]) == ids[applies].str.slice(17, 18)
        return valid

    @pa.dataframe_check(name="ID_REGION")
    def id_region(cls, frame: pd.DataFrame) -> Series[bool]:
        ids = frame["证件号码"]
        applies = _is_resident_id(frame) & _eighteen(ids)
        valid = pd.Series(True, index=frame.index)
        valid[applies] = _region_known(ids[applies])
        return valid

    @pa.dataframe_check(name="ID_BIRTH_MISMATCH")
    def id_matches_birth_date(cls, frame: pd.DataFrame) -> Series[bool]:
        ids = frame["证件号码"]
        applies = _is_resident_id(frame) & _eighteen(ids) & frame["出生日期"].notna()
        encoded = id_birth_dates(ids)
        return ~applies | encoded.isna() | (encoded == frame["出生日期"])

    @pa.dataframe_check(name="ID_GENDER_MISMATCH")
    def id_matches_gender(cls, frame: pd.DataFrame) -> Series[bool]:
        ids = frame["证件号码"]
        applies = _is_resident_id(frame) & _eighteen(ids) & frame["性别"].notna()
        # Only IDs of 18 characters are checked, but the digit is taken for every
        # row: an ID Excel stored as a number may be shorter and has none.
        odd = ids.str.slice(16, 17).isin(("1", "3", "5", "7", "9")).to_numpy(dtype=bool)
        expected = np.where(odd, "男", "女")
        return ~applies | (frame["性别"] == expected)

    @pa.check("申报层级", name="LEVEL_OUT_OF_SCOPE")
    def level_in_scope(cls, level: Series[str]) -> Series[bool]:
        return ~level.isin(enums()["申报层级"]["outside_scope"])

    @pa.dataframe_check(name="QUALIFICATION_MISMATCH")
    def qualification_matches(cls, frame: pd.DataFrame) -> Series[bool]:
        expected = expected_qualification(frame)
        applies = frame["申报资格名称"].notna() & expected.notna()
        return ~applies | (frame["申报资格名称"] == expected)

    @pa.check("手机号码", name="MOBILE_INVALID")
    def mobile_format(cls, mobile: Series[str]) -> Series[bool]:
        return mobile.str.fullmatch(MOBILE_PATTERN).fillna(False).astype(bool)

    @pa.check("联系电话", name="PHONE_INVALID")
    def phone_format(cls, phone: Series[str]) -> Series[bool]:
        return phone.str.fullmatch(PHONE_PATTERN).fillna(False).astype(bool)


def expected_qualification(frame: pd.DataFrame) -> pd.Series:
    """Return the qualification name the series and level call for."""
    table = qualifications()
    pairs = {(series, level): name for series, levels in table.items() for level, name in levels.items()}
    keys = list(zip(frame["申报系列"].astype(object), frame["申报层级"].astype(object)))
    return pd.Series([pairs.get(key) for key in keys], index=frame.index, dtype="string")


class Education(pa.DataFrameModel):
    """学历信息: one row per education of an applicant."""

    证件号码: Series[pd.StringDtype] = pa.Field(nullable=True)
    入学时间: Series[pd.Timestamp] = pa.Field(nullable=True)
    毕业时间: Series[pd.Timestamp] = pa.Field(nullable=True)
    学历: Series[pd.StringDtype] = pa.Field(nullable=True)
    学位: Series[pd.StringDtype] = pa.Field(nullable=True)

    class Config:
        strict = False

    @pa.dataframe_check(name="EDU_DATES_ORDER")
    def enrolment_before_graduation(cls, frame: pd.DataFrame) -> Series[bool]:
        both = frame["入学时间"].notna() & frame["毕业时间"].notna()
        return ~both | (frame["入学时间"] < frame["毕业时间"])

    @pa.check("毕业时间", name="EDU_GRADUATION_FUTURE")
    def graduation_not_future(cls, graduation: Series[pd.Timestamp]) -> Series[bool]:
        return graduation <= pd.Timestamp(_today())


class WorkHistory(pa.DataFrameModel):
    """工作经历: one row per period of work."""

    证件号码: Series[pd.StringDtype] = pa.Field(nullable=True)
    开始日期: Series[pd.Timestamp] = pa.Field(nullable=True)
    结束日期: Series[pd.Timestamp] = pa.Field(nullable=True)

    class Config:
        strict = False

    @pa.dataframe_check(name="WORK_DATES_ORDER")
    def end_not_before_start(cls, frame: pd.DataFrame) -> Series[bool]:
        both = frame["开始日期"].notna() & frame["结束日期"].notna()
        return ~both | (frame["结束日期"] >= frame["开始日期"])

    @pa.dataframe_check(name="WORK_OVERLAP")
    def periods_do_not_overlap(cls, frame: pd.DataFrame) -> Series[bool]:
        return ~work_overlaps(frame)


def work_overlaps(frame: pd.DataFrame) -> pd.Series:
    """Mark work periods that start before an earlier period of the same person ends.

    A blank 结束日期 means the period runs until today.
    """
    valid = frame["证件号码"].notna() & frame["开始日期"].notna()
    result = pd.Series(False, index=frame.index)
    if not valid.any():
        return result
    periods = frame.loc[valid, ["证件号码", "开始日期", "结束日期"]].copy()
    periods["结束日期"] = periods["结束日期"].fillna(pd.Timestamp(_today()))
    periods = periods.sort_values(["证件号码", "开始日期"], kind="stable")
    # The latest end among the person's earlier periods: a running maximum
    # per person, shifted down one row within the person.
    running_end = periods.groupby("证件号码")["结束日期"].cummax()
    previous_end = running_end.groupby(periods["证件号码"]).shift()
    overlap = periods["开始日期"] < previous_end
    result[overlap.index] = overlap.fillna(False).astype(bool)
    return result


class ContinuingEducation(pa.DataFrameModel):
    """继续教育: one row per applicant and year."""

    证件号码: Series[pd.StringDtype] = pa.Field(nullable=True)
    年度: Series[pd.Int64Dtype] = pa.Field(nullable=True)
    公需科目学时数: Series[float] = pa.Field(nullable=True)
    专业培训学时数: Series[float] = pa.Field(nullable=True)
    总学时数: Series[float] = pa.Field(nullable=True)

    class Config:
        strict = False

    @pa.dataframe_check(name="CE_TOTAL_MISMATCH")
    def total_is_sum(cls, frame: pd.DataFrame) -> Series[bool]:
        parts = frame["公需科目学时数"] + frame["专业培训学时数"]
        known = parts.notna() & frame["总学时数"].notna()
        return ~known | np.isclose(parts.fillna(0), frame["总学时数"].fillna(0))

    @pa.dataframe_check(name="CE_DUPLICATE_YEAR")
    def one_row_per_year(cls, frame: pd.DataFrame) -> Series[bool]:
        keyed = frame["证件号码"].notna() & frame["年度"].notna()
        return ~(keyed & frame.duplicated(["证件号码", "年度"], keep=False))


class Appraisal(pa.DataFrameModel):
    """考核情况: one row per applicant and appraisal year."""

    证件号码: Series[pd.StringDtype] = pa.Field(nullable=True)
    考核年度: Series[pd.Int64Dtype] = pa.Field(nullable=True)
    考核结果: Series[pd.StringDtype] = pa.Field(nullable=True)

    class Config:
        strict = False

    @pa.dataframe_check(name="APPRAISAL_DUPLICATE_YEAR")
    def one_row_per_year(cls, frame: pd.DataFrame) -> Series[bool]:
        keyed = frame["证件号码"].notna() & frame["考核年度"].notna()
        return ~(keyed & frame.duplicated(["证件号码", "考核年度"], keep=False))


class UnitReview(pa.DataFrameModel):
    """单位审核: the unit's decision per applicant."""

    证件号码: Series[pd.StringDtype] = pa.Field(nullable=True)
    审核结果: Series[pd.StringDtype] = pa.Field(nullable=True)

    class Config:
        strict = False


MODELS: dict[str, type[pa.DataFrameModel]] = {
    "个人信息": PersonalInfo,
    "学历信息": Education,
    "工作经历": WorkHistory,
    "继续教育": ContinuingEducation,
    "考核情况": Appraisal,
    "单位审核": UnitReview,
}

# Column a dataframe check's findings point at.
CHECK_COLUMN = {
    "ID_15_DIGITS": "证件号码",
    "ID_FORMAT": "证件号码",
    "ID_CHECKSUM": "证件号码",
    "ID_REGION": "证件号码",
    "ID_BIRTH_MISMATCH": "出生日期",
    "ID_GENDER_MISMATCH": "性别",
    "QUALIFICATION_MISMATCH": "申报资格名称",
    "EDU_DATES_ORDER": "入学时间",
    "WORK_DATES_ORDER": "结束日期",
    "WORK_OVERLAP": "开始日期",
    "CE_TOTAL_MISMATCH": "总学时数",
    "CE_DUPLICATE_YEAR": "年度",
    "APPRAISAL_DUPLICATE_YEAR": "考核年度",
}


def _date_text(values: pd.Series) -> pd.Series:
    return values.dt.strftime("%Y-%m-%d").fillna("")


def _number_text(values: pd.Series) -> pd.Series:
    return values.map(lambda value: "" if pd.isna(value) else f"{value:g}")


def _today() -> dt.date:
    return dt.date.today()


MessageBuilder = Callable[[pd.DataFrame], "pd.Series | str"]

MESSAGES: dict[str, MessageBuilder] = {
    "ID_DUPLICATE": lambda rows: "证件号码“" + fd.mask_id(rows["证件号码"]).astype(str)
    + "”在个人信息中出现多次。每位申请人只能有一行，请删除重复的行或改正号码。",
    "ID_15_DIGITS": lambda rows: "“" + fd.mask_id(rows["证件号码"]).astype(str)
    + "”是15位旧身份证号。系统只接受18位号码，请向申请人索取18位号码后重新填写。",
    "ID_FORMAT": lambda rows: "证件号码“" + fd.mask_id(rows["证件号码"]).astype(str) + "”不是有效的18位居民身份证号（现为 "
    + rows["证件号码"].str.len().astype(str) + " 位）。应为17位数字加1位数字或X，其中第7至14位是出生日期。请核对后重新填写。",
    "ID_CHECKSUM": lambda rows: "身份证号“" + fd.mask_id(rows["证件号码"]).astype(str) + "”的校验位应为“"
    + _check_digits(rows["证件号码"]).astype(str) + "”，现为“" + rows["证件号码"].str.slice(17, 18)
    + "”，号码中有数字录错。请对照身份证原件逐位核对。",
    "ID_REGION": lambda rows: "身份证号前6位“" + rows["证件号码"].str.slice(0, 6)
    + "”不是已知的行政区划代码。请对照身份证原件核对。",
    "ID_BIRTH_MISMATCH": lambda rows: "出生日期填写为 " + _date_text(rows["出生日期"]) + "，身份证号中的出生日期为 "
    + _date_text(id_birth_dates(rows["证件号码"])) + "。请核对出生日期或证件号码。",
    "ID_GENDER_MISMATCH": lambda rows: "性别填写为“" + rows["性别"].astype(str) + "”，身份证号第17位为 "
    + rows["证件号码"].str.slice(16, 17) + "（奇数为男，偶数为女）。请核对性别或证件号码。",
    "LEVEL_OUT_OF_SCOPE": lambda rows: "申报层级“" + rows["申报层级"].astype(str)
    + "”不属于自主聘任范围（自主聘任只有员级、助理级和中级）。副高级、正高级请走职称评审途径。",
    "QUALIFICATION_MISMATCH": lambda rows: rows["申报系列"].astype(str) + "系列" + rows["申报层级"].astype(str)
    + "的申报资格名称应为“" + expected_qualification(rows).astype(str) + "”，现为“" + rows["申报资格名称"].astype(str) + "”。请改正。",
    "MOBILE_INVALID": lambda rows: "手机号码“" + rows["手机号码"].astype(str)
    + "”不是有效的11位手机号（应以13至19开头）。请核对后重新填写。",
    "PHONE_INVALID": lambda rows: "联系电话“" + rows["联系电话"].astype(str) + "”格式不正确。请填写如 022-12345678 的电话号码。",
    "EDU_DATES_ORDER": lambda rows: "入学时间 " + _date_text(rows["入学时间"]) + " 不早于毕业时间 "
    + _date_text(rows["毕业时间"]) + "。请核对两个日期。",
    "EDU_GRADUATION_FUTURE": lambda rows: "毕业时间 " + _date_text(rows["毕业时间"])
    + " 晚于今天。尚未毕业的学历不能填报，请删除该行或核对日期。",
    "WORK_DATES_ORDER": lambda rows: "结束日期 " + _date_text(rows["结束日期"]) + " 早于开始日期 "
    + _date_text(rows["开始日期"]) + "。请核对两个日期；至今的经历结束日期留空。",
    "WORK_OVERLAP": lambda rows: "开始日期 " + _date_text(rows["开始日期"])
    + " 早于同一申请人上一段工作经历的结束日期，两段经历时间重叠。请核对起止日期。",
    "CE_TOTAL_MISMATCH": lambda rows: "总学时数填写为 " + _number_text(rows["总学时数"]) + "，公需 "
    + _number_text(rows["公需科目学时数"]) + " + 专业 " + _number_text(rows["专业培训学时数"]) + " = "
    + _number_text(rows["公需科目学时数"] + rows["专业培训学时数"]) + "。请核对学时数。",
    "CE_DUPLICATE_YEAR": lambda rows: rows["年度"].astype(str)
    + " 年度的继续教育填写了多行。每人每年只填一行，请合并学时后删除多余的行。",
    "APPRAISAL_DUPLICATE_YEAR": lambda rows: rows["考核年度"].astype(str)
    + " 年度的考核填写了多行。请保留正式的考核结果，删除多余的行。",
}


def run_schema(model: type[pa.DataFrameModel], frame: pd.DataFrame) -> pd.DataFrame:
    """Run every check of ``model`` on ``frame`` and return one finding per failure.

    Column checks see only the column's non-missing values; a value that could
    not be read was reported when it was parsed and is not checked again.
    """
    schema = model.to_schema()
    results: list[pd.DataFrame] = []
    for column_name, column in schema.columns.items():
        if column_name not in frame:
            continue
        values = frame[column_name]
        present = values.notna()
        if not present.any():
            continue
        for check in column.checks:
            outcome = check(values[present]).check_output
            failed = outcome.index[~outcome.fillna(True).astype(bool)]
            results.append(_findings_for(check.name, column_name, frame.loc[failed]))
    for check in schema.checks:
        outcome = check(frame).check_output
        failed = outcome.index[~outcome.fillna(True).astype(bool)]
        results.append(_findings_for(check.name, CHECK_COLUMN[check.name], frame.loc[failed]))
    return fd.concat(results)


def _findings_for(rule: str, column: str, rows: pd.DataFrame) -> pd.DataFrame:
    if rows.empty:
        return fd.empty()
    message = MESSAGES[rule](rows)
    return fd.frame(rows, rule=rule, column=column, message=message)


def check_unit_info(values: dict[str, object], items: pd.DataFrame) -> pd.DataFrame:
    """Check the 单位信息 items: credit code, superior unit and district."""
    rows = items.set_index("项目", drop=False)
    results: list[pd.DataFrame] = []

    def flag(item: str, rule: str, message: str) -> None:
        if item in rows.index:
            results.append(fd.frame(rows.loc[[item]].assign(证件号码=None), rule=rule, column=rows.at[item, "列名"],
                                    message=message).assign(**{fd.FIELD: item}))

    code = values.get("统一社会信用代码")
    if code and not uscc.is_valid(str(code)):
        flag("统一社会信用代码", "USCC_INVALID",
             f"统一社会信用代码“{code}”无效（应为18位，末位校验码须符合 GB 32100）。请对照营业执照核对。")
    superior = values.get("上级单位")
    if superior and superior != SUPERIOR_UNIT:
        flag("上级单位", "SUPERIOR_UNIT", f"上级单位填写为“{superior}”，应为“{SUPERIOR_UNIT}”。请在系统的基本信息维护中改正。")
    district = values.get("行政区划")
    if district and district != DISTRICT:
        flag("行政区划", "DISTRICT", f"行政区划填写为“{district}”，应为“{DISTRICT}”。")
    return fd.concat(results)
