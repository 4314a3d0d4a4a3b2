-- Faster imports.
--
-- No query reads registration groups by day (statistics scan every person), and the index made
-- every import write a page at a random place per group. A query that needs it brings it back.
DROP INDEX IF EXISTS registration_groups_by_day;

-- The checks on sex and age group were written as IN lists, which SQLite evaluates by building
-- a temporary index on every insert statement; the same checks as comparisons cost nothing.
-- SQLite cannot change a check in place, so the table is rebuilt with its rows.
CREATE TABLE persons_new (
  id INTEGER PRIMARY KEY,
  group_id INTEGER NOT NULL REFERENCES registration_groups (id) ON DELETE CASCADE,
  given_names TEXT NOT NULL,
  family_names TEXT NOT NULL,
  sex TEXT NOT NULL CHECK (sex = 'female' OR sex = 'male' OR sex = 'unknown'),
  birth_date TEXT,
  estimated_age INTEGER,
  age_group TEXT NOT NULL CHECK (age_group = 'child' OR age_group = 'adult' OR age_group = 'unknown'),
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
INSERT INTO persons_new SELECT * FROM persons;
DROP TABLE persons;
ALTER TABLE persons_new RENAME TO persons;
CREATE INDEX persons_by_group ON persons (group_id);
