"""Build the bundled sample batch ``申报汇总.xlsx`` and its attachment folder.

The sample is one company's yearly batch of self-appointed junior and
intermediate titles in the Tianjin Economic-Technological Development Area:
the sheets 个人信息, 学历信息, 工作经历, 继续教育, 考核情况, 单位审核 and 单位信息
laid out as in ``schemas/fields.yaml``. The application year is 2026 and the
reference date (申报日期) is 2026-11-20.

Every applicant row in 个人信息 ends with two extra columns that state what the
checks should find: ``预期状态`` (可聘任, 需补充材料, 不符合条件 or 数据错误) and
``预期规则`` (the rule codes of ``zcbatch.codes``, sorted and comma-separated).
The expected values assume a run with ``--attachments sample_data/附件``,
because the photo and attachment findings need the files.

The cells are written the way people fill the workbook. IDs and phone numbers
are text cells, except one ID that Excel turned into a number. Dates are Excel
dates or text in several typed forms, and hours are numbers, text or
full-width digits.

The output is deterministic: a fixed random seed, no use of today's date, fixed
workbook properties and fixed ZIP entry timestamps, so two runs give files with
the same SHA-256.

Usage::

    python sample_data/make_sample.py            # writes next to this script
    python sample_data/make_sample.py --out DIR  # writes DIR/申报汇总.xlsx and DIR/附件/
    python sample_data/make_sample.py --table    # prints the README applicant table
"""

from __future__ import annotations

import argparse
import datetime
import io
import random
import sys
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.writer.excel import ExcelWriter
from PIL import Image, ImageDraw
from stdnum.cn import ric

HERE = Path(__file__).resolve().parent
WORKBOOK_NAME = "申报汇总.xlsx"
ATTACHMENT_DIR_NAME = "附件"

SEED = 20261120
# Workbook core properties and ZIP entry times, fixed so that two runs write the same bytes.
FIXED_TIMESTAMP = datetime.datetime(2026, 11, 20, 9, 0, 0)

APPLICATION_YEAR = 2026
REFERENCE_DATE = datetime.date(2026, 11, 20)
APPOINTMENT_DATE = datetime.date(2026, 11, 30)

COMPANY = "天津滨海泰达新材料科技有限公司"
# Made-up code: registration 9 (market regulator), type 1 (enterprise), region
# 120116, organisation code MA07R3K5 with its GB 11714 check digit 7, and the
# GB 32100 check character 1.
COMPANY_USCC = "91120116MA07R3K571"
COMPANY_ADDRESS = "天津经济技术开发区第十一大街58号"
COMPANY_PHONE = "022-65201188"

# Tianjin district codes that python-stdnum 2.2 accepts for people born before
# 2000. It checks a code against the birth year, and 120114-120119 were created
# between 2000 and 2016.
TIANJIN_REGIONS = [
    "120101", "120102", "120103", "120104", "120105", "120106", "120107",
    "120108", "120109", "120110", "120111", "120112", "120113",
]

EXTRA_COLUMNS = ["备注（内部）", "预期状态", "预期规则"]

d = datetime.date


# ---------------------------------------------------------------------------
# Cell values


@dataclass(frozen=True)
class Cell:
    """A cell value with the number format it is written with."""

    value: object
    number_format: str = "General"


def text(value: str) -> Cell:
    """Return a text cell (number format ``@``), the way IDs should be typed."""
    return Cell(value, "@")


def serial(day: datetime.date) -> Cell:
    """Return ``day`` as an Excel serial number in a General cell."""
    return Cell((day - d(1899, 12, 30)).days, "General")


def parse_typed_date(value: object) -> datetime.date | None:
    """Return the date that a date value of this generator represents."""
    if value is None:
        return None
    if isinstance(value, Cell):
        if isinstance(value.value, int) and value.number_format == "General":
            return d(1899, 12, 30) + datetime.timedelta(days=value.value)
        value = value.value
    if isinstance(value, datetime.date):
        return value
    raw = str(value).strip()
    for separator in ("-", "/", "."):
        parts = raw.split(separator)
        if len(parts) in (2, 3) and all(part.isdigit() for part in parts):
            numbers = [int(part) for part in parts] + [1]
            return d(numbers[0], numbers[1], numbers[2])
    if "年" in raw:
        year, rest = raw.split("年", 1)
        month, _, day = rest.partition("月")
        day = day.rstrip("日") or "1"
        return d(int(year), int(month), int(day))
    raise ValueError(f"unrecognized date format: {value!r}")


# ---------------------------------------------------------------------------
# Applicant model


@dataclass
class Education:
    """One 学历信息 row."""

    enrolled: object
    graduated: object
    school: str
    major: str
    level: str
    degree: str
    mode: str = "全日制"
    before_work: object = "是"
    note: str | None = None
    xuexin: object = "是"
    attachments: list[str] = field(default_factory=list)


@dataclass
class Job:
    """One 工作经历 row. An ``end`` of None means 至今."""

    start: object
    end: object
    employer: str
    post: str | None
    content: str
    tech_post: str | None = None


@dataclass
class Training:
    """One 继续教育 row."""

    year: object
    public: object
    professional: object
    total: object
    confirmed: object = "是"
    attachments: list[str] = field(default_factory=list)
    id_override: Cell | None = None


@dataclass
class Appraisal:
    """One 考核情况 row."""

    year: object
    result: str
    id_override: Cell | None = None


@dataclass
class Review:
    """One 单位审核 row."""

    result: str
    opinion: str | None = None
    appointment: object = None


@dataclass
class Applicant:
    """One applicant with the rows of every sheet and the intended outcome."""

    name: str
    gender: str
    birth: object
    id_cell: Cell
    mobile: Cell
    level: str
    specialty: str
    work_start: object
    typed_years: object
    tier: str
    educations: list[Education]
    jobs: list[Job]
    trainings: list[Training]
    appraisals: list[Appraisal]
    review: Review | None
    status: str
    rules: list[str]
    note: str
    series: str = "工程技术"
    qualification: str | None = None
    evaluation: str = "自主聘任"
    id_type: str = "居民身份证(户口簿)"
    country: str = "中国"
    nation: str = "汉族"
    politics: str = "群众"
    phone: Cell | None = None
    employer: str = COMPANY
    current_specialty: str | None = None
    title_series: str | None = "无"
    title_level: str | None = "无"
    title_specialty: str | None = "无"
    title_granted: object = None
    appointed_series: str | None = "无"
    title_certificate: list[str] = field(default_factory=list)
    position: str | None = None
    ability: str = ""
    achievement: str = ""
    evidence: list[str] = field(default_factory=list)
    photo: str | None = None
    admin_post: str | None = None
    # Merge the 工作单位 cells of this applicant's first two 工作经历 rows.
    merged_employer: bool = False


QUALIFICATIONS = {
    ("工程技术", "员级"): "技术员",
    ("工程技术", "助理级"): "助理工程师",
    ("工程技术", "中级"): "工程师",
    ("工程技术", "副高级"): "高级工程师",
    ("经济", "助理级"): "助理经济师",
    ("会计", "助理级"): "助理会计师",
}


# ---------------------------------------------------------------------------
# Generated identifiers


class Identities:
    """Made-up ID and mobile numbers drawn from one seeded generator."""

    def __init__(self, rng: random.Random) -> None:
        self._rng = rng
        self._issued: set[str] = set()

    def resident_id(self, region: str, birth: datetime.date, gender: str, *, check: str | None = None) -> str:
        """Return an 18-digit ID with a valid GB 11643 check digit.

        ``gender`` sets the parity of the 17th digit (odd 男, even 女). With
        ``check`` the order code is drawn until the check digit equals it.
        """
        while True:
            order = self._rng.randrange(1, 50) * 10 + self._rng.choice(
                [1, 3, 5, 7, 9] if gender == "男" else [0, 2, 4, 6, 8])
            body = f"{region}{birth:%Y%m%d}{order:03d}"
            number = body + ric.calc_check_digit(body + "0")
            if check is not None and number[-1] != check:
                continue
            if number not in self._issued and ric.is_valid(number):
                self._issued.add(number)
                return number

    def mobile(self) -> str:
        """Return an 11-digit mobile number with a 13x-19x prefix."""
        prefix = self._rng.choice(["130", "131", "132", "135", "136", "137", "138", "139", "150", "151",
                                   "152", "155", "156", "157", "158", "159", "166", "176", "177", "178",
                                   "180", "181", "182", "185", "186", "187", "188", "189", "191", "199"])
        return prefix + f"{self._rng.randrange(10**8):08d}"


# ---------------------------------------------------------------------------
# Texts


@dataclass(frozen=True)
class SpecialtyText:
    """Realistic 工作内容, 工作能力 and 业绩成果 sentences for one specialty."""

    position: str
    work: tuple[str, ...]
    ability: tuple[str, ...]
    achievement: tuple[str, ...]


