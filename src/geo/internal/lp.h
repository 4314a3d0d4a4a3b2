// A small linear program and its solution, solved by GLPK's simplex. GLPK types stay in lp.cc.
#pragma once

#include <limits>
#include <utility>
#include <vector>

#include "base/status.h"

namespace escudo::geo::internal {

inline constexpr double kInf = std::numeric_limits<double>::infinity();

struct LinearProgram {
  bool maximize = true;
  std::vector<double> objective;  // one per column
  std::vector<double> col_lower;
  std::vector<double> col_upper;
  struct Row {
    std::vector<std::pair<int, double>> terms;  // (column, coefficient)
    double lower = -kInf;
    double upper = kInf;
  };
  std::vector<Row> rows;
};

struct LpSolution {
  bool feasible = false;  // false: no point satisfies the constraints
  double objective = 0;
  std::vector<double> x;
};

// GLPK keeps an environment per thread; a SolverScope frees it when it ends, so a worker thread
// that solved programs leaves nothing behind. Hold one around a batch of solve_lp calls, with no
// other GLPK object alive in the thread.
class SolverScope {
 public:
  SolverScope() = default;
  SolverScope(const SolverScope&) = delete;
  SolverScope& operator=(const SolverScope&) = delete;
  ~SolverScope();
};

// kInternal when GLPK fails for another reason than infeasibility. Thread-safe (one GLPK
// problem object per call).
Result<LpSolution> solve_lp(const LinearProgram& lp);

}  // namespace escudo::geo::internal
