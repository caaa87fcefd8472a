// navigation.cypher as the role integration sends it (tests/test_golden_cypher.py)

// name: nodes_by_id
// Batched lookup: one row per id that exists. `label` is the domain label.
UNWIND $ids AS key
MATCH (n:Entity {id: key})
WHERE true
RETURN key, [l IN labels(n) WHERE l <> 'Entity'][0] AS label, CASE WHEN n:Project THEN n {.*, startDate: toString(n.startDate), endDate: toString(n.endDate)} WHEN n:Wish THEN n {.*, createdOn: toString(n.createdOn)} WHEN n:Demand THEN n {.*, createdOn: toString(n.createdOn)} WHEN n:Request THEN n {.*, raisedAt: toString(n.raisedAt), dueAt: toString(n.dueAt), closedAt: toString(n.closedAt), returnedAt: toString(n.returnedAt)} WHEN n:Activity THEN n {.*, date: toString(n.date)} ELSE n {.*, address: CASE WHEN NOT n:Person OR n.address IS NULL THEN n.address ELSE left(n.address, 6) + '****' END, birthDate: CASE WHEN n:Person THEN null ELSE n.birthDate END, idNumber: CASE WHEN NOT n:Person OR n.idNumber IS NULL THEN n.idNumber ELSE left(n.idNumber, 1) + '****' + right(n.idNumber, 1) END, phone: CASE WHEN NOT n:Person OR n.phone IS NULL THEN n.phone ELSE left(n.phone, 3) + '****' + right(n.phone, 4) END, personalDataMasked: n:Person} END AS props

// name: nodes_to_change
// A mutation's targets, looked up inside its transaction. A node the viewer may not see is
// missing, as for a query; `writable` says whether the viewer may change one it sees.
UNWIND $ids AS key
MATCH (n:Entity {id: key})
WHERE true
RETURN key, [l IN labels(n) WHERE l <> 'Entity'][0] AS label, CASE WHEN n:Project THEN n {.*, startDate: toString(n.startDate), endDate: toString(n.endDate)} WHEN n:Wish THEN n {.*, createdOn: toString(n.createdOn)} WHEN n:Demand THEN n {.*, createdOn: toString(n.createdOn)} WHEN n:Request THEN n {.*, raisedAt: toString(n.raisedAt), dueAt: toString(n.dueAt), closedAt: toString(n.closedAt), returnedAt: toString(n.returnedAt)} WHEN n:Activity THEN n {.*, date: toString(n.date)} ELSE n {.*, address: CASE WHEN NOT n:Person OR n.address IS NULL THEN n.address ELSE left(n.address, 6) + '****' END, birthDate: CASE WHEN n:Person THEN null ELSE n.birthDate END, idNumber: CASE WHEN NOT n:Person OR n.idNumber IS NULL THEN n.idNumber ELSE left(n.idNumber, 1) + '****' + right(n.idNumber, 1) END, phone: CASE WHEN NOT n:Person OR n.phone IS NULL THEN n.phone ELSE left(n.phone, 3) + '****' + right(n.phone, 4) END, personalDataMasked: n:Person} END AS props,
       false AS writable

// name: label_of
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
  AND true
RETURN n.id AS key, '__LABEL__' AS label, CASE WHEN n:Project THEN n {.*, startDate: toString(n.startDate), endDate: toString(n.endDate)} WHEN n:Wish THEN n {.*, createdOn: toString(n.createdOn)} WHEN n:Demand THEN n {.*, createdOn: toString(n.createdOn)} WHEN n:Request THEN n {.*, raisedAt: toString(n.raisedAt), dueAt: toString(n.dueAt), closedAt: toString(n.closedAt), returnedAt: toString(n.returnedAt)} WHEN n:Activity THEN n {.*, date: toString(n.date)} ELSE n {.*, address: CASE WHEN NOT n:Person OR n.address IS NULL THEN n.address ELSE left(n.address, 6) + '****' END, birthDate: CASE WHEN n:Person THEN null ELSE n.birthDate END, idNumber: CASE WHEN NOT n:Person OR n.idNumber IS NULL THEN n.idNumber ELSE left(n.idNumber, 1) + '****' + right(n.idNumber, 1) END, phone: CASE WHEN NOT n:Person OR n.phone IS NULL THEN n.phone ELSE left(n.phone, 3) + '****' + right(n.phone, 4) END, personalDataMasked: n:Person} END AS props
ORDER BY n.id __ORDER__
LIMIT $limit

