"""The atheris target for `targets.access_form`: see README.md for how to run it."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.fuzz.harness import run

if __name__ == "__main__":
    run("access_form")
