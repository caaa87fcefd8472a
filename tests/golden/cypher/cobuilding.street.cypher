// cobuilding.cypher as the role street sends it (tests/test_golden_cypher.py)

// name: cobuilding_projects_page
// Projects of every unit and community, filtered; keyset page on id.
MATCH (p:Project)
WHERE (EXISTS { MATCH (p) WHERE any(pg_up IN [(p)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:Street) }
     OR EXISTS { MATCH (p)-[:RESIDES_IN|LEADS]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:Street) }
     OR EXISTS { MATCH (p)-[:REPORTED_TO]->(pg_at) WHERE p:Person AND any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:Street) }
     OR EXISTS { MATCH (p)-[:MEMBER_OF|SITS_ON]->(:PartyOrganization)-[:LEADS]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..8]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:Street) }
     OR EXISTS { MATCH (pg_s:Entity:Street {id: $scope}) WHERE p IN [(pg_s)-[:IN*1..8]->(pg_in) | pg_in] }
     OR EXISTS { MATCH (p)-[:CONTACTS|SERVES|CLAIMED|ATTENDED|PAIRED_WITH|EVALUATED|TOOK|FOR|REPORTED_TO]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:Street) }
     OR EXISTS { MATCH (p)-[:OF|OFFERED_BY]->(:Unit)-[:PAIRED_WITH]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..8]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:Street) }
     OR EXISTS { MATCH (p)<-[:BY|FIRST_RESPONSIBLE|ESCALATED_TO|MEMBER_OF]-(pg_at) WHERE (p:Unit OR p:Alliance) AND any(pg_up IN [(pg_at)-[:FOR|IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:Street) }) AND ($category IS NULL OR p.category = $category)
  AND ($status IS NULL OR p.status = $status)
  AND ($after IS NULL OR p.id > $after)
  AND ($before IS NULL OR p.id < $before)
RETURN p.id AS key, 'Project' AS label, CASE WHEN p:Project THEN p {.*, startDate: toString(p.startDate), endDate: toString(p.endDate)} WHEN p:Wish THEN p {.*, createdOn: toString(p.createdOn)} WHEN p:Demand THEN p {.*, createdOn: toString(p.createdOn)} WHEN p:Request THEN p {.*, raisedAt: toString(p.raisedAt), dueAt: toString(p.dueAt), closedAt: toString(p.closedAt), returnedAt: toString(p.returnedAt)} WHEN p:Activity THEN p {.*, date: toString(p.date)} ELSE CASE WHEN (EXISTS { MATCH (p) WHERE any(pg_up IN [(p)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:Street) }
     OR EXISTS { MATCH (p)-[:RESIDES_IN|LEADS]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:Street) }
     OR EXISTS { MATCH (p)-[:REPORTED_TO]->(pg_at) WHERE p:Person AND any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:Street) }
     OR EXISTS { MATCH (p)-[:MEMBER_OF|SITS_ON]->(:PartyOrganization)-[:LEADS]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..8]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:Street) }) THEN properties(p) ELSE p {.*, address: CASE WHEN NOT p:Person OR p.address IS NULL THEN p.address ELSE left(p.address, 6) + '****' END, birthDate: CASE WHEN p:Person THEN null ELSE p.birthDate END, idNumber: CASE WHEN NOT p:Person OR p.idNumber IS NULL THEN p.idNumber ELSE left(p.idNumber, 1) + '****' + right(p.idNumber, 1) END, phone: CASE WHEN NOT p:Person OR p.phone IS NULL THEN p.phone ELSE left(p.phone, 3) + '****' + right(p.phone, 4) END, personalDataMasked: p:Person} END END AS props
ORDER BY p.id __ORDER__
LIMIT $limit

