// requests.cypher as the role integration sends it (tests/test_golden_cypher.py)

// name: requests_page_in_area
// Requests lying in a grid, community, street or district: in a grid that is the area or
// lies in it through IN, however deep, and that the viewer sees (a unit sees requests it
// answers for wherever they lie; listed under an area they would tell where). Keyset page on
// id; $statuses null means any status; overdue means still pending (OPEN or ESCALATED) and
// past dueAt at $now.
MATCH (a:Entity {id: $id})
WHERE true
MATCH (a)<-[:IN*0..10]-(g:Grid)
WHERE true
MATCH (g)<-[:IN]-(r:Request)
WHERE true AND ($statuses IS NULL OR r.status IN $statuses)
  AND (NOT $overdueOnly OR (r.status IN ['OPEN', 'ESCALATED'] AND r.dueAt < $now))
  AND ($after IS NULL OR r.id > $after)
  AND ($before IS NULL OR r.id < $before)
WITH DISTINCT r
RETURN r.id AS key, 'Request' AS label, CASE WHEN r:Project THEN r {.*, startDate: toString(r.startDate), endDate: toString(r.endDate)} WHEN r:Wish THEN r {.*, createdOn: toString(r.createdOn)} WHEN r:Demand THEN r {.*, createdOn: toString(r.createdOn)} WHEN r:Request THEN r {.*, raisedAt: toString(r.raisedAt), dueAt: toString(r.dueAt), closedAt: toString(r.closedAt), returnedAt: toString(r.returnedAt)} WHEN r:Activity THEN r {.*, date: toString(r.date)} ELSE r {.*, address: CASE WHEN NOT r:Person OR r.address IS NULL THEN r.address ELSE left(r.address, 6) + '****' END, birthDate: CASE WHEN r:Person THEN null ELSE r.birthDate END, idNumber: CASE WHEN NOT r:Person OR r.idNumber IS NULL THEN r.idNumber ELSE left(r.idNumber, 1) + '****' + right(r.idNumber, 1) END, phone: CASE WHEN NOT r:Person OR r.phone IS NULL THEN r.phone ELSE left(r.phone, 3) + '****' + right(r.phone, 4) END, personalDataMasked: r:Person} END AS props
ORDER BY r.id __ORDER__
LIMIT $limit

// name: requests_count_in_area
MATCH (a:Entity {id: $id})
WHERE true
MATCH (a)<-[:IN*0..10]-(g:Grid)
WHERE true
MATCH (g)<-[:IN]-(r:Request)
WHERE true AND ($statuses IS NULL OR r.status IN $statuses)
  AND (NOT $overdueOnly OR (r.status IN ['OPEN', 'ESCALATED'] AND r.dueAt < $now))
RETURN count(DISTINCT r) AS total

// name: requests_page_of_unit
// Requests a unit answers for: it is their first-responsible unit (首问负责) or they were
// whistled to it (吹哨部门报到).
MATCH (u:Unit {id: $id})
WHERE true
MATCH (r:Request)-[:FIRST_RESPONSIBLE|ESCALATED_TO]->(u)
WHERE true AND ($statuses IS NULL OR r.status IN $statuses)
  AND (NOT $overdueOnly OR (r.status IN ['OPEN', 'ESCALATED'] AND r.dueAt < $now))
  AND ($after IS NULL OR r.id > $after)
  AND ($before IS NULL OR r.id < $before)
WITH DISTINCT r
RETURN r.id AS key, 'Request' AS label, CASE WHEN r:Project THEN r {.*, startDate: toString(r.startDate), endDate: toString(r.endDate)} WHEN r:Wish THEN r {.*, createdOn: toString(r.createdOn)} WHEN r:Demand THEN r {.*, createdOn: toString(r.createdOn)} WHEN r:Request THEN r {.*, raisedAt: toString(r.raisedAt), dueAt: toString(r.dueAt), closedAt: toString(r.closedAt), returnedAt: toString(r.returnedAt)} WHEN r:Activity THEN r {.*, date: toString(r.date)} ELSE r {.*, address: CASE WHEN NOT r:Person OR r.address IS NULL THEN r.address ELSE left(r.address, 6) + '****' END, birthDate: CASE WHEN r:Person THEN null ELSE r.birthDate END, idNumber: CASE WHEN NOT r:Person OR r.idNumber IS NULL THEN r.idNumber ELSE left(r.idNumber, 1) + '****' + right(r.idNumber, 1) END, phone: CASE WHEN NOT r:Person OR r.phone IS NULL THEN r.phone ELSE left(r.phone, 3) + '****' + right(r.phone, 4) END, personalDataMasked: r:Person} END AS props
ORDER BY r.id __ORDER__
LIMIT $limit

// name: requests_count_of_unit
MATCH (u:Unit {id: $id})
WHERE true
MATCH (r:Request)-[:FIRST_RESPONSIBLE|ESCALATED_TO]->(u)
WHERE true AND ($statuses IS NULL OR r.status IN $statuses)
  AND (NOT $overdueOnly OR (r.status IN ['OPEN', 'ESCALATED'] AND r.dueAt < $now))
RETURN count(DISTINCT r) AS total

