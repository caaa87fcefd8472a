"""The Chengdu profile (report 004, 五联): its figures at scale 1 in plain Python, and at a
small scale asked back through the GraphQL API over HTTP — the city's districts, streets and
communities, the part-time committee members (兼职委员), the units opening resources, the
demand menu with the units whose resources match, the two-way evaluation per half year and the
benefit projects — each compared with a plain-Python reading of the same records."""

from __future__ import annotations

import functools
from collections import Counter, defaultdict
from typing import Any

import pytest

from partygraph import vocabulary
from partygraph.importer import parse_records
from partygraph.seed.profiles import PROFILES, generator
from partygraph.seed.profiles.chengdu import FIGURES, PERIODS, generate
from partygraph.seed.profiles.common import Seeder
from tests.support.api_walk import ask_each, children, connection, ids, whole
from tests.support.record_index import RecordIndex
from tests.support.suite import Client, Target, load, reload

SCALE = 0.02


def scaled(full: int | float) -> int:
    return Seeder("t", SCALE, 1).n(int(full))


class Records(RecordIndex):
    """Plain dictionaries over the import records; no graph library, no Cypher."""

    def part_time_seats(self) -> set[tuple[str, str]]:
        return {
            (person, org)
            for rel, person, org, props in self.rels
            if rel == "SITS_ON" and props.get("role") == "PART_TIME_MEMBER"
        }

    def units_with_resources(self) -> set[str]:
        return {unit for rel, _, unit, _ in self.rels if rel == "OFFERED_BY"}

    def open_demands(self, community: str) -> dict[str, dict[str, tuple[bool, list[str]]]]:
        """Each open demand: unit id -> (paired with the community, matching resource ids)."""
        paired = {u for u, _ in self.into[(community, "PAIRED_WITH")]}
        found: dict[str, dict[str, tuple[bool, list[str]]]] = {}
        for demand, _ in self.into[(community, "IN")]:
            props = self.props[demand]
            if self.label[demand] != "Demand" or props["status"] != "OPEN":
                continue
            units: dict[str, list[str]] = defaultdict(list)
            for rel, resource, unit, _ in self.rels:
                if rel == "OFFERED_BY" and self.props[resource]["category"] == props["category"]:
                    units[unit].append(resource)
            found[demand] = {u: (u in paired, sorted(rs)) for u, rs in units.items()}
        return found

    def evaluations(self, period: str, target_label: str) -> dict[str, list[float]]:
        scores: dict[str, list[float]] = defaultdict(list)
        for rel, _, target, props in self.rels:
            found = rel == "EVALUATED" and props["period"] == period
            if found and self.label[target] == target_label:
                scores[target].append(props["score"])
        return scores


# ---- scale 1, plain Python ---------------------------------------------------------------------


@functools.cache
def full_scale() -> dict[str, Any]:
    """What the scale-1 records hold, counted in one pass (the records are not kept)."""
    labels: Counter[str] = Counter()
    label_of: dict[str, str] = {}
    org_type: dict[str, str] = {}
    leads: dict[str, str] = {}
    under: dict[str, str] = {}
    seats: list[tuple[str, str]] = []
    works: dict[str, str] = {}
    offering: set[str] = set()
    budgets = 0.0
    funds: set[str] = set()
    evaluating: dict[tuple[str, str], set[str]] = defaultdict(set)
    disallowed: list[tuple[str, str, str]] = []
    rels: list[tuple[str, str, str]] = []
    records = 0
    for r in generate(1.0):
        records += 1
        if r["type"] == "node":
            labels[r["label"]] += 1
            label_of[r["id"]] = r["label"]
            props = r["properties"]
            if r["label"] == "PartyOrganization":
                org_type[r["id"]] = props["type"]
            if r["label"] == "Project":
                budgets += props["budget"]
                if props.get("fundSource"):
                    funds.add(props["fundSource"])
            continue
        kind, source, target, props = r["rel"], r["from"], r["to"], r["properties"]
        rels.append((kind, source, target))
        if kind == "LEADS":
            leads[source] = target
        elif kind == "UNDER":
            under[source] = target
        elif kind == "SITS_ON" and props["role"] == "PART_TIME_MEMBER":
            seats.append((source, target))
        elif kind == "WORKS_AT":
            works[source] = target
        elif kind == "OFFERED_BY":
            offering.add(target)
        elif kind == "EVALUATED":
            evaluating[(props["period"], "given")].add(source)
            evaluating[(props["period"], "received")].add(target)
    for kind, source, target in rels:
        if not vocabulary.allows(kind, label_of.get(source, "?"), label_of.get(target, "?")):
            disallowed.append((kind, source, target))
    communities = {i for i, lab in label_of.items() if lab == "Community"}
    return {
        "records": records,
        "labels": labels,
        "disallowed": disallowed,
        "seats": seats,
        "seat_orgs": {org for _, org in seats},
        "org_type": org_type,
        "leads": leads,
        "under": under,
        "works": works,
        "label_of": label_of,
        "offering": offering,
        "budgets": budgets,
        "funds": funds,
        "evaluating": {key: len(found & communities) for key, found in evaluating.items() if found},
    }


