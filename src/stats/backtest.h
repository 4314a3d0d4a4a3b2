// How the projections of projection.h would have done: for every complete past year and every
// cut-off month 1..11, what each method projected from the months up to that cut-off only, its
// 80% interval (from the years before, as project_year gives it), and its error against the
// year's actual total. This is the track record shown next to every projection, so that a
// reader can see how far a year-end figure announced in May usually lands from the truth.
// Pure; thread-safe.
//
//   std::array methods = {ProjectionMethod::kLastYearTotal,
//                         ProjectionMethod::kYearToDateScaled, ProjectionMethod::kRecommended};
//   ESCUDO_ASSIGN_OR_RETURN(auto rows, backtest(series, methods));
//   auto table = summarize(restrict_to_common_years(rows));  // MAPE per method per cut-off
#pragma once

#include <span>
#include <vector>

#include "base/status.h"
#include "stats/projection.h"
#include "stats/transit_series.h"

namespace escudo::stats {

struct BacktestRow {
  int year = 0;
  int cutoff_month = 0;  // 1..11
  // The method asked for; `used` is the one that produced the point (the choice, for
  // kRecommended, made from the years before `year` only).
  ProjectionMethod method = ProjectionMethod::kRecommended;
  ProjectionMethod used = ProjectionMethod::kRecommended;
  double known_to_date = 0;
  double projected = 0;
  double low80 = 0;
  double high80 = 0;
  int interval_years = 0;
  double actual = 0;
  double error = 0;           // projected − actual
  double relative_error = 0;  // error / actual: −0.231 is 23.1% too low
};

// One row per complete year of `series` (all twelve months present, total above 0), cut-off
// month 1..11 and method of `methods`, ordered by year, cut-off month, then as in `methods`.
// Each row is exactly what project_year(series, year, YearMonth(year, cutoff_month), method)
// gives. A method lacking the history for a year and cut-off (kFailedPrecondition there) has no
// row for it. Errors: kInvalidArgument for a series project_year would reject, or an unknown
// method. Thread-safe.
Result<std::vector<BacktestRow>> backtest(std::span<const MonthlyTotal> series,
                                          std::span<const ProjectionMethod> methods);

struct BacktestSummary {
  ProjectionMethod method = ProjectionMethod::kRecommended;
  int cutoff_month = 0;  // 1..11; 0 in summarize_overall, for all cut-off months together
  // The mean of |relative_error| over the rows, in percent (23.1 for 23.1%).
  double mean_absolute_percentage_error = 0;
  // The share of rows whose actual total lay within [low80, high80]; near 0.8 when the
  // intervals are honest.
  double coverage80 = 0;
  int years = 0;  // rows behind the figures (in summarize_overall: years × cut-off months)
};

// One summary per method and cut-off month present in `rows`, ordered by method (declaration
// order) then cut-off month. Methods may be scored on different years: compare them on
// restrict_to_common_years(rows).
std::vector<BacktestSummary> summarize(std::span<const BacktestRow> rows);

// One summary per method over all its rows, ordered by method; `cutoff_month` is 0.
std::vector<BacktestSummary> summarize_overall(std::span<const BacktestRow> rows);

// The rows of the years in which every (method, cut-off month) pair of `rows` has a row, so
// that methods needing more history are compared with the others on the same years.
std::vector<BacktestRow> restrict_to_common_years(std::span<const BacktestRow> rows);

}  // namespace escudo::stats
