#include "service/registration_service.h"

#include <gtest/gtest.h>

#include "service/test_support.h"

namespace escudo::service {
namespace {

using model::Role;

constexpr std::string_view kHeader =
    "group_ref,station,registered_on,given_names,family_names,sex,birth_date,estimated_age,"
    "nationality,document_type,document_country,document_number,phone,relationship,"
    "departure_point,days_in_jungle,paid_usd,paid_to,pregnant,disability,injured,"
    "violence_survivor,separated\n";

model::Person person(const char* name, const char* birth, model::Relationship rel) {
  model::Person p;
  p.given_names = name;
  p.family_names = "Rojas Díaz";
  p.sex = model::PersonSex::kFemale;
  p.birth_date = CivilDate::parse(birth).value();
  p.nationality_iso3 = "VEN";
  p.relationship = rel;
  return p;
}

class RegistrationServiceTest : public ::testing::Test, public ServicesFixture {
 protected:
  RegistrationService& registrations() { return services().registrations(); }
  model::RegistrationGroup family() {
    model::RegistrationGroup g;
    g.station_code = "lajas-blancas";
    g.registered_on = CivilDate::parse("2026-10-01").value();  // the fake clock is 2027
    g.departure_point = "Necoclí";
    g.days_in_jungle = 4;
    g.paid_usd_cents = 35000;
    g.paid_to = "guide";
    g.people = {person("María", "1990-01-01", model::Relationship::kHead),
                person("Sofía", "2016-05-05", model::Relationship::kChild)};
    return g;
  }
  std::int64_t people_stored() {
    return services().pool().acquire()->query_int("SELECT COUNT(*) FROM persons").value().value_or(0);
  }
};

TEST_F(RegistrationServiceTest, RegistersAFamilyAndAuditsWithoutNames) {
  auto out = registrations().register_group(Actor::command_line(), family()).value();
  ASSERT_TRUE(out.stored);
  EXPECT_TRUE(out.group.id.valid());
  EXPECT_FALSE(out.group.people[1].unaccompanied);
  EXPECT_EQ(people_stored(), 2);
  auto db = services().pool().acquire();
  std::string detail;
  ASSERT_TRUE(db->query("SELECT detail FROM audit_log WHERE action = 'registration.create'", {},
                        [&](const store::Row& r) {
                          detail = r.get_text(0);
                          return ok_status();
                        }));
  EXPECT_NE(detail.find("people=2"), std::string::npos);
  EXPECT_EQ(detail.find("María"), std::string::npos);
}

TEST_F(RegistrationServiceTest, ChildAloneIsFlaggedAndCountsAsChild) {
  auto g = family();
  g.people.erase(g.people.begin());
  g.people[0].relationship = model::Relationship::kHead;
  auto out = registrations().register_group(Actor::command_line(), g).value();
  ASSERT_TRUE(out.stored);
  EXPECT_TRUE(out.group.people[0].unaccompanied);
  auto cube = services().stats().cube(nullptr, {.by = {stats::Dimension::kAgeGroup,
                                                       stats::Dimension::kStation},
                                                .source = "registered"}).value();
  ASSERT_EQ(cube.counts.size(), 1u);
  EXPECT_EQ(cube.labels[0], (std::vector<std::string>{"child", "lajas-blancas"}));
}

TEST_F(RegistrationServiceTest, InvalidGroupIsNotStoredAndEveryFieldNamed) {
  auto g = family();
  g.station_code = "nowhere";
  g.people[0].phone = "12345";
  g.people[1].nationality_iso3 = "XX";
  auto out = registrations().register_group(Actor::command_line(), g).value();
  EXPECT_FALSE(out.stored);
  std::set<std::string> fields;
  for (const auto& e : out.errors) fields.insert(std::to_string(e.person) + ":" + e.field);
  EXPECT_TRUE(fields.contains("-1:station"));
  EXPECT_TRUE(fields.contains("0:phone"));
  EXPECT_TRUE(fields.contains("1:nationality"));
  EXPECT_EQ(people_stored(), 0);
}

TEST_F(RegistrationServiceTest, OnlyRegistrarsRegisterAndIdentityReadsAreAudited) {
  add_user("ana", {Role::kAnalyst});
  add_user("reg", {Role::kRegistrar});
  auto analyst = services().access().login({"ana", "a long enough password", {}, "x"}).value().principal;
  auto denied = registrations().register_group(Actor::of(analyst), family());
  ASSERT_FALSE(denied.has_value());
  EXPECT_EQ(denied.error().code(), ErrorCode::kPermissionDenied);
  auto registrar = services().access().login({"reg", "a long enough password", {}, "x"}).value().principal;
  auto out = registrations().register_group(Actor::of(registrar), family()).value();
  ASSERT_TRUE(out.stored);
  EXPECT_FALSE(registrations().group(analyst, out.group.id).has_value());
  auto back = registrations().group(registrar, out.group.id).value();
  EXPECT_EQ(back.people[0].given_names, "María");
  EXPECT_EQ(back.paid_usd_cents, 35000);
  EXPECT_EQ(services().pool().acquire()->query_int(
                "SELECT COUNT(*) FROM audit_log WHERE action = 'identity.read'").value(), 1);
}

TEST_F(RegistrationServiceTest, CsvImportIsAllOrNothingWithLineNumbers) {
  std::string good = std::string(kHeader) +
      "G1,bajo-chiquito,2026-09-01,Ana,Pérez,female,1991-02-03,,VEN,passport,VEN,123456789,+584121234567,head,Necoclí,5,300.00,guide,0,0,0,0,0\n"
      "G1,bajo-chiquito,2026-09-01,Luis,Pérez,male,2018-02-03,,VEN,none,,,,child,Necoclí,5,300.00,guide,0,0,0,0,0\n"
      "G2,meteti,2026-09-02,Jean,Baptiste,male,,15,HTI,none,,,,head,Acandí,6,,,0,0,0,0,0\n";
  auto bad = good + "G3,meteti,2026-09-02,Wei,Li,male,2030-01-01,,chn,visa,,,,head,Turbo,x,,,0,0,2,0,0\n";
  auto refused = registrations().import_csv(Actor::command_line(), make_string_stream(bad, "r.csv")).value();
  EXPECT_FALSE(refused.stored);
  std::set<std::string> where;
  for (const auto& e : refused.errors) where.insert(std::to_string(e.line) + ":" + e.field);
  EXPECT_TRUE(where.contains("5:document_type")) << refused.errors[0].message;
  EXPECT_TRUE(where.contains("5:days_in_jungle"));
  EXPECT_TRUE(where.contains("5:injured"));
  EXPECT_EQ(people_stored(), 0);

  auto stored = registrations().import_csv(Actor::command_line(), make_string_stream(good, "r.csv")).value();
  ASSERT_TRUE(stored.stored) << (stored.errors.empty() ? "" : stored.errors[0].message);
  EXPECT_EQ(stored.groups, 2);
  EXPECT_EQ(stored.people, 3);
  EXPECT_EQ(stored.unaccompanied, 1);  // Jean, 15, alone
  auto by_nat = services().stats().cube(nullptr, {.by = {stats::Dimension::kNationality},
                                                  .source = "registered"}).value();
  EXPECT_EQ(by_nat.total, 3);
}

TEST_F(RegistrationServiceTest, CsvValidationErrorsPointAtTheRightRow) {
  std::string text = std::string(kHeader) +
      "G1,bajo-chiquito,2026-09-01,Ana,Pérez,female,1991-02-03,,VEN,passport,VEN,,+58412,head,,,,,0,0,0,0,0\n";
  auto report = registrations().import_csv(Actor::command_line(), make_string_stream(text, "r.csv")).value();
  ASSERT_FALSE(report.stored);
  std::set<std::string> where;
  for (const auto& e : report.errors) where.insert(fmt::format("{}:{}:{}", e.line, e.column, e.field));
  EXPECT_TRUE(where.contains("2:75:document_number")) << report.errors[0].line << ":" << report.errors[0].column;
  EXPECT_TRUE(where.contains("2:76:phone"));
}

// A file larger than one batch of the importer's writer: the groups already written when the
// bad last row is read are taken back, the connection's settings come back, and a later
// registration gets the next id.
TEST_F(RegistrationServiceTest, LargeImportWithALateErrorStoresNothing) {
  std::string text(kHeader);
  for (int g = 0; g < 1500; ++g) {
    text += fmt::format(
        "G{0},bajo-chiquito,2026-09-01,Ana,Pérez,female,1991-02-03,,VEN,none,,,,head,Necoclí,5,,,0,0,0,0,0\n"
        "G{0},bajo-chiquito,2026-09-01,Luis,Pérez,male,2018-02-03,,VEN,none,,,,child,Necoclí,5,,,0,0,0,0,0\n",
        g);
  }
  auto bad = text + "G9999,bajo-chiquito,2026-09-01,Eva,Pérez,X,1991-02-03,,VEN,none,,,,head,,,,,0,0,0,0,0\n";
  auto refused = registrations().import_csv(Actor::command_line(), make_string_stream(bad, "r.csv")).value();
  EXPECT_FALSE(refused.stored);
  ASSERT_EQ(refused.error_count, 1);
  EXPECT_EQ(refused.errors[0].line, 3002);
  EXPECT_EQ(refused.errors[0].field, "sex");
  EXPECT_EQ(refused.groups, 0);
  EXPECT_EQ(people_stored(), 0);
  {
    // Both pooled connections check foreign keys again.
    auto a = services().pool().acquire();
    auto b = services().pool().acquire();
    EXPECT_EQ(a->query_int("PRAGMA foreign_keys").value(), 1);
    EXPECT_EQ(b->query_int("PRAGMA foreign_keys").value(), 1);
  }

  auto stored = registrations().import_csv(Actor::command_line(), make_string_stream(text, "r.csv")).value();
  ASSERT_TRUE(stored.stored);
  EXPECT_EQ(stored.groups, 1500);
  EXPECT_EQ(people_stored(), 3000);
  auto outcome = registrations().register_group(Actor::command_line(), family()).value();
  ASSERT_TRUE(outcome.stored);
  EXPECT_EQ(outcome.group.id.value(), 1501);
  auto read = services().pool().acquire()->query_int(
      "SELECT COUNT(*) FROM persons p JOIN registration_groups g ON g.id = p.group_id "
      "WHERE g.import_ref = 'G1499' AND p.given_names IN ('Ana', 'Luis')");
  EXPECT_EQ(read.value(), 2);
}

TEST_F(RegistrationServiceTest, AGroupsRowsMustBeConsecutive) {
  std::string text = std::string(kHeader) +
      "G1,bajo-chiquito,2026-09-01,Ana,Pérez,female,1991-02-03,,VEN,none,,,,head,,,,,0,0,0,0,0\n"
      "G2,meteti,2026-09-02,Jean,Baptiste,male,1990-01-01,,HTI,none,,,,head,,,,,0,0,0,0,0\n"
      "G1,bajo-chiquito,2026-09-01,Luis,Pérez,male,2018-02-03,,VEN,none,,,,child,,,,,0,0,0,0,0\n";
  auto report = registrations().import_csv(Actor::command_line(), make_string_stream(text, "r.csv")).value();
  EXPECT_FALSE(report.stored);
  ASSERT_EQ(report.error_count, 1);
  EXPECT_EQ(report.errors[0].line, 4);
  EXPECT_EQ(report.errors[0].field, "group_ref");
  EXPECT_EQ(report.errors[0].message, "the rows of group G1 must be consecutive; its earlier rows end at line 2");
  EXPECT_EQ(people_stored(), 0);
}

}  // namespace
}  // namespace escudo::service
