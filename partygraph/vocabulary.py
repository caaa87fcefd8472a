"""The node labels and relationship types of docs/domain.md: the only names the graph may
hold.

Everything that turns a name into Cypher (import, migrate, navigation) checks it here first,
so a label or type never reaches a statement unless it is one of these.
"""

from __future__ import annotations

from dataclasses import dataclass

# Every stored node carries this label beside its domain label: one uniqueness constraint
# on Entity.id makes `id` unique across the whole graph and gives node(id) one index.
ENTITY = "Entity"

LABELS: dict[str, str] = {
    "District": "区/县",
    "Street": "街道/镇",
    "Community": "社区/村",
    "Grid": "网格",
    "PartyOrganization": "党组织",
    "Alliance": "联盟",
    "Unit": "驻区单位/机关部门",
    "Person": "人员",
    "Project": "共建项目",
    "VolunteerTeam": "志愿队伍",
    "Wish": "微心愿",
    "Demand": "需求清单项",
    "Resource": "共享资源",
    "Request": "诉求工单",
    "Evaluation": "评议",
    "Activity": "活动/会议",
}


@dataclass(frozen=True)
class Link:
    """One allowed (from label)-[rel]->(to label) combination."""

    rel: str
    source: str
    target: str


def _links(rel: str, sources: str, targets: str) -> list[Link]:
    return [Link(rel, s, t) for s in sources.split("|") for t in targets.split("|")]


LINKS: tuple[Link, ...] = tuple(
    # hierarchy
    _links("IN", "Street", "District")
    + _links("IN", "Community", "Street")
    + _links("IN", "Grid", "Community|Grid")
    # organisation
    + _links("UNDER", "PartyOrganization", "PartyOrganization")
    + _links("LEADS", "PartyOrganization", "Community|Grid")
    + _links("OF", "PartyOrganization", "Unit")
    + _links("MEMBER_OF", "PartyOrganization|Community", "Alliance")
    # people
    + _links("MEMBER_OF", "Person", "PartyOrganization")
    + _links("WORKS_AT", "Person", "Unit")
    + _links("RESIDES_IN", "Person", "Grid|Community")
    + _links("REPORTED_TO", "Person", "Community")
    + _links("CONTACTS", "Person", "Community|Grid")
    + _links("SERVES", "Person", "Grid")
    + _links("SITS_ON", "Person", "PartyOrganization")
    + _links("VOLUNTEERS_IN", "Person", "VolunteerTeam")
    # strips to blocks
    + _links("PAIRED_WITH", "Unit", "Community|Grid")
    + _links("PAIRED_WITH", "PartyOrganization", "PartyOrganization")
    + _links("REPORTED_TO", "PartyOrganization", "Community")
    # work
    + _links("BY", "Project", "Unit")
    + _links("FOR", "Project", "Community")
    + _links("OF", "VolunteerTeam", "Unit")
    + _links("IN", "Wish", "Community|Grid")
    + _links("CLAIMED", "Person", "Wish")
    + _links("IN", "Demand", "Community")
    + _links("OFFERED_BY", "Resource", "Unit")
    + _links("TOOK", "Unit", "Demand")
    + _links("IN", "Request", "Grid")
    + _links("ESCALATED_TO", "Request", "Street|Unit|District")
    + _links("FIRST_RESPONSIBLE", "Request", "Unit")
    # two-way evaluation: communities evaluate units, units evaluate communities
    + _links("EVALUATED", "Community", "Unit")
    + _links("EVALUATED", "Unit", "Community")
    + _links("ATTENDED", "Person", "Activity")
    + _links("IN", "Activity", "Community|Grid")
)

REL_TYPES: frozenset[str] = frozenset(link.rel for link in LINKS)

# What each relationship type is called in the programmes' own words (the explorer's labels).
REL_NAMES: dict[str, str] = {
    "IN": "位于",
    "UNDER": "隶属",
    "LEADS": "领导",
    "OF": "所属",
    "MEMBER_OF": "成员",
    "WORKS_AT": "工作于",
    "RESIDES_IN": "居住",
    "REPORTED_TO": "报到",
    "CONTACTS": "包联",
    "SERVES": "服务",
    "SITS_ON": "任职",
    "VOLUNTEERS_IN": "志愿服务",
    "PAIRED_WITH": "结对共建",
    "BY": "承办单位",
    "FOR": "服务社区",
    "CLAIMED": "认领",
    "OFFERED_BY": "提供单位",
    "TOOK": "承接",
    "ESCALATED_TO": "吹哨上报",
    "FIRST_RESPONSIBLE": "首问负责",
    "EVALUATED": "评议",
    "ATTENDED": "参加",
}
_ALLOWED: frozenset[tuple[str, str, str]] = frozenset(
    (link.rel, link.source, link.target) for link in LINKS
)


def is_label(name: str) -> bool:
    return name in LABELS


def is_rel_type(name: str) -> bool:
    return name in REL_TYPES


def allows(rel: str, source: str, target: str) -> bool:
    """Whether docs/domain.md allows (source)-[rel]->(target)."""
    return (rel, source, target) in _ALLOWED


def endpoints(rel: str) -> list[tuple[str, str]]:
    """The (source, target) label pairs a relationship type may join."""
    return sorted((link.source, link.target) for link in LINKS if link.rel == rel)


def touches(rel: str, label: str) -> bool:
    """Whether some link of type `rel` starts or ends at `label`."""
    return any(label in pair for pair in endpoints(rel))
