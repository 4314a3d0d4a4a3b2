#include "service/screening_service.h"

#include <gtest/gtest.h>

#include "crypto/totp.h"
#include "service/test_support.h"

namespace escudo::service {
namespace {

using model::Role;

constexpr std::string_view kList =
    "entry_id,name,aliases,dates_of_birth,nationalities,documents,listed_for\n"
    "W-1,José Luis Mosquera Palacios,El Mono; Luis Palacios,1984-03-07,COL,passport:COL:AB123456,"
    "smuggling resulting in death\n"
    "W-2,Wilmer Antonio Rentería Córdoba,,1979-11,COL;PAN,,migrant smuggling\n";

class ScreeningServiceTest : public ::testing::Test, public ServicesFixture {
 protected:
  void SetUp() override {
    add_user("reg", {Role::kRegistrar}, "registrar password");
    add_user("analyst", {Role::kAnalyst}, "analyst password");
    reg_ = login("reg", "registrar password");
    analyst_ = login("analyst", "analyst password");
  }
  Principal login(const std::string& name, const std::string& pw) {
    auto r = services().access().login({name, pw, std::nullopt, "t"});
    EXPECT_TRUE(r.has_value()) << r.error().to_string();
    clock().advance_seconds(31);
    return r->principal;
  }
  std::int64_t register_person(const char* given, const char* family, const char* born) {
    model::RegistrationGroup g;
    g.station_code = "lajas-blancas";
    g.registered_on = CivilDate::parse("2026-10-01").value();
    g.departure_point = "Necoclí";
    model::Person p;
    p.given_names = given;
    p.family_names = family;
    p.sex = model::PersonSex::kMale;
    p.birth_date = CivilDate::parse(born).value();
    p.nationality_iso3 = "COL";
    p.relationship = model::Relationship::kHead;
    g.people = {p};
    auto out = services().registrations().register_group(Actor::command_line(), g).value();
    EXPECT_TRUE(out.stored);
    return out.group.people[0].id.value();
  }
  ScreeningService& screening() { return services().screening(); }
  Principal reg_, analyst_;
};

TEST_F(ScreeningServiceTest, ImportsAListAndKeepsEveryVersion) {
  auto first = screening().import_watchlist(Actor::of(analyst_), {.name = "wanted", .kind = "wanted",
                                                                  .file_name = "wanted.csv",
                                                                  .text = std::string(kList)});
  ASSERT_TRUE(first.has_value()) << first.error().to_string();
  EXPECT_EQ(first->version, 1);
  EXPECT_EQ(first->entries, 2);
  auto second = screening().import_watchlist(Actor::of(analyst_), {.name = "wanted", .kind = "wanted",
                                                                   .file_name = "wanted-2.csv",
                                                                   .text = std::string(kList)});
  EXPECT_EQ(second->version, 2);
  auto versions = screening().versions(Actor::of(reg_)).value();
  ASSERT_EQ(versions.size(), 2u);
  EXPECT_EQ(versions[0].file_name, "wanted-2.csv");
  EXPECT_EQ(versions[1].version, 1);
  // A registrar may not import.
  EXPECT_EQ(screening().import_watchlist(Actor::of(reg_), {.name = "x", .text = std::string(kList)})
                .error().code(),
            ErrorCode::kPermissionDenied);
}

TEST_F(ScreeningServiceTest, EveryBadRowIsReportedAndNothingIsStored) {
  auto bad = screening().import_watchlist(
      Actor::command_line(),
      {.name = "wanted", .file_name = "bad.csv",
       .text = "entry_id,name,dates_of_birth,nationalities,documents\n"
               "A,Ana Ruiz,1990-13-01,COL,\n"
               "A,Eva Ruiz,,Colombia,\n"
               ",,,,a:b\n"});
  ASSERT_FALSE(bad.has_value());
  const std::string& m = bad.error().message();
  EXPECT_NE(m.find("bad.csv: 3 bad row(s); nothing was imported"), std::string::npos) << m;
  EXPECT_NE(m.find("line 2, column 'dates_of_birth': '1990-13-01'"), std::string::npos) << m;
  EXPECT_NE(m.find("line 3, column 'entry_id': 'A' appears twice"), std::string::npos) << m;
  EXPECT_NE(m.find("line 3, column 'nationalities': 'Colombia' is not an ISO 3166 alpha-3 code"),
            std::string::npos) << m;
  EXPECT_NE(m.find("line 4, column 'entry_id': empty"), std::string::npos) << m;
  EXPECT_NE(m.find("line 4, column 'documents'"), std::string::npos) << m;
  EXPECT_TRUE(screening().versions(Actor::command_line())->empty());
  auto header = screening().import_watchlist(Actor::command_line(),
                                             {.name = "w", .file_name = "h.csv", .text = "id,who\n1,x\n"});
  EXPECT_NE(header.error().message().find("h.csv: line 1: no column 'entry_id'"), std::string::npos);
}

TEST_F(ScreeningServiceTest, ScreensARegistrationAndAnOfficerDecidesEachHit) {
  ASSERT_TRUE(screening().import_watchlist(Actor::command_line(),
                                           {.name = "wanted", .kind = "wanted", .file_name = "w.csv",
                                            .text = std::string(kList)}));
  const auto hit_person = register_person("Luis", "Palacios", "1984-03-07");
  const auto clean_person = register_person("Marie", "Joseph", "2001-05-05");
  auto hits = screening().screen_person(Actor::of(reg_), hit_person);
  ASSERT_TRUE(hits.has_value()) << hits.error().to_string();
  ASSERT_FALSE(hits->empty());
  EXPECT_EQ((*hits)[0].entry_id, "W-1");
  EXPECT_EQ((*hits)[0].source, "watchlist");
  EXPECT_EQ((*hits)[0].reasons[0], "alias used: Luis Palacios");
  EXPECT_TRUE(screening().screen_person(Actor::of(reg_), clean_person)->empty());
  // Screening again stores no duplicate hit.
  ASSERT_TRUE(screening().screen_person(Actor::of(reg_), hit_person));
  auto queue = screening().hits(reg_, "open", std::nullopt, 50).value();
  ASSERT_EQ(queue.size(), hits->size());
  EXPECT_EQ(queue[0].watchlist, "wanted");
  EXPECT_EQ(screening().hits(analyst_, "open", std::nullopt, 50).error().code(),
            ErrorCode::kPermissionDenied);
  EXPECT_EQ(screening().decide_hit(reg_, queue[0].id, false, "").error().code(),
            ErrorCode::kInvalidArgument);
  auto confirmed = screening().decide_hit(reg_, queue[0].id, true, "same scar, same birth date");
  ASSERT_TRUE(confirmed.has_value()) << confirmed.error().to_string();
  EXPECT_EQ(confirmed->status, "confirmed");
  EXPECT_EQ(confirmed->decided_by, "reg");
  EXPECT_EQ(screening().decide_hit(reg_, queue[0].id, false, "no").error().code(),
            ErrorCode::kFailedPrecondition);
  auto db = services().pool().acquire();
  EXPECT_EQ(db->query_int("SELECT COUNT(*) FROM audit_log WHERE action = 'screening.hit.confirm'")
                .value().value_or(0), 1);
  // Two screenings when the people were registered, three asked for.
  EXPECT_EQ(db->query_int("SELECT COUNT(*) FROM screenings").value().value_or(0), 5);
}

model::RegistrationGroup group_of(std::vector<std::tuple<const char*, const char*, const char*>> people) {
  model::RegistrationGroup g;
  g.station_code = "lajas-blancas";
  g.registered_on = CivilDate::parse("2026-10-01").value();
  g.departure_point = "Necoclí";
  for (auto [given, family, born] : people) {
    model::Person p;
    p.given_names = given;
    p.family_names = family;
    p.sex = model::PersonSex::kMale;
    p.birth_date = CivilDate::parse(born).value();
    p.nationality_iso3 = "COL";
    p.relationship = g.people.empty() ? model::Relationship::kHead : model::Relationship::kSibling;
    g.people.push_back(p);
  }
  return g;
}

TEST_F(ScreeningServiceTest, ARegistrationIsScreenedWhenItIsSaved) {
  ASSERT_TRUE(screening().import_watchlist(Actor::command_line(),
                                           {.name = "wanted", .kind = "wanted", .file_name = "w.csv",
                                            .text = std::string(kList)}));
  auto out = services()
                 .registrations()
                 .register_group(Actor::of(reg_), group_of({{"Marie", "Joseph", "2001-05-05"},
                                                            {"Luis", "Palacios", "1984-03-07"}}))
                 .value();
  ASSERT_TRUE(out.stored);
  ASSERT_TRUE(out.screened) << out.screening_problem;
  ASSERT_EQ(out.screening.size(), 2u);
  EXPECT_EQ(out.screening[0].person_id, out.group.people[0].id.value());
  EXPECT_EQ(out.screening[0].hits, 0);
  EXPECT_EQ(out.screening[1].person_id, out.group.people[1].id.value());
  EXPECT_GE(out.screening[1].hits, 1);
  // The hits wait in the queue, no one having asked for a screening.
  auto queue = screening().hits(reg_, "open", std::nullopt, 50).value();
  ASSERT_EQ(static_cast<std::int64_t>(queue.size()), out.screening[1].hits);
  EXPECT_EQ(queue[0].person_id, out.group.people[1].id.value());
  EXPECT_EQ(queue[0].entry_id, "W-1");
  // Screening again (an officer asking) answers with the stored hits, ids and all.
  auto again = screening().screen_person(Actor::of(reg_), out.group.people[1].id.value());
  ASSERT_TRUE(again.has_value()) << again.error().to_string();
  ASSERT_EQ(again->size(), queue.size());
  for (const auto& h : *again) {
    bool stored = false;
    for (const auto& q : queue) stored |= q.id == h.id && q.entry_id == h.entry_id;
    EXPECT_TRUE(stored) << h.id << " " << h.entry_id;
  }
  EXPECT_EQ(screening().hits(reg_, "", std::nullopt, 50)->size(), queue.size());
  auto db = services().pool().acquire();
  EXPECT_EQ(db->query_int("SELECT COUNT(*) FROM screenings").value().value_or(0), 3);
  EXPECT_EQ(db->query_int("SELECT COUNT(*) FROM audit_log WHERE action = 'screening.screen' AND actor = 'reg'")
                .value().value_or(0), 3);
}

TEST_F(ScreeningServiceTest, WithoutAnyWatchlistARegistrationIsStillScreenedAgainstEarlierRecords) {
  auto out = services()
                 .registrations()
                 .register_group(Actor::of(reg_), group_of({{"Luis", "Palacios", "1984-03-07"}}))
                 .value();
  ASSERT_TRUE(out.stored);
  EXPECT_TRUE(out.screened);
  ASSERT_EQ(out.screening.size(), 1u);
  EXPECT_EQ(out.screening[0].hits, 0);
  EXPECT_TRUE(screening().hits(reg_, "open", std::nullopt, 50)->empty());
}

TEST_F(ScreeningServiceTest, EntryRulesAreVersionedAndDecisionsRecordTheVersion) {
  EXPECT_EQ(screening().add_rules(Actor::of(reg_), "2026-01-01", "{}", "").error().code(),
            ErrorCode::kPermissionDenied);
  auto bad = screening().add_rules(Actor::command_line(), "2026-01-01", "{\"documents\": [1]}", "");
  EXPECT_NE(bad.error().message().find("every item of 'documents' is a string"), std::string::npos);
  EXPECT_FALSE(screening().add_rules(Actor::command_line(), "2026-13-01", "{}", ""));
  auto v1 = screening().add_rules(Actor::command_line(), "2026-01-01",
                                  R"({"documents":["passport"],"visa_required":["IND","CHN"]})", "");
  ASSERT_TRUE(v1.has_value()) << v1.error().to_string();
  auto v2 = screening().add_rules(Actor::command_line(), "2099-01-01",
                                  R"({"documents":["passport","national_id"]})", "future");
  EXPECT_EQ(v2->version, 2);
  EXPECT_EQ(screening().rules_on("2027-01-15")->value().version, 1);
  EXPECT_EQ(screening().rules_on("2099-02-01")->value().version, 2);
  EXPECT_FALSE(screening().rules_on("2025-12-31")->has_value());
  const auto person = register_person("Ana", "Ruiz", "1990-01-01");
  auto r = services().returns().decide(Actor::command_line(),
                                       {.person_id = person, .receiving_country = "COL",
                                        .reason = "no valid document"});
  ASSERT_TRUE(r.has_value()) << r.error().to_string();
  EXPECT_EQ(r->rule_version, 1);
}

}  // namespace
}  // namespace escudo::service
