"""Settings documented by construction: every variable that Awaz reads from the environment is
in `.env.example`, with a comment, and `.env.example` lists nothing that nobody reads.

The reads are found in the source itself (awaz/, config/, bin/), not by running it, so a read on
a path that no test takes is found too: the helpers of config/env.py, `os.environ` and
`os.getenv` in Python, `${NAME:-default}` in the shell scripts of bin/. Tests' own switches
(`*/tests/*`) are not settings and are not listed.
"""

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / ".env.example"
ENV_HELPERS = {"env_str", "env_bool", "env_int", "env_list", "env_secret", "env_networks"}
# Variables that tools set for the code, not settings an operator chooses.
NOT_SETTINGS = {"DJANGO_SETTINGS_MODULE"}
SHELL_READ = re.compile(r"\$\{([A-Z][A-Z0-9_]*):?[-=]")


def _is_environ(node: ast.expr) -> bool:
    """`os.environ` or a bare `environ`."""
    if isinstance(node, ast.Attribute):
        return node.attr == "environ"
    return isinstance(node, ast.Name) and node.id == "environ"


def _reads_in_python(tree: ast.AST, where: str) -> tuple[set[str], list[str]]:
    names: set[str] = set()
    unnamed: list[str] = []

    def literal(node: ast.expr | None, line: int) -> None:
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            names.add(node.value)
        else:
            unnamed.append(f"{where}:{line}")

    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            callee = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            environ_get = (
                isinstance(func, ast.Attribute) and func.attr == "get" and _is_environ(func.value)
            )
            if callee in ENV_HELPERS or callee == "getenv" or environ_get:
                literal(node.args[0] if node.args else None, node.lineno)
        elif (
            isinstance(node, ast.Subscript)
            and isinstance(node.ctx, ast.Load)
            and _is_environ(node.value)
        ):
            literal(node.slice, node.lineno)
        elif isinstance(node, ast.Compare) and any(_is_environ(c) for c in node.comparators):
            literal(node.left, node.lineno)
    return names, unnamed


def environment_reads() -> tuple[dict[str, set[str]], list[str]]:
    """{variable: files that read it}, and the reads whose variable is not a literal name."""
    found: dict[str, set[str]] = {}
    unnamed: list[str] = []
    files = [*ROOT.glob("awaz/**/*.py"), *ROOT.glob("config/**/*.py"), *ROOT.glob("bin/*")]
    for path in sorted(files):
        where = str(path.relative_to(ROOT))
        if "tests" in path.relative_to(ROOT).parts:
            continue
        text = path.read_text(encoding="utf-8")
        if path.suffix == ".py" or text.startswith("#!/usr/bin/env python"):
            names, missing_names = _reads_in_python(ast.parse(text, where), where)
            if where == "config/env.py":
                missing_names = []  # the helpers themselves take the name as a parameter
            unnamed += missing_names
        else:
            names = set(SHELL_READ.findall(text))
        for name in names - NOT_SETTINGS:
            found.setdefault(name, set()).add(where)
    return found, unnamed


def documented() -> dict[str, bool]:
    """{variable: whether a comment stands above it (or above its group)} in .env.example."""
    result: dict[str, bool] = {}
    commented = False
    for line in EXAMPLE.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            commented = False
        elif line.startswith("#"):
            commented = True
        elif match := re.match(r"([A-Z][A-Z0-9_]*)=", line):
            result[match[1]] = commented
    return result


def test_the_scan_finds_reads_of_every_kind():
    tree = ast.parse(
        'env_int("A", 1)\nos.environ.get("B")\nos.environ["C"]\nos.getenv("D")\n'
        '"E" in os.environ\nos.environ.setdefault("F", "x")\nenv_str(name)\n'
    )
    names, unnamed = _reads_in_python(tree, "example.py")
    assert names == {"A", "B", "C", "D", "E"}
    assert unnamed == ["example.py:7"]
    shell = 'PORT=${PORT:-8000} "${SERVER:-gunicorn}" $LOCAL'
    assert SHELL_READ.findall(shell) == ["PORT", "SERVER"]


def test_every_variable_read_from_the_environment_is_in_env_example():
    reads, unnamed = environment_reads()
    assert len(reads) > 60, "the scan finds almost nothing: is it looking in the right place?"
    assert not unnamed, f"read the environment with a literal variable name: {unnamed}"
    missing = {name: sorted(files) for name, files in reads.items() if name not in documented()}
    assert not missing, f"document these in .env.example (name, meaning, default): {missing}"


def test_env_example_documents_every_variable_and_lists_only_variables_that_are_read():
    reads, _ = environment_reads()
    entries = documented()
    uncommented = sorted(name for name, has_comment in entries.items() if not has_comment)
    assert not uncommented, f"give these a comment in .env.example: {uncommented}"
    unread = sorted(set(entries) - set(reads))
    assert not unread, f".env.example lists variables that nothing reads: {unread}"
