// Field-by-field comparison of two normalised records into graded levels, the input of the
// scoring model. Each field has its levels from the strongest agreement to disagreement; a
// field missing on either side is `kMissing` and contributes nothing to the score.
//
//   Comparator comparator(store, {.tf_min_records = 1000});
//   ComparisonVector v = comparator.compare(a, b);
//   v.level[field_index(Field::kSurname)] == 1   // "swapped"
//   v.tf[field_index(Field::kSurname)]           // frequency of the surnames that agreed
//
// The levels (field_levels() lists their labels):
//   given_name     exact, nickname (Pepe/José), partial (José / José Luis), similar (Jaro–Winkler
//                  ≥ 0.9 or same phonetic key), initial (J. / José), other
//   surname        exact, swapped (Mosquera Palacios / Palacios Mosquera), shared (the same
//                  first surname, the second dropped; or a married name), phonetic, similar
//                  (Jaro–Winkler ≥ 0.9, one edit, or another surname in common; with two
//                  surnames each, one in common and the others slips of each other), other
//                  (also two surnames each with one in common and the others unlike: two
//                  families, cousins through one parent)
//   alias          exact, other
//   date_of_birth  exact, swapped (day and month), typo (one edit in YYYYMMDD), partial (year
//                  or year-month agreeing with a fuller date; a 1 January placeholder counts
//                  as a year), year (same year, month or day differ), near (a year apart, or
//                  two when one date is a year alone, a placeholder or estimated), other. Two
//                  whole dates, neither estimated nor a placeholder, are exact, swapped, typo
//                  or other: people know their own birth date.
//   sex, nationality: exact, other
//   document       exact, number (same number, other type or country), typo (one edit), other
//   phone          exact, suffix (same last 8 digits), other
//   address        exact (same words), similar (half the words or more), other
//   postcode       exact, typo, other;  city: exact, similar, other
//
// A given name and a surname written in each other's place count as given "partial" and surname
// "swapped". A phone or document held by more records than `over_shared_cap` (a boat's phone) counts as
// missing: it says nothing about who is who. Thread-safe (const after construction).
#pragma once

#include <array>
#include <cstdint>
#include <string_view>
#include <vector>

#include "resolve/normalize.h"

namespace escudo::resolve {

enum class Field : std::uint8_t {
  kGivenName,
  kSurname,
  kAlias,
  kDateOfBirth,
  kSex,
  kNationality,
  kDocument,
  kPhone,
  kAddress,
  kPostcode,
  kCity,
};
inline constexpr int kFieldCount = 11;
inline constexpr std::int8_t kMissing = -1;

constexpr int field_index(Field f) { return static_cast<int>(f); }
std::string_view field_name(Field f);
// The level labels of a field, strongest first.
const std::vector<std::string_view>& field_levels(Field f);

struct ComparisonVector {
  std::array<std::int8_t, kFieldCount> level;
  // For levels adjusted by term frequency: the share of records holding the agreeing value
  // (0 when no adjustment applies).
  std::array<float, kFieldCount> tf{};
  ComparisonVector() { level.fill(kMissing); }

  // The levels packed 4 bits per field (level + 1; 0 for missing), for counting patterns.
  std::uint64_t pattern() const;
};

struct CompareOptions {
  // Term-frequency adjustment needs enough records for the frequencies to mean something.
  std::uint32_t tf_min_records = 1000;
  // Phones and documents held by more records than this count as missing.
  std::uint32_t over_shared_cap = 20;
};

class Comparator {
 public:
  // `store` must outlive the comparator; records added to it later are compared too.
  Comparator(const RecordStore& store, CompareOptions options) : store_(&store), options_(options) {}

  ComparisonVector compare(std::uint32_t a, std::uint32_t b) const;
  // The compared values of one field, "a | b", for explanations.
  std::string describe(Field f, std::uint32_t a, std::uint32_t b) const;
  const CompareOptions& options() const { return options_; }

 private:
  void compare_given(const NormalizedRecord& a, const NormalizedRecord& b, ComparisonVector& v) const;
  void compare_surname(const NormalizedRecord& a, const NormalizedRecord& b, ComparisonVector& v) const;
  void compare_date(const NormalizedRecord& a, const NormalizedRecord& b, ComparisonVector& v) const;
  void compare_document(const NormalizedRecord& a, const NormalizedRecord& b, ComparisonVector& v) const;
  void compare_phone(const NormalizedRecord& a, const NormalizedRecord& b, ComparisonVector& v) const;
  void compare_address(const NormalizedRecord& a, const NormalizedRecord& b, ComparisonVector& v) const;
  bool crossed(const NormalizedRecord& a, const NormalizedRecord& b) const;
  bool tf_enabled() const { return store_->size() >= options_.tf_min_records; }
  // Term frequencies of names: within the pair's nationality when both records have the same
  // one and it has at least `tf_min_records` records ("Jean-Baptiste" is rare among everyone and
  // common among Haitians), among all records otherwise.
  float local_share(const NormalizedRecord& a, const NormalizedRecord& b,
                    std::uint32_t count_within, std::uint32_t records_within, std::uint32_t count,
                    std::uint32_t records) const;
  float given_tf(const NormalizedRecord& a, const NormalizedRecord& b, std::uint32_t token) const;
  float surname_tf(const NormalizedRecord& a, const NormalizedRecord& b, std::uint32_t token) const;

  const RecordStore* store_;
  CompareOptions options_;
};

}  // namespace escudo::resolve