TEXTS: dict[str, SpecialtyText] = {
    "耐火材料": SpecialtyText(
        "耐材工艺技术员",
        ("负责镁碳砖、铝镁尖晶石浇注料的配方试验与性能检测，独立承担原料进厂检验和烧成制度调整。",
         "参与不定形耐火材料生产线的工艺控制，负责混练、成型工序的参数记录与质量分析。"),
        ("熟悉耐火材料原料性能和成型、烧成工艺，能独立完成常温耐压强度、显气孔率、荷重软化温度等指标的检测与数据分析，能根据检测结果提出配方调整意见。",
         "掌握浇注料配方设计的基本方法，能熟练操作强制式搅拌机、振动成型机和高温电炉，能按国家标准完成理化指标检测。"),
        ("参与钢包用低碳镁碳砖配方优化项目，负责抗氧化剂加入量试验，产品使用寿命由平均85炉次提高到102炉次；编写《浇注料施工作业指导书》1份。",
         "独立完成高炉出铁沟浇注料的现场施工跟踪，整理使用数据12组，协助将返修率由8%降到5%。")),
    "高分子材料": SpecialtyText(
        "改性材料研发助理",
        ("从事改性聚丙烯、尼龙复合材料的配方开发和注塑工艺调试，参加新产品小试和中试。",
         "负责改性工程塑料的配方试验和性能测试，参与客户技术对接和样件试制。"),
        ("掌握高分子材料结构与性能的基本理论，能熟练使用双螺杆挤出机、注塑机及熔融指数仪、万能试验机等设备，能独立完成配方设计与性能评价。",
         "熟悉聚合物改性的常用方法，能分析注塑件缩痕、翘曲等缺陷的原因并提出工艺调整方案，具备撰写试验报告的能力。"),
        ("作为主要参加人（排名第二）完成汽车内饰用低气味改性聚丙烯开发，通过客户认证并批量供货；参与申请发明专利1项（已受理）。",
         "主持完成玻纤增强尼龙66配方降本试验，单吨原料成本下降约6%，年节约费用约40万元；参与制定企业标准1项。")),
    "机械设计": SpecialtyText(
        "机械设计员",
        ("负责生产线非标设备的结构设计与图纸绘制，参与设备安装调试和技术改造。",
         "承担工装夹具与输送设备的设计、图纸审核和现场调试，独立负责车间设备技改项目的图纸管理。"),
        ("能熟练使用SolidWorks、AutoCAD进行三维建模和工程制图，掌握常用机构的设计计算方法，能独立完成非标工装夹具的设计、校核与现场调试。",
         "熟悉机械制图国家标准和公差配合选用，能根据工艺要求完成零部件选型与强度校核。"),
        ("独立完成压砖机自动上料装置的结构设计，减少人工2人/班；参与成型车间输送线改造，设备故障停机时间下降约30%。",
         "参与完成干燥窑推车机构改进设计，解决推车卡滞问题，全年减少停窑4次。")),
    "无机非金属材料": SpecialtyText(
        "材料工艺员",
        ("从事氧化铝陶瓷、碳化硅制品的工艺研究与质量控制，负责烧结曲线优化和检测方法验证。",
         "负责特种陶瓷制品的成型、烧结工艺跟踪及产品理化性能检测，参与客户质量问题的原因分析。"),
        ("掌握无机非金属材料的制备原理和表征方法，能熟练使用X射线衍射仪、扫描电镜和激光粒度仪，能独立分析烧结缺陷的成因。",
         "熟悉粉体制备、干压与等静压成型工艺，能按标准完成密度、抗折强度等指标检测并出具报告。"),
        ("参与氧化铝陶瓷基板烧结工艺优化，成品率由87%提高到93%；以第三完成人发表核心期刊论文1篇。",
         "独立完成碳化硅窑具原料替代试验，验证国产微粉可行，年降低采购成本约25万元。")),
    "化学工程": SpecialtyText(
        "研发工程师",
        ("负责新型催化材料的放大制备与反应工艺研究，主持中试装置的工艺设计和运行。",),
        ("具有扎实的化学工程理论基础，熟悉反应动力学和传质分析方法，能独立设计实验方案并完成过程模拟，能指导技术人员开展中试。",),
        ("主持完成负载型催化剂放大制备工艺开发，实现百公斤级稳定制备；以第一作者发表SCI论文3篇，申请发明专利2项。",)),
    "复合材料": SpecialtyText(
        "复合材料研发助理",
        ("参与碳纤维增强树脂基复合材料的配方与成型工艺研究，负责试样制备和力学性能测试。",),
        ("掌握复合材料界面与力学性能的基本理论，能熟练操作热压罐、真空导入设备和万能试验机，能独立整理分析试验数据。",),
        ("参与完成风电叶片用环氧树脂体系筛选，负责固化工艺试验24组，形成工艺参数建议1份；硕士期间发表论文1篇。",)),
    "化工工艺": SpecialtyText(
        "化工工艺员",
        ("负责合成车间的工艺参数监控、工艺文件编制和异常工况分析，参与装置开停车。",
         "从事精细化工产品的生产工艺管理，负责物料衡算、工艺优化和安全操作规程修订。"),
        ("熟悉化工单元操作和典型反应工艺，能读懂带控制点的工艺流程图，能独立处理一般工艺异常并编写技术总结。",
         "掌握物料衡算与能量衡算方法，熟悉DCS操作和危险化学品安全管理要求，能组织岗位操作培训。"),
        ("参与树脂合成装置节能改造，负责换热流程核算，蒸汽单耗下降约9%；修订岗位操作规程5份。",
         "独立完成干燥工序参数优化试验，产品含水率合格率由95%提高到99%，获公司年度合理化建议二等奖。")),
    "机械制造": SpecialtyText(
        "机加工艺员",
        ("负责零部件机加工工艺编制、数控程序调试和首件检验，参与新品试制。",),
        ("熟悉车、铣、磨等机械加工工艺，能独立编制加工工艺卡并调试数控程序，能使用三坐标测量仪进行检测。",),
        ("编制模具零件加工工艺卡40余份，优化刀具路径后单件加工时间缩短15%；指导新员工4名。",)),
    "机电一体化": SpecialtyText(
        "设备技术员",
        ("负责成型、烧成车间设备的点检、维修和保养计划执行，参与设备故障分析。",),
        ("熟悉液压、气动和电气控制的基本原理，能读懂设备电气原理图，能独立处理设备常见故障。",),
        ("参与压机液压系统改造，故障率明显下降；整理设备点检标准12份，协助建立设备台账。",)),
    "电气自动化": SpecialtyText(
        "电气技术员",
        ("负责生产线PLC控制系统的维护和程序修改，参与变频调速和配电系统改造。",
         "承担车间供配电设备管理和自动化仪表的检修、校验工作，参与配电室年度预防性试验。"),
        ("熟悉西门子S7系列PLC编程和组态软件，能独立完成控制回路设计与调试，掌握低压配电系统的运行维护要求。",
         "掌握电气识图和仪表校验方法，能分析处理变频器、传感器的常见故障，持有电工作业证。"),
        ("完成隧道窑温控系统PLC程序升级，控温精度由±8℃提高到±3℃；参与车间照明节能改造，年节电约12万千瓦时。",
         "独立完成原料车间配料秤自动化改造，配料误差由1.5%降到0.5%；编写电气设备操作规程6份。")),
    "计算机应用": SpecialtyText(
        "信息化工程师助理",
        ("负责企业生产管理系统的需求分析、功能开发和运行维护，参与数据接口开发。",),
        ("熟练掌握Python、Java和SQL，熟悉数据库设计与Web应用开发，能独立完成模块设计、编码与测试。",),
        ("参与开发车间生产数据采集系统，负责报表模块，实现日报自动生成，每月节省统计工时约40小时。",)),
    "环境工程": SpecialtyText(
        "环保技术员",
        ("负责厂区废气、废水治理设施的运行管理和环境监测数据的整理上报，参与环评与排污许可申报。",),
        ("熟悉大气和水污染防治的相关标准，能独立编制环境监测方案，掌握除尘、脱硫设施的运行调试方法。",),
        ("参与窑炉烟气脱硫除尘设施提标改造，颗粒物排放浓度稳定低于10mg/m³；协助完成排污许可证延续申报。",)),
    "安全工程": SpecialtyText(
        "安全管理员",
        ("负责车间安全检查、隐患排查治理和安全培训组织，参与应急预案编制与演练。",),
        ("熟悉安全生产法律法规和标准规范，能运用风险分级管控方法开展危险源辨识，能组织编写安全操作规程。",),
        ("组织完成全厂危险源辨识与风险评价，建立风险清单120余项；参与公司安全生产标准化二级达标复审并顺利通过。",)),
    "化学分析": SpecialtyText(
        "质量检验员",
        ("负责原料和成品的化学成分分析、仪器维护及检验报告出具，参与实验室质量体系运行。",),
        ("熟练掌握化学滴定、分光光度和X射线荧光分析方法，能独立完成仪器校准和期间核查，熟悉实验室质量控制要求。",),
        ("参与建立X射线荧光快速分析方法，检测周期由4小时缩短到1小时；连续三年实验室能力验证结果满意。",)),
    "质量工程": SpecialtyText(
        "质量工程师助理",
        ("负责产品质量数据统计、客户投诉分析和质量体系内审，参与供应商质量审核。",),
        ("熟悉ISO 9001质量管理体系和常用统计工具，能运用SPC和8D方法分析质量问题并推动整改。",),
        ("主导完成客户投诉8D分析3项，相关缺陷复发率为零；参与公司质量管理体系换版认证。",)),
    "人力资源管理": SpecialtyText(
        "人事专员",
        ("负责招聘、员工关系和薪酬福利核算，参与职称申报、人才引进政策申报等工作。",),
        ("熟悉劳动法律法规和人力资源管理各模块，能独立组织校园招聘和薪酬核算，具备较强的沟通协调能力。",),
        ("完成年度校园招聘32人，试用期留存率90%；参与修订《员工绩效考核办法》，协助完成高新技术企业人才资料申报。",)),
    "工商管理": SpecialtyText(
        "运营管理专员",
        ("负责生产经营计划编制、经营数据分析和内部管理制度的修订，跟踪各部门重点工作的完成情况。",),
        ("熟悉企业经营管理和成本分析方法，能运用财务与统计数据撰写经营分析报告。",),
        ("编制月度经营分析报告24份，提出的库存压降建议使存货周转天数下降10天。",)),
    "会计": SpecialtyText(
        "会计",
        ("负责总账核算、费用审核和纳税申报，参与年度审计和研发费用归集。",),
        ("熟悉企业会计准则和税收法规，能熟练使用财务软件完成月结与报表编制，能独立完成增值税和企业所得税申报。",),
        ("参与研发费用加计扣除归集工作，协助企业享受税收优惠约180万元；优化费用报销流程，平均审核时间缩短2天。",)),
}

OPERATOR_WORK = "在成型车间从事设备操作和生产记录工作，参加车间组织的岗位技能培训。"


def texts_for(specialty: str, variant: int) -> tuple[str, str, str, str]:
    """Return position, work, ability and achievement texts of one variant."""
    source = TEXTS[specialty.strip()]
    pick = lambda options: options[variant % len(options)]  # noqa: E731
    return source.position, pick(source.work), pick(source.ability), pick(source.achievement)


# ---------------------------------------------------------------------------
# Row builders


def trainings(first: int, last: int, public: int = 32, professional: int = 64, **kwargs) -> list[Training]:
    """Return one complete 继续教育 row per year from ``first`` to ``last``."""
    return [Training(year, public, professional, public + professional, **kwargs) for year in range(first, last + 1)]


def appraisals(first: int, last: int, results: Iterable[str] = ("合格",)) -> list[Appraisal]:
    """Return one 考核情况 row per year, cycling through ``results``."""
    results = list(results)
    return [Appraisal(year, results[index % len(results)]) for index, year in enumerate(range(first, last + 1))]


def approved(day: object = APPOINTMENT_DATE) -> Review:
    return Review("通过", None, day)


def rejected(opinion: str | None) -> Review:
    return Review("不通过", opinion, None)


def whole_years(start: datetime.date, end: datetime.date) -> int:
    """Return the whole years from ``start`` to ``end``."""
    return end.year - start.year - ((end.month, end.day) < (start.month, start.day))


def registration_form(name: str) -> str:
    return f"{name}_学历证书电子注册备案表.pdf"


def diploma(name: str) -> str:
    return f"{name}_毕业证书.pdf"


def evidence(name: str) -> str:
    return f"{name}_业绩佐证材料.pdf"


def title_certificate(name: str) -> str:
    return f"{name}_助理工程师证书.pdf"


# ---------------------------------------------------------------------------
# The batch


