#include "geo/planner.h"

#include <gtest/gtest.h>

#include <numeric>

namespace escudo::geo {
namespace {

// Two targets, one resource, worked by hand (see docs/architecture.md, "Deployment planning"):
// attacking t1 is worth 10 to the attacker (−5 if caught), t2 is worth 5 (−2). Making t1 the
// best response leaves the defender −50/11; making t2 the best response, −30/11 with coverage
// (6/11, 5/11), where the attacker gets 20/11 either way.
TEST(PlannerTest, MatchesAHandSolvedGame) {
  SecurityGame g;
  g.defender_covered = {0, 0};
  g.defender_uncovered = {-10, -5};
  g.attacker_covered = {-5, -2};
  g.attacker_uncovered = {10, 5};
  g.cost = {1, 1};
  g.fixed = {std::nullopt, std::nullopt};
  g.resources = 1;
  auto s = solve_stackelberg(g);
  ASSERT_TRUE(s) << s.error().message();
  EXPECT_EQ(s->attacked, 1u);
  EXPECT_NEAR(s->coverage[0], 6.0 / 11, 1e-5);
  EXPECT_NEAR(s->coverage[1], 5.0 / 11, 1e-5);
  EXPECT_NEAR(s->defender_utility, -30.0 / 11, 1e-5);
  EXPECT_NEAR(s->attacker_utility, 20.0 / 11, 1e-5);
}

// Risks 10 and 1, no penalty, one resource: the attacker must be indifferent, 10(1−c1) = 1−c2
// with c1 + c2 = 1, so c = (10/11, 1/11) and the defender loses 10/11.
TEST(PlannerTest, MatchesASecondHandSolvedGameFromRisk) {
  std::vector<double> risk{10, 1}, cost{1, 1};
  auto s = solve_stackelberg(game_from_risk(risk, cost, 1, {.attacker_penalty = 0}));
  ASSERT_TRUE(s);
  EXPECT_NEAR(s->coverage[0], 10.0 / 11, 1e-5);
  EXPECT_NEAR(s->coverage[1], 1.0 / 11, 1e-5);
  EXPECT_NEAR(s->defender_utility, -10.0 / 11, 1e-5);
}

TEST(PlannerTest, SymmetricTargetsShareTheResource) {
  std::vector<double> risk{1, 1}, cost{1, 1};
  auto s = solve_stackelberg(game_from_risk(risk, cost, 1));
  ASSERT_TRUE(s);
  EXPECT_NEAR(s->coverage[0], 0.5, 1e-5);
  EXPECT_NEAR(s->coverage[1], 0.5, 1e-5);
}

TEST(PlannerTest, ZeroRiskGetsNothingUnlessFixed) {
  std::vector<double> risk{5, 0, 2, 0}, cost{10, 10, 10, 10};
  auto game = game_from_risk(risk, cost, 35);
  auto s = solve_stackelberg(game);
  ASSERT_TRUE(s);
  EXPECT_EQ(s->coverage[1], 0.0);
  EXPECT_EQ(s->coverage[3], 0.0);
  EXPECT_GT(s->coverage[0], 0.5);
  game.fixed[3] = 0.4;
  auto fixed = solve_stackelberg(game);
  ASSERT_TRUE(fixed);
  EXPECT_NEAR(fixed->coverage[3], 0.4, 1e-9);
  EXPECT_EQ(fixed->coverage[1], 0.0);
  // Four units spent on nothing cost the defender something.
  EXPECT_LE(fixed->defender_utility, s->defender_utility + 1e-9);
}

TEST(PlannerTest, CoverageNeverExceedsTheUnits) {
  std::vector<double> risk, cost;
  for (int t = 0; t < 40; ++t) {
    risk.push_back((t * 37 % 11) + 0.5);
    cost.push_back(5 + t % 7);
  }
  for (double units : {0.0, 1.0, 17.0, 100.0, 1000.0}) {
    auto s = solve_stackelberg(game_from_risk(risk, cost, units));
    ASSERT_TRUE(s);
    double used = 0;
    for (std::size_t t = 0; t < risk.size(); ++t) {
      EXPECT_GE(s->coverage[t], 0.0);
      EXPECT_LE(s->coverage[t], 1.0);
      used += s->coverage[t] * cost[t];
    }
    EXPECT_LE(used, units + 1e-6) << units;
    // The attacker's choice is a best response under the coverage.
    for (double u : s->attacker_utilities) EXPECT_LE(u, s->attacker_utility + 1e-6);
  }
}

TEST(PlannerTest, RefusesFixesBeyondTheUnits) {
  std::vector<double> risk{1, 1}, cost{10, 10};
  auto game = game_from_risk(risk, cost, 5);
  game.fixed[0] = 1.0;
  auto s = solve_stackelberg(game);
  ASSERT_FALSE(s);
  EXPECT_NE(s.error().message().find("10.0"), std::string::npos);
}

TEST(PlannerTest, ShiftsMatchTheMarginalsAndNeverExceedTheUnits) {
  std::vector<double> expected{2.4, 0.3, 5.0, 1.3};  // 9 units
  auto shifts = sample_shifts(expected, 9, 20000, 42);
  std::vector<double> mean(expected.size(), 0);
  for (const auto& s : shifts) {
    EXPECT_LE(std::accumulate(s.begin(), s.end(), std::int64_t{0}), 9);
    for (std::size_t t = 0; t < s.size(); ++t) mean[t] += static_cast<double>(s[t]) / 20000;
  }
  for (std::size_t t = 0; t < expected.size(); ++t) EXPECT_NEAR(mean[t], expected[t], 0.03) << t;
  // Two units a shift at least, three at most, for a sector expecting 2.4.
  for (const auto& s : shifts) {
    EXPECT_GE(s[0], 2);
    EXPECT_LE(s[0], 3);
  }
}

}  // namespace
}  // namespace escudo::geo
