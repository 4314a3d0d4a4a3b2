// The point projections of the base methods, and the series helpers they share.
#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <vector>

#include "stats/internal/projection_internal.h"

namespace escudo::stats::internal {
namespace {

// The months of the year after the cut-off month.
int months_left(int cutoff_month) { return 12 - cutoff_month; }

Result<double> last_year_total(std::span<const MonthlyTotal> history, int year) {
  std::optional<double> total = year_total(history, year - 1);
  if (!total) {
    return errorf(ErrorCode::kFailedPrecondition,
                  "last year's total needs all twelve months of {} in the series", year - 1);
  }
  return *total;
}

Result<double> seasonal_profile(std::span<const MonthlyTotal> history, int year, int cutoff_month) {
  double share_sum = 0;
  int years = 0;
  for (int past : complete_years(history)) {
    if (past >= year) break;
    double total = *year_total(history, past);
    if (total <= 0) continue;
    double by_cutoff = year_to_date(up_to(history, YearMonth(past, cutoff_month)), past);
    share_sum += by_cutoff / total;
    ++years;
  }
  if (years == 0) {
    return errorf(ErrorCode::kFailedPrecondition,
                  "a seasonal profile needs a complete year before {} with someone counted", year);
  }
  double share = share_sum / years;
  if (share <= 0) {
    return errorf(ErrorCode::kFailedPrecondition,
                  "in every complete year before {} nobody had been counted by month {}", year,
                  cutoff_month);
  }
  return year_to_date(history, year) / share;
}

double recent_level(std::span<const MonthlyTotal> history, int year, int cutoff_month) {
  constexpr std::size_t kRecentMonths = 3;
  std::size_t n = std::min(kRecentMonths, history.size());
  double sum = 0;
  for (std::size_t i = history.size() - n; i < history.size(); ++i) {
    sum += static_cast<double>(history[i].total);
  }
  return year_to_date(history, year) + sum / static_cast<double>(n) * months_left(cutoff_month);
}

struct HoltState {
  double level = 0;
  double trend = 0;
  double phi = 1;
};

// Runs Holt's damped-trend recursions over `y`; returns the final state and adds the squared
// one-step-ahead errors to `sse`.
HoltState run_holt(std::span<const double> y, double alpha, double beta, double phi, double& sse) {
  HoltState s{y[0], 0.0, phi};
  for (std::size_t t = 1; t < y.size(); ++t) {
    double forecast = s.level + phi * s.trend;
    double err = y[t] - forecast;
    sse += err * err;
    double level = alpha * y[t] + (1 - alpha) * forecast;
    s.trend = beta * (level - s.level) + (1 - beta) * phi * s.trend;
    s.level = level;
  }
  return s;
}

// Fits the smoothing parameters on a small grid by one-step squared error. A grid rather than an
// optimiser: a handful of years of data cannot tell finer values apart, and the result is
// deterministic. Ties keep the first (smallest) parameters.
HoltState fit_damped_trend(std::span<const double> y) {
  constexpr std::array kAlphas = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9};
  constexpr std::array kBetas = {0.05, 0.1, 0.2, 0.3};
  constexpr std::array kPhis = {0.8, 0.9, 0.98};
  HoltState best;
  double best_sse = HUGE_VAL;
  for (double alpha : kAlphas) {
    for (double beta : kBetas) {
      for (double phi : kPhis) {
        double sse = 0;
        HoltState s = run_holt(y, alpha, beta, phi, sse);
        if (sse < best_sse) {
          best_sse = sse;
          best = s;
        }
      }
    }
  }
  return best;
}

double damped_trend(std::span<const MonthlyTotal> history, int year, int cutoff_month) {
  // Flows grow and shrink by factors, so the trend is fitted on a log scale; log(1 + x) keeps
  // the months the border was closed (0) in the series.
  std::vector<double> y;
  y.reserve(history.size());
  for (const MonthlyTotal& m : history) y.push_back(std::log1p(static_cast<double>(m.total)));
  HoltState s = fit_damped_trend(y);
  // Caps a forecast month at e^30 (about 10^13 people) so that a wild trend cannot overflow; no
  // real projection comes near it.
  constexpr double kMaxLogForecast = 30;
  double total = year_to_date(history, year);
  double damping = 0;
  double phi_h = 1;
  for (int h = 1; h <= months_left(cutoff_month); ++h) {
    phi_h *= s.phi;
    damping += phi_h;
    double log_forecast = std::min(s.level + damping * s.trend, kMaxLogForecast);
    total += std::max(0.0, std::expm1(log_forecast));
  }
  return total;
}

}  // namespace

