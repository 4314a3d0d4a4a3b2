#include "stats/fact_table.h"

namespace escudo::stats {

std::string_view sex_name(Sex sex) {
  switch (sex) {
    case Sex::kFemale: return "female";
    case Sex::kMale: return "male";
    case Sex::kUnknown: break;
  }
  return "unknown";
}

std::string_view age_group_name(AgeGroup group) {
  switch (group) {
    case AgeGroup::kChild: return "child";
    case AgeGroup::kAdult: return "adult";
    case AgeGroup::kUnknown: break;
  }
  return "unknown";
}

std::string_view source_name(Source source) {
  return source == Source::kOfficial ? "official" : "registered";
}

FactTable::FactTable(Resolution resolution, Known known) : resolution_(resolution), known_(known) {}

void FactTable::reserve(std::size_t rows) {
  day_.reserve(rows);
  nationality_.reserve(rows);
  sex_.reserve(rows);
  age_group_.reserve(rows);
  station_.reserve(rows);
  source_.reserve(rows);
  weight_.reserve(rows);
}

void FactTable::add(const Fact& f) {
  day_.push_back(f.day);
  nationality_.push_back(f.nationality);
  sex_.push_back(static_cast<std::uint8_t>(f.sex));
  age_group_.push_back(static_cast<std::uint8_t>(f.age_group));
  station_.push_back(f.station);
  source_.push_back(static_cast<std::uint8_t>(f.source));
  weight_.push_back(f.weight);
}

std::uint16_t FactTable::intern(std::vector<std::string>& labels,
                                std::unordered_map<std::string, std::uint16_t>& index,
                                std::string_view value) {
  auto it = index.find(std::string(value));
  if (it != index.end()) return it->second;
  auto code = static_cast<std::uint16_t>(labels.size());
  labels.emplace_back(value);
  index.emplace(std::string(value), code);
  return code;
}

std::uint16_t FactTable::intern_nationality(std::string_view iso3) {
  return intern(nationalities_, nationality_index_, iso3);
}

std::uint16_t FactTable::intern_station(std::string_view name) {
  return intern(stations_, station_index_, name);
}

}  // namespace escudo::stats
