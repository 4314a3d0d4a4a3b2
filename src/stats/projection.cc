#include "stats/projection.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <iterator>
#include <map>
#include <numeric>
#include <vector>

#include "stats/internal/projection_internal.h"

namespace escudo::stats {
namespace {

constexpr std::array kBaseMethods = {
    ProjectionMethod::kLastYearTotal,   ProjectionMethod::kYearToDateScaled,
    ProjectionMethod::kSeasonalProfile, ProjectionMethod::kRecentLevel,
    ProjectionMethod::kDampedTrend,     ProjectionMethod::kMix,
};
constexpr std::array kAllCutoffMonths = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};

// Fewer earlier years than this and there is neither a choice nor an interval to speak of.
constexpr int kMinEvidenceYears = 2;
// The method used when there is nothing to choose on (see projection.h).
constexpr ProjectionMethod kFallbackMethod = ProjectionMethod::kDampedTrend;
// The 90th percentile of the standard normal distribution.
constexpr double kZ90 = 1.2815515655446004;
// The conventional interval without a track record: this factor either way.
constexpr double kFallbackFactor = 3;

bool is_base_method(ProjectionMethod method) {
  return std::find(kBaseMethods.begin(), kBaseMethods.end(), method) != kBaseMethods.end();
}

// The p-quantile of sorted values, interpolating between order statistics (R's type 7).
double quantile(std::span<const double> sorted, double p) {
  double pos = p * static_cast<double>(sorted.size() - 1);
  auto i = static_cast<std::size_t>(pos);
  if (i + 1 >= sorted.size()) return sorted.back();
  double frac = pos - static_cast<double>(i);
  return sorted[i] * (1 - frac) + sorted[i + 1] * frac;
}

// The years before `year` in which `method` has a projection at every cut-off month, in order.
std::vector<int> scored_years(std::span<const internal::PastProjection> past, int year,
                              ProjectionMethod method) {
  std::map<int, std::size_t> months_by_year;
  for (const internal::PastProjection& p : past) {
    if (p.year < year && p.method == method) ++months_by_year[p.year];
  }
  std::vector<int> years;
  for (const auto& [y, months] : months_by_year) {
    if (months == kAllCutoffMonths.size()) years.push_back(y);
  }
  return years;
}

}  // namespace

std::string_view method_name(ProjectionMethod method) {
  switch (method) {
    case ProjectionMethod::kLastYearTotal:
      return "last_year_total";
    case ProjectionMethod::kYearToDateScaled:
      return "year_to_date_scaled";
    case ProjectionMethod::kSeasonalProfile:
      return "seasonal_profile";
    case ProjectionMethod::kRecentLevel:
      return "recent_level";
    case ProjectionMethod::kDampedTrend:
      return "damped_trend";
    case ProjectionMethod::kMix:
      return "mix";
    case ProjectionMethod::kRecommended:
      return "recommended";
  }
  return "unknown";
}

std::span<const ProjectionMethod> base_projection_methods() { return kBaseMethods; }

