// coverage.cypher as the role district sends it (tests/test_golden_cypher.py)

// name: coverage_unreported_page
// Members of the area not reported to the community they reside in, keyset page on id.
MATCH (a:Entity {id: $id})
WHERE (EXISTS { MATCH (a) WHERE any(pg_up IN [(a)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (a)-[:RESIDES_IN|LEADS]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (a)-[:REPORTED_TO]->(pg_at) WHERE a:Person AND any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (a)-[:MEMBER_OF|SITS_ON]->(:PartyOrganization)-[:LEADS]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..8]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (pg_s:Entity:District {id: $scope}) WHERE a IN [(pg_s)-[:IN*1..8]->(pg_in) | pg_in] }
     OR EXISTS { MATCH (a)-[:CONTACTS|SERVES|CLAIMED|ATTENDED|PAIRED_WITH|EVALUATED|TOOK|FOR|REPORTED_TO]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (a)-[:OF|OFFERED_BY]->(:Unit)-[:PAIRED_WITH]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..8]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (a)<-[:BY|FIRST_RESPONSIBLE|ESCALATED_TO|MEMBER_OF]-(pg_at) WHERE (a:Unit OR a:Alliance) AND any(pg_up IN [(pg_at)-[:FOR|IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) })
MATCH (a)<-[:IN*0..2]-(c:Community)
WITH DISTINCT c
WHERE (EXISTS { MATCH (c) WHERE any(pg_up IN [(c)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (c)-[:RESIDES_IN|LEADS]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (c)-[:REPORTED_TO]->(pg_at) WHERE c:Person AND any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (c)-[:MEMBER_OF|SITS_ON]->(:PartyOrganization)-[:LEADS]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..8]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (pg_s:Entity:District {id: $scope}) WHERE c IN [(pg_s)-[:IN*1..8]->(pg_in) | pg_in] }
     OR EXISTS { MATCH (c)-[:CONTACTS|SERVES|CLAIMED|ATTENDED|PAIRED_WITH|EVALUATED|TOOK|FOR|REPORTED_TO]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (c)-[:OF|OFFERED_BY]->(:Unit)-[:PAIRED_WITH]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..8]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (c)<-[:BY|FIRST_RESPONSIBLE|ESCALATED_TO|MEMBER_OF]-(pg_at) WHERE (c:Unit OR c:Alliance) AND any(pg_up IN [(pg_at)-[:FOR|IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) })
MATCH (c)<-[:IN*0..8]-(place)
WHERE (place = c OR place:Grid) AND (EXISTS { MATCH (place) WHERE any(pg_up IN [(place)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (place)-[:RESIDES_IN|LEADS]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (place)-[:REPORTED_TO]->(pg_at) WHERE place:Person AND any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (place)-[:MEMBER_OF|SITS_ON]->(:PartyOrganization)-[:LEADS]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..8]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (pg_s:Entity:District {id: $scope}) WHERE place IN [(pg_s)-[:IN*1..8]->(pg_in) | pg_in] }
     OR EXISTS { MATCH (place)-[:CONTACTS|SERVES|CLAIMED|ATTENDED|PAIRED_WITH|EVALUATED|TOOK|FOR|REPORTED_TO]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (place)-[:OF|OFFERED_BY]->(:Unit)-[:PAIRED_WITH]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..8]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (place)<-[:BY|FIRST_RESPONSIBLE|ESCALATED_TO|MEMBER_OF]-(pg_at) WHERE (place:Unit OR place:Alliance) AND any(pg_up IN [(pg_at)-[:FOR|IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) })
MATCH (place)<-[:RESIDES_IN]-(p:Person)
WHERE (EXISTS { MATCH (p) WHERE any(pg_up IN [(p)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (p)-[:RESIDES_IN|LEADS]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (p)-[:REPORTED_TO]->(pg_at) WHERE p:Person AND any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (p)-[:MEMBER_OF|SITS_ON]->(:PartyOrganization)-[:LEADS]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..8]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (pg_s:Entity:District {id: $scope}) WHERE p IN [(pg_s)-[:IN*1..8]->(pg_in) | pg_in] }
     OR EXISTS { MATCH (p)-[:CONTACTS|SERVES|CLAIMED|ATTENDED|PAIRED_WITH|EVALUATED|TOOK|FOR|REPORTED_TO]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (p)-[:OF|OFFERED_BY]->(:Unit)-[:PAIRED_WITH]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..8]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (p)<-[:BY|FIRST_RESPONSIBLE|ESCALATED_TO|MEMBER_OF]-(pg_at) WHERE (p:Unit OR p:Alliance) AND any(pg_up IN [(pg_at)-[:FOR|IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }) AND EXISTS { (p)-[:MEMBER_OF]->(:PartyOrganization) }
  AND NOT EXISTS { (p)-[:REPORTED_TO]->(c) }
  AND ($after IS NULL OR p.id > $after)
  AND ($before IS NULL OR p.id < $before)
WITH DISTINCT p
RETURN p.id AS key, 'Person' AS label, CASE WHEN p:Project THEN p {.*, startDate: toString(p.startDate), endDate: toString(p.endDate)} WHEN p:Wish THEN p {.*, createdOn: toString(p.createdOn)} WHEN p:Demand THEN p {.*, createdOn: toString(p.createdOn)} WHEN p:Request THEN p {.*, raisedAt: toString(p.raisedAt), dueAt: toString(p.dueAt), closedAt: toString(p.closedAt), returnedAt: toString(p.returnedAt)} WHEN p:Activity THEN p {.*, date: toString(p.date)} ELSE CASE WHEN (EXISTS { MATCH (p) WHERE any(pg_up IN [(p)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (p)-[:RESIDES_IN|LEADS]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (p)-[:REPORTED_TO]->(pg_at) WHERE p:Person AND any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (p)-[:MEMBER_OF|SITS_ON]->(:PartyOrganization)-[:LEADS]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..8]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }) THEN properties(p) ELSE p {.*, address: CASE WHEN NOT p:Person OR p.address IS NULL THEN p.address ELSE left(p.address, 6) + '****' END, birthDate: CASE WHEN p:Person THEN null ELSE p.birthDate END, idNumber: CASE WHEN NOT p:Person OR p.idNumber IS NULL THEN p.idNumber ELSE left(p.idNumber, 1) + '****' + right(p.idNumber, 1) END, phone: CASE WHEN NOT p:Person OR p.phone IS NULL THEN p.phone ELSE left(p.phone, 3) + '****' + right(p.phone, 4) END, personalDataMasked: p:Person} END END AS props
ORDER BY p.id __ORDER__
LIMIT $limit

// name: coverage_unreported_count
MATCH (a:Entity {id: $id})
WHERE (EXISTS { MATCH (a) WHERE any(pg_up IN [(a)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (a)-[:RESIDES_IN|LEADS]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (a)-[:REPORTED_TO]->(pg_at) WHERE a:Person AND any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (a)-[:MEMBER_OF|SITS_ON]->(:PartyOrganization)-[:LEADS]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..8]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (pg_s:Entity:District {id: $scope}) WHERE a IN [(pg_s)-[:IN*1..8]->(pg_in) | pg_in] }
     OR EXISTS { MATCH (a)-[:CONTACTS|SERVES|CLAIMED|ATTENDED|PAIRED_WITH|EVALUATED|TOOK|FOR|REPORTED_TO]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (a)-[:OF|OFFERED_BY]->(:Unit)-[:PAIRED_WITH]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..8]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (a)<-[:BY|FIRST_RESPONSIBLE|ESCALATED_TO|MEMBER_OF]-(pg_at) WHERE (a:Unit OR a:Alliance) AND any(pg_up IN [(pg_at)-[:FOR|IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) })
MATCH (a)<-[:IN*0..2]-(c:Community)
WITH DISTINCT c
WHERE (EXISTS { MATCH (c) WHERE any(pg_up IN [(c)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (c)-[:RESIDES_IN|LEADS]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (c)-[:REPORTED_TO]->(pg_at) WHERE c:Person AND any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (c)-[:MEMBER_OF|SITS_ON]->(:PartyOrganization)-[:LEADS]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..8]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (pg_s:Entity:District {id: $scope}) WHERE c IN [(pg_s)-[:IN*1..8]->(pg_in) | pg_in] }
     OR EXISTS { MATCH (c)-[:CONTACTS|SERVES|CLAIMED|ATTENDED|PAIRED_WITH|EVALUATED|TOOK|FOR|REPORTED_TO]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (c)-[:OF|OFFERED_BY]->(:Unit)-[:PAIRED_WITH]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..8]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (c)<-[:BY|FIRST_RESPONSIBLE|ESCALATED_TO|MEMBER_OF]-(pg_at) WHERE (c:Unit OR c:Alliance) AND any(pg_up IN [(pg_at)-[:FOR|IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) })
MATCH (c)<-[:IN*0..8]-(place)
WHERE (place = c OR place:Grid) AND (EXISTS { MATCH (place) WHERE any(pg_up IN [(place)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (place)-[:RESIDES_IN|LEADS]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (place)-[:REPORTED_TO]->(pg_at) WHERE place:Person AND any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (place)-[:MEMBER_OF|SITS_ON]->(:PartyOrganization)-[:LEADS]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..8]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (pg_s:Entity:District {id: $scope}) WHERE place IN [(pg_s)-[:IN*1..8]->(pg_in) | pg_in] }
     OR EXISTS { MATCH (place)-[:CONTACTS|SERVES|CLAIMED|ATTENDED|PAIRED_WITH|EVALUATED|TOOK|FOR|REPORTED_TO]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (place)-[:OF|OFFERED_BY]->(:Unit)-[:PAIRED_WITH]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..8]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (place)<-[:BY|FIRST_RESPONSIBLE|ESCALATED_TO|MEMBER_OF]-(pg_at) WHERE (place:Unit OR place:Alliance) AND any(pg_up IN [(pg_at)-[:FOR|IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) })
MATCH (place)<-[:RESIDES_IN]-(p:Person)
WHERE (EXISTS { MATCH (p) WHERE any(pg_up IN [(p)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (p)-[:RESIDES_IN|LEADS]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (p)-[:REPORTED_TO]->(pg_at) WHERE p:Person AND any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (p)-[:MEMBER_OF|SITS_ON]->(:PartyOrganization)-[:LEADS]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..8]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (pg_s:Entity:District {id: $scope}) WHERE p IN [(pg_s)-[:IN*1..8]->(pg_in) | pg_in] }
     OR EXISTS { MATCH (p)-[:CONTACTS|SERVES|CLAIMED|ATTENDED|PAIRED_WITH|EVALUATED|TOOK|FOR|REPORTED_TO]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (p)-[:OF|OFFERED_BY]->(:Unit)-[:PAIRED_WITH]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..8]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (p)<-[:BY|FIRST_RESPONSIBLE|ESCALATED_TO|MEMBER_OF]-(pg_at) WHERE (p:Unit OR p:Alliance) AND any(pg_up IN [(pg_at)-[:FOR|IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }) AND EXISTS { (p)-[:MEMBER_OF]->(:PartyOrganization) }
  AND NOT EXISTS { (p)-[:REPORTED_TO]->(c) }
RETURN count(DISTINCT p) AS total

// name: coverage_reporting_summary
// Per community of the area: members residing there, and how many of them reported to it.
MATCH (a:Entity {id: $id})
WHERE (EXISTS { MATCH (a) WHERE any(pg_up IN [(a)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (a)-[:RESIDES_IN|LEADS]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (a)-[:REPORTED_TO]->(pg_at) WHERE a:Person AND any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (a)-[:MEMBER_OF|SITS_ON]->(:PartyOrganization)-[:LEADS]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..8]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (pg_s:Entity:District {id: $scope}) WHERE a IN [(pg_s)-[:IN*1..8]->(pg_in) | pg_in] }
     OR EXISTS { MATCH (a)-[:CONTACTS|SERVES|CLAIMED|ATTENDED|PAIRED_WITH|EVALUATED|TOOK|FOR|REPORTED_TO]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (a)-[:OF|OFFERED_BY]->(:Unit)-[:PAIRED_WITH]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..8]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (a)<-[:BY|FIRST_RESPONSIBLE|ESCALATED_TO|MEMBER_OF]-(pg_at) WHERE (a:Unit OR a:Alliance) AND any(pg_up IN [(pg_at)-[:FOR|IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) })
MATCH (a)<-[:IN*0..2]-(c:Community)
WITH DISTINCT c
WHERE (EXISTS { MATCH (c) WHERE any(pg_up IN [(c)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (c)-[:RESIDES_IN|LEADS]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (c)-[:REPORTED_TO]->(pg_at) WHERE c:Person AND any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (c)-[:MEMBER_OF|SITS_ON]->(:PartyOrganization)-[:LEADS]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..8]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (pg_s:Entity:District {id: $scope}) WHERE c IN [(pg_s)-[:IN*1..8]->(pg_in) | pg_in] }
     OR EXISTS { MATCH (c)-[:CONTACTS|SERVES|CLAIMED|ATTENDED|PAIRED_WITH|EVALUATED|TOOK|FOR|REPORTED_TO]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (c)-[:OF|OFFERED_BY]->(:Unit)-[:PAIRED_WITH]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..8]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (c)<-[:BY|FIRST_RESPONSIBLE|ESCALATED_TO|MEMBER_OF]-(pg_at) WHERE (c:Unit OR c:Alliance) AND any(pg_up IN [(pg_at)-[:FOR|IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) })
OPTIONAL MATCH (c)<-[:IN*0..8]-(place)<-[:RESIDES_IN]-(p:Person)
WHERE (place = c OR place:Grid) AND (EXISTS { MATCH (place) WHERE any(pg_up IN [(place)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (place)-[:RESIDES_IN|LEADS]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (place)-[:REPORTED_TO]->(pg_at) WHERE place:Person AND any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (place)-[:MEMBER_OF|SITS_ON]->(:PartyOrganization)-[:LEADS]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..8]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (pg_s:Entity:District {id: $scope}) WHERE place IN [(pg_s)-[:IN*1..8]->(pg_in) | pg_in] }
     OR EXISTS { MATCH (place)-[:CONTACTS|SERVES|CLAIMED|ATTENDED|PAIRED_WITH|EVALUATED|TOOK|FOR|REPORTED_TO]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (place)-[:OF|OFFERED_BY]->(:Unit)-[:PAIRED_WITH]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..8]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (place)<-[:BY|FIRST_RESPONSIBLE|ESCALATED_TO|MEMBER_OF]-(pg_at) WHERE (place:Unit OR place:Alliance) AND any(pg_up IN [(pg_at)-[:FOR|IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }) AND (EXISTS { MATCH (p) WHERE any(pg_up IN [(p)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (p)-[:RESIDES_IN|LEADS]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (p)-[:REPORTED_TO]->(pg_at) WHERE p:Person AND any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (p)-[:MEMBER_OF|SITS_ON]->(:PartyOrganization)-[:LEADS]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..8]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (pg_s:Entity:District {id: $scope}) WHERE p IN [(pg_s)-[:IN*1..8]->(pg_in) | pg_in] }
     OR EXISTS { MATCH (p)-[:CONTACTS|SERVES|CLAIMED|ATTENDED|PAIRED_WITH|EVALUATED|TOOK|FOR|REPORTED_TO]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (p)-[:OF|OFFERED_BY]->(:Unit)-[:PAIRED_WITH]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..8]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (p)<-[:BY|FIRST_RESPONSIBLE|ESCALATED_TO|MEMBER_OF]-(pg_at) WHERE (p:Unit OR p:Alliance) AND any(pg_up IN [(pg_at)-[:FOR|IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) })
  AND EXISTS { (p)-[:MEMBER_OF]->(:PartyOrganization) }
WITH c, collect(DISTINCT p) AS members
RETURN c.id AS key, 'Community' AS label, CASE WHEN c:Project THEN c {.*, startDate: toString(c.startDate), endDate: toString(c.endDate)} WHEN c:Wish THEN c {.*, createdOn: toString(c.createdOn)} WHEN c:Demand THEN c {.*, createdOn: toString(c.createdOn)} WHEN c:Request THEN c {.*, raisedAt: toString(c.raisedAt), dueAt: toString(c.dueAt), closedAt: toString(c.closedAt), returnedAt: toString(c.returnedAt)} WHEN c:Activity THEN c {.*, date: toString(c.date)} ELSE CASE WHEN (EXISTS { MATCH (c) WHERE any(pg_up IN [(c)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (c)-[:RESIDES_IN|LEADS]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (c)-[:REPORTED_TO]->(pg_at) WHERE c:Person AND any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (c)-[:MEMBER_OF|SITS_ON]->(:PartyOrganization)-[:LEADS]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..8]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }) THEN properties(c) ELSE c {.*, address: CASE WHEN NOT c:Person OR c.address IS NULL THEN c.address ELSE left(c.address, 6) + '****' END, birthDate: CASE WHEN c:Person THEN null ELSE c.birthDate END, idNumber: CASE WHEN NOT c:Person OR c.idNumber IS NULL THEN c.idNumber ELSE left(c.idNumber, 1) + '****' + right(c.idNumber, 1) END, phone: CASE WHEN NOT c:Person OR c.phone IS NULL THEN c.phone ELSE left(c.phone, 3) + '****' + right(c.phone, 4) END, personalDataMasked: c:Person} END END AS props,
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
WHERE (EXISTS { MATCH (u) WHERE any(pg_up IN [(u)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (u)-[:RESIDES_IN|LEADS]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (u)-[:REPORTED_TO]->(pg_at) WHERE u:Person AND any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (u)-[:MEMBER_OF|SITS_ON]->(:PartyOrganization)-[:LEADS]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..8]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (pg_s:Entity:District {id: $scope}) WHERE u IN [(pg_s)-[:IN*1..8]->(pg_in) | pg_in] }
     OR EXISTS { MATCH (u)-[:CONTACTS|SERVES|CLAIMED|ATTENDED|PAIRED_WITH|EVALUATED|TOOK|FOR|REPORTED_TO]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (u)-[:OF|OFFERED_BY]->(:Unit)-[:PAIRED_WITH]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..8]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (u)<-[:BY|FIRST_RESPONSIBLE|ESCALATED_TO|MEMBER_OF]-(pg_at) WHERE (u:Unit OR u:Alliance) AND any(pg_up IN [(pg_at)-[:FOR|IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) })
MATCH (p:Person)-[:WORKS_AT]->(u)
WHERE (EXISTS { MATCH (p) WHERE any(pg_up IN [(p)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (p)-[:RESIDES_IN|LEADS]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (p)-[:REPORTED_TO]->(pg_at) WHERE p:Person AND any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (p)-[:MEMBER_OF|SITS_ON]->(:PartyOrganization)-[:LEADS]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..8]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (pg_s:Entity:District {id: $scope}) WHERE p IN [(pg_s)-[:IN*1..8]->(pg_in) | pg_in] }
     OR EXISTS { MATCH (p)-[:CONTACTS|SERVES|CLAIMED|ATTENDED|PAIRED_WITH|EVALUATED|TOOK|FOR|REPORTED_TO]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (p)-[:OF|OFFERED_BY]->(:Unit)-[:PAIRED_WITH]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..8]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (p)<-[:BY|FIRST_RESPONSIBLE|ESCALATED_TO|MEMBER_OF]-(pg_at) WHERE (p:Unit OR p:Alliance) AND any(pg_up IN [(pg_at)-[:FOR|IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }) AND EXISTS { (p)-[:MEMBER_OF]->(:PartyOrganization) }
WITH DISTINCT p
OPTIONAL MATCH (p)-[:RESIDES_IN]->(place)-[:IN*0..8]->(home:Community)
WHERE (EXISTS { MATCH (home) WHERE any(pg_up IN [(home)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (home)-[:RESIDES_IN|LEADS]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (home)-[:REPORTED_TO]->(pg_at) WHERE home:Person AND any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (home)-[:MEMBER_OF|SITS_ON]->(:PartyOrganization)-[:LEADS]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..8]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (pg_s:Entity:District {id: $scope}) WHERE home IN [(pg_s)-[:IN*1..8]->(pg_in) | pg_in] }
     OR EXISTS { MATCH (home)-[:CONTACTS|SERVES|CLAIMED|ATTENDED|PAIRED_WITH|EVALUATED|TOOK|FOR|REPORTED_TO]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (home)-[:OF|OFFERED_BY]->(:Unit)-[:PAIRED_WITH]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..8]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (home)<-[:BY|FIRST_RESPONSIBLE|ESCALATED_TO|MEMBER_OF]-(pg_at) WHERE (home:Unit OR home:Alliance) AND any(pg_up IN [(pg_at)-[:FOR|IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) })
WITH p, home
ORDER BY home.id
WITH p, collect(DISTINCT home) AS homes
WITH p, homes[0] AS home
// A comprehension, not OPTIONAL MATCH: the development engine matches a null `home` as unbound.
WITH p, home, [(p)-[rep:REPORTED_TO]->(c:Community)
               WHERE c.id = home.id AND (rep.on IS NULL OR rep.on <= $end) | rep.on] AS reports
RETURN p.id AS key, 'Person' AS label, CASE WHEN p:Project THEN p {.*, startDate: toString(p.startDate), endDate: toString(p.endDate)} WHEN p:Wish THEN p {.*, createdOn: toString(p.createdOn)} WHEN p:Demand THEN p {.*, createdOn: toString(p.createdOn)} WHEN p:Request THEN p {.*, raisedAt: toString(p.raisedAt), dueAt: toString(p.dueAt), closedAt: toString(p.closedAt), returnedAt: toString(p.returnedAt)} WHEN p:Activity THEN p {.*, date: toString(p.date)} ELSE CASE WHEN (EXISTS { MATCH (p) WHERE any(pg_up IN [(p)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (p)-[:RESIDES_IN|LEADS]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (p)-[:REPORTED_TO]->(pg_at) WHERE p:Person AND any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (p)-[:MEMBER_OF|SITS_ON]->(:PartyOrganization)-[:LEADS]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..8]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }) THEN properties(p) ELSE p {.*, address: CASE WHEN NOT p:Person OR p.address IS NULL THEN p.address ELSE left(p.address, 6) + '****' END, birthDate: CASE WHEN p:Person THEN null ELSE p.birthDate END, idNumber: CASE WHEN NOT p:Person OR p.idNumber IS NULL THEN p.idNumber ELSE left(p.idNumber, 1) + '****' + right(p.idNumber, 1) END, phone: CASE WHEN NOT p:Person OR p.phone IS NULL THEN p.phone ELSE left(p.phone, 3) + '****' + right(p.phone, 4) END, personalDataMasked: p:Person} END END AS props,
       CASE WHEN home IS NULL THEN null ELSE CASE WHEN home:Project THEN home {.*, startDate: toString(home.startDate), endDate: toString(home.endDate)} WHEN home:Wish THEN home {.*, createdOn: toString(home.createdOn)} WHEN home:Demand THEN home {.*, createdOn: toString(home.createdOn)} WHEN home:Request THEN home {.*, raisedAt: toString(home.raisedAt), dueAt: toString(home.dueAt), closedAt: toString(home.closedAt), returnedAt: toString(home.returnedAt)} WHEN home:Activity THEN home {.*, date: toString(home.date)} ELSE CASE WHEN (EXISTS { MATCH (home) WHERE any(pg_up IN [(home)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (home)-[:RESIDES_IN|LEADS]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (home)-[:REPORTED_TO]->(pg_at) WHERE home:Person AND any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (home)-[:MEMBER_OF|SITS_ON]->(:PartyOrganization)-[:LEADS]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..8]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }) THEN properties(home) ELSE home {.*, address: CASE WHEN NOT home:Person OR home.address IS NULL THEN home.address ELSE left(home.address, 6) + '****' END, birthDate: CASE WHEN home:Person THEN null ELSE home.birthDate END, idNumber: CASE WHEN NOT home:Person OR home.idNumber IS NULL THEN home.idNumber ELSE left(home.idNumber, 1) + '****' + right(home.idNumber, 1) END, phone: CASE WHEN NOT home:Person OR home.phone IS NULL THEN home.phone ELSE left(home.phone, 3) + '****' + right(home.phone, 4) END, personalDataMasked: home:Person} END END END AS home,
       size(reports) > 0 AS reported,
       head(reports) AS reportedOn,
       reduce(total = 0.0, hours IN [(p)-[at:ATTENDED]->(act:Activity)
                                     WHERE act.date >= $start AND act.date <= $end
                                     | coalesce(head([h IN [at.hours, act.hours]
                                                      WHERE abs(h) <= 1.7976931348623157e308]),
                                                 0.0)] | total + hours)
         AS serviceHours,
       [(p)-[cl:CLAIMED]->(w:Wish) WHERE cl.on >= $start AND cl.on <= $end AND (EXISTS { MATCH (w) WHERE any(pg_up IN [(w)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (w)-[:RESIDES_IN|LEADS]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (w)-[:REPORTED_TO]->(pg_at) WHERE w:Person AND any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (w)-[:MEMBER_OF|SITS_ON]->(:PartyOrganization)-[:LEADS]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..8]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (pg_s:Entity:District {id: $scope}) WHERE w IN [(pg_s)-[:IN*1..8]->(pg_in) | pg_in] }
     OR EXISTS { MATCH (w)-[:CONTACTS|SERVES|CLAIMED|ATTENDED|PAIRED_WITH|EVALUATED|TOOK|FOR|REPORTED_TO]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (w)-[:OF|OFFERED_BY]->(:Unit)-[:PAIRED_WITH]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..8]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (w)<-[:BY|FIRST_RESPONSIBLE|ESCALATED_TO|MEMBER_OF]-(pg_at) WHERE (w:Unit OR w:Alliance) AND any(pg_up IN [(pg_at)-[:FOR|IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) })
        | CASE WHEN w:Project THEN w {.*, startDate: toString(w.startDate), endDate: toString(w.endDate)} WHEN w:Wish THEN w {.*, createdOn: toString(w.createdOn)} WHEN w:Demand THEN w {.*, createdOn: toString(w.createdOn)} WHEN w:Request THEN w {.*, raisedAt: toString(w.raisedAt), dueAt: toString(w.dueAt), closedAt: toString(w.closedAt), returnedAt: toString(w.returnedAt)} WHEN w:Activity THEN w {.*, date: toString(w.date)} ELSE CASE WHEN (EXISTS { MATCH (w) WHERE any(pg_up IN [(w)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (w)-[:RESIDES_IN|LEADS]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (w)-[:REPORTED_TO]->(pg_at) WHERE w:Person AND any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (w)-[:MEMBER_OF|SITS_ON]->(:PartyOrganization)-[:LEADS]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..8]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }) THEN properties(w) ELSE w {.*, address: CASE WHEN NOT w:Person OR w.address IS NULL THEN w.address ELSE left(w.address, 6) + '****' END, birthDate: CASE WHEN w:Person THEN null ELSE w.birthDate END, idNumber: CASE WHEN NOT w:Person OR w.idNumber IS NULL THEN w.idNumber ELSE left(w.idNumber, 1) + '****' + right(w.idNumber, 1) END, phone: CASE WHEN NOT w:Person OR w.phone IS NULL THEN w.phone ELSE left(w.phone, 3) + '****' + right(w.phone, 4) END, personalDataMasked: w:Person} END END] AS claimed,
       [(p)-[cl:CLAIMED]->(w:Wish) WHERE cl.fulfilledOn >= $start AND cl.fulfilledOn <= $end
          AND (EXISTS { MATCH (w) WHERE any(pg_up IN [(w)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (w)-[:RESIDES_IN|LEADS]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (w)-[:REPORTED_TO]->(pg_at) WHERE w:Person AND any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (w)-[:MEMBER_OF|SITS_ON]->(:PartyOrganization)-[:LEADS]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..8]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (pg_s:Entity:District {id: $scope}) WHERE w IN [(pg_s)-[:IN*1..8]->(pg_in) | pg_in] }
     OR EXISTS { MATCH (w)-[:CONTACTS|SERVES|CLAIMED|ATTENDED|PAIRED_WITH|EVALUATED|TOOK|FOR|REPORTED_TO]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (w)-[:OF|OFFERED_BY]->(:Unit)-[:PAIRED_WITH]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..8]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (w)<-[:BY|FIRST_RESPONSIBLE|ESCALATED_TO|MEMBER_OF]-(pg_at) WHERE (w:Unit OR w:Alliance) AND any(pg_up IN [(pg_at)-[:FOR|IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }) | CASE WHEN w:Project THEN w {.*, startDate: toString(w.startDate), endDate: toString(w.endDate)} WHEN w:Wish THEN w {.*, createdOn: toString(w.createdOn)} WHEN w:Demand THEN w {.*, createdOn: toString(w.createdOn)} WHEN w:Request THEN w {.*, raisedAt: toString(w.raisedAt), dueAt: toString(w.dueAt), closedAt: toString(w.closedAt), returnedAt: toString(w.returnedAt)} WHEN w:Activity THEN w {.*, date: toString(w.date)} ELSE CASE WHEN (EXISTS { MATCH (w) WHERE any(pg_up IN [(w)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (w)-[:RESIDES_IN|LEADS]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (w)-[:REPORTED_TO]->(pg_at) WHERE w:Person AND any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (w)-[:MEMBER_OF|SITS_ON]->(:PartyOrganization)-[:LEADS]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..8]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }) THEN properties(w) ELSE w {.*, address: CASE WHEN NOT w:Person OR w.address IS NULL THEN w.address ELSE left(w.address, 6) + '****' END, birthDate: CASE WHEN w:Person THEN null ELSE w.birthDate END, idNumber: CASE WHEN NOT w:Person OR w.idNumber IS NULL THEN w.idNumber ELSE left(w.idNumber, 1) + '****' + right(w.idNumber, 1) END, phone: CASE WHEN NOT w:Person OR w.phone IS NULL THEN w.phone ELSE left(w.phone, 3) + '****' + right(w.phone, 4) END, personalDataMasked: w:Person} END END] AS fulfilled
ORDER BY p.id

// name: coverage_communities_without_contact
// Communities of the area that no person contacts (包联) directly.
MATCH (a:Entity {id: $id})
WHERE (EXISTS { MATCH (a) WHERE any(pg_up IN [(a)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (a)-[:RESIDES_IN|LEADS]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (a)-[:REPORTED_TO]->(pg_at) WHERE a:Person AND any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (a)-[:MEMBER_OF|SITS_ON]->(:PartyOrganization)-[:LEADS]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..8]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (pg_s:Entity:District {id: $scope}) WHERE a IN [(pg_s)-[:IN*1..8]->(pg_in) | pg_in] }
     OR EXISTS { MATCH (a)-[:CONTACTS|SERVES|CLAIMED|ATTENDED|PAIRED_WITH|EVALUATED|TOOK|FOR|REPORTED_TO]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (a)-[:OF|OFFERED_BY]->(:Unit)-[:PAIRED_WITH]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..8]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (a)<-[:BY|FIRST_RESPONSIBLE|ESCALATED_TO|MEMBER_OF]-(pg_at) WHERE (a:Unit OR a:Alliance) AND any(pg_up IN [(pg_at)-[:FOR|IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) })
MATCH (a)<-[:IN*0..2]-(c:Community)
WITH DISTINCT c
WHERE (EXISTS { MATCH (c) WHERE any(pg_up IN [(c)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (c)-[:RESIDES_IN|LEADS]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (c)-[:REPORTED_TO]->(pg_at) WHERE c:Person AND any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (c)-[:MEMBER_OF|SITS_ON]->(:PartyOrganization)-[:LEADS]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..8]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (pg_s:Entity:District {id: $scope}) WHERE c IN [(pg_s)-[:IN*1..8]->(pg_in) | pg_in] }
     OR EXISTS { MATCH (c)-[:CONTACTS|SERVES|CLAIMED|ATTENDED|PAIRED_WITH|EVALUATED|TOOK|FOR|REPORTED_TO]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (c)-[:OF|OFFERED_BY]->(:Unit)-[:PAIRED_WITH]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..8]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (c)<-[:BY|FIRST_RESPONSIBLE|ESCALATED_TO|MEMBER_OF]-(pg_at) WHERE (c:Unit OR c:Alliance) AND any(pg_up IN [(pg_at)-[:FOR|IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }) AND NOT EXISTS { (:Person)-[:CONTACTS]->(c) }
RETURN c.id AS key, 'Community' AS label, CASE WHEN c:Project THEN c {.*, startDate: toString(c.startDate), endDate: toString(c.endDate)} WHEN c:Wish THEN c {.*, createdOn: toString(c.createdOn)} WHEN c:Demand THEN c {.*, createdOn: toString(c.createdOn)} WHEN c:Request THEN c {.*, raisedAt: toString(c.raisedAt), dueAt: toString(c.dueAt), closedAt: toString(c.closedAt), returnedAt: toString(c.returnedAt)} WHEN c:Activity THEN c {.*, date: toString(c.date)} ELSE CASE WHEN (EXISTS { MATCH (c) WHERE any(pg_up IN [(c)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (c)-[:RESIDES_IN|LEADS]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (c)-[:REPORTED_TO]->(pg_at) WHERE c:Person AND any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (c)-[:MEMBER_OF|SITS_ON]->(:PartyOrganization)-[:LEADS]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..8]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }) THEN properties(c) ELSE c {.*, address: CASE WHEN NOT c:Person OR c.address IS NULL THEN c.address ELSE left(c.address, 6) + '****' END, birthDate: CASE WHEN c:Person THEN null ELSE c.birthDate END, idNumber: CASE WHEN NOT c:Person OR c.idNumber IS NULL THEN c.idNumber ELSE left(c.idNumber, 1) + '****' + right(c.idNumber, 1) END, phone: CASE WHEN NOT c:Person OR c.phone IS NULL THEN c.phone ELSE left(c.phone, 3) + '****' + right(c.phone, 4) END, personalDataMasked: c:Person} END END AS props
ORDER BY c.id

// name: coverage_communities_without_paired_unit
// Communities of the area that no unit is paired with (结对共建) directly.
MATCH (a:Entity {id: $id})
WHERE (EXISTS { MATCH (a) WHERE any(pg_up IN [(a)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (a)-[:RESIDES_IN|LEADS]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (a)-[:REPORTED_TO]->(pg_at) WHERE a:Person AND any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (a)-[:MEMBER_OF|SITS_ON]->(:PartyOrganization)-[:LEADS]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..8]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (pg_s:Entity:District {id: $scope}) WHERE a IN [(pg_s)-[:IN*1..8]->(pg_in) | pg_in] }
     OR EXISTS { MATCH (a)-[:CONTACTS|SERVES|CLAIMED|ATTENDED|PAIRED_WITH|EVALUATED|TOOK|FOR|REPORTED_TO]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (a)-[:OF|OFFERED_BY]->(:Unit)-[:PAIRED_WITH]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..8]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (a)<-[:BY|FIRST_RESPONSIBLE|ESCALATED_TO|MEMBER_OF]-(pg_at) WHERE (a:Unit OR a:Alliance) AND any(pg_up IN [(pg_at)-[:FOR|IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) })
MATCH (a)<-[:IN*0..2]-(c:Community)
WITH DISTINCT c
WHERE (EXISTS { MATCH (c) WHERE any(pg_up IN [(c)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (c)-[:RESIDES_IN|LEADS]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (c)-[:REPORTED_TO]->(pg_at) WHERE c:Person AND any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (c)-[:MEMBER_OF|SITS_ON]->(:PartyOrganization)-[:LEADS]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..8]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (pg_s:Entity:District {id: $scope}) WHERE c IN [(pg_s)-[:IN*1..8]->(pg_in) | pg_in] }
     OR EXISTS { MATCH (c)-[:CONTACTS|SERVES|CLAIMED|ATTENDED|PAIRED_WITH|EVALUATED|TOOK|FOR|REPORTED_TO]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (c)-[:OF|OFFERED_BY]->(:Unit)-[:PAIRED_WITH]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..8]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (c)<-[:BY|FIRST_RESPONSIBLE|ESCALATED_TO|MEMBER_OF]-(pg_at) WHERE (c:Unit OR c:Alliance) AND any(pg_up IN [(pg_at)-[:FOR|IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }) AND NOT EXISTS { (:Unit)-[:PAIRED_WITH]->(c) }
RETURN c.id AS key, 'Community' AS label, CASE WHEN c:Project THEN c {.*, startDate: toString(c.startDate), endDate: toString(c.endDate)} WHEN c:Wish THEN c {.*, createdOn: toString(c.createdOn)} WHEN c:Demand THEN c {.*, createdOn: toString(c.createdOn)} WHEN c:Request THEN c {.*, raisedAt: toString(c.raisedAt), dueAt: toString(c.dueAt), closedAt: toString(c.closedAt), returnedAt: toString(c.returnedAt)} WHEN c:Activity THEN c {.*, date: toString(c.date)} ELSE CASE WHEN (EXISTS { MATCH (c) WHERE any(pg_up IN [(c)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (c)-[:RESIDES_IN|LEADS]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (c)-[:REPORTED_TO]->(pg_at) WHERE c:Person AND any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (c)-[:MEMBER_OF|SITS_ON]->(:PartyOrganization)-[:LEADS]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..8]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }) THEN properties(c) ELSE c {.*, address: CASE WHEN NOT c:Person OR c.address IS NULL THEN c.address ELSE left(c.address, 6) + '****' END, birthDate: CASE WHEN c:Person THEN null ELSE c.birthDate END, idNumber: CASE WHEN NOT c:Person OR c.idNumber IS NULL THEN c.idNumber ELSE left(c.idNumber, 1) + '****' + right(c.idNumber, 1) END, phone: CASE WHEN NOT c:Person OR c.phone IS NULL THEN c.phone ELSE left(c.phone, 3) + '****' + right(c.phone, 4) END, personalDataMasked: c:Person} END END AS props
ORDER BY c.id

// name: coverage_grids_without_branch
// Grids of the given levels that no party organisation leads.
MATCH (a:Entity {id: $id})
WHERE (EXISTS { MATCH (a) WHERE any(pg_up IN [(a)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (a)-[:RESIDES_IN|LEADS]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (a)-[:REPORTED_TO]->(pg_at) WHERE a:Person AND any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (a)-[:MEMBER_OF|SITS_ON]->(:PartyOrganization)-[:LEADS]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..8]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (pg_s:Entity:District {id: $scope}) WHERE a IN [(pg_s)-[:IN*1..8]->(pg_in) | pg_in] }
     OR EXISTS { MATCH (a)-[:CONTACTS|SERVES|CLAIMED|ATTENDED|PAIRED_WITH|EVALUATED|TOOK|FOR|REPORTED_TO]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (a)-[:OF|OFFERED_BY]->(:Unit)-[:PAIRED_WITH]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..8]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (a)<-[:BY|FIRST_RESPONSIBLE|ESCALATED_TO|MEMBER_OF]-(pg_at) WHERE (a:Unit OR a:Alliance) AND any(pg_up IN [(pg_at)-[:FOR|IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) })
MATCH (a)<-[:IN*0..2]-(c:Community)
MATCH (c)<-[:IN*1..8]-(g:Grid)
WHERE g.level IN $levels
WITH DISTINCT g
WHERE (EXISTS { MATCH (g) WHERE any(pg_up IN [(g)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (g)-[:RESIDES_IN|LEADS]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (g)-[:REPORTED_TO]->(pg_at) WHERE g:Person AND any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (g)-[:MEMBER_OF|SITS_ON]->(:PartyOrganization)-[:LEADS]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..8]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (pg_s:Entity:District {id: $scope}) WHERE g IN [(pg_s)-[:IN*1..8]->(pg_in) | pg_in] }
     OR EXISTS { MATCH (g)-[:CONTACTS|SERVES|CLAIMED|ATTENDED|PAIRED_WITH|EVALUATED|TOOK|FOR|REPORTED_TO]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (g)-[:OF|OFFERED_BY]->(:Unit)-[:PAIRED_WITH]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..8]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (g)<-[:BY|FIRST_RESPONSIBLE|ESCALATED_TO|MEMBER_OF]-(pg_at) WHERE (g:Unit OR g:Alliance) AND any(pg_up IN [(pg_at)-[:FOR|IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }) AND NOT EXISTS { (:PartyOrganization)-[:LEADS]->(g) }
RETURN g.id AS key, 'Grid' AS label, CASE WHEN g:Project THEN g {.*, startDate: toString(g.startDate), endDate: toString(g.endDate)} WHEN g:Wish THEN g {.*, createdOn: toString(g.createdOn)} WHEN g:Demand THEN g {.*, createdOn: toString(g.createdOn)} WHEN g:Request THEN g {.*, raisedAt: toString(g.raisedAt), dueAt: toString(g.dueAt), closedAt: toString(g.closedAt), returnedAt: toString(g.returnedAt)} WHEN g:Activity THEN g {.*, date: toString(g.date)} ELSE CASE WHEN (EXISTS { MATCH (g) WHERE any(pg_up IN [(g)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (g)-[:RESIDES_IN|LEADS]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (g)-[:REPORTED_TO]->(pg_at) WHERE g:Person AND any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (g)-[:MEMBER_OF|SITS_ON]->(:PartyOrganization)-[:LEADS]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..8]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }) THEN properties(g) ELSE g {.*, address: CASE WHEN NOT g:Person OR g.address IS NULL THEN g.address ELSE left(g.address, 6) + '****' END, birthDate: CASE WHEN g:Person THEN null ELSE g.birthDate END, idNumber: CASE WHEN NOT g:Person OR g.idNumber IS NULL THEN g.idNumber ELSE left(g.idNumber, 1) + '****' + right(g.idNumber, 1) END, phone: CASE WHEN NOT g:Person OR g.phone IS NULL THEN g.phone ELSE left(g.phone, 3) + '****' + right(g.phone, 4) END, personalDataMasked: g:Person} END END AS props
ORDER BY g.id

// name: coverage_grids_understaffed
// Community grids below the standard. Cadres: cadre=true residents of the grid or a grid
// within it, and persons serving it or a grid within it as CADRE; volunteers: persons serving
// it or a grid within it as VOLUNTEER. Each person counts once. Every walk starts from the
// bound grid: started from the persons, the development engine scans them all per grid.
MATCH (a:Entity {id: $id})<-[:IN*0..2]-(c:Community)
WHERE (EXISTS { MATCH (a) WHERE any(pg_up IN [(a)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (a)-[:RESIDES_IN|LEADS]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (a)-[:REPORTED_TO]->(pg_at) WHERE a:Person AND any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (a)-[:MEMBER_OF|SITS_ON]->(:PartyOrganization)-[:LEADS]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..8]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (pg_s:Entity:District {id: $scope}) WHERE a IN [(pg_s)-[:IN*1..8]->(pg_in) | pg_in] }
     OR EXISTS { MATCH (a)-[:CONTACTS|SERVES|CLAIMED|ATTENDED|PAIRED_WITH|EVALUATED|TOOK|FOR|REPORTED_TO]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (a)-[:OF|OFFERED_BY]->(:Unit)-[:PAIRED_WITH]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..8]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (a)<-[:BY|FIRST_RESPONSIBLE|ESCALATED_TO|MEMBER_OF]-(pg_at) WHERE (a:Unit OR a:Alliance) AND any(pg_up IN [(pg_at)-[:FOR|IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) })
MATCH (c)<-[:IN*1..8]-(g:Grid)
WHERE g.level = 'COMMUNITY' AND (EXISTS { MATCH (g) WHERE any(pg_up IN [(g)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (g)-[:RESIDES_IN|LEADS]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (g)-[:REPORTED_TO]->(pg_at) WHERE g:Person AND any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (g)-[:MEMBER_OF|SITS_ON]->(:PartyOrganization)-[:LEADS]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..8]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (pg_s:Entity:District {id: $scope}) WHERE g IN [(pg_s)-[:IN*1..8]->(pg_in) | pg_in] }
     OR EXISTS { MATCH (g)-[:CONTACTS|SERVES|CLAIMED|ATTENDED|PAIRED_WITH|EVALUATED|TOOK|FOR|REPORTED_TO]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (g)-[:OF|OFFERED_BY]->(:Unit)-[:PAIRED_WITH]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..8]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (g)<-[:BY|FIRST_RESPONSIBLE|ESCALATED_TO|MEMBER_OF]-(pg_at) WHERE (g:Unit OR g:Alliance) AND any(pg_up IN [(pg_at)-[:FOR|IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) })
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
RETURN g.id AS key, 'Grid' AS label, CASE WHEN g:Project THEN g {.*, startDate: toString(g.startDate), endDate: toString(g.endDate)} WHEN g:Wish THEN g {.*, createdOn: toString(g.createdOn)} WHEN g:Demand THEN g {.*, createdOn: toString(g.createdOn)} WHEN g:Request THEN g {.*, raisedAt: toString(g.raisedAt), dueAt: toString(g.dueAt), closedAt: toString(g.closedAt), returnedAt: toString(g.returnedAt)} WHEN g:Activity THEN g {.*, date: toString(g.date)} ELSE CASE WHEN (EXISTS { MATCH (g) WHERE any(pg_up IN [(g)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (g)-[:RESIDES_IN|LEADS]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (g)-[:REPORTED_TO]->(pg_at) WHERE g:Person AND any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (g)-[:MEMBER_OF|SITS_ON]->(:PartyOrganization)-[:LEADS]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..8]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }) THEN properties(g) ELSE g {.*, address: CASE WHEN NOT g:Person OR g.address IS NULL THEN g.address ELSE left(g.address, 6) + '****' END, birthDate: CASE WHEN g:Person THEN null ELSE g.birthDate END, idNumber: CASE WHEN NOT g:Person OR g.idNumber IS NULL THEN g.idNumber ELSE left(g.idNumber, 1) + '****' + right(g.idNumber, 1) END, phone: CASE WHEN NOT g:Person OR g.phone IS NULL THEN g.phone ELSE left(g.phone, 3) + '****' + right(g.phone, 4) END, personalDataMasked: g:Person} END END AS props, cadres, volunteers
ORDER BY g.id

// name: coverage_building_grids_missing_roles
// Building micro-grids without someone serving in each of the roles $roles (两长四员).
MATCH (a:Entity {id: $id})
WHERE (EXISTS { MATCH (a) WHERE any(pg_up IN [(a)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (a)-[:RESIDES_IN|LEADS]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (a)-[:REPORTED_TO]->(pg_at) WHERE a:Person AND any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (a)-[:MEMBER_OF|SITS_ON]->(:PartyOrganization)-[:LEADS]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..8]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (pg_s:Entity:District {id: $scope}) WHERE a IN [(pg_s)-[:IN*1..8]->(pg_in) | pg_in] }
     OR EXISTS { MATCH (a)-[:CONTACTS|SERVES|CLAIMED|ATTENDED|PAIRED_WITH|EVALUATED|TOOK|FOR|REPORTED_TO]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (a)-[:OF|OFFERED_BY]->(:Unit)-[:PAIRED_WITH]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..8]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (a)<-[:BY|FIRST_RESPONSIBLE|ESCALATED_TO|MEMBER_OF]-(pg_at) WHERE (a:Unit OR a:Alliance) AND any(pg_up IN [(pg_at)-[:FOR|IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) })
MATCH (a)<-[:IN*0..2]-(c:Community)
MATCH (c)<-[:IN*1..8]-(g:Grid)
WHERE g.level = 'BUILDING' AND (EXISTS { MATCH (g) WHERE any(pg_up IN [(g)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (g)-[:RESIDES_IN|LEADS]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (g)-[:REPORTED_TO]->(pg_at) WHERE g:Person AND any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (g)-[:MEMBER_OF|SITS_ON]->(:PartyOrganization)-[:LEADS]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..8]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (pg_s:Entity:District {id: $scope}) WHERE g IN [(pg_s)-[:IN*1..8]->(pg_in) | pg_in] }
     OR EXISTS { MATCH (g)-[:CONTACTS|SERVES|CLAIMED|ATTENDED|PAIRED_WITH|EVALUATED|TOOK|FOR|REPORTED_TO]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (g)-[:OF|OFFERED_BY]->(:Unit)-[:PAIRED_WITH]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..8]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (g)<-[:BY|FIRST_RESPONSIBLE|ESCALATED_TO|MEMBER_OF]-(pg_at) WHERE (g:Unit OR g:Alliance) AND any(pg_up IN [(pg_at)-[:FOR|IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) })
WITH DISTINCT g
WITH g, [(g)<-[s:SERVES]-(:Person) | s.role] AS present
WITH g, [role IN $roles WHERE NOT role IN present] AS missing
WHERE size(missing) > 0
RETURN g.id AS key, 'Grid' AS label, CASE WHEN g:Project THEN g {.*, startDate: toString(g.startDate), endDate: toString(g.endDate)} WHEN g:Wish THEN g {.*, createdOn: toString(g.createdOn)} WHEN g:Demand THEN g {.*, createdOn: toString(g.createdOn)} WHEN g:Request THEN g {.*, raisedAt: toString(g.raisedAt), dueAt: toString(g.dueAt), closedAt: toString(g.closedAt), returnedAt: toString(g.returnedAt)} WHEN g:Activity THEN g {.*, date: toString(g.date)} ELSE CASE WHEN (EXISTS { MATCH (g) WHERE any(pg_up IN [(g)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (g)-[:RESIDES_IN|LEADS]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (g)-[:REPORTED_TO]->(pg_at) WHERE g:Person AND any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (g)-[:MEMBER_OF|SITS_ON]->(:PartyOrganization)-[:LEADS]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..8]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }) THEN properties(g) ELSE g {.*, address: CASE WHEN NOT g:Person OR g.address IS NULL THEN g.address ELSE left(g.address, 6) + '****' END, birthDate: CASE WHEN g:Person THEN null ELSE g.birthDate END, idNumber: CASE WHEN NOT g:Person OR g.idNumber IS NULL THEN g.idNumber ELSE left(g.idNumber, 1) + '****' + right(g.idNumber, 1) END, phone: CASE WHEN NOT g:Person OR g.phone IS NULL THEN g.phone ELSE left(g.phone, 3) + '****' + right(g.phone, 4) END, personalDataMasked: g:Person} END END AS props, missing
ORDER BY g.id

// name: coverage_contact_leaders
// Persons contacting (包联) a community or grid of the area, with what they cover there.
MATCH (a:Entity {id: $id})
WHERE (EXISTS { MATCH (a) WHERE any(pg_up IN [(a)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (a)-[:RESIDES_IN|LEADS]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (a)-[:REPORTED_TO]->(pg_at) WHERE a:Person AND any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (a)-[:MEMBER_OF|SITS_ON]->(:PartyOrganization)-[:LEADS]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..8]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (pg_s:Entity:District {id: $scope}) WHERE a IN [(pg_s)-[:IN*1..8]->(pg_in) | pg_in] }
     OR EXISTS { MATCH (a)-[:CONTACTS|SERVES|CLAIMED|ATTENDED|PAIRED_WITH|EVALUATED|TOOK|FOR|REPORTED_TO]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (a)-[:OF|OFFERED_BY]->(:Unit)-[:PAIRED_WITH]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..8]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (a)<-[:BY|FIRST_RESPONSIBLE|ESCALATED_TO|MEMBER_OF]-(pg_at) WHERE (a:Unit OR a:Alliance) AND any(pg_up IN [(pg_at)-[:FOR|IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) })
MATCH (a)<-[:IN*0..2]-(c:Community)
MATCH (c)<-[:IN*0..8]-(place)
WHERE place = c OR place:Grid
MATCH (p:Person)-[:CONTACTS]->(place)
WHERE (EXISTS { MATCH (p) WHERE any(pg_up IN [(p)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (p)-[:RESIDES_IN|LEADS]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (p)-[:REPORTED_TO]->(pg_at) WHERE p:Person AND any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (p)-[:MEMBER_OF|SITS_ON]->(:PartyOrganization)-[:LEADS]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..8]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (pg_s:Entity:District {id: $scope}) WHERE p IN [(pg_s)-[:IN*1..8]->(pg_in) | pg_in] }
     OR EXISTS { MATCH (p)-[:CONTACTS|SERVES|CLAIMED|ATTENDED|PAIRED_WITH|EVALUATED|TOOK|FOR|REPORTED_TO]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (p)-[:OF|OFFERED_BY]->(:Unit)-[:PAIRED_WITH]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..8]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (p)<-[:BY|FIRST_RESPONSIBLE|ESCALATED_TO|MEMBER_OF]-(pg_at) WHERE (p:Unit OR p:Alliance) AND any(pg_up IN [(pg_at)-[:FOR|IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }) AND (EXISTS { MATCH (place) WHERE any(pg_up IN [(place)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (place)-[:RESIDES_IN|LEADS]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (place)-[:REPORTED_TO]->(pg_at) WHERE place:Person AND any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (place)-[:MEMBER_OF|SITS_ON]->(:PartyOrganization)-[:LEADS]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..8]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (pg_s:Entity:District {id: $scope}) WHERE place IN [(pg_s)-[:IN*1..8]->(pg_in) | pg_in] }
     OR EXISTS { MATCH (place)-[:CONTACTS|SERVES|CLAIMED|ATTENDED|PAIRED_WITH|EVALUATED|TOOK|FOR|REPORTED_TO]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (place)-[:OF|OFFERED_BY]->(:Unit)-[:PAIRED_WITH]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..8]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (place)<-[:BY|FIRST_RESPONSIBLE|ESCALATED_TO|MEMBER_OF]-(pg_at) WHERE (place:Unit OR place:Alliance) AND any(pg_up IN [(pg_at)-[:FOR|IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) })
WITH p, collect(DISTINCT place) AS places
RETURN p.id AS key, 'Person' AS label, CASE WHEN p:Project THEN p {.*, startDate: toString(p.startDate), endDate: toString(p.endDate)} WHEN p:Wish THEN p {.*, createdOn: toString(p.createdOn)} WHEN p:Demand THEN p {.*, createdOn: toString(p.createdOn)} WHEN p:Request THEN p {.*, raisedAt: toString(p.raisedAt), dueAt: toString(p.dueAt), closedAt: toString(p.closedAt), returnedAt: toString(p.returnedAt)} WHEN p:Activity THEN p {.*, date: toString(p.date)} ELSE CASE WHEN (EXISTS { MATCH (p) WHERE any(pg_up IN [(p)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (p)-[:RESIDES_IN|LEADS]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (p)-[:REPORTED_TO]->(pg_at) WHERE p:Person AND any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (p)-[:MEMBER_OF|SITS_ON]->(:PartyOrganization)-[:LEADS]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..8]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }) THEN properties(p) ELSE p {.*, address: CASE WHEN NOT p:Person OR p.address IS NULL THEN p.address ELSE left(p.address, 6) + '****' END, birthDate: CASE WHEN p:Person THEN null ELSE p.birthDate END, idNumber: CASE WHEN NOT p:Person OR p.idNumber IS NULL THEN p.idNumber ELSE left(p.idNumber, 1) + '****' + right(p.idNumber, 1) END, phone: CASE WHEN NOT p:Person OR p.phone IS NULL THEN p.phone ELSE left(p.phone, 3) + '****' + right(p.phone, 4) END, personalDataMasked: p:Person} END END AS props,
       [x IN places WHERE x:Community | CASE WHEN x:Project THEN x {.*, startDate: toString(x.startDate), endDate: toString(x.endDate)} WHEN x:Wish THEN x {.*, createdOn: toString(x.createdOn)} WHEN x:Demand THEN x {.*, createdOn: toString(x.createdOn)} WHEN x:Request THEN x {.*, raisedAt: toString(x.raisedAt), dueAt: toString(x.dueAt), closedAt: toString(x.closedAt), returnedAt: toString(x.returnedAt)} WHEN x:Activity THEN x {.*, date: toString(x.date)} ELSE CASE WHEN (EXISTS { MATCH (x) WHERE any(pg_up IN [(x)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (x)-[:RESIDES_IN|LEADS]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (x)-[:REPORTED_TO]->(pg_at) WHERE x:Person AND any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (x)-[:MEMBER_OF|SITS_ON]->(:PartyOrganization)-[:LEADS]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..8]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }) THEN properties(x) ELSE x {.*, address: CASE WHEN NOT x:Person OR x.address IS NULL THEN x.address ELSE left(x.address, 6) + '****' END, birthDate: CASE WHEN x:Person THEN null ELSE x.birthDate END, idNumber: CASE WHEN NOT x:Person OR x.idNumber IS NULL THEN x.idNumber ELSE left(x.idNumber, 1) + '****' + right(x.idNumber, 1) END, phone: CASE WHEN NOT x:Person OR x.phone IS NULL THEN x.phone ELSE left(x.phone, 3) + '****' + right(x.phone, 4) END, personalDataMasked: x:Person} END END] AS communities,
       [x IN places WHERE x:Grid | CASE WHEN x:Project THEN x {.*, startDate: toString(x.startDate), endDate: toString(x.endDate)} WHEN x:Wish THEN x {.*, createdOn: toString(x.createdOn)} WHEN x:Demand THEN x {.*, createdOn: toString(x.createdOn)} WHEN x:Request THEN x {.*, raisedAt: toString(x.raisedAt), dueAt: toString(x.dueAt), closedAt: toString(x.closedAt), returnedAt: toString(x.returnedAt)} WHEN x:Activity THEN x {.*, date: toString(x.date)} ELSE CASE WHEN (EXISTS { MATCH (x) WHERE any(pg_up IN [(x)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (x)-[:RESIDES_IN|LEADS]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (x)-[:REPORTED_TO]->(pg_at) WHERE x:Person AND any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (x)-[:MEMBER_OF|SITS_ON]->(:PartyOrganization)-[:LEADS]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..8]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }) THEN properties(x) ELSE x {.*, address: CASE WHEN NOT x:Person OR x.address IS NULL THEN x.address ELSE left(x.address, 6) + '****' END, birthDate: CASE WHEN x:Person THEN null ELSE x.birthDate END, idNumber: CASE WHEN NOT x:Person OR x.idNumber IS NULL THEN x.idNumber ELSE left(x.idNumber, 1) + '****' + right(x.idNumber, 1) END, phone: CASE WHEN NOT x:Person OR x.phone IS NULL THEN x.phone ELSE left(x.phone, 3) + '****' + right(x.phone, 4) END, personalDataMasked: x:Person} END END] AS grids
ORDER BY p.id

// name: coverage_report_state
// What recordReport checks: membership, residence communities (those the viewer sees: an
// error message lists them), an existing report.
MATCH (p:Person {id: $person})
MATCH (c:Community {id: $community})
OPTIONAL MATCH (p)-[:RESIDES_IN]->(place)-[:IN*0..8]->(home:Community)
WITH p, c, collect(DISTINCT CASE WHEN (EXISTS { MATCH (home) WHERE any(pg_up IN [(home)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (home)-[:RESIDES_IN|LEADS]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (home)-[:REPORTED_TO]->(pg_at) WHERE home:Person AND any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (home)-[:MEMBER_OF|SITS_ON]->(:PartyOrganization)-[:LEADS]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..8]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (pg_s:Entity:District {id: $scope}) WHERE home IN [(pg_s)-[:IN*1..8]->(pg_in) | pg_in] }
     OR EXISTS { MATCH (home)-[:CONTACTS|SERVES|CLAIMED|ATTENDED|PAIRED_WITH|EVALUATED|TOOK|FOR|REPORTED_TO]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (home)-[:OF|OFFERED_BY]->(:Unit)-[:PAIRED_WITH]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..8]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (home)<-[:BY|FIRST_RESPONSIBLE|ESCALATED_TO|MEMBER_OF]-(pg_at) WHERE (home:Unit OR home:Alliance) AND any(pg_up IN [(pg_at)-[:FOR|IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }) THEN home {.id, .name} END) AS homes
RETURN EXISTS { (p)-[:MEMBER_OF]->(:PartyOrganization) } AS member,
       homes,
       EXISTS { (p)-[:REPORTED_TO]->(c) } AS reported

// name: coverage_record_report
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
RETURN p.id AS key, 'Person' AS label, CASE WHEN p:Project THEN p {.*, startDate: toString(p.startDate), endDate: toString(p.endDate)} WHEN p:Wish THEN p {.*, createdOn: toString(p.createdOn)} WHEN p:Demand THEN p {.*, createdOn: toString(p.createdOn)} WHEN p:Request THEN p {.*, raisedAt: toString(p.raisedAt), dueAt: toString(p.dueAt), closedAt: toString(p.closedAt), returnedAt: toString(p.returnedAt)} WHEN p:Activity THEN p {.*, date: toString(p.date)} ELSE CASE WHEN (EXISTS { MATCH (p) WHERE any(pg_up IN [(p)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (p)-[:RESIDES_IN|LEADS]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (p)-[:REPORTED_TO]->(pg_at) WHERE p:Person AND any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (p)-[:MEMBER_OF|SITS_ON]->(:PartyOrganization)-[:LEADS]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..8]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }) THEN properties(p) ELSE p {.*, address: CASE WHEN NOT p:Person OR p.address IS NULL THEN p.address ELSE left(p.address, 6) + '****' END, birthDate: CASE WHEN p:Person THEN null ELSE p.birthDate END, idNumber: CASE WHEN NOT p:Person OR p.idNumber IS NULL THEN p.idNumber ELSE left(p.idNumber, 1) + '****' + right(p.idNumber, 1) END, phone: CASE WHEN NOT p:Person OR p.phone IS NULL THEN p.phone ELSE left(p.phone, 3) + '****' + right(p.phone, 4) END, personalDataMasked: p:Person} END END AS props
