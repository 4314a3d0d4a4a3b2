// Hotspots over a million incidents and a deployment plan of 1,200 units over 200 sectors
// (run by bench/geo/run). Prints each figure beside its target; exits 1 when one is missed.
//
//   bench_geo [--incidents N] [--sectors S] [--units U] [--seed K]
//   bench_geo --make-db FILE [--incidents N] [--seed K]
//
// --make-db stores the same N incidents in a new SQLite file (migrated like any escudo
// database) and exits, so that bench/geo/run can time `escudo hotspots` over it end to end.
// Types and months (2019-01 to 2025-12) are spread evenly; one incident in a hundred is a
// survivor's record (sexual violence), half of those with the survivor's consent to maps.
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
#include "model/incident.h"
#include "store/database.h"
#include "store/incident_repo.h"

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

int make_db(const std::string& path, const escudo::geo::PointSet& points, std::uint64_t seed) {
  using escudo::model::IncidentType;
  auto db = escudo::store::open_sqlite(path);
  if (!db) {
    fmt::print(stderr, "{}: {}\n", path, db.error().message());
    return 1;
  }
  auto existing = (*db)->query_int("SELECT COUNT(*) FROM incidents");
  if (!existing || existing->value_or(0) != 0) {
    fmt::print(stderr, "{}: already holds incidents; give a new file\n", path);
    return 1;
  }
  auto start = Clock::now();
  auto tx = escudo::store::Transaction::begin(**db);
  if (!tx) return 1;
  escudo::store::IncidentRepo repo(**db);
  std::mt19937_64 rng(seed + 2);
  const IncidentType others[] = {IncidentType::kRobbery,  IncidentType::kAssault,    IncidentType::kExtortion,
                                 IncidentType::kKidnapping, IncidentType::kHomicide, IncidentType::kDisappearance,
                                 IncidentType::kDrowning, IncidentType::kIllnessExhaustion, IncidentType::kRescue};
  for (std::size_t i = 0; i < points.size(); ++i) {
    escudo::model::Incident in;
    std::uint64_t r = rng();
    std::size_t month = r % 84;  // 2019-01 … 2025-12
    in.month = fmt::format("{}-{:02}", 2019 + month / 12, month % 12 + 1);
    in.occurred_on = fmt::format("{}-{:02}", in.month, (r >> 8) % 28 + 1);
    in.lon = points.lon[i];
    in.lat = points.lat[i];
    in.location = "generated";
    in.country_iso3 = "PAN";
    in.victims.men = static_cast<std::int64_t>((r >> 16) % 3);
    in.victims.women = static_cast<std::int64_t>((r >> 18) % 2);
    in.source = escudo::model::IncidentSource::kPatrol;
    in.reliability = escudo::model::Reliability::kProbable;
    in.source_ref = fmt::format("bench:{}", i);
    in.recorded_by = "bench";
    in.recorded_at = 1'700'000'000;
    if ((r >> 24) % 100 == 0) {
      in.type = IncidentType::kSexualViolence;
      in.survivor_code = fmt::format("SV-{:07}", i);
      in.narrative = "generated";
      if ((r >> 32) % 2 == 0) in.consents.push_back(escudo::model::Consent::kMaps);
    } else {
      in.type = others[(r >> 40) % std::size(others)];
    }
    if (auto id = repo.insert(in, std::nullopt); !id) {
      fmt::print(stderr, "insert failed: {}\n", id.error().message());
      return 1;
    }
  }
  if (auto st = tx->commit(); !st) {
    fmt::print(stderr, "commit failed: {}\n", st.error().message());
    return 1;
  }
  fmt::print("stored {} incidents in {} in {:.1f} s\n", points.size(), path, seconds_since(start));
  return 0;
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
  std::string make_db_path;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string_view flag = argv[i];
    if (flag == "--incidents") n = std::strtoull(argv[i + 1], nullptr, 10);
    else if (flag == "--sectors") sectors = std::strtoull(argv[i + 1], nullptr, 10);
    else if (flag == "--units") units = std::strtod(argv[i + 1], nullptr);
    else if (flag == "--seed") seed = std::strtoull(argv[i + 1], nullptr, 10);
    else if (flag == "--make-db") make_db_path = argv[i + 1];
  }
  bool ok = true;

  auto points = incidents(n, seed);
  if (!make_db_path.empty()) return make_db(make_db_path, points, seed);
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
