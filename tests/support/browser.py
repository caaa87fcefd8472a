"""Running a browser script of tests/js (playwright-core from tools/web driving Debian's
chromium), and where its screenshots go."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent
CHROMIUM = Path("/usr/bin/chromium")
PLAYWRIGHT = ROOT / "tools" / "web" / "node_modules" / "playwright-core"


def artifacts(tmp_path: Path) -> Path:
    """Where screenshots go: PARTYGRAPH_TEST_ARTIFACTS (kept by CI), else the test's tmp_path."""
    folder = Path(os.environ.get("PARTYGRAPH_TEST_ARTIFACTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def run_script(script: str, options: dict[str, Any], timeout: float) -> dict[str, Any]:
    """What tests/js/`script` reported (its JSON on stdout), given `options` as JSON."""
    node_program = shutil.which("node")
    if node_program is None or not CHROMIUM.is_file() or not PLAYWRIGHT.is_dir():
        pytest.fail(
            "the browser test needs node, /usr/bin/chromium and tools/web's npm packages: "
            "run ./scripts/setup --with-lint"
        )
    run = subprocess.run(
        [
            node_program,
            str(ROOT / "tests" / "js" / script),
            json.dumps(options, ensure_ascii=False),
        ],
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    report: dict[str, Any] = json.loads(run.stdout)
    return report