// name: cobuilding_projects_count
MATCH (p:Project)
WHERE (EXISTS { MATCH (p) WHERE any(pg_up IN [(p)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:Street) }
     OR EXISTS { MATCH (p)-[:RESIDES_IN|LEADS]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:Street) }
     OR EXISTS { MATCH (p)-[:REPORTED_TO]->(pg_at) WHERE p:Person AND any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:Street) }
     OR EXISTS { MATCH (p)-[:MEMBER_OF|SITS_ON]->(:PartyOrganization)-[:LEADS]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..8]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:Street) }
     OR EXISTS { MATCH (pg_s:Entity:Street {id: $scope}) WHERE p IN [(pg_s)-[:IN*1..8]->(pg_in) | pg_in] }
     OR EXISTS { MATCH (p)-[:CONTACTS|SERVES|CLAIMED|ATTENDED|PAIRED_WITH|EVALUATED|TOOK|FOR|REPORTED_TO]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:Street) }
     OR EXISTS { MATCH (p)-[:OF|OFFERED_BY]->(:Unit)-[:PAIRED_WITH]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..8]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:Street) }
     OR EXISTS { MATCH (p)<-[:BY|FIRST_RESPONSIBLE|ESCALATED_TO|MEMBER_OF]-(pg_at) WHERE (p:Unit OR p:Alliance) AND any(pg_up IN [(pg_at)-[:FOR|IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:Street) }) AND ($category IS NULL OR p.category = $category)
  AND ($status IS NULL OR p.status = $status)
RETURN count(p) AS total

// name: cobuilding_projects_by_unit_page
// Projects a unit carries out (for one community too when given): start from the unit.
MATCH (:Unit {id: $unitId})<-[:BY]-(p:Project)
WHERE (EXISTS { MATCH (p) WHERE any(pg_up IN [(p)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:Street) }
     OR EXISTS { MATCH (p)-[:RESIDES_IN|LEADS]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:Street) }
     OR EXISTS { MATCH (p)-[:REPORTED_TO]->(pg_at) WHERE p:Person AND any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:Street) }
     OR EXISTS { MATCH (p)-[:MEMBER_OF|SITS_ON]->(:PartyOrganization)-[:LEADS]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..8]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:Street) }
     OR EXISTS { MATCH (pg_s:Entity:Street {id: $scope}) WHERE p IN [(pg_s)-[:IN*1..8]->(pg_in) | pg_in] }
     OR EXISTS { MATCH (p)-[:CONTACTS|SERVES|CLAIMED|ATTENDED|PAIRED_WITH|EVALUATED|TOOK|FOR|REPORTED_TO]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:Street) }
     OR EXISTS { MATCH (p)-[:OF|OFFERED_BY]->(:Unit)-[:PAIRED_WITH]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..8]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:Street) }
     OR EXISTS { MATCH (p)<-[:BY|FIRST_RESPONSIBLE|ESCALATED_TO|MEMBER_OF]-(pg_at) WHERE (p:Unit OR p:Alliance) AND any(pg_up IN [(pg_at)-[:FOR|IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:Street) }) AND ($communityId IS NULL OR EXISTS { (p)-[:FOR]->(:Community {id: $communityId}) })
  AND ($category IS NULL OR p.category = $category)
  AND ($status IS NULL OR p.status = $status)
  AND ($after IS NULL OR p.id > $after)
  AND ($before IS NULL OR p.id < $before)
WITH DISTINCT p
RETURN p.id AS key, 'Project' AS label, CASE WHEN p:Project THEN p {.*, startDate: toString(p.startDate), endDate: toString(p.endDate)} WHEN p:Wish THEN p {.*, createdOn: toString(p.createdOn)} WHEN p:Demand THEN p {.*, createdOn: toString(p.createdOn)} WHEN p:Request THEN p {.*, raisedAt: toString(p.raisedAt), dueAt: toString(p.dueAt), closedAt: toString(p.closedAt), returnedAt: toString(p.returnedAt)} WHEN p:Activity THEN p {.*, date: toString(p.date)} ELSE CASE WHEN (EXISTS { MATCH (p) WHERE any(pg_up IN [(p)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:Street) }
     OR EXISTS { MATCH (p)-[:RESIDES_IN|LEADS]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:Street) }
     OR EXISTS { MATCH (p)-[:REPORTED_TO]->(pg_at) WHERE p:Person AND any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:Street) }
     OR EXISTS { MATCH (p)-[:MEMBER_OF|SITS_ON]->(:PartyOrganization)-[:LEADS]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..8]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:Street) }) THEN properties(p) ELSE p {.*, address: CASE WHEN NOT p:Person OR p.address IS NULL THEN p.address ELSE left(p.address, 6) + '****' END, birthDate: CASE WHEN p:Person THEN null ELSE p.birthDate END, idNumber: CASE WHEN NOT p:Person OR p.idNumber IS NULL THEN p.idNumber ELSE left(p.idNumber, 1) + '****' + right(p.idNumber, 1) END, phone: CASE WHEN NOT p:Person OR p.phone IS NULL THEN p.phone ELSE left(p.phone, 3) + '****' + right(p.phone, 4) END, personalDataMasked: p:Person} END END AS props
ORDER BY p.id __ORDER__
LIMIT $limit

// name: cobuilding_projects_by_unit_count
MATCH (:Unit {id: $unitId})<-[:BY]-(p:Project)
WHERE (EXISTS { MATCH (p) WHERE any(pg_up IN [(p)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:Street) }
     OR EXISTS { MATCH (p)-[:RESIDES_IN|LEADS]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:Street) }
     OR EXISTS { MATCH (p)-[:REPORTED_TO]->(pg_at) WHERE p:Person AND any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:Street) }
     OR EXISTS { MATCH (p)-[:MEMBER_OF|SITS_ON]->(:PartyOrganization)-[:LEADS]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..8]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:Street) }
     OR EXISTS { MATCH (pg_s:Entity:Street {id: $scope}) WHERE p IN [(pg_s)-[:IN*1..8]->(pg_in) | pg_in] }
     OR EXISTS { MATCH (p)-[:CONTACTS|SERVES|CLAIMED|ATTENDED|PAIRED_WITH|EVALUATED|TOOK|FOR|REPORTED_TO]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:Street) }
     OR EXISTS { MATCH (p)-[:OF|OFFERED_BY]->(:Unit)-[:PAIRED_WITH]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..8]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:Street) }
     OR EXISTS { MATCH (p)<-[:BY|FIRST_RESPONSIBLE|ESCALATED_TO|MEMBER_OF]-(pg_at) WHERE (p:Unit OR p:Alliance) AND any(pg_up IN [(pg_at)-[:FOR|IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:Street) }) AND ($communityId IS NULL OR EXISTS { (p)-[:FOR]->(:Community {id: $communityId}) })
  AND ($category IS NULL OR p.category = $category)
  AND ($status IS NULL OR p.status = $status)
RETURN count(DISTINCT p) AS total

// name: cobuilding_projects_by_community_page
// Projects serving a community: start from the community.
MATCH (:Community {id: $communityId})<-[:FOR]-(p:Project)
WHERE (EXISTS { MATCH (p) WHERE any(pg_up IN [(p)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:Street) }
     OR EXISTS { MATCH (p)-[:RESIDES_IN|LEADS]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:Street) }
     OR EXISTS { MATCH (p)-[:REPORTED_TO]->(pg_at) WHERE p:Person AND any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:Street) }
     OR EXISTS { MATCH (p)-[:MEMBER_OF|SITS_ON]->(:PartyOrganization)-[:LEADS]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..8]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:Street) }
     OR EXISTS { MATCH (pg_s:Entity:Street {id: $scope}) WHERE p IN [(pg_s)-[:IN*1..8]->(pg_in) | pg_in] }
     OR EXISTS { MATCH (p)-[:CONTACTS|SERVES|CLAIMED|ATTENDED|PAIRED_WITH|EVALUATED|TOOK|FOR|REPORTED_TO]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:Street) }
     OR EXISTS { MATCH (p)-[:OF|OFFERED_BY]->(:Unit)-[:PAIRED_WITH]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..8]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:Street) }
     OR EXISTS { MATCH (p)<-[:BY|FIRST_RESPONSIBLE|ESCALATED_TO|MEMBER_OF]-(pg_at) WHERE (p:Unit OR p:Alliance) AND any(pg_up IN [(pg_at)-[:FOR|IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:Street) }) AND ($category IS NULL OR p.category = $category)
  AND ($status IS NULL OR p.status = $status)
  AND ($after IS NULL OR p.id > $after)
  AND ($before IS NULL OR p.id < $before)
WITH DISTINCT p
RETURN p.id AS key, 'Project' AS label, CASE WHEN p:Project THEN p {.*, startDate: toString(p.startDate), endDate: toString(p.endDate)} WHEN p:Wish THEN p {.*, createdOn: toString(p.createdOn)} WHEN p:Demand THEN p {.*, createdOn: toString(p.createdOn)} WHEN p:Request THEN p {.*, raisedAt: toString(p.raisedAt), dueAt: toString(p.dueAt), closedAt: toString(p.closedAt), returnedAt: toString(p.returnedAt)} WHEN p:Activity THEN p {.*, date: toString(p.date)} ELSE CASE WHEN (EXISTS { MATCH (p) WHERE any(pg_up IN [(p)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:Street) }
     OR EXISTS { MATCH (p)-[:RESIDES_IN|LEADS]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:Street) }
     OR EXISTS { MATCH (p)-[:REPORTED_TO]->(pg_at) WHERE p:Person AND any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:Street) }
     OR EXISTS { MATCH (p)-[:MEMBER_OF|SITS_ON]->(:PartyOrganization)-[:LEADS]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..8]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:Street) }) THEN properties(p) ELSE p {.*, address: CASE WHEN NOT p:Person OR p.address IS NULL THEN p.address ELSE left(p.address, 6) + '****' END, birthDate: CASE WHEN p:Person THEN null ELSE p.birthDate END, idNumber: CASE WHEN NOT p:Person OR p.idNumber IS NULL THEN p.idNumber ELSE left(p.idNumber, 1) + '****' + right(p.idNumber, 1) END, phone: CASE WHEN NOT p:Person OR p.phone IS NULL THEN p.phone ELSE left(p.phone, 3) + '****' + right(p.phone, 4) END, personalDataMasked: p:Person} END END AS props
