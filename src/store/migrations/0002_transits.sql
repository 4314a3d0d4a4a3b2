-- Official transit tables (Panama's Servicio Nacional de Migración, monthly bulletins).
CREATE TABLE transit_imports (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('nationality', 'demographic')),
  source_name TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  row_count INTEGER NOT NULL,
  imported_at INTEGER NOT NULL,
  imported_by TEXT NOT NULL
);

-- Before 2020 the source holds yearly totals only: annual_total = 1, month = 'YYYY-01'.
CREATE TABLE transit_nationality_counts (
  month TEXT NOT NULL,
  annual_total INTEGER NOT NULL CHECK (annual_total IN (0, 1)),
  nationality TEXT NOT NULL,
  count INTEGER NOT NULL CHECK (count >= 0),
  import_id INTEGER NOT NULL REFERENCES transit_imports (id),
  PRIMARY KEY (month, nationality)
);

CREATE TABLE transit_demographic_counts (
  month TEXT NOT NULL,
  demog TEXT NOT NULL CHECK (demog IN ('men', 'women', 'boys', 'girls')),
  count INTEGER NOT NULL CHECK (count >= 0),
  import_id INTEGER NOT NULL REFERENCES transit_imports (id),
  PRIMARY KEY (month, demog)
);
