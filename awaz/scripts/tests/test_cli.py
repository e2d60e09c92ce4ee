# ruff: noqa: S603
"""``python -m awaz.scripts``: a filter from standard input to standard output."""

import io
import os
import subprocess
import sys
from pathlib import Path

from awaz.scripts.cli import main

ROOT = Path(__file__).resolve().parents[3]


def _run(*args: str, stdin: bytes) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONIOENCODING": "ascii"}
    return subprocess.run(
        [sys.executable, "-m", "awaz.scripts", *args],
        input=stdin,
        capture_output=True,
        cwd=ROOT,
        env=env,
        timeout=60,
        check=False,
    )


def test_cli_converts_standard_input_line_by_line_in_utf8() -> None:
    # PYTHONIOENCODING=ascii above: the filter must still read and write UTF-8.
    result = _run("--from", "ug", "--to", "ug-latn", stdin="ئۇيغۇر تىلى. بۇ\nمائارىپ\n".encode())
    assert result.returncode == 0, result.stderr
    assert result.stdout.decode() == "Uyghur tili. Bu\nMa'arip\n"
    assert result.stderr == b""


def test_cli_converts_every_pair_of_scripts() -> None:
    texts = {"ug": "ئۇيغۇر مائارىپى", "ug-latn": "Uyghur ma'aripi", "ug-cyrl": "Уйғур маарипи"}
    for source, text in texts.items():
        for target, expected in texts.items():
            result = _run("--from", source, "--to", target, stdin=f"{text}\n".encode())
            assert result.returncode == 0, result.stderr
            assert result.stdout.decode() == f"{expected}\n", (source, target)


def test_cli_exits_2_with_one_line_message_on_unknown_script() -> None:
    result = _run("--from", "ug", "--to", "ug-arab", stdin=b"x\n")
    assert result.returncode == 2
    assert result.stdout == b""
    message = result.stderr.decode()
    assert message.count("\n") == 1
    assert "unknown script 'ug-arab'" in message


def test_cli_exits_2_with_one_line_message_on_input_that_is_not_utf8() -> None:
    result = _run("--from", "ug-latn", "--to", "ug", stdin=b"bu yaxshi\n\xff\xfe\n")
    assert result.returncode == 2
    assert result.stdout.decode() == "بۇ ياخشى\n"
    message = result.stderr.decode()
    assert message.count("\n") == 1
    assert "line 2" in message and "surrogate" in message


def test_cli_help_describes_the_options() -> None:
    result = _run("--help", stdin=b"")
    assert result.returncode == 0
    for option in ("--from", "--to", "--proper-noun", "--cyrillic-hamza", "--cyrillic-spelling"):
        assert option in result.stdout.decode()


def test_cli_takes_repeated_proper_nouns_and_the_hamza_option() -> None:
    stdout = io.StringIO()
    status = main(
        [
            "--from=ug",
            "--to=ug-cyrl",
            "--proper-noun",
            "Uyghur",
            "--proper-noun=Almuta",
            "--cyrillic-hamza=apostrophe",
        ],
        stdin=io.StringIO("بىز ئالمۇتادىكى ئۇيغۇرلار مائارىپى ئۈچۈن\n"),
        stdout=stdout,
        stderr=io.StringIO(),
    )
    assert status == 0
    assert stdout.getvalue() == "Биз Алмутадики Уйғурлар ма'арипи үчүн\n"


def test_cli_writes_kazakhstan_spelling_on_request_and_refuses_an_unknown_one() -> None:
    stdout, stderr = io.StringIO(), io.StringIO()
    argv = ["--from=ug", "--to=ug-cyrl", "--cyrillic-spelling=kazakhstan"]
    assert main(argv, stdin=io.StringIO("قازاقىستان خەلقى 30 يىل\n"), stdout=stdout) == 0
    assert stdout.getvalue() == "Қазақстан хәлқи 30 жил\n"
    argv = ["--from=ug", "--to=ug-cyrl", "--cyrillic-spelling=almaty"]
    assert main(argv, stdin=io.StringIO("x\n"), stdout=io.StringIO(), stderr=stderr) == 2
    assert "unknown --cyrillic-spelling 'almaty'" in stderr.getvalue()


def test_cli_refuses_an_unknown_hamza_convention() -> None:
    stderr = io.StringIO()
    status = main(
        ["--from=ug", "--to=ug-cyrl", "--cyrillic-hamza=ъ"],
        stdin=io.StringIO("x\n"),
        stdout=io.StringIO(),
        stderr=stderr,
    )
    assert status == 2
    assert (
        stderr.getvalue()
        == "awaz.scripts: error: unknown --cyrillic-hamza 'ъ'; use drop or apostrophe\n"
    )


def test_cli_passes_fenced_code_blocks_through_whole() -> None:
    stdout = io.StringIO()
    text = "ئۇيغۇر\n```\nئۇيغۇر\n```\nتىل\n"
    status = main(
        ["--from=ug", "--to=ug-latn"], stdin=io.StringIO(text), stdout=stdout, stderr=io.StringIO()
    )
    assert status == 0
    assert stdout.getvalue() == "Uyghur\n```\nئۇيغۇر\n```\nTil\n"
