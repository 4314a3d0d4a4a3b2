// Official transit counts: Panama's monthly tables of people registered in irregular transit
// through the Darién, by nationality and by sex and age group.
#pragma once

#include <cstdint>
#include <string>

#include "base/civil_date.h"
#include "base/status.h"

namespace escudo::model {

// One cell of the table by nationality. Before 2020 the source holds only yearly totals,
// stored with `annual_total` set and the month set to January of that year.
struct NationalityCount {
  YearMonth month;
  bool annual_total = false;
  std::string nationality_iso3;  // three upper-case letters; OOO = other or unknown
  std::int64_t count = 0;
};

enum class DemographicGroup : std::uint8_t { kMen, kWomen, kBoys, kGirls };
std::string_view demographic_name(DemographicGroup group);
Result<DemographicGroup> parse_demographic(std::string_view name);

// One cell of the table by sex and age. For 2021–2022 the source has only men and women,
// children included.
struct DemographicCount {
  YearMonth month;
  DemographicGroup group = DemographicGroup::kMen;
  std::int64_t count = 0;
};

// kInvalidArgument unless three ASCII upper-case letters.
Status validate_iso3(std::string_view code);

}  // namespace escudo::model
