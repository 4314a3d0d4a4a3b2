// Incidents, their survivor records and suspects, the sectors of the route and operations.
// The repository returns whole records; what a reader may see of them is decided by
// service::IncidentService.
#pragma once

#include <functional>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "model/incident.h"
#include "store/database.h"

namespace escudo::store {

struct IncidentImport {
  std::string source_name;
  std::string sha256;
  std::int64_t row_count = 0;
  std::int64_t imported_at = 0;
  std::string imported_by;
};

struct IncidentFilter {
  std::optional<model::IncidentType> type;
  std::string from_month;  // inclusive, empty: no bound
  std::string to_month;
};

struct SectorRecord {
  std::string code;
  std::string name;
  std::string ring_json;  // [[lon,lat],…]
  double units_to_cover = 0;
};

struct OperationRecord {
  std::int64_t id = 0;
  std::string name;
  std::string from_month;
  std::string to_month;
  std::vector<std::string> sectors;
  std::int64_t ground_units = 0;
  std::int64_t air_units = 0;
  std::int64_t arrests = 0;
  std::int64_t seizures = 0;
  std::int64_t rescues = 0;
  std::string notes;
  std::string created_by;
  std::int64_t created_at = 0;
};

// What a map needs of one incident, read without the rest of the record.
struct IncidentPoint {
  double lon = 0;
  double lat = 0;
  model::IncidentType type = model::IncidentType::kRobbery;
  std::string_view month;  // valid during the callback only
  bool survivor_record = false;
  bool consent_maps = false;
  std::int64_t dead_or_missing = 0;
  std::int64_t victims = 0;  // all victims counted by sex and age group
};

// What hotspots need of one incident: its place, and whether it is a survivor's record whose
// survivor agreed to appear on maps. Type and month are only filtered on, never returned.
struct HotspotPoint {
  double lon = 0;
  double lat = 0;
  bool survivor_record = false;
  bool consent_maps = false;
};

// A victim of an incident linked to her registration (a person id). Whether the link may be
// made and who may see it is decided by service::IncidentService.
struct VictimLink {
  std::int64_t incident_id = 0;
  std::int64_t person_id = 0;
  std::string linked_by;
  std::int64_t linked_at = 0;
};

class IncidentRepo {
 public:
  explicit IncidentRepo(Database& db) : db_(db) {}

  // Inside one transaction: drop what earlier imports of the same source name stored, record
  // this import, insert its incidents.
  Status delete_imports_named(std::string_view source_name);
  Result<std::int64_t> record_import(const IncidentImport& import);
  Result<std::int64_t> insert(const model::Incident& incident, std::optional<std::int64_t> import_id);

  // Every incident matching, survivor fields included, oldest first.
  Result<std::vector<model::Incident>> list(const IncidentFilter& filter);
  Result<std::optional<model::Incident>> find(std::int64_t id);
  // The latest month with an incident, or empty.
  Result<std::string> latest_month();
  // The points of every incident matching, streamed (for hotspots over millions).
  Status for_each_point(const IncidentFilter& filter, const std::function<void(const IncidentPoint&)>& on_point);

  // The places of every incident matching, in no particular order, read from one covering
  // index (migration 0010) with a single prepared statement: the hotspot path over millions.
  Status for_each_hotspot_point(const IncidentFilter& filter,
                                const std::function<void(const HotspotPoint&)>& on_point);

  // kNotFound when the incident or the person does not exist; linking twice is a no-op.
  Status link_victim(const VictimLink& link);
  // The links of one incident, by person id.
  Result<std::vector<VictimLink>> victim_links(std::int64_t incident_id);

  Result<std::vector<SectorRecord>> sectors();
  Status replace_sectors(std::span<const SectorRecord> sectors, std::int64_t now);

  Result<std::int64_t> insert_operation(const OperationRecord& op);
  Status set_operation_results(std::int64_t id, std::int64_t arrests, std::int64_t seizures,
                               std::int64_t rescues, std::string_view notes);
  Result<std::vector<OperationRecord>> operations();

 private:
  Database& db_;
};

}  // namespace escudo::store
