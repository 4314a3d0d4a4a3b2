#include "stats/compare.h"

#include <map>

namespace escudo::stats {
namespace {

Result<CivilDate> one_year_before(CivilDate d) {
  int day = d.day();
  if (d.month() == 2 && day == 29) day = 28;
  return CivilDate::from_ymd(d.year() - 1, d.month(), day);
}

}  // namespace

Result<std::int64_t> total_in(const FactTable& facts, const Period& period,
                              const std::optional<std::string>& nationality) {
  ESCUDO_ASSIGN_OR_RETURN(Cube cube, build_cube(facts, {.by = {},
                                                        .from = period.from,
                                                        .to = period.to,
                                                        .nationality = nationality}));
  return cube.total;
}

Result<PeriodComparison> compare_periods(const FactTable& facts, const Period& current,
                                         const Period& previous,
                                         const std::optional<std::string>& nationality) {
  PeriodComparison out{current, previous};
  ESCUDO_ASSIGN_OR_RETURN(out.current_total, total_in(facts, current, nationality));
  ESCUDO_ASSIGN_OR_RETURN(out.previous_total, total_in(facts, previous, nationality));
  if (out.previous_total > 0) {
    out.ratio = static_cast<double>(out.current_total) / static_cast<double>(out.previous_total);
    out.change_percent = (*out.ratio - 1.0) * 100.0;
  }
  return out;
}

Result<PeriodComparison> compare_with_year_before(const FactTable& facts, const Period& period,
                                                  const std::optional<std::string>& nationality) {
  ESCUDO_ASSIGN_OR_RETURN(CivilDate from, one_year_before(period.from));
  ESCUDO_ASSIGN_OR_RETURN(CivilDate to, one_year_before(period.to));
  return compare_periods(facts, period, {from, to}, nationality);
}

Result<std::vector<YearChange>> year_on_year(const FactTable& facts) {
  ESCUDO_ASSIGN_OR_RETURN(Cube cube, build_cube(facts, {.by = {Dimension::kYear}}));
  std::vector<YearChange> out;
  for (std::size_t i = 0; i < cube.counts.size(); ++i) {
    YearChange y{std::stoi(cube.labels[i][0]), cube.counts[i], std::nullopt};
    if (!out.empty() && out.back().year == y.year - 1 && out.back().total > 0) {
      y.change_percent = (static_cast<double>(y.total) / static_cast<double>(out.back().total) - 1.0) * 100.0;
    }
    out.push_back(y);
  }
  return out;
}

std::vector<double> shares_percent(const Cube& cube) {
  std::vector<double> out;
  out.reserve(cube.counts.size());
  for (std::int64_t c : cube.counts) {
    out.push_back(cube.total == 0 ? 0.0
                                  : static_cast<double>(c) * 100.0 / static_cast<double>(cube.total));
  }
  return out;
}

std::vector<std::int64_t> running_totals(const Cube& cube) {
  // Cells are in order of the dimensions; to run along time per group, accumulate per group key.
  std::map<std::vector<std::string>, std::int64_t> running;
  std::vector<std::int64_t> out;
  out.reserve(cube.counts.size());
  for (std::size_t i = 0; i < cube.counts.size(); ++i) {
    std::vector<std::string> group(cube.labels[i].begin() + (cube.labels[i].empty() ? 0 : 1),
                                   cube.labels[i].end());
    std::int64_t& acc = running[group];
    acc += cube.counts[i];
    out.push_back(acc);
  }
  return out;
}

}  // namespace escudo::stats
