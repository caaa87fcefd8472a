// name: requests_page_in_area
// Requests lying in a grid, community, street or district: in a grid that is the area or
// lies in it through IN, however deep, and that the viewer sees (a unit sees requests it
// answers for wherever they lie; listed under an area they would tell where). Keyset page on
// id; $statuses null means any status; overdue means still pending (OPEN or ESCALATED) and
// past dueAt at $now.
MATCH (a:Entity {id: $id})
WHERE __VISIBLE(a)__
MATCH (a)<-[:IN*0..10]-(g:Grid)
WHERE __VISIBLE(g)__
MATCH (g)<-[:IN]-(r:Request)
WHERE __VISIBLE(r)__ AND ($statuses IS NULL OR r.status IN $statuses)
  AND (NOT $overdueOnly OR (r.status IN ['OPEN', 'ESCALATED'] AND r.dueAt < $now))
  AND ($after IS NULL OR r.id > $after)
  AND ($before IS NULL OR r.id < $before)
WITH DISTINCT r
RETURN r.id AS key, 'Request' AS label, __PROPS(r)__ AS props
ORDER BY r.id __ORDER__
LIMIT $limit

// name: requests_count_in_area$
MATCH (a:Entity {id: $id})
WHERE __VISIBLE(a)__
MATCH (a)<-[:IN*0..10]-(g:Grid)
WHERE __VISIBLE(g)__
MATCH (g)<-[:IN]-(r:Request)
WHERE __VISIBLE(r)__ AND ($statuses IS NULL OR r.status IN $statuses)
  AND (NOT $overdueOnly OR (r.status IN ['OPEN', 'ESCALATED'] AND r.dueAt < $now))
RETURN count(DISTINCT r) AS total

// name: requests_page_of_unit
// Requests a unit answers for: it is their first-responsible unit (首问负责) or they were
// whistled to it (吹哨部门报到).
MATCH (u:Unit {id: $id})
WHERE __VISIBLE(u)__
MATCH (r:Request)-[:FIRST_RESPONSIBLE|ESCALATED_TO]->(u)
WHERE __VISIBLE(r)__ AND ($statuses IS NULL OR r.status IN $statuses)
  AND (NOT $overdueOnly OR (r.status IN ['OPEN', 'ESCALATED'] AND r.dueAt < $now))
  AND ($after IS NULL OR r.id > $after)
  AND ($before IS NULL OR r.id < $before)
WITH DISTINCT r
RETURN r.id AS key, 'Request' AS label, __PROPS(r)__ AS props
ORDER BY r.id __ORDER__
LIMIT $limit

// name: requests_count_of_unit$
MATCH (u:Unit {id: $id})
WHERE __VISIBLE(u)__
MATCH (r:Request)-[:FIRST_RESPONSIBLE|ESCALATED_TO]->(u)
WHERE __VISIBLE(r)__ AND ($statuses IS NULL OR r.status IN $statuses)
  AND (NOT $overdueOnly OR (r.status IN ['OPEN', 'ESCALATED'] AND r.dueAt < $now))
RETURN count(DISTINCT r) AS total

// name: requests_stats^
// Figures for the requests raised in [$from, $to) in the area (either bound may be null).
// Aggregated with no grouping key: one row, also when the area holds no request.
MATCH (a:Entity {id: $id})
WHERE __VISIBLE(a)__
MATCH (a)<-[:IN*0..10]-(g:Grid)
WHERE __VISIBLE(g)__
MATCH (g)<-[:IN]-(r:Request)
WHERE __VISIBLE(r)__ AND ($from IS NULL OR r.raisedAt >= $from) AND ($to IS NULL OR r.raisedAt < $to)
WITH DISTINCT r
RETURN count(r) AS total,
       count(CASE WHEN r.status = 'CLOSED' THEN 1 END) AS closed,
       count(CASE WHEN r.status = 'RETURNED' THEN 1 END) AS returned,
       count(CASE WHEN r.status IN ['OPEN', 'ESCALATED'] THEN 1 END) AS pending,
       count(CASE WHEN r.status = 'ESCALATED' THEN 1 END) AS escalated,
       count(CASE WHEN r.status IN ['OPEN', 'ESCALATED'] AND r.dueAt < $now THEN 1 END)
         AS overdue,
       count(CASE WHEN r.status = 'CLOSED' AND r.closedAt > r.dueAt THEN 1 END) AS closedLate,
       avg(CASE WHEN r.status = 'CLOSED'
                THEN duration.inSeconds(r.raisedAt, r.closedAt).seconds END) AS closeSeconds,
       avg(CASE WHEN r.status = 'CLOSED' THEN r.satisfaction END) AS satisfaction

