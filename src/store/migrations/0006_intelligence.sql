-- The intelligence graph and cases. Entities are people, organisations, phones, accounts,
-- vessels, vehicles, places and documents; links join two entities and each carries where it
-- was learnt (its source record), when, how strong it is and how sure. A person's label is
-- identity data: the service shows it only to a permission that allows it.
CREATE TABLE intel_entities (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('person', 'organisation', 'phone', 'account', 'vessel',
                                     'vehicle', 'place', 'document')),
  label TEXT NOT NULL,
  -- What makes two mentions one entity within a kind: the phone or account number, a place's
  -- name, 'entity:<id>' for a person resolved by entity resolution. NULL: never merged.
  match_key TEXT,
  person_entity_id INTEGER,  -- a person's entity in entity_records, when resolved
  created_by TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX intel_entities_by_key ON intel_entities (kind, match_key);

CREATE TABLE intel_imports (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,  -- calls | transfers | mentions | meetings
  file_name TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  rows INTEGER NOT NULL,
  imported_by TEXT NOT NULL,
  imported_at INTEGER NOT NULL
);

CREATE TABLE intel_links (
  id INTEGER PRIMARY KEY,
  type TEXT NOT NULL CHECK (type IN ('called', 'paid', 'member_of', 'travelled_with', 'guided',
                                     'owns', 'uses', 'located_at', 'met')),
  source_id INTEGER NOT NULL REFERENCES intel_entities (id),
  target_id INTEGER NOT NULL REFERENCES intel_entities (id),
  source_record TEXT NOT NULL,  -- 'calls.csv:17', 'mention:88:1', 'report 2024/113'
  date_from TEXT,               -- YYYY-MM-DD
  date_to TEXT,                 -- YYYY-MM-DD; equal to date_from for one day
  count INTEGER NOT NULL DEFAULT 1 CHECK (count >= 1),
  amount_cents INTEGER CHECK (amount_cents >= 0),
  currency TEXT,
  confidence REAL NOT NULL CHECK (confidence >= 0 AND confidence <= 1),
  note TEXT NOT NULL DEFAULT '',
  entered_by TEXT NOT NULL,
  entered_at INTEGER NOT NULL,
  import_id INTEGER REFERENCES intel_imports (id)
);
CREATE INDEX intel_links_by_source ON intel_links (source_id);
CREATE INDEX intel_links_by_target ON intel_links (target_id);

-- Person records from sources other than registrations (interview mentions, meeting lists),
-- which entity resolution reads beside the registered people.
CREATE TABLE person_records (
  record_id TEXT PRIMARY KEY,  -- 'mention:<interview>:<n>'
  full_name TEXT NOT NULL,
  phone TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE cases (
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL,
  agency TEXT NOT NULL,
  country TEXT NOT NULL,  -- ISO 3166 alpha-3
  status TEXT NOT NULL CHECK (status IN ('open', 'suspended', 'closed')),
  lead_user_id INTEGER NOT NULL REFERENCES users (id),
  created_at INTEGER NOT NULL
);

CREATE TABLE case_members (
  case_id INTEGER NOT NULL REFERENCES cases (id),
  user_id INTEGER NOT NULL REFERENCES users (id),
  added_by TEXT NOT NULL,
  added_at INTEGER NOT NULL,
  PRIMARY KEY (case_id, user_id)
);
CREATE INDEX case_members_by_user ON case_members (user_id);

-- What a case ties together: intelligence entities and links, tips and incidents (by id).
CREATE TABLE case_items (
  case_id INTEGER NOT NULL REFERENCES cases (id),
  kind TEXT NOT NULL CHECK (kind IN ('entity', 'link', 'tip', 'incident')),
  item_id INTEGER NOT NULL,
  added_by TEXT NOT NULL,
  added_at INTEGER NOT NULL,
  PRIMARY KEY (case_id, kind, item_id)
);

-- What happened to a person in a jurisdiction. death_linked: the case's evidence links the
-- person to a death (a homicide, a drowning) caused by the smuggling.
CREATE TABLE case_events (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES cases (id),
  entity_id INTEGER NOT NULL REFERENCES intel_entities (id),
  kind TEXT NOT NULL CHECK (kind IN ('arrest', 'charge', 'conviction', 'acquittal',
                                     'extradition', 'asset_seizure', 'death_linked')),
  happened_on TEXT NOT NULL,  -- YYYY-MM-DD
  agency TEXT NOT NULL,
  country TEXT NOT NULL,      -- ISO 3166 alpha-3
  note TEXT NOT NULL DEFAULT '',
  entered_by TEXT NOT NULL,
  entered_at INTEGER NOT NULL
);
CREATE INDEX case_events_by_case ON case_events (case_id);
CREATE INDEX case_events_by_entity ON case_events (entity_id);
CREATE INDEX case_events_by_day ON case_events (happened_on);
