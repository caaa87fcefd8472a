"""The lock: pylock.toml holds every package the suite runs with, at the version installed,
each file with its sha256 (scripts/setup installs from it with hashes checked), and
constraints.txt restates the same versions for the Dockerfile."""

from __future__ import annotations

import importlib.metadata
import re
import tomllib
from pathlib import Path

from scripts import lockfile

ROOT = Path(__file__).resolve().parent.parent
LOCK = ROOT / "pylock.toml"


def normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def locked() -> dict[str, str]:
    return {normal(n): v for n, v in lockfile.packages(LOCK.read_text(encoding="utf-8")).items()}


def test_the_suite_runs_on_the_locked_versions() -> None:
    # A developer's own extra tools may sit beside them; every locked package is there as locked.
    installed = {normal(d.metadata["Name"]): d.version for d in importlib.metadata.distributions()}
    assert {name: installed.get(name) for name in locked()} == locked()


def test_every_locked_file_has_its_hash() -> None:
    entries = tomllib.loads(LOCK.read_text(encoding="utf-8"))["packages"]
    assert entries
    for entry in entries:
        files = [*entry.get("wheels", []), *([entry["sdist"]] if "sdist" in entry else [])]
        assert files, entry["name"]
        assert all(len(f["hashes"]["sha256"]) == 64 for f in files), entry["name"]
    # The project itself is installed editable, beside the lock, not from it.
    assert "partygraph" not in {entry["name"] for entry in entries}


def test_the_dockerfile_pins_are_the_lock_restated() -> None:
    pins = (ROOT / "constraints.txt").read_text(encoding="utf-8")
    assert pins == lockfile.constraints(lockfile.packages(LOCK.read_text(encoding="utf-8")))
