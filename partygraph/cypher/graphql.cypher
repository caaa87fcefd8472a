// name: nodes_by_id
// Batched lookup: one row per id that exists. `label` is the domain label.
UNWIND $ids AS key
MATCH (n:Entity {id: key})
RETURN key, [l IN labels(n) WHERE l <> 'Entity'][0] AS label, properties(n) AS props

// name: page_by_label
// Keyset page on id: the cost follows the page, not the whole label.
MATCH (n:__LABEL__)
WHERE $after IS NULL OR n.id > $after
RETURN n.id AS key, '__LABEL__' AS label, properties(n) AS props
ORDER BY n.id
LIMIT $limit

// name: count_by_label
MATCH (n:__LABEL__)
RETURN count(n) AS total

// name: out_neighbours
// (key)-[:REL]->(m:LABEL) for a batch of keys.
UNWIND $ids AS key
MATCH (:Entity {id: key})-[:__REL__]->(m:__LABEL__)
RETURN key, '__LABEL__' AS label, properties(m) AS props
ORDER BY key, m.id

// name: in_neighbours
// (key)<-[:REL]-(m:LABEL) for a batch of keys.
UNWIND $ids AS key
MATCH (:Entity {id: key})<-[:__REL__]-(m:__LABEL__)
RETURN key, '__LABEL__' AS label, properties(m) AS props
ORDER BY key, m.id

// name: out_any
// (key)-[:REL]->(m) whatever m's label, for a batch of keys.
UNWIND $ids AS key
MATCH (:Entity {id: key})-[:__REL__]->(m:Entity)
RETURN key, [l IN labels(m) WHERE l <> 'Entity'][0] AS label, properties(m) AS props
ORDER BY key, m.id

// name: in_any
UNWIND $ids AS key
MATCH (:Entity {id: key})<-[:__REL__]-(m:Entity)
RETURN key, [l IN labels(m) WHERE l <> 'Entity'][0] AS label, properties(m) AS props
ORDER BY key, m.id

// name: containing_community
// The community a grid lies in, however deep the grid is nested.
UNWIND $ids AS key
MATCH (:Entity {id: key})-[:IN*1..8]->(c:Community)
RETURN DISTINCT key, 'Community' AS label, properties(c) AS props

// name: grid_paired_units
// Units paired with the grid itself, with any grid it lies in, or with its community.
UNWIND $ids AS key
MATCH (g:Grid {id: key})-[:IN*0..8]->(place)
WHERE place:Grid OR place:Community
MATCH (u:Unit)-[:PAIRED_WITH]->(place)
WITH DISTINCT key, u
RETURN key, 'Unit' AS label, properties(u) AS props
ORDER BY key, u.id

// name: shortest_path
// Any relationship type, either direction, at most __HOPS__ hops.
MATCH (a:Entity {id: $from})
MATCH (b:Entity {id: $to})
MATCH p = shortestPath((a)-[*..__HOPS__]-(b))
RETURN length(p) AS length,
       [n IN nodes(p) | {id: n.id, name: n.name,
                         label: [l IN labels(n) WHERE l <> 'Entity'][0]}] AS nodes,
       [r IN relationships(p) | {type: type(r), from: startNode(r).id, to: endNode(r).id}]
         AS relationships
LIMIT 1

// name: grid_pairings
// Every pairing that makes a unit count for the grid: with the grid itself (DIRECT), with a
// grid it lies in (GRID) or with its community (COMMUNITY).
UNWIND $ids AS key
MATCH (g:Grid {id: key})-[:IN*0..8]->(place)
WHERE place:Grid OR place:Community
MATCH (u:Unit)-[p:PAIRED_WITH]->(place)
RETURN key, 'Unit' AS label, properties(u) AS props,
       CASE WHEN place = g THEN 'DIRECT' WHEN place:Grid THEN 'GRID' ELSE 'COMMUNITY' END AS via,
       [l IN labels(place) WHERE l <> 'Entity'][0] AS throughLabel,
       properties(place) AS throughProps, p.since AS since
ORDER BY key, u.id, place.id

// name: paired_organizations
// Branch pairs (结对): PAIRED_WITH between party organizations, in either direction.
UNWIND $ids AS key
MATCH (:PartyOrganization {id: key})-[:PAIRED_WITH]-(o:PartyOrganization)
WITH DISTINCT key, o
RETURN key, 'PartyOrganization' AS label, properties(o) AS props
ORDER BY key, o.id

// name: out_edges
// (key)-[r:REL]->(m:LABEL) with the relationship's own properties (roles, hours, dates).
UNWIND $ids AS key
MATCH (:Entity {id: key})-[r:__REL__]->(m:__LABEL__)
RETURN key, '__LABEL__' AS label, properties(m) AS props, properties(r) AS rel
ORDER BY key, m.id

// name: in_edges
UNWIND $ids AS key
MATCH (:Entity {id: key})<-[r:__REL__]-(m:__LABEL__)
RETURN key, '__LABEL__' AS label, properties(m) AS props, properties(r) AS rel
ORDER BY key, m.id
