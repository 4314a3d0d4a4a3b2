// Flow statistics for the corridor: builds the engine's columnar facts from the stored
// official tables and answers cubes and comparisons.
//
// Panama's two official tables cannot be crossed: one is by nationality, the other by sex and
// age. A query by sex or age group reads the second; any other the first. Before 2023 the
// second counts children inside "men" and "women", so those months have age group "unknown".
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/clock.h"
#include "service/principal.h"
#include "stats/backtest.h"
#include "stats/compare.h"
#include "stats/projection.h"
#include "stats/cube.h"
#include "store/pool.h"

namespace escudo::service {

struct StatsQuery {
  std::vector<stats::Dimension> by;
  std::optional<YearMonth> from;  // first month, inclusive
  std::optional<YearMonth> to;    // last month, inclusive
  std::optional<std::string> nationality;
  std::string source = "official";  // or "registered" (people registered at the stations)
};

struct ProjectionReport {
  int year = 0;
  YearMonth cutoff;
  double known_to_date = 0;
  stats::Projection recommended;
  std::vector<stats::Projection> methods;  // those with enough history
  std::optional<std::int64_t> actual;      // when all twelve months are in the data
  std::vector<stats::MonthlyTotal> monthly;  // January .. cut-off of `year`
  // Every complete year in the data, every cut-off month, every method (the naive baselines
  // included), compared on the years all of them can be scored on.
  std::vector<stats::BacktestRow> backtest_rows;
  std::vector<stats::BacktestSummary> backtest;          // per method and cut-off month
  std::vector<stats::BacktestSummary> backtest_overall;  // per method, all cut-offs
};

class StatsService {
 public:
  StatsService(store::DatabasePool& pool) : pool_(pool) {}

  // Needs transits.read (or the command line when `principal` is null). kInvalidArgument for a
  // dimension the source does not hold, an unknown source, or from > to.
  Result<stats::Cube> cube(const Principal* principal, const StatsQuery& query);

  // The months from..to against the same months a year earlier.
  Result<stats::PeriodComparison> compare_with_year_before(const Principal* principal,
                                                           YearMonth from, YearMonth to,
                                                           std::optional<std::string> nationality);

  // The year-end projection of `year` from the official months up to `cutoff`, every method's
  // figure, and their back-test. Needs transits.read (or the command line).
  Result<ProjectionReport> projection(const Principal* principal, int year, YearMonth cutoff);

  // The official table by nationality as facts (for the engines that need the raw series).
  Result<stats::FactTable> official_by_nationality(bool include_annual_totals);
  Result<stats::FactTable> official_by_sex_and_age();
  // Everyone registered at the stations, by day (only non-identifying attributes are read).
  Result<stats::FactTable> registered();

 private:
  store::DatabasePool& pool_;
};

// The last day of a month.
CivilDate last_day_of(YearMonth month);
CivilDate first_day_of(YearMonth month);

}  // namespace escudo::service
