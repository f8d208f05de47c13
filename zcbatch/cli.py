"""The ``zcbatch`` command line: a thin layer over :mod:`zcbatch.pipeline`.

Every subcommand maps to one library function, and every message is Chinese.
Exit codes: 0 the job finished (whatever the batch contains), 1 an internal
error (with a short message and the log path), 2 unusable input or usage.
"""

from __future__ import annotations

import argparse
import datetime as dt
import errno
import logging
import re
import signal
import sys
import tempfile
import traceback
from pathlib import Path

from zcbatch import __version__
from zcbatch.errors import InputError, OutputError, ZcbatchError
from zcbatch.report import FULL_REPORT_ROWS, abridged_note, is_abridged

EXIT_OK, EXIT_INTERNAL, EXIT_INPUT = 0, 1, 2

DESCRIPTION = """\
zcbatch：天津经开区用人单位自主聘任初（中）级职称批量审核工具。

从 Excel 读取整批申请人，逐项检查字段和聘任条件，在出错的单元格处用中文说明问题，
生成审核结果、图表，并为审核通过的申请人批量生成公示、自主聘任表和推荐审核汇总表。
"""

EPILOG = """\
常用步骤：
  zcbatch template -o 申报信息模板.xlsx        生成填写模板
  zcbatch check 申报信息.xlsx -o 审核输出       检查并生成 审核结果.xlsx
  zcbatch run 申报信息.xlsx -o 审核输出 --pdf   检查并生成全部文件（含 PDF）
  zcbatch demo                                 用内置示例批次演示全部流程

退出码：
  0  处理完成（无论批次中是否有问题）
  1  程序内部错误（会显示简短说明和日志位置）
  2  输入无法使用或命令用法错误（文件不存在、不是电子表格、缺少必需的工作表等）

输出文件夹：
  -o 指定的文件夹已存在且不为空时拒绝写入，以免新旧结果混在一起；加 --force 会先删除
  其中由 zcbatch 生成的文件再写入。不指定 -o 时写入当前目录下新建的“审核输出_日期_时间”文件夹。
"""


class ChineseHelpFormatter(argparse.RawDescriptionHelpFormatter):
    """Help formatter with a Chinese usage prefix."""

    def add_usage(self, usage, actions, groups, prefix=None):
        return super().add_usage(usage, actions, groups, "用法：" if prefix is None else prefix)


_ARGPARSE_MESSAGES = [
    (r"the following arguments are required: (.*)", r"缺少必需的参数：\1"),
    (r"unrecognized arguments: (.*)", r"无法识别的参数：\1"),
    (r"argument (\S+): invalid choice: (.*?) \(choose from (.*)\)", r"参数 \1 的取值 \2 无效，可选：\3"),
    (r"argument (\S+): expected one argument", r"参数 \1 需要一个值"),
    (r"argument (\S+): invalid (\w+) value: (.*)", r"参数 \1 的值 \3 无效"),
    (r"argument (\S+): (.*)", r"参数 \1：\2"),
    (r"invalid choice: (.*?) \(choose from (.*)\)", r"无效的子命令 \1，可选：\2"),
]


