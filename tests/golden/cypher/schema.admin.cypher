// schema.cypher as the role admin sends it (tests/test_golden_cypher.py)

// name: ping
RETURN 1 AS ok

// name: constraint_entity_id
// One index for every node: ids are unique across the whole graph.
CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE

// name: constraint_label_id
CREATE CONSTRAINT __LABEL___id IF NOT EXISTS FOR (n:__LABEL__) REQUIRE n.id IS UNIQUE

// name: index_label_name
CREATE INDEX __LABEL___name IF NOT EXISTS FOR (n:__LABEL__) ON (n.name)

// name: fulltext_entity_names
// Neo4j only (ArcadeDB has no full-text indexes): names in Chinese, as CJK bigrams.
CREATE FULLTEXT INDEX entity_names IF NOT EXISTS FOR (n:Entity) ON EACH [n.name]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk'}}

// name: text_entity_names
// Neo4j only: a trigram TEXT index answers `name CONTAINS $text` for what the full-text
// index cannot (a name part in digits or Latin letters).
CREATE TEXT INDEX entity_names_text IF NOT EXISTS FOR (n:Entity) ON (n.name)

// name: await_indexes
// Neo4j only: waits until every index is online (a new one is filled in the background).
CALL db.awaitIndexes(300)

// name: prepare_for_replanning
// Neo4j only: samples every index again (waiting up to a minute), then empties the plan cache,
// so statements are planned on the graph as it now is.
CALL db.prepareForReplanning(60)
