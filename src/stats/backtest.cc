#include "stats/backtest.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <utility>

#include "stats/internal/projection_internal.h"

namespace escudo::stats {
namespace {

constexpr int kFirstCutoffMonth = 1;
constexpr int kLastCutoffMonth = 11;

struct Accumulator {
  double absolute_relative_error = 0;
  int covered = 0;
  int rows = 0;

  void add(const BacktestRow& row) {
    absolute_relative_error += std::abs(row.relative_error);
    if (row.low80 <= row.actual && row.actual <= row.high80) ++covered;
    ++rows;
  }
  BacktestSummary summary(ProjectionMethod method, int cutoff_month) const {
    return {method, cutoff_month, 100 * absolute_relative_error / rows,
            static_cast<double>(covered) / rows, rows};
  }
};

const internal::PastProjection* find(std::span<const internal::PastProjection> past, int year,
                                     int cutoff_month, ProjectionMethod method) {
  for (const internal::PastProjection& p : past) {
    if (p.year == year && p.cutoff_month == cutoff_month && p.method == method) return &p;
  }
  return nullptr;
}

}  // namespace

Result<std::vector<BacktestRow>> backtest(std::span<const MonthlyTotal> series,
                                          std::span<const ProjectionMethod> methods) {
  ESCUDO_TRY(internal::check_series(series));
  std::span<const ProjectionMethod> base = base_projection_methods();
  auto is_base = [&](ProjectionMethod m) {
    return std::find(base.begin(), base.end(), m) != base.end();
  };
  bool choosing = false;
  // The base methods whose past projections are needed: all of them to make a choice.
  std::vector<ProjectionMethod> needed;
  for (ProjectionMethod method : methods) {
    if (method == ProjectionMethod::kRecommended) {
      choosing = true;
    } else if (!is_base(method)) {
      return errorf(ErrorCode::kInvalidArgument, "unknown projection method {}",
                    static_cast<int>(method));
    } else if (std::find(needed.begin(), needed.end(), method) == needed.end()) {
      needed.push_back(method);
    }
  }
  if (choosing) needed.assign(base.begin(), base.end());

  // Every entry is computed from the months up to its own cut-off only, exactly as
  // project_year computes it, so one table serves every year's choice and interval: a year
  // reads only the entries of the years before it.
  std::vector<int> months;
  for (int m = kFirstCutoffMonth; m <= kLastCutoffMonth; ++m) months.push_back(m);
  std::vector<internal::PastProjection> past =
      internal::past_projections(series, series.back().month.year() + 1, needed, months);

  std::vector<BacktestRow> rows;
  for (int year : internal::complete_years(series)) {
    double actual = *internal::year_total(series, year);
    if (actual <= 0) continue;
    for (int month : months) {
      double known = internal::year_to_date(internal::up_to(series, YearMonth(year, month)), year);
      for (ProjectionMethod method : methods) {
        ProjectionMethod used =
            method == ProjectionMethod::kRecommended ? internal::choose_method(past, year) : method;
        const internal::PastProjection* entry = find(past, year, month, used);
        if (entry == nullptr) continue;
        internal::Interval interval =
            internal::interval80(past, year, month, used, entry->projected, known);
        BacktestRow row;
        row.year = year;
        row.cutoff_month = month;
        row.method = method;
        row.used = used;
        row.known_to_date = known;
        row.projected = entry->projected;
        row.low80 = interval.low;
        row.high80 = interval.high;
        row.interval_years = interval.years;
        row.actual = actual;
        row.error = entry->projected - actual;
        row.relative_error = row.error / actual;
        rows.push_back(row);
      }
    }
  }
  return rows;
}

std::vector<BacktestSummary> summarize(std::span<const BacktestRow> rows) {
  std::map<std::pair<ProjectionMethod, int>, Accumulator> groups;
  for (const BacktestRow& row : rows) groups[{row.method, row.cutoff_month}].add(row);
  std::vector<BacktestSummary> out;
  out.reserve(groups.size());
  for (const auto& [key, acc] : groups) out.push_back(acc.summary(key.first, key.second));
  return out;
}

std::vector<BacktestSummary> summarize_overall(std::span<const BacktestRow> rows) {
  std::map<ProjectionMethod, Accumulator> groups;
  for (const BacktestRow& row : rows) groups[row.method].add(row);
  std::vector<BacktestSummary> out;
  out.reserve(groups.size());
  for (const auto& [method, acc] : groups) out.push_back(acc.summary(method, 0));
  return out;
}

std::vector<BacktestRow> restrict_to_common_years(std::span<const BacktestRow> rows) {
  std::set<std::pair<ProjectionMethod, int>> all_pairs;
  std::map<int, std::set<std::pair<ProjectionMethod, int>>> pairs_by_year;
  for (const BacktestRow& row : rows) {
    all_pairs.insert({row.method, row.cutoff_month});
    pairs_by_year[row.year].insert({row.method, row.cutoff_month});
  }
  std::vector<BacktestRow> out;
  for (const BacktestRow& row : rows) {
    if (pairs_by_year[row.year] == all_pairs) out.push_back(row);
  }
  return out;
}

}  // namespace escudo::stats
