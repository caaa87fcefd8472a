// name: exploration_neighbours
// One ring of a neighbourhood: every relationship (of the given types, any direction)
// touching the given nodes, with the node at its other end.
UNWIND $ids AS key
MATCH (n:Entity {id: key})-[r]-(m:Entity)
WHERE ($types IS NULL OR type(r) IN $types) AND __VISIBLE(n)__ AND __VISIBLE(m)__
RETURN key, type(r) AS type, startNode(r).id AS from, endNode(r).id AS to,
       m.id AS id, [l IN labels(m) WHERE l <> 'Entity'][0] AS label, m.name AS name
ORDER BY key, id
LIMIT $limit

// name: exploration_search_scan
// Name search by substring: on Neo4j through the TEXT index on names, on ArcadeDB a scan.
MATCH (n:Entity)
WHERE n.name CONTAINS $text
  AND ($labels IS NULL OR any(l IN labels(n) WHERE l IN $labels))
  AND __VISIBLE(n)__
RETURN n.id AS key, [l IN labels(n) WHERE l <> 'Entity'][0] AS label, __PROPS(n)__ AS props
ORDER BY size(n.name), n.id
LIMIT $limit

// name: exploration_search_fulltext
// Name search through the CJK full-text index (Neo4j); the CONTAINS keeps substring meaning
// and the order is the scan's, so both engines answer alike.
CALL db.index.fulltext.queryNodes('entity_names', $query) YIELD node
WHERE node.name CONTAINS $text
  AND ($labels IS NULL OR any(l IN labels(node) WHERE l IN $labels))
  AND __VISIBLE(node)__
RETURN node.id AS key, [l IN labels(node) WHERE l <> 'Entity'][0] AS label,
       __PROPS(node)__ AS props
ORDER BY size(node.name), node.id
LIMIT $limit

// name: exploration_fulltext_ready$
SHOW FULLTEXT INDEXES YIELD name, state
WHERE name = 'entity_names' AND state = 'ONLINE'
RETURN count(*) AS ready
