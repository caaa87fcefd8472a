"""What every profile needs: scaled counts, stable ids, Chinese names, and the record helpers.

Ids are built from a profile prefix and positions (`sn-s02-c013`), never from random draws, so
the same profile at the same scale gives the same ids, and loading it twice changes nothing.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator

from partygraph.seed import names
from partygraph.seed.records import Record, node, rel

__all__ = ["Record", "Seeder", "node", "rel"]


class Seeder:
    """Scale, randomness and naming for one profile run."""

    def __init__(self, prefix: str, scale: float, seed: int) -> None:
        if scale <= 0:
            raise ValueError("scale must be above 0")
        self.prefix = prefix
        self.scale = scale
        self.rng = random.Random(f"{prefix}:{seed}")
        self._used: set[str] = set()

    def n(self, full: int, minimum: int = 1) -> int:
        """A report's figure at this scale (never below `minimum`)."""
        return max(minimum, round(full * self.scale))

    def id(self, *parts: str | int) -> str:
        text = [f"{p:03d}" if isinstance(p, int) else p for p in parts]
        return "-".join([self.prefix, *text])

    def place(self, suffix: str) -> str:
        return names.place(self.rng, suffix, self._used)

    def person(self) -> str:
        return names.person(self.rng)

    def unit_kind(self) -> tuple[str, str]:
        return self.rng.choice(names.UNIT_KINDS)

    def date(self, start: dt.date, end: dt.date) -> str:
        days = (end - start).days
        return (start + dt.timedelta(days=self.rng.randint(0, max(days, 0)))).isoformat()

    def instant(self, start: dt.datetime, end: dt.datetime) -> dt.datetime:
        seconds = int((end - start).total_seconds())
        return start + dt.timedelta(seconds=self.rng.randint(0, max(seconds, 0)))

    def chance(self, p: float) -> bool:
        return self.rng.random() < p

    def partition(self, total: int, buckets: int, spread: float) -> list[int]:
        """`total` over `buckets`, each at least 1, uneven by random weights in
        [1 - spread, 1 + spread] (largest remainder)."""
        if buckets <= 0:
            return []
        if total <= buckets:
            return self.spread(total, buckets)
        weights = [self.rng.uniform(1 - spread, 1 + spread) for _ in range(buckets)]
        rest = total - buckets
        whole = sum(weights)
        shares = [w * rest / whole for w in weights]
        counts = [int(x) for x in shares]
        order = sorted(range(buckets), key=lambda i: counts[i] - shares[i])
        for i in order[: rest - sum(counts)]:
            counts[i] += 1
        return [c + 1 for c in counts]

    def spread(self, total: int, buckets: int) -> list[int]:
        """`total` split over `buckets` as evenly as possible (the first ones get the rest)."""
        if buckets <= 0:
            return []
        base, rest = divmod(total, buckets)
        return [base + (1 if i < rest else 0) for i in range(buckets)]


def one_in(index: int, rate: float) -> bool:
    """Whether item `index` is one of round(n * rate) items spread evenly over n: picks a share
    of a list without drawing from the generator, so it shifts no later draw."""
    return round((index + 1) * rate) > round(index * rate)


def iso(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).isoformat()


def person_records(seeder: Seeder, person_id: str, **props: object) -> Iterator[Record]:
    yield node("Person", person_id, name=seeder.person(), **props)