def build_applicants(rng: random.Random) -> tuple[list[Applicant], list[tuple[Cell, Job]]]:
    """Return the applicants and the 工作经历 rows of people who are not applicants."""
    ids = Identities(rng)
    people: list[Applicant] = []
    variant_counter: dict[str, int] = {}

    def person(name: str, gender: str, birth: datetime.date, region: str, *, level: str, specialty: str,
               tier: str, work_start: object, status: str, rules: list[str], note: str,
               educations: list[Education], jobs: list[Job] | None = None,
               trainings_: list[Training], appraisals_: list[Appraisal], review: Review | None,
               typed_years: object = None, years_style: str = "年", id_cell: Cell | None = None,
               birth_cell: object = None, check: str | None = None, **extra) -> Applicant:
        specialty_key = specialty.strip()
        variant = variant_counter.get(specialty_key, 0)
        variant_counter[specialty_key] = variant + 1
        position, work, ability, achievement = texts_for(specialty_key, variant)
        if id_cell is None:
            id_cell = text(ids.resident_id(region, birth, gender, check=check))
        start = parse_typed_date(work_start)
        if typed_years is None:
            years = whole_years(start, REFERENCE_DATE)
            typed_years = {"年": f"{years}年", "int": years, "str": str(years)}[years_style]
        if jobs is None:
            jobs = [Job(start, None, COMPANY, "职员", work)]
        extra.setdefault("position", position)
        extra.setdefault("ability", ability)
        extra.setdefault("achievement", achievement)
        applicant = Applicant(
            name=name, gender=gender, birth=birth_cell if birth_cell is not None else birth,
            id_cell=id_cell, mobile=text(ids.mobile()), level=level, specialty=specialty,
            work_start=work_start, typed_years=typed_years, tier=tier, educations=educations,
            jobs=jobs, trainings=trainings_, appraisals=appraisals_, review=review,
            status=status, rules=sorted(rules),
            note=note, **extra)
        people.append(applicant)
        return applicant

    def work_text(specialty: str, variant: int = 0) -> str:
        return texts_for(specialty, variant)[1]

    # 1. The applicant of the official filing guide.
    person("刘洋", "男", d(1997, 3, 12), "120107", level="助理级", specialty="耐火材料", tier="本科",
           work_start=d(2021, 11, 30), status="可聘任", rules=[],
           note="The official guide's example applicant: 本科 without degree, 备案表 attached.",
           educations=[Education(d(2015, 9, 1), d(2019, 6, 30), "天津大学", "冶金", "大学本科", "其他",
                                 attachments=[registration_form("刘洋")])],
           jobs=[Job(d(2019, 7, 15), d(2021, 11, 15), "天津滨海华泰耐火材料销售有限公司", "销售专员",
                     "负责耐火材料产品的市场推广和客户订单跟踪，收集用户现场使用反馈。"),
                 Job(d(2021, 11, 30), None, COMPANY, "职员", work_text("耐火材料"))],
           trainings_=trainings(2026, 2026), appraisals_=appraisals(2024, 2025, ["合格"]),
           review=approved(), politics="共青团员", phone=text("022-65201203"))

    # 2. Master, junior, five years.
    person("王磊", "男", d(1996, 8, 21), "120104", level="助理级", specialty="高分子材料", tier="硕士",
           work_start=d(2021, 7, 12), status="可聘任", rules=[],
           note="First of two applicants named 王磊; 现从事专业 ends with a full-width space.",
           current_specialty="高分子材料\u3000",
           educations=[Education(d(2014, 9, 1), d(2018, 6, 30), "天津科技大学", "高分子材料与工程", "大学本科", "学士"),
                       Education(d(2018, 9, 1), d(2021, 6, 30), "河北工业大学", "材料科学与工程", "硕士研究生", "硕士")],
           trainings_=trainings(2025, 2026, 36, 64), appraisals_=appraisals(2024, 2025, ["良好"]),
           review=approved(), politics="中共党员")

    # 3. Bachelor, junior, the second 王磊.
    person("王磊", "男", d(1998, 1, 5), "120111", level="助理级", specialty="机械设计", tier="本科",
           work_start=d(2020, 7, 6), status="可聘任", rules=[], years_style="int",
           note="Second 王磊 (different ID); graduation typed as text 2020.06.30.",
           educations=[Education(d(2016, 9, 1), "2020.06.30", "天津理工大学", "机械设计制造及其自动化", "大学本科", "学士")],
           trainings_=trainings(2026, 2026), appraisals_=appraisals(2025, 2025, ["良好"]),
           review=approved())

    # 4. Doctor to intermediate, two years, with a portrait photo.
    person("张静", "女", d(1993, 5, 18), "120103", level="中级", specialty="无机非金属材料", tier="博士",
           work_start=d(2024, 7, 15), status="可聘任", rules=[],
           note="Doctor to 中级 with 2 work years, so one appraisal year is due; portrait 证件照.",
           educations=[Education(d(2011, 9, 1), d(2015, 6, 30), "武汉理工大学", "材料科学与工程", "大学本科", "学士"),
                       Education(d(2015, 9, 1), d(2018, 6, 30), "天津大学", "材料学", "硕士研究生", "硕士"),
                       Education(d(2018, 9, 1), d(2024, 6, 30), "南开大学", "材料物理与化学", "博士研究生", "博士")],
           trainings_=trainings(2025, 2026, 40, 72), appraisals_=appraisals(2025, 2025, ["优秀"]),
           review=approved(), evidence=[evidence("张静")], photo="张静_证件照.jpg",
           position="研发工程师", politics="中共党员", phone=text("022-65201216"))

    # 5. Doctor to intermediate, graduated this year.
    person("陈晨", "男", d(1998, 10, 2), "120101", level="中级", specialty="化学工程", tier="博士",
           work_start=d(2026, 7, 13), status="可聘任", rules=[],
           note="Doctor graduated 2026-06-30: 0 work years, so no appraisal is due.",
           educations=[Education(d(2016, 9, 1), d(2020, 6, 30), "天津大学", "化学工程与工艺", "大学本科", "学士"),
                       Education(d(2020, 9, 1), d(2026, 6, 30), "天津大学", "化学工程与技术", "博士研究生", "博士",
                                 note="硕博连读")],
           trainings_=trainings(2026, 2026, 32, 80), appraisals_=[],
           review=approved(), evidence=[evidence("陈晨")], politics="中共党员")

    # 6. Master to intermediate, holding 助理工程师 since 2022.
    person("李娜", "女", d(1995, 4, 9), "120102", level="中级", specialty="高分子材料", tier="硕士",
           work_start=d(2020, 7, 6), status="可聘任", rules=[],
           note="Master to 中级: 助理级 granted 2022-12-26, certificate and evidence attached; newline in 工作内容.",
           educations=[Education(d(2013, 9, 1), d(2017, 6, 30), "天津工业大学", "高分子材料与工程", "大学本科", "学士"),
                       Education(d(2017, 9, 1), d(2020, 6, 30), "天津工业大学", "材料工程", "硕士研究生", "硕士")],
           jobs=[Job(d(2020, 7, 6), None, COMPANY, "研发主管",
                     "从事改性聚丙烯、尼龙复合材料的配方开发和注塑工艺调试。\n2023年起负责改性材料实验室日常管理，带教新入职技术人员3名。",
                     tech_post="助理工程师")],
           title_series="工程技术", title_level="助理级", title_specialty="高分子材料",
           title_granted=d(2022, 12, 26), appointed_series="工程技术",
           title_certificate=[title_certificate("李娜")], evidence=[evidence("李娜")],
           trainings_=trainings(2025, 2026, 32, 64), appraisals_=appraisals(2024, 2025, ["良好", "优秀"]),
           review=approved(), admin_post="研发主管")

    # 7. Master, junior, graduated this year.
    person("周婷", "女", d(2000, 12, 3), "120105", level="助理级", specialty="复合材料", tier="硕士",
           work_start=d(2026, 7, 6), status="可聘任", rules=[],
           note="Master graduated 2026-06-30, 0 work years: 助理级 needs none and no appraisal is due.",
           educations=[Education(d(2019, 9, 1), d(2023, 6, 30), "中北大学", "复合材料与工程", "大学本科", "学士"),
                       Education(d(2023, 9, 1), d(2026, 6, 30), "天津工业大学", "材料与化工", "硕士研究生", "硕士")],
           trainings_=trainings(2026, 2026, 32, 64), appraisals_=[], review=approved(), politics="共青团员")

    # 8. Bachelor, junior, just over one year.
    person("吴昊", "男", d(2003, 2, 14), "120112", level="助理级", specialty="化工工艺", tier="本科",
           work_start=d(2025, 7, 14), status="可聘任", rules=[],
           note="本科 with 1 year 4 months, just over the 1-year minimum; 入学时间 typed as 2021.09.",
           educations=[Education("2021.09", d(2025, 6, 30), "天津科技大学", "化学工程与工艺", "大学本科", "学士")],
           trainings_=trainings(2026, 2026), appraisals_=appraisals(2025, 2025), review=approved(),
           politics="团员")

    # 9. Associate degree, junior, seven years, 学信网 typed Y.
    person("徐强", "男", d(1998, 6, 27), "120110", level="助理级", specialty="化工工艺", tier="大专",
           work_start=d(2019, 7, 8), status="可聘任", rules=[],
           note="大专 with 7 years; 学信网可查 typed Y; 工作单位 with a trailing space.",
           employer=COMPANY + " ",
           educations=[Education(d(2016, 9, 1), d(2019, 6, 30), "天津渤海职业技术学院", "应用化工技术", "大学专科", "无",
                                 xuexin="Y", attachments=[registration_form("徐强")])],
           trainings_=trainings(2024, 2026), appraisals_=appraisals(2023, 2025, ["合格", "良好", "合格"]),
           review=approved())

    # 10. Secondary vocational school, junior, thirteen years, years typed as text.
    person("马军", "男", d(1994, 11, 30), "120113", level="助理级", specialty="机械制造", tier="中专及以下",
           work_start=d(2013, 7, 15), status="可聘任", rules=[],
           note="中等专科 with 13 years: five CE years (2022-2026) and five appraisals (2021-2025); years typed as text.",
           educations=[Education(d(2010, 9, 1), d(2013, 7, 1), "天津市第一轻工业学校", "机械加工技术", "中等专科", "无",
                                 xuexin="否", attachments=[diploma("马军"), registration_form("马军")])],
           trainings_=[Training(str(year), 32, 64, 96) for year in range(2022, 2027)],
           appraisals_=[Appraisal(str(year), "称职") for year in range(2021, 2026)],
           review=approved(), admin_post="班组长")

    # 11. Associate degree, 员级, technician since 2025 after production work.
    person("杨帆", "男", d(2001, 4, 16), "120109", level="员级", specialty="耐火材料", tier="大专",
           work_start=d(2025, 3, 3), status="可聘任", rules=[],
           note="员级 大专: operator from 2022, technician since 2025-03-03, 1 year 8 months.",
           educations=[Education(d(2019, 9, 1), d(2022, 6, 30), "天津渤海职业技术学院", "材料工程技术", "大学专科", "无",
                                 attachments=[registration_form("杨帆")])],
           jobs=[Job(d(2022, 7, 11), d(2025, 3, 2), COMPANY, "操作工", OPERATOR_WORK),
                 Job(d(2025, 3, 3), None, COMPANY, "技术员", work_text("耐火材料", 1))],
           trainings_=trainings(2024, 2026), appraisals_=appraisals(2023, 2025), review=approved())

    # 12. Technical school, 员级.
    person("韩冬", "男", d(1996, 1, 22), "120108", level="员级", specialty="机电一体化", tier="中专及以下",
           work_start=d(2024, 9, 2), status="可聘任", rules=[],
           note="员级 技工学校: operator from 2015, equipment technician since 2024-09-02.",
           educations=[Education(d(2012, 9, 1), d(2015, 7, 1), "天津市机电工艺技师学院", "机电设备安装与维修", "技工学校", "无",
                                 xuexin="否", attachments=[diploma("韩冬"), registration_form("韩冬")])],
           jobs=[Job(d(2015, 7, 20), d(2024, 8, 31), COMPANY, "操作工", OPERATOR_WORK),
                 Job(d(2024, 9, 2), None, COMPANY, "设备技术员", work_text("机电一体化"))],
           trainings_=trainings(2022, 2026), appraisals_=appraisals(2021, 2025, ["合格", "合格", "良好"]),
           review=approved())

    # 13. Bachelor, 经济 series, CE row confirmed by attachment, birth date typed with dots.
    person("何雪", "女", d(1999, 10, 8), "120103", level="助理级", specialty="人力资源管理", series="经济", tier="本科",
           work_start=d(2022, 7, 4), status="可聘任", rules=[], birth_cell="1999.10.08",
           note="经济 series; CE row not on 继续教育网 but with its learning record attached; 出生日期 typed 1999.10.08.",
           educations=[Education(d(2018, 9, 1), d(2022, 6, 30), "天津财经大学", "人力资源管理", "本科", "学士学位")],
           trainings_=[Training(2026, 32, 64, 96, confirmed="否", attachments=["何雪_2026年度继续教育学习记录.pdf"])],
           appraisals_=appraisals(2025, 2025, ["优秀"]), review=approved(), politics="中共党员")

    # 14. Bachelor, 会计 series, education not on 学信网 but certificate attached.
    person("林晓燕", "女", d(1999, 2, 25), "120102", level="助理级", specialty="会计", series="会计", tier="本科",
           work_start=d(2021, 7, 5), status="可聘任", rules=[],
           note="会计 series; 学信网可查 否 with the diploma scan attached.",
           educations=[Education(d(2017, 9, 1), d(2021, 6, 30), "天津商业大学", "会计学", "大学本科", "学士",
                                 xuexin="否", attachments=["林晓燕_学历学位证书.pdf"])],
           trainings_=trainings(2026, 2026), appraisals_=appraisals(2025, 2025), review=approved(),
           id_type="居民身份证")

    # 15. Associate degree before work, part-time bachelor after work.
    person("黄志刚", "男", d(1994, 9, 9), "120110", level="助理级", specialty="电气自动化", tier="本科",
           work_start=d(2015, 7, 13), status="可聘任", rules=[],
           note="大专 before work, part-time 本科 after work (2023-07-10): tier 本科, 3 years since that degree.",
           educations=[Education(d(2012, 9, 1), d(2015, 6, 30), "天津电子信息职业技术学院", "电气自动化技术", "大专", "无",
                                 attachments=[registration_form("黄志刚")]),
                       Education(d(2021, 3, 1), d(2023, 7, 10), "天津理工大学", "电气工程及其自动化", "大学本科", "学士",
                                 mode="非全日制", before_work="否", note="业余")],
           trainings_=trainings(2024, 2026), appraisals_=appraisals(2023, 2025, ["合格", "良好", "良好"]),
           review=approved(), admin_post="电气班长")

    # 16. Master, junior, one year, so one appraisal is due.
    person("郑宇", "男", d(2000, 7, 19), "120104", level="助理级", specialty="计算机应用", tier="硕士",
           work_start=d(2025, 7, 7), status="可聘任", rules=[],
           note="Master with 1 year 4 months: the 2025 appraisal is due and present; 是否工作前学历 typed Y.",
           educations=[Education(d(2018, 9, 1), d(2022, 6, 30), "河北工业大学", "计算机科学与技术", "大学本科", "学士", before_work="Y"),
                       Education(d(2022, 9, 1), d(2025, 6, 30), "天津大学", "计算机技术", "硕士研究生", "硕士", before_work="Y")],
           trainings_=trainings(2026, 2026), appraisals_=appraisals(2025, 2025, ["合格"]), review=approved())

    # 17. Associate degree, junior, just over three years, 学信网 typed √.
    person("曹雨", "女", d(2002, 5, 6), "120105", level="助理级", specialty="无机非金属材料", tier="大专",
           work_start=d(2023, 7, 17), status="可聘任", rules=[],
           note="大专 with 3 years 4 months, just over the 3-year minimum; 学信网可查 typed √.",
           educations=[Education(d(2020, 9, 1), d(2023, 6, 30), "天津职业大学", "材料工程技术", "大学专科", "无",
                                 xuexin="√", attachments=[registration_form("曹雨")])],
           trainings_=trainings(2024, 2026), appraisals_=appraisals(2023, 2025), review=approved())

    # 18. Bachelor with dates typed in several text forms and a portrait photo.
    person("冯伟", "男", d(1996, 3, 15), "120106", level="助理级", specialty="机械设计", tier="本科",
           work_start="2018年7月9日", status="可聘任", rules=[],
           note="Dates typed as 2014年9月, 2018/6/30, 2018年7月9日 and 2018.07; portrait 证件照.",
           educations=[Education("2014年9月", "2018/6/30", "中国民航大学", "机械工程", "大学本科", "学士")],
           jobs=[Job("2018.07", None, COMPANY, "职员", work_text("机械设计", 1))],
           trainings_=trainings(2025, 2026), appraisals_=appraisals(2024, 2025, ["良好"]), review=approved(),
           photo="冯伟_证件照.jpg")

    # 19. Master to intermediate, 助理级 granted 2023.
    person("邓丽", "女", d(1997, 9, 12), "120111", level="中级", specialty="化工工艺", tier="硕士",
           work_start=d(2022, 7, 4), status="可聘任", rules=[],
           note="Master to 中级, 助理级 granted 2023-11-28 (2 years 11 months ago).",
           educations=[Education(d(2015, 9, 1), d(2019, 6, 30), "天津科技大学", "化学工程与工艺", "大学本科", "学士"),
                       Education(d(2019, 9, 1), d(2022, 6, 30), "天津大学", "化学工程", "硕士研究生", "硕士")],
           jobs=[Job(d(2022, 7, 4), None, COMPANY, "工艺主管", work_text("化工工艺", 1), tech_post="助理工程师")],
           title_series="工程技术", title_level="助理级", title_specialty="化工工艺",
           title_granted=d(2023, 11, 28), appointed_series="工程技术",
           title_certificate=[title_certificate("邓丽")], evidence=[evidence("邓丽")],
           trainings_=trainings(2025, 2026, 32, 70), appraisals_=appraisals(2025, 2025, ["优秀"]),
           review=approved())

    # 20. Bachelor whose two work rows share a merged 工作单位 cell.
    person("许文博", "男", d(1996, 12, 1), "120112", level="助理级", specialty="环境工程", tier="本科",
           work_start=d(2018, 7, 9), status="可聘任", rules=[],
           note="Two 工作经历 rows with 工作单位 merged over both; an end date stored as an Excel serial number.",
           educations=[Education(d(2014, 9, 1), d(2018, 6, 30), "天津城建大学", "环境工程", "大学本科", "学士")],
           jobs=[Job(d(2018, 7, 9), serial(d(2021, 5, 31)), COMPANY, "职员", work_text("环境工程")),
                 Job(d(2021, 6, 1), None, COMPANY, "环保主管",
                     "负责环保设施运行管理和排污许可执行报告编制，组织开展季度环境监测。")],
           trainings_=trainings(2026, 2026), appraisals_=appraisals(2024, 2025), review=approved(),
           merged_employer=True)

    # 21. Bachelor with surrounding spaces in the name and the birth date as ISO text.
    person(" 宋佳琪 ", "女", d(1998, 4, 17), "120101", level="助理级", specialty="安全工程", tier="本科",
           work_start=d(2020, 7, 13), status="可聘任", rules=[], birth_cell="1998-04-17",
           note="姓名 typed with surrounding spaces; 出生日期 typed as text 1998-04-17.",
           educations=[Education(d(2016, 9, 1), d(2020, 6, 30), "华北科技学院", "安全工程", "大学本科", "学士")],
           trainings_=trainings(2026, 2026, 40, 64), appraisals_=appraisals(2025, 2025), review=approved(),
           politics="党员")

    # 22. Associate degree with hours typed as 32.0, full-width digits and text.
    person("邱海涛", "男", d(1996, 7, 7), "120113", level="助理级", specialty="机械设计", tier="大专",
           work_start=d(2017, 7, 10), status="可聘任", rules=[],
           note="CE hours typed as 32.0, full-width ３２ and text \"64\".",
           educations=[Education(d(2014, 9, 1), d(2017, 6, 30), "天津轻工职业技术学院", "机械设计与制造", "大学专科", "无",
                                 attachments=[registration_form("邱海涛")])],
           trainings_=[Training(2024, Cell(32.0, "0.0"), Cell(64.0, "0.0"), Cell(96.0, "0.0")),
                       Training(2025, text("３２"), text("６４"), text("９６")),
                       Training(2026, text("32"), text("64"), text("96"))],
           appraisals_=appraisals(2023, 2025, ["良好"]), review=approved())

    # 23. Secondary vocational school, junior, fifteen years.
    person("唐敏", "女", d(1992, 8, 30), "120102", level="助理级", specialty="化学分析", tier="中专及以下",
           work_start=d(2011, 7, 11), status="可聘任", rules=[],
           note="中等专科 with 15 years; one CE row confirmed by attachment, the others on 继续教育网.",
           educations=[Education(d(2008, 9, 1), d(2011, 7, 1), "天津市化学工业学校", "工业分析与检验", "中专", "无",
                                 xuexin="否", attachments=[diploma("唐敏"), registration_form("唐敏")])],
           trainings_=trainings(2022, 2025) + [Training(2026, 32, 64, 96, confirmed="否",
                                                        attachments=["唐敏_2026年度继续教育学习记录.pdf"])],
           appraisals_=appraisals(2021, 2025, ["合格", "良好"]), review=approved(), nation="回族")

    # 24. Bachelor whose ID ends in X, typed lower-case x in 继续教育.
    luo = person("罗斌", "男", d(1997, 11, 11), "120105", level="助理级", specialty="电气自动化", tier="本科",
                 work_start=d(2020, 7, 20), status="可聘任", rules=[], check="X",
                 note="ID ends in X: typed lower-case x in 继续教育 and with a trailing space in 考核情况.",
                 educations=[Education(d(2016, 9, 1), d(2020, 6, 30), "天津职业技术师范大学", "自动化", "大学本科", "学士")],
                 trainings_=trainings(2026, 2026), appraisals_=appraisals(2025, 2025, ["良好"]),
                 review=approved(), nation="满族")
    luo.trainings[0].id_override = text(str(luo.id_cell.value).lower())
    luo.appraisals[0].id_override = text(str(luo.id_cell.value) + " ")

    # 25. Bachelor, 经济 series.
    person("田甜", "女", d(1999, 6, 20), "120106", level="助理级", specialty="工商管理", series="经济", tier="本科",
           work_start=d(2021, 8, 2), status="可聘任", rules=[],
           note="经济 series, clean; 民族 typed as the alias 汉.",
           educations=[Education(d(2017, 9, 1), d(2021, 6, 30), "天津商业大学", "工商管理", "大学本科", "学士")],
           trainings_=trainings(2026, 2026), appraisals_=appraisals(2025, 2025), review=approved(), nation="汉")

    # --- Warnings only: status stays 可聘任.

    person("高鹏", "男", d(1999, 3, 3), "120110", level="助理级", specialty="化工工艺", tier="本科",
           work_start=d(2021, 12, 1), status="可聘任", rules=["WORK_YEARS_TYPED"], typed_years="5年",
           note="Typed 5年 but 2021-12-01 to 2026-11-20 is 4 whole years.",
           educations=[Education(d(2017, 9, 1), d(2021, 6, 30), "天津理工大学", "化学工程与工艺", "大学本科", "学士")],
           trainings_=trainings(2026, 2026), appraisals_=appraisals(2025, 2025), review=approved())

    person("谢芳", "女", d(1998, 9, 26), "120104", level="助理级", specialty="无机非金属材料", tier="本科",
           work_start=d(2020, 7, 6), status="可聘任", rules=["CE_TOTAL_MISMATCH"],
           note="2026 总学时数 typed 96 while 公需 32 + 专业 72 = 104.",
           educations=[Education(d(2016, 9, 1), d(2020, 6, 30), "天津城建大学", "无机非金属材料工程", "大学本科", "学士")],
           trainings_=[Training(2026, 32, 72, 96)], appraisals_=appraisals(2025, 2025), review=approved())

    person("袁野", "男", d(1996, 10, 14), "120111", level="助理级", specialty="高分子材料", tier="本科",
           work_start=d(2019, 7, 8), status="可聘任", rules=["WORK_OVERLAP"],
           note="Previous job ends 2022-03-31, current job starts 2022-01-04: three months overlap.",
           educations=[Education(d(2015, 9, 1), d(2019, 6, 30), "天津科技大学", "高分子材料与工程", "大学本科", "学士")],
           jobs=[Job(d(2019, 7, 8), d(2022, 3, 31), "天津开发区塑研新材料有限公司", "技术员",
                     "从事改性塑料的配方试验和注塑样件测试，记录试验数据并编写试验报告。"),
                 Job(d(2022, 1, 4), None, COMPANY, "职员", work_text("高分子材料", 1))],
           trainings_=trainings(2026, 2026), appraisals_=appraisals(2025, 2025), review=approved())

    person("蒋欣", "女", d(1999, 1, 28), "120107", level="助理级", specialty="质量工程", tier="本科",
           work_start=d(2021, 7, 12), status="可聘任", rules=["APPOINT_DATE_MONTH"],
           note="拟聘任时间 2026-12-01 is outside the application month.",
           educations=[Education(d(2017, 9, 1), d(2021, 6, 30), "天津理工大学", "质量管理工程", "大学本科", "学士")],
           trainings_=trainings(2026, 2026), appraisals_=appraisals(2025, 2025), review=approved(d(2026, 12, 1)))

    # --- Material warnings: status 需补充材料.

    person("董博", "男", d(1991, 2, 17), "120103", level="中级", specialty="化学工程", tier="博士",
           work_start=d(2022, 7, 11), status="需补充材料", rules=["EVIDENCE_MATERIAL"],
           note="Doctor to 中级 without 业绩佐证材料.",
           educations=[Education(d(2009, 9, 1), d(2013, 6, 30), "大连理工大学", "化学工程与工艺", "大学本科", "学士"),
                       Education(d(2013, 9, 1), d(2016, 6, 30), "天津大学", "化学工程", "硕士研究生", "硕士"),
                       Education(d(2016, 9, 1), d(2022, 6, 30), "天津大学", "化学工程与技术", "博士研究生", "博士")],
           trainings_=trainings(2026, 2026, 32, 64), appraisals_=appraisals(2024, 2025, ["优秀", "良好"]),
           review=approved(), position="研发工程师")

    person("潘婷", "女", d(1998, 11, 9), "120112", level="助理级", specialty="化学分析", tier="本科",
           work_start=d(2020, 8, 3), status="需补充材料", rules=["EDU_ATTACHMENT"],
           note="学信网可查 否 and no diploma attached.",
           educations=[Education(d(2016, 9, 1), d(2020, 6, 30), "天津师范大学", "应用化学", "大学本科", "学士", xuexin="否")],
           trainings_=trainings(2026, 2026), appraisals_=appraisals(2025, 2025), review=approved())

    person("范磊", "男", d(1997, 4, 4), "120113", level="助理级", specialty="复合材料", tier="硕士",
           work_start=d(2022, 7, 4), status="需补充材料", rules=["EDU_ATTACHMENT"],
           note="学信网可查 typed 否 with a trailing full-width space on the master's row, and no attachment.",
           educations=[Education(d(2015, 9, 1), d(2019, 6, 30), "天津工业大学", "复合材料与工程", "大学本科", "学士"),
                       Education(d(2019, 9, 1), d(2022, 6, 30), "哈尔滨工业大学", "材料工程", "硕士研究生", "硕士", xuexin="否　")],
           trainings_=trainings(2026, 2026), appraisals_=appraisals(2025, 2025), review=approved())

    person("贾晓东", "男", d(1997, 7, 31), "120108", level="助理级", specialty="耐火材料", tier="本科",
           work_start=d(2020, 7, 13), status="需补充材料", rules=["EDU_REGISTRATION_FORM"],
           note="本科 without degree: diploma attached but no 学信网 registration form (备案表).",
           educations=[Education(d(2016, 9, 1), d(2020, 6, 30), "辽宁科技大学", "无机非金属材料工程", "大学本科", "无",
                                 xuexin="否", attachments=[diploma("贾晓东")])],
           trainings_=trainings(2026, 2026), appraisals_=appraisals(2025, 2025), review=approved())

    person("彭丽娟", "女", d(1998, 3, 21), "120109", level="助理级", specialty="安全工程", tier="本科",
           work_start=d(2021, 7, 5), status="需补充材料", rules=["CE_ATTACHMENT"],
           note="2026 CE row not confirmed by 继续教育网 and no learning record attached.",
           educations=[Education(d(2017, 9, 1), d(2021, 6, 30), "中国民航大学", "安全工程", "大学本科", "学士")],
           trainings_=[Training(2026, 32, 64, 96, confirmed="否")], appraisals_=appraisals(2025, 2025),
           review=approved())

    person("吕翔", "男", d(1997, 5, 25), "120101", level="助理级", specialty="计算机应用", tier="本科",
           work_start=d(2019, 7, 15), status="需补充材料", rules=["PHOTO_NOT_PORTRAIT"],
           note="照片 is a landscape holiday photo, not a portrait 证件照.",
           educations=[Education(d(2015, 9, 1), d(2019, 6, 30), "天津理工大学", "软件工程", "大学本科", "学士")],
           trainings_=trainings(2026, 2026), appraisals_=appraisals(2025, 2025), review=approved(),
           photo="吕翔_生活照.jpg")

    person("苏晴", "女", d(1999, 8, 8), "120102", level="助理级", specialty="化工工艺", tier="大专",
           work_start=d(2020, 7, 6), status="需补充材料", rules=["PHOTO_NOT_IMAGE"],
           note="照片 names a .jpg file that is a renamed text file.",
           educations=[Education(d(2017, 9, 1), d(2020, 6, 30), "天津石油职业技术学院", "石油化工技术", "大学专科", "无",
                                 attachments=[registration_form("苏晴")])],
           trainings_=trainings(2024, 2026), appraisals_=appraisals(2023, 2025), review=approved(),
           photo="苏晴_证件照.jpg")

    # --- Eligibility failures: status 不符合条件.

    person("魏刚", "男", d(2001, 9, 19), "120110", level="员级", specialty="机电一体化", tier="大专",
           work_start=d(2026, 1, 5), status="不符合条件", rules=["MIN_WORK_YEARS"],
           note="员级 大专: technician only since 2026-01-05, 0 years 10 months of the 1 year; no review row yet.",
           educations=[Education(d(2019, 9, 1), d(2022, 6, 30), "天津机电职业技术学院", "机电一体化技术", "大学专科", "无",
                                 attachments=[registration_form("魏刚")])],
           jobs=[Job(d(2022, 7, 18), d(2026, 1, 4), COMPANY, "操作工", OPERATOR_WORK),
                 Job(d(2026, 1, 5), None, COMPANY, "设备技术员", "负责烧成车间设备点检、润滑保养和备件台账管理，协助设备主管处理突发故障。")],
           trainings_=trainings(2024, 2026), appraisals_=appraisals(2023, 2025), review=None)

    person("薛涛", "男", d(1995, 12, 12), "120111", level="员级", specialty="化工工艺", tier="中专及以下",
           work_start=d(2023, 3, 1), status="不符合条件", rules=["CE_MISSING_YEAR"],
           note="员级 中等专科 needs CE 2022-2026; 2022 is missing.",
           educations=[Education(d(2011, 9, 1), d(2014, 7, 1), "天津市化学工业学校", "化工机械", "中等专科", "无",
                                 xuexin="否", attachments=[diploma("薛涛"), registration_form("薛涛")])],
           jobs=[Job(d(2014, 7, 14), d(2023, 2, 28), COMPANY, "操作工", OPERATOR_WORK),
                 Job(d(2023, 3, 1), None, COMPANY, "工艺技术员", work_text("化工工艺"))],
           trainings_=trainings(2023, 2026), appraisals_=appraisals(2021, 2025),
           review=rejected("缺少2022年度继续教育记录，请补充后下一年度申报。"))

    person("叶子豪", "男", d(2000, 3, 30), "120112", level="助理级", specialty="计算机应用", tier="硕士",
           work_start=d(2025, 7, 7), status="不符合条件", rules=["APPRAISAL_MISSING_YEAR"],
           note="Master with 1 year 4 months, so the 2025 appraisal is due, but there is none.",
           educations=[Education(d(2018, 9, 1), d(2022, 6, 30), "天津科技大学", "计算机科学与技术", "大学本科", "学士"),
                       Education(d(2022, 9, 1), d(2025, 6, 30), "河北工业大学", "软件工程", "硕士研究生", "硕士")],
           trainings_=trainings(2026, 2026), appraisals_=[],
           review=rejected("从事专业技术工作已满一年，缺少2025年度考核结果。"))

    person("程琳", "女", d(1998, 12, 24), "120106", level="助理级", specialty="环境工程", tier="本科",
           work_start=d(2021, 7, 19), status="不符合条件", rules=["CE_HOURS"],
           note="2026 专业培训 48 of 64 hours, total 80 of 96.",
           educations=[Education(d(2017, 9, 1), d(2021, 6, 30), "天津城建大学", "环境科学", "大学本科", "学士")],
           trainings_=[Training(2026, 32, 48, 80)], appraisals_=appraisals(2025, 2025),
           review=rejected("2026年度专业培训学时不足64学时。"))

    person("蔡明", "男", d(1997, 6, 2), "120107", level="助理级", specialty="机械设计", tier="本科",
           work_start=d(2019, 7, 22), status="不符合条件", rules=["APPRAISAL_NOT_PASSING"],
           note="2025 appraisal 基本合格, which does not pass.",
           educations=[Education(d(2015, 9, 1), d(2019, 6, 30), "天津职业技术师范大学", "机械工程", "大学本科", "学士")],
           trainings_=trainings(2026, 2026), appraisals_=[Appraisal(2024, "合格"), Appraisal(2025, "基本合格")],
           review=rejected("2025年度考核结果为基本合格，不符合申报条件。"))

    person("汪建国", "男", d(1990, 5, 5), "120105", level="助理级", specialty="电气自动化", tier="本科",
           work_start=d(2011, 7, 11), status="不符合条件", rules=["MIN_WORK_YEARS"],
           note="15 years since 大专, but the tier-setting part-time 本科 was only granted 2026-01-10 (0 years 10 months).",
           educations=[Education(d(2008, 9, 1), d(2011, 7, 1), "天津职业大学", "电气自动化技术", "大学专科", "无",
                                 attachments=[registration_form("汪建国")]),
                       Education(d(2023, 3, 1), d(2026, 1, 10), "天津理工大学", "电气工程及其自动化", "大学本科", "学士",
                                 mode="非全日制", before_work="否", note="业余")],
           trainings_=trainings(2024, 2026), appraisals_=appraisals(2021, 2025, ["良好"]),
           review=rejected("本科学历取得未满1年，暂不推荐。"), admin_post="电气主管")

    person("田伟", "男", d(2000, 10, 10), "120109", level="助理级", specialty="化工工艺", tier="大专",
           work_start=d(2024, 3, 1), status="不符合条件", rules=["MIN_WORK_YEARS"],
           note="大专: operator until 2024-02-29, technician since 2024-03-01, 2 years 8 months of the 3 years.",
           educations=[Education(d(2018, 9, 1), d(2021, 6, 30), "天津渤海职业技术学院", "应用化工技术", "大学专科", "无",
                                 attachments=[registration_form("田伟")])],
           jobs=[Job(d(2021, 7, 12), d(2024, 2, 29), COMPANY, "操作工", OPERATOR_WORK),
                 Job(d(2024, 3, 1), None, COMPANY, "工艺技术员", work_text("化工工艺", 1))],
           trainings_=trainings(2024, 2026), appraisals_=appraisals(2023, 2025),
           review=rejected("从事专业技术工作未满3年。"))

    person("任国庆", "男", d(1999, 10, 1), "120113", level="助理级", specialty="化学分析", tier="中专及以下",
           work_start=d(2022, 3, 1), status="不符合条件", rules=["MIN_WORK_YEARS"],
           note="中等专科: analyst since 2022-03-01, 4 years 8 months of the 5 years.",
           educations=[Education(d(2015, 9, 1), d(2018, 7, 1), "天津市化学工业学校", "工业分析与检验", "中等专科", "无",
                                 xuexin="否", attachments=[diploma("任国庆"), registration_form("任国庆")])],
           jobs=[Job(d(2018, 7, 16), d(2022, 2, 28), COMPANY, "操作工", OPERATOR_WORK),
                 Job(d(2022, 3, 1), None, COMPANY, "质量检验员", work_text("化学分析"))],
           trainings_=trainings(2022, 2026), appraisals_=appraisals(2021, 2025),
           review=rejected("从事专业技术工作未满5年。"))

    person("姜悦", "女", d(1994, 1, 13), "120104", level="中级", specialty="无机非金属材料", tier="博士",
           work_start=d(2023, 7, 10), status="不符合条件", rules=["CE_HOURS"],
           note="Doctor to 中级: 2026 公需 24 of 32 hours (total still 96).",
           educations=[Education(d(2012, 9, 1), d(2016, 6, 30), "东北大学", "无机非金属材料工程", "大学本科", "学士"),
                       Education(d(2016, 9, 1), d(2023, 6, 30), "天津大学", "材料科学与工程", "博士研究生", "博士", note="硕博连读")],
           trainings_=[Training(2026, 24, 72, 96)], appraisals_=appraisals(2024, 2025, ["优秀"]),
           review=rejected("2026年度公需科目学时不足32学时。"), evidence=[evidence("姜悦")], position="研发工程师")

    person("孙浩", "男", d(1995, 8, 16), "120110", level="中级", specialty="高分子材料", tier="硕士",
           work_start=d(2021, 7, 5), status="不符合条件", rules=["MIN_WORK_YEARS"],
           note="Master to 中级: 助理级 granted 2024-12-20, 1 year 11 months of the 2 years.",
           educations=[Education(d(2014, 9, 1), d(2018, 6, 30), "天津工业大学", "高分子材料与工程", "大学本科", "学士"),
                       Education(d(2018, 9, 1), d(2021, 6, 30), "天津大学", "材料工程", "硕士研究生", "硕士")],
           jobs=[Job(d(2021, 7, 5), None, COMPANY, "职员", work_text("高分子材料"), tech_post="助理工程师")],
           title_series="工程技术", title_level="助理级", title_specialty="高分子材料",
           title_granted=d(2024, 12, 20), appointed_series="工程技术",
           title_certificate=[title_certificate("孙浩")], evidence=[evidence("孙浩")],
           trainings_=trainings(2025, 2026), appraisals_=appraisals(2024, 2025, ["良好"]),
           review=rejected("取得助理级职称未满2年。"))

    person("钱亮", "男", d(1996, 2, 29), "120103", level="中级", specialty="机械设计", tier="本科",
           work_start=d(2018, 7, 9), status="不符合条件", rules=["LEVEL_TIER_ROUTE"],
           note="本科 to 中级 is not a self-appointment route (evaluation only); no review row yet.",
           educations=[Education(d(2014, 9, 1), d(2018, 6, 30), "河北工业大学", "机械设计制造及其自动化", "大学本科", "学士")],
           title_series="工程技术", title_level="助理级", title_specialty="机械设计",
           title_granted=d(2019, 12, 23), appointed_series="工程技术",
           title_certificate=[title_certificate("钱亮")], evidence=[evidence("钱亮")],
           trainings_=trainings(2025, 2026), appraisals_=appraisals(2024, 2025, ["良好"]), review=None)

    person("方圆", "女", d(1998, 7, 3), "120101", level="助理级", specialty="无机非金属材料", tier="本科",
           work_start=d(2020, 7, 13), status="不符合条件", rules=["SPECIALTY_MATCH"],
           note="现从事专业 材料检测 differs from 申报职称专业 无机非金属材料.",
           current_specialty="材料检测",
           educations=[Education(d(2016, 9, 1), d(2020, 6, 30), "天津大学", "材料科学与工程", "大学本科", "学士")],
           trainings_=trainings(2026, 2026), appraisals_=appraisals(2025, 2025),
           review=rejected("现从事专业与申报职称专业不一致，请核实。"))

    person("石磊", "男", d(1997, 1, 9), "120102", level="助理级", specialty="耐火材料", tier="本科",
           work_start=d(2019, 3, 1), status="不符合条件", rules=["WORK_START_BEFORE_GRADUATION"],
           note="参加专业技术工作日期 2019-03-01 (an internship) is before graduation on 2019-06-30.",
           educations=[Education(d(2015, 9, 1), d(2019, 6, 30), "武汉科技大学", "无机非金属材料工程", "大学本科", "学士")],
           jobs=[Job(d(2019, 3, 1), None, COMPANY, "职员", work_text("耐火材料", 1))],
           trainings_=trainings(2026, 2026), appraisals_=appraisals(2025, 2025),
           review=rejected("参加专业技术工作日期早于毕业时间，请按毕业后时间填写。"))

    person("廖佳", "女", d(1998, 12, 18), "120108", level="助理级", specialty="化工工艺", tier="大专",
           work_start=d(2019, 7, 15), status="不符合条件", rules=["TITLE_FIELDS_NONE"],
           note="Junior applicant who filled 职称系列/聘任系列 with her 技术员 title instead of 无.",
           educations=[Education(d(2016, 9, 1), d(2019, 6, 30), "天津职业大学", "应用化工技术", "大学专科", "无",
                                 attachments=[registration_form("廖佳")])],
           title_series="工程技术", title_level="员级", title_specialty="化工工艺",
           title_granted=d(2021, 11, 26), appointed_series="工程技术",
           trainings_=trainings(2024, 2026), appraisals_=appraisals(2023, 2025),
           review=rejected("聘任初级职称，职称系列和聘任系列应填写“无”。"))

    person("邹凯", "男", d(1997, 12, 25), "120111", level="助理级", specialty="电气自动化", tier="大专",
           work_start=d(2018, 7, 16), status="不符合条件", rules=["TECH_POST_BLANK"],
           note="Junior applicant with 专业技术职务 技术员 in 工作经历.",
           educations=[Education(d(2015, 9, 1), d(2018, 6, 30), "天津电子信息职业技术学院", "电气自动化技术", "大学专科", "无",
                                 attachments=[registration_form("邹凯")])],
           jobs=[Job(d(2018, 7, 16), None, COMPANY, "职员", work_text("电气自动化", 1), tech_post="技术员")],
           trainings_=trainings(2024, 2026), appraisals_=appraisals(2023, 2025),
           review=rejected("聘任初级职称，工作经历中的专业技术职务不填写。"))

    # --- Field errors: status 数据错误.

    xiong_id = ids.resident_id("120104", d(1996, 4, 23), "男")
    wrong_check = str((int(xiong_id[-1]) + 1) % 10) if xiong_id[-1] != "X" else "0"
    person("熊伟", "男", d(1996, 4, 23), "120104", level="助理级", specialty="机械设计", tier="本科",
           work_start=d(2018, 7, 2), status="数据错误", rules=["ID_CHECKSUM"],
           id_cell=text(xiong_id[:-1] + wrong_check),
           note="Last digit of the ID mistyped, so the GB 11643 check digit fails.",
           educations=[Education(d(2014, 9, 1), d(2018, 6, 30), "天津理工大学", "机械工程", "大学本科", "学士")],
           trainings_=trainings(2026, 2026), appraisals_=appraisals(2025, 2025),
           review=rejected("身份证号码有误，请核对后重新填报。"))

    person("金鑫", "男", d(1994, 3, 8), "120106", level="助理级", specialty="质量工程", tier="本科",
           work_start=d(2016, 7, 11), status="数据错误", rules=["ID_BIRTH_MISMATCH"], birth_cell=d(1994, 8, 3),
           note="ID says born 1994-03-08, 出生日期 typed 1994-08-03 (month and day swapped).",
           educations=[Education(d(2012, 9, 1), d(2016, 6, 30), "天津科技大学", "质量管理工程", "大学本科", "学士")],
           trainings_=trainings(2026, 2026), appraisals_=appraisals(2025, 2025),
           review=rejected("出生日期与身份证号码不一致。"))

    lu = person("陆雪", "女", d(1997, 2, 2), "120103", level="助理级", specialty="会计", series="会计", tier="本科",
                work_start=d(2019, 7, 1), status="数据错误", rules=["ID_GENDER_MISMATCH"],
                id_cell=text(ids.resident_id("120103", d(1997, 2, 2), "男")),
                note="性别 女 but the ID's 17th digit is odd (男).",
                educations=[Education(d(2015, 9, 1), d(2019, 6, 30), "天津财经大学", "财务管理", "大学本科", "学士")],
                trainings_=trainings(2026, 2026), appraisals_=appraisals(2025, 2025),
                review=rejected("性别与身份证号码不一致。"))
    assert int(str(lu.id_cell.value)[16]) % 2 == 1

    # Excel keeps 15 significant digits of an 18-digit ID typed as a number.
    lost = Cell(120101199001011000.0, "General")
    person("孔佳怡", "女", d(1990, 1, 1), "120101", level="助理级", specialty="人力资源管理", series="经济",
           tier="本科", work_start=d(2012, 7, 2), status="数据错误", rules=["ID_LOST_DIGITS"], id_cell=lost,
           note="ID typed into General cells in every sheet: Excel kept 1.20101199001011E+17; no review row yet.",
           educations=[Education(d(2008, 9, 1), d(2012, 6, 30), "天津师范大学", "人力资源管理", "大学本科", "学士")],
           trainings_=trainings(2026, 2026), appraisals_=appraisals(2025, 2025), review=None)

    person("白建华", "男", d(1987, 5, 12), "120103", level="助理级", specialty="机械制造", tier="本科",
           work_start=d(2009, 7, 6), status="数据错误", rules=["ID_15_DIGITS"], id_cell=text("120103870512031"),
           note="Old 15-digit ID; no review row yet.",
           educations=[Education(d(2005, 9, 1), d(2009, 6, 30), "天津理工大学", "机械设计制造及其自动化", "大学本科", "学士")],
           trainings_=trainings(2026, 2026), appraisals_=appraisals(2025, 2025), review=None)

    mobile_typo = person("崔莹", "女", d(1998, 5, 19), "120105", level="助理级", specialty="环境工程", tier="本科",
                         work_start=d(2020, 7, 20), status="数据错误", rules=["MOBILE_INVALID"],
                         note="手机号码 has 10 digits (one dropped); no review row yet.",
                         educations=[Education(d(2016, 9, 1), d(2020, 6, 30), "天津科技大学", "环境工程", "大学本科", "学士")],
                         trainings_=trainings(2026, 2026), appraisals_=appraisals(2025, 2025), review=None)
    mobile_typo.mobile = text(str(mobile_typo.mobile.value)[:-1])

    person("康宁", "女", d(1997, 10, 30), "120110", level="助理级", specialty="安全工程", tier="本科",
           work_start=d(2019, 7, 8), status="数据错误", rules=["ENUM_INVALID"], nation="穿青人",
           note="民族 穿青人 is not one of the 56 GB/T 3304 names.",
           educations=[Education(d(2015, 9, 1), d(2019, 6, 30), "贵州大学", "安全工程", "大学本科", "学士")],
           trainings_=trainings(2026, 2026), appraisals_=appraisals(2025, 2025),
           review=rejected("民族填写不规范，请按系统可选民族填写。"))

    person("毛振宇", "男", d(1998, 2, 8), "120112", level="助理级", specialty="电气自动化", tier="本科",
           work_start=d(2020, 7, 6), status="数据错误", rules=["QUALIFICATION_MISMATCH"], qualification="工程师",
           note="申报资格名称 工程师 does not match 工程技术 助理级 (助理工程师).",
           educations=[Education(d(2016, 9, 1), d(2020, 6, 30), "天津工业大学", "电气工程及其自动化", "大学本科", "学士")],
           trainings_=trainings(2026, 2026), appraisals_=appraisals(2025, 2025),
           review=rejected("申报资格名称应为助理工程师。"))

    person("史文静", "女", d(1999, 4, 12), "120113", level="助理级", specialty="化工工艺", tier="本科",
           work_start=d(2021, 7, 12), status="数据错误", rules=["EVALUATION_METHOD"], evaluation="评审",
           note="评价方式 评审 instead of 自主聘任.",
           educations=[Education(d(2017, 9, 1), d(2021, 6, 30), "天津大学", "化学工程与工艺", "大学本科", "学士")],
           trainings_=trainings(2026, 2026), appraisals_=appraisals(2025, 2025),
           review=rejected("评价方式应选择自主聘任。"))

    person("顾国栋", "男", d(1986, 11, 4), "120104", level="副高级", specialty="高分子材料", tier="硕士",
           work_start=d(2012, 7, 9), status="数据错误", rules=["LEVEL_OUT_OF_SCOPE"],
           note="副高级 (高级工程师) is outside self-appointment; no eligibility rule is expected to run.",
           educations=[Education(d(2005, 9, 1), d(2009, 6, 30), "天津大学", "高分子材料与工程", "大学本科", "学士"),
                       Education(d(2009, 9, 1), d(2012, 6, 30), "天津大学", "材料学", "硕士研究生", "硕士")],
           jobs=[Job(d(2012, 7, 9), None, COMPANY, "研发部经理", work_text("高分子材料", 1), tech_post="工程师")],
           title_series="工程技术", title_level="中级", title_specialty="高分子材料",
           title_granted=d(2017, 12, 18), appointed_series="工程技术",
           title_certificate=["顾国栋_工程师证书.pdf"], evidence=[evidence("顾国栋")],
           trainings_=trainings(2024, 2026, 32, 80), appraisals_=appraisals(2021, 2025, ["优秀", "良好"]),
           review=rejected("副高级职称不属于自主聘任范围，请走评审途径。"), admin_post="研发部经理")

    person("侯杰", "男", d(1998, 6, 6), "120107", level="助理级", specialty="机械制造", tier="本科",
           work_start=d(2020, 7, 13), status="数据错误", rules=["CE_DUPLICATE_YEAR"],
           note="The 2026 CE row was pasted twice.",
           educations=[Education(d(2016, 9, 1), d(2020, 6, 30), "天津职业技术师范大学", "机械工程", "大学本科", "学士")],
           trainings_=trainings(2026, 2026) + trainings(2026, 2026), appraisals_=appraisals(2025, 2025),
           review=rejected("2026年度继续教育重复填写。"))

    # --- Unit review errors: status 数据错误.

    person("邵丹", "女", d(1998, 8, 15), "120109", level="助理级", specialty="质量工程", tier="本科",
           work_start=d(2020, 7, 6), status="数据错误", rules=["REVIEW_OPINION_MISSING"],
           note="Eligible, but the unit chose 不通过 without an 审批意见.",
           educations=[Education(d(2016, 9, 1), d(2020, 6, 30), "天津理工大学", "质量管理工程", "大学本科", "学士")],
           trainings_=trainings(2026, 2026), appraisals_=appraisals(2025, 2025), review=rejected(None))

    person("孟超", "男", d(1999, 11, 21), "120106", level="助理级", specialty="化工工艺", tier="本科",
           work_start=d(2022, 7, 4), status="数据错误", rules=["APPOINT_DATE_ENTRY"],
           note="Joined the company on 2026-11-02 from another employer; 拟聘任时间 typed as that entry date.",
           educations=[Education(d(2018, 9, 1), d(2022, 6, 30), "天津科技大学", "化学工程与工艺", "大学本科", "学士")],
           jobs=[Job(d(2022, 7, 4), d(2026, 10, 30), "天津泰丰精细化工有限公司", "工艺员", work_text("化工工艺")),
                 Job(d(2026, 11, 2), None, COMPANY, "工艺员", "负责合成车间工艺参数监控、工艺记录审核和交接班技术问题处理，参与新装置试车准备。")],
           trainings_=trainings(2026, 2026), appraisals_=appraisals(2025, 2025), review=approved(d(2026, 11, 2)))

    for applicant in people:
        texts = [applicant.ability, applicant.achievement] + [job.content for job in applicant.jobs]
        for sentence in texts:
            if not 30 <= len(sentence) <= 200:
                raise ValueError(f"{applicant.name}: text of {len(sentence)} characters: {sentence}")

    # A 工作经历 row of an employee who withdrew from the batch, so no applicant has this ID.
    orphan_id = text(ids.resident_id("120110", d(1993, 6, 18), "男"))
    orphans = [(orphan_id, Job(d(2016, 7, 4), None, COMPANY, "职员", work_text("机械制造")))]
    return people, orphans


