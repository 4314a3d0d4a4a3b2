// Plane geometry on longitude/latitude for a corridor a few hundred kilometres wide: points,
// polygons (sectors), point-in-polygon, areas and convex hulls. Distances use an equirectangular
// projection around the corridor's latitude, which errs by well under 1% at this scale.
//
//   geo::Polygon sector{{{-77.7, 8.4}, {-77.6, 8.4}, {-77.6, 8.5}, {-77.7, 8.5}}};
//   bool in = geo::contains(sector, {-77.65, 8.45});
//
// Pure and thread-safe.
#pragma once

#include <span>
#include <vector>

namespace escudo::geo {

struct LonLat {
  double lon = 0;
  double lat = 0;
};

// One outer ring, first point not repeated at the end (a repeated closing point is tolerated).
struct Polygon {
  std::vector<LonLat> ring;
};

struct BoundingBox {
  double min_lon = 0, min_lat = 0, max_lon = 0, max_lat = 0;
  bool contains(LonLat p) const {
    return p.lon >= min_lon && p.lon <= max_lon && p.lat >= min_lat && p.lat <= max_lat;
  }
};

// Kilometres per degree of latitude, and of longitude at `lat_deg`.
inline constexpr double kKmPerDegreeLat = 111.32;
double km_per_degree_lon(double lat_deg);

BoundingBox bounding_box(const Polygon& polygon);
// Even-odd rule; a point on an edge may fall either side.
bool contains(const Polygon& polygon, LonLat point);
// Area in square kilometres (shoelace on the local projection).
double area_km2(const Polygon& polygon);
LonLat centroid(const Polygon& polygon);
// Convex hull, counter-clockwise, without the closing point (Andrew's monotone chain).
std::vector<LonLat> convex_hull(std::span<const LonLat> points);

}  // namespace escudo::geo
