// Dual reporting (双报到), the reverse report (反向通报) and coverage gaps (docs/domain.md questions
// 2 and 3). An area is a District, Street or Community, checked by the resolver before any of
// these run; `(a)<-[:IN*0..2]-(c:Community)` is every community of the area (itself when the
// area is a community). A member (党员) is a person with MEMBER_OF some PartyOrganization,
// and a member's residence community is the community they RESIDES_IN, or the community of the
// grid they reside in (however deep the grid is nested). Over an area above the viewer's scope
// the walk passes only through communities and grids the viewer sees: a person it sees for
// another reason (a contact leader) must not be placed in a community hidden from it.

// name: coverage_unreported_page
// Members of the area not reported to the community they reside in, keyset page on id.
MATCH (a:Entity {id: $id})
WHERE __VISIBLE(a)__
MATCH (a)<-[:IN*0..2]-(c:Community)
WITH DISTINCT c
WHERE __VISIBLE(c)__
MATCH (c)<-[:IN*0..8]-(place)
WHERE (place = c OR place:Grid) AND __VISIBLE(place)__
MATCH (place)<-[:RESIDES_IN]-(p:Person)
WHERE __VISIBLE(p)__ AND EXISTS { (p)-[:MEMBER_OF]->(:PartyOrganization) }
  AND NOT EXISTS { (p)-[:REPORTED_TO]->(c) }
  AND ($after IS NULL OR p.id > $after)
  AND ($before IS NULL OR p.id < $before)
WITH DISTINCT p
RETURN p.id AS key, 'Person' AS label, __PROPS(p)__ AS props
ORDER BY p.id __ORDER__
LIMIT $limit

// name: coverage_unreported_count$
MATCH (a:Entity {id: $id})
WHERE __VISIBLE(a)__
MATCH (a)<-[:IN*0..2]-(c:Community)
WITH DISTINCT c
WHERE __VISIBLE(c)__
MATCH (c)<-[:IN*0..8]-(place)
WHERE (place = c OR place:Grid) AND __VISIBLE(place)__
MATCH (place)<-[:RESIDES_IN]-(p:Person)
WHERE __VISIBLE(p)__ AND EXISTS { (p)-[:MEMBER_OF]->(:PartyOrganization) }
  AND NOT EXISTS { (p)-[:REPORTED_TO]->(c) }
RETURN count(DISTINCT p) AS total

// name: coverage_reporting_summary
// Per community of the area: members residing there, and how many of them reported to it.
MATCH (a:Entity {id: $id})
WHERE __VISIBLE(a)__
MATCH (a)<-[:IN*0..2]-(c:Community)
WITH DISTINCT c
WHERE __VISIBLE(c)__
OPTIONAL MATCH (c)<-[:IN*0..8]-(place)<-[:RESIDES_IN]-(p:Person)
WHERE (place = c OR place:Grid) AND __VISIBLE(place)__ AND __VISIBLE(p)__
  AND EXISTS { (p)-[:MEMBER_OF]->(:PartyOrganization) }
WITH c, collect(DISTINCT p) AS members
RETURN c.id AS key, 'Community' AS label, __PROPS(c)__ AS props,
       size(members) AS residing,
       size([m IN members WHERE EXISTS { (m)-[:REPORTED_TO]->(c) }]) AS reported
ORDER BY c.id

