// cobuilding.cypher as the role unit sends it (tests/test_golden_cypher.py)

// name: cobuilding_projects_page
// Projects of every unit and community, filtered; keyset page on id.
MATCH (p:Project)
WHERE ((p.id = $scope AND p:Unit)
     OR EXISTS { MATCH (p)-[:WORKS_AT|FIRST_RESPONSIBLE|ESCALATED_TO]->(:Entity:Unit {id: $scope}) }
     OR EXISTS { MATCH (p)<-[:TOOK]-(:Entity:Unit {id: $scope}) }
     OR EXISTS { MATCH (p)--(:Entity:Unit {id: $scope}) }
     OR EXISTS { MATCH (p)-[:MEMBER_OF|SITS_ON]->(:PartyOrganization)-[:OF]->(:Entity:Unit {id: $scope}) }
     OR ((p:Community OR p:Grid) AND EXISTS { MATCH (p)<-[:IN*0..8]-()<-[:REPORTED_TO|RESIDES_IN]-(:Person)-[:WORKS_AT]->(pg_u) WHERE pg_u.id = $scope AND 'Unit' IN labels(pg_u) })
     OR EXISTS { MATCH (p)-[:IN]->()<-[:PAIRED_WITH]-(:Entity:Unit {id: $scope}) }) AND ($category IS NULL OR p.category = $category)
  AND ($status IS NULL OR p.status = $status)
  AND ($after IS NULL OR p.id > $after)
  AND ($before IS NULL OR p.id < $before)
RETURN p.id AS key, 'Project' AS label, CASE WHEN p:Project THEN p {.*, startDate: toString(p.startDate), endDate: toString(p.endDate)} WHEN p:Wish THEN p {.*, createdOn: toString(p.createdOn)} WHEN p:Demand THEN p {.*, createdOn: toString(p.createdOn)} WHEN p:Request THEN p {.*, raisedAt: toString(p.raisedAt), dueAt: toString(p.dueAt), closedAt: toString(p.closedAt), returnedAt: toString(p.returnedAt)} WHEN p:Activity THEN p {.*, date: toString(p.date)} ELSE p {.*, address: CASE WHEN NOT p:Person OR p.address IS NULL THEN p.address ELSE left(p.address, 6) + '****' END, birthDate: CASE WHEN p:Person THEN null ELSE p.birthDate END, idNumber: CASE WHEN NOT p:Person OR p.idNumber IS NULL THEN p.idNumber ELSE left(p.idNumber, 1) + '****' + right(p.idNumber, 1) END, phone: CASE WHEN NOT p:Person OR p.phone IS NULL THEN p.phone ELSE left(p.phone, 3) + '****' + right(p.phone, 4) END, personalDataMasked: p:Person} END AS props
ORDER BY p.id __ORDER__
LIMIT $limit

// name: cobuilding_projects_count
MATCH (p:Project)
WHERE ((p.id = $scope AND p:Unit)
     OR EXISTS { MATCH (p)-[:WORKS_AT|FIRST_RESPONSIBLE|ESCALATED_TO]->(:Entity:Unit {id: $scope}) }
     OR EXISTS { MATCH (p)<-[:TOOK]-(:Entity:Unit {id: $scope}) }
     OR EXISTS { MATCH (p)--(:Entity:Unit {id: $scope}) }
     OR EXISTS { MATCH (p)-[:MEMBER_OF|SITS_ON]->(:PartyOrganization)-[:OF]->(:Entity:Unit {id: $scope}) }
     OR ((p:Community OR p:Grid) AND EXISTS { MATCH (p)<-[:IN*0..8]-()<-[:REPORTED_TO|RESIDES_IN]-(:Person)-[:WORKS_AT]->(pg_u) WHERE pg_u.id = $scope AND 'Unit' IN labels(pg_u) })
     OR EXISTS { MATCH (p)-[:IN]->()<-[:PAIRED_WITH]-(:Entity:Unit {id: $scope}) }) AND ($category IS NULL OR p.category = $category)
  AND ($status IS NULL OR p.status = $status)
RETURN count(p) AS total

// name: cobuilding_projects_by_unit_page
// Projects a unit carries out (for one community too when given): start from the unit.
MATCH (:Unit {id: $unitId})<-[:BY]-(p:Project)
WHERE ((p.id = $scope AND p:Unit)
     OR EXISTS { MATCH (p)-[:WORKS_AT|FIRST_RESPONSIBLE|ESCALATED_TO]->(:Entity:Unit {id: $scope}) }
     OR EXISTS { MATCH (p)<-[:TOOK]-(:Entity:Unit {id: $scope}) }
     OR EXISTS { MATCH (p)--(:Entity:Unit {id: $scope}) }
     OR EXISTS { MATCH (p)-[:MEMBER_OF|SITS_ON]->(:PartyOrganization)-[:OF]->(:Entity:Unit {id: $scope}) }
     OR ((p:Community OR p:Grid) AND EXISTS { MATCH (p)<-[:IN*0..8]-()<-[:REPORTED_TO|RESIDES_IN]-(:Person)-[:WORKS_AT]->(pg_u) WHERE pg_u.id = $scope AND 'Unit' IN labels(pg_u) })
     OR EXISTS { MATCH (p)-[:IN]->()<-[:PAIRED_WITH]-(:Entity:Unit {id: $scope}) }) AND ($communityId IS NULL OR EXISTS { (p)-[:FOR]->(:Community {id: $communityId}) })
  AND ($category IS NULL OR p.category = $category)
  AND ($status IS NULL OR p.status = $status)
  AND ($after IS NULL OR p.id > $after)
  AND ($before IS NULL OR p.id < $before)