// name: count_by_label
MATCH (n:__LABEL__)
WHERE true
RETURN count(n) AS total

// name: out_neighbours
// (key)-[:REL]->(m:LABEL) for a batch of keys: at most $first per key, after the id $after
// (the window of a bounded list, partygraph.schema.windows). Each key's rows come in id order
// from its own subquery: an ORDER BY over the whole batch would sort every row of every key
// before the first is sent (seconds for a batch of 70k rows).
UNWIND $ids AS key
CALL (key) {
  MATCH (:Entity {id: key})-[:__REL__]->(m:__LABEL__)
  WHERE ($after IS NULL OR m.id > $after) AND true
  RETURN m ORDER BY m.id LIMIT $first
}
RETURN key, '__LABEL__' AS label, CASE WHEN m:Project THEN m {.*, startDate: toString(m.startDate), endDate: toString(m.endDate)} WHEN m:Wish THEN m {.*, createdOn: toString(m.createdOn)} WHEN m:Demand THEN m {.*, createdOn: toString(m.createdOn)} WHEN m:Request THEN m {.*, raisedAt: toString(m.raisedAt), dueAt: toString(m.dueAt), closedAt: toString(m.closedAt), returnedAt: toString(m.returnedAt)} WHEN m:Activity THEN m {.*, date: toString(m.date)} ELSE m {.*, address: CASE WHEN NOT m:Person OR m.address IS NULL THEN m.address ELSE left(m.address, 6) + '****' END, birthDate: CASE WHEN m:Person THEN null ELSE m.birthDate END, idNumber: CASE WHEN NOT m:Person OR m.idNumber IS NULL THEN m.idNumber ELSE left(m.idNumber, 1) + '****' + right(m.idNumber, 1) END, phone: CASE WHEN NOT m:Person OR m.phone IS NULL THEN m.phone ELSE left(m.phone, 3) + '****' + right(m.phone, 4) END, personalDataMasked: m:Person} END AS props

// name: in_neighbours
// (key)<-[:REL]-(m:LABEL), windowed like out_neighbours.
UNWIND $ids AS key
CALL (key) {
  MATCH (:Entity {id: key})<-[:__REL__]-(m:__LABEL__)
  WHERE ($after IS NULL OR m.id > $after) AND true
  RETURN m ORDER BY m.id LIMIT $first
}
RETURN key, '__LABEL__' AS label, CASE WHEN m:Project THEN m {.*, startDate: toString(m.startDate), endDate: toString(m.endDate)} WHEN m:Wish THEN m {.*, createdOn: toString(m.createdOn)} WHEN m:Demand THEN m {.*, createdOn: toString(m.createdOn)} WHEN m:Request THEN m {.*, raisedAt: toString(m.raisedAt), dueAt: toString(m.dueAt), closedAt: toString(m.closedAt), returnedAt: toString(m.returnedAt)} WHEN m:Activity THEN m {.*, date: toString(m.date)} ELSE m {.*, address: CASE WHEN NOT m:Person OR m.address IS NULL THEN m.address ELSE left(m.address, 6) + '****' END, birthDate: CASE WHEN m:Person THEN null ELSE m.birthDate END, idNumber: CASE WHEN NOT m:Person OR m.idNumber IS NULL THEN m.idNumber ELSE left(m.idNumber, 1) + '****' + right(m.idNumber, 1) END, phone: CASE WHEN NOT m:Person OR m.phone IS NULL THEN m.phone ELSE left(m.phone, 3) + '****' + right(m.phone, 4) END, personalDataMasked: m:Person} END AS props

