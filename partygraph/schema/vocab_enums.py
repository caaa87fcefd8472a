"""The vocabulary's labels and relationship types as GraphQL enums (kept equal to
partygraph.vocabulary by a test)."""

from __future__ import annotations

import enum

import strawberry


@strawberry.enum(description="实体类型（标签）")
class Label(enum.Enum):
    District = "District"
    Street = "Street"
    Community = "Community"
    Grid = "Grid"
    PartyOrganization = "PartyOrganization"
    Alliance = "Alliance"
    Unit = "Unit"
    Person = "Person"
    Project = "Project"
    VolunteerTeam = "VolunteerTeam"
    Wish = "Wish"
    Demand = "Demand"
    Resource = "Resource"
    Request = "Request"
    Evaluation = "Evaluation"
    Activity = "Activity"


@strawberry.enum(description="关系类型")
class RelationshipType(enum.Enum):
    IN = "IN"
    UNDER = "UNDER"
    LEADS = "LEADS"
    OF = "OF"
    MEMBER_OF = "MEMBER_OF"
    WORKS_AT = "WORKS_AT"
    RESIDES_IN = "RESIDES_IN"
    REPORTED_TO = "REPORTED_TO"
    CONTACTS = "CONTACTS"
    SERVES = "SERVES"
    SITS_ON = "SITS_ON"
    VOLUNTEERS_IN = "VOLUNTEERS_IN"
    PAIRED_WITH = "PAIRED_WITH"
    BY = "BY"
    FOR = "FOR"
    CLAIMED = "CLAIMED"
    OFFERED_BY = "OFFERED_BY"
    TOOK = "TOOK"
    ESCALATED_TO = "ESCALATED_TO"
    FIRST_RESPONSIBLE = "FIRST_RESPONSIBLE"
    EVALUATED = "EVALUATED"
    ATTENDED = "ATTENDED"
