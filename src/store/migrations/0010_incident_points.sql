-- Hotspots read, of each incident, only its month, type and place, and whether it is a
-- survivor's record. This index holds exactly those columns, so hotspots over millions of
-- incidents scan it alone, never the wider rows.
CREATE INDEX incidents_points ON incidents (month, type, survivor_record, lon, lat);
