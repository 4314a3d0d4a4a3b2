#include "geo/internal/lp.h"

#include <glpk.h>

#include <cmath>
#include <memory>

namespace escudo::geo::internal {
namespace {

int bound_type(double lower, double upper) {
  bool has_lower = std::isfinite(lower), has_upper = std::isfinite(upper);
  if (has_lower && has_upper) return lower == upper ? GLP_FX : GLP_DB;
  if (has_lower) return GLP_LO;
  if (has_upper) return GLP_UP;
  return GLP_FR;
}

double finite_or_zero(double v) { return std::isfinite(v) ? v : 0.0; }

struct ProblemDeleter {
  void operator()(glp_prob* p) const { glp_delete_prob(p); }
};

}  // namespace

SolverScope::~SolverScope() { glp_free_env(); }

Result<LpSolution> solve_lp(const LinearProgram& lp) {
  glp_term_out(GLP_OFF);
  std::unique_ptr<glp_prob, ProblemDeleter> owned(glp_create_prob());
  glp_prob* p = owned.get();
  glp_set_obj_dir(p, lp.maximize ? GLP_MAX : GLP_MIN);
  int cols = static_cast<int>(lp.objective.size());
  int rows = static_cast<int>(lp.rows.size());
  if (cols == 0) return LpSolution{.feasible = true};
  glp_add_cols(p, cols);
  for (int j = 0; j < cols; ++j) {
    double lo = lp.col_lower[j], hi = lp.col_upper[j];
    if (std::isfinite(lo) && std::isfinite(hi) && lo > hi) return LpSolution{};
    glp_set_col_bnds(p, j + 1, bound_type(lo, hi), finite_or_zero(lo), finite_or_zero(hi));
    glp_set_obj_coef(p, j + 1, lp.objective[j]);
  }
  std::vector<int> ia{0}, ja{0};
  std::vector<double> ar{0};
  if (rows > 0) glp_add_rows(p, rows);
  for (int i = 0; i < rows; ++i) {
    const auto& row = lp.rows[i];
    if (std::isfinite(row.lower) && std::isfinite(row.upper) && row.lower > row.upper) return LpSolution{};
    glp_set_row_bnds(p, i + 1, bound_type(row.lower, row.upper), finite_or_zero(row.lower),
                     finite_or_zero(row.upper));
    for (auto [col, coef] : row.terms) {
      ia.push_back(i + 1);
      ja.push_back(col + 1);
      ar.push_back(coef);
    }
  }
  if (ia.size() > 1) glp_load_matrix(p, static_cast<int>(ia.size() - 1), ia.data(), ja.data(), ar.data());
  glp_smcp parm;
  glp_init_smcp(&parm);
  parm.msg_lev = GLP_MSG_OFF;
  parm.presolve = GLP_ON;
  int rc = glp_simplex(p, &parm);
  if (rc == GLP_ENOPFS || rc == GLP_ENODFS) return LpSolution{};
  if (rc != 0) return errorf(ErrorCode::kInternal, "the linear program solver failed (GLPK code {})", rc);
  if (glp_get_status(p) != GLP_OPT) return LpSolution{};
  LpSolution out{.feasible = true, .objective = glp_get_obj_val(p)};
  out.x.resize(static_cast<std::size_t>(cols));
  for (int j = 0; j < cols; ++j) out.x[j] = glp_get_col_prim(p, j + 1);
  return out;
}

}  // namespace escudo::geo::internal
