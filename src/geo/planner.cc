#include "geo/planner.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>

#include "geo/internal/lp.h"

namespace escudo::geo {

SecurityGame game_from_risk(std::span<const double> risk, std::span<const double> cost,
                            double resources, const RiskGameOptions& options) {
  SecurityGame g;
  for (std::size_t t = 0; t < risk.size(); ++t) {
    g.defender_covered.push_back(0);
    g.defender_uncovered.push_back(-risk[t]);
    g.attacker_covered.push_back(-options.attacker_penalty * risk[t]);
    g.attacker_uncovered.push_back(risk[t]);
  }
  g.cost.assign(cost.begin(), cost.end());
  g.fixed.assign(risk.size(), std::nullopt);
  g.resources = resources;
  return g;
}

namespace {

Status check(const SecurityGame& g) {
  std::size_t n = g.size();
  if (g.defender_covered.size() != n || g.defender_uncovered.size() != n ||
      g.attacker_covered.size() != n || g.attacker_uncovered.size() != n || g.fixed.size() != n) {
    return make_error(ErrorCode::kInvalidArgument, "the game's arrays differ in length");
  }
  if (!(g.resources >= 0) || !std::isfinite(g.resources)) {
    return make_error(ErrorCode::kInvalidArgument, "the units available must be zero or more");
  }
  double fixed_need = 0;
  for (std::size_t t = 0; t < n; ++t) {
    if (!(g.cost[t] > 0) || !std::isfinite(g.cost[t])) {
      return errorf(ErrorCode::kInvalidArgument, "target {} needs a positive number of units to cover", t);
    }
    for (double u : {g.defender_covered[t], g.defender_uncovered[t], g.attacker_covered[t],
                     g.attacker_uncovered[t]}) {
      if (!std::isfinite(u)) return errorf(ErrorCode::kInvalidArgument, "target {} has a utility that is not a number", t);
    }
    if (g.fixed[t]) {
      if (!(*g.fixed[t] >= 0 && *g.fixed[t] <= 1)) {
        return errorf(ErrorCode::kInvalidArgument, "target {}: a fixed coverage must be between 0 and 1", t);
      }
      fixed_need += *g.fixed[t] * g.cost[t];
    }
  }
  if (fixed_need > g.resources + 1e-9) {
    return errorf(ErrorCode::kInvalidArgument,
                  "the fixed sectors alone need {:.1f} unit-equivalents; only {:.1f} are available",
                  fixed_need, g.resources);
  }
  return ok_status();
}

// Covering t changes nothing for either side: it is never worth a unit.
bool inert(const SecurityGame& g, std::size_t t) {
  return g.defender_covered[t] == g.defender_uncovered[t] &&
         g.attacker_covered[t] == g.attacker_uncovered[t];
}

double attacker_at(const SecurityGame& g, std::size_t t, double c) {
  return c * g.attacker_covered[t] + (1 - c) * g.attacker_uncovered[t];
}
double defender_at(const SecurityGame& g, std::size_t t, double c) {
  return c * g.defender_covered[t] + (1 - c) * g.defender_uncovered[t];
}

}  // namespace

Result<StackelbergSolution> solve_stackelberg(const SecurityGame& g) {
  ESCUDO_TRY(check(g));
  const std::size_t n = g.size();
  StackelbergSolution best;
  if (n == 0) return best;

  // Leftover resources go where covering protects most, by a tie-break far below any
  // difference in the main objective.
  double max_gain = 0;
  for (std::size_t t = 0; t < n; ++t) {
    max_gain = std::max(max_gain, std::abs(g.defender_covered[t] - g.defender_uncovered[t]));
  }
  const double epsilon = 1e-7 / std::max(1.0, static_cast<double>(n));

  internal::LinearProgram lp;
  lp.maximize = true;
  lp.col_lower.assign(n, 0.0);
  lp.col_upper.assign(n, 1.0);
  for (std::size_t t = 0; t < n; ++t) {
    if (g.fixed[t]) {
      lp.col_lower[t] = lp.col_upper[t] = *g.fixed[t];
    } else if (inert(g, t)) {
      lp.col_upper[t] = 0;
    }
  }
  internal::LinearProgram::Row budget;
  for (std::size_t t = 0; t < n; ++t) budget.terms.emplace_back(static_cast<int>(t), g.cost[t]);
  budget.upper = g.resources;

  internal::SolverScope solver;
  bool found = false;
  std::vector<bool> solved_shape(n, false);
  for (std::size_t target = 0; target < n; ++target) {
    // Targets with the same utilities, cost and bounds give the same program up to
    // relabelling; one of them is enough.
    bool duplicate = false;
    for (std::size_t s = 0; s < target && !duplicate; ++s) {
      duplicate = solved_shape[s] && g.defender_covered[s] == g.defender_covered[target] &&
                  g.defender_uncovered[s] == g.defender_uncovered[target] &&
                  g.attacker_covered[s] == g.attacker_covered[target] &&
                  g.attacker_uncovered[s] == g.attacker_uncovered[target] &&
                  g.cost[s] == g.cost[target] && lp.col_lower[s] == lp.col_lower[target] &&
                  lp.col_upper[s] == lp.col_upper[target];
    }
    if (duplicate) continue;
    solved_shape[target] = true;

    lp.objective.assign(n, 0.0);
    for (std::size_t t = 0; t < n; ++t) {
      double gain = max_gain > 0 ? (g.defender_covered[t] - g.defender_uncovered[t]) / max_gain : 0;
      lp.objective[t] = epsilon * std::max(0.0, gain);
    }
    lp.objective[target] += g.defender_covered[target] - g.defender_uncovered[target];
    lp.rows.clear();
    lp.rows.push_back(budget);
    // The attacker prefers `target`: U_a(target) ≥ U_a(t) for every other t.
    double da_target = g.attacker_covered[target] - g.attacker_uncovered[target];
    for (std::size_t t = 0; t < n; ++t) {
      if (t == target) continue;
      internal::LinearProgram::Row row;
      double da = g.attacker_covered[t] - g.attacker_uncovered[t];
      if (da_target != 0) row.terms.emplace_back(static_cast<int>(target), da_target);
      if (da != 0) row.terms.emplace_back(static_cast<int>(t), -da);
      row.lower = g.attacker_uncovered[t] - g.attacker_uncovered[target];
      if (row.terms.empty()) {
        if (row.lower > 1e-12) { row.lower = 1; row.upper = 0; }  // cannot hold
        else continue;
      }
      lp.rows.push_back(std::move(row));
    }
    ESCUDO_ASSIGN_OR_RETURN(internal::LpSolution sol, internal::solve_lp(lp));
    ++best.programs_solved;
    if (!sol.feasible) continue;
    double defender = defender_at(g, target, sol.x[target]);
    if (!found || defender > best.defender_utility + 1e-9) {
      found = true;
      best.coverage = sol.x;
      best.attacked = target;
      best.defender_utility = defender;
    }
  }
  if (!found) return make_error(ErrorCode::kInternal, "no coverage satisfies the game (this is a bug)");
  for (double& c : best.coverage) c = std::clamp(c, 0.0, 1.0);
  best.attacker_utilities.resize(n);
  best.resources_used = 0;
  for (std::size_t t = 0; t < n; ++t) {
    best.attacker_utilities[t] = attacker_at(g, t, best.coverage[t]);
    best.resources_used += best.coverage[t] * g.cost[t];
  }
  best.attacker_utility = best.attacker_utilities[best.attacked];
  return best;
}

std::vector<std::vector<std::int64_t>> sample_shifts(std::span<const double> expected,
                                                     std::int64_t units, int shifts,
                                                     std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  std::vector<std::size_t> order(expected.size());
  std::vector<std::vector<std::int64_t>> out;
  double total = std::accumulate(expected.begin(), expected.end(), 0.0);
  // Guard against rounding pushing a shift past the units available.
  double scale = total > static_cast<double>(units) && total > 0 ? static_cast<double>(units) / total : 1.0;
  for (int s = 0; s < shifts; ++s) {
    std::iota(order.begin(), order.end(), 0);
    for (std::size_t i = order.size(); i > 1; --i) {
      std::size_t j = static_cast<std::size_t>(rng() % i);
      std::swap(order[i - 1], order[j]);
    }
    double u = unit(rng);
    std::vector<std::int64_t> shift(expected.size(), 0);
    double before = 0;
    for (std::size_t t : order) {
      double after = before + std::max(0.0, expected[t]) * scale;
      // Points u, u+1, u+2, … that fall in [before, after).
      shift[t] = static_cast<std::int64_t>(std::ceil(after - u - 1e-12) - std::ceil(before - u - 1e-12));
      before = after;
    }
    out.push_back(std::move(shift));
  }
  return out;
}

}  // namespace escudo::geo