Status check_series(std::span<const MonthlyTotal> series) {
  if (series.empty()) return make_error(ErrorCode::kInvalidArgument, "the monthly series is empty");
  for (std::size_t i = 0; i < series.size(); ++i) {
    if (series[i].total < 0) {
      return errorf(ErrorCode::kInvalidArgument, "the total for {} is negative ({})",
                    series[i].month.to_string(), series[i].total);
    }
    if (i == 0) continue;
    YearMonth prev = series[i - 1].month;
    if (series[i].month <= prev) {
      return errorf(ErrorCode::kInvalidArgument,
                    "the monthly series is out of order or repeats a month: {} follows {}",
                    series[i].month.to_string(), prev.to_string());
    }
    if (series[i].month != prev.next()) {
      return errorf(ErrorCode::kInvalidArgument,
                    "the monthly series skips from {} to {}; give months with no crossings as 0",
                    prev.to_string(), series[i].month.to_string());
    }
  }
  return ok_status();
}

std::span<const MonthlyTotal> up_to(std::span<const MonthlyTotal> series, YearMonth cutoff) {
  if (series.empty() || cutoff < series.front().month) return {};
  auto n = static_cast<std::size_t>(cutoff.months_since(series.front().month)) + 1;
  return series.first(std::min(n, series.size()));
}

std::optional<double> year_total(std::span<const MonthlyTotal> series, int year) {
  if (series.empty() || series.front().month > YearMonth(year, 1) ||
      series.back().month < YearMonth(year, 12)) {
    return std::nullopt;
  }
  return year_to_date(up_to(series, YearMonth(year, 12)), year);
}

std::vector<int> complete_years(std::span<const MonthlyTotal> series) {
  std::vector<int> years;
  if (series.empty()) return years;
  for (int y = series.front().month.year(); y <= series.back().month.year(); ++y) {
    if (year_total(series, y)) years.push_back(y);
  }
  return years;
}

double year_to_date(std::span<const MonthlyTotal> history, int year) {
  double sum = 0;
  for (const MonthlyTotal& m : history) {
    if (m.month.year() == year) sum += static_cast<double>(m.total);
  }
  return sum;
}

Result<double> project_point(std::span<const MonthlyTotal> history, int year, int cutoff_month,
                             ProjectionMethod method) {
  switch (method) {
    case ProjectionMethod::kLastYearTotal:
      return last_year_total(history, year);
    case ProjectionMethod::kYearToDateScaled:
      return year_to_date(history, year) * 12.0 / cutoff_month;
    case ProjectionMethod::kSeasonalProfile:
      return seasonal_profile(history, year, cutoff_month);
    case ProjectionMethod::kRecentLevel:
      return recent_level(history, year, cutoff_month);
    case ProjectionMethod::kDampedTrend:
      return damped_trend(history, year, cutoff_month);
    case ProjectionMethod::kMix: {
      double scaled = year_to_date(history, year) * 12.0 / cutoff_month;
      return std::sqrt(scaled * damped_trend(history, year, cutoff_month));
    }
    case ProjectionMethod::kRecommended:
      break;
  }
  return make_error(ErrorCode::kInternal, "project_point takes a base method");
}

}  // namespace escudo::stats::internal
