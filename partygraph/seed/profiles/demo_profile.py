"""The `demo` profile as a profile: the small district of partygraph.seed.demo, scalable."""

from __future__ import annotations

from collections.abc import Iterator

from partygraph.seed.demo import DemoSize, demo
from partygraph.seed.records import Record

FIGURES: dict[str, object] = {"streets": 2, "communities": 6}


def generate(scale: float = 1.0, seed: int = 7) -> Iterator[Record]:
    size = DemoSize(streets=max(1, round(2 * scale)), communities_per_street=3)
    return demo(seed=seed, size=size)
