"""Fill the Word documents for the approved applicants of an evaluation result.

Documents are made for applicants whose 审核结果 is 通过 and whose status is
可聘任 or 需补充材料:

- ``公示.docx``: the publicity notice of the batch; ID numbers masked (first 6
  and last 4 kept) unless ``full_id`` is set, because the notice is posted;
- ``自主聘任表/<姓名>_<证件号码后4位>.docx``: one appointment form each;
- ``自主聘任表_合并.docx``: all forms, a page break between them;
- ``推荐审核汇总表.docx``: the approved applicants with the committee vote;
- with ``pdf``, the PDFs of all of them under ``PDF/``, made by LibreOffice.

This module turns the result into the template contexts; the templates and
the rendering engine live in :mod:`zcbatch.documents`.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import pandas as pd

from zcbatch import documents
from zcbatch.evaluate import EvaluationResult
from zcbatch.rules.terms import education_tier

log = logging.getLogger(__name__)

FORMS_DIR = "自主聘任表"
MERGED_FORMS = "自主聘任表_合并.docx"
NOTICE = "公示.docx"
COMMITTEE_SHEET = "推荐审核汇总表.docx"
PDF_DIR = "PDF"


def _cn_date(value: object) -> str:
    if value is None or pd.isna(value):
        return ""
    return documents.format_date_cn(pd.Timestamp(value).date())


def _text(value: object) -> str:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    return str(value)


def _years(value: object) -> str:
    return "" if value is None or pd.isna(value) else f"{int(value)}年"


def _highest_education(result: EvaluationResult, keys: pd.Series) -> pd.Series:
    """Return the 学历 text of the education row that sets each applicant's tier."""
    education = result.batch.sheets["学历信息"]
    education = education[education["证件号码"].isin(keys) & education["毕业时间"].notna() & (education["毕业时间"] <= result.date)]
    ranked = education.assign(_rank=education_tier(education)).dropna(subset=["_rank"])
    ranked = ranked.sort_values(["证件号码", "_rank", "毕业时间"], ascending=[True, False, True], kind="stable")
    top = ranked.drop_duplicates("证件号码").set_index("证件号码")["学历"]
    return pd.Series(top.reindex(keys).to_numpy(), index=keys.index)


def _stated_work_years(approved: pd.DataFrame) -> pd.Series:
    """Return 从事专业技术工作年限 as the documents print it.

    The typed value is printed, as the official system prints it; where it is
    blank, the whole years from 参加专业技术工作日期 to the reference date.
    The years counted for eligibility (from a later degree or a title's grant
    date) are a different figure and appear only in the report.
    """
    return approved["从事专业技术工作年限"].astype("Float64").fillna(approved["从参加工作起年限"].astype("Float64"))


def _id_text(keys: pd.Series, masked: pd.Series, full_id: bool) -> pd.Series:
    return keys.astype(str) if full_id else masked.astype(str)


def notice_context(result: EvaluationResult, approved: pd.DataFrame, *, full_id: bool) -> dict[str, Any]:
    """Build the 公示 context."""
    unit = result.batch.unit
    education = _highest_education(result, approved["_key"])
    ids = _id_text(approved["_key"], approved["证件号码"], full_id)
    rows = [
        {
            "姓名": _text(name), "身份证号": id_text, "学历": _text(degree), "工作岗位": _text(post),
            "拟聘任专业": _text(specialty), "拟聘任级别": _text(level), "拟聘任时间": _cn_date(appointed),
            "累计专业技术工作年限": _years(years),
        }
        for name, id_text, degree, post, specialty, level, appointed, years in zip(
            approved["姓名"], ids, education, approved["工作岗位"], approved["申报职称专业"], approved["申报层级"],
            approved["拟聘任时间"], _stated_work_years(approved),
        )
    ]
    start, end = unit.get("公示开始日期"), unit.get("公示结束日期")
    return {
        "年度": str(result.year),
        "单位名称": _text(unit.get("单位名称")),
        "人员": rows,
        "公示开始": _cn_date(start) or f"{result.year}年  月  日",
        "公示结束": _cn_date(end) or f"{result.year}年  月  日",
        "部门": _text(unit.get("公示部门")),
        "联系地址": _text(unit.get("公示联系地址") or unit.get("通讯地址")),
        "联系电话": _text(unit.get("公示联系电话") or unit.get("联系电话")),
        "落款日期": _cn_date(start) or f"{result.year}年  月  日",
    }


