// Pieces shared by projection.cc and backtest.cc. Not part of the stats interface.
#pragma once

#include <optional>
#include <span>
#include <vector>

#include "base/civil_date.h"
#include "base/status.h"
#include "stats/projection.h"
#include "stats/transit_series.h"

namespace escudo::stats::internal {

// kInvalidArgument unless `series` is non-empty, strictly one month after another with no gap,
// and has no negative total.
Status check_series(std::span<const MonthlyTotal> series);

// The leading months of a checked `series` up to and including `cutoff` (empty if none).
std::span<const MonthlyTotal> up_to(std::span<const MonthlyTotal> series, YearMonth cutoff);

// The total of `year` when all twelve of its months are in a checked `series`.
std::optional<double> year_total(std::span<const MonthlyTotal> series, int year);

// Years whose twelve months are all in a checked `series`, in order.
std::vector<int> complete_years(std::span<const MonthlyTotal> series);

// The sum over the months of `year` in `history`.
double year_to_date(std::span<const MonthlyTotal> history, int year);

// The point projection of `year` by a base method (not kRecommended) from `history`, a checked
// series that ends at the cut-off (`year`, `cutoff_month`) and covers January of `year`.
// kFailedPrecondition when the method needs more history.
Result<double> project_point(std::span<const MonthlyTotal> history, int year, int cutoff_month,
                             ProjectionMethod method);

// What a base method projected for a complete past year at one cut-off month, from the months
// up to that cut-off only.
struct PastProjection {
  int year = 0;
  int cutoff_month = 0;
  ProjectionMethod method = ProjectionMethod::kLastYearTotal;
  double projected = 0;
  double actual = 0;
};

// Past projections of `methods` for every complete year of `history` before `before_year` with
// a total above 0, at each of `cutoff_months`. Combinations a method lacks the history for are
// left out.
std::vector<PastProjection> past_projections(std::span<const MonthlyTotal> history, int before_year,
                                             std::span<const ProjectionMethod> methods,
                                             std::span<const int> cutoff_months);

// The method kRecommended uses for `year`, from the entries of `past` for years before it.
ProjectionMethod choose_method(std::span<const PastProjection> past, int year);

struct Interval {
  double low = 0;
  double high = 0;
  int years = 0;
};

// The 80% interval around `point` from the errors of `method` at `cutoff_month` in the entries
// of `past` for years before `year` (see projection.h).
Interval interval80(std::span<const PastProjection> past, int year, int cutoff_month,
                    ProjectionMethod method, double point, double known_to_date);

// Checks the arguments of project_year (everything but the method's own needs).
Status check_request(std::span<const MonthlyTotal> series, int year, YearMonth cutoff);

}  // namespace escudo::stats::internal