class ChineseArgumentParser(argparse.ArgumentParser):
    """Argument parser whose headings and usage errors are Chinese."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("formatter_class", ChineseHelpFormatter)
        kwargs.setdefault("add_help", False)
        super().__init__(*args, **kwargs)
        self._positionals.title = "位置参数"
        self._optionals.title = "选项"
        self.add_argument("-h", "--help", action="help", help="显示本帮助并退出")

    def error(self, message: str):
        for pattern, replacement in _ARGPARSE_MESSAGES:
            if re.search(pattern, message):
                message = re.sub(pattern, replacement, message)
                break
        self.print_usage(sys.stderr)
        self.exit(EXIT_INPUT, f"zcbatch：参数错误：{message}\n使用 zcbatch -h 查看帮助。\n")


def _date(text: str) -> dt.date:
    """Parse a date in any form the workbook accepts (2026-11-20, 2026.11.20, 2026年11月20日)."""
    import pandas as pd

    from zcbatch.normalize import parse_dates

    parsed = parse_dates(pd.Series([text], dtype=object))
    if pd.notna(parsed.problem.iloc[0]) or pd.isna(parsed.values.iloc[0]):
        raise argparse.ArgumentTypeError(f"日期“{text}”无效，请写成 2026-11-20 或 2026年11月20日 的格式")
    return parsed.values.iloc[0].date()


def _year(text: str) -> int:
    """Parse a four-digit application year between 1950 and 2100."""
    if not text.isdigit() or not 1950 <= int(text) <= 2100:
        raise argparse.ArgumentTypeError(f"年度“{text}”无效，请写 1950 至 2100 之间的四位年份，例如 2026")
    return int(text)


def _add_evaluation_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("inputs", nargs="+", metavar="输入",
                        help="申报信息工作簿（.xlsx/.xlsm/.xls/.ods）或其所在文件夹，可给出多个；文件夹中的 ~$ 临时文件和隐藏文件会被跳过")
    parser.add_argument("-o", "--outdir", metavar="文件夹", help="输出文件夹（默认：当前目录下新建“审核输出_日期_时间”）")
    parser.add_argument("--force", action="store_true", help="输出文件夹不为空时，删除其中由 zcbatch 生成的旧文件后写入")
    parser.add_argument("--year", type=_year, metavar="年度", help="申报年度，例如 2026（默认取单位信息的申报年度，否则为今年）")
    parser.add_argument("--date", type=_date, metavar="日期",
                        help="申报日期即审核基准日，例如 2026-11-20，工作年限算到这一天（默认取单位信息的申报日期，否则为今天）")
    parser.add_argument("--policy", metavar="名称或路径", help="政策名称或政策文件路径（默认：teda-2024）")
    parser.add_argument("--attachments", metavar="文件夹", help="附件文件夹：检查附件列中的文件是否存在，照片是否为不超过 500KB 的竖版图片")
    parser.add_argument("--all-rows", action="store_true",
                        help=f"申请人超过 {FULL_REPORT_ROWS:,} 人时，审核结果中也列出没有问题的申请人和输入行"
                        "（默认只列出有错误或警告的，写得更快）")
    parser.add_argument("-v", "--verbose", action="store_true", help="显示详细的处理过程")


def _add_render_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--full-id", action="store_true",
                        help="公示中显示完整身份证号（默认只显示前 6 位和后 4 位，因为公示会对外张贴）")
    parser.add_argument("--pdf", action="store_true", help="同时用 LibreOffice 把生成的 Word 文件转换为 PDF")


def build_parser() -> ChineseArgumentParser:
    """Build the argument parser with every subcommand."""
    parser = ChineseArgumentParser(prog="zcbatch", description=DESCRIPTION, epilog=EPILOG)
    parser.add_argument("--version", action="version", version=f"zcbatch {__version__}", help="显示版本号并退出")
    commands = parser.add_subparsers(dest="command", metavar="命令", title="命令", parser_class=ChineseArgumentParser)

    template = commands.add_parser("template", help="生成申报信息填写模板", description="生成申报信息填写模板（七张工作表，带填写说明、下拉选项和格式）。")
    template.add_argument("-o", "--output", default="申报信息模板.xlsx", metavar="文件", help="模板文件名（默认：申报信息模板.xlsx）")
    template.add_argument("--example", action="store_true", help="在模板中填入一位示例申请人")
    template.add_argument("--force", action="store_true", help="覆盖已存在的同名文件")
    template.add_argument("-v", "--verbose", action="store_true", help="显示详细的处理过程")

    check = commands.add_parser("check", help="检查批次并生成 审核结果.xlsx",
                                description="读取申报信息，检查每个字段和聘任条件，生成 审核结果.xlsx（汇总、人员明细、问题清单、标注副本）和图表。"
                                f"申请人超过 {FULL_REPORT_ROWS:,} 人时，人员明细只列出有错误或警告的申请人，"
                                "标注副本另存为 审核结果_标注.xlsx。",
                                epilog=EPILOG)
    _add_evaluation_options(check)

    render = commands.add_parser("render", help="为审核通过的申请人生成 Word 文件",
                                 description="检查批次后，为审核结果为“通过”且状态为可聘任或需补充材料的申请人生成 公示.docx、自主聘任表、推荐审核汇总表。")
    _add_evaluation_options(render)
    _add_render_options(render)

    run = commands.add_parser("run", help="检查并生成全部文件", description="相当于 check 加 render，并写出 manifest.json。")
    _add_evaluation_options(run)
    _add_render_options(run)

    demo = commands.add_parser("demo", help="用内置示例批次演示全部流程", description="对内置示例批次（sample_data/申报汇总.xlsx）运行 run。")
    demo.add_argument("-o", "--outdir", metavar="文件夹", help="输出文件夹（默认：当前目录下新建“审核输出_日期_时间”）")
    demo.add_argument("--force", action="store_true", help="输出文件夹不为空时，删除其中由 zcbatch 生成的旧文件后写入")
    demo.add_argument("--pdf", action="store_true", help="同时转换为 PDF")
    demo.add_argument("-v", "--verbose", action="store_true", help="显示详细的处理过程")
    return parser


def _configure_logging(verbose: bool) -> None:
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING, format="%(levelname)s %(message)s",
                        stream=sys.stderr, force=True)


def _print_summary(output) -> None:
    result = output.result
    summary = result.summary
    statuses = "，".join(f"{status} {count} 人" for status, count in summary["状态"].items())
    severities = summary["问题级别"]
    print(f"申报年度 {result.year}，审核基准日 {result.date:%Y-%m-%d}，政策 {result.policy.label}")
    for note in summary.get("基准说明", []):
        print(note)
    print(f"共 {summary['申请人数']} 名申请人：{statuses}")
    print(f"发现问题 {len(result.findings)} 条：错误 {severities.get('错误', 0)}，警告 {severities.get('警告', 0)}，提示 {severities.get('提示', 0)}")
    _print_unassigned_errors(result.findings)
    print(f"审核通过且可生成文件：{summary['审核通过且可生成文件']} 人")
    for message in summary["文件生成受阻原因"]:
        print(f"未生成公示和聘任表，因为：{message}")
    if is_abridged(result, output.full_rows):
        print(abridged_note(result, output.full_rows))
    print(f"结果已写入：{output.outdir}")


def _print_unassigned_errors(findings, limit: int = 5) -> None:
    """Print the first errors that belong to no applicant (unit items, headers, orphan rows) with their cell."""
    from zcbatch import findings as fd

    errors = findings[findings[fd.KEY].isna() & (findings[fd.SEVERITY] == "错误")]
    for record in errors.head(limit).to_dict("records"):
        parts = []
        if record[fd.FILE]:
            parts.append(f"“{record[fd.FILE]}”")
        if record[fd.SHEET]:
            parts.append(f"工作表“{record[fd.SHEET]}”")
        if record[fd.ROW] is not None and record[fd.ROW] == record[fd.ROW]:
            parts.append(f"第 {record[fd.ROW]} 行")
        if record[fd.COLUMN]:
            parts.append(str(record[fd.COLUMN]))
        place = f"（{'，'.join(parts)}）" if parts else ""
        print(f"不属于某位申请人的错误{place}：{record[fd.MESSAGE]}")
    if len(errors) > limit:
        print(f"……另有 {len(errors) - limit} 条此类错误，见 审核结果.xlsx 的“问题清单”。")


def _run_command(args) -> int:
    from zcbatch import pipeline

    if args.command == "template":
        from zcbatch.template import write_template

        target = Path(args.output)
        if target.exists() and not args.force:
            raise OutputError(f"文件“{target}”已存在。请换一个文件名，或加 --force 覆盖。")
        write_template(target, example=args.example)
        print(f"模板已写入：{target}")
        return EXIT_OK
    if args.command == "demo":
        output = pipeline.demo(args.outdir, force=args.force, pdf=args.pdf, progress=sys.stderr.isatty())
        _print_summary(output)
        return EXIT_OK

    options = dict(policy=args.policy, year=args.year, date=args.date, attachments=args.attachments, force=args.force,
                   all_rows=args.all_rows)
    if args.command == "check":
        output = pipeline.check(args.inputs, args.outdir, **options)
    elif args.command == "render":
        output = pipeline.check(args.inputs, args.outdir, **options)
        output.outputs.extend(pipeline.render(output.result, output.outdir, full_id=args.full_id, pdf=args.pdf,
                                              progress=sys.stderr.isatty()))
    else:
        output = pipeline.run(args.inputs, args.outdir, full_id=args.full_id, pdf=args.pdf,
                              progress=sys.stderr.isatty(), **options)
    _print_summary(output)
    return EXIT_OK


# Runs of 15 to 18 digits (an ID number, possibly ending in X) and 11-digit
# mobile numbers. Exception messages can quote cell values, so the error log
# masks both the way findings mask an ID.
_ID_NUMBER = re.compile(r"(?<![0-9])([0-9]{6})([0-9]{5,8})([0-9]{3}[0-9Xx])(?![0-9])")
_MOBILE_NUMBER = re.compile(r"(?<![0-9])(1[3-9][0-9])[0-9]{4}([0-9]{4})(?![0-9])")


def mask_personal_numbers(text: str) -> str:
    """Mask ID numbers (first 6 and last 4 kept) and mobile numbers (first 3 and last 4 kept).

    >>> mask_personal_numbers("值 120101199703150014 与 13800001234")
    '值 120101********0014 与 138****1234'
    """
    text = _ID_NUMBER.sub(lambda match: match.group(1) + "*" * len(match.group(2)) + match.group(3), text)
    return _MOBILE_NUMBER.sub(r"\1****\2", text)


def main(argv: list[str] | None = None) -> int:
    """Run the command line and return the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if not args.command:
        parser.print_help()
        return EXIT_INPUT
    _configure_logging(getattr(args, "verbose", False))
    try:
        return _run_command(args)
    except (InputError, OutputError) as error:
        print(f"zcbatch：{error}", file=sys.stderr)
        return EXIT_INPUT
    except ZcbatchError as error:
        print(f"zcbatch：{error}", file=sys.stderr)
        return EXIT_INPUT
    except KeyboardInterrupt:
        print(_INTERRUPTED, file=sys.stderr)
        return EXIT_INTERNAL
    except OSError as error:
        message = _system_error_message(error, getattr(args, "outdir", None))
        if message is None:
            return _internal_error()
        print(f"zcbatch：{message}", file=sys.stderr)
        return EXIT_INPUT
    except Exception:  # noqa: BLE001 - the last guard: a short message instead of a traceback
        return _internal_error()