# Order of 个人信息 rows: categories interleaved as an HR analyst would list
# people, by department rather than by outcome.
ROW_ORDER = [
    "刘洋", "王磊#1", "高鹏", "张静", "魏刚", "陈晨", "熊伟", "李娜", "董博", "周婷", "叶子豪", "吴昊",
    "谢芳", "徐强", "薛涛", "马军", "金鑫", "杨帆", "程琳", "韩冬", "潘婷", "何雪", "蔡明", "林晓燕",
    "陆雪", "黄志刚", "汪建国", "郑宇", "袁野", "曹雨", "田伟", "冯伟", "孔佳怡", "邓丽", "范磊",
    "许文博", "任国庆", " 宋佳琪 ", "贾晓东", "邱海涛", "姜悦", "唐敏", "白建华", "罗斌", "孙浩",
    "田甜", "彭丽娟", "王磊#2", "钱亮", "崔莹", "蒋欣", "方圆", "康宁", "吕翔", "石磊", "毛振宇",
    "苏晴", "廖佳", "史文静", "邹凯", "顾国栋", "侯杰", "邵丹", "孟超",
]


def ordered(people: list[Applicant]) -> list[Applicant]:
    """Return ``people`` in ``ROW_ORDER``, where the two 王磊 are keyed 王磊#1 and 王磊#2."""
    keyed: dict[str, Applicant] = {}
    seen: dict[str, int] = {}
    for applicant in people:
        count = seen.get(applicant.name, 0) + 1
        seen[applicant.name] = count
        key = f"{applicant.name}#{count}" if applicant.name == "王磊" else applicant.name
        keyed[key] = applicant
    if sorted(keyed) != sorted(ROW_ORDER):
        raise ValueError(f"ROW_ORDER does not list every applicant once: {sorted(set(keyed) ^ set(ROW_ORDER))}")
    return [keyed[key] for key in ROW_ORDER]


