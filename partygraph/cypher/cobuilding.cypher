// Co-building (共建): projects, two-way evaluations, the demand menu, micro-wishes, activities.
// Enum values (status, category) arrive as parameters holding the stored enum names.

// name: cobuilding_projects_page
// Projects of every unit and community, filtered; keyset page on id.
MATCH (p:Project)
WHERE __VISIBLE(p)__ AND ($category IS NULL OR p.category = $category)
  AND ($status IS NULL OR p.status = $status)
  AND ($after IS NULL OR p.id > $after)
  AND ($before IS NULL OR p.id < $before)
RETURN p.id AS key, 'Project' AS label, __PROPS(p)__ AS props
ORDER BY p.id __ORDER__
LIMIT $limit

// name: cobuilding_projects_count$
MATCH (p:Project)
WHERE __VISIBLE(p)__ AND ($category IS NULL OR p.category = $category)
  AND ($status IS NULL OR p.status = $status)
RETURN count(p) AS total

// name: cobuilding_projects_by_unit_page
// Projects a unit carries out (for one community too when given): start from the unit.
MATCH (:Unit {id: $unitId})<-[:BY]-(p:Project)
WHERE __VISIBLE(p)__ AND ($communityId IS NULL OR EXISTS { (p)-[:FOR]->(:Community {id: $communityId}) })
  AND ($category IS NULL OR p.category = $category)
  AND ($status IS NULL OR p.status = $status)
  AND ($after IS NULL OR p.id > $after)
  AND ($before IS NULL OR p.id < $before)
WITH DISTINCT p
RETURN p.id AS key, 'Project' AS label, __PROPS(p)__ AS props
ORDER BY p.id __ORDER__
LIMIT $limit

// name: cobuilding_projects_by_unit_count$
MATCH (:Unit {id: $unitId})<-[:BY]-(p:Project)
WHERE __VISIBLE(p)__ AND ($communityId IS NULL OR EXISTS { (p)-[:FOR]->(:Community {id: $communityId}) })
  AND ($category IS NULL OR p.category = $category)
  AND ($status IS NULL OR p.status = $status)
RETURN count(DISTINCT p) AS total

// name: cobuilding_projects_by_community_page
// Projects serving a community: start from the community.
MATCH (:Community {id: $communityId})<-[:FOR]-(p:Project)
WHERE __VISIBLE(p)__ AND ($category IS NULL OR p.category = $category)
  AND ($status IS NULL OR p.status = $status)
  AND ($after IS NULL OR p.id > $after)
  AND ($before IS NULL OR p.id < $before)
WITH DISTINCT p
RETURN p.id AS key, 'Project' AS label, __PROPS(p)__ AS props
ORDER BY p.id __ORDER__
LIMIT $limit

// name: cobuilding_projects_by_community_count$
MATCH (:Community {id: $communityId})<-[:FOR]-(p:Project)
WHERE __VISIBLE(p)__ AND ($category IS NULL OR p.category = $category)
  AND ($status IS NULL OR p.status = $status)
RETURN count(DISTINCT p) AS total

// name: cobuilding_evaluations_of
// Scores one evaluated node ($targetId, a $targetLabel) received in a period, per target.
// Finite scores only: a NaN or Infinity stored before they were refused is no score (abs()
// of either is never within the largest double); the same in the two statements below.
// The evaluator's properties are worked out before they go into a map: ArcadeDB answers a map
// literal holding a CASE with a map projection as that projection (the same below).
MATCH (t:Entity {id: $targetId})<-[e:EVALUATED]-(s:Entity)
WHERE $targetLabel IN labels(t) AND $sourceLabel IN labels(s)
  AND e.period = $period AND abs(e.score) <= 1.7976931348623157e308
  AND __VISIBLE(s)__ AND __VISIBLE(t)__
  AND ($sourceId IS NULL OR s.id = $sourceId)
WITH t, s, e, __PROPS(s)__ AS given
WITH t, collect({key: s.id, props: given, score: e.score}) AS scores,
     avg(e.score) AS average, count(e) AS total, min(e.score) AS low, max(e.score) AS high
RETURN t.id AS key, $targetLabel AS label, __PROPS(t)__ AS props,
       scores, average, total, low, high
ORDER BY average DESC, key

// name: cobuilding_evaluations_by
// Scores one evaluator ($sourceId) gave in a period, per evaluated node.
MATCH (s:Entity {id: $sourceId})-[e:EVALUATED]->(t:Entity)
WHERE $sourceLabel IN labels(s) AND $targetLabel IN labels(t)
  AND e.period = $period AND abs(e.score) <= 1.7976931348623157e308
  AND __VISIBLE(s)__ AND __VISIBLE(t)__
WITH t, s, e, __PROPS(s)__ AS given
WITH t, collect({key: s.id, props: given, score: e.score}) AS scores,
     avg(e.score) AS average, count(e) AS total, min(e.score) AS low, max(e.score) AS high