def form_contexts(result: EvaluationResult, approved: pd.DataFrame) -> list[dict[str, Any]]:
    """Build one 自主聘任表 context per approved applicant."""
    keys = set(approved["_key"])
    batch = result.batch
    people = batch.applicants.drop_duplicates("证件号码").set_index("证件号码")

    education = batch.sheets["学历信息"]
    education = education[education["证件号码"].isin(keys)].sort_values(["证件号码", "毕业时间"], kind="stable")
    education_rows: dict[str, list[dict[str, str]]] = {}
    for key, before, graduated, school, major, degree, title in zip(
        education["证件号码"], education["是否工作前学历"], education["毕业时间"], education["毕业院校"],
        education["所学专业"], education["学历"], education["学位"],
    ):
        education_rows.setdefault(key, []).append({
            "类别": "工作前" if _is_yes(before) else "工作后", "毕业时间": _cn_date(graduated), "毕业院校": _text(school),
            "所学专业": _text(major), "学历": _text(degree), "学位": _text(title),
        })

    ce_all = batch.sheets["继续教育"].dropna(subset=["证件号码", "年度"]).drop_duplicates(["证件号码", "年度"])
    ce_rows: dict[str, list[dict[str, str]]] = {}
    for key, year, public, professional, total in zip(
        ce_all["证件号码"], ce_all["年度"], ce_all["公需科目学时数"], ce_all["专业培训学时数"], ce_all["总学时数"],
    ):
        if key in keys:
            ce_rows.setdefault(key, []).append({
                "年度": str(year), "总学时": _hours(total), "公需课学时": _hours(public), "专业课学时": _hours(professional),
            })

    work = batch.sheets["工作经历"]
    work = work[work["证件号码"].isin(keys)].sort_values(["证件号码", "开始日期"], kind="stable")
    work_text: dict[str, list[str]] = {}
    for key, start, end, unit, content in zip(work["证件号码"], work["开始日期"], work["结束日期"], work["工作单位"], work["工作内容"]):
        period = f"{_dot_month(start)}—{_dot_month(end) or '至今'}"
        work_text.setdefault(key, []).append(f"{period} {_text(unit)}：{_text(content)}")

    stated_years = _stated_work_years(approved)
    contexts = []
    for _, row in approved.iterrows():
        key = row["_key"]
        person = people.loc[key]
        rows = education_rows.get(key, [])
        required_ce = sorted(ce_rows.get(key, []), key=lambda item: item["年度"], reverse=True)[: max(int(row["要求继续教育年数"] or 0), 1)]
        contexts.append({
            "年度": str(result.year),
            "申报系列": _text(row["申报系列"]), "申报层级": _text(row["申报层级"]), "申报专业": _text(row["申报职称专业"]),
            "姓名": _text(row["姓名"]), "性别": _text(person["性别"]), "民族": _text(person["民族"]),
            "身份证号": key, "现从事专业": _text(person["现从事专业"]), "工作单位": _text(row["工作单位"]),
            "行政职务": _text(person["行政职务"]),
            "学历": rows or [{"类别": "工作前", "毕业时间": "", "毕业院校": "", "所学专业": "", "学历": "", "学位": ""}],
            "继续教育": sorted(required_ce, key=lambda item: item["年度"]),
            "参加专业技术工作日期": _cn_date(row["参加专业技术工作日期"]),
            "从事专业技术工作年限": _years(stated_years[row.name]),
            "专业技术工作主要内容": "\n".join(work_text.get(key, [])),
        })
    return contexts


def _is_yes(value: object) -> bool:
    """Return True for a true 是/否 cell (a nullable boolean, so ``is True`` fails)."""
    return value is not None and not pd.isna(value) and bool(value)


def _hours(value: object) -> str:
    return "" if value is None or pd.isna(value) else f"{float(value):g}"


def _dot_month(value: object) -> str:
    return "" if value is None or pd.isna(value) else f"{pd.Timestamp(value):%Y.%m}"


def committee_context(result: EvaluationResult, approved: pd.DataFrame) -> dict[str, Any]:
    """Build the 推荐审核汇总表 context."""
    unit = result.batch.unit
    rows = [
        {
            "序号": str(number), "姓名": _text(name), "身份证号": _text(masked), "学历层次": _text(tier),
            "申报层级": _text(level), "申报专业": _text(specialty), "拟聘任时间": _cn_date(appointed),
            "最早满足日期": _cn_date(earliest),
        }
        for number, (name, masked, tier, level, specialty, appointed, earliest) in enumerate(zip(
            approved["姓名"], approved["证件号码"], approved["学历层次"], approved["申报层级"], approved["申报职称专业"],
            approved["拟聘任时间"], approved["最早满足日期"],
        ), start=1)
    ]
    return {
        "年度": str(result.year), "单位名称": _text(unit.get("单位名称")), "人员": rows,
        "委员会总人数": _count(unit.get("推荐委员会总人数")), "参加人数": _count(unit.get("参加人数")),
        "赞成人数": _count(unit.get("赞成人数")), "日期": _cn_date(result.date),
    }


def _count(value: object) -> str:
    return "" if value is None or pd.isna(value) else str(int(value))


def render_documents(result: EvaluationResult, outdir: str | Path, *, full_id: bool = False, pdf: bool = False,
                     progress: bool = False, workers: int | None = None) -> list[Path]:
    """Write every document for the approved applicants and return their paths."""
    outdir = Path(outdir)
    approved = result.approved
    if approved.empty:
        log.warning("没有审核通过且符合条件的申请人，未生成 Word 文件")
        return []
    written = [documents.render_notice(notice_context(result, approved, full_id=full_id), outdir / NOTICE)]

    taken: set[str] = set()
    names = [documents.safe_filename(name, str(key)[-4:], taken) for name, key in zip(approved["姓名"], approved["_key"])]
    forms = documents.render_forms(form_contexts(result, approved), outdir / FORMS_DIR, names, workers=workers, progress=progress)
    written.extend(forms)
    written.append(documents.merge_forms(forms, outdir / MERGED_FORMS))
    written.append(documents.render_committee_sheet(committee_context(result, approved), outdir / COMMITTEE_SHEET))
    if pdf:
        written.extend(documents.convert_to_pdf(written, outdir / PDF_DIR))
    return written
