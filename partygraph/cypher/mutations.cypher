// name: entity_create
CREATE (n:Entity:__LABEL__)
SET n = $props
RETURN n.id AS key, '__LABEL__' AS label, __PROPS(n)__ AS props

// name: entity_update
// Properties given as null are removed.
MATCH (n:Entity {id: $id})
WHERE __WRITABLE(n)__
SET n += $changes
RETURN n.id AS key, [l IN labels(n) WHERE l <> 'Entity'][0] AS label, __PROPS(n)__ AS props

// name: entity_delete$
MATCH (n:Entity {id: $id})
OPTIONAL MATCH (n)-[r]-()
WITH n, count(r) AS relationships
DETACH DELETE n
RETURN relationships

// name: link_merge
// The source is write-locked before the MERGE: on Neo4j two concurrent links of one pair then
// cannot both create the relationship.
MATCH (a:Entity {id: $from})
WHERE __WRITABLE(a)__
MATCH (b:Entity {id: $to})
WHERE __WRITABLE(b)__
SET a._lock = true
REMOVE a._lock
WITH a, b
MERGE (a)-[r:__REL__]->(b)
SET r += $props
RETURN properties(r) AS props

// name: link_in_cycle$
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
WHERE __WRITABLE(a)__
MATCH (b:Entity {id: $to})
WHERE __WRITABLE(b)__
SET a._lock = true
REMOVE a._lock
WITH a, b
MERGE (a)-[r:__REL__ {period: $props.period}]->(b)
SET r += $props
RETURN properties(r) AS props

// name: link_merge_by_role
MATCH (a:Entity {id: $from})
WHERE __WRITABLE(a)__
MATCH (b:Entity {id: $to})
WHERE __WRITABLE(b)__
SET a._lock = true
REMOVE a._lock
WITH a, b
MERGE (a)-[r:__REL__ {role: $props.role}]->(b)
SET r += $props
RETURN properties(r) AS props

// name: link_delete$
MATCH (a:Entity {id: $from})-[r:__REL__]->(b:Entity {id: $to})
WHERE ($period IS NULL OR r.period = $period) AND ($role IS NULL OR r.role = $role)
  AND __WRITABLE(a)__ AND __WRITABLE(b)__
DELETE r
RETURN count(*) AS removed
