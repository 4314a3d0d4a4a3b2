// Names as letters rather than bytes: the written forms of a name (typos, accents, capitals)
// edit code points, so "Muñoz" loses its "ñ", not half of it.
#pragma once

#include <string>
#include <string_view>

namespace escudo::sim::internal {

// Invalid UTF-8 becomes U+FFFD (the simulator's own names are all valid).
std::u32string to_code_points(std::string_view utf8);
std::string to_utf8(std::u32string_view code_points);

// "José Muñoz" → "Jose Munoz": every letter loses its diacritics ("ễ" → "e"); letters without
// a plain base ("Đ", Han characters) stay as they are.
std::string without_accents(std::string_view utf8);

// "José Muñoz" → "JOSÉ MUÑOZ", as registrars often write names.
std::string in_capitals(std::string_view utf8);

// Whether every byte is ASCII.
bool is_ascii(std::string_view text);

}  // namespace escudo::sim::internal
