"""safe_filename: <姓名>_<证件号码后4位>.docx, safe on every file system."""

from __future__ import annotations

import pytest

from zcbatch import documents


@pytest.mark.parametrize(
    ("name", "id_last4", "expected"),
    [
        ("张三", "123X", "张三_123X.docx"),
        ("阿依古丽·买买提", "6789", "阿依古丽·买买提_6789.docx"),
        ("张三", "123x", "张三_123X.docx"),
        ("张三", "１２３Ｘ", "张三_123X.docx"),
        ("张三", "120101199701011234", "张三_1234.docx"),
        ("张三", "", "张三.docx"),
        ("../../etc/passwd", "1234", "_._etc_passwd_1234.docx"),
        ("..\\..\\Windows\\system32", "1234", "_._Windows_system32_1234.docx"),
        ("..", "1234", "未命名_1234.docx"),
        ("", "1234", "未命名_1234.docx"),
        ('a<b>c:d"e|f?g*h', "1234", "a_b_c_d_e_f_g_h_1234.docx"),
        ("张\x00三\x1f\u202e\u200b", "1234", "张三_1234.docx"),
        ("  张 \t 三  ", "1234", "张 三_1234.docx"),
        ("张三. . .", "1234", "张三_1234.docx"),
        (".hidden", "1234", "hidden_1234.docx"),
        ("张" * 100, "1234", "张" * 40 + "_1234.docx"),
        ("CON", "", "_CON.docx"),
        ("nul", "", "_nul.docx"),
        ("com1", "", "_com1.docx"),
        ("LPT9.txt", "", "_LPT9.txt.docx"),
        ("CON", "1234", "CON_1234.docx"),
        ("console", "", "console.docx"),
        ("e\u0301", "1234", "\u00e9_1234.docx"),
    ],
)
def test_safe_filename(name, id_last4, expected):
    assert documents.safe_filename(name, id_last4, set()) == expected


def test_duplicate_names_numbered():
    taken: set[str] = set()
    names = [documents.safe_filename("张三", "123X", taken) for _ in range(3)]
    assert names == ["张三_123X.docx", "张三_123X_2.docx", "张三_123X_3.docx"]


def test_duplicate_check_ignores_case():
    taken: set[str] = set()
    first = documents.safe_filename("Li Wei", "0001", taken)
    second = documents.safe_filename("LI WEI", "0001", taken)
    assert (first, second) == ("Li Wei_0001.docx", "LI WEI_0001_2.docx")


def test_taken_records_casefolded_names():
    taken = {"张三_123x.docx"}
    assert documents.safe_filename("张三", "123X", taken) == "张三_123X_2.docx"
    assert "张三_123x_2.docx" in taken


def test_different_ids_not_numbered():
    taken: set[str] = set()
    names = [documents.safe_filename("张三", last4, taken) for last4 in ("1234", "5678")]
    assert names == ["张三_1234.docx", "张三_5678.docx"]


@pytest.mark.parametrize(
    "name",
    ["../x", "a/b\\c", "CON", "\x00", "😀" * 60, "名字 ", "..", "?*", "\ud800"],
)
def test_result_is_writable(name, tmp_path):
    file_name = documents.safe_filename(name, "1234", set())
    assert "/" not in file_name
    assert "\\" not in file_name
    assert ".." not in file_name
    assert len(file_name.encode("utf-8")) <= 255
    path = tmp_path / file_name
    path.write_bytes(b"x")
    assert path.parent == tmp_path
