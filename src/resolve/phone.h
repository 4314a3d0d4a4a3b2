// Phone numbers to E.164 and country codes between ISO 3166 alpha-2 and alpha-3, for the
// normaliser. libphonenumber and ICU stay inside phone.cc.
//
//   PhoneNormalizer phones;
//   phones.e164("0057 300 123 4567", "CO") == 573001234567
//   phones.e164("(300) 123-4567", "CO") == 573001234567
//   phones.e164("0412-1234567", country_alpha2("VEN")) == 584121234567
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace escudo::resolve {

// "CO", "co", "COL" → "CO"; "" when `code` is not an ISO 3166 country. Thread-safe.
std::string country_alpha2(std::string_view code);
// A small number for a country (1..n), 0 when unknown; "CO" and "COL" give the same number.
std::uint16_t country_number(std::string_view code);

// The alpha-2 code of a country_number(); "" for 0 or an unknown number.
std::string country_code(std::uint16_t number);

// E.164 numbers as integers (the digits after '+'). A number written without its country code
// and without a known region keeps its national digits with kLocalPhoneFlag set, so two such
// numbers can still be compared by their last digits.
inline constexpr std::uint64_t kLocalPhoneFlag = std::uint64_t{1} << 63;

class PhoneNormalizer {
 public:
  PhoneNormalizer();

  // "+57 300…", "0057 300…", "300…" with `region_alpha2` "CO" give the same number; nullopt
  // when `text` holds fewer than 6 digits. Thread-safe.
  std::optional<std::uint64_t> e164(std::string_view text, std::string_view region_alpha2) const;
};

// "+573001234567", or the national digits of a local number.
std::string phone_to_string(std::uint64_t phone);

}  // namespace escudo::resolve
