"""Command line: ``python -m awaz.scripts --from ug --to ug-latn < in.txt > out.txt``."""

import argparse
import io
import re
import sys
from collections.abc import Sequence
from typing import Final, TextIO

from awaz.scripts.api import convert
from awaz.scripts.errors import SCRIPTS, ConversionError, CyrillicHamza, CyrillicSpelling

_FENCE: Final = re.compile(r"[ \t]{0,3}(`{3,}|~{3,})")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m awaz.scripts",
        description=(
            "Convert Uyghur text between Arabic (ug), Latin (ug-latn) and Cyrillic (ug-cyrl) "
            "script, reading standard input and writing standard output line by line (UTF-8). "
            "Each line starts with a capital, as after any line break."
        ),
    )
    parser.add_argument(
        "--from", dest="source", required=True, help="script of the input: ug, ug-latn or ug-cyrl"
    )
    parser.add_argument(
        "--to", dest="target", required=True, help="script of the output: ug, ug-latn or ug-cyrl"
    )
    parser.add_argument(
        "--proper-noun",
        dest="proper_nouns",
        action="append",
        default=[],
        metavar="NAME",
        help="a name to capitalise as written, in any script (repeatable)",
    )
    parser.add_argument(
        "--cyrillic-hamza",
        default=CyrillicHamza.DROP.value,
        metavar="drop|apostrophe",
        help="write a hamza inside a Cyrillic word as nothing (default, маарип) or ' (ма'арип)",
    )
    parser.add_argument(
        "--cyrillic-spelling",
        default=CyrillicSpelling.STANDARD.value,
        metavar="standard|kazakhstan",
        help=(
            "spell Cyrillic by DB65/T 3691 (default: йил, қазақистан) "
            "or as Kazakhstan prints it (жил, қазақстан)"
        ),
    )
    return parser


def main(
    argv: Sequence[str] | None = None,
    stdin: TextIO | None = None,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
) -> int:
    """Run the converter as a filter; return the exit status (2 for a usage or input error)."""
    stdin = stdin or _reconfigured(sys.stdin, errors="surrogateescape")
    stdout = stdout or _reconfigured(sys.stdout, errors="strict")
    stderr = stderr or sys.stderr
    args = _parser().parse_args(argv)
    for code in (args.source, args.target):
        if code not in SCRIPTS:
            return _fail(stderr, f"unknown script {code!r}; expected one of {', '.join(SCRIPTS)}")
    if args.cyrillic_hamza not in {option.value for option in CyrillicHamza}:
        return _fail(
            stderr, f"unknown --cyrillic-hamza {args.cyrillic_hamza!r}; use drop or apostrophe"
        )
    hamza = CyrillicHamza(args.cyrillic_hamza)
    if args.cyrillic_spelling not in {option.value for option in CyrillicSpelling}:
        return _fail(
            stderr,
            f"unknown --cyrillic-spelling {args.cyrillic_spelling!r}; use standard or kazakhstan",
        )
    spelling = CyrillicSpelling(args.cyrillic_spelling)
    fence: str | None = None
    for number, line in enumerate(stdin, start=1):
        # A fenced code block spans lines: pass it through whole, as convert() does.
        opening = _FENCE.match(line)
        if fence is not None:
            if opening and opening.group(1).startswith(fence) and not line[opening.end() :].strip():
                fence = None
            stdout.write(line)
            continue
        if opening:
            fence = opening.group(1)
            stdout.write(line)
            continue
        try:
            stdout.write(
                convert(
                    line,
                    source=args.source,
                    target=args.target,
                    proper_nouns=args.proper_nouns,
                    cyrillic_hamza=hamza,
                    cyrillic_spelling=spelling,
                )
            )
        except ConversionError as error:
            stdout.flush()
            return _fail(stderr, f"line {number}: {error}")
    stdout.flush()
    return 0


def _reconfigured(stream: TextIO, *, errors: str) -> TextIO:
    if isinstance(stream, io.TextIOWrapper):
        stream.reconfigure(encoding="utf-8", errors=errors)
    return stream


def _fail(stderr: TextIO, message: str) -> int:
    stderr.write(f"awaz.scripts: error: {message}\n")
    return 2
