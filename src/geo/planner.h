// Deployment planning as a Stackelberg security game (the ARMOR/ERASER line of work). The
// defender commits to a randomised coverage of the targets (sectors); an adaptive criminal
// group watches it and strikes the target that pays it most. The strong Stackelberg
// equilibrium is found by the multiple-LPs method (Conitzer & Sandholm 2006, compact in the
// targets as in ERASER): for every target t, one linear program maximises the defender's
// utility when t is the attacker's best response; the best feasible one wins. Each LP is
// solved by GLPK.
//
// Coverage c_t ∈ [0,1] is the share of the time target t is watched at full strength, which
// takes `cost[t]` unit-equivalents (ground units count 1, an air unit counts more); the plan
// never uses more than `resources`. A target where covering changes no utility (zero risk)
// gets no coverage unless fixed. Fixed coverages are honoured; compare against the free
// plan to see what a fix costs.
//
//   auto game = geo::game_from_risk(risk, cost, 1200, {});
//   ESCUDO_ASSIGN_OR_RETURN(auto plan, geo::solve_stackelberg(game));
//
// Pure and thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "base/status.h"

namespace escudo::geo {

struct SecurityGame {
  // Per target: the defender's and the attacker's utility when the attacked target is
  // covered or not.
  std::vector<double> defender_covered;
  std::vector<double> defender_uncovered;
  std::vector<double> attacker_covered;
  std::vector<double> attacker_uncovered;
  std::vector<double> cost;                  // unit-equivalents for full coverage (> 0)
  std::vector<std::optional<double>> fixed;  // a coverage the commander imposes, in [0,1]
  double resources = 0;                      // unit-equivalents available
  std::size_t size() const { return cost.size(); }
};

struct RiskGameOptions {
  // What an attack on a covered target costs the attacker, as a share of the target's risk
  // (arrests, seizures): U_a^c = −penalty · risk.
  double attacker_penalty = 0.5;
};

// Zero-sum-like utilities from risk: U_d^c = 0, U_d^u = −risk, U_a^u = risk,
// U_a^c = −penalty · risk.
SecurityGame game_from_risk(std::span<const double> risk, std::span<const double> cost,
                            double resources, const RiskGameOptions& options = {});

struct StackelbergSolution {
  std::vector<double> coverage;
  std::size_t attacked = 0;           // the attacker's best response
  double defender_utility = 0;        // at the attacked target
  double attacker_utility = 0;
  std::vector<double> attacker_utilities;  // per target under the coverage
  double resources_used = 0;          // Σ cost · coverage
  int programs_solved = 0;
};

// kInvalidArgument for arrays of different lengths, a non-positive cost, a fixed coverage
// outside [0,1], negative resources, or fixed coverages that alone need more than the
// resources (saying how many). Among equally good plans, leftover resources go to the other
// targets in proportion to what covering them protects, so units are not left idle.
Result<StackelbergSolution> solve_stackelberg(const SecurityGame& game);

// A patrol schedule drawn from a plan: `shifts` draws of whole units per target by systematic
// sampling in a shuffled order, so that each target's expected units equal `expected[t]`
// exactly and no shift uses more than ceil(Σ expected) ≤ `units` units.
std::vector<std::vector<std::int64_t>> sample_shifts(std::span<const double> expected,
                                                     std::int64_t units, int shifts,
                                                     std::uint64_t seed);

}  // namespace escudo::geo
