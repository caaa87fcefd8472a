// name: nodes_by_id
// Batched lookup: one row per id that exists. `label` is the domain label.
UNWIND $ids AS key
MATCH (n:Entity {id: key})
WHERE __VISIBLE(n)__
RETURN key, [l IN labels(n) WHERE l <> 'Entity'][0] AS label, __PROPS(n)__ AS props

// name: nodes_to_change
// A mutation's targets, looked up inside its transaction. A node the viewer may not see is
// missing, as for a query; `writable` says whether the viewer may change one it sees.
UNWIND $ids AS key
MATCH (n:Entity {id: key})
WHERE __VISIBLE(n)__
RETURN key, [l IN labels(n) WHERE l <> 'Entity'][0] AS label, __PROPS(n)__ AS props,
       __WRITABLE(n)__ AS writable

// name: label_of$
// The label of the entity with the id, whether the viewer sees it or not: for a creation to
// tell that an id is in use (ids are unique across the graph), and for `partygraph token` to
// check a scope. Returns no properties.
MATCH (n:Entity {id: $id})
RETURN [l IN labels(n) WHERE l <> 'Entity'][0] AS label

// name: page_by_label
// Keyset page on id (forward from $after or, DESC, backward from $before): the cost follows
// the page, not the whole label.
MATCH (n:__LABEL__)
WHERE ($after IS NULL OR n.id > $after) AND ($before IS NULL OR n.id < $before)
  AND __VISIBLE(n)__
RETURN n.id AS key, '__LABEL__' AS label, __PROPS(n)__ AS props
ORDER BY n.id __ORDER__
LIMIT $limit

// name: count_by_label$
MATCH (n:__LABEL__)
WHERE __VISIBLE(n)__
RETURN count(n) AS total

// name: out_neighbours
// (key)-[:REL]->(m:LABEL) for a batch of keys: at most $first per key, after the id $after
// (the window of a bounded list, partygraph.schema.windows). Each key's rows come in id order
// from its own subquery: an ORDER BY over the whole batch would sort every row of every key
// before the first is sent (seconds for a batch of 70k rows).
UNWIND $ids AS key
CALL (key) {
  MATCH (:Entity {id: key})-[:__REL__]->(m:__LABEL__)
  WHERE ($after IS NULL OR m.id > $after) AND __VISIBLE(m)__
  RETURN m ORDER BY m.id LIMIT $first
}
RETURN key, '__LABEL__' AS label, __PROPS(m)__ AS props

// name: in_neighbours
// (key)<-[:REL]-(m:LABEL), windowed like out_neighbours.
UNWIND $ids AS key
CALL (key) {
  MATCH (:Entity {id: key})<-[:__REL__]-(m:__LABEL__)
  WHERE ($after IS NULL OR m.id > $after) AND __VISIBLE(m)__
  RETURN m ORDER BY m.id LIMIT $first
}
RETURN key, '__LABEL__' AS label, __PROPS(m)__ AS props

// name: out_any
// (key)-[:REL]->(m) whatever m's label, windowed like out_neighbours.
UNWIND $ids AS key
CALL (key) {
  MATCH (:Entity {id: key})-[:__REL__]->(m:Entity)
  WHERE ($after IS NULL OR m.id > $after) AND __VISIBLE(m)__
  RETURN m ORDER BY m.id LIMIT $first
}
RETURN key, [l IN labels(m) WHERE l <> 'Entity'][0] AS label, __PROPS(m)__ AS props

// name: in_any
UNWIND $ids AS key
CALL (key) {
  MATCH (:Entity {id: key})<-[:__REL__]-(m:Entity)
  WHERE ($after IS NULL OR m.id > $after) AND __VISIBLE(m)__
  RETURN m ORDER BY m.id LIMIT $first
}
RETURN key, [l IN labels(m) WHERE l <> 'Entity'][0] AS label, __PROPS(m)__ AS props

// name: containing_community
// The community a grid lies in, however deep the grid is nested.
UNWIND $ids AS key
MATCH (:Entity {id: key})-[:IN*1..8]->(c:Community)
WHERE __VISIBLE(c)__
RETURN DISTINCT key, 'Community' AS label, __PROPS(c)__ AS props

