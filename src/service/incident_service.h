// Protection incidents: recording them, the public IOM Missing Migrants data, the survivor-
// centred rules, hotspots, sectors and their risk, deployment plans and the operation log.
//
// Who sees what (docs/security.md, "Survivor-centred records"):
//   - incidents.survivor (protection officers): every record whole; each read of a survivor's
//     record is audited.
//   - incidents.read (analysts, commanders) and the command line's exports: every other
//     record; a survivor's record only as anonymous counts, or, with the survivor's consent,
//     as a point on the map (month and place rounded to 0.05°; consent `maps`) or as a record
//     with its suspects (consent `prosecution`) — never her code or her narrative.
//
//   auto report = services.incidents().import_mmp(Actor::command_line(), std::move(stream));
//   auto spots = services.incidents().hotspots(actor, {.incidents = {.type = kRobbery}});
//   auto plan = services.incidents().plan(actor, {.ground_units = 1200});
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/clock.h"
#include "base/input_stream.h"
#include "geo/geometry.h"
#include "geo/hotspots.h"
#include "model/incident.h"
#include "service/principal.h"
#include "service/transit_csv.h"
#include "store/incident_repo.h"
#include "store/pool.h"

namespace escudo::service {

// The box the IOM data flags as the Darién (lat 6.8…9.8, lon −79.2…−75.8).
inline constexpr geo::BoundingBox kDarienBox{-79.2, 6.8, -75.8, 9.8};

struct IncidentQuery {
  std::optional<model::IncidentType> type;
  std::string from;  // YYYY-MM, inclusive; empty: no bound
  std::string to;
  std::optional<geo::BoundingBox> within;
};

// One incident as it may leave the service for its reader.
struct IncidentView {
  model::Incident incident;
  // Only what the survivor's consent lets out is left: no id unless `prosecution`, no code,
  // narrative, date, place name or victims; the point rounded to 0.05°.
  bool redacted = false;
};

// Map points, one array per field.
struct IncidentPoints {
  std::vector<double> lon;
  std::vector<double> lat;
  std::vector<model::IncidentType> type;
  std::vector<std::string> month;
};

struct MmpImportReport {
  bool stored = false;
  std::int64_t rows = 0;
  std::int64_t dead_or_missing = 0;
  std::int64_t import_id = 0;
  std::vector<RowError> errors;
  std::int64_t error_count = 0;
};

struct IncidentCount {
  std::string period;  // YYYY or YYYY-MM
  std::string type;
  std::int64_t incidents = 0;
  std::int64_t dead_or_missing = 0;
  std::int64_t victims = 0;
};

struct HotspotQuery {
  IncidentQuery incidents;
  std::optional<IncidentQuery> compare_to;  // another period, on the same grid
  geo::DensityOptions density;
};

struct HotspotReport {
  geo::HotspotResult result;
  std::vector<double> compared_weight;  // per hotspot, the other period's weight in its cells
  std::int64_t points = 0;              // incidents mapped
  std::int64_t withheld = 0;            // survivors' records counted but not mapped (no consent)
};

struct Sector {
  std::string code;
  std::string name;
  geo::Polygon polygon;
  double units_to_cover = 0;
  double area_km2 = 0;
};

struct SectorRisk {
  Sector sector;
  std::int64_t incidents = 0;
  std::int64_t dead_or_missing = 0;
  double weight = 0;   // Σ severity × people, over the period
  double risk = 0;     // weight per month
  double share = 0;    // risk / the highest sector's risk
  std::map<std::string, std::int64_t> by_type;
};

struct PlanRequest {
  std::int64_t ground_units = 0;
  std::int64_t air_units = 0;
  double air_weight = 3;       // unit-equivalents one air unit watches
  std::string period;          // YYYY-MM; risk from the 12 months up to it (default: the latest)
  std::map<std::string, double> fixed;  // sector code → coverage the commander imposes
  double attacker_penalty = 0.5;
  int shifts = 14;
  std::uint64_t seed = 1;
};

struct SectorPlan {
  std::string code;
  std::string name;
  double risk = 0;
  std::int64_t incidents = 0;
  double units_to_cover = 0;
  double coverage = 0;
  double expected_units = 0;  // unit-equivalents on average
  double ground_units = 0;
  double air_units = 0;
  bool fixed = false;
  double attacker_utility = 0;
  std::string reason;
};

struct ShiftAssignment {
  std::string code;
  std::int64_t ground = 0;
  std::int64_t air = 0;
};

struct Plan {
  std::string from;
  std::string to;
  double resources = 0;  // unit-equivalents
  double used = 0;
  std::string attacked;  // the sector an adaptive group would pick under this plan
  double defender_utility = 0;
  double free_defender_utility = 0;  // without the fixes
  double cost_of_fixes = 0;          // free − fixed, ≥ 0
  int programs_solved = 0;
  std::vector<SectorPlan> sectors;
  std::vector<std::vector<ShiftAssignment>> shifts;
};

struct OperationInput {
  std::string name;
  std::string from;
  std::string to;
  std::vector<std::string> sectors;
  std::int64_t ground_units = 0;
  std::int64_t air_units = 0;
};

struct OperationReport {
  store::OperationRecord operation;
  std::int64_t incidents_before = 0;  // in its sectors, the same number of months before
  std::int64_t incidents_during = 0;
  std::int64_t dead_or_missing_before = 0;
  std::int64_t dead_or_missing_during = 0;
};

class IncidentService {
 public:
  IncidentService(store::DatabasePool& pool, const Clock& clock) : pool_(pool), clock_(clock) {}

