-- Entity resolution: which entity each person record belongs to, how it got there, and the
-- reviewers' decisions. The entity ids here are the stable ones users see; the engine's own
-- numbering lives only in memory. Identity stays in the source tables (persons, ...): these
-- tables hold record ids, entity ids, probabilities and reasons, never a name.
CREATE TABLE entity_records (
  record_id TEXT PRIMARY KEY,  -- '<source>:<id>', e.g. 'registration:42'
  entity_id INTEGER NOT NULL,
  probability REAL NOT NULL,   -- of the link that joined the record to its entity; 1 for the first
  linked_to TEXT NOT NULL DEFAULT '',
  updated_at INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX entity_records_by_entity ON entity_records (entity_id);

-- An entity merged into another keeps leading to it.
CREATE TABLE entity_aliases (
  entity_id INTEGER PRIMARY KEY,
  now_entity_id INTEGER NOT NULL
);

CREATE TABLE entity_events (
  id INTEGER PRIMARY KEY,
  at INTEGER NOT NULL,
  actor TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind = 'created' OR kind = 'joined' OR kind = 'merged' OR kind = 'split'),
  entity_id INTEGER NOT NULL,
  other_entity_id INTEGER,
  records TEXT NOT NULL,  -- record ids, comma-separated
  probability REAL,
  reason TEXT NOT NULL DEFAULT ''
);
CREATE INDEX entity_events_by_entity ON entity_events (entity_id);
CREATE INDEX entity_events_by_other ON entity_events (other_entity_id);

CREATE TABLE entity_decisions (
  id INTEGER PRIMARY KEY,
  at INTEGER NOT NULL,
  actor TEXT NOT NULL,
  decision TEXT NOT NULL CHECK (decision = 'same' OR decision = 'different' OR decision = 'split'),
  record_a TEXT NOT NULL,
  record_b TEXT NOT NULL DEFAULT '',
  entity_id INTEGER,
  reason TEXT NOT NULL DEFAULT ''
);

-- The match model's parameters (m and u probabilities, prior), as the engine writes them.
CREATE TABLE entity_model (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  parameters TEXT NOT NULL,
  updated_at INTEGER NOT NULL
);