ORDER BY p.id __ORDER__
LIMIT $limit

// name: cobuilding_projects_by_community_count
MATCH (:Community {id: $communityId})<-[:FOR]-(p:Project)
WHERE (EXISTS { MATCH (p) WHERE any(pg_up IN [(p)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:Street) }
     OR EXISTS { MATCH (p)-[:RESIDES_IN|LEADS]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:Street) }
     OR EXISTS { MATCH (p)-[:REPORTED_TO]->(pg_at) WHERE p:Person AND any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:Street) }
     OR EXISTS { MATCH (p)-[:MEMBER_OF|SITS_ON]->(:PartyOrganization)-[:LEADS]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..8]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:Street) }
     OR EXISTS { MATCH (pg_s:Entity:Street {id: $scope}) WHERE p IN [(pg_s)-[:IN*1..8]->(pg_in) | pg_in] }
     OR EXISTS { MATCH (p)-[:CONTACTS|SERVES|CLAIMED|ATTENDED|PAIRED_WITH|EVALUATED|TOOK|FOR|REPORTED_TO]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:Street) }
     OR EXISTS { MATCH (p)-[:OF|OFFERED_BY]->(:Unit)-[:PAIRED_WITH]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..8]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:Street) }
     OR EXISTS { MATCH (p)<-[:BY|FIRST_RESPONSIBLE|ESCALATED_TO|MEMBER_OF]-(pg_at) WHERE (p:Unit OR p:Alliance) AND any(pg_up IN [(pg_at)-[:FOR|IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:Street) }) AND ($category IS NULL OR p.category = $category)
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
  AND (EXISTS { MATCH (s) WHERE any(pg_up IN [(s)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:Street) }
     OR EXISTS { MATCH (s)-[:RESIDES_IN|LEADS]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:Street) }
     OR EXISTS { MATCH (s)-[:REPORTED_TO]->(pg_at) WHERE s:Person AND any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:Street) }
     OR EXISTS { MATCH (s)-[:MEMBER_OF|SITS_ON]->(:PartyOrganization)-[:LEADS]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..8]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:Street) }
     OR EXISTS { MATCH (pg_s:Entity:Street {id: $scope}) WHERE s IN [(pg_s)-[:IN*1..8]->(pg_in) | pg_in] }
     OR EXISTS { MATCH (s)-[:CONTACTS|SERVES|CLAIMED|ATTENDED|PAIRED_WITH|EVALUATED|TOOK|FOR|REPORTED_TO]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:Street) }
     OR EXISTS { MATCH (s)-[:OF|OFFERED_BY]->(:Unit)-[:PAIRED_WITH]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..8]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:Street) }
     OR EXISTS { MATCH (s)<-[:BY|FIRST_RESPONSIBLE|ESCALATED_TO|MEMBER_OF]-(pg_at) WHERE (s:Unit OR s:Alliance) AND any(pg_up IN [(pg_at)-[:FOR|IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:Street) }) AND (EXISTS { MATCH (t) WHERE any(pg_up IN [(t)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:Street) }
     OR EXISTS { MATCH (t)-[:RESIDES_IN|LEADS]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:Street) }
     OR EXISTS { MATCH (t)-[:REPORTED_TO]->(pg_at) WHERE t:Person AND any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:Street) }
     OR EXISTS { MATCH (t)-[:MEMBER_OF|SITS_ON]->(:PartyOrganization)-[:LEADS]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..8]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:Street) }
     OR EXISTS { MATCH (pg_s:Entity:Street {id: $scope}) WHERE t IN [(pg_s)-[:IN*1..8]->(pg_in) | pg_in] }
     OR EXISTS { MATCH (t)-[:CONTACTS|SERVES|CLAIMED|ATTENDED|PAIRED_WITH|EVALUATED|TOOK|FOR|REPORTED_TO]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:Street) }
     OR EXISTS { MATCH (t)-[:OF|OFFERED_BY]->(:Unit)-[:PAIRED_WITH]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..8]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:Street) }
     OR EXISTS { MATCH (t)<-[:BY|FIRST_RESPONSIBLE|ESCALATED_TO|MEMBER_OF]-(pg_at) WHERE (t:Unit OR t:Alliance) AND any(pg_up IN [(pg_at)-[:FOR|IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:Street) })
  AND ($sourceId IS NULL OR s.id = $sourceId)
WITH t, s, e, CASE WHEN s:Project THEN s {.*, startDate: toString(s.startDate), endDate: toString(s.endDate)} WHEN s:Wish THEN s {.*, createdOn: toString(s.createdOn)} WHEN s:Demand THEN s {.*, createdOn: toString(s.createdOn)} WHEN s:Request THEN s {.*, raisedAt: toString(s.raisedAt), dueAt: toString(s.dueAt), closedAt: toString(s.closedAt), returnedAt: toString(s.returnedAt)} WHEN s:Activity THEN s {.*, date: toString(s.date)} ELSE CASE WHEN (EXISTS { MATCH (s) WHERE any(pg_up IN [(s)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:Street) }
     OR EXISTS { MATCH (s)-[:RESIDES_IN|LEADS]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:Street) }
     OR EXISTS { MATCH (s)-[:REPORTED_TO]->(pg_at) WHERE s:Person AND any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:Street) }
     OR EXISTS { MATCH (s)-[:MEMBER_OF|SITS_ON]->(:PartyOrganization)-[:LEADS]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..8]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:Street) }) THEN properties(s) ELSE s {.*, address: CASE WHEN NOT s:Person OR s.address IS NULL THEN s.address ELSE left(s.address, 6) + '****' END, birthDate: CASE WHEN s:Person THEN null ELSE s.birthDate END, idNumber: CASE WHEN NOT s:Person OR s.idNumber IS NULL THEN s.idNumber ELSE left(s.idNumber, 1) + '****' + right(s.idNumber, 1) END, phone: CASE WHEN NOT s:Person OR s.phone IS NULL THEN s.phone ELSE left(s.phone, 3) + '****' + right(s.phone, 4) END, personalDataMasked: s:Person} END END AS given