  // incidents.write or the command line. The IOM Missing Migrants CSV (data/incidents/): every
  // row is checked first; any bad row (line, column, field, why) and nothing is stored.
  // Importing a file of the same name again replaces what it stored.
  Result<MmpImportReport> import_mmp(const Actor& actor, std::unique_ptr<InputStream> input);

  // incidents.write; a survivor's record also needs incidents.survivor. kInvalidArgument
  // naming every bad field. Audited.
  Result<std::int64_t> record(const Principal& principal, model::Incident incident);

  // incidents.read (or the command line): what the reader may see, oldest first.
  Result<std::vector<IncidentView>> list(const Actor& actor, const IncidentQuery& query);
  // The same incidents as list() as map points, read without the rest of each record; a
  // survivor's record only with consent to maps (rounded) for readers without
  // incidents.survivor.
  Result<IncidentPoints> points(const Actor& actor, const IncidentQuery& query);
  // One record; a survivor's record whole only with incidents.survivor (the read is audited),
  // else kPermissionDenied saying whom to ask.
  Result<IncidentView> get(const Principal& principal, std::int64_t id);

  // Anonymous counts by year (or month) and type; survivors' records included.
  Result<std::vector<IncidentCount>> counts(const Actor& actor, const IncidentQuery& query,
                                            bool by_month);
  // Links a victim of incident `id` to her registration (person id). Needs incidents.write
  // and identity.read, and for a survivor's record incidents.survivor and the survivor's
  // consent `registration` (kFailedPrecondition without it). kNotFound for an unknown
  // incident or person. Audited (a survivor's link without the person id).
  Status link_victim(const Principal& principal, std::int64_t id, std::int64_t person_id);
  // The registrations linked to incident `id`, only for a reader who may see both the
  // incident whole (incidents.survivor for a survivor's record, else incidents.read) and
  // the persons (identity.read); else kPermissionDenied. No list, count, map or export
  // carries the links.
  Result<std::vector<store::VictimLink>> victim_links(const Principal& principal, std::int64_t id);

  Result<HotspotReport> hotspots(const Actor& actor, const HotspotQuery& query);

  // The stored sectors, or the default set along Acandí – Bajo Chiquito – Lajas Blancas
  // (data/geo/sectors.geojson) when none is stored.
  Result<std::vector<Sector>> sectors(const Actor& actor);
  // operations.plan or the command line: replace the sectors with a GeoJSON FeatureCollection
  // of Polygons with properties code, name and optionally units_to_cover. kInvalidArgument
  // naming the feature and field.
  Status load_sectors(const Actor& actor, std::string_view geojson);
  Result<std::vector<SectorRisk>> sector_risk(const Actor& actor, const IncidentQuery& query);

  // operations.plan or the command line.
  Result<Plan> plan(const Actor& actor, const PlanRequest& request);

  Result<std::int64_t> create_operation(const Actor& actor, const OperationInput& input);
  Status record_operation_results(const Actor& actor, std::int64_t id, std::int64_t arrests,
                                  std::int64_t seizures, std::int64_t rescues, std::string_view notes);
  // incidents.read or operations.plan.
  Result<std::vector<OperationReport>> operations(const Actor& actor);

 private:
  store::DatabasePool& pool_;
  const Clock& clock_;
};

// How much an incident weighs in sector risk: the type's severity times the people it hit.
double incident_weight(const model::Incident& incident);
double incident_weight(model::IncidentType type, std::int64_t victims, std::int64_t dead_or_missing);

// GeoJSON (RFC 7946) of hotspots: one Feature per hotspot (outline polygon, weight, points,
// peak, extent, and the compared period's weight when asked), plus the grid's cells above a
// tenth of the peak as small squares with their density when `with_cells`.
std::string hotspots_geojson(const HotspotReport& report, bool with_cells);
std::string sectors_geojson(const std::vector<SectorRisk>& sectors);
std::string plan_json(const Plan& plan);

}  // namespace escudo::service
