"""Running the whole job twice on the same input writes byte-identical files."""

from __future__ import annotations

import hashlib
import json

import pytest

from zcbatch import pipeline

pytestmark = pytest.mark.slow


def _digests(folder):
    return {path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(folder.rglob("*")) if path.is_file()}


@pytest.fixture(scope="module")
def two_runs(tmp_path_factory):
    """Run the demo twice into separate folders."""
    first = tmp_path_factory.mktemp("first") / "输出"
    second = tmp_path_factory.mktemp("second") / "输出"
    pipeline.demo(first)
    pipeline.demo(second)
    return first, second


def test_same_files_written(two_runs):
    first, second = two_runs
    assert sorted(_digests(first)) == sorted(_digests(second))


def test_same_bytes_written(two_runs):
    first, second = two_runs
    assert _digests(first) == _digests(second)


def test_manifest_lists_every_output(two_runs):
    first, _ = two_runs
    manifest = json.loads((first / "manifest.json").read_text(encoding="utf-8"))
    listed = {entry["文件"] for entry in manifest["输出"]}
    written = set(_digests(first)) - {"manifest.json"}
    assert listed == written


def test_manifest_digest_matches_file(two_runs):
    first, _ = two_runs
    manifest = json.loads((first / "manifest.json").read_text(encoding="utf-8"))
    digests = _digests(first)
    assert all(digests[entry["文件"]] == entry["sha256"] for entry in manifest["输出"])


def test_manifest_records_policy(two_runs):
    first, _ = two_runs
    manifest = json.loads((first / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["政策"]["名称"] == "teda-2024"
