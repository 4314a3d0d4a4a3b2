#include "geo/geometry.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace escudo::geo {

double km_per_degree_lon(double lat_deg) {
  return kKmPerDegreeLat * std::cos(lat_deg * std::numbers::pi / 180.0);
}

BoundingBox bounding_box(const Polygon& polygon) {
  BoundingBox box{1e9, 1e9, -1e9, -1e9};
  for (const LonLat& p : polygon.ring) {
    box.min_lon = std::min(box.min_lon, p.lon);
    box.max_lon = std::max(box.max_lon, p.lon);
    box.min_lat = std::min(box.min_lat, p.lat);
    box.max_lat = std::max(box.max_lat, p.lat);
  }
  return box;
}

bool contains(const Polygon& polygon, LonLat point) {
  const auto& r = polygon.ring;
  bool inside = false;
  for (std::size_t i = 0, j = r.size() - 1; i < r.size(); j = i++) {
    if ((r[i].lat > point.lat) != (r[j].lat > point.lat)) {
      double x = r[j].lon + (point.lat - r[j].lat) * (r[i].lon - r[j].lon) / (r[i].lat - r[j].lat);
      if (point.lon < x) inside = !inside;
    }
  }
  return inside;
}

double area_km2(const Polygon& polygon) {
  const auto& r = polygon.ring;
  if (r.size() < 3) return 0;
  BoundingBox box = bounding_box(polygon);
  double kx = km_per_degree_lon((box.min_lat + box.max_lat) / 2);
  double sum = 0;
  for (std::size_t i = 0, j = r.size() - 1; i < r.size(); j = i++) {
    sum += (r[j].lon * kx) * (r[i].lat * kKmPerDegreeLat) - (r[i].lon * kx) * (r[j].lat * kKmPerDegreeLat);
  }
  return std::abs(sum) / 2;
}

LonLat centroid(const Polygon& polygon) {
  LonLat c;
  if (polygon.ring.empty()) return c;
  for (const LonLat& p : polygon.ring) {
    c.lon += p.lon;
    c.lat += p.lat;
  }
  c.lon /= static_cast<double>(polygon.ring.size());
  c.lat /= static_cast<double>(polygon.ring.size());
  return c;
}

std::vector<LonLat> convex_hull(std::span<const LonLat> points) {
  std::vector<LonLat> p(points.begin(), points.end());
  std::sort(p.begin(), p.end(), [](LonLat a, LonLat b) {
    return a.lon < b.lon || (a.lon == b.lon && a.lat < b.lat);
  });
  p.erase(std::unique(p.begin(), p.end(),
                      [](LonLat a, LonLat b) { return a.lon == b.lon && a.lat == b.lat; }),
          p.end());
  if (p.size() < 3) return p;
  auto cross = [](LonLat o, LonLat a, LonLat b) {
    return (a.lon - o.lon) * (b.lat - o.lat) - (a.lat - o.lat) * (b.lon - o.lon);
  };
  std::vector<LonLat> hull(2 * p.size());
  std::size_t k = 0;
  for (std::size_t i = 0; i < p.size(); ++i) {
    while (k >= 2 && cross(hull[k - 2], hull[k - 1], p[i]) <= 0) --k;
    hull[k++] = p[i];
  }
  for (std::size_t i = p.size() - 1, t = k + 1; i > 0; --i) {
    while (k >= t && cross(hull[k - 2], hull[k - 1], p[i - 1]) <= 0) --k;
    hull[k++] = p[i - 1];
  }
  hull.resize(k - 1);
  return hull;
}

}  // namespace escudo::geo