# ---------------------------------------------------------------------------
# Workbook


PERSONAL_COLUMNS = [
    "工作单位", "评价方式", "申报系列", "申报层级", "申报职称专业", "申报资格名称", "证件类型", "证件号码",
    "姓名", "性别", "出生日期", "国别", "民族", "手机号码", "联系电话", "政治面貌", "行政职务", "行政职务级别",
    "职称外语情况", "职称计算机情况", "照片", "现从事专业", "参加专业技术工作日期", "从事专业技术工作年限",
    "职称系列", "职称层级", "职称专业", "职称授予时间", "聘任系列", "职称证书附件", "工作岗位", "工作能力",
    "业绩成果", "业绩佐证材料",
]
# The 学历信息 key column is typed with the common synonym 身份证号.
EDUCATION_COLUMNS = ["身份证号", "入学时间", "毕业时间", "毕业院校", "所学专业", "学历", "学位", "学制",
                     "是否工作前学历", "备注", "学信网可查", "附件"]
JOB_COLUMNS = ["证件号码", "开始日期", "结束日期", "工作单位", "行政职务", "专业技术职务", "工作内容"]
TRAINING_COLUMNS = ["证件号码", "年度", "公需科目学时数", "专业培训学时数", "总学时数", "继续教育网可查", "附件"]
APPRAISAL_COLUMNS = ["证件号码", "考核年度", "考核结果"]
REVIEW_COLUMNS = ["证件号码", "审核结果", "审批意见", "拟聘任时间"]

