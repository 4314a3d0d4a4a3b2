// The same phone or document number written another way: a phone with "00" for "+", with
// spaces, in its national form ("0412-1234567") or without its country code; a document number
// with its separators dropped or added ("V-12345678" → "V12345678", "12345678" → "12.345.678");
// a digit mistyped.
#pragma once

#include <string>
#include <string_view>

#include "sim/internal/rng.h"

namespace escudo::sim::internal {

enum class PhoneForm : std::uint8_t {
  kDoubleZero,     // "00584121234567"
  kSpaced,         // "+58 412 123 4567"
  kNationalDash,   // "0412-1234567"
  kNationalSpace,  // "0412 123 4567"
  kNoCountryCode,  // "4121234567"
};
inline constexpr int kPhoneForms = 5;

// `e164` ("+584121234567") written in `form`; never equal to `e164`. A number of a country
// without a profile keeps its digits ("00…" or without "+").
std::string phone_written_as(std::string_view e164, PhoneForm form);
std::string phone_written(std::string_view e164, Rng& rng);

// Another mobile number for the owner of `e164`: a Colombian SIM card half the time, else a
// new number of the same country. Never equal to `e164`.
std::string replacement_phone(std::string_view e164, Rng& rng);

// `number` with its separators dropped when it has any, else with some added (a space or dash
// after the letters, thousands dots in a long all-digit number) or its letters in lower case.
// Never equal to `number` when it is not empty.
std::string document_reformatted(std::string_view number, Rng& rng);

// `number` with one digit replaced, or two neighbouring digits swapped. Unchanged when it has
// no digit.
std::string document_with_digit_typo(std::string_view number, Rng& rng);

}  // namespace escudo::sim::internal