WITH DISTINCT p
RETURN p.id AS key, 'Project' AS label, CASE WHEN p:Project THEN p {.*, startDate: toString(p.startDate), endDate: toString(p.endDate)} WHEN p:Wish THEN p {.*, createdOn: toString(p.createdOn)} WHEN p:Demand THEN p {.*, createdOn: toString(p.createdOn)} WHEN p:Request THEN p {.*, raisedAt: toString(p.raisedAt), dueAt: toString(p.dueAt), closedAt: toString(p.closedAt), returnedAt: toString(p.returnedAt)} WHEN p:Activity THEN p {.*, date: toString(p.date)} ELSE p {.*, address: CASE WHEN NOT p:Person OR p.address IS NULL THEN p.address ELSE left(p.address, 6) + '****' END, birthDate: CASE WHEN p:Person THEN null ELSE p.birthDate END, idNumber: CASE WHEN NOT p:Person OR p.idNumber IS NULL THEN p.idNumber ELSE left(p.idNumber, 1) + '****' + right(p.idNumber, 1) END, phone: CASE WHEN NOT p:Person OR p.phone IS NULL THEN p.phone ELSE left(p.phone, 3) + '****' + right(p.phone, 4) END, personalDataMasked: p:Person} END AS props
ORDER BY p.id __ORDER__
LIMIT $limit

// name: cobuilding_projects_by_unit_count
MATCH (:Unit {id: $unitId})<-[:BY]-(p:Project)
WHERE ((p.id = $scope AND p:Unit)
     OR EXISTS { MATCH (p)-[:WORKS_AT|FIRST_RESPONSIBLE|ESCALATED_TO]->(:Entity:Unit {id: $scope}) }
     OR EXISTS { MATCH (p)<-[:TOOK]-(:Entity:Unit {id: $scope}) }
     OR EXISTS { MATCH (p)--(:Entity:Unit {id: $scope}) }
     OR EXISTS { MATCH (p)-[:MEMBER_OF|SITS_ON]->(:PartyOrganization)-[:OF]->(:Entity:Unit {id: $scope}) }
     OR ((p:Community OR p:Grid) AND EXISTS { MATCH (p)<-[:IN*0..8]-()<-[:REPORTED_TO|RESIDES_IN]-(:Person)-[:WORKS_AT]->(pg_u) WHERE pg_u.id = $scope AND 'Unit' IN labels(pg_u) })
     OR EXISTS { MATCH (p)-[:IN]->()<-[:PAIRED_WITH]-(:Entity:Unit {id: $scope}) }) AND ($communityId IS NULL OR EXISTS { (p)-[:FOR]->(:Community {id: $communityId}) })
  AND ($category IS NULL OR p.category = $category)
  AND ($status IS NULL OR p.status = $status)
RETURN count(DISTINCT p) AS total

// name: cobuilding_projects_by_community_page
// Projects serving a community: start from the community.
MATCH (:Community {id: $communityId})<-[:FOR]-(p:Project)
WHERE ((p.id = $scope AND p:Unit)
     OR EXISTS { MATCH (p)-[:WORKS_AT|FIRST_RESPONSIBLE|ESCALATED_TO]->(:Entity:Unit {id: $scope}) }
     OR EXISTS { MATCH (p)<-[:TOOK]-(:Entity:Unit {id: $scope}) }
     OR EXISTS { MATCH (p)--(:Entity:Unit {id: $scope}) }
     OR EXISTS { MATCH (p)-[:MEMBER_OF|SITS_ON]->(:PartyOrganization)-[:OF]->(:Entity:Unit {id: $scope}) }
     OR ((p:Community OR p:Grid) AND EXISTS { MATCH (p)<-[:IN*0..8]-()<-[:REPORTED_TO|RESIDES_IN]-(:Person)-[:WORKS_AT]->(pg_u) WHERE pg_u.id = $scope AND 'Unit' IN labels(pg_u) })
     OR EXISTS { MATCH (p)-[:IN]->()<-[:PAIRED_WITH]-(:Entity:Unit {id: $scope}) }) AND ($category IS NULL OR p.category = $category)
  AND ($status IS NULL OR p.status = $status)
  AND ($after IS NULL OR p.id > $after)
  AND ($before IS NULL OR p.id < $before)