UNIT_INFO = [
    ("单位名称", COMPANY),
    ("统一社会信用代码", text(COMPANY_USCC)),
    ("行政区划", "经济技术开发区"),
    ("联系人", "赵敏"),
    ("通讯地址", COMPANY_ADDRESS),
    ("联系电话", text(COMPANY_PHONE)),
    ("上级单位", "天津经济技术开发区人力资源和社会保障局"),
    ("单位性质", "非公有制企业"),
    ("申报年度", APPLICATION_YEAR),
    ("申报日期", REFERENCE_DATE),
    ("推荐委员会总人数", 7),
    ("参加人数", 7),
    ("赞成人数", 7),
    ("公示开始日期", d(2026, 11, 23)),
    ("公示结束日期", d(2026, 11, 27)),
    ("公示部门", "人力资源部"),
    ("公示联系地址", COMPANY_ADDRESS + "综合楼三层人力资源部"),
    ("公示联系电话", text(COMPANY_PHONE)),
]

HEADER_FONT = Font(bold=True)
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
EXPECTED_FILL = PatternFill("solid", fgColor="FFF2CC")

INTERNAL_NOTES = {
    "刘洋": "纸质材料已交",
    "张静": "引进博士",
    "孔佳怡": "身份证号待核对",
    "白建华": "需提供18位身份证号",
    "邵丹": "部门意见待补",
    "孟超": "新入职",
}