// name: out_any
// (key)-[:REL]->(m) whatever m's label, windowed like out_neighbours.
UNWIND $ids AS key
CALL (key) {
  MATCH (:Entity {id: key})-[:__REL__]->(m:Entity)
  WHERE ($after IS NULL OR m.id > $after) AND true
  RETURN m ORDER BY m.id LIMIT $first
}
RETURN key, [l IN labels(m) WHERE l <> 'Entity'][0] AS label, CASE WHEN m:Project THEN m {.*, startDate: toString(m.startDate), endDate: toString(m.endDate)} WHEN m:Wish THEN m {.*, createdOn: toString(m.createdOn)} WHEN m:Demand THEN m {.*, createdOn: toString(m.createdOn)} WHEN m:Request THEN m {.*, raisedAt: toString(m.raisedAt), dueAt: toString(m.dueAt), closedAt: toString(m.closedAt), returnedAt: toString(m.returnedAt)} WHEN m:Activity THEN m {.*, date: toString(m.date)} ELSE m {.*, address: CASE WHEN NOT m:Person OR m.address IS NULL THEN m.address ELSE left(m.address, 6) + '****' END, birthDate: CASE WHEN m:Person THEN null ELSE m.birthDate END, idNumber: CASE WHEN NOT m:Person OR m.idNumber IS NULL THEN m.idNumber ELSE left(m.idNumber, 1) + '****' + right(m.idNumber, 1) END, phone: CASE WHEN NOT m:Person OR m.phone IS NULL THEN m.phone ELSE left(m.phone, 3) + '****' + right(m.phone, 4) END, personalDataMasked: m:Person} END AS props

// name: in_any
UNWIND $ids AS key
CALL (key) {
  MATCH (:Entity {id: key})<-[:__REL__]-(m:Entity)
  WHERE ($after IS NULL OR m.id > $after) AND true
  RETURN m ORDER BY m.id LIMIT $first
}
RETURN key, [l IN labels(m) WHERE l <> 'Entity'][0] AS label, CASE WHEN m:Project THEN m {.*, startDate: toString(m.startDate), endDate: toString(m.endDate)} WHEN m:Wish THEN m {.*, createdOn: toString(m.createdOn)} WHEN m:Demand THEN m {.*, createdOn: toString(m.createdOn)} WHEN m:Request THEN m {.*, raisedAt: toString(m.raisedAt), dueAt: toString(m.dueAt), closedAt: toString(m.closedAt), returnedAt: toString(m.returnedAt)} WHEN m:Activity THEN m {.*, date: toString(m.date)} ELSE m {.*, address: CASE WHEN NOT m:Person OR m.address IS NULL THEN m.address ELSE left(m.address, 6) + '****' END, birthDate: CASE WHEN m:Person THEN null ELSE m.birthDate END, idNumber: CASE WHEN NOT m:Person OR m.idNumber IS NULL THEN m.idNumber ELSE left(m.idNumber, 1) + '****' + right(m.idNumber, 1) END, phone: CASE WHEN NOT m:Person OR m.phone IS NULL THEN m.phone ELSE left(m.phone, 3) + '****' + right(m.phone, 4) END, personalDataMasked: m:Person} END AS props

