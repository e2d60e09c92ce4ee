"""docs/deploy.md lists every environment variable of `.env.example`, and its files exist.

The table of variables in docs/deploy.md is made from `.env.example` by this module:
`.venv/bin/python -m tests.test_deploy_docs` prints it afresh (paste it over the old one).
"""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEPLOY = ROOT / "docs" / "deploy.md"
_VARIABLE = re.compile(r"^([A-Z][A-Z0-9_]*)=(.*)$")


def variables() -> list[tuple[str, str, str]]:
    """(name, default, the comment above it) for each variable of .env.example, in order."""
    found: list[tuple[str, str, str]] = []
    comment: list[str] = []
    for line in (ROOT / ".env.example").read_text().splitlines():
        if line.startswith("# ---"):
            comment = []
        elif line.startswith("#"):
            comment.append(line.lstrip("# ").strip())
        elif match := _VARIABLE.match(line):
            found.append((match[1], match[2], " ".join(comment)))
            comment = []
        else:
            comment = []
    return found


def table() -> str:
    rows = ["| Variable | Default | What |", "|---|---|---|"]
    for name, default, comment in variables():
        what = comment.replace("|", "\\|") if comment else "″ (with the one above)"
        shown = f"`{default}`" if default else "(empty)"
        rows.append(f"| `{name}` | {shown} | {what} |")
    return "\n".join(rows)


def test_every_variable_is_in_the_deployment_guide():
    text = DEPLOY.read_text()
    missing = [name for name, _, _ in variables() if f"`{name}`" not in text]
    assert not missing, f"docs/deploy.md does not list {missing}: python -m tests.test_deploy_docs"


def test_the_files_the_guide_names_exist():
    named = set(re.findall(r"deploy/[\w@.-]+", DEPLOY.read_text()))
    assert named, "the guide names no deploy/ file"
    assert all((ROOT / path.rstrip(".")).exists() for path in named), sorted(named)


def test_nginx_refuses_no_body_that_awaz_takes():
    from django.conf import settings

    config = (ROOT / "deploy" / "nginx.conf").read_text()
    megabytes = int(re.search(r"client_max_body_size (\d+)m;", config)[1])  # type: ignore[index]
    assert megabytes * 1024 * 1024 >= settings.AWAZ_MAX_REQUEST_BYTES


if __name__ == "__main__":
    print(table())