WITH DISTINCT p
RETURN p.id AS key, 'Project' AS label, CASE WHEN p:Project THEN p {.*, startDate: toString(p.startDate), endDate: toString(p.endDate)} WHEN p:Wish THEN p {.*, createdOn: toString(p.createdOn)} WHEN p:Demand THEN p {.*, createdOn: toString(p.createdOn)} WHEN p:Request THEN p {.*, raisedAt: toString(p.raisedAt), dueAt: toString(p.dueAt), closedAt: toString(p.closedAt), returnedAt: toString(p.returnedAt)} WHEN p:Activity THEN p {.*, date: toString(p.date)} ELSE p {.*, address: CASE WHEN NOT p:Person OR p.address IS NULL THEN p.address ELSE left(p.address, 6) + '****' END, birthDate: CASE WHEN p:Person THEN null ELSE p.birthDate END, idNumber: CASE WHEN NOT p:Person OR p.idNumber IS NULL THEN p.idNumber ELSE left(p.idNumber, 1) + '****' + right(p.idNumber, 1) END, phone: CASE WHEN NOT p:Person OR p.phone IS NULL THEN p.phone ELSE left(p.phone, 3) + '****' + right(p.phone, 4) END, personalDataMasked: p:Person} END AS props
ORDER BY p.id __ORDER__
LIMIT $limit

// name: cobuilding_projects_by_community_count
MATCH (:Community {id: $communityId})<-[:FOR]-(p:Project)
WHERE ((p.id = $scope AND p:Unit)
     OR EXISTS { MATCH (p)-[:WORKS_AT|FIRST_RESPONSIBLE|ESCALATED_TO]->(:Entity:Unit {id: $scope}) }
     OR EXISTS { MATCH (p)<-[:TOOK]-(:Entity:Unit {id: $scope}) }
     OR EXISTS { MATCH (p)--(:Entity:Unit {id: $scope}) }
     OR EXISTS { MATCH (p)-[:MEMBER_OF|SITS_ON]->(:PartyOrganization)-[:OF]->(:Entity:Unit {id: $scope}) }
     OR ((p:Community OR p:Grid) AND EXISTS { MATCH (p)<-[:IN*0..8]-()<-[:REPORTED_TO|RESIDES_IN]-(:Person)-[:WORKS_AT]->(pg_u) WHERE pg_u.id = $scope AND 'Unit' IN labels(pg_u) })
     OR EXISTS { MATCH (p)-[:IN]->()<-[:PAIRED_WITH]-(:Entity:Unit {id: $scope}) }) AND ($category IS NULL OR p.category = $category)
  AND ($status IS NULL OR p.status = $status)
RETURN count(DISTINCT p) AS total

// name: cobuilding_evaluations_of
// Scores one evaluated node ($targetId, a $targetLabel) received in a period, per target.
// Finite scores only: a NaN or Infinity stored before they were refused is no score (abs()
// of either is never within the largest double); the same in the two statements below.
// The evaluator's properties are worked out before they go into a map: ArcadeDB answers a map
// literal holding a CASE with a map projection as that projection (the same below).
MATCH (t:Entity {id: $targetId})<-[e:EVALUATED]-(s:Entity)
WHERE $targetLabel IN labels(t) AND $sourceLabel IN labels(s)
  AND e.period = $period AND abs(e.score) <= 1.7976931348623157e308
  AND ((s.id = $scope AND s:Unit)
     OR EXISTS { MATCH (s)-[:WORKS_AT|FIRST_RESPONSIBLE|ESCALATED_TO]->(:Entity:Unit {id: $scope}) }
     OR EXISTS { MATCH (s)<-[:TOOK]-(:Entity:Unit {id: $scope}) }
     OR EXISTS { MATCH (s)--(:Entity:Unit {id: $scope}) }
     OR EXISTS { MATCH (s)-[:MEMBER_OF|SITS_ON]->(:PartyOrganization)-[:OF]->(:Entity:Unit {id: $scope}) }
     OR ((s:Community OR s:Grid) AND EXISTS { MATCH (s)<-[:IN*0..8]-()<-[:REPORTED_TO|RESIDES_IN]-(:Person)-[:WORKS_AT]->(pg_u) WHERE pg_u.id = $scope AND 'Unit' IN labels(pg_u) })
     OR EXISTS { MATCH (s)-[:IN]->()<-[:PAIRED_WITH]-(:Entity:Unit {id: $scope}) }) AND ((t.id = $scope AND t:Unit)
     OR EXISTS { MATCH (t)-[:WORKS_AT|FIRST_RESPONSIBLE|ESCALATED_TO]->(:Entity:Unit {id: $scope}) }
     OR EXISTS { MATCH (t)<-[:TOOK]-(:Entity:Unit {id: $scope}) }
     OR EXISTS { MATCH (t)--(:Entity:Unit {id: $scope}) }
     OR EXISTS { MATCH (t)-[:MEMBER_OF|SITS_ON]->(:PartyOrganization)-[:OF]->(:Entity:Unit {id: $scope}) }
     OR ((t:Community OR t:Grid) AND EXISTS { MATCH (t)<-[:IN*0..8]-()<-[:REPORTED_TO|RESIDES_IN]-(:Person)-[:WORKS_AT]->(pg_u) WHERE pg_u.id = $scope AND 'Unit' IN labels(pg_u) })
     OR EXISTS { MATCH (t)-[:IN]->()<-[:PAIRED_WITH]-(:Entity:Unit {id: $scope}) })
  AND ($sourceId IS NULL OR s.id = $sourceId)
