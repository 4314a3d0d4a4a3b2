// Names plausible for a nationality: small curated lists of given and family names for the
// nationalities seen in the Darién, by naming custom, with a generic list for the rest.
#pragma once

#include <span>
#include <string_view>

namespace escudo::sim::internal {

enum class FamilyNameStyle {
  kOne,         // one family name, the father's
  kSpanish,     // two: the father's first, then the mother's first ("González Pérez")
  kPortuguese,  // two: the mother's, then the father's ("Santos Silva")
  kGendered,    // one, the father's, with the feminine ending for women ("Karimova")
};

struct NamePool {
  std::span<const std::string_view> male;
  std::span<const std::string_view> female;
  std::span<const std::string_view> family;
  FamilyNameStyle style = FamilyNameStyle::kOne;
  double compound_given = 0;  // share of people with two given names ("María José")
  // A middle name written with the given name (Vietnamese "Văn", "Thị"), half the time.
  std::string_view male_middle;
  std::string_view female_middle;
};

// The pool for an ISO 3166 alpha-3 nationality; the generic pool for any other code.
const NamePool& name_pool(std::string_view iso3);

}  // namespace escudo::sim::internal
