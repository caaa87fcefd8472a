// importing.cypher as the role community sends it (tests/test_golden_cypher.py)

// name: import_known_ids
// Which of these ids the graph already holds, and under which domain label.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN n.id AS id, [l IN labels(n) WHERE l <> 'Entity'][0] AS label

// name: import_entity_count
// How many entities the graph holds (from Neo4j's count store: no scan).
MATCH (n:Entity)
RETURN count(n) AS entities

// name: import_stored_hierarchy
// The IN links the graph holds from these areas upward, however far: what the IN links of a
// file could close a loop with.
UNWIND $ids AS id
MATCH (:Entity {id: id})-[:IN*0..]->(m:Entity)-[:IN]->(p:Entity)
RETURN DISTINCT m.id AS from, p.id AS to

// name: import_existing_relationships
UNWIND $rows AS row
MATCH (:Entity {id: row.from})-[r:__REL__]->(:Entity {id: row.to})
RETURN count(r) AS existing

// name: import_nodes_create
// Nodes the graph does not hold yet (checked in the same transaction).
UNWIND $rows AS row
CREATE (n:Entity:__LABEL__ {id: row.id})
SET n += row.properties
RETURN count(n) AS written

// name: import_nodes_update
UNWIND $rows AS row
MATCH (n:Entity {id: row.id})
SET n += row.properties
RETURN count(n) AS written

// name: import_relationships_create
// Relationships with an end created by this import: they cannot exist yet.
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
MATCH (b:Entity {id: row.to})
CREATE (a)-[r:__REL__]->(b)
SET r += row.properties
RETURN count(r) AS written

// name: import_relationships
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
MATCH (b:Entity {id: row.to})
MERGE (a)-[r:__REL__]->(b)
SET r += row.properties
RETURN count(r) AS written

// name: import_existing_relationships_by_period
// For types with one relationship per period between two nodes (EVALUATED).
UNWIND $rows AS row
MATCH (:Entity {id: row.from})-[r:__REL__ {period: row.properties.period}]->(:Entity {id: row.to})
RETURN count(r) AS existing

// name: import_relationships_by_period
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
MATCH (b:Entity {id: row.to})
MERGE (a)-[r:__REL__ {period: row.properties.period}]->(b)
SET r += row.properties
RETURN count(r) AS written

// name: import_existing_relationships_by_role
// For types with one relationship per role between two nodes (SERVES).
UNWIND $rows AS row
MATCH (:Entity {id: row.from})-[r:__REL__ {role: row.properties.role}]->(:Entity {id: row.to})
RETURN count(r) AS existing

// name: import_relationships_by_role
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
MATCH (b:Entity {id: row.to})
MERGE (a)-[r:__REL__ {role: row.properties.role}]->(b)
SET r += row.properties
RETURN count(r) AS written
