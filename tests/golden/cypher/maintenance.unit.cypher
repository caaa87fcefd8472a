// maintenance.cypher as the role unit sends it (tests/test_golden_cypher.py)

// name: export_nodes
// The whole graph as import records, a page at a time (keyset on id).
MATCH (n:Entity)
WHERE $after IS NULL OR n.id > $after
RETURN n.id AS id, [l IN labels(n) WHERE l <> 'Entity'][0] AS label, properties(n) AS props
ORDER BY n.id
LIMIT $limit

// name: export_relationships
// Relationships leaving one page of nodes.
UNWIND $ids AS key
MATCH (a:Entity {id: key})-[r]->(b:Entity)
RETURN a.id AS from, type(r) AS rel, b.id AS to, properties(r) AS props
ORDER BY from, rel, to

// name: wipe_graph
// Deletes every node and relationship: used by `partygraph reset` and the test suite.
MATCH (n)
DETACH DELETE n
