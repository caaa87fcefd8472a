"""The area hierarchy: areas lie in areas through IN (a community in a street, a grid in a
community or in a grid). It must never loop: a grid lying in its own sub-grid would be counted
under its own child by the figures per area, and walks down an area would go round."""

from __future__ import annotations

from collections.abc import Mapping, Set

from partygraph import vocabulary

# The labels something lies in: an IN from one of these joins two areas.
AREAS: frozenset[str] = frozenset(target for _, target in vocabulary.endpoints("IN"))


def chain_up(parents: Mapping[str, Set[str]], start: str, goal: str) -> list[str] | None:
    """The ids from `start` up to `goal` along `parents` (start first), or None when `goal`
    does not lie above `start`. Adding `goal` IN `start` would close exactly this loop."""
    came_from: dict[str, str | None] = {start: None}
    frontier = [start]
    while frontier:
        following: list[str] = []
        for here in frontier:
            if here == goal:
                chain = [here]
                while (step := came_from[chain[-1]]) is not None:
                    chain.append(step)
                return chain[::-1]
            for parent in sorted(parents.get(here, ())):
                if parent not in came_from:
                    came_from[parent] = here
                    following.append(parent)
        frontier = following
    return None
