#include "geo/hotspots.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace escudo::geo {

LonLat DensityGrid::cell_center(std::size_t index) const {
  std::size_t row = index / static_cast<std::size_t>(cols);
  std::size_t col = index % static_cast<std::size_t>(cols);
  return {extent.min_lon + (static_cast<double>(col) + 0.5) * cell_lon,
          extent.min_lat + (static_cast<double>(row) + 0.5) * cell_lat};
}

std::int64_t DensityGrid::cell_of(LonLat p) const {
  if (!extent.contains(p)) return -1;
  auto col = static_cast<std::int64_t>((p.lon - extent.min_lon) / cell_lon);
  auto row = static_cast<std::int64_t>((p.lat - extent.min_lat) / cell_lat);
  col = std::min<std::int64_t>(col, cols - 1);
  row = std::min<std::int64_t>(row, rows - 1);
  return row * cols + col;
}

namespace {

Status check(const PointSet& points, const DensityOptions& o) {
  if (!(o.cell_km > 0) || !(o.bandwidth_km > 0)) {
    return make_error(ErrorCode::kInvalidArgument, "the cell size and the bandwidth must be above 0 km");
  }
  if (!(o.threshold > 0 && o.threshold <= 1)) {
    return make_error(ErrorCode::kInvalidArgument, "the hotspot threshold must be above 0 and at most 1");
  }
  if (points.lat.size() != points.lon.size() || points.weight.size() != points.lon.size()) {
    return make_error(ErrorCode::kInvalidArgument, "the point arrays differ in length");
  }
  for (std::size_t i = 0; i < points.size(); ++i) {
    if (!std::isfinite(points.lon[i]) || !std::isfinite(points.lat[i]) ||
        std::abs(points.lat[i]) > 90 || std::abs(points.lon[i]) > 180) {
      return errorf(ErrorCode::kInvalidArgument, "point {} has no valid longitude/latitude", i);
    }
    if (!std::isfinite(points.weight[i]) || points.weight[i] < 0) {
      return errorf(ErrorCode::kInvalidArgument, "point {} has a negative or invalid weight", i);
    }
  }
  return ok_status();
}

BoundingBox points_extent(const PointSet& points, double margin_km) {
  BoundingBox box{180, 90, -180, -90};
  for (std::size_t i = 0; i < points.size(); ++i) {
    box.min_lon = std::min(box.min_lon, points.lon[i]);
    box.max_lon = std::max(box.max_lon, points.lon[i]);
    box.min_lat = std::min(box.min_lat, points.lat[i]);
    box.max_lat = std::max(box.max_lat, points.lat[i]);
  }
  if (points.size() == 0) box = {-78.5, 7.0, -76.5, 9.0};
  double mid = (box.min_lat + box.max_lat) / 2;
  double dlon = margin_km / km_per_degree_lon(mid);
  double dlat = margin_km / kKmPerDegreeLat;
  return {box.min_lon - dlon, box.min_lat - dlat, box.max_lon + dlon, box.max_lat + dlat};
}

}  // namespace

