// Sectors and their risk, hotspots and deployment plans: the incident store feeding src/geo.
#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "base/civil_date.h"
#include "base/json.h"
#include "geo/planner.h"
#include "service/audit_service.h"
#include "service/incident_service.h"

namespace escudo::service {

std::string_view default_sectors_geojson();  // generated from data/geo/sectors.geojson

namespace internal_incidents {
Result<std::vector<model::Incident>> load(store::DatabasePool& pool, const IncidentQuery& query);
Result<bool> may_see_survivors(const Actor& actor);
}  // namespace internal_incidents

namespace {

using model::Permission;

Status require_plan(const Actor& actor) {
  if (actor.principal == nullptr) return ok_status();
  return require(*actor.principal, Permission::kOperationsPlan);
}

Status require_read(const Actor& actor) {
  if (actor.principal == nullptr) return ok_status();
  if (actor.principal->can(Permission::kOperationsPlan)) return require(*actor.principal, Permission::kOperationsPlan);
  return require(*actor.principal, Permission::kIncidentsRead);
}

Result<geo::Polygon> ring_of(const JsonValue& ring, const std::string& where) {
  geo::Polygon polygon;
  for (const JsonValue& point : ring.items()) {
    if (point.items().size() < 2) {
      return errorf(ErrorCode::kInvalidArgument, "{}: a position must be [longitude, latitude]", where);
    }
    ESCUDO_ASSIGN_OR_RETURN(double lon, point.items()[0].as_double());
    ESCUDO_ASSIGN_OR_RETURN(double lat, point.items()[1].as_double());
    if (std::abs(lon) > 180 || std::abs(lat) > 90) {
      return errorf(ErrorCode::kInvalidArgument, "{}: [{}, {}] is not a longitude and latitude", where, lon, lat);
    }
    polygon.ring.push_back({lon, lat});
  }
  if (polygon.ring.size() > 1 && polygon.ring.front().lon == polygon.ring.back().lon &&
      polygon.ring.front().lat == polygon.ring.back().lat) {
    polygon.ring.pop_back();
  }
  if (polygon.ring.size() < 3) {
    return errorf(ErrorCode::kInvalidArgument, "{}: a sector's ring needs at least three positions", where);
  }
  return polygon;
}

std::string ring_json(const geo::Polygon& polygon) {
  JsonWriter w;
  w.begin_array();
  for (const auto& p : polygon.ring) w.begin_array().value(p.lon).value(p.lat).end_array();
  w.end_array();
  return std::move(w).take();
}

Result<std::vector<Sector>> parse_sectors(std::string_view geojson) {
  ESCUDO_ASSIGN_OR_RETURN(JsonValue doc, parse_json(geojson, 10));
  ESCUDO_ASSIGN_OR_RETURN(std::string type, doc.get_string("type"));
  if (type != "FeatureCollection") {
    return make_error(ErrorCode::kInvalidArgument, "sectors must be a GeoJSON FeatureCollection");
  }
  ESCUDO_ASSIGN_OR_RETURN(auto features, doc.get_array("features"));
  std::vector<Sector> out;
  std::set<std::string> codes;
  for (std::size_t i = 0; i < features.size(); ++i) {
    std::string where = fmt::format("features[{}]", i);
    ESCUDO_ASSIGN_OR_RETURN(const JsonValue* props, features[i]->get_object("properties"));
    ESCUDO_ASSIGN_OR_RETURN(const JsonValue* geometry, features[i]->get_object("geometry"));
    Sector s;
    ESCUDO_ASSIGN_OR_RETURN(s.code, props->get_string("code"));
    ESCUDO_ASSIGN_OR_RETURN(s.name, props->get_string("name"));
    if (s.code.empty() || s.code.size() > 40 || !codes.insert(s.code).second) {
      return errorf(ErrorCode::kInvalidArgument, "{}.properties.code: '{}' is empty, too long or used twice", where, s.code);
    }
    ESCUDO_ASSIGN_OR_RETURN(std::string gtype, geometry->get_string("type"));
    if (gtype != "Polygon") {
      return errorf(ErrorCode::kInvalidArgument, "{}.geometry: a sector is a Polygon, not {}", where, gtype);
    }
    ESCUDO_ASSIGN_OR_RETURN(auto rings, geometry->get_array("coordinates"));
    if (rings.empty()) return errorf(ErrorCode::kInvalidArgument, "{}.geometry.coordinates: no ring", where);
    ESCUDO_ASSIGN_OR_RETURN(s.polygon, ring_of(*rings[0], where + ".geometry.coordinates[0]"));
    s.area_km2 = geo::area_km2(s.polygon);
    ESCUDO_ASSIGN_OR_RETURN(auto units, props->get_optional_double("units_to_cover"));
    s.units_to_cover = units.value_or(std::max(1.0, std::round(s.area_km2 / 4)));
    if (!(s.units_to_cover > 0)) {
      return errorf(ErrorCode::kInvalidArgument, "{}.properties.units_to_cover must be above 0", where);
    }
    out.push_back(std::move(s));
  }
  if (out.empty()) return make_error(ErrorCode::kInvalidArgument, "the FeatureCollection has no sector");
  return out;
}

YearMonth minus_months(YearMonth m, int n) {
  int index = m.year() * 12 + (m.month() - 1) - n;
  return YearMonth(index / 12, index % 12 + 1);
}

}  // namespace

Result<std::vector<Sector>> IncidentService::sectors(const Actor& actor) {
  ESCUDO_TRY(require_read(actor));
  std::vector<store::SectorRecord> stored;
  {
    auto db = pool_.acquire();
    ESCUDO_ASSIGN_OR_RETURN(stored, store::IncidentRepo(*db).sectors());
  }
  if (stored.empty()) return parse_sectors(default_sectors_geojson());
  std::vector<Sector> out;
  for (const auto& r : stored) {
    ESCUDO_ASSIGN_OR_RETURN(JsonValue ring, parse_json(r.ring_json, 4));
    Sector s{.code = r.code, .name = r.name};
    ESCUDO_ASSIGN_OR_RETURN(s.polygon, ring_of(ring, "sector " + r.code));
    s.units_to_cover = r.units_to_cover;
    s.area_km2 = geo::area_km2(s.polygon);
    out.push_back(std::move(s));
  }
  return out;
}

Status IncidentService::load_sectors(const Actor& actor, std::string_view geojson) {
  ESCUDO_TRY(require_plan(actor));
  ESCUDO_ASSIGN_OR_RETURN(auto parsed, parse_sectors(geojson));
  std::vector<store::SectorRecord> records;
  for (const auto& s : parsed) records.push_back({s.code, s.name, ring_json(s.polygon), s.units_to_cover});
  auto db = pool_.acquire();
  ESCUDO_ASSIGN_OR_RETURN(auto tx, store::Transaction::begin(*db));
  ESCUDO_TRY(store::IncidentRepo(*db).replace_sectors(records, clock_.now_unix_seconds()));
  ESCUDO_TRY(append_audit(*db, clock_, actor, "sectors.load", "sectors", fmt::format("{} sectors", records.size())));
  return tx.commit();
}

Result<std::vector<SectorRisk>> IncidentService::sector_risk(const Actor& actor, const IncidentQuery& query) {
  ESCUDO_ASSIGN_OR_RETURN(auto sectors_list, sectors(actor));
  // Anonymous counts: every record, survivors' included, enters the sector's totals. Only the
  // columns needed are read, so a million incidents stream through.
  if ((!query.from.empty() && !YearMonth::parse(query.from)) || (!query.to.empty() && !YearMonth::parse(query.to))) {
    return make_error(ErrorCode::kInvalidArgument, "'from' and 'to' must be months (YYYY-MM)");
  }
  std::vector<SectorRisk> out;
  std::vector<geo::BoundingBox> boxes;
  for (auto& s : sectors_list) {
    boxes.push_back(geo::bounding_box(s.polygon));
    out.push_back({.sector = std::move(s)});
  }
  std::string first, last;
  {
    auto db = pool_.acquire();
    ESCUDO_TRY(store::IncidentRepo(*db).for_each_point(
        {.type = query.type, .from_month = query.from, .to_month = query.to}, [&](const store::IncidentPoint& in) {
          geo::LonLat p{in.lon, in.lat};
          if (query.within && !query.within->contains(p)) return;
          if (first.empty() || in.month < first) first = std::string(in.month);
          if (last.empty() || in.month > last) last = std::string(in.month);
          for (std::size_t s = 0; s < out.size(); ++s) {
            if (!boxes[s].contains(p) || !geo::contains(out[s].sector.polygon, p)) continue;
            SectorRisk& r = out[s];
            ++r.incidents;
            r.dead_or_missing += in.dead_or_missing;
            r.weight += incident_weight(in.type, in.victims, in.dead_or_missing);
            ++r.by_type[std::string(model::incident_type_name(in.type))];
            break;
          }
        }));
  }
  int months = 1;
  {
    auto f = YearMonth::parse(query.from.empty() ? first : query.from);
    auto t = YearMonth::parse(query.to.empty() ? last : query.to);
    if (f && t && !(*t < *f)) months = t->months_since(*f) + 1;
  }
  double top = 0;
  for (auto& r : out) {
    r.risk = r.weight / months;
    top = std::max(top, r.risk);
  }
  for (auto& r : out) r.share = top > 0 ? r.risk / top : 0;
  return out;
}

Result<IncidentPoints> IncidentService::points(const Actor& actor, const IncidentQuery& query) {
  ESCUDO_TRY(require_read(actor));
  ESCUDO_ASSIGN_OR_RETURN(bool survivors, internal_incidents::may_see_survivors(actor));
  if ((!query.from.empty() && !YearMonth::parse(query.from)) || (!query.to.empty() && !YearMonth::parse(query.to))) {
    return make_error(ErrorCode::kInvalidArgument, "'from' and 'to' must be months (YYYY-MM)");
  }
  IncidentPoints out;
  auto db = pool_.acquire();
  ESCUDO_TRY(store::IncidentRepo(*db).for_each_point(
      {.type = query.type, .from_month = query.from, .to_month = query.to}, [&](const store::IncidentPoint& in) {
        geo::LonLat p{in.lon, in.lat};
        if (query.within && !query.within->contains(p)) return;
        if (in.survivor_record && !survivors) {
          if (!in.consent_maps) return;
          p = {std::round(in.lon / 0.05) * 0.05, std::round(in.lat / 0.05) * 0.05};
        }
        out.lon.push_back(p.lon);
        out.lat.push_back(p.lat);
        out.type.push_back(in.type);
        out.month.emplace_back(in.month);
      }));
  return out;
}

Result<HotspotReport> IncidentService::hotspots(const Actor& actor, const HotspotQuery& query) {
  ESCUDO_TRY(require_read(actor));
  ESCUDO_ASSIGN_OR_RETURN(bool survivors, internal_incidents::may_see_survivors(actor));
  HotspotReport report;
  // Only the places are read, from one covering index, not whole records: hotspots run over
  // millions of incidents.
  auto points_of = [&](const IncidentQuery& q, bool count) -> Result<geo::PointSet> {
    if ((!q.from.empty() && !YearMonth::parse(q.from)) || (!q.to.empty() && !YearMonth::parse(q.to))) {
      return make_error(ErrorCode::kInvalidArgument, "'from' and 'to' must be months (YYYY-MM)");
    }
    geo::PointSet points;
    auto db = pool_.acquire();
    ESCUDO_TRY(store::IncidentRepo(*db).for_each_hotspot_point(
        {.type = q.type, .from_month = q.from, .to_month = q.to}, [&](const store::HotspotPoint& in) {
          geo::LonLat p{in.lon, in.lat};
          if (q.within && !q.within->contains(p)) return;
          if (in.survivor_record && !survivors) {
            if (!in.consent_maps) {
              if (count) ++report.withheld;
              return;
            }
            p = {std::round(in.lon / 0.05) * 0.05, std::round(in.lat / 0.05) * 0.05};
          }
          points.add(p, 1.0);
        }));
    if (count) report.points = static_cast<std::int64_t>(points.size());
    return points;
  };
  ESCUDO_ASSIGN_OR_RETURN(geo::PointSet current, points_of(query.incidents, true));
  geo::DensityOptions options = query.density;
  geo::PointSet previous;
  if (query.compare_to) {
    ESCUDO_ASSIGN_OR_RETURN(previous, points_of(*query.compare_to, false));
    if (!options.extent) {
      // One grid for both periods, so their cells line up.
      geo::PointSet both = current;
      for (std::size_t i = 0; i < previous.size(); ++i) both.add({previous.lon[i], previous.lat[i]});
      ESCUDO_ASSIGN_OR_RETURN(auto probe, geo::find_hotspots(both, {.cell_km = options.cell_km,
                                                                     .bandwidth_km = options.bandwidth_km,
                                                                     .max_cells = options.max_cells}));
      options.extent = probe.grid.extent;
    }
  }
  ESCUDO_ASSIGN_OR_RETURN(report.result, geo::find_hotspots(current, options));
  if (query.compare_to) report.compared_weight = geo::weight_in_hotspots(report.result, previous);
  return report;
}

Result<Plan> IncidentService::plan(const Actor& actor, const PlanRequest& request) {
  ESCUDO_TRY(require_plan(actor));
  if (request.ground_units < 0 || request.air_units < 0) {
    return make_error(ErrorCode::kInvalidArgument, "--units and --air-units cannot be negative");
  }
  if (!(request.air_weight >= 1) || request.air_weight > 100) {
    return make_error(ErrorCode::kInvalidArgument, "an air unit must count between 1 and 100 ground units");
  }
  if (request.shifts < 0 || request.shifts > 1000) {
    return make_error(ErrorCode::kInvalidArgument, "shifts must be between 0 and 1000");
  }
  Plan plan;
  // The period: the 12 months up to `period`, or up to the latest month recorded.
  YearMonth to;
  if (!request.period.empty()) {
    auto p = YearMonth::parse(request.period);
    if (!p) return make_error(ErrorCode::kInvalidArgument, "--period must be a month (YYYY-MM)", "period");
    to = *p;
  } else {
    std::string latest;
    {
      auto db = pool_.acquire();
      ESCUDO_ASSIGN_OR_RETURN(latest, store::IncidentRepo(*db).latest_month());
    }
    to = latest.empty() ? civil_date_from_unix_seconds(clock_.now_unix_seconds()).year_month()
                        : YearMonth::parse(latest).value();
  }
  plan.from = minus_months(to, 11).to_string();
  plan.to = to.to_string();
  ESCUDO_ASSIGN_OR_RETURN(auto risks, sector_risk(actor, {.from = plan.from, .to = plan.to}));
  for (const auto& [code, coverage] : request.fixed) {
    if (std::none_of(risks.begin(), risks.end(), [&](const SectorRisk& r) { return r.sector.code == code; })) {
      return errorf(ErrorCode::kInvalidArgument, "--fix: there is no sector '{}'", code);
    }
    if (!(coverage >= 0 && coverage <= 1)) {
      return errorf(ErrorCode::kInvalidArgument, "--fix {}: a coverage is between 0 and 1", code);
    }
  }
  std::vector<double> risk, cost;
  for (const auto& r : risks) {
    risk.push_back(r.risk);
    cost.push_back(r.sector.units_to_cover);
  }
  plan.resources = static_cast<double>(request.ground_units) +
                   request.air_weight * static_cast<double>(request.air_units);
  geo::SecurityGame game = geo::game_from_risk(risk, cost, plan.resources,
                                               {.attacker_penalty = request.attacker_penalty});
  ESCUDO_ASSIGN_OR_RETURN(auto free_solution, geo::solve_stackelberg(game));
  geo::StackelbergSolution solution = free_solution;
  if (!request.fixed.empty()) {
    for (std::size_t t = 0; t < risks.size(); ++t) {
      auto it = request.fixed.find(risks[t].sector.code);
      if (it != request.fixed.end()) game.fixed[t] = it->second;
    }
    ESCUDO_ASSIGN_OR_RETURN(solution, geo::solve_stackelberg(game));
  }
  plan.defender_utility = solution.defender_utility;
  plan.free_defender_utility = free_solution.defender_utility;
  plan.cost_of_fixes = std::max(0.0, free_solution.defender_utility - solution.defender_utility);
  plan.programs_solved = solution.programs_solved + (request.fixed.empty() ? 0 : free_solution.programs_solved);
  plan.used = solution.resources_used;
  plan.attacked = risks.empty() ? "" : risks[solution.attacked].sector.code;
  double ground_share = plan.resources > 0 ? static_cast<double>(request.ground_units) / plan.resources : 0;
  std::vector<double> ground_expected, air_expected;
  for (std::size_t t = 0; t < risks.size(); ++t) {
    SectorPlan s;
    s.code = risks[t].sector.code;
    s.name = risks[t].sector.name;
    s.risk = risks[t].risk;
    s.incidents = risks[t].incidents;
    s.units_to_cover = risks[t].sector.units_to_cover;
    s.coverage = solution.coverage[t];
    s.expected_units = s.coverage * s.units_to_cover;
    s.ground_units = s.expected_units * ground_share;
    s.air_units = request.air_weight > 0 ? s.expected_units * (1 - ground_share) / request.air_weight : 0;
    s.fixed = game.fixed[t].has_value();
    s.attacker_utility = solution.attacker_utilities[t];
    if (s.fixed) {
      s.reason = fmt::format("fixed by the commander at {:.0f}% coverage", 100 * s.coverage);
    } else if (s.risk <= 0) {
      s.reason = fmt::format("no incident recorded here from {} to {}: no units", plan.from, plan.to);
    } else if (s.coverage >= 0.999) {
      s.reason = fmt::format("risk {:.1f} a month ({} incidents): fully covered, and still what a group "
                             "gains here is {:.2f}",
                             s.risk, s.incidents, s.attacker_utility);
    } else if (t == solution.attacked) {
      s.reason = fmt::format("risk {:.1f} a month ({} incidents): {:.0f}% coverage brings what a group "
                             "gains here down to {:.2f}, no more than anywhere else",
                             s.risk, s.incidents, 100 * s.coverage, s.attacker_utility);
    } else if (s.coverage <= 1e-6) {
      s.reason = fmt::format("risk {:.1f} a month ({} incidents) is below what a group gains in the "
                             "covered sectors ({:.2f}): no units needed",
                             s.risk, s.incidents, solution.attacker_utility);
    } else {
      s.reason = fmt::format("risk {:.1f} a month ({} incidents): {:.0f}% coverage keeps what a group "
                             "gains here at {:.2f}, against {:.2f} in {}",
                             s.risk, s.incidents, 100 * s.coverage, s.attacker_utility,
                             solution.attacker_utility, plan.attacked);
    }
    ground_expected.push_back(s.ground_units);
    air_expected.push_back(s.air_units);
    plan.sectors.push_back(std::move(s));
  }
  auto ground = geo::sample_shifts(ground_expected, request.ground_units, request.shifts, request.seed);
  auto air = geo::sample_shifts(air_expected, request.air_units, request.shifts, request.seed * 7919 + 1);
  for (int k = 0; k < request.shifts; ++k) {
    std::vector<ShiftAssignment> shift;
    for (std::size_t t = 0; t < plan.sectors.size(); ++t) {
      if (ground[k][t] == 0 && air[k][t] == 0) continue;
      shift.push_back({plan.sectors[t].code, ground[k][t], air[k][t]});
    }
    plan.shifts.push_back(std::move(shift));
  }
  return plan;
}

}  // namespace escudo::service
