"""Run one target of targets.py under atheris: `python tests/fuzz/fuzz_<name>.py [libFuzzer
options]`, e.g. `-max_total_time=600` or `-runs=5000`. See README.md."""

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run(name: str) -> None:
    import atheris  # a dev dependency; only the fuzzing itself needs it

    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    # Generated keys and any file go to a throw-away folder, never the work tree's var/.
    os.environ.setdefault("AWAZ_VAR_DIR", tempfile.mkdtemp(prefix="awaz-fuzz-"))
    import django

    # Coverage guidance from our own code: Awaz's modules are instrumented as they are imported
    # (Django's set-up imports the apps, the warm-up call whatever the target imports lazily).
    with atheris.instrument_imports(include=["awaz"]):
        django.setup()
        from tests.fuzz.targets import TARGETS

        target = TARGETS[name]
        target(b"warm-up")
    # A single input taking 10 s is a finding too: a regular expression gone exponential.
    atheris.Setup([sys.argv[0], "-timeout=10", *sys.argv[1:]], target)
    atheris.Fuzz()