// name: requests_stats_by_child
// The same figures for each area lying directly in the given one (a district's streets, a
// street's communities, a community's community grids, a grid's sub-grids), every child
// listed even when it holds no request (the subquery aggregates to one row per child).
MATCH (a:Entity {id: $id})
WHERE __VISIBLE(a)__
MATCH (child:__LABEL__)-[:IN]->(a)
WHERE __VISIBLE(child)__
CALL {
  WITH child
  MATCH (child)<-[:IN*0..10]-(g:Grid)
  WHERE __VISIBLE(g)__
  MATCH (g)<-[:IN]-(r:Request)
  WHERE __VISIBLE(r)__ AND ($from IS NULL OR r.raisedAt >= $from) AND ($to IS NULL OR r.raisedAt < $to)
  WITH DISTINCT r
  RETURN count(r) AS total,
         count(CASE WHEN r.status = 'CLOSED' THEN 1 END) AS closed,
         count(CASE WHEN r.status = 'RETURNED' THEN 1 END) AS returned,
         count(CASE WHEN r.status IN ['OPEN', 'ESCALATED'] THEN 1 END) AS pending,
         count(CASE WHEN r.status = 'ESCALATED' THEN 1 END) AS escalated,
         count(CASE WHEN r.status IN ['OPEN', 'ESCALATED'] AND r.dueAt < $now THEN 1 END)
           AS overdue,
         count(CASE WHEN r.status = 'CLOSED' AND r.closedAt > r.dueAt THEN 1 END) AS closedLate,
         avg(CASE WHEN r.status = 'CLOSED'
                  THEN duration.inSeconds(r.raisedAt, r.closedAt).seconds END) AS closeSeconds,
         avg(CASE WHEN r.status = 'CLOSED' THEN r.satisfaction END) AS satisfaction
}
RETURN child.id AS key, '__LABEL__' AS label, __PROPS(child)__ AS props,
       total, closed, returned, pending, escalated, overdue, closedLate, closeSeconds,
       satisfaction
ORDER BY key

// name: requests_escalation_chain
// The entity's label (to tell a missing id from a wrong one) and its whistle steps in order.
// A request that was never escalated gives one row with a null step.
MATCH (n:Entity {id: $id})
WHERE __VISIBLE(n)__
OPTIONAL MATCH (n)-[e:ESCALATED_TO]->(t:Entity)
WHERE __VISIBLE(t)__
RETURN [l IN labels(n) WHERE l <> 'Entity'][0] AS kind,
       e.level AS level, e.at AS at,
       t.id AS key, [l IN labels(t) WHERE l <> 'Entity'][0] AS label, __PROPS(t)__ AS props
ORDER BY level, at, key

// name: requests_first_responsible
MATCH (n:Entity {id: $id})
WHERE __VISIBLE(n)__
OPTIONAL MATCH (n)-[:FIRST_RESPONSIBLE]->(u:Unit)
WHERE __VISIBLE(u)__
RETURN [l IN labels(n) WHERE l <> 'Entity'][0] AS kind,
       u.id AS key, 'Unit' AS label, __PROPS(u)__ AS props
ORDER BY key
LIMIT 1

// name: requests_create
// A new request in the grid; the caller has checked the grid and that the id is free.
MATCH (g:Grid {id: $gridId})
CREATE (r:Entity:Request {id: $id})
SET r += $props
CREATE (r)-[:IN]->(g)
RETURN r.id AS key, 'Request' AS label, properties(r) AS props

// name: requests_escalation_targets^
// The street and the district that hold the request's grid: the whistle's level 1 and 2.
MATCH (:Request {id: $id})-[:IN]->(g:Grid)
OPTIONAL MATCH (g)-[:IN*1..10]->(s:Street)
OPTIONAL MATCH (s)-[:IN]->(d:District)
RETURN s.id AS street, d.id AS district
ORDER BY street, district
LIMIT 1

// name: requests_escalate
// Guarded by the state the caller checked, so a change made meanwhile makes it write nothing.
// The request is write-locked (the _lock set and removed) before the guard reads it, so of two
// concurrent whistles from one level only one writes: on Neo4j the other waits for the lock,
// then finds the level moved on; on ArcadeDB the other's commit conflicts and it runs again.
MATCH (r:Request {id: $id})
SET r._lock = true
REMOVE r._lock
WITH r
WHERE r.status IN ['OPEN', 'ESCALATED'] AND coalesce(r.level, 0) = $fromLevel
MATCH (t:Entity {id: $targetId})
CREATE (r)-[:ESCALATED_TO {level: $level, at: $at}]->(t)
SET r.status = 'ESCALATED', r.level = $level
RETURN r.id AS key, 'Request' AS label, properties(r) AS props

// name: requests_drop_first_responsible
MATCH (:Request {id: $id})-[old:FIRST_RESPONSIBLE]->(:Unit)
DELETE old
RETURN count(*) AS dropped

// name: requests_set_first_responsible
MATCH (r:Request {id: $id})
WHERE r.status IN ['OPEN', 'ESCALATED']
MATCH (u:Unit {id: $unitId})
CREATE (r)-[:FIRST_RESPONSIBLE]->(u)
RETURN r.id AS key, 'Request' AS label, properties(r) AS props

// name: requests_close
// Locked before the guard like requests_escalate: of a close and a return (or two closes) sent
// at once only one ends the request.
MATCH (r:Request {id: $id})
SET r._lock = true
REMOVE r._lock
WITH r
WHERE r.status IN ['OPEN', 'ESCALATED']
SET r.status = 'CLOSED', r.closedAt = $at, r.satisfaction = $satisfaction
RETURN r.id AS key, 'Request' AS label, properties(r) AS props

// name: requests_return
MATCH (r:Request {id: $id})
SET r._lock = true
REMOVE r._lock
WITH r
WHERE r.status IN ['OPEN', 'ESCALATED']
SET r.status = 'RETURNED', r.returnedAt = $at, r.returnReason = $reason
RETURN r.id AS key, 'Request' AS label, properties(r) AS props