// name: grid_paired_units
// Units paired with the grid itself, with any grid it lies in, or with its community.
UNWIND $ids AS key
CALL (key) {
  MATCH (:Grid {id: key})-[:IN*0..8]->(place)
  WHERE place:Grid OR place:Community
  MATCH (u:Unit)-[:PAIRED_WITH]->(place)
  WHERE __VISIBLE(u)__
  WITH DISTINCT u
  RETURN u ORDER BY u.id
}
RETURN key, 'Unit' AS label, __PROPS(u)__ AS props

// name: shortest_path^
// Any relationship type, either direction, at most __HOPS__ hops, only through nodes the
// viewer may see: SHORTEST filters inside the search (the predicate sits in the quantified
// path pattern; a WHERE on nodes(p) would be applied to the path found), so a hidden shortcut
// never hides a longer visible path (Neo4j 5.21+).
MATCH (a:Entity {id: $from})
WHERE __VISIBLE(a)__
MATCH (b:Entity {id: $to})
WHERE __VISIBLE(b)__
MATCH p = SHORTEST 1 (a)(()-[]-(n:Entity) WHERE __VISIBLE(n)__){1,__HOPS__}(b)
RETURN length(p) AS length,
       [n IN nodes(p) | {id: n.id, name: n.name,
                         label: [l IN labels(n) WHERE l <> 'Entity'][0]}] AS nodes,
       [r IN relationships(p) | {type: type(r), from: startNode(r).id, to: endNode(r).id}]
         AS relationships

// name: shortest_path_filtered^
// The same on ArcadeDB, which has no SHORTEST: it filters the shortest path it found, so it
// may answer none where a longer visible path exists.
MATCH (a:Entity {id: $from})
WHERE __VISIBLE(a)__
MATCH (b:Entity {id: $to})
WHERE __VISIBLE(b)__
MATCH p = shortestPath((a)-[*..__HOPS__]-(b))
WHERE all(n IN nodes(p) WHERE __VISIBLE(n)__)
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
CALL (key) {
  MATCH (g:Grid {id: key})-[:IN*0..8]->(place)
  WHERE place:Grid OR place:Community
  MATCH (u:Unit)-[p:PAIRED_WITH]->(place)
  WHERE __VISIBLE(u)__ AND __VISIBLE(place)__
  RETURN g, u, place, p ORDER BY u.id, place.id
}
RETURN key, 'Unit' AS label, __PROPS(u)__ AS props,
       CASE WHEN place = g THEN 'DIRECT' WHEN place:Grid THEN 'GRID' ELSE 'COMMUNITY' END AS via,
       [l IN labels(place) WHERE l <> 'Entity'][0] AS throughLabel,
       __PROPS(place)__ AS throughProps, p.since AS since

// name: paired_organizations
// Branch pairs (结对): PAIRED_WITH between party organizations, in either direction.
UNWIND $ids AS key
CALL (key) {
  MATCH (:PartyOrganization {id: key})-[:PAIRED_WITH]-(o:PartyOrganization)
  WHERE __VISIBLE(o)__
  WITH DISTINCT o
  RETURN o ORDER BY o.id
}
RETURN key, 'PartyOrganization' AS label, __PROPS(o)__ AS props

// name: out_edges
// (key)-[r:REL]->(m:LABEL) with the relationship's own properties (roles, hours, dates),
// windowed like out_neighbours.
UNWIND $ids AS key
CALL (key) {
  MATCH (:Entity {id: key})-[r:__REL__]->(m:__LABEL__)
  WHERE ($after IS NULL OR m.id > $after) AND __VISIBLE(m)__
  RETURN m, r ORDER BY m.id LIMIT $first
}
RETURN key, '__LABEL__' AS label, __PROPS(m)__ AS props, properties(r) AS rel

// name: in_edges
UNWIND $ids AS key
CALL (key) {
  MATCH (:Entity {id: key})<-[r:__REL__]-(m:__LABEL__)
  WHERE ($after IS NULL OR m.id > $after) AND __VISIBLE(m)__
  RETURN m, r ORDER BY m.id LIMIT $first
}
RETURN key, '__LABEL__' AS label, __PROPS(m)__ AS props, properties(r) AS rel
