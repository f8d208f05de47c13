"""Generate a synthetic batch of applicants for the benchmarks.

The workbook has the seven sheets of the input contract (个人信息, 学历信息,
工作经历, 继续教育, 考核情况, 单位审核, 单位信息) with the column labels of
``schemas/fields.yaml``. Each applicant has about 2 education, 3 work, 3
continuing-education and 3 appraisal rows. The application year is 2026 and the
reference date (申报日期) 2026-11-20.

The mix follows a large company group: education tiers 博士 2%, 硕士 15%,
本科 50%, 大专 25%, 中专及以下 8%; levels by tier (博士 mostly 中级, 硕士
mostly 助理级, 大专 and below 员级 or 助理级).

About 10% of the applicants carry one field error: a bad ID check digit, a
gender or birth date that does not match the ID, an invalid mobile, an
unreadable date, an invalid enumeration value, a blank required cell, an ID
stored as a number, swapped education dates or a duplicated
continuing-education year. About 15% fail one eligibility rule: hours short,
a year missing, a failing appraisal, too few work years, a specialty
mismatch, a tier that cannot reach the level, title fields filled for a
junior level or a technical post in the work history.

Cells are written the way people fill the workbook: IDs and phone numbers as
text with valid GB 11643 check digits (MOD 11-2, computed with numpy), dates as
real Excel dates with a few typed as text (``2019.06.30``, ``2019年6月30日``),
hours as numbers with a few typed as ``32学时``. The workbook is written with
xlsxwriter in ``constant_memory`` mode, row by row, so memory stays flat.

The same ``n`` and ``seed`` give the same cell values.

Usage::

    python benchmarks/generate.py --applicants 100000 --out /tmp/batch.xlsx
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from pathlib import Path

import numpy as np
import xlsxwriter

REFERENCE_DATE = np.datetime64("2026-11-20")
APPLICATION_YEAR = 2026
APPOINTMENT_DATE = dt.date(2026, 11, 30)
EXCEL_EPOCH = np.datetime64("1899-12-30")

TIERS = ("博士", "硕士", "本科", "大专", "中专及以下")
TIER_SHARES = (0.02, 0.15, 0.50, 0.25, 0.08)
# Share of each level per tier: (员级, 助理级, 中级).
LEVELS = ("员级", "助理级", "中级")
LEVEL_SHARES = {
    "博士": (0.0, 0.3, 0.7),
    "硕士": (0.0, 0.7, 0.3),
    "本科": (0.0, 1.0, 0.0),
    "大专": (0.4, 0.6, 0.0),
    "中专及以下": (0.7, 0.3, 0.0),
}
# Minimum whole years of work per (level, tier), as in the bundled policy.
MIN_WORK_YEARS = {
    ("员级", "大专"): 1, ("员级", "中专及以下"): 1,
    ("助理级", "博士"): 0, ("助理级", "硕士"): 0, ("助理级", "本科"): 1, ("助理级", "大专"): 3,
    ("助理级", "中专及以下"): 5, ("中级", "博士"): 0, ("中级", "硕士"): 2,
}
# Years of continuing education and appraisal the policy requires per tier.
CE_YEARS = {"博士": 1, "硕士": 1, "本科": 1, "大专": 3, "中专及以下": 5}
APPRAISAL_YEARS = {"博士": 1, "硕士": 1, "本科": 1, "大专": 3, "中专及以下": 5}

# Education ladders, oldest first; the last entry sets the tier.
# Each entry: (学历, 学位, years of study, age at graduation).
LADDERS = {
    "博士": [("大学本科", "学士", 4, 22), ("硕士研究生", "硕士", 3, 25), ("博士研究生", "博士", 4, 29)],
    "硕士": [("高中", "无", 3, 18), ("大学本科", "学士", 4, 22), ("硕士研究生", "硕士", 3, 25)],
    "本科": [("高中", "无", 3, 18), ("大学专科", "无", 3, 21), ("大学本科", "学士", 4, 22)],
    "大专": [("初中及以下", "无", 3, 15), ("高中", "无", 3, 18), ("大学专科", "无", 3, 21)],
    "中专及以下": [("初中及以下", "无", 3, 15), ("中等专科", "无", 3, 18)],
}
SCHOOLS = {
    "博士研究生": ["天津大学", "南开大学", "河北工业大学", "天津医科大学"],
    "硕士研究生": ["天津大学", "南开大学", "天津工业大学", "天津科技大学", "天津理工大学", "天津师范大学"],
    "大学本科": ["天津理工大学", "天津科技大学", "天津工业大学", "天津城建大学", "天津商业大学", "天津财经大学",
             "天津职业技术师范大学", "中国民航大学"],
    "大学专科": ["天津职业大学", "天津中德应用技术大学", "天津电子信息职业技术学院", "天津轻工职业技术学院",
             "天津现代职业技术学院", "天津渤海职业技术学院"],
    "中等专科": ["天津市第一商业学校", "天津市机电工艺学院", "天津市化学工业学校", "天津市电子信息高级技术学校"],
    "技工学校": ["天津市机电工艺技师学院", "天津市第二轻工业学校"],
    "高中": ["天津市第一中学", "天津市耀华中学", "天津经济技术开发区第一中学", "天津市滨海新区塘沽第一中学"],
    "初中及以下": ["天津经济技术开发区国际学校", "天津市滨海新区塘沽第五中学"],
}

# Series and the specialties applied for; the qualification names are those of
# ``schemas/qualifications.yaml`` for the three self-appointment levels.
SERIES = {
    "工程技术": (["机械设计", "电气工程", "化工工艺", "软件工程", "材料工程", "质量管理", "工业工程"],
             {"员级": "技术员", "助理级": "助理工程师", "中级": "工程师"}),
    "经济": (["人力资源管理", "工商管理", "财政税收"], {"员级": None, "助理级": "助理经济师", "中级": "经济师"}),
    "会计": (["会计"], {"员级": None, "助理级": "助理会计师", "中级": "会计师"}),
    "统计": (["统计"], {"员级": None, "助理级": "助理统计师", "中级": "统计师"}),
}
SERIES_SHARES = {"工程技术": 0.75, "经济": 0.12, "会计": 0.09, "统计": 0.04}
MAJORS = {
    "机械设计": "机械设计制造及其自动化", "电气工程": "电气工程及其自动化", "化工工艺": "化学工程与工艺",
    "软件工程": "软件工程", "材料工程": "材料科学与工程", "质量管理": "质量管理工程", "工业工程": "工业工程",
    "人力资源管理": "人力资源管理", "工商管理": "工商管理", "财政税收": "税收学", "会计": "会计学", "统计": "统计学",
}
# 所学专业 of the rows below 大专.
SCHOOL_MAJORS = {"中等专科": "机电技术应用", "技工学校": "数控加工", "高中": "普通高中", "初中及以下": "初中"}
COMPANIES = [
    "天津泰达精密机械有限公司", "天津滨海泰达新材料科技有限公司", "天津开发区智能装备制造有限公司",
    "天津泰达生物医药科技有限公司", "天津经开区汽车零部件有限公司", "天津泰达电子信息技术有限公司",
]
PREVIOUS_EMPLOYERS = [
    "天津滨海新区电子科技有限公司", "天津港保税区物流有限公司", "天津市塘沽化工机械厂",
    "天津某某精工制造有限公司", "天津北辰机电设备有限公司", "天津西青软件技术服务有限公司",
]
SURNAMES = list("王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎")
GIVEN = list("伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍鹏辉玲建国建华志强海燕晓东雪梅文博子涵浩然宇轩欣怡")
NATIONS = (["汉族"] * 94) + ["回族", "满族", "蒙古族", "朝鲜族", "土家族", "壮族"]
POLITICS = ["群众"] * 6 + ["中共党员"] * 3 + ["共青团员"]
ADMIN_POSTS = [None, None, "职员", "职员", "主管", "组长", "经理"]
APPRAISAL_RESULTS = ["合格"] * 6 + ["优秀", "良好", "称职"]
# Tianjin district codes that python-stdnum accepts for births from 1960 on.
REGIONS = ["120101", "120102", "120103", "120104", "120105", "120106", "120110", "120111", "120112", "120113"]

ID_WEIGHTS = np.array([pow(2, 17 - position, 11) for position in range(17)], dtype=np.int64)
CHECK_CHARACTERS = np.array(list("10X98765432"))

# Field faults and their shares of the applicants (about 10% in all).
FIELD_FAULTS = {
    "ID_CHECKSUM": 0.020, "MOBILE_INVALID": 0.015, "ID_GENDER_MISMATCH": 0.010, "ID_BIRTH_MISMATCH": 0.010,
    "DATE_INVALID": 0.010, "ENUM_INVALID": 0.010, "REQUIRED_MISSING": 0.010, "ID_LOST_DIGITS": 0.005,
    "EDU_DATES_ORDER": 0.005, "CE_DUPLICATE_YEAR": 0.005,
}
# Eligibility faults and their shares of the applicants (about 15% in all).
ELIGIBILITY_FAULTS = {
    "CE_HOURS": 0.040, "CE_MISSING_YEAR": 0.020, "APPRAISAL_NOT_PASSING": 0.020, "MIN_WORK_YEARS": 0.030,
    "SPECIALTY_MATCH": 0.015, "LEVEL_TIER_ROUTE": 0.010, "TITLE_FIELDS_NONE": 0.010, "TECH_POST_BLANK": 0.005,
}

PERSONAL_COLUMNS = [
    "工作单位", "评价方式", "申报系列", "申报层级", "申报职称专业", "申报资格名称", "证件类型", "证件号码", "姓名",
    "性别", "出生日期", "国别", "民族", "手机号码", "联系电话", "政治面貌", "行政职务", "行政职务级别",
    "职称外语情况", "职称计算机情况", "照片", "现从事专业", "参加专业技术工作日期", "从事专业技术工作年限",
    "职称系列", "职称层级", "职称专业", "职称授予时间", "聘任系列", "职称证书附件", "工作岗位", "工作能力",
    "业绩成果", "业绩佐证材料",
]
EDUCATION_COLUMNS = ["证件号码", "入学时间", "毕业时间", "毕业院校", "所学专业", "学历", "学位", "学制",
                     "是否工作前学历", "备注", "学信网可查", "附件"]
WORK_COLUMNS = ["证件号码", "开始日期", "结束日期", "工作单位", "行政职务", "专业技术职务", "工作内容"]
CE_COLUMNS = ["证件号码", "年度", "公需科目学时数", "专业培训学时数", "总学时数", "继续教育网可查", "附件"]
APPRAISAL_COLUMNS = ["证件号码", "考核年度", "考核结果"]
REVIEW_COLUMNS = ["证件号码", "审核结果", "审批意见", "拟聘任时间"]


class Date(int):
    """An Excel serial day number, written as a date cell."""


def _serial(day: np.datetime64 | dt.date) -> Date:
    return Date(int((np.datetime64(day, "D") - EXCEL_EPOCH).astype(np.int64)))


def check_characters(bodies: np.ndarray) -> np.ndarray:
    """Return the GB 11643 check character of each 17-digit ID body (MOD 11-2).

    >>> check_characters(np.array(["12010119900101123"])).tolist()
    ['9']
    """
    digits = np.frombuffer("".join(bodies).encode("ascii"), dtype=np.uint8).reshape(len(bodies), 17) - ord("0")
    total = digits.astype(np.int64) @ ID_WEIGHTS
    return CHECK_CHARACTERS[total % 11]


def _choose(rng: np.random.Generator, options: list | tuple, n: int, shares=None) -> np.ndarray:
    picked = rng.choice(len(options), size=n, p=shares)
    return np.array(options, dtype=object)[picked]


def _add_months(day: dt.date, months: int) -> dt.date:
    total = day.year * 12 + day.month - 1 + months
    return dt.date(total // 12, total % 12 + 1, min(day.day, 28))


def _date_text(day: dt.date, style: int) -> str:
    if style == 0:
        return f"{day.year}.{day.month:02d}.{day.day:02d}"
    if style == 1:
        return f"{day.year}年{day.month}月{day.day}日"
    return f"{day.year}/{day.month}/{day.day}"


class _Plan:
    """The per-applicant choices, drawn with numpy for the whole batch at once."""

    def __init__(self, n: int, rng: np.random.Generator) -> None:
        self.n = n
        self.tier = _choose(rng, TIERS, n, TIER_SHARES)
        self.level = np.empty(n, dtype=object)
        for tier, shares in LEVEL_SHARES.items():
            mask = self.tier == tier
            self.level[mask] = _choose(rng, LEVELS, int(mask.sum()), shares)
        self.series = _choose(rng, list(SERIES_SHARES), n, list(SERIES_SHARES.values()))
        # Only 工程技术 has 员级 among these series.
        self.series[(self.level == "员级")] = "工程技术"
        self.field_fault = self._faults(rng, FIELD_FAULTS)
        self.eligibility_fault = self._faults(rng, ELIGIBILITY_FAULTS)
        # The first applicants carry one fault each, so that even a small batch
        # has every kind; the eligibility ones are 本科 applying for 助理级.
        for position, fault in enumerate(list(FIELD_FAULTS)[:n]):
            self.field_fault[position], self.eligibility_fault[position] = fault, ""
        for position, fault in enumerate(ELIGIBILITY_FAULTS, start=len(FIELD_FAULTS)):
            if position < n:
                self.field_fault[position], self.eligibility_fault[position] = "", fault
                self.tier[position], self.level[position], self.series[position] = "本科", "助理级", "工程技术"
        # The next one only lacks a continuing-education record (需补充材料).
        self.missing_record = np.zeros(n, dtype=bool)
        material = len(FIELD_FAULTS) + len(ELIGIBILITY_FAULTS)
        if material < n:
            self.field_fault[material], self.eligibility_fault[material] = "", ""
            self.missing_record[material] = True
        # Faults that need a particular level or tier fall back to another one.
        needs_years = np.array([MIN_WORK_YEARS[(level, tier)] > 0 for level, tier in zip(self.level, self.tier)])
        self.eligibility_fault[(self.eligibility_fault == "MIN_WORK_YEARS") & ~needs_years] = "CE_HOURS"
        route = self.eligibility_fault == "LEVEL_TIER_ROUTE"
        self.level[route & np.isin(self.tier, ("本科", "大专", "中专及以下"))] = "中级"
        self.level[route & np.isin(self.tier, ("博士", "硕士"))] = "员级"
        self.series[route] = "工程技术"
        junior_or_doctor = (self.level != "中级") | (self.tier == "博士")
        for fault in ("TITLE_FIELDS_NONE", "TECH_POST_BLANK"):
            self.eligibility_fault[(self.eligibility_fault == fault) & ~junior_or_doctor] = "CE_HOURS"

        self.months_extra = rng.integers(1, 300, size=n)
        self.day = rng.integers(1, 21, size=n)
        self.education_rows = np.minimum(rng.choice([1, 2, 3], size=n, p=[0.2, 0.6, 0.2]),
                                         [len(LADDERS[tier]) for tier in self.tier])
        self.part_time = (self.education_rows >= 2) & np.isin(self.tier, ("本科", "大专")) & (rng.random(n) < 0.3)
        self.work_rows = rng.choice([1, 2, 3, 4, 5], size=n, p=[0.1, 0.2, 0.4, 0.2, 0.1])
        self.birth_offset = rng.integers(0, 2, size=n)
        self.birth_month = rng.integers(1, 13, size=n)
        self.birth_day = rng.integers(1, 29, size=n)
        self.region = _choose(rng, REGIONS, n)
        self.sequence = rng.integers(0, 1000, size=n)
        self.names = (_choose(rng, SURNAMES, n) + _choose(rng, GIVEN, n)
                      + np.where(rng.random(n) < 0.6, _choose(rng, GIVEN, n), ""))
        self.company = _choose(rng, COMPANIES, n)
        self.specialty_index = rng.integers(0, 100, size=n)
        self.nation = _choose(rng, NATIONS, n)
        self.politics = _choose(rng, POLITICS, n)
        self.admin_post = _choose(rng, ADMIN_POSTS, n)
        self.mobile = np.char.add(_choose(rng, ["139", "138", "136", "135", "158", "186", "177", "150"], n).astype(str),
                                  np.char.zfill(rng.integers(0, 10**8, size=n).astype(str), 8))
        self.landline = np.where(rng.random(n) < 0.5, np.char.add("022-6", np.char.zfill(rng.integers(0, 10**7, size=n).astype(str), 7)), "")
        self.typed_text_date = rng.random(n) < 0.03
        self.text_style = rng.integers(0, 3, size=n)
        self.hours_text = rng.random(n) < 0.02
        self.unconfirmed_ce = rng.random(n) < 0.05
        self.review = _choose(rng, ["通过", "不通过", ""], n, [0.90, 0.07, 0.03])
        self.random = rng

    def _faults(self, rng: np.random.Generator, shares: dict[str, float]) -> np.ndarray:
        names = list(shares) + [""]
        probabilities = list(shares.values()) + [1 - sum(shares.values())]
        return _choose(rng, names, self.n, probabilities)


def _ids(plan: _Plan, births: list[dt.date]) -> np.ndarray:
    """Return distinct 18-digit IDs with valid check characters; the 17th digit sets the gender."""
    bodies = np.array([f"{region}{birth:%Y%m%d}{sequence:03d}"
                       for region, birth, sequence in zip(plan.region, births, plan.sequence)])
    # Redraw the sequence of an ID body that occurs twice.
    seen: set[str] = set()
    for position, body in enumerate(bodies):
        while body in seen:
            body = body[:14] + f"{int(plan.random.integers(0, 1000)):03d}"
        seen.add(body)
        bodies[position] = body
    return np.char.add(bodies, check_characters(bodies))


PROJECTS = ["生产线自动化改造", "新产品试制", "质量提升", "工艺优化", "设备国产化替代", "数字化车间建设",
            "节能降耗", "供应链协同", "信息系统升级", "安全生产标准化"]


def _texts(specialty: str, numbers: np.ndarray) -> tuple[str, str, str]:
    """Return 工作能力, 业绩成果 and 工作内容 texts; ``numbers`` (floats in [0, 1)) make them differ per applicant."""
    project = PROJECTS[int(numbers[0] * len(PROJECTS))]
    code = int(numbers[1] * 100_000)
    ability = (f"熟悉{specialty}相关的国家标准和行业规范，能够独立完成本岗位的{specialty}工作，"
               f"具备分析和解决现场技术问题的能力，近三年累计处理技术问题{int(numbers[2] * 200) + 10}项，"
               f"能够指导新入职人员开展工作。")
    achievement = (f"参与公司“{project}”项目（项目编号 P{code:05d}）的{specialty}工作，负责方案编制和过程控制，"
                   f"项目按期完成并通过验收；提出改进建议{int(numbers[3] * 9) + 2}项，其中{int(numbers[3] * 3) + 1}项已被采纳实施，"
                   f"年节约成本约{int(numbers[2] * 90) + 10}万元。")
    content = f"从事{specialty}工作，参加“{project}”项目，独立承担日常技术任务（项目编号 P{code:05d}）。"
    return ability, achievement, content


def build_sheets(n: int, seed: int = 0) -> dict[str, tuple[list[str], list[list[object]]]]:
    """Return the rows of every sheet as (header, rows).

    Values are ``str``, ``int``/``float`` (numbers), :class:`Date` (dates) or
    ``None`` (blank).
    """
    rng = np.random.default_rng(seed)
    plan = _Plan(n, rng)
    reference = dt.date(2026, 11, 20)

    people: list[list[object]] = []
    education: list[list[object]] = []
    work: list[list[object]] = []
    ce: list[list[object]] = []
    appraisal: list[list[object]] = []
    review: list[list[object]] = []

    # Dates first, because the IDs encode the birth dates.
    timelines = [_timeline(plan, index, reference) for index in range(n)]
    births = [timeline["birth"] for timeline in timelines]
    ids = _ids(plan, births)
    random_values = rng.random((n, 12))

    for index in range(n):
        timeline = timelines[index]
        key = str(ids[index])
        tier, level, series = plan.tier[index], plan.level[index], str(plan.series[index])
        field_fault, eligibility_fault = plan.field_fault[index], plan.eligibility_fault[index]
        specialties, qualifications = SERIES[series]
        specialty = specialties[plan.specialty_index[index] % len(specialties)]
        gender = "男" if int(key[16]) % 2 else "女"
        master_intermediate = level == "中级" and tier == "硕士"
        typed = random_values[index]

        def date_cell(day: dt.date | None) -> object:
            if day is None:
                return None
            if plan.typed_text_date[index] and typed[0] < 0.5:
                return _date_text(day, int(plan.text_style[index]))
            return _serial(day)

        id_cell: object = key
        if field_fault == "ID_CHECKSUM":
            id_cell = key[:17] + ("0" if key[17] != "0" else "1")
        elif field_fault == "ID_LOST_DIGITS":
            id_cell = float(key[:17] + "0") if key[17] == "X" else float(key)
        row_key = key if field_fault != "ID_CHECKSUM" else id_cell

        birth_cell: object = date_cell(timeline["birth"])
        if field_fault == "ID_BIRTH_MISMATCH":
            birth_cell = _serial(timeline["birth"] + dt.timedelta(days=1 if timeline["birth"].day < 28 else -1))
        gender_cell = gender
        if field_fault == "ID_GENDER_MISMATCH":
            gender_cell = "女" if gender == "男" else "男"
        mobile = str(plan.mobile[index]) if field_fault != "MOBILE_INVALID" else str(plan.mobile[index])[:10]
        current = specialty
        if eligibility_fault == "SPECIALTY_MATCH":
            current = specialties[0] if specialty != specialties[0] else specialty + "管理"
        start = timeline["work_start"]
        typed_years = _whole_years(start, reference)
        title_none = "无"
        title_series = series if master_intermediate else title_none
        if eligibility_fault == "TITLE_FIELDS_NONE":
            title_series = series
        ability, achievement, content = _texts(specialty, typed[8:12])
        people.append([
            str(plan.company[index]), "自主聘任", series, level, specialty,
            qualifications[level] or "助理工程师", "居民身份证(户口簿)", id_cell, str(plan.names[index]), gender_cell,
            birth_cell, "中国", str(plan.nation[index]), mobile, str(plan.landline[index]) or None,
            str(plan.politics[index]), plan.admin_post[index], None, None, None, None, current, date_cell(start),
            typed_years if not (plan.hours_text[index]) else f"{typed_years}年",
            title_series, "助理级" if master_intermediate else title_none, specialty if master_intermediate else title_none,
            _serial(timeline["grant"]) if master_intermediate else None,
            series if master_intermediate else title_none,
            f"{qualifications['助理级']}证书.pdf" if master_intermediate else None,
            f"{specialty}岗", ability, achievement, "业绩佐证材料.pdf" if level == "中级" else None,
        ])

        for number, (degree, title, enrolled, graduated, before_work, part_time) in enumerate(timeline["education"]):
            enrol_cell: object = date_cell(enrolled)
            graduation_cell: object = date_cell(graduated)
            if field_fault == "DATE_INVALID" and number == len(timeline["education"]) - 1:
                graduation_cell = f"{graduated.year}-13-{graduated.day:02d}"
            if field_fault == "EDU_DATES_ORDER" and number == len(timeline["education"]) - 1:
                enrol_cell, graduation_cell = graduation_cell, enrol_cell
            degree_cell = degree
            if field_fault == "ENUM_INVALID" and number == len(timeline["education"]) - 1:
                degree_cell = {"博士研究生": "博士生", "硕士研究生": "研究生", "大学本科": "本科生"}.get(degree, degree + "毕业")
            confirmed = degree in ("博士研究生", "硕士研究生", "大学本科", "大学专科") and typed[1] > 0.05
            attachments = None if confirmed else "毕业证书.pdf;学历证书电子注册备案表.pdf"
            education.append([
                row_key, enrol_cell, graduation_cell, SCHOOLS[degree][index % len(SCHOOLS[degree])],
                MAJORS[specialty] if degree in ("博士研究生", "硕士研究生", "大学本科", "大学专科") else SCHOOL_MAJORS[degree],
                degree_cell, title, "非全日制" if part_time else "全日制", "是" if before_work else "否", None,
                "是" if confirmed else "否", attachments,
            ])

        periods = timeline["work"]
        for number, (begin, end) in enumerate(periods):
            last = number == len(periods) - 1
            post = "助理工程师" if master_intermediate and last else None
            if eligibility_fault == "TECH_POST_BLANK" and last:
                post = "技术员"
            work_content = content if last else f"从事{specialty}相关工作，协助完成部门技术任务。"
            if field_fault == "REQUIRED_MISSING" and last:
                work_content = None
            work.append([
                row_key, date_cell(begin), date_cell(end), str(plan.company[index]) if last else PREVIOUS_EMPLOYERS[(index + number) % len(PREVIOUS_EMPLOYERS)],
                plan.admin_post[index] or "职员", post, work_content,
            ])

        ce_needed = CE_YEARS[tier] if not master_intermediate else 2
        ce_count = max(ce_needed, 3)
        short_year = APPLICATION_YEAR - int(typed[2] * ce_needed)
        for offset in range(ce_count):
            year = APPLICATION_YEAR - offset
            if eligibility_fault == "CE_MISSING_YEAR" and offset == 0:
                continue
            public = 32 + 4 * int(typed[3] * 5)
            professional = 64 + 8 * int(typed[4] * 4)
            if eligibility_fault == "CE_HOURS" and year == short_year:
                professional = 48
            confirmed = not (plan.unconfirmed_ce[index] or plan.missing_record[index])
            hours: list[object] = [float(public), float(professional), float(public + professional)]
            if plan.hours_text[index]:
                hours[0] = f"{public}学时"
            attached = not confirmed and typed[5] >= 0.3 and not plan.missing_record[index]
            row = [row_key, year, *hours, "是" if confirmed else "否", f"继续教育学习记录_{year}.pdf" if attached else None]
            ce.append(row)
            if field_fault == "CE_DUPLICATE_YEAR" and offset == 0:
                ce.append(list(row))

        appraisal_count = max(APPRAISAL_YEARS[tier], 3)
        for offset in range(appraisal_count):
            year = APPLICATION_YEAR - 1 - offset
            result = APPRAISAL_RESULTS[int(typed[6] * len(APPRAISAL_RESULTS) + offset) % len(APPRAISAL_RESULTS)]
            if eligibility_fault == "APPRAISAL_NOT_PASSING" and offset == 0:
                result = "基本合格"
            appraisal.append([row_key, year, result])

        decision = str(plan.review[index])
        if eligibility_fault:
            decision = "不通过" if typed[7] < 0.5 else ""
        if decision:
            review.append([
                row_key, decision, "不符合聘任条件，暂缓聘任。" if decision == "不通过" else None,
                _serial(APPOINTMENT_DATE) if decision == "通过" else None,
            ])

    unit = [
        ["单位名称", "天津泰达集团职称自主聘任（合并）"],
        ["统一社会信用代码", "91120116MA07R3K571"],
        ["行政区划", "经济技术开发区"],
        ["联系人", "王晓东"],
        ["通讯地址", "天津经济技术开发区第三大街51号"],
        ["联系电话", "022-65201188"],
        ["上级单位", "天津经济技术开发区人力资源和社会保障局"],
        ["单位性质", "企业"],
        ["申报年度", APPLICATION_YEAR],
        ["申报日期", _serial(reference)],
        ["推荐委员会总人数", 7],
        ["参加人数", 7],
        ["赞成人数", 6],
        ["公示开始日期", _serial(dt.date(2026, 11, 23))],
        ["公示结束日期", _serial(dt.date(2026, 11, 27))],
        ["公示部门", "人力资源部"],
        ["公示联系地址", "天津经济技术开发区第三大街51号"],
        ["公示联系电话", "022-65201188"],
    ]
    return {
        "个人信息": (PERSONAL_COLUMNS, people),
        "学历信息": (EDUCATION_COLUMNS, education),
        "工作经历": (WORK_COLUMNS, work),
        "继续教育": (CE_COLUMNS, ce),
        "考核情况": (APPRAISAL_COLUMNS, appraisal),
        "单位审核": (REVIEW_COLUMNS, review),
        "单位信息": (["项目", "内容"], unit),
    }


def _whole_years(start: dt.date, end: dt.date) -> int:
    return end.year - start.year - ((end.month, end.day) < (start.month, start.day))


def _timeline(plan: _Plan, index: int, reference: dt.date) -> dict[str, object]:
    """Place the applicant's education, work start, title grant and work periods in time."""
    tier, level = plan.tier[index], plan.level[index]
    required = MIN_WORK_YEARS.get((level, tier), 0)
    master_intermediate = level == "中级" and tier == "硕士"
    needed = max(required, APPRAISAL_YEARS[tier], 1)
    months = needed * 12 + int(plan.months_extra[index])
    if plan.eligibility_fault[index] == "MIN_WORK_YEARS":
        months = max(required * 12 - 1 - int(plan.months_extra[index]) % (required * 12), 0)
    # Work years count from this date; its day is at most the reference day,
    # so the whole months up to the reference date are exactly ``months``.
    count_from = _add_months(reference.replace(day=int(plan.day[index])), -months)

    ladder = LADDERS[tier][-int(plan.education_rows[index]):]
    grant = None
    if master_intermediate:
        grant = count_from
        extra = 2 if plan.eligibility_fault[index] != "MIN_WORK_YEARS" else 1
        start = _add_months(grant, -12 * extra - int(plan.months_extra[index]) % 12)
        top_graduation = dt.date(start.year if start.month >= 7 else start.year - 1, 6, 30)
    elif plan.part_time[index]:
        top_graduation = count_from
        previous_graduation = dt.date(top_graduation.year - ladder[-1][2] - 1, 6, 30)
        start = previous_graduation + dt.timedelta(days=15 + int(plan.months_extra[index]) % 60)
    else:
        start = count_from
        top_graduation = dt.date(start.year if start.month >= 7 else start.year - 1, 6, 30)

    rows = []
    graduated = top_graduation
    for position in range(len(ladder) - 1, -1, -1):
        degree, title, years, _ = ladder[position]
        part_time = bool(plan.part_time[index]) and position == len(ladder) - 1
        if position == len(ladder) - 2 and plan.part_time[index]:
            graduated = dt.date(top_graduation.year - ladder[-1][2] - 1, 6, 30)
        enrolled = dt.date(graduated.year - years, 9, 1) if not part_time else dt.date(graduated.year - years, 3, 1)
        rows.append((degree, title, enrolled, graduated, graduated <= start, part_time))
        graduated = dt.date(enrolled.year, 6, 30)
    rows.reverse()
    first_degree = ladder[0]
    birth_year = rows[0][3].year - first_degree[3] - int(plan.birth_offset[index])
    birth = dt.date(birth_year, int(plan.birth_month[index]), int(plan.birth_day[index]))

    count = int(plan.work_rows[index])
    span = (reference - start).days
    count = max(1, min(count, span // 180))
    bounds = sorted({int(value) for value in plan.random.integers(1, max(span - 30, 2), size=count - 1)}) if count > 1 else []
    begins = [start] + [start + dt.timedelta(days=value) for value in bounds]
    periods = []
    for number, begin in enumerate(begins):
        end = begins[number + 1] - dt.timedelta(days=1) if number + 1 < len(begins) else None
        periods.append((begin, end))
    return {"birth": birth, "work_start": start, "grant": grant, "education": rows, "work": periods}


def write_workbook(sheets: dict[str, tuple[list[str], list[list[object]]]], path: str | os.PathLike) -> Path:
    """Write the sheets with xlsxwriter in constant_memory mode and return the path."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    workbook = xlsxwriter.Workbook(str(path), {
        "constant_memory": True, "strings_to_numbers": False, "strings_to_formulas": False, "strings_to_urls": False,
    })
    workbook.set_properties({"created": dt.datetime(2026, 11, 20, 9, 0, 0)})
    header_format = workbook.add_format({"bold": True})
    date_format = workbook.add_format({"num_format": "yyyy-mm-dd"})
    text_format = workbook.add_format({"num_format": "@"})
    for name, (header, rows) in sheets.items():
        sheet = workbook.add_worksheet(name)
        write_string, write_number = sheet.write_string, sheet.write_number
        id_column = header.index("证件号码") if "证件号码" in header else -1
        for column, label in enumerate(header):
            write_string(0, column, label, header_format)
        for row_number, row in enumerate(rows, start=1):
            for column, value in enumerate(row):
                if value is None:
                    continue
                kind = type(value)
                if kind is str:
                    write_string(row_number, column, value, text_format if column == id_column else None)
                elif kind is Date:
                    write_number(row_number, column, value, date_format)
                else:
                    write_number(row_number, column, value)
    workbook.close()
    return path


def generate(n: int = 100_000, path: str | os.PathLike = "synthetic_batch.xlsx", seed: int = 0) -> Path:
    """Write a synthetic batch of ``n`` applicants to ``path`` and return the path."""
    return write_workbook(build_sheets(n, seed), path)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write a synthetic zcbatch input workbook.")
    parser.add_argument("--applicants", type=int, default=100_000, help="number of applicants (default 100000)")
    parser.add_argument("--out", required=True, help="path of the .xlsx to write")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    arguments = parser.parse_args(argv)
    if arguments.applicants < 1:
        parser.error("--applicants must be at least 1")
    generate(arguments.applicants, arguments.out, arguments.seed)
    return 0


if __name__ == "__main__":
    sys.exit(main())