// name: coverage_reverse_report
// Each member working at the unit: residence community (lowest id if several), the report to
// it made by $end (one without a date counts: it was made, when is not known), service hours
// and wishes in [$start, $end]. Hours are the ATTENDED hours, else the
// activity's own hours; a non-finite number stored before they were refused counts as none
// (abs() of NaN or Infinity is never within the largest double). Deliberately summed over
// every activity, seen or not: telling a unit its members' service hours is what the reverse
// report (反向通报) is for; the activities themselves stay hidden.
MATCH (u:Unit {id: $id})
WHERE __VISIBLE(u)__
MATCH (p:Person)-[:WORKS_AT]->(u)
WHERE __VISIBLE(p)__ AND EXISTS { (p)-[:MEMBER_OF]->(:PartyOrganization) }
WITH DISTINCT p
OPTIONAL MATCH (p)-[:RESIDES_IN]->(place)-[:IN*0..8]->(home:Community)
WHERE __VISIBLE(home)__
WITH p, home
ORDER BY home.id
WITH p, collect(DISTINCT home) AS homes
WITH p, homes[0] AS home
// A comprehension, not OPTIONAL MATCH: the development engine matches a null `home` as unbound.
WITH p, home, [(p)-[rep:REPORTED_TO]->(c:Community)
               WHERE c.id = home.id AND (rep.on IS NULL OR rep.on <= $end) | rep.on] AS reports
RETURN p.id AS key, 'Person' AS label, __PROPS(p)__ AS props,
       CASE WHEN home IS NULL THEN null ELSE __PROPS(home)__ END AS home,
       size(reports) > 0 AS reported,
       head(reports) AS reportedOn,
       reduce(total = 0.0, hours IN [(p)-[at:ATTENDED]->(act:Activity)
                                     WHERE act.date >= $start AND act.date <= $end
                                     | coalesce(head([h IN [at.hours, act.hours]
                                                      WHERE abs(h) <= 1.7976931348623157e308]),
                                                 0.0)] | total + hours)
         AS serviceHours,
       [(p)-[cl:CLAIMED]->(w:Wish) WHERE cl.on >= $start AND cl.on <= $end AND __VISIBLE(w)__
        | __PROPS(w)__] AS claimed,
       [(p)-[cl:CLAIMED]->(w:Wish) WHERE cl.fulfilledOn >= $start AND cl.fulfilledOn <= $end
          AND __VISIBLE(w)__ | __PROPS(w)__] AS fulfilled
ORDER BY p.id

// name: coverage_communities_without_contact
// Communities of the area that no person contacts (包联) directly.
MATCH (a:Entity {id: $id})
WHERE __VISIBLE(a)__
MATCH (a)<-[:IN*0..2]-(c:Community)
WITH DISTINCT c
WHERE __VISIBLE(c)__ AND NOT EXISTS { (:Person)-[:CONTACTS]->(c) }
RETURN c.id AS key, 'Community' AS label, __PROPS(c)__ AS props
ORDER BY c.id

// name: coverage_communities_without_paired_unit
// Communities of the area that no unit is paired with (结对共建) directly.
MATCH (a:Entity {id: $id})
WHERE __VISIBLE(a)__
MATCH (a)<-[:IN*0..2]-(c:Community)
WITH DISTINCT c
WHERE __VISIBLE(c)__ AND NOT EXISTS { (:Unit)-[:PAIRED_WITH]->(c) }
RETURN c.id AS key, 'Community' AS label, __PROPS(c)__ AS props
ORDER BY c.id

// name: coverage_grids_without_branch
// Grids of the given levels that no party organisation leads.
MATCH (a:Entity {id: $id})
WHERE __VISIBLE(a)__
MATCH (a)<-[:IN*0..2]-(c:Community)
MATCH (c)<-[:IN*1..8]-(g:Grid)
WHERE g.level IN $levels
WITH DISTINCT g
WHERE __VISIBLE(g)__ AND NOT EXISTS { (:PartyOrganization)-[:LEADS]->(g) }
RETURN g.id AS key, 'Grid' AS label, __PROPS(g)__ AS props
ORDER BY g.id