WITH t, s, e, CASE WHEN s:Project THEN s {.*, startDate: toString(s.startDate), endDate: toString(s.endDate)} WHEN s:Wish THEN s {.*, createdOn: toString(s.createdOn)} WHEN s:Demand THEN s {.*, createdOn: toString(s.createdOn)} WHEN s:Request THEN s {.*, raisedAt: toString(s.raisedAt), dueAt: toString(s.dueAt), closedAt: toString(s.closedAt), returnedAt: toString(s.returnedAt)} WHEN s:Activity THEN s {.*, date: toString(s.date)} ELSE s {.*, address: CASE WHEN NOT s:Person OR s.address IS NULL THEN s.address ELSE left(s.address, 6) + '****' END, birthDate: CASE WHEN s:Person THEN null ELSE s.birthDate END, idNumber: CASE WHEN NOT s:Person OR s.idNumber IS NULL THEN s.idNumber ELSE left(s.idNumber, 1) + '****' + right(s.idNumber, 1) END, phone: CASE WHEN NOT s:Person OR s.phone IS NULL THEN s.phone ELSE left(s.phone, 3) + '****' + right(s.phone, 4) END, personalDataMasked: s:Person} END AS given
WITH t, collect({key: s.id, props: given, score: e.score}) AS scores,
     avg(e.score) AS average, count(e) AS total, min(e.score) AS low, max(e.score) AS high
RETURN t.id AS key, $targetLabel AS label, CASE WHEN t:Project THEN t {.*, startDate: toString(t.startDate), endDate: toString(t.endDate)} WHEN t:Wish THEN t {.*, createdOn: toString(t.createdOn)} WHEN t:Demand THEN t {.*, createdOn: toString(t.createdOn)} WHEN t:Request THEN t {.*, raisedAt: toString(t.raisedAt), dueAt: toString(t.dueAt), closedAt: toString(t.closedAt), returnedAt: toString(t.returnedAt)} WHEN t:Activity THEN t {.*, date: toString(t.date)} ELSE t {.*, address: CASE WHEN NOT t:Person OR t.address IS NULL THEN t.address ELSE left(t.address, 6) + '****' END, birthDate: CASE WHEN t:Person THEN null ELSE t.birthDate END, idNumber: CASE WHEN NOT t:Person OR t.idNumber IS NULL THEN t.idNumber ELSE left(t.idNumber, 1) + '****' + right(t.idNumber, 1) END, phone: CASE WHEN NOT t:Person OR t.phone IS NULL THEN t.phone ELSE left(t.phone, 3) + '****' + right(t.phone, 4) END, personalDataMasked: t:Person} END AS props,
       scores, average, total, low, high
ORDER BY average DESC, key

// name: cobuilding_evaluations_by
// Scores one evaluator ($sourceId) gave in a period, per evaluated node.
MATCH (s:Entity {id: $sourceId})-[e:EVALUATED]->(t:Entity)
WHERE $sourceLabel IN labels(s) AND $targetLabel IN labels(t)
  AND e.period = $period AND abs(e.score) <= 1.7976931348623157e308
  AND ((s.id = $scope AND s:Unit)
     OR EXISTS { MATCH (s)-[:WORKS_AT|FIRST_RESPONSIBLE|ESCALATED_TO]->(:Entity:Unit {id: $scope}) }
     OR EXISTS { MATCH (s)<-[:TOOK]-(:Entity:Unit {id: $scope}) }
     OR EXISTS { MATCH (s)--(:Entity:Unit {id: $scope}) }
     OR EXISTS { MATCH (s)-[:MEMBER_OF|SITS_ON]->(:PartyOrganization)-[:OF]->(:Entity:Unit {id: $scope}) }
     OR ((s:Community OR s:Grid) AND EXISTS { MATCH (s)<-[:IN*0..8]-()<-[:REPORTED_TO|RESIDES_IN]-(:Person)-[:WORKS_AT]->(pg_u) WHERE pg_u.id = $scope AND 'Unit' IN labels(pg_u) })
     OR EXISTS { MATCH (s)-[:IN]->()<-[:PAIRED_WITH]-(:Entity:Unit {id: $scope}) }) AND ((t.id = $scope AND t:Unit)
     OR EXISTS { MATCH (t)-[:WORKS_AT|FIRST_RESPONSIBLE|ESCALATED_TO]->(:Entity:Unit {id: $scope}) }
     OR EXISTS { MATCH (t)<-[:TOOK]-(:Entity:Unit {id: $scope}) }
     OR EXISTS { MATCH (t)--(:Entity:Unit {id: $scope}) }
     OR EXISTS { MATCH (t)-[:MEMBER_OF|SITS_ON]->(:PartyOrganization)-[:OF]->(:Entity:Unit {id: $scope}) }
     OR ((t:Community OR t:Grid) AND EXISTS { MATCH (t)<-[:IN*0..8]-()<-[:REPORTED_TO|RESIDES_IN]-(:Person)-[:WORKS_AT]->(pg_u) WHERE pg_u.id = $scope AND 'Unit' IN labels(pg_u) })
     OR EXISTS { MATCH (t)-[:IN]->()<-[:PAIRED_WITH]-(:Entity:Unit {id: $scope}) })