namespace internal {

std::vector<PastProjection> past_projections(std::span<const MonthlyTotal> history, int before_year,
                                             std::span<const ProjectionMethod> methods,
                                             std::span<const int> cutoff_months) {
  std::vector<PastProjection> out;
  for (int year : complete_years(history)) {
    if (year >= before_year) break;
    double actual = *year_total(history, year);
    // A relative error against a year with nobody counted is undefined.
    if (actual <= 0) continue;
    for (int month : cutoff_months) {
      std::span<const MonthlyTotal> then = up_to(history, YearMonth(year, month));
      for (ProjectionMethod method : methods) {
        Result<double> projected = project_point(then, year, month, method);
        if (!projected) continue;
        out.push_back({year, month, method, *projected, actual});
      }
    }
  }
  return out;
}

ProjectionMethod choose_method(std::span<const PastProjection> past, int year) {
  struct Candidate {
    ProjectionMethod method;
    std::vector<int> years;  // scored years, in order
  };
  std::vector<Candidate> candidates;
  for (ProjectionMethod method : kBaseMethods) {
    Candidate c{method, scored_years(past, year, method)};
    if (static_cast<int>(c.years.size()) >= kMinEvidenceYears) candidates.push_back(std::move(c));
  }
  // Scores every candidate on the same years; a method that cannot be scored on enough of them
  // (it needs more history than the others) gives way.
  std::vector<int> common;
  while (!candidates.empty()) {
    common = candidates.front().years;
    for (const Candidate& c : candidates) {
      std::vector<int> both;
      std::set_intersection(common.begin(), common.end(), c.years.begin(), c.years.end(),
                            std::back_inserter(both));
      common = std::move(both);
    }
    if (static_cast<int>(common.size()) >= kMinEvidenceYears) break;
    // The last of those with the fewest years.
    auto fewest = candidates.begin();
    for (auto it = candidates.begin(); it != candidates.end(); ++it) {
      if (it->years.size() <= fewest->years.size()) fewest = it;
    }
    candidates.erase(fewest);
  }
  if (candidates.empty()) return kFallbackMethod;

  ProjectionMethod best = kFallbackMethod;
  double best_error = HUGE_VAL;
  for (const Candidate& c : candidates) {
    double sum = 0;
    int n = 0;
    for (const PastProjection& p : past) {
      if (p.method != c.method || !std::binary_search(common.begin(), common.end(), p.year)) {
        continue;
      }
      sum += std::abs(p.projected - p.actual) / p.actual;
      ++n;
    }
    double error = sum / n;
    if (error < best_error) {
      best_error = error;
      best = c.method;
    }
  }
  return best;
}

Interval interval80(std::span<const PastProjection> past, int year, int cutoff_month,
                    ProjectionMethod method, double point, double known_to_date) {
  std::vector<double> errors;  // log(actual / projected)
  for (const PastProjection& p : past) {
    if (p.year < year && p.cutoff_month == cutoff_month && p.method == method && p.projected > 0) {
      errors.push_back(std::log(p.actual / p.projected));
    }
  }
  Interval out;
  out.years = static_cast<int>(errors.size());
  if (out.years < kMinEvidenceYears) {
    out.low = point / kFallbackFactor;
    out.high = point * kFallbackFactor;
  } else {
    std::sort(errors.begin(), errors.end());
    auto n = static_cast<double>(errors.size());
    double mean = std::accumulate(errors.begin(), errors.end(), 0.0) / n;
    double squares = 0;
    for (double e : errors) squares += (e - mean) * (e - mean);
    double sd = std::sqrt(squares / (n - 1));
    double half_width = kZ90 * sd * std::sqrt(1 + 1 / n);
    double low = std::min(quantile(errors, 0.1), mean - half_width);
    double high = std::max(quantile(errors, 0.9), mean + half_width);
    out.low = point * std::exp(low);
    out.high = point * std::exp(high);
  }
  // Nobody already counted can be uncounted; and the interval holds its own point even when
  // the track record says the method was always off in one direction.
  out.low = std::clamp(out.low, std::min(known_to_date, point), point);
  out.high = std::max(out.high, point);
  return out;
}

Status check_request(std::span<const MonthlyTotal> series, int year, YearMonth cutoff) {
  ESCUDO_TRY(check_series(series));
  if (cutoff.year() != year) {
    return errorf(ErrorCode::kInvalidArgument, "the cut-off {} is not in the year {}",
                  cutoff.to_string(), year);
  }
  if (cutoff.month() == 12) {
    return errorf(ErrorCode::kInvalidArgument,
                  "the cut-off {} closes the year; a projection needs a cut-off from January "
                  "to November",
                  cutoff.to_string());
  }
  if (series.front().month > YearMonth(year, 1)) {
    return errorf(ErrorCode::kInvalidArgument,
                  "the series starts at {}, after January {}; the months of the year up to the "
                  "cut-off are needed",
                  series.front().month.to_string(), year);
  }
  if (series.back().month < cutoff) {
    return errorf(ErrorCode::kInvalidArgument, "the series ends at {}, before the cut-off {}",
                  series.back().month.to_string(), cutoff.to_string());
  }
  return ok_status();
}

}  // namespace internal

Result<Projection> project_year(std::span<const MonthlyTotal> series, int year, YearMonth cutoff,
                                ProjectionMethod method) {
  if (!is_base_method(method) && method != ProjectionMethod::kRecommended) {
    return errorf(ErrorCode::kInvalidArgument, "unknown projection method {}",
                  static_cast<int>(method));
  }
  ESCUDO_TRY(internal::check_request(series, year, cutoff));
  // From here on nothing after the cut-off is in sight.
  std::span<const MonthlyTotal> history = internal::up_to(series, cutoff);
  const int month = cutoff.month();

  std::vector<internal::PastProjection> past;
  ProjectionMethod used = method;
  if (method == ProjectionMethod::kRecommended) {
    past = internal::past_projections(history, year, kBaseMethods, kAllCutoffMonths);
    used = internal::choose_method(past, year);
  } else {
    past = internal::past_projections(history, year, std::span(&method, 1), std::span(&month, 1));
  }
  ESCUDO_ASSIGN_OR_RETURN(double point, internal::project_point(history, year, month, used));
  Projection out;
  out.year = year;
  out.cutoff = cutoff;
  out.method = used;
  out.known_to_date = internal::year_to_date(history, year);
  out.point = point;
  internal::Interval interval =
      internal::interval80(past, year, month, used, point, out.known_to_date);
  out.low80 = interval.low;
  out.high80 = interval.high;
  out.interval_years = interval.years;
  if (!std::isfinite(out.point) || !std::isfinite(out.low80) || !std::isfinite(out.high80)) {
    return errorf(ErrorCode::kInternal, "the {} projection of {} is not a finite number",
                  method_name(used), year);
  }
  return out;
}

Result<Projection> project_year_auto(std::span<const MonthlyTotal> series, int year,
                                     YearMonth cutoff) {
  return project_year(series, year, cutoff, ProjectionMethod::kRecommended);
}

}  // namespace escudo::stats