WITH t, collect({key: s.id, props: given, score: e.score}) AS scores,
     avg(e.score) AS average, count(e) AS total, min(e.score) AS low, max(e.score) AS high
RETURN t.id AS key, $targetLabel AS label, CASE WHEN t:Project THEN t {.*, startDate: toString(t.startDate), endDate: toString(t.endDate)} WHEN t:Wish THEN t {.*, createdOn: toString(t.createdOn)} WHEN t:Demand THEN t {.*, createdOn: toString(t.createdOn)} WHEN t:Request THEN t {.*, raisedAt: toString(t.raisedAt), dueAt: toString(t.dueAt), closedAt: toString(t.closedAt), returnedAt: toString(t.returnedAt)} WHEN t:Activity THEN t {.*, date: toString(t.date)} ELSE CASE WHEN (EXISTS { MATCH (t) WHERE any(pg_up IN [(t)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:Street) }
     OR EXISTS { MATCH (t)-[:RESIDES_IN|LEADS]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:Street) }
     OR EXISTS { MATCH (t)-[:REPORTED_TO]->(pg_at) WHERE t:Person AND any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:Street) }
     OR EXISTS { MATCH (t)-[:MEMBER_OF|SITS_ON]->(:PartyOrganization)-[:LEADS]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..8]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:Street) }) THEN properties(t) ELSE t {.*, address: CASE WHEN NOT t:Person OR t.address IS NULL THEN t.address ELSE left(t.address, 6) + '****' END, birthDate: CASE WHEN t:Person THEN null ELSE t.birthDate END, idNumber: CASE WHEN NOT t:Person OR t.idNumber IS NULL THEN t.idNumber ELSE left(t.idNumber, 1) + '****' + right(t.idNumber, 1) END, phone: CASE WHEN NOT t:Person OR t.phone IS NULL THEN t.phone ELSE left(t.phone, 3) + '****' + right(t.phone, 4) END, personalDataMasked: t:Person} END END AS props,
       scores, average, total, low, high
ORDER BY average DESC, key