WITH t, s, e, CASE WHEN s:Project THEN s {.*, startDate: toString(s.startDate), endDate: toString(s.endDate)} WHEN s:Wish THEN s {.*, createdOn: toString(s.createdOn)} WHEN s:Demand THEN s {.*, createdOn: toString(s.createdOn)} WHEN s:Request THEN s {.*, raisedAt: toString(s.raisedAt), dueAt: toString(s.dueAt), closedAt: toString(s.closedAt), returnedAt: toString(s.returnedAt)} WHEN s:Activity THEN s {.*, date: toString(s.date)} ELSE s {.*, address: CASE WHEN NOT s:Person OR s.address IS NULL THEN s.address ELSE left(s.address, 6) + '****' END, birthDate: CASE WHEN s:Person THEN null ELSE s.birthDate END, idNumber: CASE WHEN NOT s:Person OR s.idNumber IS NULL THEN s.idNumber ELSE left(s.idNumber, 1) + '****' + right(s.idNumber, 1) END, phone: CASE WHEN NOT s:Person OR s.phone IS NULL THEN s.phone ELSE left(s.phone, 3) + '****' + right(s.phone, 4) END, personalDataMasked: s:Person} END AS given
WITH t, collect({key: s.id, props: given, score: e.score}) AS scores,
     avg(e.score) AS average, count(e) AS total, min(e.score) AS low, max(e.score) AS high
RETURN t.id AS key, $targetLabel AS label, CASE WHEN t:Project THEN t {.*, startDate: toString(t.startDate), endDate: toString(t.endDate)} WHEN t:Wish THEN t {.*, createdOn: toString(t.createdOn)} WHEN t:Demand THEN t {.*, createdOn: toString(t.createdOn)} WHEN t:Request THEN t {.*, raisedAt: toString(t.raisedAt), dueAt: toString(t.dueAt), closedAt: toString(t.closedAt), returnedAt: toString(t.returnedAt)} WHEN t:Activity THEN t {.*, date: toString(t.date)} ELSE t {.*, address: CASE WHEN NOT t:Person OR t.address IS NULL THEN t.address ELSE left(t.address, 6) + '****' END, birthDate: CASE WHEN t:Person THEN null ELSE t.birthDate END, idNumber: CASE WHEN NOT t:Person OR t.idNumber IS NULL THEN t.idNumber ELSE left(t.idNumber, 1) + '****' + right(t.idNumber, 1) END, phone: CASE WHEN NOT t:Person OR t.phone IS NULL THEN t.phone ELSE left(t.phone, 3) + '****' + right(t.phone, 4) END, personalDataMasked: t:Person} END AS props,
       scores, average, total, low, high
ORDER BY average DESC, key

// name: cobuilding_evaluations_in_period
// Every score of one direction in a period, per evaluated node.
MATCH (s)-[e:EVALUATED]->(t)
WHERE e.period = $period AND abs(e.score) <= 1.7976931348623157e308
  AND ((s.id = $scope AND s:Unit)
     OR EXISTS { MATCH (s)-[:WORKS_AT|FIRST_RESPONSIBLE|ESCALATED_TO]->(:Entity:Unit {id: $scope}) }
     OR EXISTS { MATCH (s)<-[:TOOK]-(:Entity:Unit {id: $scope}) }
     OR EXISTS { MATCH (s)--(:Entity:Unit {id: $scope}) }
     OR EXISTS { MATCH (s)-[:MEMBER_OF|SITS_ON]->(:PartyOrganization)-[:OF]->(:Entity:Unit {id: $scope}) }
     OR ((s:Community OR s:Grid) AND EXISTS { MATCH (s)<-[:IN*0..8]-()<-[:REPORTED_TO|RESIDES_IN]-(:Person)-[:WORKS_AT]->(pg_u) WHERE pg_u.id = $scope AND 'Unit' IN labels(pg_u) })
     OR EXISTS { MATCH (s)-[:IN]->()<-[:PAIRED_WITH]-(:Entity:Unit {id: $scope}) }) AND ((t.id = $scope AND t:Unit)
     OR EXISTS { MATCH (t)-[:WORKS_AT|FIRST_RESPONSIBLE|ESCALATED_TO]->(:Entity:Unit {id: $scope}) }
     OR EXISTS { MATCH (t)<-[:TOOK]-(:Entity:Unit {id: $scope}) }
     OR EXISTS { MATCH (t)--(:Entity:Unit {id: $scope}) }
     OR EXISTS { MATCH (t)-[:MEMBER_OF|SITS_ON]->(:PartyOrganization)-[:OF]->(:Entity:Unit {id: $scope}) }
     OR ((t:Community OR t:Grid) AND EXISTS { MATCH (t)<-[:IN*0..8]-()<-[:REPORTED_TO|RESIDES_IN]-(:Person)-[:WORKS_AT]->(pg_u) WHERE pg_u.id = $scope AND 'Unit' IN labels(pg_u) })
     OR EXISTS { MATCH (t)-[:IN]->()<-[:PAIRED_WITH]-(:Entity:Unit {id: $scope}) })
  AND $sourceLabel IN labels(s) AND $targetLabel IN labels(t)
