// Hotspots: where incidents concentrate. Points (with weights, e.g. the dead and missing of
// an incident) are binned on a regular grid, smoothed with a quartic kernel into a density
// per km² (kernel density estimation), and the cells above a share of the peak density are
// joined into hotspots (8-connected components), each with its extent, outline, weight and
// peak. Binning first makes the cost depend on the occupied cells, not the points: a million
// incidents take a fraction of a second.
//
//   geo::PointSet points;  points.add({-77.68, 8.46}, 3);
//   ESCUDO_ASSIGN_OR_RETURN(auto result, geo::find_hotspots(points, {.bandwidth_km = 8}));
//   for (const auto& h : result.hotspots) use(h.extent, h.weight);
//
// Pure and thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "base/status.h"
#include "geo/geometry.h"

namespace escudo::geo {

// Struct of arrays: one entry per incident.
struct PointSet {
  std::vector<double> lon;
  std::vector<double> lat;
  std::vector<double> weight;
  void add(LonLat p, double w = 1) {
    lon.push_back(p.lon);
    lat.push_back(p.lat);
    weight.push_back(w);
  }
  std::size_t size() const { return lon.size(); }
};

struct DensityOptions {
  double cell_km = 2.0;
  double bandwidth_km = 8.0;  // kernel radius: a point adds density up to this far
  // A cell belongs to a hotspot when its density is at least this share of the peak.
  double threshold = 0.25;
  // A hotspot must gather at least this weight (e.g. two incidents) to be reported.
  double min_weight = 2.0;
  // Fix the grid (to compare periods cell by cell); by default the points' extent plus the
  // bandwidth. Points outside it are left out.
  std::optional<BoundingBox> extent;
  // The grid never exceeds this many cells: the cells grow instead.
  std::size_t max_cells = 4'000'000;
};

struct DensityGrid {
  BoundingBox extent;
  int cols = 0;
  int rows = 0;
  double cell_km = 0;
  double cell_lon = 0;  // degrees per cell
  double cell_lat = 0;
  std::vector<float> density;  // per km², row-major from the south-west corner
  std::vector<float> weight;   // the points' weight binned in each cell
  LonLat cell_center(std::size_t index) const;
  // The cell holding `p`, or -1 outside the grid.
  std::int64_t cell_of(LonLat p) const;
};

struct Hotspot {
  double weight = 0;        // the points' weight inside the hotspot's cells
  std::int64_t points = 0;  // how many points
  double peak_density = 0;  // per km²
  LonLat peak;              // centre of the densest cell
  BoundingBox extent;
  std::vector<LonLat> outline;  // convex hull of the cells, counter-clockwise
  double area_km2 = 0;
  std::vector<std::uint32_t> cells;  // indices into the grid
};

struct HotspotResult {
  DensityGrid grid;
  double peak_density = 0;
  double threshold_density = 0;
  std::vector<Hotspot> hotspots;  // heaviest first
};

// kInvalidArgument for a non-positive cell or bandwidth, a threshold outside (0, 1], or
// points with a non-finite coordinate or a negative weight (naming the index).
Result<HotspotResult> find_hotspots(const PointSet& points, const DensityOptions& options);

// The weight of `points` that falls in each hotspot's cells (same order as result.hotspots):
// how a hotspot of one period looked in another.
std::vector<double> weight_in_hotspots(const HotspotResult& result, const PointSet& points);

}  // namespace escudo::geo
