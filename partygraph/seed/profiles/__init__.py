"""Seed profiles drawn from the five case reports, and a city.

Each profile module has FIGURES (the report's numbers, at scale 1) and
`generate(scale: float = 1.0, seed: int = 1) -> Iterator[Record]`.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable

from partygraph.seed.records import Record

Generator = Callable[[float, int], Iterable[Record]]

# name: (module, the report it reproduces)
PROFILES: dict[str, tuple[str, str]] = {
    "demo": ("partygraph.seed.profiles.demo_profile", "a small district for trying the API"),
    "shinan": ("partygraph.seed.profiles.shinan", "Qingdao Shinan, report 000: 两下两上"),
    "qibin": ("partygraph.seed.profiles.qibin", "Hebi Qibin, report 001: 网格有约·一呼即应"),
    "zhoucun": ("partygraph.seed.profiles.zhoucun", "Zibo Zhoucun, report 002: 支部建在网格"),
    "ninghai": ("partygraph.seed.profiles.ninghai", "Nanjing Ninghai Road, report 003: 四级联动"),
    "chengdu": ("partygraph.seed.profiles.chengdu", "Chengdu, report 004: 五联, a whole city"),
}


def generator(name: str) -> Generator:
    module = importlib.import_module(PROFILES[name][0])
    generate: Generator = module.generate
    return generate


def figures(name: str) -> dict[str, object]:
    module = importlib.import_module(PROFILES[name][0])
    found: dict[str, object] = getattr(module, "FIGURES", {})
    return found
