// From the official tables to what the generator draws from: each month's weight, its
// nationalities and their weights, and the mix of group kinds and sexes that reproduces the
// month's share of children and of women and girls.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "base/status.h"
#include "sim/corridor.h"
#include "sim/internal/composition.h"
#include "sim/internal/rng.h"

namespace escudo::sim::internal {

struct MonthModel {
  YearMonth month;
  std::int32_t first_day = 0;  // days since 1970-01-01
  std::int32_t days = 0;
  std::int64_t people = 0;                   // the month's official total
  std::vector<std::uint16_t> nationalities;  // indices into Calibration::nationality_codes
  WeightedIndex nationality_pick;            // in proportion to the month's counts
  MonthShares shares;
  KindMix mix;
  WeightedIndex kind_pick;  // over GroupKind
  DrawShares draw_shares;
};

struct Calibration {
  std::vector<std::string> nationality_codes;  // sorted
  std::vector<MonthModel> months;              // in calendar order
  // Groups per month in proportion to the month's people over its expected group size, so
  // that people, not groups, follow the official totals.
  WeightedIndex month_pick;
};

// kInvalidArgument for a negative count or when no month with monthly rows is in range.
Result<Calibration> calibrate(const OfficialTables& tables, const SimConfig& config);

}  // namespace escudo::sim::internal
