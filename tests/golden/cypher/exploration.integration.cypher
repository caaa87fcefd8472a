// exploration.cypher as the role integration sends it (tests/test_golden_cypher.py)

// name: exploration_neighbours
// One ring of a neighbourhood: every relationship (of the given types, any direction)
// touching the given nodes, with the node at its other end.
UNWIND $ids AS key
MATCH (n:Entity {id: key})-[r]-(m:Entity)
WHERE ($types IS NULL OR type(r) IN $types) AND true AND true
RETURN key, type(r) AS type, startNode(r).id AS from, endNode(r).id AS to,
       m.id AS id, [l IN labels(m) WHERE l <> 'Entity'][0] AS label, m.name AS name
ORDER BY key, id
LIMIT $limit

// name: exploration_search_scan
// Name search by substring: on Neo4j through the TEXT index on names, on ArcadeDB a scan.
MATCH (n:Entity)
WHERE n.name CONTAINS $text
  AND ($labels IS NULL OR any(l IN labels(n) WHERE l IN $labels))
  AND true
RETURN n.id AS key, [l IN labels(n) WHERE l <> 'Entity'][0] AS label, CASE WHEN n:Project THEN n {.*, startDate: toString(n.startDate), endDate: toString(n.endDate)} WHEN n:Wish THEN n {.*, createdOn: toString(n.createdOn)} WHEN n:Demand THEN n {.*, createdOn: toString(n.createdOn)} WHEN n:Request THEN n {.*, raisedAt: toString(n.raisedAt), dueAt: toString(n.dueAt), closedAt: toString(n.closedAt), returnedAt: toString(n.returnedAt)} WHEN n:Activity THEN n {.*, date: toString(n.date)} ELSE n {.*, address: CASE WHEN NOT n:Person OR n.address IS NULL THEN n.address ELSE left(n.address, 6) + '****' END, birthDate: CASE WHEN n:Person THEN null ELSE n.birthDate END, idNumber: CASE WHEN NOT n:Person OR n.idNumber IS NULL THEN n.idNumber ELSE left(n.idNumber, 1) + '****' + right(n.idNumber, 1) END, phone: CASE WHEN NOT n:Person OR n.phone IS NULL THEN n.phone ELSE left(n.phone, 3) + '****' + right(n.phone, 4) END, personalDataMasked: n:Person} END AS props
ORDER BY size(n.name), n.id
LIMIT $limit

// name: exploration_search_fulltext
// Name search through the CJK full-text index (Neo4j); the CONTAINS keeps substring meaning
// and the order is the scan's, so both engines answer alike.
CALL db.index.fulltext.queryNodes('entity_names', $query) YIELD node
WHERE node.name CONTAINS $text
  AND ($labels IS NULL OR any(l IN labels(node) WHERE l IN $labels))
  AND true
RETURN node.id AS key, [l IN labels(node) WHERE l <> 'Entity'][0] AS label,
       CASE WHEN node:Project THEN node {.*, startDate: toString(node.startDate), endDate: toString(node.endDate)} WHEN node:Wish THEN node {.*, createdOn: toString(node.createdOn)} WHEN node:Demand THEN node {.*, createdOn: toString(node.createdOn)} WHEN node:Request THEN node {.*, raisedAt: toString(node.raisedAt), dueAt: toString(node.dueAt), closedAt: toString(node.closedAt), returnedAt: toString(node.returnedAt)} WHEN node:Activity THEN node {.*, date: toString(node.date)} ELSE node {.*, address: CASE WHEN NOT node:Person OR node.address IS NULL THEN node.address ELSE left(node.address, 6) + '****' END, birthDate: CASE WHEN node:Person THEN null ELSE node.birthDate END, idNumber: CASE WHEN NOT node:Person OR node.idNumber IS NULL THEN node.idNumber ELSE left(node.idNumber, 1) + '****' + right(node.idNumber, 1) END, phone: CASE WHEN NOT node:Person OR node.phone IS NULL THEN node.phone ELSE left(node.phone, 3) + '****' + right(node.phone, 4) END, personalDataMasked: node:Person} END AS props
ORDER BY size(node.name), node.id
LIMIT $limit

// name: exploration_fulltext_ready
SHOW FULLTEXT INDEXES YIELD name, state
WHERE name = 'entity_names' AND state = 'ONLINE'
RETURN count(*) AS ready
