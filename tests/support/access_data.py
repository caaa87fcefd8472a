"""A small graph with two districts, for the role and scope tests.

东城区 (d1) holds 甲街道 (s1: 甲一社区 c1 with grids g1 ⊃ g1b, 甲二社区 c2 with g2) and
乙街道 (s2: 乙一社区 c3 with g3); 西城区 (d2) holds 丙街道 (s3: 丙一社区 c4 with g4).
Unit u1 (区卫健委) is paired with c1 and g2 and has a member living in the other district;
u2 (供电公司) is paired with c3; u3 with c4. Each area has people with personal data, a
request, a wish and a demand; u1 and u2 run projects and exchange evaluations.

`VISIBLE` says, for each scope, which ids its viewer may read: what the tests check against.
"""

from __future__ import annotations

import datetime as dt

from partygraph.seed.records import Record, node, rel

PERIOD = "2024"


def _person(pid: str, name: str, phone: str) -> Record:
    return node(
        "Person",
        pid,
        name=name,
        partyMember=True,
        phone=phone,
        idNumber="110101199001011234",
        address="北京市东城区某某路1号院2号楼301",
        birthDate="1990-01-01",
    )


def dataset() -> list[Record]:
    raised = dt.datetime(2024, 5, 1, 8, tzinfo=dt.UTC).isoformat()
    due = dt.datetime(2099, 1, 1, tzinfo=dt.UTC).isoformat()
    records: list[Record] = [
        node("District", "d1", name="东城区"),
        node("District", "d2", name="西城区"),
        node("Street", "s1", name="甲街道"),
        node("Street", "s2", name="乙街道"),
        node("Street", "s3", name="丙街道"),
        node("Community", "c1", name="甲一社区"),
        node("Community", "c2", name="甲二社区"),
        node("Community", "c3", name="乙一社区"),
        node("Community", "c4", name="丙一社区"),
        node("Grid", "g1", name="甲一第1网格", level="COMMUNITY"),
        node("Grid", "g1b", name="甲一1号楼", level="BUILDING"),
        node("Grid", "g2", name="甲二第1网格", level="COMMUNITY"),
        node("Grid", "g3", name="乙一第1网格", level="COMMUNITY"),
        node("Grid", "g4", name="丙一第1网格", level="COMMUNITY"),
        node("Unit", "u1", name="区卫健委"),
        node("Unit", "u2", name="供电公司"),
        node("Unit", "u3", name="西城税务所"),
        node("PartyOrganization", "o1", name="甲一第1网格党支部"),
        node("PartyOrganization", "o3", name="乙一第1网格党支部"),
        node("PartyOrganization", "ou1", name="区卫健委机关党委"),
        node("PartyOrganization", "ou2", name="供电公司党委"),
        node("Alliance", "al1", name="甲一共建联盟"),
        _person("p1", "张甲一", "13812345678"),  # lives in g1b, works at u1, reported
        _person("p2", "李乙一", "13900001111"),  # lives in g3, works at u2
        _person("p3", "王西城", "13700002222"),  # lives in d2, works at u1
        _person("p4", "赵包联", "13600003333"),  # lives in d2, contacts c2
        _person("p5", "钱丙一", "13500004444"),  # lives in c4, nothing else
        _person("p6", "孙甲一", "13400005555"),  # lives in g1, not reported yet
        _person("p7", "周包联", "13300006666"),  # lives in g2, contacts c1, not reported yet
        node(
            "Request",
            "r1",
            name="楼道堆物",
            category="SAFETY",
            status="OPEN",
            level=0,
            description="楼道堆放杂物",
            raisedAt=raised,
            dueAt=due,
        ),
        node(
            "Request",
            "r3",
            name="路灯损坏",
            category="INFRASTRUCTURE",
            status="OPEN",
            level=0,
            description="路灯不亮",
            raisedAt=raised,
            dueAt=due,
        ),
        node(
            "Request",
            "r4",
            name="井盖缺失",
            category="SAFETY",
            status="OPEN",
            level=0,
            description="井盖缺失",
            raisedAt=raised,
            dueAt=due,
        ),
        node("Wish", "w1", name="轮椅一台", status="OPEN"),
        node("Wish", "w3", name="助学书包", status="OPEN"),
        node("Wish", "w4", name="冬衣两件", status="OPEN"),
        node("Demand", "dm1", name="义诊进社区", category="MEDICAL", status="OPEN"),
        node("Demand", "dm3", name="电路检修", category="EXPERTISE", status="OPEN"),
        node("Demand", "dm2", name="健康讲座", category="MEDICAL", status="TAKEN"),
        node("Wish", "w2", name="台灯一盏", status="CLAIMED"),
        node("Resource", "res1", name="医护志愿队", category="MEDICAL"),
        node("Resource", "res2", name="电工服务", category="EXPERTISE"),
        node("Project", "pr1", name="健康小屋", category="HEALTH", status="IN_PROGRESS"),
        node("Project", "pr2", name="光明工程", category="LIVELIHOOD", status="IN_PROGRESS"),
        node(
            "Activity", "act1", name="主题党日", type="PARTY_LESSON", date="2024-06-01", hours=2.0
        ),
        # hierarchy
        rel("IN", "s1", "d1"),
        rel("IN", "s2", "d1"),
        rel("IN", "s3", "d2"),
        rel("IN", "c1", "s1"),
        rel("IN", "c2", "s1"),
        rel("IN", "c3", "s2"),
        rel("IN", "c4", "s3"),
        rel("IN", "g1", "c1"),
        rel("IN", "g1b", "g1"),
        rel("IN", "g2", "c2"),
        rel("IN", "g3", "c3"),
        rel("IN", "g4", "c4"),
        # organisations and pairings
        rel("LEADS", "o1", "g1"),
        rel("LEADS", "o3", "g3"),
        rel("OF", "ou1", "u1"),
        rel("OF", "ou2", "u2"),
        rel("PAIRED_WITH", "u1", "c1"),
        rel("PAIRED_WITH", "u1", "g2"),
        rel("PAIRED_WITH", "u2", "c3"),
        rel("PAIRED_WITH", "u3", "c4"),
        rel("MEMBER_OF", "c1", "al1"),
        rel("MEMBER_OF", "ou1", "al1"),
        # people
        rel("RESIDES_IN", "p1", "g1b"),
        rel("MEMBER_OF", "p1", "o1"),
        rel("WORKS_AT", "p1", "u1"),
        rel("REPORTED_TO", "p1", "c1", on="2024-03-01"),
        rel("RESIDES_IN", "p2", "g3"),
        rel("MEMBER_OF", "p2", "o3"),
        rel("WORKS_AT", "p2", "u2"),
        rel("RESIDES_IN", "p3", "g4"),
        rel("MEMBER_OF", "p3", "ou1"),
        rel("WORKS_AT", "p3", "u1"),
        rel("RESIDES_IN", "p4", "g4"),
        rel("MEMBER_OF", "p4", "o1"),
        rel("CONTACTS", "p4", "c2"),
        rel("RESIDES_IN", "p5", "c4"),
        rel("RESIDES_IN", "p6", "g1"),
        rel("MEMBER_OF", "p6", "o1"),
        rel("MEMBER_OF", "p5", "ou2"),
        rel("RESIDES_IN", "p7", "g2"),
        rel("MEMBER_OF", "p7", "ou2"),
        rel("CONTACTS", "p7", "c1"),
        # work
        rel("IN", "r1", "g1"),
        rel("FIRST_RESPONSIBLE", "r1", "u1"),
        rel("IN", "r3", "g3"),
        rel("FIRST_RESPONSIBLE", "r3", "u2"),
        rel("IN", "r4", "g4"),
        rel("IN", "w1", "c1"),
        rel("IN", "w3", "c3"),
        rel("IN", "w4", "c4"),
        rel("IN", "dm1", "c1"),
        rel("IN", "dm3", "c3"),
        rel("IN", "dm2", "c1"),
        rel("TOOK", "u1", "dm2", on="2024-04-01"),
        rel("IN", "w2", "c1"),
        rel("CLAIMED", "p1", "w2", on="2024-04-02"),
        rel("OFFERED_BY", "res1", "u1"),
        rel("OFFERED_BY", "res2", "u2"),
        rel("BY", "pr1", "u1"),
        rel("FOR", "pr1", "c1"),
        rel("BY", "pr2", "u2"),
        rel("FOR", "pr2", "c3"),
        rel("EVALUATED", "c1", "u1", period=PERIOD, score=92.0),
        rel("EVALUATED", "u1", "c1", period=PERIOD, score=88.0),
        rel("EVALUATED", "c3", "u2", period=PERIOD, score=75.0),
        rel("IN", "act1", "g1"),
        rel("ATTENDED", "p1", "act1", hours=2.0),
    ]
    return records