// name: containing_community
// The community a grid lies in, however deep the grid is nested.
UNWIND $ids AS key
MATCH (:Entity {id: key})-[:IN*1..8]->(c:Community)
WHERE true
RETURN DISTINCT key, 'Community' AS label, CASE WHEN c:Project THEN c {.*, startDate: toString(c.startDate), endDate: toString(c.endDate)} WHEN c:Wish THEN c {.*, createdOn: toString(c.createdOn)} WHEN c:Demand THEN c {.*, createdOn: toString(c.createdOn)} WHEN c:Request THEN c {.*, raisedAt: toString(c.raisedAt), dueAt: toString(c.dueAt), closedAt: toString(c.closedAt), returnedAt: toString(c.returnedAt)} WHEN c:Activity THEN c {.*, date: toString(c.date)} ELSE c {.*, address: CASE WHEN NOT c:Person OR c.address IS NULL THEN c.address ELSE left(c.address, 6) + '****' END, birthDate: CASE WHEN c:Person THEN null ELSE c.birthDate END, idNumber: CASE WHEN NOT c:Person OR c.idNumber IS NULL THEN c.idNumber ELSE left(c.idNumber, 1) + '****' + right(c.idNumber, 1) END, phone: CASE WHEN NOT c:Person OR c.phone IS NULL THEN c.phone ELSE left(c.phone, 3) + '****' + right(c.phone, 4) END, personalDataMasked: c:Person} END AS props

// name: grid_paired_units
// Units paired with the grid itself, with any grid it lies in, or with its community.
UNWIND $ids AS key
CALL (key) {
  MATCH (:Grid {id: key})-[:IN*0..8]->(place)
  WHERE place:Grid OR place:Community
  MATCH (u:Unit)-[:PAIRED_WITH]->(place)
  WHERE true
  WITH DISTINCT u
  RETURN u ORDER BY u.id
}
RETURN key, 'Unit' AS label, CASE WHEN u:Project THEN u {.*, startDate: toString(u.startDate), endDate: toString(u.endDate)} WHEN u:Wish THEN u {.*, createdOn: toString(u.createdOn)} WHEN u:Demand THEN u {.*, createdOn: toString(u.createdOn)} WHEN u:Request THEN u {.*, raisedAt: toString(u.raisedAt), dueAt: toString(u.dueAt), closedAt: toString(u.closedAt), returnedAt: toString(u.returnedAt)} WHEN u:Activity THEN u {.*, date: toString(u.date)} ELSE u {.*, address: CASE WHEN NOT u:Person OR u.address IS NULL THEN u.address ELSE left(u.address, 6) + '****' END, birthDate: CASE WHEN u:Person THEN null ELSE u.birthDate END, idNumber: CASE WHEN NOT u:Person OR u.idNumber IS NULL THEN u.idNumber ELSE left(u.idNumber, 1) + '****' + right(u.idNumber, 1) END, phone: CASE WHEN NOT u:Person OR u.phone IS NULL THEN u.phone ELSE left(u.phone, 3) + '****' + right(u.phone, 4) END, personalDataMasked: u:Person} END AS props

// name: shortest_path
// Any relationship type, either direction, at most __HOPS__ hops, only through nodes the
// viewer may see: SHORTEST filters inside the search (the predicate sits in the quantified
// path pattern; a WHERE on nodes(p) would be applied to the path found), so a hidden shortcut
// never hides a longer visible path (Neo4j 5.21+).
MATCH (a:Entity {id: $from})
WHERE true
MATCH (b:Entity {id: $to})
WHERE true
MATCH p = SHORTEST 1 (a)(()-[]-(n:Entity) WHERE true){1,__HOPS__}(b)
RETURN length(p) AS length,
       [n IN nodes(p) | {id: n.id, name: n.name,
                         label: [l IN labels(n) WHERE l <> 'Entity'][0]}] AS nodes,
       [r IN relationships(p) | {type: type(r), from: startNode(r).id, to: endNode(r).id}]
         AS relationships