Result<HotspotResult> find_hotspots(const PointSet& points, const DensityOptions& options) {
  ESCUDO_TRY(check(points, options));
  HotspotResult result;
  DensityGrid& g = result.grid;
  g.extent = options.extent ? *options.extent : points_extent(points, options.bandwidth_km);
  double mid_lat = (g.extent.min_lat + g.extent.max_lat) / 2;
  double kx = km_per_degree_lon(mid_lat);
  double width_km = (g.extent.max_lon - g.extent.min_lon) * kx;
  double height_km = (g.extent.max_lat - g.extent.min_lat) * kKmPerDegreeLat;
  if (!(width_km > 0) || !(height_km > 0)) {
    return make_error(ErrorCode::kInvalidArgument, "the grid's extent is empty");
  }
  double cell_km = options.cell_km;
  while ((width_km / cell_km + 1) * (height_km / cell_km + 1) > static_cast<double>(options.max_cells)) {
    cell_km *= 1.25;
  }
  g.cell_km = cell_km;
  g.cols = std::max(1, static_cast<int>(std::ceil(width_km / cell_km)));
  g.rows = std::max(1, static_cast<int>(std::ceil(height_km / cell_km)));
  g.cell_lon = cell_km / kx;
  g.cell_lat = cell_km / kKmPerDegreeLat;
  // The grid may reach a little past the requested extent so cells stay square.
  g.extent.max_lon = g.extent.min_lon + g.cols * g.cell_lon;
  g.extent.max_lat = g.extent.min_lat + g.rows * g.cell_lat;
  std::size_t n_cells = static_cast<std::size_t>(g.cols) * static_cast<std::size_t>(g.rows);
  g.weight.assign(n_cells, 0.0f);
  g.density.assign(n_cells, 0.0f);
  std::vector<std::int32_t> counts(n_cells, 0);

  for (std::size_t i = 0; i < points.size(); ++i) {
    std::int64_t cell = g.cell_of({points.lon[i], points.lat[i]});
    if (cell < 0) continue;
    g.weight[static_cast<std::size_t>(cell)] += static_cast<float>(points.weight[i]);
    ++counts[static_cast<std::size_t>(cell)];
  }

  // Quartic kernel K(d) = 3/(π h²) (1 − d²/h²)², as a stencil of cells.
  double h = options.bandwidth_km;
  int radius = static_cast<int>(std::ceil(h / cell_km));
  int side = 2 * radius + 1;
  std::vector<float> stencil(static_cast<std::size_t>(side * side), 0.0f);
  double norm = 3.0 / (std::numbers::pi * h * h);
  for (int dy = -radius; dy <= radius; ++dy) {
    for (int dx = -radius; dx <= radius; ++dx) {
      double d2 = (dx * cell_km) * (dx * cell_km) + (dy * cell_km) * (dy * cell_km);
      double u = 1 - d2 / (h * h);
      stencil[static_cast<std::size_t>((dy + radius) * side + dx + radius)] =
          u > 0 ? static_cast<float>(norm * u * u) : 0.0f;
    }
  }
  for (int row = 0; row < g.rows; ++row) {
    for (int col = 0; col < g.cols; ++col) {
      float w = g.weight[static_cast<std::size_t>(row) * g.cols + col];
      if (w == 0) continue;
      int y0 = std::max(0, row - radius), y1 = std::min(g.rows - 1, row + radius);
      int x0 = std::max(0, col - radius), x1 = std::min(g.cols - 1, col + radius);
      for (int y = y0; y <= y1; ++y) {
        float* out = &g.density[static_cast<std::size_t>(y) * g.cols];
        const float* k = &stencil[static_cast<std::size_t>((y - row + radius) * side + radius - col)];
        for (int x = x0; x <= x1; ++x) out[x] += w * k[x];
      }
    }
  }

  std::size_t peak_cell = 0;
  for (std::size_t c = 0; c < n_cells; ++c) {
    if (g.density[c] > g.density[peak_cell]) peak_cell = c;
  }
  result.peak_density = g.density[peak_cell];
  if (result.peak_density <= 0) return result;
  result.threshold_density = options.threshold * result.peak_density;

  // Cells above the threshold, joined 8-connected.
  std::vector<std::int32_t> label(n_cells, -1);
  std::vector<std::uint32_t> stack;
  for (std::size_t start = 0; start < n_cells; ++start) {
    if (label[start] >= 0 || g.density[start] < result.threshold_density) continue;
    Hotspot spot;
    auto id = static_cast<std::int32_t>(result.hotspots.size() + 1'000'000);
    stack.assign(1, static_cast<std::uint32_t>(start));
    label[start] = id;
    while (!stack.empty()) {
      std::uint32_t c = stack.back();
      stack.pop_back();
      spot.cells.push_back(c);
      int row = static_cast<int>(c / static_cast<std::uint32_t>(g.cols));
      int col = static_cast<int>(c % static_cast<std::uint32_t>(g.cols));
      for (int dy = -1; dy <= 1; ++dy) {
        for (int dx = -1; dx <= 1; ++dx) {
          int y = row + dy, x = col + dx;
          if (y < 0 || x < 0 || y >= g.rows || x >= g.cols) continue;
          std::size_t n = static_cast<std::size_t>(y) * g.cols + x;
          if (label[n] >= 0 || g.density[n] < result.threshold_density) continue;
          label[n] = id;
          stack.push_back(static_cast<std::uint32_t>(n));
        }
      }
    }
    std::sort(spot.cells.begin(), spot.cells.end());
    std::vector<LonLat> corners;
    spot.extent = {180, 90, -180, -90};
    for (std::uint32_t c : spot.cells) {
      spot.weight += g.weight[c];
      spot.points += counts[c];
      if (g.density[c] > spot.peak_density) {
        spot.peak_density = g.density[c];
        spot.peak = g.cell_center(c);
      }
      LonLat center = g.cell_center(c);
      double x0 = center.lon - g.cell_lon / 2, x1 = center.lon + g.cell_lon / 2;
      double y0 = center.lat - g.cell_lat / 2, y1 = center.lat + g.cell_lat / 2;
      spot.extent.min_lon = std::min(spot.extent.min_lon, x0);
      spot.extent.max_lon = std::max(spot.extent.max_lon, x1);
      spot.extent.min_lat = std::min(spot.extent.min_lat, y0);
      spot.extent.max_lat = std::max(spot.extent.max_lat, y1);
      corners.insert(corners.end(), {{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}});
    }
    spot.outline = convex_hull(corners);
    spot.area_km2 = static_cast<double>(spot.cells.size()) * cell_km * cell_km;
    if (spot.weight >= options.min_weight) result.hotspots.push_back(std::move(spot));
  }
  std::sort(result.hotspots.begin(), result.hotspots.end(),
            [](const Hotspot& a, const Hotspot& b) { return a.weight > b.weight; });
  return result;
}

std::vector<double> weight_in_hotspots(const HotspotResult& result, const PointSet& points) {
  const DensityGrid& g = result.grid;
  std::vector<std::int32_t> owner(g.density.size(), -1);
  for (std::size_t h = 0; h < result.hotspots.size(); ++h) {
    for (std::uint32_t c : result.hotspots[h].cells) owner[c] = static_cast<std::int32_t>(h);
  }
  std::vector<double> out(result.hotspots.size(), 0.0);
  for (std::size_t i = 0; i < points.size(); ++i) {
    std::int64_t cell = g.cell_of({points.lon[i], points.lat[i]});
    if (cell < 0) continue;
    std::int32_t h = owner[static_cast<std::size_t>(cell)];
    if (h >= 0) out[static_cast<std::size_t>(h)] += points.weight[i];
  }
  return out;
}

}  // namespace escudo::geo
