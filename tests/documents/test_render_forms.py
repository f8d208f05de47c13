"""render_forms: one form file per applicant, in this process or in workers."""

from __future__ import annotations

import pytest

from zcbatch import documents


def contexts_and_names(form_context: dict, count: int) -> tuple[list[dict], list[str]]:
    contexts = [{**form_context, "姓名": f"申请人{number}"} for number in range(count)]
    return contexts, [f"申请人{number}_123X.docx" for number in range(count)]


def test_writes_one_file_per_context(form_context, tmp_path):
    contexts, names = contexts_and_names(form_context, 3)
    paths = documents.render_forms(contexts, tmp_path / "forms", names)
    assert paths == [tmp_path / "forms" / name for name in names]
    assert [path.read_bytes() for path in paths] == [documents.render_form(context) for context in contexts]


def test_leaves_no_temporary_files(form_context, tmp_path):
    contexts, names = contexts_and_names(form_context, 3)
    documents.render_forms(contexts, tmp_path, names)
    assert sorted(path.name for path in tmp_path.iterdir()) == sorted(names)


def test_parallel_workers(form_context, tmp_path, monkeypatch):
    monkeypatch.setattr(documents, "PARALLEL_THRESHOLD", 2)
    contexts, names = contexts_and_names(form_context, 5)
    paths = documents.render_forms(contexts, tmp_path, names, workers=2)
    assert [path.read_bytes() for path in paths] == [documents.render_form(context) for context in contexts]


def test_progress_bar(form_context, tmp_path, capsys):
    contexts, names = contexts_and_names(form_context, 2)
    documents.render_forms(contexts, tmp_path, names, progress=True)
    assert "自主聘任表: 100%" in capsys.readouterr().err


def test_no_progress_bar_by_default(form_context, tmp_path, capsys):
    contexts, names = contexts_and_names(form_context, 2)
    documents.render_forms(contexts, tmp_path, names)
    assert capsys.readouterr().err == ""


def test_empty_batch(tmp_path):
    assert documents.render_forms([], tmp_path / "forms", []) == []


@pytest.mark.parametrize(
    ("names", "message"),
    [
        (["a.docx"], "人员数（2）与文件名数（1）不一致。"),
        (["a.docx", "A.docx"], "文件名重复：A.docx。"),
        (["a.docx", "../b.docx"], "文件名无效：“../b.docx”。文件名不能包含路径。"),
        (["a.docx", "b\\c.docx"], "文件名无效：“b\\c.docx”。文件名不能包含路径。"),
        (["a.docx", "b.pdf"], "文件名无效：“b.pdf”。文件名应以 .docx 结尾。"),
    ],
)
def test_invalid_names(form_context, tmp_path, names, message):
    contexts, _ = contexts_and_names(form_context, 2)
    with pytest.raises(ValueError) as error:
        documents.render_forms(contexts, tmp_path, names)
    assert str(error.value) == message
    assert list(tmp_path.iterdir()) == []


def test_invalid_context_writes_nothing(form_context, tmp_path):
    contexts, names = contexts_and_names(form_context, 2)
    contexts[1]["学历"] = [{**contexts[1]["学历"][0], "类别": "其他"}]
    with pytest.raises(documents.TemplateContextError):
        documents.render_forms(contexts, tmp_path, names)
    assert list(tmp_path.iterdir()) == []


def test_missing_key_writes_nothing(form_context, tmp_path):
    contexts, names = contexts_and_names(form_context, 2)
    del contexts[1]["民族"]
    with pytest.raises(documents.TemplateContextError) as error:
        documents.render_forms(contexts, tmp_path / "forms", names)
    assert str(error.value) == "第 2 份自主聘任表缺少字段：民族。"
    assert not (tmp_path / "forms").exists()
