#include "geo/hotspots.h"

#include <gtest/gtest.h>

#include <random>

namespace escudo::geo {
namespace {

// Two tight groups of incidents far apart and scattered noise: two hotspots, heaviest first,
// each around its group.
TEST(HotspotsTest, FindsTwoGroupsWithTheirExtent) {
  PointSet points;
  std::mt19937_64 rng(7);
  std::normal_distribution<double> jitter(0, 0.01);
  for (int i = 0; i < 60; ++i) points.add({-77.68 + jitter(rng), 8.46 + jitter(rng)});  // Bajo Chiquito
  for (int i = 0; i < 30; ++i) points.add({-77.28 + jitter(rng), 8.51 + jitter(rng)});  // Acandí
  std::uniform_real_distribution<double> lon(-78.2, -76.8), lat(7.6, 9.0);
  for (int i = 0; i < 10; ++i) points.add({lon(rng), lat(rng)});

  auto result = find_hotspots(points, {.cell_km = 1, .bandwidth_km = 6, .threshold = 0.3});
  ASSERT_TRUE(result) << result.error().message();
  ASSERT_EQ(result->hotspots.size(), 2u);
  const Hotspot& first = result->hotspots[0];
  EXPECT_TRUE(first.extent.contains({-77.68, 8.46}));
  EXPECT_GE(first.points, 55);
  EXPECT_LE(first.points, 62);
  EXPECT_TRUE(result->hotspots[1].extent.contains({-77.28, 8.51}));
  EXPECT_GE(result->hotspots[1].points, 27);
  // The extent is a few kernel widths, not the whole corridor.
  EXPECT_LT(first.extent.max_lon - first.extent.min_lon, 0.3);
  EXPECT_GE(first.outline.size(), 4u);
}

TEST(HotspotsTest, DensityIntegratesToTheWeight) {
  PointSet points;
  points.add({-77.5, 8.5}, 3);
  auto result = find_hotspots(points, {.cell_km = 0.5, .bandwidth_km = 5, .min_weight = 1});
  ASSERT_TRUE(result);
  double total = 0;
  for (float d : result->grid.density) total += d;
  total *= result->grid.cell_km * result->grid.cell_km;
  EXPECT_NEAR(total, 3.0, 0.1);
  ASSERT_EQ(result->hotspots.size(), 1u);
  EXPECT_DOUBLE_EQ(result->hotspots[0].weight, 3.0);
}

TEST(HotspotsTest, ComparesPeriodsOnTheSameCells) {
  PointSet before, after;
  for (int i = 0; i < 20; ++i) before.add({-77.68, 8.46});
  for (int i = 0; i < 5; ++i) after.add({-77.68, 8.46});
  for (int i = 0; i < 7; ++i) after.add({-77.0, 8.0});
  auto result = find_hotspots(before, {.bandwidth_km = 5});
  ASSERT_TRUE(result);
  ASSERT_EQ(result->hotspots.size(), 1u);
  auto weights = weight_in_hotspots(*result, after);
  ASSERT_EQ(weights.size(), 1u);
  EXPECT_DOUBLE_EQ(weights[0], 5.0);
}

TEST(HotspotsTest, RejectsBadInputNamingThePoint) {
  PointSet points;
  points.add({-77.5, 8.5});
  points.add({-77.5, 95});
  auto result = find_hotspots(points, {});
  ASSERT_FALSE(result);
  EXPECT_NE(result.error().message().find("point 1"), std::string::npos);
  EXPECT_FALSE(find_hotspots(PointSet{}, {.threshold = 0}));
}

TEST(HotspotsTest, NoPointsNoHotspots) {
  auto result = find_hotspots(PointSet{}, {});
  ASSERT_TRUE(result);
  EXPECT_TRUE(result->hotspots.empty());
}

}  // namespace
}  // namespace escudo::geo
