// Comparisons people quote: "January–May 2023 against January–May 2022: ×3.4", year on year,
// shares of a total, running totals. Pure and thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/civil_date.h"
#include "base/status.h"
#include "stats/cube.h"
#include "stats/fact_table.h"

namespace escudo::stats {

struct Period {
  CivilDate from;  // inclusive
  CivilDate to;    // inclusive
};

struct PeriodComparison {
  Period current;
  Period previous;
  std::int64_t current_total = 0;
  std::int64_t previous_total = 0;
  std::optional<double> ratio;           // current / previous; none when previous is 0
  std::optional<double> change_percent;  // (ratio - 1) × 100
};

// People in `period` (optionally one nationality).
Result<std::int64_t> total_in(const FactTable& facts, const Period& period,
                              const std::optional<std::string>& nationality = std::nullopt);

// `current` against `previous`.
Result<PeriodComparison> compare_periods(const FactTable& facts, const Period& current,
                                         const Period& previous,
                                         const std::optional<std::string>& nationality = std::nullopt);

// `period` against the same days one year earlier (29 February maps to 28 February).
Result<PeriodComparison> compare_with_year_before(const FactTable& facts, const Period& period,
                                                  const std::optional<std::string>& nationality = std::nullopt);

struct YearChange {
  int year = 0;
  std::int64_t total = 0;
  std::optional<double> change_percent;  // against the year before, when it has data
};

// Every year's total and its change on the year before.
Result<std::vector<YearChange>> year_on_year(const FactTable& facts);

// Each cell's share of the cube's total, in percent (0 when the total is 0).
std::vector<double> shares_percent(const Cube& cube);

// Running totals of a cube whose first dimension is time, restarting when any other
// dimension's labels change (so month × nationality runs per nationality).
std::vector<std::int64_t> running_totals(const Cube& cube);

}  // namespace escudo::stats