def test_registered() -> None:
    assert "chengdu" in PROFILES
    assert generator("chengdu") is generate


def test_full_scale_places_match_the_report() -> None:
    found = full_scale()
    assert found["labels"]["District"] == FIGURES["districts"]
    assert found["labels"]["Street"] == FIGURES["streets"]
    assert found["labels"]["Community"] == FIGURES["communities"]
    assert found["records"] < 400_000, "the profile must load on the development engine"
    assert not found["disallowed"][:5]


def test_full_scale_part_time_members() -> None:
    found = full_scale()
    seats = found["seats"]
    assert len(seats) >= FIGURES["part_time_members"]
    assert len({person for person, _ in seats}) == len(seats)  # one seat a person
    for person, _ in seats:
        assert found["label_of"][found["works"][person]] == "Unit"  # from a resident unit
    for org in found["seat_orgs"]:
        assert found["org_type"][org] in ("COMMITTEE", "GENERAL_BRANCH")
        # a community's committee (it LEADS the community) or a street's (under a district's)
        led = found["leads"].get(org)
        if led is None:
            parent = found["under"][org]
            assert found["under"][parent] == "cd-city-po"
        else:
            assert found["label_of"][led] == "Community"
    # every community's committee has part-time members
    led_communities = {found["leads"][o] for o in found["seat_orgs"] if o in found["leads"]}
    assert len(led_communities) == FIGURES["communities"]


def test_full_scale_resources_projects_funding_evaluation() -> None:
    found = full_scale()
    assert len(found["offering"]) >= FIGURES["units_with_resources"]
    assert found["labels"]["Project"] == FIGURES["benefit_projects"]
    assert found["budgets"] >= FIGURES["funding_yuan"]
    assert len(found["funds"]) >= FIGURES["funding_departments"]
    for period in PERIODS:
        assert found["evaluating"][(period, "given")] == FIGURES["evaluating_communities"]
        assert found["evaluating"][(period, "received")] == FIGURES["evaluating_communities"]


def test_small_scale_is_valid_and_deterministic() -> None:
    first = list(generate(SCALE))
    assert first == list(generate(SCALE))
    parsed = parse_records(first)
    assert not parsed.problems
    assert len(parsed.nodes) == sum(1 for r in first if r["type"] == "node")  # ids unique
    assert len(parsed.relationships) == sum(1 for r in first if r["type"] == "relationship")


# ---- small scale through the API ---------------------------------------------------------------


@pytest.fixture(scope="module")
def city(target: Target) -> Records:
    records = list(generate(SCALE))
    summary = reload(target, records)
    assert summary.nodes_created == sum(1 for r in records if r["type"] == "node")
    return Records(records)


SEATS = 20  # a committee is a capped list (no `after`): asked at its most, checked not cut


def test_city_levels_through_the_api(client: Client, city: Records) -> None:
    for field, label, figure in (
        ("districts", "District", "districts"),
        ("streets", "Street", "streets"),
        ("communities", "Community", "communities"),
    ):
        total, nodes = connection(client, field, "id")
        assert total == scaled(FIGURES[figure]) == len(city.ids(label))
        assert sorted(n["id"] for n in nodes) == city.ids(label)


