#include "sim/internal/calibration.h"

#include <algorithm>
#include <map>

namespace escudo::sim::internal {
namespace {

// Used only when the table by sex and age has no month with children counted apart.
constexpr MonthShares kFallbackShares{.child = 0.2, .female_adult = 0.33, .female_child = 0.47};

struct Demographic {
  std::int64_t men = 0, women = 0, boys = 0, girls = 0;
  bool children_apart = false;  // boys and girls given (from 2023); else men and women include them
  std::int64_t total() const { return men + women + boys + girls; }
};

bool in_range(YearMonth m, const SimConfig& config) {
  return (!config.first_month || m >= *config.first_month) &&
         (!config.last_month || m <= *config.last_month);
}

}  // namespace

Result<Calibration> calibrate(const OfficialTables& tables, const SimConfig& config) {
  std::map<YearMonth, std::map<std::string, std::int64_t>> by_month;
  for (const model::NationalityCount& row : tables.by_nationality) {
    if (row.count < 0) {
      return errorf(ErrorCode::kInvalidArgument, "{} {}: the count {} is negative",
                    row.month.to_string(), row.nationality_iso3, row.count);
    }
    if (row.annual_total || row.count == 0 || !in_range(row.month, config)) continue;
    if (auto valid = model::validate_iso3(row.nationality_iso3); !valid) {
      return std::unexpected(valid.error().with_context(row.month.to_string()));
    }
    by_month[row.month][row.nationality_iso3] += row.count;
  }
  if (by_month.empty()) {
    return make_error(ErrorCode::kInvalidArgument,
                      "the table by nationality has no monthly counts in the months asked for");
  }
  std::map<YearMonth, Demographic> demographics;
  for (const model::DemographicCount& row : tables.by_sex_age) {
    if (row.count < 0) {
      return errorf(ErrorCode::kInvalidArgument, "{} {}: the count {} is negative",
                    row.month.to_string(), model::demographic_name(row.group), row.count);
    }
    Demographic& d = demographics[row.month];
    switch (row.group) {
      case model::DemographicGroup::kMen:
        d.men += row.count;
        break;
      case model::DemographicGroup::kWomen:
        d.women += row.count;
        break;
      case model::DemographicGroup::kBoys:
        d.boys += row.count;
        d.children_apart = true;
        break;
      case model::DemographicGroup::kGirls:
        d.girls += row.count;
        d.children_apart = true;
        break;
    }
  }
  // Overall shares of the months that count children apart, for the months that do not.
  Demographic overall;
  for (const auto& [month, d] : demographics) {
    if (!d.children_apart) continue;
    overall.men += d.men;
    overall.women += d.women;
    overall.boys += d.boys;
    overall.girls += d.girls;
  }
  MonthShares fallback = kFallbackShares;
  if (overall.men + overall.women > 0 && overall.boys + overall.girls > 0) {
    fallback.child =
        static_cast<double>(overall.boys + overall.girls) / static_cast<double>(overall.total());
    fallback.female_adult =
        static_cast<double>(overall.women) / static_cast<double>(overall.men + overall.women);
    fallback.female_child =
        static_cast<double>(overall.girls) / static_cast<double>(overall.boys + overall.girls);
  }

  Calibration cal;
  std::map<std::string, std::uint16_t> code_index;
  for (const auto& [month, counts] : by_month) {
    for (const auto& [code, count] : counts) code_index.emplace(code, 0);
  }
  for (auto& [code, index] : code_index) {
    index = static_cast<std::uint16_t>(cal.nationality_codes.size());
    cal.nationality_codes.push_back(code);
  }

  std::vector<double> month_weights;
  for (const auto& [month, counts] : by_month) {
    MonthModel m;
    m.month = month;
    m.first_day = CivilDate::from_ymd(month.year(), month.month(), 1)->days_since_epoch();
    YearMonth next = month.next();
    m.days = CivilDate::from_ymd(next.year(), next.month(), 1)->days_since_epoch() - m.first_day;
    std::vector<std::uint64_t> weights;
    for (const auto& [code, count] : counts) {
      m.nationalities.push_back(code_index.at(code));
      weights.push_back(static_cast<std::uint64_t>(count));
      m.people += count;
    }
    m.nationality_pick = WeightedIndex(weights);

    m.shares = fallback;
    auto d = demographics.find(month);
    if (d != demographics.end() && d->second.total() > 0) {
      const Demographic& x = d->second;
      if (x.children_apart) {
        m.shares.child = static_cast<double>(x.boys + x.girls) / static_cast<double>(x.total());
        if (x.men + x.women > 0) {
          m.shares.female_adult =
              static_cast<double>(x.women) / static_cast<double>(x.men + x.women);
        }
        if (x.boys + x.girls > 0) {
          m.shares.female_child =
              static_cast<double>(x.girls) / static_cast<double>(x.boys + x.girls);
        }
      } else {
        // Men and women here include boys and girls: keep the overall share of children and
        // of girls among them, and give adults what makes the month's share of females.
        const double female = static_cast<double>(x.women) / static_cast<double>(x.total());
        const double c = fallback.child;
        m.shares.female_adult =
            std::clamp((female - c * fallback.female_child) / (1 - c), 0.0, 1.0);
      }
    }
    m.mix = kind_mix(m.shares);
    m.kind_pick = WeightedIndex::from_reals(m.mix.probability);
    m.draw_shares = {.female_free_adult = m.mix.female_free_adult,
                     .female_child = m.shares.female_child};
    month_weights.push_back(static_cast<double>(m.people) / m.mix.expected_size);
    cal.months.push_back(std::move(m));
  }
  cal.month_pick = WeightedIndex::from_reals(month_weights);
  return cal;
}

}  // namespace escudo::sim::internal
