-- Protection incidents, the sectors of the route, and operations. A sexual-violence incident
-- keeps what could identify the survivor (her code, the narrative, her consent for each kind
-- of sharing) in incident_survivor_records, which only the protection role reads; the
-- incidents row holds what anonymous counts need (type, month, place).
CREATE TABLE incident_imports (
  id INTEGER PRIMARY KEY,
  source_name TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  row_count INTEGER NOT NULL,
  imported_at INTEGER NOT NULL,
  imported_by TEXT NOT NULL
);

CREATE TABLE incidents (
  id INTEGER PRIMARY KEY,
  type TEXT NOT NULL,
  cause_text TEXT NOT NULL DEFAULT '',
  occurred_on TEXT NOT NULL DEFAULT '',
  month TEXT NOT NULL,
  period_end_month TEXT NOT NULL DEFAULT '',
  lat REAL NOT NULL,
  lon REAL NOT NULL,
  segment_end_lat REAL,
  segment_end_lon REAL,
  location TEXT NOT NULL DEFAULT '',
  country_iso3 TEXT NOT NULL DEFAULT '',
  victims_women INTEGER NOT NULL DEFAULT 0,
  victims_men INTEGER NOT NULL DEFAULT 0,
  victims_girls INTEGER NOT NULL DEFAULT 0,
  victims_boys INTEGER NOT NULL DEFAULT 0,
  victims_unknown INTEGER NOT NULL DEFAULT 0,
  dead_or_missing INTEGER NOT NULL DEFAULT 0,
  survivors INTEGER,
  origin TEXT NOT NULL DEFAULT '',
  source TEXT NOT NULL,
  source_ref TEXT NOT NULL DEFAULT '',
  reliability TEXT NOT NULL,
  narrative TEXT NOT NULL DEFAULT '',
  survivor_record INTEGER NOT NULL DEFAULT 0,
  import_id INTEGER REFERENCES incident_imports (id),
  recorded_by TEXT NOT NULL,
  recorded_at INTEGER NOT NULL
);
CREATE INDEX incidents_month ON incidents (month);
CREATE INDEX incidents_type_month ON incidents (type, month);
CREATE INDEX incidents_import ON incidents (import_id);

CREATE TABLE incident_survivor_records (
  incident_id INTEGER PRIMARY KEY REFERENCES incidents (id) ON DELETE CASCADE,
  survivor_code TEXT NOT NULL,
  narrative TEXT NOT NULL DEFAULT '',
  consent_maps INTEGER NOT NULL DEFAULT 0,
  consent_referral INTEGER NOT NULL DEFAULT 0,
  consent_prosecution INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE incident_suspects (
  incident_id INTEGER NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
  entity_id INTEGER NOT NULL,
  PRIMARY KEY (incident_id, entity_id)
);

-- Sectors of the route: a polygon (GeoJSON coordinates of one ring) and how many
-- unit-equivalents watch it fully.
CREATE TABLE sectors (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  ring_json TEXT NOT NULL,
  units_to_cover REAL NOT NULL,
  updated_at INTEGER NOT NULL
);

CREATE TABLE operations (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  from_month TEXT NOT NULL,
  to_month TEXT NOT NULL,
  sectors TEXT NOT NULL,
  ground_units INTEGER NOT NULL,
  air_units INTEGER NOT NULL,
  arrests INTEGER NOT NULL DEFAULT 0,
  seizures INTEGER NOT NULL DEFAULT 0,
  rescues INTEGER NOT NULL DEFAULT 0,
  notes TEXT NOT NULL DEFAULT '',
  created_by TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