// name: requests_stats
// Figures for the requests raised in [$from, $to) in the area (either bound may be null).
// Aggregated with no grouping key: one row, also when the area holds no request.
MATCH (a:Entity {id: $id})
WHERE true
MATCH (a)<-[:IN*0..10]-(g:Grid)
WHERE true
MATCH (g)<-[:IN]-(r:Request)
WHERE true AND ($from IS NULL OR r.raisedAt >= $from) AND ($to IS NULL OR r.raisedAt < $to)
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
WHERE true
MATCH (child:__LABEL__)-[:IN]->(a)
WHERE true
CALL {
  WITH child
  MATCH (child)<-[:IN*0..10]-(g:Grid)
  WHERE true
  MATCH (g)<-[:IN]-(r:Request)
  WHERE true AND ($from IS NULL OR r.raisedAt >= $from) AND ($to IS NULL OR r.raisedAt < $to)
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
RETURN child.id AS key, '__LABEL__' AS label, CASE WHEN child:Project THEN child {.*, startDate: toString(child.startDate), endDate: toString(child.endDate)} WHEN child:Wish THEN child {.*, createdOn: toString(child.createdOn)} WHEN child:Demand THEN child {.*, createdOn: toString(child.createdOn)} WHEN child:Request THEN child {.*, raisedAt: toString(child.raisedAt), dueAt: toString(child.dueAt), closedAt: toString(child.closedAt), returnedAt: toString(child.returnedAt)} WHEN child:Activity THEN child {.*, date: toString(child.date)} ELSE child {.*, address: CASE WHEN NOT child:Person OR child.address IS NULL THEN child.address ELSE left(child.address, 6) + '****' END, birthDate: CASE WHEN child:Person THEN null ELSE child.birthDate END, idNumber: CASE WHEN NOT child:Person OR child.idNumber IS NULL THEN child.idNumber ELSE left(child.idNumber, 1) + '****' + right(child.idNumber, 1) END, phone: CASE WHEN NOT child:Person OR child.phone IS NULL THEN child.phone ELSE left(child.phone, 3) + '****' + right(child.phone, 4) END, personalDataMasked: child:Person} END AS props,
       total, closed, returned, pending, escalated, overdue, closedLate, closeSeconds,
       satisfaction
ORDER BY key

// name: requests_escalation_chain
// The entity's label (to tell a missing id from a wrong one) and its whistle steps in order.
// A request that was never escalated gives one row with a null step.
MATCH (n:Entity {id: $id})
WHERE true
OPTIONAL MATCH (n)-[e:ESCALATED_TO]->(t:Entity)
WHERE true
RETURN [l IN labels(n) WHERE l <> 'Entity'][0] AS kind,
       e.level AS level, e.at AS at,
       t.id AS key, [l IN labels(t) WHERE l <> 'Entity'][0] AS label, CASE WHEN t:Project THEN t {.*, startDate: toString(t.startDate), endDate: toString(t.endDate)} WHEN t:Wish THEN t {.*, createdOn: toString(t.createdOn)} WHEN t:Demand THEN t {.*, createdOn: toString(t.createdOn)} WHEN t:Request THEN t {.*, raisedAt: toString(t.raisedAt), dueAt: toString(t.dueAt), closedAt: toString(t.closedAt), returnedAt: toString(t.returnedAt)} WHEN t:Activity THEN t {.*, date: toString(t.date)} ELSE t {.*, address: CASE WHEN NOT t:Person OR t.address IS NULL THEN t.address ELSE left(t.address, 6) + '****' END, birthDate: CASE WHEN t:Person THEN null ELSE t.birthDate END, idNumber: CASE WHEN NOT t:Person OR t.idNumber IS NULL THEN t.idNumber ELSE left(t.idNumber, 1) + '****' + right(t.idNumber, 1) END, phone: CASE WHEN NOT t:Person OR t.phone IS NULL THEN t.phone ELSE left(t.phone, 3) + '****' + right(t.phone, 4) END, personalDataMasked: t:Person} END AS props
ORDER BY level, at, key

// name: requests_first_responsible
MATCH (n:Entity {id: $id})
WHERE true
OPTIONAL MATCH (n)-[:FIRST_RESPONSIBLE]->(u:Unit)
WHERE true
RETURN [l IN labels(n) WHERE l <> 'Entity'][0] AS kind,
       u.id AS key, 'Unit' AS label, CASE WHEN u:Project THEN u {.*, startDate: toString(u.startDate), endDate: toString(u.endDate)} WHEN u:Wish THEN u {.*, createdOn: toString(u.createdOn)} WHEN u:Demand THEN u {.*, createdOn: toString(u.createdOn)} WHEN u:Request THEN u {.*, raisedAt: toString(u.raisedAt), dueAt: toString(u.dueAt), closedAt: toString(u.closedAt), returnedAt: toString(u.returnedAt)} WHEN u:Activity THEN u {.*, date: toString(u.date)} ELSE u {.*, address: CASE WHEN NOT u:Person OR u.address IS NULL THEN u.address ELSE left(u.address, 6) + '****' END, birthDate: CASE WHEN u:Person THEN null ELSE u.birthDate END, idNumber: CASE WHEN NOT u:Person OR u.idNumber IS NULL THEN u.idNumber ELSE left(u.idNumber, 1) + '****' + right(u.idNumber, 1) END, phone: CASE WHEN NOT u:Person OR u.phone IS NULL THEN u.phone ELSE left(u.phone, 3) + '****' + right(u.phone, 4) END, personalDataMasked: u:Person} END AS props
ORDER BY key
LIMIT 1

// name: requests_create
// A new request in the grid; the caller has checked the grid and that the id is free.
MATCH (g:Grid {id: $gridId})
CREATE (r:Entity:Request {id: $id})
SET r += $props
CREATE (r)-[:IN]->(g)
RETURN r.id AS key, 'Request' AS label, properties(r) AS props

// name: requests_escalation_targets
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
