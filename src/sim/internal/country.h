// What a nationality's papers and phones look like: the country calling code and mobile
// prefixes (so numbers are valid E.164 for the country), and the shape of passport, national
// identity and birth certificate numbers.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "sim/internal/rng.h"

namespace escudo::sim::internal {

struct CountryProfile {
  std::string_view iso3;
  std::string_view calling_code;                      // "58"
  std::span<const std::string_view> mobile_prefixes;  // "412", "414", …
  int subscriber_digits = 0;                          // digits after the prefix
  // Number patterns: '#' a digit, '%' a digit other than 0, '^' a digit from 1 to 3, '@' a
  // capital letter, anything else as written.
  std::string_view passport;
  std::string_view national_id;
  std::string_view birth_certificate;
  double passport_share = 0.5;  // of adults who carry a document, how many carry a passport
  bool americas = false;        // the journey so far was by land from South America
};

// nullptr for a code without a profile (the caller falls back to generic formats).
const CountryProfile* country_profile(std::string_view iso3);

// Colombia's profile: many people buy a Colombian SIM card before the crossing.
const CountryProfile& colombia_profile();

std::string fill_pattern(std::string_view pattern, Rng& rng);

// "+" calling code, prefix and subscriber digits.
std::string mobile_number(const CountryProfile& country, Rng& rng);

// The profile whose calling code starts `e164` ("+58…" → Venezuela), or nullptr. Calling codes
// are prefix-free, so at most one matches.
const CountryProfile* profile_for_phone(std::string_view e164);

// What is dialled before a mobile number inside the country ("0" in Venezuela, "0412-…";
// nothing in Colombia, "300 …").
std::string_view trunk_prefix(const CountryProfile& country);

}  // namespace escudo::sim::internal