// name: coverage_grids_understaffed
// Community grids below the standard. Cadres: cadre=true residents of the grid or a grid
// within it, and persons serving it or a grid within it as CADRE; volunteers: persons serving
// it or a grid within it as VOLUNTEER. Each person counts once. Every walk starts from the
// bound grid: started from the persons, the development engine scans them all per grid.
MATCH (a:Entity {id: $id})<-[:IN*0..2]-(c:Community)
WHERE __VISIBLE(a)__
MATCH (c)<-[:IN*1..8]-(g:Grid)
WHERE g.level = 'COMMUNITY' AND __VISIBLE(g)__
WITH DISTINCT g
CALL {
  WITH g
  OPTIONAL MATCH (g)<-[:IN*0..8]-(:Grid)<-[r:RESIDES_IN|SERVES]-(cp:Person)
  WHERE (type(r) = 'RESIDES_IN' AND cp.cadre = true)
     OR (type(r) = 'SERVES' AND r.role = 'CADRE')
  RETURN count(DISTINCT cp) AS cadres
}
CALL {
  WITH g
  OPTIONAL MATCH (g)<-[:IN*0..8]-(:Grid)<-[s:SERVES]-(vp:Person)
  WHERE s.role = 'VOLUNTEER'
  RETURN count(DISTINCT vp) AS volunteers
}
WITH g, cadres, volunteers
WHERE cadres < $minCadres OR volunteers < $minVolunteers
RETURN g.id AS key, 'Grid' AS label, __PROPS(g)__ AS props, cadres, volunteers
ORDER BY g.id

// name: coverage_building_grids_missing_roles
// Building micro-grids without someone serving in each of the roles $roles (两长四员).
MATCH (a:Entity {id: $id})
WHERE __VISIBLE(a)__
MATCH (a)<-[:IN*0..2]-(c:Community)
MATCH (c)<-[:IN*1..8]-(g:Grid)
WHERE g.level = 'BUILDING' AND __VISIBLE(g)__
WITH DISTINCT g
WITH g, [(g)<-[s:SERVES]-(:Person) | s.role] AS present
WITH g, [role IN $roles WHERE NOT role IN present] AS missing
WHERE size(missing) > 0
RETURN g.id AS key, 'Grid' AS label, __PROPS(g)__ AS props, missing
ORDER BY g.id

// name: coverage_contact_leaders
// Persons contacting (包联) a community or grid of the area, with what they cover there.
MATCH (a:Entity {id: $id})
WHERE __VISIBLE(a)__
MATCH (a)<-[:IN*0..2]-(c:Community)
MATCH (c)<-[:IN*0..8]-(place)
WHERE place = c OR place:Grid
MATCH (p:Person)-[:CONTACTS]->(place)
WHERE __VISIBLE(p)__ AND __VISIBLE(place)__
WITH p, collect(DISTINCT place) AS places
RETURN p.id AS key, 'Person' AS label, __PROPS(p)__ AS props,
       [x IN places WHERE x:Community | __PROPS(x)__] AS communities,
       [x IN places WHERE x:Grid | __PROPS(x)__] AS grids
ORDER BY p.id

// name: coverage_report_state
// What recordReport checks: membership, residence communities (those the viewer sees: an
// error message lists them), an existing report.
MATCH (p:Person {id: $person})
MATCH (c:Community {id: $community})
OPTIONAL MATCH (p)-[:RESIDES_IN]->(place)-[:IN*0..8]->(home:Community)
WITH p, c, collect(DISTINCT CASE WHEN __VISIBLE(home)__ THEN home {.id, .name} END) AS homes
RETURN EXISTS { (p)-[:MEMBER_OF]->(:PartyOrganization) } AS member,
       homes,
       EXISTS { (p)-[:REPORTED_TO]->(c) } AS reported

// name: coverage_record_report^
// Writes the report unless the member has one there already (then no row). The person is
// write-locked (the _lock set and removed) before the check, so of two concurrent reports only
// one writes: on Neo4j the other waits for the lock, then finds the report; on ArcadeDB the
// other's commit conflicts and its transaction runs again, and finds it.
MATCH (p:Person {id: $person})
MATCH (c:Community {id: $community})
SET p._lock = true
REMOVE p._lock
WITH p, c
WHERE NOT EXISTS { (p)-[:REPORTED_TO]->(c) }
CREATE (p)-[:REPORTED_TO {on: $on}]->(c)
RETURN p.id AS key, 'Person' AS label, __PROPS(p)__ AS props