// name: shortest_path_filtered
// The same on ArcadeDB, which has no SHORTEST: it filters the shortest path it found, so it
// may answer none where a longer visible path exists.
MATCH (a:Entity {id: $from})
WHERE true
MATCH (b:Entity {id: $to})
WHERE true
MATCH p = shortestPath((a)-[*..__HOPS__]-(b))
WHERE all(n IN nodes(p) WHERE true)
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
  WHERE true AND true
  RETURN g, u, place, p ORDER BY u.id, place.id
}
RETURN key, 'Unit' AS label, CASE WHEN u:Project THEN u {.*, startDate: toString(u.startDate), endDate: toString(u.endDate)} WHEN u:Wish THEN u {.*, createdOn: toString(u.createdOn)} WHEN u:Demand THEN u {.*, createdOn: toString(u.createdOn)} WHEN u:Request THEN u {.*, raisedAt: toString(u.raisedAt), dueAt: toString(u.dueAt), closedAt: toString(u.closedAt), returnedAt: toString(u.returnedAt)} WHEN u:Activity THEN u {.*, date: toString(u.date)} ELSE u {.*, address: CASE WHEN NOT u:Person OR u.address IS NULL THEN u.address ELSE left(u.address, 6) + '****' END, birthDate: CASE WHEN u:Person THEN null ELSE u.birthDate END, idNumber: CASE WHEN NOT u:Person OR u.idNumber IS NULL THEN u.idNumber ELSE left(u.idNumber, 1) + '****' + right(u.idNumber, 1) END, phone: CASE WHEN NOT u:Person OR u.phone IS NULL THEN u.phone ELSE left(u.phone, 3) + '****' + right(u.phone, 4) END, personalDataMasked: u:Person} END AS props,
       CASE WHEN place = g THEN 'DIRECT' WHEN place:Grid THEN 'GRID' ELSE 'COMMUNITY' END AS via,
       [l IN labels(place) WHERE l <> 'Entity'][0] AS throughLabel,
       CASE WHEN place:Project THEN place {.*, startDate: toString(place.startDate), endDate: toString(place.endDate)} WHEN place:Wish THEN place {.*, createdOn: toString(place.createdOn)} WHEN place:Demand THEN place {.*, createdOn: toString(place.createdOn)} WHEN place:Request THEN place {.*, raisedAt: toString(place.raisedAt), dueAt: toString(place.dueAt), closedAt: toString(place.closedAt), returnedAt: toString(place.returnedAt)} WHEN place:Activity THEN place {.*, date: toString(place.date)} ELSE place {.*, address: CASE WHEN NOT place:Person OR place.address IS NULL THEN place.address ELSE left(place.address, 6) + '****' END, birthDate: CASE WHEN place:Person THEN null ELSE place.birthDate END, idNumber: CASE WHEN NOT place:Person OR place.idNumber IS NULL THEN place.idNumber ELSE left(place.idNumber, 1) + '****' + right(place.idNumber, 1) END, phone: CASE WHEN NOT place:Person OR place.phone IS NULL THEN place.phone ELSE left(place.phone, 3) + '****' + right(place.phone, 4) END, personalDataMasked: place:Person} END AS throughProps, p.since AS since

// name: paired_organizations
// Branch pairs (结对): PAIRED_WITH between party organizations, in either direction.
UNWIND $ids AS key
CALL (key) {
  MATCH (:PartyOrganization {id: key})-[:PAIRED_WITH]-(o:PartyOrganization)
  WHERE true
  WITH DISTINCT o
  RETURN o ORDER BY o.id
}
RETURN key, 'PartyOrganization' AS label, CASE WHEN o:Project THEN o {.*, startDate: toString(o.startDate), endDate: toString(o.endDate)} WHEN o:Wish THEN o {.*, createdOn: toString(o.createdOn)} WHEN o:Demand THEN o {.*, createdOn: toString(o.createdOn)} WHEN o:Request THEN o {.*, raisedAt: toString(o.raisedAt), dueAt: toString(o.dueAt), closedAt: toString(o.closedAt), returnedAt: toString(o.returnedAt)} WHEN o:Activity THEN o {.*, date: toString(o.date)} ELSE o {.*, address: CASE WHEN NOT o:Person OR o.address IS NULL THEN o.address ELSE left(o.address, 6) + '****' END, birthDate: CASE WHEN o:Person THEN null ELSE o.birthDate END, idNumber: CASE WHEN NOT o:Person OR o.idNumber IS NULL THEN o.idNumber ELSE left(o.idNumber, 1) + '****' + right(o.idNumber, 1) END, phone: CASE WHEN NOT o:Person OR o.phone IS NULL THEN o.phone ELSE left(o.phone, 3) + '****' + right(o.phone, 4) END, personalDataMasked: o:Person} END AS props

