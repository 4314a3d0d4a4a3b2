#include "resolve/compare.h"

#include <gtest/gtest.h>

#include "resolve/similarity.h"
#include "resolve/test_util.h"

namespace escudo::resolve {
namespace {

using testing::person;

TEST(Similarity, JaroWinklerAndDamerauLevenshtein) {
  EXPECT_NEAR(jaro_winkler("martha", "marhta"), 0.961, 0.001);
  EXPECT_NEAR(jaro_winkler("dwayne", "duane"), 0.84, 0.001);
  EXPECT_DOUBLE_EQ(jaro_winkler("abc", "abc"), 1.0);
  EXPECT_DOUBLE_EQ(jaro_winkler("abc", "xyz"), 0.0);
  EXPECT_EQ(damerau_levenshtein("mosquera", "mosqeura"), 1);
  EXPECT_EQ(damerau_levenshtein("kitten", "sitting"), 3);
  EXPECT_EQ(damerau_levenshtein("abcdef", "uvwxyz", 2), 3);
  EXPECT_EQ(damerau_levenshtein("", "ab"), 2);
}

// The level of one field between the first two records.
int level(const std::vector<PersonRecord>& records, Field f) {
  testing::Store s(records);
  Comparator c(s.store, {});
  return c.compare(0, 1).level[field_index(f)];
}

int level_of(Field f, std::string_view label) {
  const auto& labels = field_levels(f);
  return static_cast<int>(std::find(labels.begin(), labels.end(), label) - labels.begin());
}

TEST(Compare, GivenNameLevels) {
  auto given = [](const char* a, const char* b) {
    return level({person("a", a, "x"), person("b", b, "x")}, Field::kGivenName);
  };
  EXPECT_EQ(given("José", "jose"), level_of(Field::kGivenName, "exact"));
  EXPECT_EQ(given("Pepe", "José"), level_of(Field::kGivenName, "nickname"));
  EXPECT_EQ(given("José Luis", "José"), level_of(Field::kGivenName, "partial"));
  EXPECT_EQ(given("Jose L.", "José Luis"), level_of(Field::kGivenName, "partial"));
  EXPECT_EQ(given("Yesica", "Yessica"), level_of(Field::kGivenName, "nickname"));
  EXPECT_EQ(given("Marta", "Martha"), level_of(Field::kGivenName, "similar"));
  EXPECT_EQ(given("J.", "José"), level_of(Field::kGivenName, "initial"));
  EXPECT_EQ(given("Pedro", "Ana"), level_of(Field::kGivenName, "other"));
  // English names as Spanish speakers write them, and one slip in a name of four letters or more.
  EXPECT_EQ(given("Jorman", "Yorman"), level_of(Field::kGivenName, "similar"));
  EXPECT_EQ(given("Jhonny", "Yonny"), level_of(Field::kGivenName, "similar"));
  EXPECT_EQ(given("Juan", "Juab"), level_of(Field::kGivenName, "similar"));
  EXPECT_EQ(given("Ana", "Ama"), level_of(Field::kGivenName, "other"));
  EXPECT_EQ(given("Andy", "Andrés"), level_of(Field::kGivenName, "nickname"));
  EXPECT_EQ(given("", "Ana"), kMissing);
}

TEST(Compare, SurnameLevels) {
  auto surname = [](const char* a, const char* b) {
    return level({person("a", "x", a), person("b", "x", b)}, Field::kSurname);
  };
  EXPECT_EQ(surname("Mosquera Palacios", "mosquera palacios"), level_of(Field::kSurname, "exact"));
  EXPECT_EQ(surname("Mosquera Palacios", "Palacios Mosquera"), level_of(Field::kSurname, "swapped"));
  EXPECT_EQ(surname("Mosquera Palacios", "Mosquera"), level_of(Field::kSurname, "shared"));
  EXPECT_EQ(surname("García de Pérez", "Pérez López"), level_of(Field::kSurname, "shared"));
  EXPECT_EQ(surname("Gonzalez", "Gonsales"), level_of(Field::kSurname, "phonetic"));
  EXPECT_EQ(surname("Mosquera", "Mosguera"), level_of(Field::kSurname, "similar"));
  EXPECT_EQ(surname("Mosquera", "Rodríguez"), level_of(Field::kSurname, "other"));
  // The same first surname, two different second ones: two mothers. A slip is still similar.
  EXPECT_EQ(surname("Bastidas Ojeda", "Bastidas Suárez"), level_of(Field::kSurname, "other"));
  EXPECT_EQ(surname("Bastidas Ojeda", "Bastidas Ojea"), level_of(Field::kSurname, "similar"));
  EXPECT_EQ(surname("López García", "Rondón García"), level_of(Field::kSurname, "other"));
  EXPECT_EQ(surname("Requena Pérez", "Pérez Hurtado"), level_of(Field::kSurname, "other"));
  EXPECT_EQ(surname("Mosquera Palacios", "Palacios Mosqera"), level_of(Field::kSurname, "similar"));
  EXPECT_EQ(surname("García", "López García"), level_of(Field::kSurname, "similar"));
}

TEST(Compare, DateLevels) {
  auto dob = [](const char* a, const char* b) {
    return level({person("a", "x", "y", a), person("b", "x", "y", b)}, Field::kDateOfBirth);
  };
  EXPECT_EQ(dob("1984-03-07", "1984-03-07"), level_of(Field::kDateOfBirth, "exact"));
  EXPECT_EQ(dob("1984-03-07", "1984-07-03"), level_of(Field::kDateOfBirth, "swapped"));
  EXPECT_EQ(dob("1984-03-07", "1984-03-01"), level_of(Field::kDateOfBirth, "typo"));
  EXPECT_EQ(dob("1984", "1984-03-07"), level_of(Field::kDateOfBirth, "partial"));
  EXPECT_EQ(dob("1984-03", "1984-03-07"), level_of(Field::kDateOfBirth, "partial"));
  EXPECT_EQ(dob("1984-05", "1984-03-07"), level_of(Field::kDateOfBirth, "year"));
  // Two whole dates that differ beyond a swap or one digit: another person's birth date...
  EXPECT_EQ(dob("1984-11-21", "1984-03-07"), level_of(Field::kDateOfBirth, "other"));
  EXPECT_EQ(dob("1985-11-21", "1984-03-07"), level_of(Field::kDateOfBirth, "other"));
  // ...unless one is the 1 January written when only the year is known, or estimated.
  EXPECT_EQ(dob("1984-01-01", "1984-03-07"), level_of(Field::kDateOfBirth, "partial"));
  EXPECT_EQ(dob("1985-01-01", "1984-03-07"), level_of(Field::kDateOfBirth, "near"));
  EXPECT_EQ(dob("~1984-11-21", "1984-03-07"), level_of(Field::kDateOfBirth, "year"));
  EXPECT_EQ(dob("1985", "1984-03-07"), level_of(Field::kDateOfBirth, "near"));
  EXPECT_EQ(dob("~1986", "1984-03-07"), level_of(Field::kDateOfBirth, "near"));
  EXPECT_EQ(dob("1986", "1984"), level_of(Field::kDateOfBirth, "near"));
  EXPECT_EQ(dob("1987", "1984"), level_of(Field::kDateOfBirth, "other"));
  EXPECT_EQ(dob("1970-01-01", "1984-03-07"), level_of(Field::kDateOfBirth, "other"));
  EXPECT_EQ(dob("", "1984-03-07"), kMissing);
}

TEST(Compare, PhonesAndDocuments) {
  auto phone = [](const char* a, const char* na, const char* b, const char* nb) {
    return level({person("a", "x", "y", "", a, na), person("b", "x", "y", "", b, nb)}, Field::kPhone);
  };
  EXPECT_EQ(phone("+57 300 123 4567", "", "0057 3001234567", ""), 0);
  EXPECT_EQ(phone("+57 300 123 4567", "", "300-123-4567", "COL"), 0);
  EXPECT_EQ(phone("+57 300 123 4567", "", "300-123-4567", ""), level_of(Field::kPhone, "suffix"));
  EXPECT_EQ(phone("+57 300 123 4567", "", "+57 311 999 0000", ""), level_of(Field::kPhone, "other"));

  PersonRecord a = person("a", "x", "y");
  PersonRecord b = person("b", "x", "y");
  a.documents = {{"pasaporte", "VEN", "0123-4567"}};
  b.documents = {{"passport", "VE", "1234567"}};
  EXPECT_EQ(level({a, b}, Field::kDocument), level_of(Field::kDocument, "exact"));
  b.documents = {{"cedula", "COL", "1234567"}};
  EXPECT_EQ(level({a, b}, Field::kDocument), level_of(Field::kDocument, "number"));
  b.documents = {{"passport", "VE", "1234576"}};
  EXPECT_EQ(level({a, b}, Field::kDocument), level_of(Field::kDocument, "typo"));
}

TEST(Compare, OverSharedPhoneCountsAsMissing) {
  std::vector<PersonRecord> boat;
  for (int i = 0; i < 30; ++i) {
    boat.push_back(person("p" + std::to_string(i), "name" + std::to_string(i), "x", "", "+573001234567"));
  }
  testing::Store s(boat);
  Comparator shared(s.store, {.over_shared_cap = 20});
  EXPECT_EQ(shared.compare(0, 1).level[field_index(Field::kPhone)], kMissing);
  Comparator lenient(s.store, {.over_shared_cap = 50});
  EXPECT_EQ(lenient.compare(0, 1).level[field_index(Field::kPhone)], 0);
}

TEST(Compare, TermFrequencyOfSurnames) {
  std::vector<PersonRecord> records;
  for (int i = 0; i < 1200; ++i) {
    records.push_back(person("g" + std::to_string(i), "n", i % 2 == 0 ? "García" : "Mosquera" + std::to_string(i)));
  }
  records.push_back(person("r1", "n", "Zuleta"));
  records.push_back(person("r2", "n", "Zuleta"));
  testing::Store s(records);
  Comparator c(s.store, {.tf_min_records = 1000});
  ComparisonVector common = c.compare(0, 2);
  ComparisonVector rare = c.compare(1200, 1201);
  const int f = field_index(Field::kSurname);
  EXPECT_EQ(common.level[f], 0);
  EXPECT_EQ(rare.level[f], 0);
  EXPECT_GT(common.tf[f], rare.tf[f] * 100);
  Comparator off(s.store, {.tf_min_records = 100000});
  EXPECT_EQ(off.compare(0, 2).tf[f], 0);
}

TEST(Compare, TermFrequencyWithinTheNationality) {
  // "Dorvil" is rare among all records and every other Haitian's name.
  std::vector<PersonRecord> records;
  for (int i = 0; i < 1100; ++i) {
    records.push_back(person("v" + std::to_string(i), "n", "Surname" + std::to_string(i), "", "", "VEN"));
  }
  for (int i = 0; i < 200; ++i) {
    records.push_back(person("h" + std::to_string(i), "n",
                             i % 2 == 0 ? "Dorvil" : "Other" + std::to_string(i), "", "",
                             "HTI"));
  }
  records.push_back(person("x1", "n", "Dorvil"));  // no nationality
  const std::uint32_t first_haitian = 1100, x1 = 1300;
  testing::Store s(records);
  const int f = field_index(Field::kSurname);
  Comparator c(s.store, {.tf_min_records = 100});
  // Both Haitian: the share among Haitians (100 of 200).
  EXPECT_NEAR(c.compare(first_haitian, first_haitian + 2).tf[f], 100.0 / 200.0, 1e-6);
  // One without a nationality: the share among all records (101 of 1301).
  EXPECT_NEAR(c.compare(first_haitian, x1).tf[f], 101.0 / 1301.0, 1e-6);
  // A nationality with fewer records than tf_min_records falls back to all records.
  Comparator few(s.store, {.tf_min_records = 1000});
  EXPECT_NEAR(few.compare(first_haitian, first_haitian + 2).tf[f], 101.0 / 1301.0, 1e-6);
}

}  // namespace
}  // namespace escudo::resolve
