// Columnar facts about people in transit, the input of the statistics engine.
//
// Each row says that `weight` people share one set of attributes: a day (official tables are
// monthly and use the first of the month), a nationality, sex, age group, station and source.
// Registrations have weight 1; a cell of an official table has the cell's count. Columns are
// flat arrays (struct of arrays) and strings are interned, so a scan over ten million rows
// touches a few tens of megabytes.
//
//   FactTable facts(FactTable::Resolution::kMonth);
//   facts.add({.day = first_of_month, .nationality = facts.intern_nationality("VEN"),
//              .source = Source::kOfficial, .weight = 1234});
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/civil_date.h"

namespace escudo::stats {

enum class Sex : std::uint8_t { kUnknown, kFemale, kMale };
enum class AgeGroup : std::uint8_t { kUnknown, kChild, kAdult };
enum class Source : std::uint8_t { kOfficial, kRegistered };

std::string_view sex_name(Sex sex);
std::string_view age_group_name(AgeGroup group);
std::string_view source_name(Source source);

// Values 0 of the nationality and station columns mean "unknown".
inline constexpr std::uint16_t kUnknownCode = 0;

struct Fact {
  std::int32_t day = 0;  // days since 1970-01-01
  std::uint16_t nationality = kUnknownCode;
  Sex sex = Sex::kUnknown;
  AgeGroup age_group = AgeGroup::kUnknown;
  std::uint16_t station = kUnknownCode;
  Source source = Source::kOfficial;
  std::int64_t weight = 1;
};

// Which attributes a source holds at all (Panama's table by nationality has no sex or age; its
// table by sex and age has no nationality), so that a query needing a missing one is refused
// rather than answered with "unknown" for everyone.
struct KnownAttributes {
  bool nationality = true;
  bool sex = true;
  bool age_group = true;
  bool station = true;
};

class FactTable {
 public:
  using Known = KnownAttributes;

  enum class Resolution { kDay, kMonth };

  explicit FactTable(Resolution resolution, Known known = Known());

  void reserve(std::size_t rows);
  void add(const Fact& fact);

  // The code of a nationality (ISO 3166 alpha-3) or station name, assigned on first use.
  // Precondition: fewer than 65,535 distinct values.
  std::uint16_t intern_nationality(std::string_view iso3);
  std::uint16_t intern_station(std::string_view name);
  const std::string& nationality_label(std::uint16_t code) const { return nationalities_[code]; }
  const std::string& station_label(std::uint16_t code) const { return stations_[code]; }
  std::size_t nationality_count() const { return nationalities_.size(); }
  std::size_t station_count() const { return stations_.size(); }

  std::size_t size() const { return day_.size(); }
  Resolution resolution() const { return resolution_; }
  const Known& known() const { return known_; }

  const std::vector<std::int32_t>& day() const { return day_; }
  const std::vector<std::uint16_t>& nationality() const { return nationality_; }
  const std::vector<std::uint8_t>& sex() const { return sex_; }
  const std::vector<std::uint8_t>& age_group() const { return age_group_; }
  const std::vector<std::uint16_t>& station() const { return station_; }
  const std::vector<std::uint8_t>& source() const { return source_; }
  const std::vector<std::int64_t>& weight() const { return weight_; }

 private:
  static std::uint16_t intern(std::vector<std::string>& labels,
                              std::unordered_map<std::string, std::uint16_t>& index,
                              std::string_view value);

  Resolution resolution_;
  Known known_;
  std::vector<std::int32_t> day_;
  std::vector<std::uint16_t> nationality_;
  std::vector<std::uint8_t> sex_;
  std::vector<std::uint8_t> age_group_;
  std::vector<std::uint16_t> station_;
  std::vector<std::uint8_t> source_;
  std::vector<std::int64_t> weight_;
  std::vector<std::string> nationalities_{"unknown"};
  std::unordered_map<std::string, std::uint16_t> nationality_index_;
  std::vector<std::string> stations_{"unknown"};
  std::unordered_map<std::string, std::uint16_t> station_index_;
};

}  // namespace escudo::stats
