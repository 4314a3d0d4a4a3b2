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
#include "stats/compare.h"
#include "stats/cube.h"
#include "store/pool.h"

namespace escudo::service {

struct StatsQuery {
  std::vector<stats::Dimension> by;
  std::optional<YearMonth> from;  // first month, inclusive
  std::optional<YearMonth> to;    // last month, inclusive
  std::optional<std::string> nationality;
  std::string source = "official";
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

  // The official table by nationality as facts (for the engines that need the raw series).
  Result<stats::FactTable> official_by_nationality(bool include_annual_totals);
  Result<stats::FactTable> official_by_sex_and_age();

 private:
  store::DatabasePool& pool_;
};

// The last day of a month.
CivilDate last_day_of(YearMonth month);
CivilDate first_day_of(YearMonth month);

}  // namespace escudo::service
