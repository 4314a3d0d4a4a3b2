#include "model/registration.h"

#include <gtest/gtest.h>

namespace escudo::model {
namespace {

CivilDate day(const char* iso) { return CivilDate::parse(iso).value(); }

Person adult(const char* name, Relationship rel = Relationship::kHead) {
  Person p;
  p.given_names = name;
  p.family_names = "Pérez Gómez";
  p.sex = PersonSex::kFemale;
  p.birth_date = day("1990-04-02");
  p.nationality_iso3 = "VEN";
  p.relationship = rel;
  return p;
}

Person child(const char* birth, Relationship rel = Relationship::kChild) {
  Person p = adult("Niña", rel);
  p.birth_date = day(birth);
  return p;
}

RegistrationGroup group_of(std::vector<Person> people) {
  RegistrationGroup g;
  g.station_code = "bajo-chiquito";
  g.registered_on = day("2023-10-05");
  g.people = std::move(people);
  return g;
}

TEST(RegistrationTest, AgesFromBirthDateOrEstimate) {
  Person p = adult("Ana");
  EXPECT_EQ(age_on(p, day("2023-04-01")), 32);
  EXPECT_EQ(age_on(p, day("2023-04-02")), 33);
  p.birth_date.reset();
  p.estimated_age = 40;
  EXPECT_EQ(age_on(p, day("2023-04-01")), 40);
}

TEST(RegistrationTest, ChildAloneIsFlaggedUnaccompanied) {
  auto alone = group_of({child("2010-01-01", Relationship::kHead)});
  flag_unaccompanied(alone);
  EXPECT_TRUE(alone.people[0].unaccompanied);

  auto family = group_of({adult("Ana"), child("2015-06-01")});
  flag_unaccompanied(family);
  EXPECT_FALSE(family.people[1].unaccompanied);

  // Travelling with adults who are not relatives still counts as unaccompanied.
  auto strangers = group_of({adult("Luis", Relationship::kUnrelated), child("2012-01-01", Relationship::kUnrelated)});
  flag_unaccompanied(strangers);
  EXPECT_TRUE(strangers.people[1].unaccompanied);
  // Turning 18 on the registration day makes an adult.
  auto birthday = group_of({child("2005-10-05", Relationship::kHead)});
  flag_unaccompanied(birthday);
  EXPECT_FALSE(birthday.people[0].unaccompanied);
}

TEST(RegistrationTest, ValidationNamesEveryField) {
  auto g = group_of({adult("Ana"), child("2024-01-01")});
  g.people[0].nationality_iso3 = "ve";
  g.people[0].phone = "0412 123";
  g.people[0].document_type = DocumentType::kPassport;
  g.people[1].given_names = "";
  g.days_in_jungle = 99;
  auto errors = validate_group(g, day("2023-12-31"));
  auto has = [&](int person, const char* field) {
    for (const auto& e : errors) {
      if (e.person == person && e.field == field) return true;
    }
    return false;
  };
  EXPECT_TRUE(has(0, "nationality"));
  EXPECT_TRUE(has(0, "phone"));
  EXPECT_TRUE(has(0, "document_number"));
  EXPECT_TRUE(has(1, "given_names"));
  EXPECT_TRUE(has(1, "birth_date"));  // born after the registration day
  EXPECT_TRUE(has(-1, "days_in_jungle"));
  EXPECT_TRUE(validate_group(group_of({adult("Ana")}), day("2023-12-31")).empty());
  auto future = group_of({adult("Ana")});
  EXPECT_FALSE(validate_group(future, day("2023-10-01")).empty());
}

TEST(RegistrationTest, PhonesAndAmounts) {
  EXPECT_TRUE(is_e164_phone("+584121234567"));
  EXPECT_FALSE(is_e164_phone("+0584121234567"));
  EXPECT_FALSE(is_e164_phone("584121234567"));
  EXPECT_FALSE(is_e164_phone("+58 412"));
  EXPECT_EQ(parse_usd_cents("350").value(), 35000);
  EXPECT_EQ(parse_usd_cents("350.5").value(), 35050);
  EXPECT_EQ(parse_usd_cents("0.99").value(), 99);
  EXPECT_FALSE(parse_usd_cents("-3").has_value());
  EXPECT_FALSE(parse_usd_cents("3.999").has_value());
  EXPECT_FALSE(parse_usd_cents("abc").has_value());
  EXPECT_EQ(parse_relationship("grandparent").value(), Relationship::kGrandparent);
  EXPECT_FALSE(parse_document_type("visa").has_value());
}

}  // namespace
}  // namespace escudo::model
