"""`python -m awaz.core.pgcheck [--require] URL`: is PostgreSQL reachable? Exit 0 if so.

With --require, an unreachable server is an error that says what to do.
"""

import sys

import psycopg


def reachable(url: str) -> str | None:
    """None when a connection succeeds, else the reason it did not."""
    try:
        with psycopg.connect(url, connect_timeout=3) as connection:
            connection.execute("SELECT 1")
    except psycopg.Error as error:
        return str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
    return None


def main(argv: list[str]) -> int:
    require = "--require" in argv
    urls = [arg for arg in argv if not arg.startswith("--")]
    if len(urls) != 1:
        print("usage: python -m awaz.core.pgcheck [--require] URL", file=sys.stderr)
        return 2
    problem = reachable(urls[0])
    if problem and require:
        print(f"PostgreSQL is required here and is not reachable: {problem}", file=sys.stderr)
    return 0 if problem is None else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