// name: cobuilding_evaluations_by
// Scores one evaluator ($sourceId) gave in a period, per evaluated node.
MATCH (s:Entity {id: $sourceId})-[e:EVALUATED]->(t:Entity)
WHERE $sourceLabel IN labels(s) AND $targetLabel IN labels(t)
  AND e.period = $period AND abs(e.score) <= 1.7976931348623157e308
  AND (EXISTS { MATCH (s) WHERE any(pg_up IN [(s)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:Street) }
     OR EXISTS { MATCH (s)-[:RESIDES_IN|LEADS]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:Street) }
     OR EXISTS { MATCH (s)-[:REPORTED_TO]->(pg_at) WHERE s:Person AND any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:Street) }
     OR EXISTS { MATCH (s)-[:MEMBER_OF|SITS_ON]->(:PartyOrganization)-[:LEADS]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..8]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:Street) }
     OR EXISTS { MATCH (pg_s:Entity:Street {id: $scope}) WHERE s IN [(pg_s)-[:IN*1..8]->(pg_in) | pg_in] }
     OR EXISTS { MATCH (s)-[:CONTACTS|SERVES|CLAIMED|ATTENDED|PAIRED_WITH|EVALUATED|TOOK|FOR|REPORTED_TO]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:Street) }
     OR EXISTS { MATCH (s)-[:OF|OFFERED_BY]->(:Unit)-[:PAIRED_WITH]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..8]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:Street) }
     OR EXISTS { MATCH (s)<-[:BY|FIRST_RESPONSIBLE|ESCALATED_TO|MEMBER_OF]-(pg_at) WHERE (s:Unit OR s:Alliance) AND any(pg_up IN [(pg_at)-[:FOR|IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:Street) }) AND (EXISTS { MATCH (t) WHERE any(pg_up IN [(t)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:Street) }
     OR EXISTS { MATCH (t)-[:RESIDES_IN|LEADS]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:Street) }
     OR EXISTS { MATCH (t)-[:REPORTED_TO]->(pg_at) WHERE t:Person AND any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:Street) }
     OR EXISTS { MATCH (t)-[:MEMBER_OF|SITS_ON]->(:PartyOrganization)-[:LEADS]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..8]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:Street) }
     OR EXISTS { MATCH (pg_s:Entity:Street {id: $scope}) WHERE t IN [(pg_s)-[:IN*1..8]->(pg_in) | pg_in] }
     OR EXISTS { MATCH (t)-[:CONTACTS|SERVES|CLAIMED|ATTENDED|PAIRED_WITH|EVALUATED|TOOK|FOR|REPORTED_TO]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:Street) }
     OR EXISTS { MATCH (t)-[:OF|OFFERED_BY]->(:Unit)-[:PAIRED_WITH]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..8]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:Street) }
     OR EXISTS { MATCH (t)<-[:BY|FIRST_RESPONSIBLE|ESCALATED_TO|MEMBER_OF]-(pg_at) WHERE (t:Unit OR t:Alliance) AND any(pg_up IN [(pg_at)-[:FOR|IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:Street) })
WITH t, s, e, CASE WHEN s:Project THEN s {.*, startDate: toString(s.startDate), endDate: toString(s.endDate)} WHEN s:Wish THEN s {.*, createdOn: toString(s.createdOn)} WHEN s:Demand THEN s {.*, createdOn: toString(s.createdOn)} WHEN s:Request THEN s {.*, raisedAt: toString(s.raisedAt), dueAt: toString(s.dueAt), closedAt: toString(s.closedAt), returnedAt: toString(s.returnedAt)} WHEN s:Activity THEN s {.*, date: toString(s.date)} ELSE CASE WHEN (EXISTS { MATCH (s) WHERE any(pg_up IN [(s)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:Street) }
     OR EXISTS { MATCH (s)-[:RESIDES_IN|LEADS]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:Street) }
     OR EXISTS { MATCH (s)-[:REPORTED_TO]->(pg_at) WHERE s:Person AND any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:Street) }
     OR EXISTS { MATCH (s)-[:MEMBER_OF|SITS_ON]->(:PartyOrganization)-[:LEADS]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..8]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:Street) }) THEN properties(s) ELSE s {.*, address: CASE WHEN NOT s:Person OR s.address IS NULL THEN s.address ELSE left(s.address, 6) + '****' END, birthDate: CASE WHEN s:Person THEN null ELSE s.birthDate END, idNumber: CASE WHEN NOT s:Person OR s.idNumber IS NULL THEN s.idNumber ELSE left(s.idNumber, 1) + '****' + right(s.idNumber, 1) END, phone: CASE WHEN NOT s:Person OR s.phone IS NULL THEN s.phone ELSE left(s.phone, 3) + '****' + right(s.phone, 4) END, personalDataMasked: s:Person} END END AS given
WITH t, collect({key: s.id, props: given, score: e.score}) AS scores,
     avg(e.score) AS average, count(e) AS total, min(e.score) AS low, max(e.score) AS high
RETURN t.id AS key, $targetLabel AS label, CASE WHEN t:Project THEN t {.*, startDate: toString(t.startDate), endDate: toString(t.endDate)} WHEN t:Wish THEN t {.*, createdOn: toString(t.createdOn)} WHEN t:Demand THEN t {.*, createdOn: toString(t.createdOn)} WHEN t:Request THEN t {.*, raisedAt: toString(t.raisedAt), dueAt: toString(t.dueAt), closedAt: toString(t.closedAt), returnedAt: toString(t.returnedAt)} WHEN t:Activity THEN t {.*, date: toString(t.date)} ELSE CASE WHEN (EXISTS { MATCH (t) WHERE any(pg_up IN [(t)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:Street) }
     OR EXISTS { MATCH (t)-[:RESIDES_IN|LEADS]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:Street) }
     OR EXISTS { MATCH (t)-[:REPORTED_TO]->(pg_at) WHERE t:Person AND any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:Street) }
     OR EXISTS { MATCH (t)-[:MEMBER_OF|SITS_ON]->(:PartyOrganization)-[:LEADS]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..8]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:Street) }) THEN properties(t) ELSE t {.*, address: CASE WHEN NOT t:Person OR t.address IS NULL THEN t.address ELSE left(t.address, 6) + '****' END, birthDate: CASE WHEN t:Person THEN null ELSE t.birthDate END, idNumber: CASE WHEN NOT t:Person OR t.idNumber IS NULL THEN t.idNumber ELSE left(t.idNumber, 1) + '****' + right(t.idNumber, 1) END, phone: CASE WHEN NOT t:Person OR t.phone IS NULL THEN t.phone ELSE left(t.phone, 3) + '****' + right(t.phone, 4) END, personalDataMasked: t:Person} END END AS props,
       scores, average, total, low, high
ORDER BY average DESC, key

