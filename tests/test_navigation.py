"""Navigation fields over the whole vocabulary, including relationship properties (roles,
hours), checked against the records they were loaded from."""

from __future__ import annotations

import random

import pytest

from partygraph.enums import BUILDING_ROLES, SeatRole
from partygraph.seed.records import Record, node, rel
from tests.support.model import Model
from tests.support.suite import Client, Target, reload


def dataset(seed: int = 3) -> list[Record]:
    rng = random.Random(seed)
    r: list[Record] = [
        node("Community", "c-1", name="云霄路社区"),
        node("Grid", "g-1", name="1号楼", level="BUILDING"),
        rel("IN", "g-1", "c-1"),
        node("PartyOrganization", "po-1", name="云霄路社区党委", type="COMMITTEE"),
        rel("LEADS", "po-1", "c-1"),
        node("Unit", "u-1", name="区卫健委", category="DEPARTMENT"),
        node("Unit", "u-2", name="人民医院", category="HOSPITAL"),
        node("Resource", "res-1", name="义诊服务", category="MEDICAL"),
        rel("OFFERED_BY", "res-1", "u-2"),
        node("Demand", "dm-1", name="老年人体检", category="MEDICAL", status="TAKEN"),
        rel("IN", "dm-1", "c-1"),
        rel("TOOK", "u-2", "dm-1", on="2024-04-02"),
        node("Project", "pr-1", name="健康小屋", category="HEALTH", status="IN_PROGRESS"),
        rel("BY", "pr-1", "u-1"),
        rel("FOR", "pr-1", "c-1"),
        node("VolunteerTeam", "vt-1", name="红色突击队", kind="RED_ASSAULT"),
        rel("OF", "vt-1", "u-1"),
        node("Wish", "w-1", name="轮椅一台", status="CLAIMED"),
        rel("IN", "w-1", "g-1"),
        node("Activity", "a-1", name="联合党课", type="PARTY_LESSON", date="2024-07-01"),
        rel("IN", "a-1", "c-1"),
        node("Request", "r-1", name="楼道灯不亮", status="OPEN", category="INFRASTRUCTURE"),
        rel("IN", "r-1", "g-1"),
        rel("FIRST_RESPONSIBLE", "r-1", "u-1"),
    ]
    for i, role in enumerate([*BUILDING_ROLES, *BUILDING_ROLES[:2]]):
        person = f"p-{i}"
        r += [
            node("Person", person, name=f"居民{i}", cadre=i % 3 == 0),
            rel("SERVES", person, "g-1", role=role.name),
        ]
        if i < len(SeatRole):
            r.append(rel("SITS_ON", person, "po-1", role=list(SeatRole)[i].name))
        if rng.random() < 0.7:
            r.append(rel("ATTENDED", person, "a-1", hours=rng.choice([1.5, 2.0, 3.0])))
        if i % 2:
            r.append(rel("VOLUNTEERS_IN", person, "vt-1"))
    r.append(rel("CLAIMED", "p-1", "w-1", on="2024-05-01"))
    return r


@pytest.fixture(scope="module")
def model(target: Target, engine_kind: str) -> Model:
    records = dataset()
    reload(target, records)
    return Model(records)


def edges(model: Model, rel_type: str, prop: str) -> list[tuple[str, str, object]]:
    return sorted(
        (a, b, data.get(prop))
        for a, b, k, data in model.g.edges(keys=True, data=True)
        if k == rel_type
    )


def test_roles_seats_and_hours(client: Client, model: Model) -> None:
    body = client.query("""{
      grid(id: "g-1") { staff { person { id } role } wishes { id claimedBy { id } } }
      partyOrganization(id: "po-1") { committee { person { id } organization { id } role } }
      node(id: "a-1") { ... on Activity { place { id } attendees { person { id } hours } } }
    }""")["data"]
    staff = sorted((s["person"]["id"], "g-1", s["role"]) for s in body["grid"]["staff"])
    assert staff == edges(model, "SERVES", "role")
    seats = sorted(
        (s["person"]["id"], s["organization"]["id"], s["role"])
        for s in body["partyOrganization"]["committee"]
    )
    assert seats == edges(model, "SITS_ON", "role")
    hours = sorted((a["person"]["id"], "a-1", a["hours"]) for a in body["node"]["attendees"])
    assert hours == edges(model, "ATTENDED", "hours") and hours
    assert body["node"]["place"] == {"id": "c-1"}
    assert body["grid"]["wishes"] == [{"id": "w-1", "claimedBy": [{"id": "p-1"}]}]


def test_person_side_of_the_same_links(client: Client, model: Model) -> None:
    for person in model.ids("Person"):
        got = client.query(
            """query($id: ID!) { person(id: $id) { cadre serves { grid { id } role }
                 seats { organization { id } role } volunteerTeams { id }
                 claimedWishes { id } attended { activity { id } hours } } }""",
            {"id": person},
        )["data"]["person"]
        assert got["cadre"] == model.g.nodes[person]["cadre"]
        assert [(s["grid"]["id"], s["role"]) for s in got["serves"]] == [
            (b, r) for a, b, r in edges(model, "SERVES", "role") if a == person
        ]
        assert [(s["organization"]["id"], s["role"]) for s in got["seats"]] == [
            (b, r) for a, b, r in edges(model, "SITS_ON", "role") if a == person
        ]
        assert [t["id"] for t in got["volunteerTeams"]] == model.out(person, "VOLUNTEERS_IN")
        assert [w["id"] for w in got["claimedWishes"]] == model.out(person, "CLAIMED")
        assert [(a["activity"]["id"], a["hours"]) for a in got["attended"]] == [
            (b, h) for a, b, h in edges(model, "ATTENDED", "hours") if a == person
        ]


def test_co_building_and_request_links(client: Client, model: Model) -> None:
    body = client.query("""{
      community(id: "c-1") { projects { id units { id } } demands { id takenBy { id } }
                            activities { id } partyOrganizations { id } }
      unit(id: "u-2") { resources { id unit { id } } takenDemands { id community { id } } }
      u1: unit(id: "u-1") { projects { id } volunteerTeams { id members { id } } }
      node(id: "r-1") { ... on Request { status grid { id } firstResponsible { id } overdue } }
    }""")["data"]
    assert body["community"] == {
        "projects": [{"id": "pr-1", "units": [{"id": "u-1"}]}],
        "demands": [{"id": "dm-1", "takenBy": [{"id": "u-2"}]}],
        "activities": [{"id": "a-1"}],
        "partyOrganizations": [{"id": "po-1"}],
    }
    assert body["unit"] == {
        "resources": [{"id": "res-1", "unit": {"id": "u-2"}}],
        "takenDemands": [{"id": "dm-1", "community": {"id": "c-1"}}],
    }
    members = sorted(model.into("vt-1", "VOLUNTEERS_IN"))
    assert body["u1"] == {
        "projects": [{"id": "pr-1"}],
        "volunteerTeams": [{"id": "vt-1", "members": [{"id": m} for m in members]}],
    }
    assert body["node"] == {
        "status": "OPEN",
        "grid": {"id": "g-1"},
        "firstResponsible": {"id": "u-1"},
        "overdue": False,
    }
