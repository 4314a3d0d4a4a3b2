#include "sim/people.h"

#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <set>
#include <tuple>

#include "sim/internal/name_variants.h"
#include "sim/internal/names.h"
#include "sim/internal/text.h"
#include "sim/internal/typos.h"
#include "sim/official_tables_for_test.h"
#include "sim/people_csv.h"

namespace escudo::sim {
namespace {

using E = RecordError;

const OfficialTables& official() {
  static const OfficialTables tables = [] {
    auto loaded = load_official_tables();
    EXPECT_TRUE(loaded.has_value()) << loaded.error().to_string();
    return loaded.has_value() ? std::move(*loaded) : OfficialTables{};
  }();
  return tables;
}

struct Generated {
  std::vector<PersonRecord> records;  // in output order
  PeopleSummary summary;
};

Generated run(const PeopleConfig& config) {
  Generated out;
  auto summary = generate_people(config, official(), [&](const PersonRecord& r) -> Status {
    out.records.push_back(r);
    return ok_status();
  });
  EXPECT_TRUE(summary.has_value()) << summary.error().to_string();
  if (summary) out.summary = *summary;
  return out;
}

// 20,000 records with the default model, made once for the tests that only read them.
const Generated& default_run() {
  static const Generated r = run({.seed = 2024, .records = 20'000});
  return r;
}

std::string csv_of(const PeopleConfig& config) {
  std::string records;
  std::string truth;
  const int width = id_width(config.records);
  append_people_header(records);
  append_truth_header(truth);
  auto summary = generate_people(config, official(), [&](const PersonRecord& r) -> Status {
    append_person_record(records, r, width);
    append_truth_row(truth, r, width);
    return ok_status();
  });
  EXPECT_TRUE(summary.has_value());
  return records + "----\n" + truth;
}

double tolerance(double p, std::int64_t n) {
  return 4 * std::sqrt(p * (1 - p) / static_cast<double>(std::max<std::int64_t>(n, 1))) + 0.003;
}

double rate_of(E e) { return default_error_rates()[static_cast<std::size_t>(e)]; }

TEST(PeopleTest, SameSeedGivesTheSameBytesAndAnotherSeedOthers) {
  const std::string a = csv_of({.seed = 11, .records = 20'000});
  const std::string b = csv_of({.seed = 11, .records = 20'000});
  EXPECT_GT(a.size(), 20'000u * 60);
  EXPECT_TRUE(a == b) << "two runs with one seed differ";
  EXPECT_NE(a, csv_of({.seed = 12, .records = 20'000}));
}

TEST(PeopleTest, ExactlyTheRecordsAskedForEachWithItsPerson) {
  for (std::int64_t n : {0, 1, 2, 7, 999, 5'000}) {
    Generated r = run({.seed = 3, .records = n});
    ASSERT_EQ(static_cast<std::int64_t>(r.records.size()), n);
    EXPECT_EQ(r.summary.records, n);
    std::vector<bool> id_seen(static_cast<std::size_t>(n));
    std::map<std::int64_t, std::set<int>> copies_of;
    for (const PersonRecord& rec : r.records) {
      ASSERT_GE(rec.record_id, 0);
      ASSERT_LT(rec.record_id, n);
      EXPECT_FALSE(id_seen[static_cast<std::size_t>(rec.record_id)]) << rec.record_id;
      id_seen[static_cast<std::size_t>(rec.record_id)] = true;
      ASSERT_GE(rec.person_id, 0);
      ASSERT_LT(rec.person_id, r.summary.persons);
      copies_of[rec.person_id].insert(rec.copy);
    }
    // Every person has records 0, 1, … with none missing.
    EXPECT_EQ(static_cast<std::int64_t>(copies_of.size()), r.summary.persons);
    for (const auto& [person, copies] : copies_of) {
      EXPECT_EQ(*copies.rbegin(), static_cast<int>(copies.size()) - 1) << person;
    }
  }
}

TEST(PeopleTest, DuplicatesAtTheirRate) {
  const Generated& r = default_run();
  std::map<std::int64_t, int> records_of;
  for (const PersonRecord& rec : r.records) ++records_of[rec.person_id];
  std::array<std::int64_t, 6> by_count{};
  for (const auto& [person, count] : records_of)
    ++by_count[static_cast<std::size_t>(std::min(count, 5))];
  const auto persons = static_cast<std::int64_t>(records_of.size());
  const std::int64_t with_duplicates = persons - by_count[1];
  EXPECT_EQ(by_count[5], 0);
  EXPECT_NEAR(static_cast<double>(with_duplicates) / persons, 0.25, tolerance(0.25, persons));
  for (int k : {2, 3, 4}) {
    const double expected = PeopleConfig{}.extra_records_mix[static_cast<std::size_t>(k - 2)];
    EXPECT_NEAR(static_cast<double>(by_count[static_cast<std::size_t>(k)]) / with_duplicates,
                expected, tolerance(expected, with_duplicates))
        << k << " records";
    EXPECT_EQ(r.summary.persons_by_records[static_cast<std::size_t>(k)],
              by_count[static_cast<std::size_t>(k)]);
  }
  EXPECT_EQ(r.summary.persons, persons);
  EXPECT_EQ(r.summary.persons_with_duplicates, with_duplicates);

  Generated none = run({.seed = 2024, .records = 3'000, .duplicate_share = 0});
  EXPECT_EQ(none.summary.persons, 3'000);
  for (const PersonRecord& rec : none.records) EXPECT_EQ(rec.copy, 0);
}

TEST(PeopleTest, ReRegistrationsAfterAReturnComeMonthsLater) {
  const Generated& r = default_run();
  std::map<std::int64_t, CivilDate> first;
  for (const PersonRecord& rec : r.records) {
    if (rec.copy == 0) first[rec.person_id] = rec.registered_on;
  }
  std::int64_t extra = 0;
  std::int64_t after_return = 0;
  for (const PersonRecord& rec : r.records) {
    if (rec.copy == 0) {
      EXPECT_FALSE(rec.after_return);
      continue;
    }
    ++extra;
    const int days = rec.registered_on.days_since_epoch() - first[rec.person_id].days_since_epoch();
    if (rec.after_return) {
      ++after_return;
      EXPECT_GE(days, 90);
      EXPECT_LE(days, 720);
    } else {
      EXPECT_GE(days, 0);
      EXPECT_LE(days, 12);
    }
  }
  EXPECT_NEAR(static_cast<double>(after_return) / extra, 0.30, tolerance(0.30, extra));
  EXPECT_EQ(r.summary.records_after_return, after_return);
}

TEST(PeopleTest, ShuffledSoNeitherPlaceNorIdSaysWhoIsWho) {
  const Generated& r = default_run();
  const std::size_t n = r.records.size();
  int adjacent_same = 0;
  int increasing_ids = 0;
  for (std::size_t i = 1; i < n; ++i) {
    adjacent_same += r.records[i].person_id == r.records[i - 1].person_id;
    increasing_ids += r.records[i].record_id > r.records[i - 1].record_id;
  }
  EXPECT_LT(adjacent_same, static_cast<int>(n / 200)) << "a person's records sit together";
  EXPECT_NEAR(static_cast<double>(increasing_ids) / static_cast<double>(n), 0.5, 0.02);
  // In the order of the ids, too.
  std::vector<std::int64_t> person_by_id(n);
  for (const PersonRecord& rec : r.records) {
    person_by_id[static_cast<std::size_t>(rec.record_id)] = rec.person_id;
  }
  int adjacent_by_id = 0;
  for (std::size_t i = 1; i < n; ++i) adjacent_by_id += person_by_id[i] == person_by_id[i - 1];
  EXPECT_LT(adjacent_by_id, static_cast<int>(n / 200));
  // Records of one person are far apart on average.
  std::map<std::int64_t, std::size_t> first_at;
  double distance = 0;
  int pairs = 0;
  for (std::size_t i = 0; i < n; ++i) {
    auto [it, fresh] = first_at.emplace(r.records[i].person_id, i);
    if (!fresh) {
      distance += static_cast<double>(i - it->second);
      ++pairs;
    }
  }
  ASSERT_GT(pairs, 0);
  EXPECT_GT(distance / pairs, 2'000.0);
}

// Whether `error` could happen to this record: the same conditions as the model's, read from
// the truth the record carries.
bool eligible(E error, const PersonRecord& rec) {
  const PersonTruth& t = rec.truth;
  const bool han = rec.has(E::kHanCharacters);
  const internal::NamePool& pool = internal::name_pool(t.nationality);
  const bool two_surnames = (pool.style == internal::FamilyNameStyle::kSpanish ||
                             pool.style == internal::FamilyNameStyle::kPortuguese) &&
                            t.family_names.find(' ') != std::string::npos;
  const std::string whole = t.given_names + ' ' + t.family_names;
  switch (error) {
    case E::kHanCharacters:
      return t.nationality == "CHN" && !internal::han_given_name(t.given_names).empty() &&
             !internal::han_family_name(t.family_names).empty();
    case E::kAlternateSpelling:
      return !han && (internal::has_alternate_spelling(t.given_names) ||
                      internal::has_alternate_spelling(t.family_names));
    case E::kSecondSurnameDropped:
    case E::kSurnamesSwapped:
      return !han && two_surnames;
    case E::kNickname:
      return !han &&
             internal::has_hypocorism(t.given_names, internal::name_language(t.nationality));
    case E::kCompoundGivenNameShortened:
      return !han && t.given_names.find_first_of(" -") != std::string::npos;
    case E::kAccentsDropped:
      return !han && internal::without_accents(whole) != whole;
    case E::kAccentAdded:
      return !han && internal::is_ascii(whole) &&
             (internal::can_add_accent(t.given_names) || internal::can_add_accent(t.family_names));
    case E::kGivenNameTypo:
    case E::kSurnameTypo:
      return !han;
    case E::kNameOrderSwapped:
      return t.nationality == "CHN" || t.nationality == "VNM";
    case E::kCapitals:
    case E::kBirthDateMissing:
    case E::kNationalityMissing:
      return true;
    case E::kSexMissing:
    case E::kSexWrong:
      return t.sex != stats::Sex::kUnknown;
    case E::kBirthDayMonthSwapped:
      return t.birth_date_recorded && t.birth_date.day() <= 12 &&
             t.birth_date.day() != t.birth_date.month();
    case E::kBirthYearOnly:
      return t.birth_date_recorded;
    case E::kDocumentMissing:
      return t.document_type != DocumentType::kNone;
    case E::kOtherDocument:
      return !rec.has(E::kDocumentMissing) && t.other_document_type != DocumentType::kNone;
    case E::kDocumentReformatted:
    case E::kDocumentDigitTypo:
      return t.document_type != DocumentType::kNone && !rec.has(E::kDocumentMissing);
    case E::kPhoneMissing:
      return !t.phone.empty();
    case E::kPhoneReformatted:
      return !t.phone.empty() && !rec.has(E::kPhoneMissing);
    case E::kPhoneChanged:
      return !t.phone.empty() && rec.copy > 0 && !rec.after_return;
  }
  return false;
}

TEST(PeopleTest, EachErrorAtItsRate) {
  const Generated& r = default_run();
  for (std::size_t k = 0; k < kRecordErrorKinds; ++k) {
    const auto error = static_cast<E>(k);
    std::int64_t possible = 0;
    std::int64_t happened = 0;
    std::int64_t flagged = 0;
    for (const PersonRecord& rec : r.records) {
      flagged += rec.has(error);
      if (!eligible(error, rec)) continue;
      ++possible;
      happened += rec.has(error);
    }
    const double rate = rate_of(error);
    SCOPED_TRACE(std::string(record_error_name(error)));
    ASSERT_GT(possible, 50);
    EXPECT_GT(happened, 0);
    EXPECT_NEAR(static_cast<double>(happened) / static_cast<double>(possible), rate,
                tolerance(rate, possible));
    EXPECT_EQ(r.summary.errors[k], flagged);
    if (error != E::kPhoneChanged) {
      EXPECT_EQ(flagged, happened) << "flagged where it cannot be";
    }
  }
  // After a return, half get a new phone.
  std::int64_t returns = 0;
  std::int64_t new_phone = 0;
  for (const PersonRecord& rec : r.records) {
    if (!rec.after_return || rec.truth.phone.empty()) continue;
    ++returns;
    new_phone += rec.has(E::kPhoneChanged);
  }
  EXPECT_NEAR(static_cast<double>(new_phone) / returns, 0.5, tolerance(0.5, returns));
}

std::string digits_of(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c >= '0' && c <= '9') out += c;
  }
  return out;
}

std::string iso(CivilDate d) {
  return fmt::format("{:04}-{:02}-{:02}", d.year(), d.month(), d.day());
}

// What a record shows when `error` (alone) was applied, compared with the truth.
bool shows(E error, const PersonRecord& rec) {
  const PersonTruth& t = rec.truth;
  const std::string& given = rec.given_name;
  const std::string& surname = rec.surname;
  const CivilDate b = t.birth_date;
  switch (error) {
    case E::kHanCharacters:
      return !internal::is_ascii(given) && !internal::is_ascii(surname) &&
             internal::without_accents(given) == given;
    case E::kAlternateSpelling:
      return (given != t.given_names) != (surname != t.family_names);
    case E::kSecondSurnameDropped:
      return surname == t.family_names.substr(0, t.family_names.find(' '));
    case E::kSurnamesSwapped: {
      const std::size_t space = t.family_names.find(' ');
      return surname == t.family_names.substr(space + 1) + ' ' + t.family_names.substr(0, space);
    }
    case E::kNickname:
      return given != t.given_names && given.find(' ') == std::string::npos;
    case E::kCompoundGivenNameShortened:
      return given != t.given_names && t.given_names.find(given) != std::string::npos &&
             given.find(' ') == std::string::npos;
    case E::kAccentsDropped:
      return given == internal::without_accents(t.given_names) &&
             surname == internal::without_accents(t.family_names);
    case E::kAccentAdded:
      return (given + surname) != (t.given_names + t.family_names) &&
             internal::without_accents(given) == t.given_names &&
             internal::without_accents(surname) == t.family_names;
    case E::kGivenNameTypo:
      return given != t.given_names && surname == t.family_names;
    case E::kSurnameTypo:
      return surname != t.family_names && given == t.given_names;
    case E::kNameOrderSwapped:
      return given == t.family_names && surname == t.given_names;
    case E::kCapitals:
      return given == internal::in_capitals(t.given_names) &&
             surname == internal::in_capitals(t.family_names);
    case E::kSexMissing:
      return rec.sex == stats::Sex::kUnknown;
    case E::kSexWrong:
      return rec.sex != t.sex && rec.sex != stats::Sex::kUnknown;
    case E::kBirthDayMonthSwapped:
      return rec.date_of_birth == fmt::format("{:04}-{:02}-{:02}", b.year(), b.day(), b.month());
    case E::kBirthYearOnly:
      return rec.date_of_birth == fmt::format("{:04}", b.year());
    case E::kBirthDateMissing:
      return rec.date_of_birth.empty();
    case E::kNationalityMissing:
      return rec.nationality.empty();
    case E::kDocumentMissing:
      return rec.document_type == DocumentType::kNone && rec.document_number.empty() &&
             rec.document_country.empty();
    case E::kOtherDocument:
      return rec.document_type == t.other_document_type &&
             rec.document_number == t.other_document_number;
    case E::kDocumentReformatted: {
      std::string plain;
      for (char c : rec.document_number) {
        if (c != ' ' && c != '-' && c != '.') plain += static_cast<char>(std::toupper(c));
      }
      std::string truth_plain;
      for (char c : t.document_number) {
        if (c != ' ' && c != '-' && c != '.') truth_plain += c;
      }
      return rec.document_number != t.document_number && plain == truth_plain;
    }
    case E::kDocumentDigitTypo:
      return rec.document_number != t.document_number &&
             rec.document_number.size() == t.document_number.size() &&
             digits_of(rec.document_number).size() == digits_of(t.document_number).size();
    case E::kPhoneMissing:
      return rec.phone.empty();
    case E::kPhoneReformatted: {
      const std::string d = digits_of(rec.phone);
      return rec.phone != t.phone && d.size() >= 7 &&
             digits_of(t.phone).ends_with(d.substr(d.size() - 7));
    }
    case E::kPhoneChanged:
      return rec.phone != t.phone && rec.phone.starts_with('+');
  }
  return false;
}

// A record with no error shows its person's truth as it is.
bool clean(const PersonRecord& rec) {
  const PersonTruth& t = rec.truth;
  bool date_ok = rec.date_of_birth == iso(t.birth_date);
  if (!t.birth_date_recorded) {
    date_ok = rec.date_of_birth.size() == 4 &&
              std::abs(std::stoi(rec.date_of_birth) - t.birth_date.year()) <= 6;
  }
  return rec.given_name == t.given_names && rec.surname == t.family_names && rec.sex == t.sex &&
         date_ok && rec.nationality == t.nationality && rec.document_type == t.document_type &&
         rec.document_country == t.document_country && rec.document_number == t.document_number &&
         rec.phone == t.phone;
}

TEST(PeopleTest, EachErrorDoesWhatItSays) {
  for (std::size_t k = 0; k < kRecordErrorKinds; ++k) {
    const auto error = static_cast<E>(k);
    SCOPED_TRACE(std::string(record_error_name(error)));
    PeopleConfig config{.seed = 5, .records = 6'000, .duplicate_share = 0.6};
    config.error_rates.fill(0);
    config.error_rates[k] = 0.5;
    config.new_phone_after_return = error == E::kPhoneChanged ? 0.5 : 0;
    Generated r = run(config);
    int applied = 0;
    for (const PersonRecord& rec : r.records) {
      if (rec.errors == 0) {
        EXPECT_TRUE(clean(rec)) << rec.given_name << " " << rec.surname << " / "
                                << rec.truth.given_names << " " << rec.truth.family_names;
        continue;
      }
      ASSERT_EQ(rec.errors, 1u << k);
      ++applied;
      EXPECT_TRUE(shows(error, rec))
          << "given '" << rec.given_name << "' surname '" << rec.surname << "' dob '"
          << rec.date_of_birth << "' doc '" << rec.document_number << "' phone '" << rec.phone
          << "' / truth '" << rec.truth.given_names << "' '" << rec.truth.family_names << "' "
          << iso(rec.truth.birth_date) << " '" << rec.truth.document_number << "' '"
          << rec.truth.phone << "'";
    }
    EXPECT_GT(applied, 10);
  }
}

TEST(PeopleTest, SharedPhonesBelongToDifferentPersons) {
  auto phones_of = [](const Generated& r) {
    // phone → (person, group, household) of everyone who gave it
    std::map<std::string, std::set<std::tuple<std::int64_t, std::int64_t, int>>> out;
    for (const PersonRecord& rec : r.records) {
      if (rec.truth.phone.empty()) continue;
      out[rec.truth.phone].insert({rec.person_id, rec.truth.group, rec.truth.household});
    }
    return out;
  };
  auto count = [&](const Generated& r) {
    int family = 0;
    int boats = 0;
    for (const auto& [phone, people] : phones_of(r)) {
      if (people.size() < 2) continue;
      std::set<std::pair<std::int64_t, int>> households;
      std::set<std::int64_t> groups;
      for (const auto& [person, group, household] : people) {
        households.insert({group, household});
        groups.insert(group);
      }
      family += households.size() == 1;
      boats += groups.size() >= 3 && people.size() >= 5;
    }
    return std::pair(family, boats);
  };
  const Generated& r = default_run();
  const auto [family, boats] = count(r);
  EXPECT_GT(family, 100) << "relatives sharing one phone";
  EXPECT_GT(boats, 5) << "strangers on a boat sharing one phone";
  EXPECT_GT(r.summary.family_phone_groups, 100);
  EXPECT_GT(r.summary.boat_phone_persons, 5 * 5);

  // As written: one phone in clean records of several different persons.
  std::map<std::string, std::set<std::int64_t>> written;
  for (const PersonRecord& rec : r.records) {
    if (!rec.phone.empty() && rec.phone == rec.truth.phone)
      written[rec.phone].insert(rec.person_id);
  }
  int shared = 0;
  for (const auto& [phone, persons] : written) shared += persons.size() >= 3;
  EXPECT_GT(shared, 20);

  const Generated alone =
      run({.seed = 2024, .records = 20'000, .family_phone_share = 0, .boat_share = 0});
  EXPECT_EQ(count(alone), std::pair(0, 0));
  EXPECT_EQ(alone.summary.family_phone_groups + alone.summary.boats, 0);
}

TEST(PeopleTest, TwinsAreDifferentPersonsWithOneNameAndBirthday) {
  auto twins_in = [](const Generated& r) {
    std::map<std::tuple<std::int64_t, int, std::string, std::int32_t>, std::set<std::int64_t>>
        alike;
    for (const PersonRecord& rec : r.records) {
      const PersonTruth& t = rec.truth;
      alike[{t.group, t.household, t.family_names, t.birth_date.days_since_epoch()}].insert(
          rec.person_id);
    }
    int pairs = 0;
    for (const auto& [key, persons] : alike) pairs += persons.size() >= 2;
    return pairs;
  };
  const Generated& r = default_run();
  const int pairs = twins_in(r);
  EXPECT_GE(pairs, 5);
  EXPECT_GE(pairs, r.summary.twin_pairs);
  EXPECT_LE(pairs, r.summary.twin_pairs + 3);  // same-day siblings by chance are rare
  int flagged = 0;
  for (const PersonRecord& rec : r.records) flagged += rec.copy == 0 && rec.truth.twin;
  EXPECT_EQ(flagged, 2 * r.summary.twin_pairs);

  const Generated none = run({.seed = 2024, .records = 20'000, .twin_share = 0});
  EXPECT_EQ(none.summary.twin_pairs, 0);
  EXPECT_LE(twins_in(none), 3);
}

TEST(PeopleTest, PeopleFollowTheOfficialNationalitiesAndTheirNames) {
  const Generated& r = default_run();
  std::map<std::string, int> persons_by_nationality;
  int venezuelans = 0;
  int two_surnames = 0;
  int cedulas = 0;
  int venezuelan_ids = 0;
  for (const PersonRecord& rec : r.records) {
    if (rec.copy != 0) continue;
    const PersonTruth& t = rec.truth;
    ++persons_by_nationality[t.nationality];
    if (t.nationality != "VEN") continue;
    ++venezuelans;
    two_surnames += t.family_names.find(' ') != std::string::npos;
    if (t.document_type == DocumentType::kNationalId) {
      ++venezuelan_ids;
      cedulas += t.document_number.starts_with("V-");
    }
  }
  EXPECT_FALSE(persons_by_nationality.contains("OOO"));
  EXPECT_GE(persons_by_nationality.size(), 20u);
  std::int64_t official_total = 0;
  std::int64_t official_ven = 0;
  for (const auto& row : official().by_nationality) {
    if (row.annual_total) continue;
    official_total += row.count;
    if (row.nationality_iso3 == "VEN") official_ven += row.count;
  }
  const double share = static_cast<double>(venezuelans) / r.summary.persons;
  EXPECT_NEAR(share, static_cast<double>(official_ven) / official_total, 0.05);
  EXPECT_GT(two_surnames, venezuelans * 8 / 10);
  EXPECT_EQ(cedulas, venezuelan_ids);
  EXPECT_GT(venezuelan_ids, 100);
}

TEST(PeopleTest, StopsAtTheFirstErrorOfTheCallback) {
  int calls = 0;
  auto result = generate_people({.seed = 1, .records = 5'000, .shuffle_window = 64}, official(),
                                [&](const PersonRecord&) -> Status {
                                  if (++calls == 100) {
                                    return make_error(ErrorCode::kDataLoss, "disk full");
                                  }
                                  return ok_status();
                                });
  ASSERT_FALSE(result.has_value());
  EXPECT_EQ(result.error().message(), "disk full");
  EXPECT_EQ(calls, 100);
}

TEST(PeopleTest, BadConfigurationIsRefused) {
  auto refused = [](PeopleConfig config) {
    auto result = generate_people(config, official(),
                                  [](const PersonRecord&) -> Status { return ok_status(); });
    return !result.has_value() && result.error().code() == ErrorCode::kInvalidArgument;
  };
  EXPECT_TRUE(refused({.records = -1}));
  EXPECT_TRUE(refused({.records = 10, .duplicate_share = 1.5}));
  EXPECT_TRUE(refused({.records = 10, .shuffle_window = 0}));
  PeopleConfig bad_rate{.records = 10};
  bad_rate.error_rates[0] = -0.1;
  EXPECT_TRUE(refused(bad_rate));
  EXPECT_TRUE(refused({.records = 10, .extra_records_mix = {0, 0, 0}}));
  auto no_tables = generate_people({.records = 10}, OfficialTables{},
                                   [](const PersonRecord&) -> Status { return ok_status(); });
  EXPECT_FALSE(no_tables.has_value());
}

}  // namespace
}  // namespace escudo::sim
