-- Screening, protection needs and returns. Watchlists keep every imported version; a screening
-- hit names the version it came from. Protection records (claims, trafficking assessments,
-- best-interest assessments of children, referrals) are what the return safeguards read: a
-- return is executed only after the service has checked them inside the same transaction.

CREATE TABLE watchlists (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL CHECK (kind IN ('wanted', 'sanctions', 'other')),
  created_at INTEGER NOT NULL,
  created_by TEXT NOT NULL
);
CREATE TABLE watchlist_versions (
  id INTEGER PRIMARY KEY,
  watchlist_id INTEGER NOT NULL REFERENCES watchlists (id),
  version INTEGER NOT NULL,
  file_name TEXT NOT NULL,
  file_sha256 TEXT NOT NULL,
  entries INTEGER NOT NULL,
  imported_at INTEGER NOT NULL,
  imported_by TEXT NOT NULL,
  UNIQUE (watchlist_id, version)
);
-- names, dates_of_birth, nationalities: one value a line; documents: "type|country|number" a line.
CREATE TABLE watchlist_entries (
  id INTEGER PRIMARY KEY,
  version_id INTEGER NOT NULL REFERENCES watchlist_versions (id) ON DELETE CASCADE,
  entry_id TEXT NOT NULL,
  given_name TEXT NOT NULL DEFAULT '',
  surname TEXT NOT NULL DEFAULT '',
  names TEXT NOT NULL,
  dates_of_birth TEXT NOT NULL DEFAULT '',
  nationalities TEXT NOT NULL DEFAULT '',
  documents TEXT NOT NULL DEFAULT '',
  listed_for TEXT NOT NULL DEFAULT '',
  UNIQUE (version_id, entry_id)
);

CREATE TABLE screening_hits (
  id INTEGER PRIMARY KEY,
  person_id INTEGER NOT NULL REFERENCES persons (id) ON DELETE CASCADE,
  source TEXT NOT NULL CHECK (source IN ('watchlist', 'earlier_record', 'earlier_return')),
  version_id INTEGER REFERENCES watchlist_versions (id),
  entry_id TEXT NOT NULL,       -- the list entry, or the earlier person's id
  matched_name TEXT NOT NULL DEFAULT '',
  score REAL NOT NULL,
  reasons TEXT NOT NULL,        -- one reason a line
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'confirmed', 'dismissed')),
  decided_by TEXT,
  decided_at INTEGER,
  decision_note TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL,
  UNIQUE (person_id, source, version_id, entry_id)
);
CREATE INDEX screening_hits_by_status ON screening_hits (status, created_at);
CREATE TABLE screenings (
  id INTEGER PRIMARY KEY,
  person_id INTEGER NOT NULL REFERENCES persons (id) ON DELETE CASCADE,
  hits INTEGER NOT NULL,
  screened_at INTEGER NOT NULL,
  screened_by TEXT NOT NULL
);

-- Entry requirements: versions of one JSON document, each from its effective day on.
CREATE TABLE entry_rule_versions (
  id INTEGER PRIMARY KEY,
  version INTEGER NOT NULL UNIQUE,
  effective_on TEXT NOT NULL,
  rules TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL,
  created_by TEXT NOT NULL
);

CREATE TABLE protection_claims (
  id INTEGER PRIMARY KEY,
  person_id INTEGER NOT NULL REFERENCES persons (id) ON DELETE CASCADE,
  lodged_on TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('pending', 'recognised', 'rejected', 'under_appeal',
                                         'rejected_final', 'withdrawn')),
  decided_on TEXT,
  decision_note TEXT NOT NULL DEFAULT '',
  appealed_on TEXT,
  updated_at INTEGER NOT NULL,
  updated_by TEXT NOT NULL
);
CREATE INDEX protection_claims_by_person ON protection_claims (person_id);

