#include "store/incident_repo.h"

#include <algorithm>
#include <map>
#include <sstream>

namespace escudo::store {
namespace {

using model::Incident;

SqlValue optional_real(const std::optional<double>& v) { return v ? SqlValue(*v) : SqlValue(nullptr); }

constexpr std::string_view kSelect =
    "SELECT i.id, i.type, i.cause_text, i.occurred_on, i.month, i.period_end_month, i.lat, i.lon, "
    "i.segment_end_lat, i.segment_end_lon, i.location, i.country_iso3, i.victims_women, "
    "i.victims_men, i.victims_girls, i.victims_boys, i.victims_unknown, i.dead_or_missing, "
    "i.survivors, i.origin, i.source, i.source_ref, i.reliability, i.narrative, i.recorded_by, "
    "i.recorded_at, s.survivor_code, s.narrative, s.consent_maps, s.consent_referral, "
    "s.consent_prosecution, s.consent_registration FROM incidents i "
    "LEFT JOIN incident_survivor_records s "
    "ON s.incident_id = i.id ";

Result<Incident> read_incident(const Row& row) {
  Incident in;
  in.id = row.get_int(0);
  ESCUDO_ASSIGN_OR_RETURN(in.type, model::parse_incident_type(row.get_text_view(1)));
  in.cause_text = row.get_text(2);
  in.occurred_on = row.get_text(3);
  in.month = row.get_text(4);
  in.period_end_month = row.get_text(5);
  in.lat = row.get_double(6);
  in.lon = row.get_double(7);
  if (!row.is_null(8)) in.segment_end_lat = row.get_double(8);
  if (!row.is_null(9)) in.segment_end_lon = row.get_double(9);
  in.location = row.get_text(10);
  in.country_iso3 = row.get_text(11);
  in.victims = {row.get_int(12), row.get_int(13), row.get_int(14), row.get_int(15), row.get_int(16)};
  in.dead_or_missing = row.get_int(17);
  if (!row.is_null(18)) in.survivors = row.get_int(18);
  in.origin = row.get_text(19);
  ESCUDO_ASSIGN_OR_RETURN(in.source, model::parse_incident_source(row.get_text_view(20)));
  in.source_ref = row.get_text(21);
  ESCUDO_ASSIGN_OR_RETURN(in.reliability, model::parse_reliability(row.get_text_view(22)));
  in.narrative = row.get_text(23);
  in.recorded_by = row.get_text(24);
  in.recorded_at = row.get_int(25);
  if (!row.is_null(26)) {
    in.survivor_code = row.get_text(26);
    in.narrative = row.get_text(27);
    if (row.get_int(28) != 0) in.consents.push_back(model::Consent::kMaps);
    if (row.get_int(29) != 0) in.consents.push_back(model::Consent::kReferral);
    if (row.get_int(30) != 0) in.consents.push_back(model::Consent::kProsecution);
    if (row.get_int(31) != 0) in.consents.push_back(model::Consent::kRegistration);
  }
  return in;
}

Status load_suspects(Database& db, std::vector<Incident>& incidents) {
  if (incidents.empty()) return ok_status();
  std::map<std::int64_t, std::size_t> index;
  for (std::size_t i = 0; i < incidents.size(); ++i) index[incidents[i].id] = i;
  return db.query("SELECT incident_id, entity_id FROM incident_suspects ORDER BY incident_id, entity_id",
                  {}, [&](const Row& row) {
                    auto it = index.find(row.get_int(0));
                    if (it != index.end()) incidents[it->second].suspect_entity_ids.push_back(row.get_int(1));
                    return ok_status();
                  });
}

}  // namespace

Status IncidentRepo::delete_imports_named(std::string_view source_name) {
  ESCUDO_TRY(db_.execute("DELETE FROM incidents WHERE import_id IN "
                         "(SELECT id FROM incident_imports WHERE source_name = $1)",
                         {source_name}));
  return db_.execute("DELETE FROM incident_imports WHERE source_name = $1", {source_name});
}

Result<std::int64_t> IncidentRepo::record_import(const IncidentImport& import) {
  std::int64_t id = 0;
  ESCUDO_TRY(db_.query("INSERT INTO incident_imports (source_name, sha256, row_count, imported_at, "
                       "imported_by) VALUES ($1, $2, $3, $4, $5) RETURNING id",
                       {import.source_name, import.sha256, import.row_count, import.imported_at,
                        import.imported_by},
                       [&](const Row& row) {
                         id = row.get_int(0);
                         return ok_status();
                       }));
  return id;
}

Result<std::int64_t> IncidentRepo::insert(const Incident& in, std::optional<std::int64_t> import_id) {
  std::int64_t id = 0;
  std::string type(model::incident_type_name(in.type));
  std::string source(model::incident_source_name(in.source));
  std::string reliability(model::reliability_name(in.reliability));
  std::string narrative = in.is_survivor_record() ? std::string() : in.narrative;
  std::vector<SqlValue> params = {
      type, in.cause_text, in.occurred_on, in.month, in.period_end_month, in.lat, in.lon,
      optional_real(in.segment_end_lat), optional_real(in.segment_end_lon), in.location,
      in.country_iso3, in.victims.women, in.victims.men, in.victims.girls, in.victims.boys,
      in.victims.unknown, in.dead_or_missing,
      in.survivors ? SqlValue(*in.survivors) : SqlValue(nullptr), in.origin, source,
      in.source_ref, reliability, narrative, std::int64_t{in.is_survivor_record() ? 1 : 0},
      import_id ? SqlValue(*import_id) : SqlValue(nullptr), in.recorded_by, in.recorded_at};
  ESCUDO_TRY(db_.query(
      "INSERT INTO incidents (type, cause_text, occurred_on, month, period_end_month, lat, lon, "
      "segment_end_lat, segment_end_lon, location, country_iso3, victims_women, victims_men, "
      "victims_girls, victims_boys, victims_unknown, dead_or_missing, survivors, origin, source, "
      "source_ref, reliability, narrative, survivor_record, import_id, recorded_by, recorded_at) "
      "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, "
      "$19, $20, $21, $22, $23, $24, $25, $26, $27) RETURNING id",
      params, [&](const Row& row) {
        id = row.get_int(0);
        return ok_status();
      }));
  if (in.is_survivor_record()) {
    ESCUDO_TRY(db_.execute(
        "INSERT INTO incident_survivor_records (incident_id, survivor_code, narrative, "
        "consent_maps, consent_referral, consent_prosecution, consent_registration) "
        "VALUES ($1, $2, $3, $4, $5, $6, $7)",
        {id, in.survivor_code, in.narrative,
         std::int64_t{in.has_consent(model::Consent::kMaps) ? 1 : 0},
         std::int64_t{in.has_consent(model::Consent::kReferral) ? 1 : 0},
         std::int64_t{in.has_consent(model::Consent::kProsecution) ? 1 : 0},
         std::int64_t{in.has_consent(model::Consent::kRegistration) ? 1 : 0}}));
  }
  for (std::int64_t entity : in.suspect_entity_ids) {
    ESCUDO_TRY(db_.execute("INSERT INTO incident_suspects (incident_id, entity_id) VALUES ($1, $2) "
                           "ON CONFLICT DO NOTHING",
                           {id, entity}));
  }
  return id;
}

Result<std::vector<Incident>> IncidentRepo::list(const IncidentFilter& filter) {
  std::vector<Incident> out;
  std::string type = filter.type ? std::string(model::incident_type_name(*filter.type)) : "";
  std::string from = filter.from_month.empty() ? "0000-00" : filter.from_month;
  std::string to = filter.to_month.empty() ? "9999-99" : filter.to_month;
  ESCUDO_TRY(db_.query(std::string(kSelect) +
                           "WHERE ($1 = '' OR i.type = $1) AND i.month >= $2 AND i.month <= $3 "
                           "ORDER BY i.month, i.occurred_on, i.id",
                       {type, from, to}, [&](const Row& row) -> Status {
                         ESCUDO_ASSIGN_OR_RETURN(auto in, read_incident(row));
                         out.push_back(std::move(in));
                         return ok_status();
                       }));
  ESCUDO_TRY(load_suspects(db_, out));
  return out;
}

Result<std::string> IncidentRepo::latest_month() {
  std::string out;
  ESCUDO_TRY(db_.query("SELECT MAX(month) FROM incidents", {}, [&](const Row& row) {
    if (!row.is_null(0)) out = row.get_text(0);
    return ok_status();
  }));
  return out;
}

Status IncidentRepo::for_each_point(const IncidentFilter& filter,
                                    const std::function<void(const IncidentPoint&)>& on_point) {
  std::string type = filter.type ? std::string(model::incident_type_name(*filter.type)) : "";
  std::string from = filter.from_month.empty() ? "0000-00" : filter.from_month;
  std::string to = filter.to_month.empty() ? "9999-99" : filter.to_month;
  return db_.query(
      "SELECT i.lon, i.lat, i.type, i.survivor_record, COALESCE(s.consent_maps, 0), i.month, "
      "i.dead_or_missing, i.victims_women + i.victims_men + i.victims_girls + i.victims_boys + "
      "i.victims_unknown FROM incidents i "
      "LEFT JOIN incident_survivor_records s ON s.incident_id = i.id "
      "WHERE ($1 = '' OR i.type = $1) AND i.month >= $2 AND i.month <= $3 ORDER BY i.month, i.id",
      {type, from, to}, [&](const Row& row) -> Status {
        IncidentPoint p;
        p.lon = row.get_double(0);
        p.lat = row.get_double(1);
        ESCUDO_ASSIGN_OR_RETURN(p.type, model::parse_incident_type(row.get_text_view(2)));
        p.survivor_record = row.get_int(3) != 0;
        p.consent_maps = row.get_int(4) != 0;
        p.month = row.get_text_view(5);
        p.dead_or_missing = row.get_int(6);
        p.victims = row.get_int(7);
        on_point(p);
        return ok_status();
      });
}

Status IncidentRepo::for_each_hotspot_point(const IncidentFilter& filter,
                                            const std::function<void(const HotspotPoint&)>& on_point) {
  // The survivors who agreed to maps are few: read their ids first instead of joining their
  // table to every incident.
  std::vector<std::int64_t> consented;
  ESCUDO_TRY(db_.query("SELECT incident_id FROM incident_survivor_records WHERE consent_maps != 0 "
                       "ORDER BY incident_id",
                       {}, [&](const Row& row) {
                         consented.push_back(row.get_int(0));
                         return ok_status();
                       }));
  std::string type = filter.type ? std::string(model::incident_type_name(*filter.type)) : "";
  std::string from = filter.from_month.empty() ? "0000-00" : filter.from_month;
  std::string to = filter.to_month.empty() ? "9999-99" : filter.to_month;
  return db_.query(
      "SELECT id, lon, lat, survivor_record FROM incidents "
      "WHERE month >= $2 AND month <= $3 AND ($1 = '' OR type = $1)",
      {type, from, to}, [&](const Row& row) -> Status {
        HotspotPoint p;
        p.lon = row.get_double(1);
        p.lat = row.get_double(2);
        p.survivor_record = row.get_int(3) != 0;
        if (p.survivor_record) p.consent_maps = std::ranges::binary_search(consented, row.get_int(0));
        on_point(p);
        return ok_status();
      });
}

Result<std::optional<Incident>> IncidentRepo::find(std::int64_t id) {
  std::vector<Incident> out;
  ESCUDO_TRY(db_.query(std::string(kSelect) + "WHERE i.id = $1", {id}, [&](const Row& row) -> Status {
    ESCUDO_ASSIGN_OR_RETURN(auto in, read_incident(row));
    out.push_back(std::move(in));
    return ok_status();
  }));
  if (out.empty()) return std::optional<Incident>();
  ESCUDO_TRY(load_suspects(db_, out));
  return std::optional<Incident>(std::move(out[0]));
}

Status IncidentRepo::link_victim(const VictimLink& link) {
  ESCUDO_ASSIGN_OR_RETURN(auto incident, db_.query_int("SELECT id FROM incidents WHERE id = $1", {link.incident_id}));
  if (!incident) return errorf(ErrorCode::kNotFound, "there is no incident {}", link.incident_id);
  ESCUDO_ASSIGN_OR_RETURN(auto person, db_.query_int("SELECT id FROM persons WHERE id = $1", {link.person_id}));
  if (!person) return errorf(ErrorCode::kNotFound, "there is no registered person {}", link.person_id);
  return db_.execute("INSERT INTO incident_victim_links (incident_id, person_id, linked_by, linked_at) "
                     "VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING",
                     {link.incident_id, link.person_id, link.linked_by, link.linked_at});
}

Result<std::vector<VictimLink>> IncidentRepo::victim_links(std::int64_t incident_id) {
  std::vector<VictimLink> out;
  ESCUDO_TRY(db_.query("SELECT incident_id, person_id, linked_by, linked_at FROM incident_victim_links "
                       "WHERE incident_id = $1 ORDER BY person_id",
                       {incident_id}, [&](const Row& row) {
                         out.push_back({row.get_int(0), row.get_int(1), row.get_text(2), row.get_int(3)});
                         return ok_status();
                       }));
  return out;
}

Result<std::vector<SectorRecord>> IncidentRepo::sectors() {
  std::vector<SectorRecord> out;
  ESCUDO_TRY(db_.query("SELECT code, name, ring_json, units_to_cover FROM sectors ORDER BY code", {},
                       [&](const Row& row) {
                         out.push_back({row.get_text(0), row.get_text(1), row.get_text(2), row.get_double(3)});
                         return ok_status();
                       }));
  return out;
}

Status IncidentRepo::replace_sectors(std::span<const SectorRecord> sectors, std::int64_t now) {
  ESCUDO_TRY(db_.execute("DELETE FROM sectors"));
  for (const auto& s : sectors) {
    ESCUDO_TRY(db_.execute("INSERT INTO sectors (code, name, ring_json, units_to_cover, updated_at) "
                           "VALUES ($1, $2, $3, $4, $5)",
                           {s.code, s.name, s.ring_json, s.units_to_cover, now}));
  }
  return ok_status();
}

Result<std::int64_t> IncidentRepo::insert_operation(const OperationRecord& op) {
  std::string sectors;
  for (const auto& s : op.sectors) sectors += (sectors.empty() ? "" : ",") + s;
  std::int64_t id = 0;
  std::vector<SqlValue> params = {op.name, op.from_month, op.to_month, sectors, op.ground_units,
                                  op.air_units, op.arrests, op.seizures, op.rescues, op.notes,
                                  op.created_by, op.created_at};
  ESCUDO_TRY(db_.query("INSERT INTO operations (name, from_month, to_month, sectors, ground_units, "
                       "air_units, arrests, seizures, rescues, notes, created_by, created_at) "
                       "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id",
                       params, [&](const Row& row) {
                         id = row.get_int(0);
                         return ok_status();
                       }));
  return id;
}

Status IncidentRepo::set_operation_results(std::int64_t id, std::int64_t arrests, std::int64_t seizures,
                                           std::int64_t rescues, std::string_view notes) {
  ESCUDO_ASSIGN_OR_RETURN(auto found, db_.query_int("SELECT id FROM operations WHERE id = $1", {id}));
  if (!found) return errorf(ErrorCode::kNotFound, "there is no operation {}", id);
  return db_.execute("UPDATE operations SET arrests = $1, seizures = $2, rescues = $3, notes = $4 "
                     "WHERE id = $5",
                     {arrests, seizures, rescues, notes, id});
}

Result<std::vector<OperationRecord>> IncidentRepo::operations() {
  std::vector<OperationRecord> out;
  ESCUDO_TRY(db_.query(
      "SELECT id, name, from_month, to_month, sectors, ground_units, air_units, arrests, seizures, "
      "rescues, notes, created_by, created_at FROM operations ORDER BY from_month DESC, id DESC",
      {}, [&](const Row& row) {
        OperationRecord op;
        op.id = row.get_int(0);
        op.name = row.get_text(1);
        op.from_month = row.get_text(2);
        op.to_month = row.get_text(3);
        std::stringstream codes(row.get_text(4));
        for (std::string code; std::getline(codes, code, ',');) {
          if (!code.empty()) op.sectors.push_back(code);
        }
        op.ground_units = row.get_int(5);
        op.air_units = row.get_int(6);
        op.arrests = row.get_int(7);
        op.seizures = row.get_int(8);
        op.rescues = row.get_int(9);
        op.notes = row.get_text(10);
        op.created_by = row.get_text(11);
        op.created_at = row.get_int(12);
        out.push_back(std::move(op));
        return ok_status();
      }));
  return out;
}

}  // namespace escudo::store