// name: cobuilding_evaluations_in_period
// Every score of one direction in a period, per evaluated node.
MATCH (s)-[e:EVALUATED]->(t)
WHERE e.period = $period AND abs(e.score) <= 1.7976931348623157e308
  AND (EXISTS { MATCH (s) WHERE any(pg_up IN [(s)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:Street) }
     OR EXISTS { MATCH (s)-[:RESIDES_IN|LEADS]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:Street) }
     OR EXISTS { MATCH (s)-[:REPORTED_TO]->(pg_at) WHERE s:Person AND any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:Street) }
     OR EXISTS { MATCH (s)-[:MEMBER_OF|SITS_ON]->(:PartyOrganization)-[:LEADS]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..8]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:Street) }
     OR EXISTS { MATCH (pg_s:Entity:Street {id: $scope}) WHERE s IN [(pg_s)-[:IN*1..8]->(pg_in) | pg_in] }
     OR EXISTS { MATCH (s)-[:CONTACTS|SERVES|CLAIMED|ATTENDED|PAIRED_WITH|EVALUATED|TOOK|FOR|REPORTED_TO]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:Street) }
     OR EXISTS { MATCH (s)-[:OF|OFFERED_BY]->(:Unit)-[:PAIRED_WITH]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..8]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:Street) }
     OR EXISTS { MATCH (s)<-[:BY|FIRST_RESPONSIBLE|ESCALATED_TO|MEMBER_OF]-(pg_at) WHERE (s:Unit OR s:Alliance) AND any(pg_up IN [(pg_at)-[:FOR|IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:Street) }) AND (EXISTS { MATCH (t) WHERE any(pg_up IN [(t)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:Street) }
     OR EXISTS { MATCH (t)-[:RESIDES_IN|LEADS]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:Street) }
     OR EXISTS { MATCH (t)-[:REPORTED_TO]->(pg_at) WHERE t:Person AND any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:Street) }
     OR EXISTS { MATCH (t)-[:MEMBER_OF|SITS_ON]->(:PartyOrganization)-[:LEADS]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..8]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:Street) }
     OR EXISTS { MATCH (pg_s:Entity:Street {id: $scope}) WHERE t IN [(pg_s)-[:IN*1..8]->(pg_in) | pg_in] }
     OR EXISTS { MATCH (t)-[:CONTACTS|SERVES|CLAIMED|ATTENDED|PAIRED_WITH|EVALUATED|TOOK|FOR|REPORTED_TO]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:Street) }
     OR EXISTS { MATCH (t)-[:OF|OFFERED_BY]->(:Unit)-[:PAIRED_WITH]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..8]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:Street) }
     OR EXISTS { MATCH (t)<-[:BY|FIRST_RESPONSIBLE|ESCALATED_TO|MEMBER_OF]-(pg_at) WHERE (t:Unit OR t:Alliance) AND any(pg_up IN [(pg_at)-[:FOR|IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:Street) })
  AND $sourceLabel IN labels(s) AND $targetLabel IN labels(t)
WITH t, s, e, CASE WHEN s:Project THEN s {.*, startDate: toString(s.startDate), endDate: toString(s.endDate)} WHEN s:Wish THEN s {.*, createdOn: toString(s.createdOn)} WHEN s:Demand THEN s {.*, createdOn: toString(s.createdOn)} WHEN s:Request THEN s {.*, raisedAt: toString(s.raisedAt), dueAt: toString(s.dueAt), closedAt: toString(s.closedAt), returnedAt: toString(s.returnedAt)} WHEN s:Activity THEN s {.*, date: toString(s.date)} ELSE CASE WHEN (EXISTS { MATCH (s) WHERE any(pg_up IN [(s)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:Street) }
     OR EXISTS { MATCH (s)-[:RESIDES_IN|LEADS]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:Street) }
     OR EXISTS { MATCH (s)-[:REPORTED_TO]->(pg_at) WHERE s:Person AND any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:Street) }
     OR EXISTS { MATCH (s)-[:MEMBER_OF|SITS_ON]->(:PartyOrganization)-[:LEADS]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..8]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:Street) }) THEN properties(s) ELSE s {.*, address: CASE WHEN NOT s:Person OR s.address IS NULL THEN s.address ELSE left(s.address, 6) + '****' END, birthDate: CASE WHEN s:Person THEN null ELSE s.birthDate END, idNumber: CASE WHEN NOT s:Person OR s.idNumber IS NULL THEN s.idNumber ELSE left(s.idNumber, 1) + '****' + right(s.idNumber, 1) END, phone: CASE WHEN NOT s:Person OR s.phone IS NULL THEN s.phone ELSE left(s.phone, 3) + '****' + right(s.phone, 4) END, personalDataMasked: s:Person} END END AS given
WITH t, collect({key: s.id, props: given, score: e.score}) AS scores,
     avg(e.score) AS average, count(e) AS total, min(e.score) AS low, max(e.score) AS high
RETURN t.id AS key, $targetLabel AS label, CASE WHEN t:Project THEN t {.*, startDate: toString(t.startDate), endDate: toString(t.endDate)} WHEN t:Wish THEN t {.*, createdOn: toString(t.createdOn)} WHEN t:Demand THEN t {.*, createdOn: toString(t.createdOn)} WHEN t:Request THEN t {.*, raisedAt: toString(t.raisedAt), dueAt: toString(t.dueAt), closedAt: toString(t.closedAt), returnedAt: toString(t.returnedAt)} WHEN t:Activity THEN t {.*, date: toString(t.date)} ELSE CASE WHEN (EXISTS { MATCH (t) WHERE any(pg_up IN [(t)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:Street) }
     OR EXISTS { MATCH (t)-[:RESIDES_IN|LEADS]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:Street) }
     OR EXISTS { MATCH (t)-[:REPORTED_TO]->(pg_at) WHERE t:Person AND any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:Street) }
     OR EXISTS { MATCH (t)-[:MEMBER_OF|SITS_ON]->(:PartyOrganization)-[:LEADS]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..8]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:Street) }) THEN properties(t) ELSE t {.*, address: CASE WHEN NOT t:Person OR t.address IS NULL THEN t.address ELSE left(t.address, 6) + '****' END, birthDate: CASE WHEN t:Person THEN null ELSE t.birthDate END, idNumber: CASE WHEN NOT t:Person OR t.idNumber IS NULL THEN t.idNumber ELSE left(t.idNumber, 1) + '****' + right(t.idNumber, 1) END, phone: CASE WHEN NOT t:Person OR t.phone IS NULL THEN t.phone ELSE left(t.phone, 3) + '****' + right(t.phone, 4) END, personalDataMasked: t:Person} END END AS props,
       scores, average, total, low, high
