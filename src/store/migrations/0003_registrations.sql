-- Reception stations and the people registered there, in the groups they travel with.
CREATE TABLE stations (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  country_iso3 TEXT NOT NULL,
  lat REAL NOT NULL,
  lon REAL NOT NULL,
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
);

-- Coordinates: data/geo/route_places.csv (GeoNames; IOM Missing Migrants geocodes).
INSERT INTO stations (code, name, country_iso3, lat, lon) VALUES
  ('bajo-chiquito', 'Bajo Chiquito', 'PAN', 8.457257, -77.678859),
  ('canaan-membrillo', 'Canaán Membrillo', 'PAN', 8.648194, -77.796094),
  ('lajas-blancas', 'Lajas Blancas ERM', 'PAN', 8.403428, -77.813683),
  ('san-vicente', 'San Vicente ERM', 'PAN', 8.499912, -77.96646),
  ('meteti', 'Metetí', 'PAN', 8.49909, -77.97897);

CREATE TABLE registration_groups (
  id INTEGER PRIMARY KEY,
  station_id INTEGER NOT NULL REFERENCES stations (id),
  registered_on TEXT NOT NULL,
  departure_point TEXT NOT NULL DEFAULT '',
  days_in_jungle INTEGER,
  paid_usd_cents INTEGER,
  paid_to TEXT NOT NULL DEFAULT '',
  registered_at INTEGER NOT NULL,
  registered_by TEXT NOT NULL,
  import_ref TEXT
);
CREATE INDEX registration_groups_by_day ON registration_groups (registered_on);

-- Identity fields (names, birth date, document, phone) are read only through the service's
-- identity checks; statistics read the derived columns (nationality, sex, age_group) only.
CREATE TABLE persons (
  id INTEGER PRIMARY KEY,
  group_id INTEGER NOT NULL REFERENCES registration_groups (id) ON DELETE CASCADE,
  given_names TEXT NOT NULL,
  family_names TEXT NOT NULL,
  sex TEXT NOT NULL CHECK (sex IN ('female', 'male', 'unknown')),
  birth_date TEXT,
  estimated_age INTEGER,
  age_group TEXT NOT NULL CHECK (age_group IN ('child', 'adult', 'unknown')),
  nationality TEXT NOT NULL,
  document_type TEXT NOT NULL,
  document_country TEXT NOT NULL DEFAULT '',
  document_number TEXT NOT NULL DEFAULT '',
  phone TEXT NOT NULL DEFAULT '',
  relationship TEXT NOT NULL,
  pregnant INTEGER NOT NULL DEFAULT 0,
  disability INTEGER NOT NULL DEFAULT 0,
  injured INTEGER NOT NULL DEFAULT 0,
  violence_survivor INTEGER NOT NULL DEFAULT 0,
  separated INTEGER NOT NULL DEFAULT 0,
  unaccompanied INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX persons_by_group ON persons (group_id);
