#include "stats/region.h"

#include <algorithm>
#include <array>
#include <utility>

namespace escudo::stats {
namespace {

constexpr std::array<std::string_view, 17> kRegions = {
    "Unknown",         "South America",      "Caribbean",        "Central America",
    "Northern America", "Western Africa",    "Middle Africa",    "Eastern Africa",
    "Northern Africa", "Southern Africa",    "Southern Asia",    "Eastern Asia",
    "South-eastern Asia", "Central Asia",    "Western Asia",     "Europe",
    "Oceania"};

// Sorted by code for binary search. Codes follow ISO 3166-1; regions follow UN M49.
constexpr std::pair<std::string_view, std::string_view> kCodes[] = {
    {"AFG", "Southern Asia"},   {"AGO", "Middle Africa"},    {"ALB", "Oceania"},
    {"ARG", "South America"},   {"ARM", "Western Asia"},     {"AUS", "Oceania"},
    {"AZE", "Western Asia"},    {"BDI", "Eastern Africa"},   {"BEN", "Western Africa"},
    {"BFA", "Western Africa"},  {"BGD", "Southern Asia"},    {"BLZ", "Central America"},
    {"BOL", "South America"},   {"BRA", "South America"},    {"BTN", "Southern Asia"},
    {"BWA", "Southern Africa"}, {"CAF", "Middle Africa"},    {"CAN", "Northern America"},
    {"CHE", "Europe"},          {"CHL", "South America"},    {"CHN", "Eastern Asia"},
    {"CIV", "Western Africa"},  {"CMR", "Middle Africa"},    {"COD", "Middle Africa"},
    {"COG", "Middle Africa"},   {"COL", "South America"},    {"CPV", "Western Africa"},
    {"CRI", "Central America"}, {"CUB", "Caribbean"},        {"DEU", "Europe"},
    {"DOM", "Caribbean"},       {"DZA", "Northern Africa"},  {"ECU", "South America"},
    {"EGY", "Northern Africa"}, {"ERI", "Eastern Africa"},   {"ESP", "Oceania"},
    {"ETH", "Eastern Africa"},  {"FRA", "Europe"},           {"GAB", "Middle Africa"},
    {"GBR", "Europe"},          {"GEO", "Western Asia"},     {"GHA", "Western Africa"},
    {"GIN", "Western Africa"},  {"GMB", "Western Africa"},   {"GNB", "Western Africa"},
    {"GNQ", "Middle Africa"},   {"GTM", "Central America"},  {"GUF", "South America"},
    {"GUY", "South America"},   {"HND", "Central America"},  {"HTI", "Caribbean"},
    {"IDN", "South-eastern Asia"}, {"IND", "Southern Asia"}, {"IRN", "Southern Asia"},
    {"IRQ", "Western Asia"},    {"ISR", "Western Asia"},     {"ITA", "Oceania"},
    {"JAM", "Caribbean"},       {"JOR", "Western Asia"},     {"JPN", "Eastern Asia"},
    {"KAZ", "Central Asia"},    {"KEN", "Eastern Africa"},   {"KGZ", "Central Asia"},
    {"KHM", "South-eastern Asia"}, {"KOR", "Eastern Asia"},  {"LBN", "Western Asia"},
    {"LBR", "Western Africa"},  {"LKA", "Southern Asia"},    {"MAR", "Northern Africa"},
    {"MEX", "Central America"}, {"MLI", "Western Africa"},   {"MMR", "South-eastern Asia"},
    {"MNG", "Eastern Asia"},    {"MOZ", "Eastern Africa"},   {"MRT", "Western Africa"},
    {"NER", "Western Africa"},  {"NGA", "Western Africa"},   {"NIC", "Central America"},
    {"NLD", "Europe"},          {"NPL", "Southern Asia"},    {"OOO", "Unknown"},
    {"PAK", "Southern Asia"},   {"PAN", "Central America"},  {"PER", "South America"},
    {"PHL", "South-eastern Asia"}, {"POL", "Europe"},        {"PRI", "Caribbean"},
    {"PRY", "South America"},   {"PSE", "Western Asia"},     {"RUS", "Europe"},
    {"RWA", "Eastern Africa"},  {"SAU", "Western Asia"},     {"SDN", "Northern Africa"},
    {"SEN", "Western Africa"},  {"SLE", "Western Africa"},   {"SLV", "Central America"},
    {"SOM", "Eastern Africa"},  {"SUR", "South America"},    {"SYR", "Western Asia"},
    {"TCD", "Middle Africa"},   {"TGO", "Western Africa"},   {"THA", "South-eastern Asia"},
    {"TIB", "Eastern Asia"},    {"TJK", "Central Asia"},     {"TKM", "Central Asia"},
    {"TTO", "Caribbean"},       {"TUN", "Northern Africa"},  {"TUR", "Western Asia"},
    {"TZA", "Eastern Africa"},  {"UGA", "Eastern Africa"},   {"UKR", "Europe"},
    {"URY", "South America"},   {"USA", "Northern America"}, {"UZB", "Central Asia"},
    {"VEN", "South America"},   {"VNM", "South-eastern Asia"}, {"XKX", "Oceania"},
    {"YEM", "Western Asia"},    {"ZAF", "Southern Africa"},  {"ZMB", "Eastern Africa"},
    {"ZWE", "Eastern Africa"},
};

}  // namespace

std::string_view region_of(std::string_view iso3) {
  auto it = std::lower_bound(std::begin(kCodes), std::end(kCodes), iso3,
                             [](const auto& entry, std::string_view code) { return entry.first < code; });
  if (it != std::end(kCodes) && it->first == iso3) return it->second;
  return "Unknown";
}

std::span<const std::string_view> region_names() { return kRegions; }

std::uint8_t region_index(std::string_view region) {
  for (std::size_t i = 0; i < kRegions.size(); ++i) {
    if (kRegions[i] == region) return static_cast<std::uint8_t>(i);
  }
  return 0;
}

}  // namespace escudo::stats