# Finished files stay where they are, so the message states that the output is incomplete.
_INTERRUPTED = ("zcbatch：已中断。正在写的文件没有留下，已写完的文件仍在输出文件夹中，但这次的输出不完整。"
                "请重新运行；输出到同一文件夹时加 --force。")


def console() -> int:
    """Run the ``zcbatch`` command with the signal handling a terminal user expects.

    Ctrl+C and SIGTERM (a service manager or ``kill`` stopping the job) both
    raise KeyboardInterrupt once, so every atomic write removes its temporary
    file. A second signal is ignored, so it cannot cut that cleanup short.
    Once the job has finished both are ignored, because a signal during the
    interpreter's shutdown would only print Python's "Exception ignored"
    traceback.
    """
    interrupt_once()
    try:
        code = main()
        _ignore_interrupts()
    except KeyboardInterrupt:
        _ignore_interrupts()
        print(_INTERRUPTED, file=sys.stderr)
        code = EXIT_INTERNAL
    return code


def interrupt_once() -> None:
    """Make the next SIGINT or SIGTERM raise KeyboardInterrupt and later ones do nothing."""
    def interrupt(signum, frame):
        _ignore_interrupts()
        raise KeyboardInterrupt

    signal.signal(signal.SIGINT, interrupt)
    signal.signal(signal.SIGTERM, interrupt)


