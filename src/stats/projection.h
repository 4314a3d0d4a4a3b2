// Year-end projections of the flow through the Darién, each with an 80% interval drawn from its
// own track record. Officials announce "400,000 expected this year" from the months known so
// far (in 2023: 166,649 by May, × 12/5); the year closed at 520,085. escudo projects the same
// figure with several methods, shows how each would have done in past years (backtest.h), and
// recommends one. Pure: plain data in, plain data out; no I/O, thread-safe.
//
//   auto series = stats::monthly_totals(counts);  // 2020-01 .. 2025-04, closed months as 0
//   ESCUDO_ASSIGN_OR_RETURN(Projection p, project_year_auto(series, 2025, YearMonth(2025, 4)));
//   // p.point, [p.low80, p.high80], p.method: the method the back-test chose
//
// Every method sees only the months up to the cut-off: the series is cut there before anything
// else is computed, so months after it cannot change a projection (projection_test.cc checks).
//
// The methods (`known` = people counted from January to the cut-off month k, inclusive):
//   kLastYearTotal      last year's total. Naive baseline; ignores this year entirely.
//   kYearToDateScaled   known × 12 / k, the figure usually announced. Naive baseline.
//   kSeasonalProfile    known / the mean share of earlier years' totals counted by month k.
//   kRecentLevel        known + the mean of the last three months × the months left.
//   kDampedTrend        Holt's exponential smoothing with a damped trend on log(1 + monthly
//                       count), fitted (one-step squared error, small grid of parameters) on
//                       every month up to the cut-off; known + the forecast of the months left.
//   kMix                the geometric mean of kYearToDateScaled and kDampedTrend: the first
//                       is best late in the year, the second early, and their errors differ.
//   kRecommended        the method chosen by back-test, see below.
//
// Why a back-tested choice rather than one fixed method. The share of a year that had crossed by
// May was 12% in 2021, 14% in 2022, 32% in 2023 and 56% in 2024, so no seasonal profile holds,
// and the best method changes from year to year. kRecommended runs the back-test on the
// complete years before the target year (never the target year itself), at every cut-off month
// 1..11, and takes the method with the lowest mean absolute percentage error over the years
// every candidate can be scored on (ties: the earlier method in the list above). It scores over
// all eleven cut-off months rather than the target's own: a choice per month would rest on two
// to four numbers. With fewer than two complete earlier years there is nothing to choose on,
// and kDampedTrend is used: it needs no earlier year and follows the recent direction of the flow.
//
// On the official totals (2020-01 .. 2025-04; five complete years, 2020–2024) the back-test of
// kRecommended itself, choosing afresh for each year from the years before it, gives a mean
// absolute percentage error of 33.6% over the 44 projections of 2021–2024, against 37.4% for
// year-to-date × 12/k and 66.4% for last year's total (40.7% against 45.1% for year-to-date
// × 12/k over 2020–2024; last year's total cannot be scored on 2020). It chose kDampedTrend for
// 2023, 2024 and 2025 and kMix for 2022. Three cautions. The margin over year-to-date × 12/k is
// a few points on four years, not a law. At the September and October cut-offs year-to-date ×
// 12/k is clearly better (11.0% and 7.7% against 17.6% and 17.1%): the 2021 and 2022 peaks
// collapsed in November, and a trend carries a peak forward. And these rules were settled on
// the same five years, so the figures flatter them somewhat; the years to come will tell.
// At the January to March cut-offs every method misses by 55% to 71% on average: early in the
// year nobody knows. The figures are recomputed from the data by backtest_test.cc, never typed.
//
// The 80% interval. The errors of the method at the same cut-off month in earlier complete years
// are taken as log(actual / projected), e_1..e_n. With n >= 2 the interval is the wider of
// their 10th–90th percentiles and a normal prediction interval mean ± 1.2816 · sd · √(1 + 1/n),
// applied to the point as a factor. A Student t factor would be the textbook widening for so few
// years, but with one to three degrees of freedom (a factor of 3.08 to 1.64 instead of 1.28,
// times the large early-year spread of log errors) it gives bounds hundreds of times the point,
// which helps no one; in the back-test these intervals held the actual total in 27 of 33 cases.
// With n < 2 there is no track record and the interval is a convention: a factor of three either
// way (`interval_years` tells the two apart). The low end is never below the people already
// counted, and the interval always holds the point.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

#include "base/civil_date.h"
#include "base/status.h"
#include "stats/transit_series.h"

namespace escudo::stats {

enum class ProjectionMethod : std::uint8_t {
  kLastYearTotal,
  kYearToDateScaled,
  kSeasonalProfile,
  kRecentLevel,
  kDampedTrend,
  kMix,
  kRecommended,
};

// The stable, lower-case name of a method ("year_to_date_scaled"), for JSON and tables.
std::string_view method_name(ProjectionMethod method);

// Every method that computes a point by itself, in declaration order (all but kRecommended).
std::span<const ProjectionMethod> base_projection_methods();

struct Projection {
  int year = 0;
  YearMonth cutoff;
  // The method that produced the point: for project_year_auto, the one the back-test chose.
  ProjectionMethod method = ProjectionMethod::kRecommended;
  double known_to_date = 0;  // people counted from January to the cut-off, inclusive
  double point = 0;          // the projected total of the year
  double low80 = 0;
  double high80 = 0;
  // Earlier years whose errors at this cut-off month give the interval; below 2 the interval is
  // the conventional factor of three, not evidence.
  int interval_years = 0;
};

// Projects the total of `year` with `method`, using only the months of `series` up to `cutoff`.
//
// `series` is one point per month, in order, without gaps (months with no crossings given as 0,
// as monthly_totals() does); it may run past the cut-off, and those months are ignored.
// Errors:
//   kInvalidArgument    the series is empty, out of order, has a gap or a negative total; the
//                       cut-off is not in `year` or is December; the series does not cover
//                       January of `year` through the cut-off.
//   kFailedPrecondition `method` needs more history than the series has before the cut-off
//                       (kLastYearTotal: all of last year; kSeasonalProfile: a complete earlier
//                       year with someone counted by the cut-off month).
// Thread-safe.
Result<Projection> project_year(std::span<const MonthlyTotal> series, int year, YearMonth cutoff,
                                ProjectionMethod method);

// project_year(series, year, cutoff, ProjectionMethod::kRecommended): the method chosen by
// back-test on the complete years before `year`, or kDampedTrend with fewer than two of them.
// Same errors as project_year except kFailedPrecondition, which cannot happen. Thread-safe.
Result<Projection> project_year_auto(std::span<const MonthlyTotal> series, int year,
                                     YearMonth cutoff);

}  // namespace escudo::stats
