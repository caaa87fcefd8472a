// name: audit_append
// The audit trail is append-only: the service has no statement that changes or removes an
// entry. Entries carry no Entity label, so they are not part of the domain graph.
UNWIND $entries AS entry
CREATE (a:AuditEntry)
SET a = entry
RETURN count(a) AS written

// name: audit_page
MATCH (a:AuditEntry)
WHERE ($after IS NULL OR a.id > $after)
  AND ($before IS NULL OR a.id < $before)
  AND ($actor IS NULL OR a.actor = $actor)
  AND ($operation IS NULL OR a.operation = $operation)
RETURN a.id AS key, properties(a) AS props
ORDER BY a.id __ORDER__
LIMIT $limit

// name: audit_count$
MATCH (a:AuditEntry)
WHERE ($actor IS NULL OR a.actor = $actor)
  AND ($operation IS NULL OR a.operation = $operation)
RETURN count(a) AS total
