#include "stats/transit_series.h"

#include <algorithm>
#include <map>
#include <unordered_map>

namespace escudo::stats {

std::vector<MonthlyTotal> monthly_totals(std::span<const model::NationalityCount> counts) {
  std::map<YearMonth, std::int64_t> by_month;
  for (const auto& c : counts) {
    if (!c.annual_total) by_month[c.month] += c.count;
  }
  std::vector<MonthlyTotal> out;
  if (by_month.empty()) return out;
  YearMonth last = by_month.rbegin()->first;
  for (YearMonth m = by_month.begin()->first; m <= last; m = m.next()) {
    auto it = by_month.find(m);
    out.push_back({m, it == by_month.end() ? 0 : it->second});
  }
  return out;
}

std::vector<YearlyTotal> yearly_totals(std::span<const model::NationalityCount> counts) {
  struct Acc {
    std::int64_t total = 0;
    std::map<int, bool> months;
    bool annual = false;
  };
  std::map<int, Acc> by_year;
  for (const auto& c : counts) {
    Acc& acc = by_year[c.month.year()];
    acc.total += c.count;
    if (c.annual_total) {
      acc.annual = true;
    } else {
      acc.months[c.month.month()] = true;
    }
  }
  std::vector<YearlyTotal> out;
  out.reserve(by_year.size());
  for (const auto& [year, acc] : by_year) {
    out.push_back({year, acc.total, static_cast<int>(acc.months.size()),
                   acc.annual && acc.months.empty()});
  }
  return out;
}

std::vector<NationalityTotal> nationality_totals(std::span<const model::NationalityCount> counts) {
  std::unordered_map<std::string, std::int64_t> by_code;
  for (const auto& c : counts) by_code[c.nationality_iso3] += c.count;
  std::vector<NationalityTotal> out;
  out.reserve(by_code.size());
  for (auto& [code, total] : by_code) out.push_back({code, total});
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
    return a.total != b.total ? a.total > b.total : a.nationality_iso3 < b.nationality_iso3;
  });
  return out;
}

}  // namespace escudo::stats