def write_value(ws, row: int, column: int, value: object) -> None:
    """Write one value with the cell type and number format that its Python type or ``Cell`` sets."""
    if value is None:
        return
    cell = ws.cell(row=row, column=column)
    if isinstance(value, Cell):
        cell.value = value.value
        cell.number_format = value.number_format
    elif isinstance(value, datetime.date):
        cell.value = value
        cell.number_format = "yyyy-mm-dd"
    elif isinstance(value, str):
        cell.value = value
        cell.number_format = "@"
    else:
        cell.value = value
        cell.number_format = "General"


def write_header(ws, headers: list[str], widths: dict[str, int]) -> None:
    for column, header in enumerate(headers, start=1):
        cell = ws.cell(row=1, column=column, value=header)
        cell.font = HEADER_FONT
        cell.fill = EXPECTED_FILL if header in ("预期状态", "预期规则") else HEADER_FILL
        ws.column_dimensions[get_column_letter(column)].width = widths.get(header, 14)
    ws.freeze_panes = "A2"


WIDTHS = {"工作单位": 30, "证件号码": 21, "身份证号": 21, "工作能力": 40, "业绩成果": 40, "工作内容": 50,
          "审批意见": 36, "毕业院校": 22, "预期规则": 30, "备注（内部）": 16, "申报职称专业": 14,
          "参加专业技术工作日期": 14, "从事专业技术工作年限": 12, "职称证书附件": 26, "业绩佐证材料": 26,
          "附件": 40}


def attachments_cell(names: list[str]) -> str | None:
    return ";".join(names) if names else None


def personal_row(applicant: Applicant) -> list[object]:
    qualification = applicant.qualification or QUALIFICATIONS[(applicant.series, applicant.level)]
    values = {
        "工作单位": applicant.employer,
        "评价方式": applicant.evaluation,
        "申报系列": applicant.series,
        "申报层级": applicant.level,
        "申报职称专业": applicant.specialty,
        "申报资格名称": qualification,
        "证件类型": applicant.id_type,
        "证件号码": applicant.id_cell,
        "姓名": applicant.name,
        "性别": applicant.gender,
        "出生日期": applicant.birth,
        "国别": applicant.country,
        "民族": applicant.nation,
        "手机号码": applicant.mobile,
        "联系电话": applicant.phone,
        "政治面貌": applicant.politics,
        "行政职务": applicant.admin_post,
        "照片": applicant.photo,
        "现从事专业": applicant.current_specialty or applicant.specialty,
        "参加专业技术工作日期": applicant.work_start,
        "从事专业技术工作年限": applicant.typed_years,
        "职称系列": applicant.title_series,
        "职称层级": applicant.title_level,
        "职称专业": applicant.title_specialty,
        "职称授予时间": applicant.title_granted,
        "聘任系列": applicant.appointed_series,
        "职称证书附件": attachments_cell(applicant.title_certificate),
        "工作岗位": applicant.position,
        "工作能力": applicant.ability,
        "业绩成果": applicant.achievement,
        "业绩佐证材料": attachments_cell(applicant.evidence),
        "备注（内部）": INTERNAL_NOTES.get(applicant.name.strip()),
        "预期状态": applicant.status,
        "预期规则": ",".join(applicant.rules) or None,
    }
    return [values.get(column) for column in PERSONAL_COLUMNS + EXTRA_COLUMNS]