WITH t, s, e, CASE WHEN s:Project THEN s {.*, startDate: toString(s.startDate), endDate: toString(s.endDate)} WHEN s:Wish THEN s {.*, createdOn: toString(s.createdOn)} WHEN s:Demand THEN s {.*, createdOn: toString(s.createdOn)} WHEN s:Request THEN s {.*, raisedAt: toString(s.raisedAt), dueAt: toString(s.dueAt), closedAt: toString(s.closedAt), returnedAt: toString(s.returnedAt)} WHEN s:Activity THEN s {.*, date: toString(s.date)} ELSE s {.*, address: CASE WHEN NOT s:Person OR s.address IS NULL THEN s.address ELSE left(s.address, 6) + '****' END, birthDate: CASE WHEN s:Person THEN null ELSE s.birthDate END, idNumber: CASE WHEN NOT s:Person OR s.idNumber IS NULL THEN s.idNumber ELSE left(s.idNumber, 1) + '****' + right(s.idNumber, 1) END, phone: CASE WHEN NOT s:Person OR s.phone IS NULL THEN s.phone ELSE left(s.phone, 3) + '****' + right(s.phone, 4) END, personalDataMasked: s:Person} END AS given
WITH t, collect({key: s.id, props: given, score: e.score}) AS scores,
     avg(e.score) AS average, count(e) AS total, min(e.score) AS low, max(e.score) AS high
RETURN t.id AS key, $targetLabel AS label, CASE WHEN t:Project THEN t {.*, startDate: toString(t.startDate), endDate: toString(t.endDate)} WHEN t:Wish THEN t {.*, createdOn: toString(t.createdOn)} WHEN t:Demand THEN t {.*, createdOn: toString(t.createdOn)} WHEN t:Request THEN t {.*, raisedAt: toString(t.raisedAt), dueAt: toString(t.dueAt), closedAt: toString(t.closedAt), returnedAt: toString(t.returnedAt)} WHEN t:Activity THEN t {.*, date: toString(t.date)} ELSE t {.*, address: CASE WHEN NOT t:Person OR t.address IS NULL THEN t.address ELSE left(t.address, 6) + '****' END, birthDate: CASE WHEN t:Person THEN null ELSE t.birthDate END, idNumber: CASE WHEN NOT t:Person OR t.idNumber IS NULL THEN t.idNumber ELSE left(t.idNumber, 1) + '****' + right(t.idNumber, 1) END, phone: CASE WHEN NOT t:Person OR t.phone IS NULL THEN t.phone ELSE left(t.phone, 3) + '****' + right(t.phone, 4) END, personalDataMasked: t:Person} END AS props,
       scores, average, total, low, high
ORDER BY average DESC, key

// name: cobuilding_open_demands
// A community's open demands, each with the units offering resources of its category
// (an empty list when none does) and whether the unit is paired with the community.
MATCH (c:Community {id: $communityId})<-[:IN]-(d:Demand)
WHERE d.status = $open AND ((c.id = $scope AND c:Unit)
     OR EXISTS { MATCH (c)-[:WORKS_AT|FIRST_RESPONSIBLE|ESCALATED_TO]->(:Entity:Unit {id: $scope}) }
     OR EXISTS { MATCH (c)<-[:TOOK]-(:Entity:Unit {id: $scope}) }
     OR EXISTS { MATCH (c)--(:Entity:Unit {id: $scope}) }
     OR EXISTS { MATCH (c)-[:MEMBER_OF|SITS_ON]->(:PartyOrganization)-[:OF]->(:Entity:Unit {id: $scope}) }
     OR ((c:Community OR c:Grid) AND EXISTS { MATCH (c)<-[:IN*0..8]-()<-[:REPORTED_TO|RESIDES_IN]-(:Person)-[:WORKS_AT]->(pg_u) WHERE pg_u.id = $scope AND 'Unit' IN labels(pg_u) })
     OR EXISTS { MATCH (c)-[:IN]->()<-[:PAIRED_WITH]-(:Entity:Unit {id: $scope}) }) AND ((d.id = $scope AND d:Unit)
     OR EXISTS { MATCH (d)-[:WORKS_AT|FIRST_RESPONSIBLE|ESCALATED_TO]->(:Entity:Unit {id: $scope}) }
     OR EXISTS { MATCH (d)<-[:TOOK]-(:Entity:Unit {id: $scope}) }
     OR EXISTS { MATCH (d)--(:Entity:Unit {id: $scope}) }
     OR EXISTS { MATCH (d)-[:MEMBER_OF|SITS_ON]->(:PartyOrganization)-[:OF]->(:Entity:Unit {id: $scope}) }
     OR ((d:Community OR d:Grid) AND EXISTS { MATCH (d)<-[:IN*0..8]-()<-[:REPORTED_TO|RESIDES_IN]-(:Person)-[:WORKS_AT]->(pg_u) WHERE pg_u.id = $scope AND 'Unit' IN labels(pg_u) })
     OR EXISTS { MATCH (d)-[:IN]->()<-[:PAIRED_WITH]-(:Entity:Unit {id: $scope}) })
