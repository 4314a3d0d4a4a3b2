// Names plausible for a nationality: curated lists of given and family names for the
// nationalities seen in the Darién, by naming custom, with a generic list for the rest. Each list
// is ordered from the most common name down and drawn with falling (Zipf-like) weights, and the
// larger nationalities add a long tail shared by their language: real name distributions have a
// few very common names and thousands of rare ones, and how often two different people share a
// whole name depends on that tail.
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
  // Rarer names drawn after the lists above (a language's long tail).
  std::span<const std::string_view> male_tail = {};
  std::span<const std::string_view> female_tail = {};
  std::span<const std::string_view> family_tail = {};
};

// One name from `head` followed by `tail`, the i-th of the n drawn with weight 1 / (i + 4).
// `unit` is uniform in [0, 1).
std::string_view draw_name(std::span<const std::string_view> head,
                           std::span<const std::string_view> tail, double unit);

// The pool for an ISO 3166 alpha-3 nationality; the generic pool for any other code.
const NamePool& name_pool(std::string_view iso3);

}  // namespace escudo::sim::internal