ALL = {str(r["id"]) for r in dataset() if r["type"] == "node"}

# What each scope's viewer may read (see partygraph/access.py for the rule).
_S1 = {
    *("s1", "c1", "c2", "g1", "g1b", "g2", "d1"),  # its areas, and the district above
    *("o1", "ou1", "al1", "u1"),  # branch, paired unit's organisation, alliance, paired unit
    *("p1", "p4", "p6", "p7"),  # residents, contact leaders
    *("r1", "w1", "w2", "dm1", "dm2", "pr1", "act1", "res1"),
}
_S2 = {"s2", "c3", "g3", "d1", "o3", "ou2", "u2", "p2", "r3", "w3", "dm3", "pr2", "res2"}
VISIBLE: dict[str, set[str]] = {
    "admin": ALL,
    "integration": ALL,
    "district:d1": _S1 | _S2,
    "street:s1": _S1,
    "community:c1": {
        *("c1", "g1", "g1b", "s1", "d1", "o1", "ou1", "al1", "u1", "p1", "p6"),
        *("r1", "w1", "w2", "dm1", "dm2", "pr1", "act1", "res1"),
        "p4",  # a member of c1's grid branch o1
        "p7",  # its contact leader, who lives in c2 (hidden from it)
    },
    "unit:u1": {
        *("u1", "ou1", "p1", "p3", "res1", "pr1", "r1", "dm2"),  # its own, linked directly
        *("c1", "g2"),  # its pairings (c1 also evaluates it)
        *("g1b", "g1", "g4", "c4"),  # where its members live: its reverse report
        *("w1", "w2", "dm1"),  # in the community it is paired with (g1 also lies in it)
    },
}
