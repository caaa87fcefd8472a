"""Relationship fields are fetched in batches: the number of statements a request sends
depends on the shape of the query, not on how many rows it returns."""

from __future__ import annotations

import pytest

from partygraph.seed.demo import DemoSize, demo
from tests.support.suite import RUN_FACTS, Client, Target, load, wipe

# Nested lists ask for a few items each, as a client must to stay under the cost limit.
NESTED = """query($first: Int) { grids(first: $first) { edges { node {
    id pairedUnits(first: 5) { id pairedCommunities(first: 5) { id street { id } } }
    community { id contacts(first: 5) { id } } parent { id }
    partyOrganizations(first: 3) { id members(first: 10) { id residence { id } } } } } } }"""


@pytest.fixture(scope="module")
def loaded(target: Target, engine_kind: str) -> None:
    wipe(target)
    load(
        target,
        demo(seed=99, size=DemoSize(streets=3, communities_per_street=4, grids_per_community=3)),
    )


def statements(client: Client, first: int) -> tuple[int, int]:
    body = client.query(NESTED, {"first": first})
    return body["extensions"]["statements"], len(body["data"]["grids"]["edges"])


def test_statement_count_does_not_grow_with_rows(client: Client, loaded: None) -> None:
    few, few_rows = statements(client, 1)
    some, some_rows = statements(client, 20)
    many, many_rows = statements(client, 60)
    assert (few_rows, some_rows, many_rows) == (1, 20, 60)
    # One statement per level of the selection: the page, then each of the nine relationship
    # fields (fewer only when a level has no rows at all).
    assert few <= some == many == 10
    RUN_FACTS["batching"] = (
        f"{many} statements for {many_rows} grids, {some} for {some_rows}, {few} for {few_rows}"
    )


WIDE = """query($first: Int) { communities(first: $first) { edges { node {
    id alliances(first: 3) { id members(first: 5) { id } }
    projects(first: 3) { units(first: 3) { id } } demands(first: 5) { takenBy(first: 3) { id } }
    wishes(first: 5) { claimedBy(first: 3) { id } }
    activities(first: 5) { attendees(first: 5) { person { id } } }
    grids(first: 5) { staff(first: 5) { person { serves(first: 3) { grid { id } }
                                                  seats(first: 3) { organization { id } } } }
            pairings(first: 3) { unit { id } through { id } } wishes(first: 5) { id } }
    partyOrganizations(first: 3) { committee(first: 5) { person { id } }
                                   pairedOrganizations(first: 3) { id } children(first: 3) { id } }
} } } }"""


def test_new_relationship_fields_are_batched_too(client: Client, loaded: None) -> None:
    counts = []
    for first in (2, 12):
        body = client.query(WIDE, {"first": first})
        assert len(body["data"]["communities"]["edges"]) == first
        counts.append(body["extensions"]["statements"])
    # The page, then at most one statement for each of the 20 relationship fields selected.
    assert counts[0] == counts[1] <= 21
    RUN_FACTS["batching, wide query"] = f"{counts[1]} statements for 12 communities and 2"