ORDER BY average DESC, key

// name: cobuilding_open_demands
// A community's open demands, each with the units offering resources of its category
// (an empty list when none does) and whether the unit is paired with the community.
MATCH (c:Community {id: $communityId})<-[:IN]-(d:Demand)
WHERE d.status = $open AND (EXISTS { MATCH (c) WHERE any(pg_up IN [(c)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:Street) }
     OR EXISTS { MATCH (c)-[:RESIDES_IN|LEADS]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:Street) }
     OR EXISTS { MATCH (c)-[:REPORTED_TO]->(pg_at) WHERE c:Person AND any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:Street) }
     OR EXISTS { MATCH (c)-[:MEMBER_OF|SITS_ON]->(:PartyOrganization)-[:LEADS]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..8]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:Street) }
     OR EXISTS { MATCH (pg_s:Entity:Street {id: $scope}) WHERE c IN [(pg_s)-[:IN*1..8]->(pg_in) | pg_in] }
     OR EXISTS { MATCH (c)-[:CONTACTS|SERVES|CLAIMED|ATTENDED|PAIRED_WITH|EVALUATED|TOOK|FOR|REPORTED_TO]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:Street) }
     OR EXISTS { MATCH (c)-[:OF|OFFERED_BY]->(:Unit)-[:PAIRED_WITH]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..8]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:Street) }
     OR EXISTS { MATCH (c)<-[:BY|FIRST_RESPONSIBLE|ESCALATED_TO|MEMBER_OF]-(pg_at) WHERE (c:Unit OR c:Alliance) AND any(pg_up IN [(pg_at)-[:FOR|IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:Street) }) AND (EXISTS { MATCH (d) WHERE any(pg_up IN [(d)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:Street) }
     OR EXISTS { MATCH (d)-[:RESIDES_IN|LEADS]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:Street) }
     OR EXISTS { MATCH (d)-[:REPORTED_TO]->(pg_at) WHERE d:Person AND any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:Street) }
     OR EXISTS { MATCH (d)-[:MEMBER_OF|SITS_ON]->(:PartyOrganization)-[:LEADS]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..8]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:Street) }
     OR EXISTS { MATCH (pg_s:Entity:Street {id: $scope}) WHERE d IN [(pg_s)-[:IN*1..8]->(pg_in) | pg_in] }
     OR EXISTS { MATCH (d)-[:CONTACTS|SERVES|CLAIMED|ATTENDED|PAIRED_WITH|EVALUATED|TOOK|FOR|REPORTED_TO]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:Street) }
     OR EXISTS { MATCH (d)-[:OF|OFFERED_BY]->(:Unit)-[:PAIRED_WITH]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..8]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:Street) }
     OR EXISTS { MATCH (d)<-[:BY|FIRST_RESPONSIBLE|ESCALATED_TO|MEMBER_OF]-(pg_at) WHERE (d:Unit OR d:Alliance) AND any(pg_up IN [(pg_at)-[:FOR|IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:Street) })
OPTIONAL MATCH (r:Resource)-[:OFFERED_BY]->(u:Unit)
WHERE r.category = d.category AND (EXISTS { MATCH (u) WHERE any(pg_up IN [(u)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:Street) }
     OR EXISTS { MATCH (u)-[:RESIDES_IN|LEADS]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:Street) }
     OR EXISTS { MATCH (u)-[:REPORTED_TO]->(pg_at) WHERE u:Person AND any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:Street) }
     OR EXISTS { MATCH (u)-[:MEMBER_OF|SITS_ON]->(:PartyOrganization)-[:LEADS]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..8]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:Street) }
     OR EXISTS { MATCH (pg_s:Entity:Street {id: $scope}) WHERE u IN [(pg_s)-[:IN*1..8]->(pg_in) | pg_in] }
     OR EXISTS { MATCH (u)-[:CONTACTS|SERVES|CLAIMED|ATTENDED|PAIRED_WITH|EVALUATED|TOOK|FOR|REPORTED_TO]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:Street) }
     OR EXISTS { MATCH (u)-[:OF|OFFERED_BY]->(:Unit)-[:PAIRED_WITH]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..8]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:Street) }
     OR EXISTS { MATCH (u)<-[:BY|FIRST_RESPONSIBLE|ESCALATED_TO|MEMBER_OF]-(pg_at) WHERE (u:Unit OR u:Alliance) AND any(pg_up IN [(pg_at)-[:FOR|IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:Street) }) AND (EXISTS { MATCH (r) WHERE any(pg_up IN [(r)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:Street) }
     OR EXISTS { MATCH (r)-[:RESIDES_IN|LEADS]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:Street) }
     OR EXISTS { MATCH (r)-[:REPORTED_TO]->(pg_at) WHERE r:Person AND any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:Street) }
     OR EXISTS { MATCH (r)-[:MEMBER_OF|SITS_ON]->(:PartyOrganization)-[:LEADS]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..8]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:Street) }
     OR EXISTS { MATCH (pg_s:Entity:Street {id: $scope}) WHERE r IN [(pg_s)-[:IN*1..8]->(pg_in) | pg_in] }
     OR EXISTS { MATCH (r)-[:CONTACTS|SERVES|CLAIMED|ATTENDED|PAIRED_WITH|EVALUATED|TOOK|FOR|REPORTED_TO]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:Street) }
     OR EXISTS { MATCH (r)-[:OF|OFFERED_BY]->(:Unit)-[:PAIRED_WITH]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..8]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:Street) }
     OR EXISTS { MATCH (r)<-[:BY|FIRST_RESPONSIBLE|ESCALATED_TO|MEMBER_OF]-(pg_at) WHERE (r:Unit OR r:Alliance) AND any(pg_up IN [(pg_at)-[:FOR|IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:Street) })
WITH c, d, u, collect(CASE WHEN r:Project THEN r {.*, startDate: toString(r.startDate), endDate: toString(r.endDate)} WHEN r:Wish THEN r {.*, createdOn: toString(r.createdOn)} WHEN r:Demand THEN r {.*, createdOn: toString(r.createdOn)} WHEN r:Request THEN r {.*, raisedAt: toString(r.raisedAt), dueAt: toString(r.dueAt), closedAt: toString(r.closedAt), returnedAt: toString(r.returnedAt)} WHEN r:Activity THEN r {.*, date: toString(r.date)} ELSE CASE WHEN (EXISTS { MATCH (r) WHERE any(pg_up IN [(r)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:Street) }
     OR EXISTS { MATCH (r)-[:RESIDES_IN|LEADS]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:Street) }
     OR EXISTS { MATCH (r)-[:REPORTED_TO]->(pg_at) WHERE r:Person AND any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:Street) }
     OR EXISTS { MATCH (r)-[:MEMBER_OF|SITS_ON]->(:PartyOrganization)-[:LEADS]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..8]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:Street) }) THEN properties(r) ELSE r {.*, address: CASE WHEN NOT r:Person OR r.address IS NULL THEN r.address ELSE left(r.address, 6) + '****' END, birthDate: CASE WHEN r:Person THEN null ELSE r.birthDate END, idNumber: CASE WHEN NOT r:Person OR r.idNumber IS NULL THEN r.idNumber ELSE left(r.idNumber, 1) + '****' + right(r.idNumber, 1) END, phone: CASE WHEN NOT r:Person OR r.phone IS NULL THEN r.phone ELSE left(r.phone, 3) + '****' + right(r.phone, 4) END, personalDataMasked: r:Person} END END) AS resources
