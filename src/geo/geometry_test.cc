#include "geo/geometry.h"

#include <gtest/gtest.h>

#include <cmath>

namespace escudo::geo {
namespace {

Polygon square(double lon, double lat, double side) {
  return {{{lon, lat}, {lon + side, lat}, {lon + side, lat + side}, {lon, lat + side}}};
}

TEST(GeometryTest, ContainsIsInsideOnlyInside) {
  Polygon p = square(-78, 8, 0.5);
  EXPECT_TRUE(contains(p, {-77.8, 8.2}));
  EXPECT_FALSE(contains(p, {-77.4, 8.2}));
  EXPECT_FALSE(contains(p, {-77.8, 8.6}));
  // A concave L: the notch is outside.
  Polygon l{{{0, 0}, {2, 0}, {2, 1}, {1, 1}, {1, 2}, {0, 2}}};
  EXPECT_TRUE(contains(l, {0.5, 1.5}));
  EXPECT_FALSE(contains(l, {1.5, 1.5}));
}

TEST(GeometryTest, AreaOfADegreeSquareNearTheEquatorLine) {
  // 0.1° × 0.1° at 8.5°N: 11.132 km × 11.01 km.
  double area = area_km2(square(-77.8, 8.45, 0.1));
  EXPECT_NEAR(area, 11.132 * 11.132 * std::cos(8.5 * 3.14159265 / 180), 0.5);
}

TEST(GeometryTest, ConvexHullDropsInnerPoints) {
  std::vector<LonLat> points{{0, 0}, {1, 0}, {1, 1}, {0, 1}, {0.5, 0.5}, {0.2, 0.8}};
  auto hull = convex_hull(points);
  EXPECT_EQ(hull.size(), 4u);
}

}  // namespace
}  // namespace escudo::geo
