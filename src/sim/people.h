// Synthetic person records for testing and benchmarking entity resolution: the people of the
// corridor simulator (corridor.h: names by nationality with Spanish double surnames, dates of
// birth or estimated ages, documents and phones in their country's formats, following the
// official tables' mix of nationalities), some of them registered more than once, each record
// written with the slips real records have, and the ground truth (which person each record
// is) kept apart.
//
//   sim::PeopleConfig config{.seed = 7, .records = 100'000};
//   ESCUDO_ASSIGN_OR_RETURN(sim::PeopleSummary summary,
//       sim::generate_people(config, tables, [&](const sim::PersonRecord& r) -> Status {
//         sim::append_person_record(out, r, width);   // people_csv.h
//         return ok_status();
//       }));
//
// Who is registered how often (rates are the defaults of PeopleConfig):
//   - 25% of persons have more than one record: of those 80% have 2, 15% have 3, 5% have 4
//     (about 1.31 records per person). Relatives of one group are usually registered again
//     together (70% of them take the group's number of records).
//   - 30% of the extra records are re-registrations after a return: the same person months
//     later (90 to 720 days), who has a new phone half the time; the others are registrations
//     of the same journey a few days apart (another station, another agency's list), with a
//     new phone 12% of the time.
// The hard cases, which are different persons (ground truth, not errors):
//   - families share one phone: in 60% of groups of relatives everyone, children too, has the
//     phone of the first of them who has one;
//   - boats: 0.5% of groups start a boat of 12 to 40 people, filled by the following groups;
//     70% of those aboard aged 14 or more give the phone of the boat's organiser (a Colombian
//     number);
//   - twins: in 8% of groups with two or more children of the same parents, two of them are
//     twins (same surnames, same date of birth, same phone when the family shares one);
//   - namesakes: names are drawn with falling weights from national lists and their language's
//     long tail (names.h), so common names recur among strangers as they do in life; within a
//     group, no two relatives share both given names and family name.
// How each record is written, every record independently, the rate counted among the records
// where the error can happen:
//   names (in this order):  Han characters 5% (Chinese names the table knows: 王 伟; no spelling
//     error then) · another spelling 20% (Mohammad/Muhammad, Zhang/Chang, Yeferson/
//     Jefferson, Jean-Pierre/Jean Pierre) · second surname dropped 12% or the two surnames
//     swapped 4% (persons with two surnames) · hypocorism 6% (José → Pepe, Francisco →
//     Pancho/Paco, Jesús → Chucho, María José → Majo …, in the person's language) or compound
//     given name cut to its first part 20% (María José → María) · accents dropped 25% (names
//     with accents) or added 3% (names with none: Maria → María) · typo in the given name 4%,
//     in the surname 5% (one letter inserted, deleted, replaced by a neighbouring key, or two
//     swapped) · given name and surname in each other's field 8% (Chinese and Vietnamese) ·
//     all in capitals 10%;
//   sex: missing 2%, wrong 0.5%;
//   date of birth (recorded dates): day and month swapped 3% (when the day is 12 or less and
//     differs from the month), year only 5%, missing 3%. A person whose date was never
//     recorded has the year of an estimated age, estimated again at each registration;
//   nationality missing 1%;
//   document (holders): missing 6%, the person's other document 10% (adults holding both a
//     passport and a national identity card), number reformatted 15% (separators dropped or
//     added, letters in lower case), one digit mistyped 3%;
//   phone (owners): missing 10%, written in another form 35% ("00…", "+58 412 …", "0412-…",
//     no country code), changed as above.
//
// Records come out in a shuffled order (through a window of `shuffle_window` records, so
// records of one person are rarely near each other) and their ids are a keyed permutation of
// that order, so neither position nor id says anything about the person. Memory stays bounded
// by the window, whatever the number of records.
//
// Deterministic: one seed gives the same records on every machine. Pure: plain data in and
// out, no I/O, no globals; thread-safe (concurrent calls share nothing).
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "base/civil_date.h"
#include "base/status.h"
#include "sim/corridor.h"

