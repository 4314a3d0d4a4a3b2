-- Victims of an incident linked to their registrations (persons). A survivor's record is
-- linked only with her consent to it (consent_registration); who may see a link is decided by
-- service::IncidentService (those who may see both the incident and the person).
ALTER TABLE incident_survivor_records ADD COLUMN consent_registration INTEGER NOT NULL DEFAULT 0;

CREATE TABLE incident_victim_links (
  incident_id INTEGER NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
  person_id INTEGER NOT NULL REFERENCES persons (id) ON DELETE CASCADE,
  linked_by TEXT NOT NULL,
  linked_at INTEGER NOT NULL,
  PRIMARY KEY (incident_id, person_id)
);
CREATE INDEX incident_victim_links_person ON incident_victim_links (person_id);
