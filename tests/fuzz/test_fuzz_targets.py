"""Short runs of every fuzz target, as part of the normal test suite (README.md: longer runs).

Each target runs twice: under hypothesis, in this process, and under atheris (coverage-guided),
in a process of its own for a few seconds; the Hypothesis profile says how many examples and runs.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.fuzz.targets import SEPARATOR, TARGETS

ROOT = Path(__file__).resolve().parents[2]
# As many atheris runs as ten times the Hypothesis profile's examples (conftest.py): 500 in
# `make test`, 20,000 with HYPOTHESIS_PROFILE=long.
SHORT_RUN = [f"-runs={10 * settings().max_examples}", "-max_total_time=20"]

anything = st.text(st.characters(exclude_categories=()), max_size=200)
fields = st.lists(
    st.one_of(
        anything,
        st.sampled_from(
            ["Ayshe Tursun", "ayshe@example.org", "KZ", "on", "=1+1", "a@b.c\r\nBcc: x"]
        ),
    ),
    max_size=10,
).map(lambda parts: SEPARATOR.join(parts).encode("utf-8", "surrogatepass"))
INPUTS = {
    "sign_form": st.one_of(fields, st.binary(max_size=500)),
    "access_form": st.one_of(
        anything.map(lambda t: t.encode("utf-8", "surrogatepass")), st.binary()
    ),
    "links": st.one_of(anything.map(lambda t: t.encode("utf-8", "surrogatepass")), st.binary()),
    "converter": st.binary(max_size=2000),
}


@pytest.mark.hypothesis  # its @given is inside: `make fuzz` selects it by this mark
@pytest.mark.parametrize("name", sorted(TARGETS))
def test_every_target_holds_for_generated_input(name):
    @settings(
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow],
    )
    @given(data=INPUTS[name])
    def run(data: bytes) -> None:
        TARGETS[name](data)

    run()


@pytest.mark.parametrize("name", sorted(TARGETS))
def test_every_target_survives_a_short_atheris_run(name, tmp_path):
    pytest.importorskip("atheris", reason="atheris is a dev dependency: make install-dev")
    env = {**os.environ, "AWAZ_VAR_DIR": str(tmp_path)}
    env.pop("DATABASE_URL", None)  # the targets need no database
    result = subprocess.run(  # noqa: S603 - our own script, fixed arguments
        [
            sys.executable,
            str(ROOT / "tests" / "fuzz" / f"fuzz_{name}.py"),
            *SHORT_RUN,
            f"-artifact_prefix={tmp_path}/",
        ],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output[-4000:]
    assert "Done " in output
