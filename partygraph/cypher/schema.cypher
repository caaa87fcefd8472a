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
// Neo4j only (the development engine has no full-text indexes): names in Chinese, CJK bigrams.
CREATE FULLTEXT INDEX entity_names IF NOT EXISTS FOR (n:Entity) ON EACH [n.name]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk'}}
