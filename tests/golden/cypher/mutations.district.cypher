// mutations.cypher as the role district sends it (tests/test_golden_cypher.py)

// name: entity_create
CREATE (n:Entity:__LABEL__)
SET n = $props
RETURN n.id AS key, '__LABEL__' AS label, CASE WHEN n:Project THEN n {.*, startDate: toString(n.startDate), endDate: toString(n.endDate)} WHEN n:Wish THEN n {.*, createdOn: toString(n.createdOn)} WHEN n:Demand THEN n {.*, createdOn: toString(n.createdOn)} WHEN n:Request THEN n {.*, raisedAt: toString(n.raisedAt), dueAt: toString(n.dueAt), closedAt: toString(n.closedAt), returnedAt: toString(n.returnedAt)} WHEN n:Activity THEN n {.*, date: toString(n.date)} ELSE CASE WHEN (EXISTS { MATCH (n) WHERE any(pg_up IN [(n)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (n)-[:RESIDES_IN|LEADS]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (n)-[:REPORTED_TO]->(pg_at) WHERE n:Person AND any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (n)-[:MEMBER_OF|SITS_ON]->(:PartyOrganization)-[:LEADS]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..8]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }) THEN properties(n) ELSE n {.*, address: CASE WHEN NOT n:Person OR n.address IS NULL THEN n.address ELSE left(n.address, 6) + '****' END, birthDate: CASE WHEN n:Person THEN null ELSE n.birthDate END, idNumber: CASE WHEN NOT n:Person OR n.idNumber IS NULL THEN n.idNumber ELSE left(n.idNumber, 1) + '****' + right(n.idNumber, 1) END, phone: CASE WHEN NOT n:Person OR n.phone IS NULL THEN n.phone ELSE left(n.phone, 3) + '****' + right(n.phone, 4) END, personalDataMasked: n:Person} END END AS props

// name: entity_update
// Properties given as null are removed.
MATCH (n:Entity {id: $id})
WHERE (EXISTS { MATCH (n) WHERE any(pg_up IN [(n)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (n)-[:RESIDES_IN|LEADS]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (n)-[:REPORTED_TO]->(pg_at) WHERE n:Person AND any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (n)-[:MEMBER_OF|SITS_ON]->(:PartyOrganization)-[:LEADS]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..8]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) })
SET n += $changes
RETURN n.id AS key, [l IN labels(n) WHERE l <> 'Entity'][0] AS label, CASE WHEN n:Project THEN n {.*, startDate: toString(n.startDate), endDate: toString(n.endDate)} WHEN n:Wish THEN n {.*, createdOn: toString(n.createdOn)} WHEN n:Demand THEN n {.*, createdOn: toString(n.createdOn)} WHEN n:Request THEN n {.*, raisedAt: toString(n.raisedAt), dueAt: toString(n.dueAt), closedAt: toString(n.closedAt), returnedAt: toString(n.returnedAt)} WHEN n:Activity THEN n {.*, date: toString(n.date)} ELSE CASE WHEN (EXISTS { MATCH (n) WHERE any(pg_up IN [(n)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (n)-[:RESIDES_IN|LEADS]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (n)-[:REPORTED_TO]->(pg_at) WHERE n:Person AND any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (n)-[:MEMBER_OF|SITS_ON]->(:PartyOrganization)-[:LEADS]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..8]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }) THEN properties(n) ELSE n {.*, address: CASE WHEN NOT n:Person OR n.address IS NULL THEN n.address ELSE left(n.address, 6) + '****' END, birthDate: CASE WHEN n:Person THEN null ELSE n.birthDate END, idNumber: CASE WHEN NOT n:Person OR n.idNumber IS NULL THEN n.idNumber ELSE left(n.idNumber, 1) + '****' + right(n.idNumber, 1) END, phone: CASE WHEN NOT n:Person OR n.phone IS NULL THEN n.phone ELSE left(n.phone, 3) + '****' + right(n.phone, 4) END, personalDataMasked: n:Person} END END AS props

// name: entity_delete
MATCH (n:Entity {id: $id})
OPTIONAL MATCH (n)-[r]-()
WITH n, count(r) AS relationships
DETACH DELETE n
RETURN relationships

// name: link_merge
// The source is write-locked before the MERGE: on Neo4j two concurrent links of one pair then
// cannot both create the relationship.
MATCH (a:Entity {id: $from})
WHERE (EXISTS { MATCH (a) WHERE any(pg_up IN [(a)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (a)-[:RESIDES_IN|LEADS]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (a)-[:REPORTED_TO]->(pg_at) WHERE a:Person AND any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (a)-[:MEMBER_OF|SITS_ON]->(:PartyOrganization)-[:LEADS]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..8]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) })
MATCH (b:Entity {id: $to})
WHERE (EXISTS { MATCH (b) WHERE any(pg_up IN [(b)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (b)-[:RESIDES_IN|LEADS]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (b)-[:REPORTED_TO]->(pg_at) WHERE b:Person AND any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (b)-[:MEMBER_OF|SITS_ON]->(:PartyOrganization)-[:LEADS]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..8]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) })
SET a._lock = true
REMOVE a._lock
WITH a, b
MERGE (a)-[r:__REL__]->(b)
SET r += $props
RETURN properties(r) AS props

// name: link_in_cycle
// The IN chain from $to up to $from, when linking $from IN $to would close a cycle in the area
// hierarchy (no row otherwise); walked upward from $to. Both ends are write-locked first, so of
// two links closing a loop between them concurrently the second sees the first.
MATCH (a:Entity {id: $from})
MATCH (b:Entity {id: $to})
SET a._lock = true, b._lock = true
REMOVE a._lock, b._lock
WITH a, b
MATCH p = (b)-[:IN*1..]->(a)
RETURN [n IN nodes(p) | n.id] AS chain
LIMIT 1

// name: link_merge_by_period
MATCH (a:Entity {id: $from})
WHERE (EXISTS { MATCH (a) WHERE any(pg_up IN [(a)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (a)-[:RESIDES_IN|LEADS]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (a)-[:REPORTED_TO]->(pg_at) WHERE a:Person AND any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (a)-[:MEMBER_OF|SITS_ON]->(:PartyOrganization)-[:LEADS]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..8]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) })
MATCH (b:Entity {id: $to})
WHERE (EXISTS { MATCH (b) WHERE any(pg_up IN [(b)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (b)-[:RESIDES_IN|LEADS]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (b)-[:REPORTED_TO]->(pg_at) WHERE b:Person AND any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (b)-[:MEMBER_OF|SITS_ON]->(:PartyOrganization)-[:LEADS]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..8]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) })
SET a._lock = true
REMOVE a._lock
WITH a, b
MERGE (a)-[r:__REL__ {period: $props.period}]->(b)
SET r += $props
RETURN properties(r) AS props

// name: link_merge_by_role
MATCH (a:Entity {id: $from})
WHERE (EXISTS { MATCH (a) WHERE any(pg_up IN [(a)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (a)-[:RESIDES_IN|LEADS]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (a)-[:REPORTED_TO]->(pg_at) WHERE a:Person AND any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (a)-[:MEMBER_OF|SITS_ON]->(:PartyOrganization)-[:LEADS]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..8]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) })
MATCH (b:Entity {id: $to})
WHERE (EXISTS { MATCH (b) WHERE any(pg_up IN [(b)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (b)-[:RESIDES_IN|LEADS]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (b)-[:REPORTED_TO]->(pg_at) WHERE b:Person AND any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (b)-[:MEMBER_OF|SITS_ON]->(:PartyOrganization)-[:LEADS]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..8]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) })
SET a._lock = true
REMOVE a._lock
WITH a, b
MERGE (a)-[r:__REL__ {role: $props.role}]->(b)
SET r += $props
RETURN properties(r) AS props

// name: link_delete
MATCH (a:Entity {id: $from})-[r:__REL__]->(b:Entity {id: $to})
WHERE ($period IS NULL OR r.period = $period) AND ($role IS NULL OR r.role = $role)
  AND (EXISTS { MATCH (a) WHERE any(pg_up IN [(a)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (a)-[:RESIDES_IN|LEADS]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (a)-[:REPORTED_TO]->(pg_at) WHERE a:Person AND any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (a)-[:MEMBER_OF|SITS_ON]->(:PartyOrganization)-[:LEADS]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..8]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }) AND (EXISTS { MATCH (b) WHERE any(pg_up IN [(b)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (b)-[:RESIDES_IN|LEADS]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (b)-[:REPORTED_TO]->(pg_at) WHERE b:Person AND any(pg_up IN [(pg_at)-[:IN*0..9]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) }
     OR EXISTS { MATCH (b)-[:MEMBER_OF|SITS_ON]->(:PartyOrganization)-[:LEADS]->(pg_at) WHERE any(pg_up IN [(pg_at)-[:IN*0..8]->(pg_in) | pg_in] WHERE pg_up.id = $scope AND pg_up:Entity AND pg_up:District) })
DELETE r
RETURN count(*) AS removed
