// Flow statistics over the official transit tables: monthly and yearly totals. Pure: plain
// data in, plain data out; no I/O, thread-safe.
//
//   auto series = stats::monthly_totals(counts);   // one point per month with monthly data
//   auto years = stats::yearly_totals(counts);     // 2023 -> 520,085
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "base/civil_date.h"
#include "model/transit.h"

namespace escudo::stats {

struct MonthlyTotal {
  YearMonth month;
  std::int64_t total = 0;
};

struct YearlyTotal {
  int year = 0;
  std::int64_t total = 0;
  int months = 0;            // months with monthly data in that year (0 for annual-only years)
  bool annual_only = false;  // the source gives only a yearly total (before 2020)
};

struct NationalityTotal {
  std::string nationality_iso3;
  std::int64_t total = 0;
};

// Sum over nationalities for every month with monthly rows, in month order. A month of the
// range that has no rows at all (2020-04, 2020-05, 2020-07: the border was closed) is given as
// 0 so that a chart shows the gap as a zero, as the source's "-" means. Annual rows are skipped.
std::vector<MonthlyTotal> monthly_totals(std::span<const model::NationalityCount> counts);

// Per calendar year, monthly and annual rows together, in year order.
std::vector<YearlyTotal> yearly_totals(std::span<const model::NationalityCount> counts);

// Per nationality over all rows given, largest first (ties by code).
std::vector<NationalityTotal> nationality_totals(std::span<const model::NationalityCount> counts);

}  // namespace escudo::stats