OPTIONAL MATCH (r:Resource)-[:OFFERED_BY]->(u:Unit)
WHERE r.category = d.category AND ((u.id = $scope AND u:Unit)
     OR EXISTS { MATCH (u)-[:WORKS_AT|FIRST_RESPONSIBLE|ESCALATED_TO]->(:Entity:Unit {id: $scope}) }
     OR EXISTS { MATCH (u)<-[:TOOK]-(:Entity:Unit {id: $scope}) }
     OR EXISTS { MATCH (u)--(:Entity:Unit {id: $scope}) }
     OR EXISTS { MATCH (u)-[:MEMBER_OF|SITS_ON]->(:PartyOrganization)-[:OF]->(:Entity:Unit {id: $scope}) }
     OR ((u:Community OR u:Grid) AND EXISTS { MATCH (u)<-[:IN*0..8]-()<-[:REPORTED_TO|RESIDES_IN]-(:Person)-[:WORKS_AT]->(pg_u) WHERE pg_u.id = $scope AND 'Unit' IN labels(pg_u) })
     OR EXISTS { MATCH (u)-[:IN]->()<-[:PAIRED_WITH]-(:Entity:Unit {id: $scope}) }) AND ((r.id = $scope AND r:Unit)
     OR EXISTS { MATCH (r)-[:WORKS_AT|FIRST_RESPONSIBLE|ESCALATED_TO]->(:Entity:Unit {id: $scope}) }
     OR EXISTS { MATCH (r)<-[:TOOK]-(:Entity:Unit {id: $scope}) }
     OR EXISTS { MATCH (r)--(:Entity:Unit {id: $scope}) }
     OR EXISTS { MATCH (r)-[:MEMBER_OF|SITS_ON]->(:PartyOrganization)-[:OF]->(:Entity:Unit {id: $scope}) }
     OR ((r:Community OR r:Grid) AND EXISTS { MATCH (r)<-[:IN*0..8]-()<-[:REPORTED_TO|RESIDES_IN]-(:Person)-[:WORKS_AT]->(pg_u) WHERE pg_u.id = $scope AND 'Unit' IN labels(pg_u) })
     OR EXISTS { MATCH (r)-[:IN]->()<-[:PAIRED_WITH]-(:Entity:Unit {id: $scope}) })
WITH c, d, u, collect(CASE WHEN r:Project THEN r {.*, startDate: toString(r.startDate), endDate: toString(r.endDate)} WHEN r:Wish THEN r {.*, createdOn: toString(r.createdOn)} WHEN r:Demand THEN r {.*, createdOn: toString(r.createdOn)} WHEN r:Request THEN r {.*, raisedAt: toString(r.raisedAt), dueAt: toString(r.dueAt), closedAt: toString(r.closedAt), returnedAt: toString(r.returnedAt)} WHEN r:Activity THEN r {.*, date: toString(r.date)} ELSE r {.*, address: CASE WHEN NOT r:Person OR r.address IS NULL THEN r.address ELSE left(r.address, 6) + '****' END, birthDate: CASE WHEN r:Person THEN null ELSE r.birthDate END, idNumber: CASE WHEN NOT r:Person OR r.idNumber IS NULL THEN r.idNumber ELSE left(r.idNumber, 1) + '****' + right(r.idNumber, 1) END, phone: CASE WHEN NOT r:Person OR r.phone IS NULL THEN r.phone ELSE left(r.phone, 3) + '****' + right(r.phone, 4) END, personalDataMasked: r:Person} END) AS resources
WITH c, d, u, resources, CASE WHEN u:Project THEN u {.*, startDate: toString(u.startDate), endDate: toString(u.endDate)} WHEN u:Wish THEN u {.*, createdOn: toString(u.createdOn)} WHEN u:Demand THEN u {.*, createdOn: toString(u.createdOn)} WHEN u:Request THEN u {.*, raisedAt: toString(u.raisedAt), dueAt: toString(u.dueAt), closedAt: toString(u.closedAt), returnedAt: toString(u.returnedAt)} WHEN u:Activity THEN u {.*, date: toString(u.date)} ELSE u {.*, address: CASE WHEN NOT u:Person OR u.address IS NULL THEN u.address ELSE left(u.address, 6) + '****' END, birthDate: CASE WHEN u:Person THEN null ELSE u.birthDate END, idNumber: CASE WHEN NOT u:Person OR u.idNumber IS NULL THEN u.idNumber ELSE left(u.idNumber, 1) + '****' + right(u.idNumber, 1) END, phone: CASE WHEN NOT u:Person OR u.phone IS NULL THEN u.phone ELSE left(u.phone, 3) + '****' + right(u.phone, 4) END, personalDataMasked: u:Person} END AS offering
WITH d, collect(CASE WHEN u IS NULL THEN null ELSE {
       props: offering,
       paired: EXISTS { (u)-[:PAIRED_WITH]->(c) },
       resources: resources
     } END) AS units
