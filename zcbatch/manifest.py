"""manifest.json: what a run read and wrote, with SHA-256 digests.

The manifest lists each input and output with its SHA-256, the policy name
and version, the tool version, the application year and reference date, and
the counts. It holds no timestamp, so the same input gives the same manifest.
"""

from __future__ import annotations

import json
from pathlib import Path

from zcbatch import __version__
from zcbatch.atomic import write_text
from zcbatch.evaluate import EvaluationResult
from zcbatch.reader import sha256_of

MANIFEST_NAME = "manifest.json"


def build_manifest(result: EvaluationResult, outdir: Path, outputs: list[Path]) -> dict:
    """Return the manifest as a dict."""
    outdir = Path(outdir)
    files = sorted({Path(path) for path in outputs if Path(path).is_file()}, key=lambda path: str(path))
    return {
        "工具": {"名称": "zcbatch", "版本": __version__},
        "政策": {"名称": result.policy.name, "版本": result.policy.version, "标题": result.policy.title},
        "申报年度": result.year,
        "申报日期": f"{result.date:%Y-%m-%d}",
        "输入": [{"文件": source.path.name, "sha256": source.sha256} for source in result.batch.sources],
        "输出": [{"文件": path.relative_to(outdir).as_posix() if path.is_relative_to(outdir) else path.name,
                 "sha256": sha256_of(path)} for path in files],
        "统计": {
            "申请人数": result.summary["申请人数"],
            "状态": result.summary["状态"],
            "问题级别": result.summary["问题级别"],
            "生成文件人数": result.summary["审核通过且可生成文件"],
        },
    }


def write_manifest(result: EvaluationResult, outdir: Path, outputs: list[Path]) -> Path:
    """Write manifest.json into ``outdir`` and return its path."""
    manifest = build_manifest(result, outdir, outputs)
    return write_text(Path(outdir) / MANIFEST_NAME, json.dumps(manifest, ensure_ascii=False, indent=2) + "\n")
