// ASCII letters in texts that are ASCII by definition: ISO country and currency codes, and the
// match keys of accounts, places and documents. Names are folded with Unicode rules instead
// (resolve/normalize.h).
#pragma once

#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>

namespace escudo {

constexpr bool is_ascii_upper(char c) { return c >= 'A' && c <= 'Z'; }

constexpr char ascii_lower(char c) { return is_ascii_upper(c) ? static_cast<char>(c - 'A' + 'a') : c; }

// `text` with A–Z lowered; every other byte (UTF-8 included) as it was.
inline std::string ascii_lowered(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = ascii_lower(c);
  return out;
}

// Exactly `length` capital letters A–Z: an ISO 3166 alpha-3 or ISO 4217 code has three.
constexpr bool is_capital_code(std::string_view text, std::size_t length = 3) {
  return text.size() == length && std::ranges::all_of(text, is_ascii_upper);
}

}  // namespace escudo
