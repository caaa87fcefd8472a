"""Settings check themselves when they are read: a bad value stops every command at once,
named, and a secret never shows in what is printed (pydantic's SecretStr)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from pydantic import ValidationError

from partygraph.config import problems
from tests.support.suite import settings_of

SHORT = "a-short-secret-but-still-secret"  # 31 characters


def test_every_bad_setting_is_named_and_the_secret_never_shown(tmp_path: Path) -> None:
    env = {
        "PATH": "/usr/bin:/bin",
        "PARTYGRAPH_HOME": str(tmp_path),
        "PARTYGRAPH_SECRET": SHORT,
        "PARTYGRAPH_MAX_COST": "0",
        "PARTYGRAPH_STATEMENT_TIMEOUT": "0",
        "PARTYGRAPH_ENGINE_BOLT_PORT": "70000",
    }
    for command in (["serve"], ["token", "--role", "admin"], ["engine", "status"]):
        done = subprocess.run(
            [sys.executable, "-m", "partygraph", *command],
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert done.returncode == 1, done.stderr
        said = " ".join(done.stderr.split())
        assert "PARTYGRAPH_SECRET: must be at least 32 characters" in said
        assert "PARTYGRAPH_MAX_COST: Input should be greater than or equal to 1" in said
        assert "PARTYGRAPH_STATEMENT_TIMEOUT: Input should be greater than 0" in said
        assert "PARTYGRAPH_ENGINE_BOLT_PORT: Input should be less than or equal to 65535" in said
        assert SHORT not in done.stderr + done.stdout and "Traceback" not in done.stderr
        assert not any(tmp_path.iterdir()), "something started before the settings were checked"


def test_secrets_stay_out_of_reprs_and_errors() -> None:
    settings = settings_of(PARTYGRAPH_SECRET=SHORT + "x", NEO4J_PASSWORD="hunter2-hunter2")
    shown = repr(settings) + str(settings.model_dump())
    assert SHORT not in shown and "hunter2" not in shown
    with pytest.raises(ValidationError) as refused:
        settings_of(PARTYGRAPH_SECRET=SHORT)
    assert problems(refused.value) == ["PARTYGRAPH_SECRET: must be at least 32 characters"]
    assert SHORT not in str(problems(refused.value))


def test_an_empty_secret_is_no_secret() -> None:
    # An empty PARTYGRAPH_SECRET (a compose file's `PARTYGRAPH_SECRET=`) means unset: the
    # development engine's own secret, as before.
    assert settings_of(PARTYGRAPH_SECRET="").secret is None