WITH c, d, u, resources, CASE WHEN u:Project THEN u {.*, startDate: toString(u.startDate), endDate: toString(u.endDate)} WHEN u:Wish THEN u {.*, createdOn: toString(u.createdOn)} WHEN u:Demand THEN u {.*, createdOn: toString(u.createdOn)} WHEN u:Request THEN u {.*, raisedAt: toString(u.raisedAt), dueAt: toString(u.dueAt), closedAt: toString(u.closedAt), returnedAt: toString(u.returnedAt)} WHEN u:Activity THEN u {.*, date: toString(u.date)} ELSE CASE WHEN (EXISTS { MATCH (u) WHERE any(pg_up IN [(u)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:Street) }
     OR EXISTS { MATCH (u)-[:RESIDES_IN|LEADS]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:Street) }
     OR EXISTS { MATCH (u)-[:REPORTED_TO]->(pg_at) WHERE u:Person AND any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:Street) }
     OR EXISTS { MATCH (u)-[:MEMBER_OF|SITS_ON]->(:PartyOrganization)-[:LEADS]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..8]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:Street) }) THEN properties(u) ELSE u {.*, address: CASE WHEN NOT u:Person OR u.address IS NULL THEN u.address ELSE left(u.address, 6) + '****' END, birthDate: CASE WHEN u:Person THEN null ELSE u.birthDate END, idNumber: CASE WHEN NOT u:Person OR u.idNumber IS NULL THEN u.idNumber ELSE left(u.idNumber, 1) + '****' + right(u.idNumber, 1) END, phone: CASE WHEN NOT u:Person OR u.phone IS NULL THEN u.phone ELSE left(u.phone, 3) + '****' + right(u.phone, 4) END, personalDataMasked: u:Person} END END AS offering
WITH d, collect(CASE WHEN u IS NULL THEN null ELSE {
       props: offering,
       paired: EXISTS { (u)-[:PAIRED_WITH]->(c) },
       resources: resources
     } END) AS units
RETURN d.id AS key, 'Demand' AS label, CASE WHEN d:Project THEN d {.*, startDate: toString(d.startDate), endDate: toString(d.endDate)} WHEN d:Wish THEN d {.*, createdOn: toString(d.createdOn)} WHEN d:Demand THEN d {.*, createdOn: toString(d.createdOn)} WHEN d:Request THEN d {.*, raisedAt: toString(d.raisedAt), dueAt: toString(d.dueAt), closedAt: toString(d.closedAt), returnedAt: toString(d.returnedAt)} WHEN d:Activity THEN d {.*, date: toString(d.date)} ELSE CASE WHEN (EXISTS { MATCH (d) WHERE any(pg_up IN [(d)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:Street) }
     OR EXISTS { MATCH (d)-[:RESIDES_IN|LEADS]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:Street) }
     OR EXISTS { MATCH (d)-[:REPORTED_TO]->(pg_at) WHERE d:Person AND any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:Street) }
     OR EXISTS { MATCH (d)-[:MEMBER_OF|SITS_ON]->(:PartyOrganization)-[:LEADS]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..8]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:Street) }) THEN properties(d) ELSE d {.*, address: CASE WHEN NOT d:Person OR d.address IS NULL THEN d.address ELSE left(d.address, 6) + '****' END, birthDate: CASE WHEN d:Person THEN null ELSE d.birthDate END, idNumber: CASE WHEN NOT d:Person OR d.idNumber IS NULL THEN d.idNumber ELSE left(d.idNumber, 1) + '****' + right(d.idNumber, 1) END, phone: CASE WHEN NOT d:Person OR d.phone IS NULL THEN d.phone ELSE left(d.phone, 3) + '****' + right(d.phone, 4) END, personalDataMasked: d:Person} END END AS props, units
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
