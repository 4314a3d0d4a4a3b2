// Hotspots over a million incidents and a deployment plan of 1,200 units over 200 sectors
// (run by bench/geo/run). Prints each figure beside its target; exits 1 when one is missed.
//
//   bench_geo [--incidents N] [--sectors S] [--units U] [--seed K]
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <random>
#include <string>
#include <string_view>

#include "geo/hotspots.h"
#include "geo/planner.h"

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// Incidents gathered around the route's places, with a uniform background over the corridor.
escudo::geo::PointSet incidents(std::size_t n, std::uint64_t seed) {
  const double places[][2] = {{-77.68, 8.46}, {-77.81, 8.41}, {-77.28, 8.51}, {-77.35, 8.64},
                              {-77.97, 8.50}, {-77.45, 8.40}, {-76.79, 8.43}, {-77.58, 8.78}};
  std::mt19937_64 rng(seed);
  std::normal_distribution<double> jitter(0, 0.03);
  std::uniform_real_distribution<double> lon(-78.3, -76.4), lat(7.4, 9.05), unit(0, 1);
  escudo::geo::PointSet points;
  points.lon.reserve(n);
  points.lat.reserve(n);
  points.weight.reserve(n);
  for (std::size_t i = 0; i < n; ++i) {
    if (unit(rng) < 0.2) {
      points.add({lon(rng), lat(rng)});
    } else {
      const auto& p = places[rng() % std::size(places)];
      points.add({p[0] + jitter(rng), p[1] + jitter(rng)}, 1 + static_cast<double>(rng() % 3));
    }
  }
  return points;
}

bool report(std::string_view what, double value, double target, std::string_view unit) {
  bool ok = value <= target;
  fmt::print("{:<44} {:>9.3f} {}   (target ≤ {} {}) {}\n", what, value, unit, target, unit, ok ? "ok" : "MISSED");
  return ok;
}

}  // namespace

int main(int argc, char** argv) {
  std::size_t n = 1'000'000;
  std::size_t sectors = 200;
  double units = 1200;
  std::uint64_t seed = 20240601;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string_view flag = argv[i];
    if (flag == "--incidents") n = std::strtoull(argv[i + 1], nullptr, 10);
    else if (flag == "--sectors") sectors = std::strtoull(argv[i + 1], nullptr, 10);
    else if (flag == "--units") units = std::strtod(argv[i + 1], nullptr);
    else if (flag == "--seed") seed = std::strtoull(argv[i + 1], nullptr, 10);
  }
  bool ok = true;

  auto points = incidents(n, seed);
  auto start = Clock::now();
  auto result = escudo::geo::find_hotspots(points, {.cell_km = 1, .bandwidth_km = 8});
  double hotspot_s = seconds_since(start);
  if (!result) {
    fmt::print(stderr, "hotspots failed: {}\n", result.error().message());
    return 1;
  }
  fmt::print("hotspots: {} incidents, grid {}×{} cells of {} km, {} hotspots (largest {:.0f} incidents)\n",
             n, result->grid.cols, result->grid.rows, result->grid.cell_km, result->hotspots.size(),
             result->hotspots.empty() ? 0.0 : result->hotspots[0].weight);
  ok &= report(fmt::format("hotspots over {} incidents", n), hotspot_s, 5.0, "s");
  start = Clock::now();
  auto compared = escudo::geo::weight_in_hotspots(*result, points);
  ok &= report("the same incidents counted in each hotspot", seconds_since(start), 1.0, "s");
  (void)compared;

  // Sectors: heavy-tailed risk, a tenth with none, costs from 20 to 120 unit-equivalents.
  std::mt19937_64 rng(seed + 1);
  std::lognormal_distribution<double> risk_of(1.0, 1.2);
  std::uniform_real_distribution<double> cost_of(20, 120);
  std::vector<double> risk(sectors), cost(sectors);
  for (std::size_t t = 0; t < sectors; ++t) {
    risk[t] = (rng() % 10 == 0) ? 0.0 : std::round(risk_of(rng) * 10) / 10;
    cost[t] = std::round(cost_of(rng));
  }
  auto game = escudo::geo::game_from_risk(risk, cost, units);
  start = Clock::now();
  auto plan = escudo::geo::solve_stackelberg(game);
  double plan_s = seconds_since(start);
  if (!plan) {
    fmt::print(stderr, "plan failed: {}\n", plan.error().message());
    return 1;
  }
  std::vector<double> expected(sectors);
  for (std::size_t t = 0; t < sectors; ++t) expected[t] = plan->coverage[t] * cost[t];
  start = Clock::now();
  auto shifts = escudo::geo::sample_shifts(expected, static_cast<std::int64_t>(units), 1000, seed);
  double shifts_s = seconds_since(start);
  std::size_t covered = std::count_if(plan->coverage.begin(), plan->coverage.end(), [](double c) { return c > 1e-6; });
  fmt::print("plan: {} units over {} sectors, {} linear programs, {:.1f} units used, {} sectors covered\n", units,
             sectors, plan->programs_solved, plan->resources_used, covered);
  ok &= report(fmt::format("plan of {} units over {} sectors", units, sectors), plan_s, 2.0, "s");
  ok &= report("1,000 shifts sampled from it", shifts_s, 1.0, "s");
  if (plan->resources_used > units + 1e-6) {
    fmt::print("the plan uses {} units, more than {}: MISSED\n", plan->resources_used, units);
    ok = false;
  }
  return ok ? 0 : 1;
}