def _ignore_interrupts() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)


def _internal_error() -> int:
    """Write the current traceback, numbers masked, to the error log and print its path."""
    # Each error gets its own file, so a later error never replaces the log
    # another run, or another user, is about to send.
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", prefix="zcbatch-错误日志-", suffix=".log",
                                     delete=False) as log:
        log.write(mask_personal_numbers(traceback.format_exc()))
    log_path = Path(log.name)
    print(f"zcbatch：程序内部错误，处理未完成。详细信息已写入 {log_path}，请把该文件发给技术支持。", file=sys.stderr)
    return EXIT_INTERNAL


_SYSTEM_ERRORS = {
    errno.ENOSPC: "磁盘空间不足",
    errno.EDQUOT: "超出磁盘配额",
    errno.EROFS: "所在磁盘是只读的",
    errno.EACCES: "没有访问权限",
    errno.EPERM: "没有访问权限",
}


def _system_error_message(error: OSError, outdir: str | None = None) -> str | None:
    """Explain a full disk or a missing permission in Chinese; ``None`` for other system errors."""
    reason = _SYSTEM_ERRORS.get(error.errno)
    if reason is None:
        return None
    where = f"输出文件夹“{outdir}”" if outdir else "输出文件夹"
    if error.filename:
        # A temporary file or scratch folder is named by the visible folder holding it.
        parts = Path(error.filename).parts
        hidden = next((index for index, part in enumerate(parts) if part.startswith(".") and index), len(parts))
        where = f"“{Path(*parts[:hidden])}”"
    return (f"无法写入或读取{where}：{reason}（系统错误 {error.errno}），处理未完成，未写完的输出文件已删除。"
            "请清理磁盘空间、检查权限，或换一个输出文件夹后重试。")


if __name__ == "__main__":
    sys.exit(main())