def test_part_time_members_through_the_api(client: Client, city: Records) -> None:
    _, orgs = connection(
        client,
        "partyOrganizations",
        f"id type committee(first: {SEATS}) {{ role person {{ id }} }}",
    )
    seats = {
        (seat["person"]["id"], org["id"])
        for org in orgs
        for seat in whole(org["committee"], SEATS, org["id"])
        if seat["role"] == "PART_TIME_MEMBER"
    }
    assert seats == city.part_time_seats()
    assert len(seats) >= scaled(FIGURES["part_time_members"])
    # every community's committee has some, and they work at resident units
    _, communities = connection(client, "communities", "id")
    led = children(
        client,
        "Community",
        ids(communities),
        "partyOrganizations",
        f"id type committee(first: {SEATS}) {{ role person {{ unit {{ id }} }} }}",
        first=20,
    )
    for community, organizations in led.items():
        committee = organizations[0]
        assert committee["type"] in ("COMMITTEE", "GENERAL_BRANCH")
        seated = whole(committee["committee"], SEATS, community)
        part_time = [s for s in seated if s["role"] == "PART_TIME_MEMBER"]
        assert part_time and all(s["person"]["unit"] for s in part_time)


def test_units_with_resources_through_the_api(client: Client, city: Records) -> None:
    total, units = connection(client, "units", "id resources { id category }")
    assert total == len(city.ids("Unit"))
    opening = {u["id"] for u in units if u["resources"]}
    assert opening == city.units_with_resources()
    assert len(opening) >= scaled(FIGURES["units_with_resources"])


def test_open_demands_match_resources(client: Client, city: Records) -> None:
    communities = city.ids("Community")
    # A whole-area report: one community an alias, as many to a request as the cost limit
    # allows. Its lists take no `first`; each alias counts 2,000 for the walk, 30 open demands
    # and their demand, 30 x 10 matching units and their unit, 30 x 10 x 5 resources.
    fields = {
        c: f'openDemands(communityId: "{c}") {{ demand {{ id status }} '
        "matchingUnits { paired unit { id } resources { id } } }"
        for c in communities
    }
    data = ask_each(client, fields, cost=2000 + 30 + 30 + 30 * 10 * 2 + 30 * 10 * 5)
    matched = 0
    for community in communities:
        expected = city.open_demands(community)
        got = {
            item["demand"]["id"]: {
                m["unit"]["id"]: (m["paired"], [r["id"] for r in m["resources"]])
                for m in item["matchingUnits"]
            }
            for item in data[community]
        }
        assert got == expected, community
        matched += sum(len(units) for units in got.values())
    assert matched > 0, "open demands should find units whose resources match"


@pytest.mark.parametrize("period", PERIODS)
def test_two_way_evaluation_through_the_api(client: Client, city: Records, period: str) -> None:
    data = client.query(
        "query($p: String!) { unitEvaluations(period: $p) { unit { id } average count min max }"
        " communityEvaluations(period: $p) { community { id } average count min max } }",
        {"p": period},
    )["data"]
    for rows, key, label in (
        (data["unitEvaluations"], "unit", "Unit"),
        (data["communityEvaluations"], "community", "Community"),
    ):
        expected = city.evaluations(period, label)
        assert {row[key]["id"] for row in rows} == set(expected)
        for row in rows:
            scores = expected[row[key]["id"]]
            assert row["count"] == len(scores)
            assert row["average"] == pytest.approx(sum(scores) / len(scores))
            assert (row["min"], row["max"]) == (min(scores), max(scores))
        averages = [row["average"] for row in rows]
        assert averages == sorted(averages, reverse=True)
    # every community evaluated and was evaluated in the period
    assert len(data["communityEvaluations"]) == scaled(FIGURES["evaluating_communities"])


def test_benefit_projects_through_the_api(client: Client, city: Records) -> None:
    total, projects = connection(client, "projects", "id budget units { id } communities { id }")
    assert total == scaled(FIGURES["benefit_projects"]) == len(city.ids("Project"))
    budget = sum(p["budget"] for p in projects)
    assert budget == pytest.approx(sum(city.props[p]["budget"] for p in city.ids("Project")))
    assert budget >= FIGURES["funding_yuan"] * SCALE
    for p in projects:
        assert len(p["communities"]) == 1
        assert [u["id"] for u in p["units"]] == [u for u, _ in city.out[(p["id"], "BY")]]


def test_loading_twice_changes_nothing(target: Target, city: Records) -> None:
    summary = load(target, generate(SCALE))
    assert summary.nodes_created == 0
    assert summary.relationships_created == 0
