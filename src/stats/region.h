// Regions of origin (UN M49 geoscheme, sub-regions) for nationalities, so flows can be read by
// "Caribbean", "Southern Asia", "Western Africa"… as well as by country.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

namespace escudo::stats {

// The region of an ISO 3166 alpha-3 code; "Unknown" for codes not in the table (OOO, TIB and
// XKX are placed where the source means them: unknown, Eastern Asia, Europe).
std::string_view region_of(std::string_view iso3);

// Every region name, "Unknown" first; region_index() gives a name's position.
std::span<const std::string_view> region_names();
std::uint8_t region_index(std::string_view region);

}  // namespace escudo::stats