RETURN d.id AS key, 'Demand' AS label, CASE WHEN d:Project THEN d {.*, startDate: toString(d.startDate), endDate: toString(d.endDate)} WHEN d:Wish THEN d {.*, createdOn: toString(d.createdOn)} WHEN d:Demand THEN d {.*, createdOn: toString(d.createdOn)} WHEN d:Request THEN d {.*, raisedAt: toString(d.raisedAt), dueAt: toString(d.dueAt), closedAt: toString(d.closedAt), returnedAt: toString(d.returnedAt)} WHEN d:Activity THEN d {.*, date: toString(d.date)} ELSE d {.*, address: CASE WHEN NOT d:Person OR d.address IS NULL THEN d.address ELSE left(d.address, 6) + '****' END, birthDate: CASE WHEN d:Person THEN null ELSE d.birthDate END, idNumber: CASE WHEN NOT d:Person OR d.idNumber IS NULL THEN d.idNumber ELSE left(d.idNumber, 1) + '****' + right(d.idNumber, 1) END, phone: CASE WHEN NOT d:Person OR d.phone IS NULL THEN d.phone ELSE left(d.phone, 3) + '****' + right(d.phone, 4) END, personalDataMasked: d:Person} END AS props, units
ORDER BY key

// name: cobuilding_transition
// Moves a node from one status to the next; no row when it was not in $expected. The node is
// write-locked (the _lock set and removed) before its status is read, so of two concurrent
// moves (two claims of one wish) only one finds $expected: on Neo4j the other waits for the
// lock, then reads the new status; on ArcadeDB the other's commit conflicts and it runs again.
MATCH (n:__LABEL__ {id: $id})
SET n._lock = true
REMOVE n._lock
WITH n
WHERE n.status = $expected
SET n.status = $next
RETURN n.id AS key, '__LABEL__' AS label, properties(n) AS props

// name: cobuilding_took
MATCH (u:Unit {id: $unitId})
MATCH (d:Demand {id: $demandId})
MERGE (u)-[t:TOOK]->(d)
SET t.on = $on
RETURN count(t) AS written

// name: cobuilding_claimed
MATCH (p:Person {id: $personId})
MATCH (w:Wish {id: $wishId})
MERGE (p)-[c:CLAIMED]->(w)
SET c.on = $on
REMOVE c.fulfilledOn
RETURN count(c) AS written

// name: cobuilding_fulfilled
// Every claim of the wish (normally one) gets its fulfilment date.
MATCH (:Wish {id: $wishId})<-[c:CLAIMED]-(:Person)
SET c.fulfilledOn = $on
RETURN count(c) AS written

// name: cobuilding_evaluation_upsert
// One score per (evaluator, evaluated, period): a second submission replaces the first. The
// evaluator is write-locked first (as in cobuilding_transition) so that two concurrent
// submissions on Neo4j cannot both create the relationship.
MATCH (a:Entity {id: $fromId})
MATCH (b:Entity {id: $toId})
SET a._lock = true
REMOVE a._lock
WITH a, b
OPTIONAL MATCH (a)-[old:EVALUATED {period: $period}]->(b)
WITH a, b, collect(old.score) AS previous
MERGE (a)-[e:EVALUATED {period: $period}]->(b)
SET e.score = $score
RETURN previous[0] AS previous, e.score AS score

// name: cobuilding_activity_create
MATCH (place:Entity {id: $placeId})
CREATE (a:Entity:Activity {id: $id})
SET a += $props
CREATE (a)-[:IN]->(place)
RETURN a.id AS key, 'Activity' AS label, properties(a) AS props

// name: cobuilding_attendance_upsert
// One attendance per person and activity: recording it again replaces the hours (the person
// write-locked first, as above).
MATCH (p:Person {id: $personId})
MATCH (a:Activity {id: $activityId})
SET p._lock = true
REMOVE p._lock
WITH p, a
OPTIONAL MATCH (p)-[old:ATTENDED]->(a)
WITH p, a, collect(old.hours) AS previous
MERGE (p)-[r:ATTENDED]->(a)
SET r.hours = $hours
RETURN previous[0] AS previous, r.hours AS hours