def build_workbook(people: list[Applicant], orphans: list[tuple[Cell, Job]]) -> Workbook:
    """Lay the applicants out over the seven sheets."""
    wb = Workbook()
    wb.properties.creator = "zcbatch"
    wb.properties.lastModifiedBy = "zcbatch"
    wb.properties.title = "自主聘任初（中）级职称申报汇总（示例）"
    wb.properties.created = FIXED_TIMESTAMP
    wb.properties.modified = FIXED_TIMESTAMP

    ws = wb.active
    ws.title = "个人信息"
    write_header(ws, PERSONAL_COLUMNS + EXTRA_COLUMNS, WIDTHS)
    ws.cell(row=1, column=len(PERSONAL_COLUMNS) + 2).comment = Comment(
        "示例数据：预期状态与预期规则是本行的设计意图，不属于填报内容。", "zcbatch")
    for row, applicant in enumerate(people, start=2):
        for column, value in enumerate(personal_row(applicant), start=1):
            write_value(ws, row, column, value)

    ws = wb.create_sheet("学历信息")
    write_header(ws, EDUCATION_COLUMNS, WIDTHS)
    row = 2
    for applicant in people:
        for education in applicant.educations:
            values = [applicant.id_cell, education.enrolled, education.graduated, education.school, education.major,
                      education.level, education.degree, education.mode, education.before_work, education.note,
                      education.xuexin, attachments_cell(education.attachments)]
            for column, value in enumerate(values, start=1):
                write_value(ws, row, column, value)
            row += 1

    ws = wb.create_sheet("工作经历")
    write_header(ws, JOB_COLUMNS, WIDTHS)
    row = 2
    for index, applicant in enumerate(people):
        first_row = row
        for job in applicant.jobs:
            values = [applicant.id_cell, job.start, job.end, job.employer, job.post, job.tech_post, job.content]
            for column, value in enumerate(values, start=1):
                write_value(ws, row, column, value)
            ws.cell(row=row, column=7).alignment = Alignment(wrap_text=True, vertical="top")
            row += 1
        if applicant.merged_employer:
            # People merge the repeated employer of one applicant, and the reader
            # must fill the lower row from the top-left value.
            ws.cell(row=first_row + 1, column=4).value = None
            ws.merge_cells(start_row=first_row, start_column=4, end_row=first_row + 1, end_column=4)
            ws.cell(row=first_row, column=4).alignment = Alignment(vertical="center")
        if index == 5:
            row += 1  # a blank row left between two applicants' rows
        if index == 20:
            for orphan_id, job in orphans:
                values = [orphan_id, job.start, job.end, job.employer, job.post, job.tech_post, job.content]
                for column, value in enumerate(values, start=1):
                    write_value(ws, row, column, value)
                row += 1

    ws = wb.create_sheet("继续教育")
    write_header(ws, TRAINING_COLUMNS, WIDTHS)
    row = 2
    for applicant in people:
        for training in applicant.trainings:
            values = [training.id_override or applicant.id_cell, training.year, training.public,
                      training.professional, training.total, training.confirmed,
                      attachments_cell(training.attachments)]
            for column, value in enumerate(values, start=1):
                write_value(ws, row, column, value)
            row += 1

    ws = wb.create_sheet("考核情况")
    write_header(ws, APPRAISAL_COLUMNS, WIDTHS)
    row = 2
    for applicant in people:
        for appraisal in applicant.appraisals:
            values = [appraisal.id_override or applicant.id_cell, appraisal.year, appraisal.result]
            for column, value in enumerate(values, start=1):
                write_value(ws, row, column, value)
            row += 1

    ws = wb.create_sheet("单位审核")
    write_header(ws, REVIEW_COLUMNS, WIDTHS)
    row = 2
    for applicant in people:
        if applicant.review is None:
            continue
        review = applicant.review
        for column, value in enumerate([applicant.id_cell, review.result, review.opinion, review.appointment], start=1):
            write_value(ws, row, column, value)
        row += 1

    ws = wb.create_sheet("单位信息")
    write_header(ws, ["项目", "内容"], {"项目": 20, "内容": 56})
    for row, (key, value) in enumerate(UNIT_INFO, start=2):
        write_value(ws, row, 1, key)
        write_value(ws, row, 2, value)

    return wb


def workbook_bytes(wb: Workbook) -> bytes:
    """Serialize ``wb`` with fixed ZIP entry times.

    openpyxl 3.1's ``save`` stamps the current time into docProps/core.xml,
    so this writes through ``ExcelWriter``, which keeps the fixed properties.
    ZIP entries also carry the current time, so they are copied with a fixed one.
    """
    raw = io.BytesIO()
    with zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(wb, archive).write_data()
    fixed = io.BytesIO()
    with zipfile.ZipFile(raw) as source, zipfile.ZipFile(fixed, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            info = zipfile.ZipInfo(item.filename, date_time=FIXED_TIMESTAMP.timetuple()[:6])
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            target.writestr(info, source.read(item.filename))
    return fixed.getvalue()


# ---------------------------------------------------------------------------
# Attachments


def minimal_pdf(title: str) -> bytes:
    """Return a one-page PDF that shows ``title`` (ASCII) in Helvetica."""
    stream = f"BT /F1 16 Tf 72 760 Td (zcbatch sample attachment) Tj 0 -28 Td /F1 12 Tf ({title}) Tj ET".encode("ascii")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def portrait_photo(rng: random.Random, background: tuple[int, int, int], shirt: tuple[int, int, int]) -> bytes:
    """Return a 295x413 JPEG (one-inch 证件照 size): plain background, head and shoulders."""
    image = Image.new("RGB", (295, 413), background)
    draw = ImageDraw.Draw(image)
    draw.ellipse((60, 300, 235, 520), fill=shirt)
    draw.rectangle((122, 230, 173, 320), fill=(233, 196, 170))
    draw.ellipse((87, 95, 208, 255), fill=(240, 205, 180))
    draw.pieslice((82, 80, 213, 200), 180, 360, fill=(35, 30, 30))
    for _ in range(9000):  # sensor noise, so the file is a realistic ~10 KB
        x, y = rng.randrange(295), rng.randrange(413)
        r, g, b = image.getpixel((x, y))
        delta = rng.randrange(-12, 13)
        image.putpixel((x, y), (max(0, min(255, r + delta)), max(0, min(255, g + delta)), max(0, min(255, b + delta))))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=80)
    return out.getvalue()


def landscape_photo(rng: random.Random) -> bytes:
    """Return a 480x320 JPEG holiday snapshot: sky, sea, beach and a person far away."""
    image = Image.new("RGB", (480, 320), (135, 190, 235))
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 150, 480, 230), fill=(40, 110, 170))
    draw.rectangle((0, 230, 480, 320), fill=(225, 205, 160))
    draw.ellipse((380, 30, 430, 80), fill=(255, 230, 120))
    draw.ellipse((226, 190, 246, 212), fill=(240, 205, 180))
    draw.rectangle((224, 212, 248, 262), fill=(200, 60, 60))
    for _ in range(2500):
        x, y = rng.randrange(480), rng.randrange(320)
        r, g, b = image.getpixel((x, y))
        delta = rng.randrange(-14, 15)
        image.putpixel((x, y), (max(0, min(255, r + delta)), max(0, min(255, g + delta)), max(0, min(255, b + delta))))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=75)
    return out.getvalue()


NOT_AN_IMAGE = "这是一个文本文件，被误改了扩展名。\n照片请上传证件照。\n".encode("utf-8")


def referenced_attachments(people: list[Applicant]) -> list[str]:
    """Return every attachment file name the workbook refers to, sorted."""
    names: set[str] = set()
    for applicant in people:
        names.update(applicant.title_certificate)
        names.update(applicant.evidence)
        if applicant.photo:
            names.add(applicant.photo)
        for education in applicant.educations:
            names.update(education.attachments)
        for training in applicant.trainings:
            names.update(training.attachments)
    return sorted(names)


def attachment_files(people: list[Applicant], rng: random.Random) -> dict[str, bytes]:
    """Return the content of every referenced attachment, keyed by file name."""
    photos = {
        "张静_证件照.jpg": portrait_photo(rng, (67, 142, 219), (30, 30, 40)),
        "冯伟_证件照.jpg": portrait_photo(rng, (255, 255, 255), (40, 50, 70)),
        "吕翔_生活照.jpg": landscape_photo(rng),
        "苏晴_证件照.jpg": NOT_AN_IMAGE,
    }
    files: dict[str, bytes] = {}
    for index, name in enumerate(referenced_attachments(people), start=1):
        if name in photos:
            files[name] = photos[name]
        else:
            files[name] = minimal_pdf(f"Sample scan no. {index:02d}")
    return files


# ---------------------------------------------------------------------------
# Entry points


def generate(out_dir: Path) -> Path:
    """Write the workbook and the attachment folder below ``out_dir`` and return the workbook path."""
    rng = random.Random(SEED)
    people, orphans = build_applicants(rng)
    people = ordered(people)
    workbook_path = out_dir / WORKBOOK_NAME
    out_dir.mkdir(parents=True, exist_ok=True)
    workbook_path.write_bytes(workbook_bytes(build_workbook(people, orphans)))

    attachment_dir = out_dir / ATTACHMENT_DIR_NAME
    attachment_dir.mkdir(exist_ok=True)
    files = attachment_files(people, random.Random(SEED + 1))
    for stale in attachment_dir.iterdir():
        if stale.is_file() and stale.name not in files:
            stale.unlink()
    for name, content in files.items():
        (attachment_dir / name).write_bytes(content)
    return workbook_path


def review_summary(review: Review | None) -> str:
    """Return the 单位审核 result with its 拟聘任时间, or — when the applicant has no row."""
    if review is None:
        return "—"
    if review.result == "通过":
        return f"通过 {parse_typed_date(review.appointment):%Y-%m-%d}"
    return "不通过" if review.opinion else "不通过, no 审批意见"


def readme_table() -> str:
    """Return the Markdown table of applicants used in README.md."""
    people, _ = build_applicants(random.Random(SEED))
    lines = ["| # | 姓名 | Tier | Level | Series · specialty | 单位审核 | 预期状态 | 预期规则 | What the rows show |",
             "|---|---|---|---|---|---|---|---|---|"]
    for number, applicant in enumerate(ordered(people), start=1):
        rules = ", ".join(applicant.rules) or "—"
        lines.append(f"| {number} | {applicant.name.strip()} | {applicant.tier} | {applicant.level} | "
                     f"{applicant.series} · {applicant.specialty.strip()} | {review_summary(applicant.review)} | "
                     f"{applicant.status} | {rules} | {applicant.note} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build the zcbatch sample batch 申报汇总.xlsx and its 附件 folder.")
    parser.add_argument("--out", type=Path, default=HERE,
                        help="folder to write 申报汇总.xlsx and 附件/ into (default: the folder of this script)")
    parser.add_argument("--table", action="store_true", help="print the README applicant table and exit")
    args = parser.parse_args(argv)
    if args.table:
        print(readme_table())
        return 0
    print(generate(args.out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