RETURN t.id AS key, $targetLabel AS label, __PROPS(t)__ AS props,
       scores, average, total, low, high
ORDER BY average DESC, key

// name: cobuilding_evaluations_in_period
// Every score of one direction in a period, per evaluated node.
MATCH (s)-[e:EVALUATED]->(t)
WHERE e.period = $period AND abs(e.score) <= 1.7976931348623157e308
  AND __VISIBLE(s)__ AND __VISIBLE(t)__
  AND $sourceLabel IN labels(s) AND $targetLabel IN labels(t)
WITH t, s, e, __PROPS(s)__ AS given
WITH t, collect({key: s.id, props: given, score: e.score}) AS scores,
     avg(e.score) AS average, count(e) AS total, min(e.score) AS low, max(e.score) AS high
RETURN t.id AS key, $targetLabel AS label, __PROPS(t)__ AS props,
       scores, average, total, low, high
ORDER BY average DESC, key

// name: cobuilding_open_demands
// A community's open demands, each with the units offering resources of its category
// (an empty list when none does) and whether the unit is paired with the community.
MATCH (c:Community {id: $communityId})<-[:IN]-(d:Demand)
WHERE d.status = $open AND __VISIBLE(c)__ AND __VISIBLE(d)__
OPTIONAL MATCH (r:Resource)-[:OFFERED_BY]->(u:Unit)
WHERE r.category = d.category AND __VISIBLE(u)__ AND __VISIBLE(r)__
WITH c, d, u, collect(__PROPS(r)__) AS resources
WITH c, d, u, resources, __PROPS(u)__ AS offering
WITH d, collect(CASE WHEN u IS NULL THEN null ELSE {
       props: offering,
       paired: EXISTS { (u)-[:PAIRED_WITH]->(c) },
       resources: resources
     } END) AS units
RETURN d.id AS key, 'Demand' AS label, __PROPS(d)__ AS props, units
ORDER BY key

// name: cobuilding_transition
// Moves a node from one status to the next; no row when it was not in $expected. The node is
// write-locked (the _lock set and removed) before its status is read, so of two concurrent
// moves (two claims of one wish) only one finds $expected: on Neo4j the other waits for the
// lock, then reads the new status; on ArcadeDB the other's commit conflicts and it runs again.
MATCH (n:__LABEL__ {id: $id})
SET n._lock = true
REMOVE n._lock
WITH n
WHERE n.status = $expected
SET n.status = $next
RETURN n.id AS key, '__LABEL__' AS label, properties(n) AS props

// name: cobuilding_took
MATCH (u:Unit {id: $unitId})
MATCH (d:Demand {id: $demandId})
MERGE (u)-[t:TOOK]->(d)
SET t.on = $on
RETURN count(t) AS written

// name: cobuilding_claimed
MATCH (p:Person {id: $personId})
MATCH (w:Wish {id: $wishId})
MERGE (p)-[c:CLAIMED]->(w)
SET c.on = $on
REMOVE c.fulfilledOn
RETURN count(c) AS written

// name: cobuilding_fulfilled
// Every claim of the wish (normally one) gets its fulfilment date.
MATCH (:Wish {id: $wishId})<-[c:CLAIMED]-(:Person)
SET c.fulfilledOn = $on
RETURN count(c) AS written

// name: cobuilding_evaluation_upsert
// One score per (evaluator, evaluated, period): a second submission replaces the first. The
// evaluator is write-locked first (as in cobuilding_transition) so that two concurrent
// submissions on Neo4j cannot both create the relationship.
MATCH (a:Entity {id: $fromId})
MATCH (b:Entity {id: $toId})
SET a._lock = true
REMOVE a._lock
WITH a, b
OPTIONAL MATCH (a)-[old:EVALUATED {period: $period}]->(b)
WITH a, b, collect(old.score) AS previous
MERGE (a)-[e:EVALUATED {period: $period}]->(b)
SET e.score = $score
RETURN previous[0] AS previous, e.score AS score

// name: cobuilding_activity_create
MATCH (place:Entity {id: $placeId})
CREATE (a:Entity:Activity {id: $id})
SET a += $props
CREATE (a)-[:IN]->(place)
RETURN a.id AS key, 'Activity' AS label, properties(a) AS props

// name: cobuilding_attendance_upsert
// One attendance per person and activity: recording it again replaces the hours (the person
// write-locked first, as above).
MATCH (p:Person {id: $personId})
MATCH (a:Activity {id: $activityId})
SET p._lock = true
REMOVE p._lock
WITH p, a
OPTIONAL MATCH (p)-[old:ATTENDED]->(a)
WITH p, a, collect(old.hours) AS previous
MERGE (p)-[r:ATTENDED]->(a)
SET r.hours = $hours
RETURN previous[0] AS previous, r.hours AS hours
