"""Byte-identical output: the same context gives the same .docx bytes."""

from __future__ import annotations

import datetime
import hashlib
import importlib.util
import io
import zipfile
from pathlib import Path

from zcbatch import documents
from zcbatch.resources import data_dir


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def test_form_rerun_identical(form_context):
    first = documents.render_form(form_context)
    second = documents.render_form(form_context)
    assert sha256(first) == sha256(second)


def test_fresh_template_identical(form_context):
    cached = documents.render_form(form_context)
    fresh = documents.CompiledTemplate(data_dir("templates") / documents.FORM_TEMPLATE).render(form_context)
    assert sha256(cached) == sha256(fresh)


def test_notice_and_sheet_rerun_identical(notice_context, committee_context, tmp_path):
    for name in ("a", "b"):
        documents.render_notice(notice_context, tmp_path / name / "公示.docx")
        documents.render_committee_sheet(committee_context, tmp_path / name / "推荐审核汇总表.docx")
    for file_name in ("公示.docx", "推荐审核汇总表.docx"):
        assert sha256((tmp_path / "a" / file_name).read_bytes()) == sha256((tmp_path / "b" / file_name).read_bytes())


def test_different_context_differs(form_context):
    first = documents.render_form(form_context)
    form_context["姓名"] = "李四"
    assert sha256(first) != sha256(documents.render_form(form_context))


def test_zip_entries_fixed(form_context):
    template_path = data_dir("templates") / documents.FORM_TEMPLATE
    with zipfile.ZipFile(template_path) as archive:
        template_names = archive.namelist()
    with zipfile.ZipFile(io.BytesIO(documents.render_form(form_context))) as archive:
        infos = archive.infolist()
    # The unchanging members are compressed once and the rendered ones
    # appended, so the order differs from the template's but not the set.
    assert sorted(info.filename for info in infos) == sorted(template_names)
    assert infos[0].filename == "[Content_Types].xml"
    assert {info.date_time for info in infos} == {(1980, 1, 1, 0, 0, 0)}
    assert {info.create_system for info in infos} == {0}


def test_core_properties_dates(form_context):
    with zipfile.ZipFile(io.BytesIO(documents.render_form(form_context))) as archive:
        core = archive.read("docProps/core.xml").decode("utf-8")
    assert '<dcterms:created xsi:type="dcterms:W3CDTF">1980-01-01T00:00:00Z</dcterms:created>' in core
    assert '<dcterms:modified xsi:type="dcterms:W3CDTF">1980-01-01T00:00:00Z</dcterms:modified>' in core


def test_core_timestamp_argument(form_context):
    stamp = datetime.datetime(2026, 11, 23, 8, 30, tzinfo=datetime.timezone.utc)
    template = documents.CompiledTemplate(data_dir("templates") / documents.FORM_TEMPLATE, timestamp=stamp)
    with zipfile.ZipFile(io.BytesIO(template.render(form_context))) as archive:
        core = archive.read("docProps/core.xml").decode("utf-8")
    assert ">2026-11-23T08:30:00Z</dcterms:created>" in core
    assert ">2026-11-23T08:30:00Z</dcterms:modified>" in core


def test_templates_match_build_script(tmp_path):
    # The committed templates are what templates/build_templates.py writes.
    script = data_dir("templates") / "build_templates.py"
    spec = importlib.util.spec_from_file_location("build_templates", script)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    for built in module.build_all(tmp_path):
        committed = data_dir("templates") / built.name
        assert sha256(built.read_bytes()) == sha256(committed.read_bytes()), built.name


def test_batch_parallel_matches_sequential(form_context, tmp_path, monkeypatch):
    contexts = [{**form_context, "姓名": f"申请人{number}"} for number in range(6)]
    names = [f"申请人{number}_123X.docx" for number in range(6)]
    sequential = documents.render_forms(contexts, tmp_path / "sequential", names, workers=1)
    monkeypatch.setattr(documents, "PARALLEL_THRESHOLD", 2)
    parallel = documents.render_forms(contexts, tmp_path / "parallel", names, workers=2)
    assert [path.name for path in parallel] == names
    for sequential_path, parallel_path in zip(sequential, parallel):
        assert sha256(sequential_path.read_bytes()) == sha256(parallel_path.read_bytes()), sequential_path.name


def test_default_template_folder():
    assert Path(documents.load_template(documents.NOTICE_TEMPLATE).path).parent == data_dir("templates").resolve()
