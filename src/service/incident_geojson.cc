// GeoJSON and JSON for hotspots, sectors and plans (the CLI and the API write the same).
#include "base/json.h"
#include "service/incident_service.h"

namespace escudo::service {
namespace {

void ring(JsonWriter& w, const std::vector<geo::LonLat>& points) {
  w.begin_array().begin_array();
  for (const auto& p : points) w.begin_array().value(p.lon).value(p.lat).end_array();
  if (!points.empty()) w.begin_array().value(points.front().lon).value(points.front().lat).end_array();
  w.end_array().end_array();
}

}  // namespace

std::string hotspots_geojson(const HotspotReport& report, bool with_cells) {
  const auto& r = report.result;
  JsonWriter w;
  w.begin_object().key("type").value("FeatureCollection");
  w.key("properties").begin_object()
      .key("points").value(report.points).key("withheld").value(report.withheld)
      .key("cell_km").value(r.grid.cell_km).key("peak_density").value(r.peak_density)
      .key("threshold_density").value(r.threshold_density).end_object();
  w.key("features").begin_array();
  for (std::size_t i = 0; i < r.hotspots.size(); ++i) {
    const auto& h = r.hotspots[i];
    w.begin_object().key("type").value("Feature").key("properties").begin_object()
        .key("kind").value("hotspot").key("rank").value(static_cast<std::int64_t>(i + 1))
        .key("weight").value(h.weight).key("points").value(h.points)
        .key("peak_density").value(h.peak_density)
        .key("peak").begin_array().value(h.peak.lon).value(h.peak.lat).end_array()
        .key("area_km2").value(h.area_km2)
        .key("extent").begin_array().value(h.extent.min_lon).value(h.extent.min_lat)
        .value(h.extent.max_lon).value(h.extent.max_lat).end_array();
    if (i < report.compared_weight.size()) {
      w.key("compared_weight").value(report.compared_weight[i])
          .key("change").value(h.weight - report.compared_weight[i]);
    }
    w.end_object().key("geometry").begin_object().key("type").value("Polygon").key("coordinates");
    ring(w, h.outline);
    w.end_object().end_object();
  }
  if (with_cells && r.peak_density > 0) {
    const auto& g = r.grid;
    for (std::size_t c = 0; c < g.density.size(); ++c) {
      if (g.density[c] < 0.1 * r.peak_density) continue;
      geo::LonLat m = g.cell_center(c);
      double dx = g.cell_lon / 2, dy = g.cell_lat / 2;
      w.begin_object().key("type").value("Feature").key("properties").begin_object()
          .key("kind").value("cell").key("density").value(static_cast<double>(g.density[c]))
          .end_object().key("geometry").begin_object().key("type").value("Polygon").key("coordinates");
      ring(w, {{m.lon - dx, m.lat - dy}, {m.lon + dx, m.lat - dy}, {m.lon + dx, m.lat + dy}, {m.lon - dx, m.lat + dy}});
      w.end_object().end_object();
    }
  }
  w.end_array().end_object();
  return std::move(w).take();
}

std::string sectors_geojson(const std::vector<SectorRisk>& sectors) {
  JsonWriter w;
  w.begin_object().key("type").value("FeatureCollection").key("features").begin_array();
  for (const auto& s : sectors) {
    w.begin_object().key("type").value("Feature").key("properties").begin_object()
        .key("code").value(s.sector.code).key("name").value(s.sector.name)
        .key("units_to_cover").value(s.sector.units_to_cover).key("area_km2").value(s.sector.area_km2)
        .key("incidents").value(s.incidents).key("dead_or_missing").value(s.dead_or_missing)
        .key("weight").value(s.weight).key("risk").value(s.risk).key("share").value(s.share)
        .key("by_type").begin_object();
    for (const auto& [type, n] : s.by_type) w.key(type).value(n);
    w.end_object().end_object().key("geometry").begin_object().key("type").value("Polygon").key("coordinates");
    ring(w, s.sector.polygon.ring);
    w.end_object().end_object();
  }
  w.end_array().end_object();
  return std::move(w).take();
}

std::string plan_json(const Plan& plan) {
  JsonWriter w;
  w.begin_object().key("from").value(plan.from).key("to").value(plan.to)
      .key("resources").value(plan.resources).key("used").value(plan.used)
      .key("attacked").value(plan.attacked).key("defender_utility").value(plan.defender_utility)
      .key("free_defender_utility").value(plan.free_defender_utility)
      .key("cost_of_fixes").value(plan.cost_of_fixes)
      .key("programs_solved").value(static_cast<std::int64_t>(plan.programs_solved));
  w.key("sectors").begin_array();
  for (const auto& s : plan.sectors) {
    w.begin_object().key("code").value(s.code).key("name").value(s.name).key("risk").value(s.risk)
        .key("incidents").value(s.incidents).key("units_to_cover").value(s.units_to_cover)
        .key("coverage").value(s.coverage).key("expected_units").value(s.expected_units)
        .key("ground_units").value(s.ground_units).key("air_units").value(s.air_units)
        .key("fixed").value(s.fixed).key("attacker_utility").value(s.attacker_utility)
        .key("reason").value(s.reason).end_object();
  }
  w.end_array().key("shifts").begin_array();
  for (std::size_t k = 0; k < plan.shifts.size(); ++k) {
    w.begin_object().key("shift").value(static_cast<std::int64_t>(k + 1)).key("sectors").begin_array();
    for (const auto& a : plan.shifts[k]) {
      w.begin_object().key("code").value(a.code).key("ground").value(a.ground).key("air").value(a.air).end_object();
    }
    w.end_array().end_object();
  }
  w.end_array().end_object();
  return std::move(w).take();
}

}  // namespace escudo::service