namespace escudo::sim {

// The ways a record differs from the person it describes.
enum class RecordError : std::uint8_t {
  kHanCharacters,
  kAlternateSpelling,
  kSecondSurnameDropped,
  kSurnamesSwapped,
  kNickname,
  kCompoundGivenNameShortened,
  kAccentsDropped,
  kAccentAdded,
  kGivenNameTypo,
  kSurnameTypo,
  kNameOrderSwapped,
  kCapitals,
  kSexMissing,
  kSexWrong,
  kBirthDayMonthSwapped,
  kBirthYearOnly,
  kBirthDateMissing,
  kNationalityMissing,
  kDocumentMissing,
  kOtherDocument,
  kDocumentReformatted,
  kDocumentDigitTypo,
  kPhoneMissing,
  kPhoneReformatted,
  kPhoneChanged,
};
inline constexpr std::size_t kRecordErrorKinds = 25;

// Lower-case words: "han_characters", "birth_day_month_swapped".
std::string_view record_error_name(RecordError error);

// By RecordError. For kPhoneChanged: extra records of the same journey (after a return,
// PeopleConfig::new_phone_after_return applies).
using ErrorRates = std::array<double, kRecordErrorKinds>;
ErrorRates default_error_rates();

struct PeopleConfig {
  std::uint64_t seed = 1;
  std::int64_t records = 0;       // exactly this many
  double duplicate_share = 0.25;  // persons with more than one record
  std::array<double, 3> extra_records_mix = {0.80, 0.15, 0.05};  // 2, 3, 4 records
  double group_registered_together = 0.70;
  double after_return_share = 0.30;  // of extra records
  double new_phone_after_return = 0.50;
  double family_phone_share = 0.60;  // of groups of relatives
  double boat_share = 0.005;         // groups that start a boat
  double boat_phone_share = 0.70;    // of people aboard
  double twin_share = 0.08;          // of groups with two or more children of the same parents
  ErrorRates error_rates = default_error_rates();
  std::int64_t shuffle_window = 16'384;
};

// What is true of a person, whatever their records say.
struct PersonTruth {
  std::int64_t group = 0;  // the travelling group (index in the order drawn)
  GroupKind group_kind = GroupKind::kSingle;
  int household = 0;  // with `group`: people with the same pair are family
  std::string given_names;
  std::string family_names;
  stats::Sex sex = stats::Sex::kUnknown;
  CivilDate birth_date;
  bool birth_date_recorded = true;  // false: registrars only ever estimate an age
  std::string nationality;          // ISO 3166 alpha-3
  DocumentType document_type = DocumentType::kNone;
  std::string document_country;
  std::string document_number;
  DocumentType other_document_type = DocumentType::kNone;  // a second document, if any
  std::string other_document_number;
  std::string phone;          // E.164 or empty
  bool family_phone = false;  // shares the group's phone with relatives
  bool boat_phone = false;    // gave the phone of a boat's organiser
  bool twin = false;
};

struct PersonRecord {
  std::int64_t record_id = 0;  // 0 … records-1: a keyed permutation of the output order
  std::int64_t person_id = 0;  // 0, 1, … in the order persons are drawn

  // --- As written ---
  std::string given_name;
  std::string surname;  // may hold two: "Mosquera Palacios"
  stats::Sex sex = stats::Sex::kUnknown;
  std::string date_of_birth;  // "YYYY-MM-DD", "YYYY" or empty
  std::string nationality;
  DocumentType document_type = DocumentType::kNone;
  std::string document_country;
  std::string document_number;
  std::string phone;

  // --- Ground truth ---
  int copy = 0;               // 0 for the person's first record, then 1, 2, 3
  bool after_return = false;  // a re-registration after a return
  CivilDate registered_on;    // when this record was made (not written in the CSV)
  std::uint32_t errors = 0;   // bit (1 << RecordError)
  PersonTruth truth;

  bool has(RecordError error) const { return (errors >> static_cast<unsigned>(error)) & 1u; }
};

struct PeopleSummary {
  std::int64_t records = 0;
  std::int64_t persons = 0;
  std::int64_t persons_with_duplicates = 0;
  std::array<std::int64_t, 5> persons_by_records{};  // [k]: persons with k records (1 … 4)
  std::int64_t records_after_return = 0;
  std::int64_t family_phone_groups = 0;
  std::int64_t family_phone_persons = 0;
  std::int64_t boats = 0;
  std::int64_t boat_phone_persons = 0;
  std::int64_t twin_pairs = 0;
  std::array<std::int64_t, kRecordErrorKinds> errors{};  // records with each error
};

// Calls `on_record` for each of exactly `config.records` records and stops at the first error
// it returns (which is returned). kInvalidArgument when `records` is negative, a share or rate
// is outside [0, 1], `shuffle_window` is below 1, or the tables are unusable (as generate()).
Result<PeopleSummary> generate_people(const PeopleConfig& config, const OfficialTables& tables,
                                      const std::function<Status(const PersonRecord&)>& on_record);

}  // namespace escudo::sim