CREATE TABLE trafficking_assessments (
  id INTEGER PRIMARY KEY,
  person_id INTEGER NOT NULL REFERENCES persons (id) ON DELETE CASCADE,
  indicators TEXT NOT NULL,     -- codes of the checklist, one a line
  outcome TEXT NOT NULL CHECK (outcome IN ('no_indicators', 'suspected', 'recognised', 'not_a_victim')),
  assessed_on TEXT NOT NULL,
  assessed_at INTEGER NOT NULL,
  assessed_by TEXT NOT NULL
);
CREATE INDEX trafficking_by_person ON trafficking_assessments (person_id, id);

CREATE TABLE best_interest_assessments (
  id INTEGER PRIMARY KEY,
  person_id INTEGER NOT NULL REFERENCES persons (id) ON DELETE CASCADE,
  status TEXT NOT NULL CHECK (status IN ('open', 'completed')),
  recommendation TEXT NOT NULL DEFAULT '' CHECK (recommendation IN ('', 'return', 'stay',
                                                                    'other_solution')),
  note TEXT NOT NULL DEFAULT '',
  updated_at INTEGER NOT NULL,
  updated_by TEXT NOT NULL
);
CREATE INDEX best_interest_by_person ON best_interest_assessments (person_id, id);

CREATE TABLE protection_referrals (
  id INTEGER PRIMARY KEY,
  person_id INTEGER NOT NULL REFERENCES persons (id) ON DELETE CASCADE,
  partner TEXT NOT NULL,
  service TEXT NOT NULL,
  consent INTEGER NOT NULL CHECK (consent IN (0, 1)),
  consent_note TEXT NOT NULL DEFAULT '',
  referred_at INTEGER NOT NULL,
  referred_by TEXT NOT NULL
);

CREATE TABLE return_manifests (
  id INTEGER PRIMARY KEY,
  mode TEXT NOT NULL CHECK (mode IN ('bus', 'flight')),
  receiving_country TEXT NOT NULL,
  departs_on TEXT NOT NULL,
  escort TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'executed')),
  created_at INTEGER NOT NULL,
  created_by TEXT NOT NULL
);

CREATE TABLE return_decisions (
  id INTEGER PRIMARY KEY,
  person_id INTEGER NOT NULL REFERENCES persons (id) ON DELETE CASCADE,
  receiving_country TEXT NOT NULL,
  reason TEXT NOT NULL,
  rule_version INTEGER,
  voluntary INTEGER NOT NULL DEFAULT 0 CHECK (voluntary IN (0, 1)),
  status TEXT NOT NULL CHECK (status IN ('decided', 'executed', 'stopped', 'cancelled')),
  manifest_id INTEGER REFERENCES return_manifests (id),
  decided_at INTEGER NOT NULL,
  decided_by TEXT NOT NULL,
  executed_at INTEGER,
  executed_by TEXT,
  stopped_reason TEXT NOT NULL DEFAULT ''
);
CREATE INDEX return_decisions_by_person ON return_decisions (person_id);

-- A lawful override of a safeguard (a voluntary return the person asked for): requested by one
-- officer, approved by a different one.
CREATE TABLE return_overrides (
  id INTEGER PRIMARY KEY,
  return_id INTEGER NOT NULL REFERENCES return_decisions (id) ON DELETE CASCADE,
  ground TEXT NOT NULL CHECK (ground IN ('voluntary_return')),
  statement TEXT NOT NULL,
  requested_by TEXT NOT NULL,
  requested_at INTEGER NOT NULL,
  approved_by TEXT,
  approved_at INTEGER,
  UNIQUE (return_id, ground)
);

-- Every time a safeguard stopped a return (at decision or at execution).
CREATE TABLE safeguard_stops (
  id INTEGER PRIMARY KEY,
  person_id INTEGER NOT NULL REFERENCES persons (id) ON DELETE CASCADE,
  return_id INTEGER REFERENCES return_decisions (id) ON DELETE CASCADE,
  safeguard TEXT NOT NULL,
  stage TEXT NOT NULL CHECK (stage IN ('decision', 'execution')),
  at INTEGER NOT NULL,
  by_user TEXT NOT NULL
);