// name: out_edges
// (key)-[r:REL]->(m:LABEL) with the relationship's own properties (roles, hours, dates),
// windowed like out_neighbours.
UNWIND $ids AS key
CALL (key) {
  MATCH (:Entity {id: key})-[r:__REL__]->(m:__LABEL__)
  WHERE ($after IS NULL OR m.id > $after) AND true
  RETURN m, r ORDER BY m.id LIMIT $first
}
RETURN key, '__LABEL__' AS label, CASE WHEN m:Project THEN m {.*, startDate: toString(m.startDate), endDate: toString(m.endDate)} WHEN m:Wish THEN m {.*, createdOn: toString(m.createdOn)} WHEN m:Demand THEN m {.*, createdOn: toString(m.createdOn)} WHEN m:Request THEN m {.*, raisedAt: toString(m.raisedAt), dueAt: toString(m.dueAt), closedAt: toString(m.closedAt), returnedAt: toString(m.returnedAt)} WHEN m:Activity THEN m {.*, date: toString(m.date)} ELSE m {.*, address: CASE WHEN NOT m:Person OR m.address IS NULL THEN m.address ELSE left(m.address, 6) + '****' END, birthDate: CASE WHEN m:Person THEN null ELSE m.birthDate END, idNumber: CASE WHEN NOT m:Person OR m.idNumber IS NULL THEN m.idNumber ELSE left(m.idNumber, 1) + '****' + right(m.idNumber, 1) END, phone: CASE WHEN NOT m:Person OR m.phone IS NULL THEN m.phone ELSE left(m.phone, 3) + '****' + right(m.phone, 4) END, personalDataMasked: m:Person} END AS props, properties(r) AS rel

// name: in_edges
UNWIND $ids AS key
CALL (key) {
  MATCH (:Entity {id: key})<-[r:__REL__]-(m:__LABEL__)
  WHERE ($after IS NULL OR m.id > $after) AND true
  RETURN m, r ORDER BY m.id LIMIT $first
}
RETURN key, '__LABEL__' AS label, CASE WHEN m:Project THEN m {.*, startDate: toString(m.startDate), endDate: toString(m.endDate)} WHEN m:Wish THEN m {.*, createdOn: toString(m.createdOn)} WHEN m:Demand THEN m {.*, createdOn: toString(m.createdOn)} WHEN m:Request THEN m {.*, raisedAt: toString(m.raisedAt), dueAt: toString(m.dueAt), closedAt: toString(m.closedAt), returnedAt: toString(m.returnedAt)} WHEN m:Activity THEN m {.*, date: toString(m.date)} ELSE m {.*, address: CASE WHEN NOT m:Person OR m.address IS NULL THEN m.address ELSE left(m.address, 6) + '****' END, birthDate: CASE WHEN m:Person THEN null ELSE m.birthDate END, idNumber: CASE WHEN NOT m:Person OR m.idNumber IS NULL THEN m.idNumber ELSE left(m.idNumber, 1) + '****' + right(m.idNumber, 1) END, phone: CASE WHEN NOT m:Person OR m.phone IS NULL THEN m.phone ELSE left(m.phone, 3) + '****' + right(m.phone, 4) END, personalDataMasked: m:Person} END AS props, properties(r) AS rel
