"""Attachment checks against a folder of the files the applicants uploaded.

Attachment columns hold file names separated by ``;`` or ``；``. With a folder
given, every named file must exist in it (or below it), and the 照片 must be
an image of at most the policy's size (500 KB in the official system), in
portrait orientation as a 证件照 is.
"""

from __future__ import annotations

import os
import warnings
from pathlib import Path

import pandas as pd
from PIL import Image, UnidentifiedImageError

from zcbatch import findings as fd
from zcbatch.policy import load_policy

ATTACHMENT_COLUMNS = {
    "个人信息": ("职称证书附件", "业绩佐证材料"),
    "学历信息": ("附件",),
    "继续教育": ("附件",),
}
SEPARATORS = r"[;；\n]"


def split_names(values: pd.Series) -> pd.Series:
    """Split attachment cells into lists of file names.

    >>> split_names(pd.Series(["a.pdf；b.jpg", None])).tolist()
    [['a.pdf', 'b.jpg'], []]
    """
    return values.fillna("").str.split(SEPARATORS, regex=True).map(lambda names: [name.strip() for name in names if name.strip()])


def _index_folder(folder: Path) -> dict[str, Path]:
    files: dict[str, Path] = {}
    for root, _, names in os.walk(folder):
        for name in names:
            files.setdefault(name, Path(root) / name)
    return files


def check_attachments(batch, folder: str | os.PathLike, policy=None) -> pd.DataFrame:
    """Check the named attachments and photos against ``folder``.

    The findings are appended to ``batch.findings`` and returned.
    """
    folder = Path(folder)
    policy = policy or load_policy()
    available = _index_folder(folder) if folder.is_dir() else {}
    results = []
    for sheet, columns in ATTACHMENT_COLUMNS.items():
        frame = batch.sheets[sheet]
        for column in columns:
            lists = split_names(frame[column])
            exploded = lists.explode().dropna()
            missing = exploded[~exploded.isin(list(available))]
            if missing.empty:
                continue
            rows = frame.loc[missing.index]
            results.append(fd.frame(
                rows, rule="ATTACHMENT_NOT_FOUND", column=column, name=None if sheet != "个人信息" else rows["姓名"],
                message="附件“" + missing.astype(str) + f"”在附件文件夹“{folder.name}”中找不到。请把该文件放入附件文件夹，或改正文件名。",
            ))
    results.append(_check_photos(batch.sheets["个人信息"], available, folder, policy.attachments["photo_max_kb"]))
    found = fd.concat(results)
    batch.findings = fd.concat([batch.findings, found])
    return found


def _check_photos(people: pd.DataFrame, available: dict[str, Path], folder: Path, max_kb: float) -> pd.DataFrame:
    named = people[people["照片"].notna()]
    results = []
    for index, name in named["照片"].items():
        path = available.get(Path(str(name)).name)
        row = named.loc[[index]]
        if path is None:
            results.append(fd.frame(row, rule="PHOTO_NOT_FOUND", column="照片",
                                    message=f"照片“{name}”在附件文件夹“{folder.name}”中找不到。请放入证件照文件或改正文件名。"))
            continue
        size_kb = path.stat().st_size / 1024
        if size_kb > max_kb:
            results.append(fd.frame(row, rule="PHOTO_TOO_LARGE", column="照片",
                                    message=f"照片“{name}”为 {size_kb:.0f} KB，超过 {max_kb:g} KB 的上限。请压缩后重新保存。"))
        try:
            # Pillow rejects an image that declares over 179 million pixels
            # (a decompression bomb) and only warns above 89 million; a real
            # 证件照 has well under one million, so both count as not an image.
            with warnings.catch_warnings():
                warnings.simplefilter("error", Image.DecompressionBombWarning)
                with Image.open(path) as image:
                    width, height = image.size
        except (UnidentifiedImageError, OSError, Image.DecompressionBombError, Image.DecompressionBombWarning):
            results.append(fd.frame(row, rule="PHOTO_NOT_IMAGE", column="照片",
                                    message=f"照片“{name}”不是可识别的图片文件。请上传 JPG 或 PNG 格式的证件照。"))
            continue
        if width >= height:
            results.append(fd.frame(row, rule="PHOTO_NOT_PORTRAIT", column="照片",
                                    message=f"照片“{name}”为 {width}×{height} 像素的横版图片，证件照应为竖版。请确认是证件照，自拍照、艺术照不可用。"))
    return fd.concat(results)
