#include "service/screening_service.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "base/input_stream.h"
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
  // The screener was built by the import: W-1's name and two aliases, W-2's name.
  EXPECT_EQ(first->screened_entries, 2);
  EXPECT_EQ(first->screened_names, 4);
  auto second = screening().import_watchlist(Actor::of(analyst_), {.name = "wanted", .kind = "wanted",
                                                                   .file_name = "wanted-2.csv",
                                                                   .text = std::string(kList)});
  EXPECT_EQ(second->version, 2);
  // Only the latest version of a list is screened against.
  EXPECT_EQ(second->screened_entries, 2);
  auto other = screening().import_watchlist(Actor::of(analyst_), {.name = "sanctions", .kind = "sanctions",
                                                                  .file_name = "s.csv",
                                                                  .text = "entry_id,name\nS-1,Ana Ruiz\n"});
  ASSERT_TRUE(other.has_value()) << other.error().to_string();
  EXPECT_EQ(other->screened_entries, 3);
  EXPECT_EQ(other->screened_names, 5);
  auto versions = screening().versions(Actor::of(reg_)).value();
  ASSERT_EQ(versions.size(), 3u);
  EXPECT_EQ(versions[0].file_name, "s.csv");
  EXPECT_EQ(versions[1].file_name, "wanted-2.csv");
  EXPECT_EQ(versions[2].version, 1);
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
  // One entry for the group's screening, one for the officer's; neither names anyone.
  EXPECT_EQ(db->query_int("SELECT COUNT(*) FROM audit_log WHERE action = 'screening.screen' AND actor = 'reg'")
                .value().value_or(0), 2);
  EXPECT_EQ(db->query_int("SELECT COUNT(*) FROM audit_log WHERE action = 'screening.screen' AND "
                          "detail LIKE 'people=2 hits=%'")
                .value().value_or(0), 1);
  EXPECT_EQ(db->query_int("SELECT COUNT(*) FROM audit_log WHERE detail LIKE '%Palacios%' OR "
                          "detail LIKE '%Luis%'")
                .value().value_or(0), 0);
}

constexpr std::string_view kRegistrationHeader =
    "group_ref,station,registered_on,given_names,family_names,sex,birth_date,estimated_age,"
    "nationality,document_type,document_country,document_number,phone,relationship,"
    "departure_point,days_in_jungle,paid_usd,paid_to,pregnant,disability,injured,"
    "violence_survivor,separated\n";

TEST_F(ScreeningServiceTest, AnImportedFileIsScreenedAgainstWatchlistsAndEarlierRecords) {
  ASSERT_TRUE(screening().import_watchlist(Actor::command_line(),
                                           {.name = "wanted", .kind = "wanted", .file_name = "w.csv",
                                            .text = std::string(kList)}));
  // Rosa was registered and returned last year.
  model::RegistrationGroup rosa = group_of({{"Rosa Elena", "Mora Vélez", "1990-01-01"}});
  rosa.people[0].sex = model::PersonSex::kFemale;
  rosa.people[0].nationality_iso3 = "ECU";
  rosa.people[0].document_type = model::DocumentType::kPassport;
  rosa.people[0].document_country_iso3 = "ECU";
  rosa.people[0].document_number = "A0912345";
  rosa.people[0].phone = "+593991234567";
  auto first = services().registrations().register_group(Actor::command_line(), rosa).value();
  ASSERT_TRUE(first.stored);
  const std::int64_t rosa_before = first.group.people[0].id.value();
  auto decision = services().returns().decide(
      Actor::command_line(), {.person_id = rosa_before, .receiving_country = "ECU", .reason = "no visa"});
  ASSERT_TRUE(decision.has_value()) << decision.error().to_string();
  ASSERT_TRUE(services().returns().execute(Actor::command_line(), decision->id).value().executed);

  const std::string file =
      std::string(kRegistrationHeader) +
      "A,lajas-blancas,2026-10-02,Luis,Palacios,male,1984-03-07,,COL,none,,,,head,Necoclí,3,,,0,0,0,0,0\n"
      "B,lajas-blancas,2026-10-02,Rosa Elena,Mora Vélez,female,1990-01-01,,ECU,passport,ECU,A0912345,"
      "+593991234567,head,Necoclí,3,,,0,0,0,0,0\n"
      "C,lajas-blancas,2026-10-02,Marie,Joseph,female,2001-05-05,,HTI,none,,,,head,Necoclí,3,,,0,0,0,0,0\n";
  auto report = services().registrations().import_csv(Actor::of(reg_), make_string_stream(file, "r.csv"));
  ASSERT_TRUE(report.has_value()) << report.error().to_string();
  ASSERT_TRUE(report->stored);
  ASSERT_TRUE(report->screened) << report->screening_problem;
  EXPECT_EQ(report->screened_people, 3);
  EXPECT_EQ(report->people_with_hits, 2);

  // The imported people are the three after Rosa's first registration.
  const std::int64_t luis = rosa_before + 1, rosa_again = rosa_before + 2, marie = rosa_before + 3;
  auto luis_hits = screening().hits(reg_, "open", luis, 50).value();
  ASSERT_FALSE(luis_hits.empty());
  EXPECT_EQ(luis_hits[0].source, "watchlist");
  EXPECT_EQ(luis_hits[0].entry_id, "W-1");
  // Rosa is known from her earlier registration, through entity resolution, and was returned.
  auto rosa_hits = screening().hits(reg_, "open", rosa_again, 50).value();
  ASSERT_EQ(rosa_hits.size(), 1u);
  EXPECT_EQ(rosa_hits[0].source, "earlier_return");
  EXPECT_EQ(rosa_hits[0].entry_id, std::to_string(rosa_before));
  EXPECT_TRUE(screening().hits(reg_, "open", marie, 50)->empty());
  EXPECT_EQ(report->hits, static_cast<std::int64_t>(luis_hits.size() + rosa_hits.size()));

  auto db = services().pool().acquire();
  // Each imported person has a stored screening, in one part with one audit entry.
  EXPECT_EQ(db->query_int("SELECT COUNT(*) FROM screenings WHERE person_id > $1", {rosa_before})
                .value().value_or(0), 3);
  EXPECT_EQ(db->query_int("SELECT COUNT(*) FROM audit_log WHERE action = 'screening.screen' AND "
                          "actor = 'reg' AND object = $1 AND detail = $2",
                          {fmt::format("people:{}-{}", luis, marie),
                           fmt::format("people=3 hits={}", report->hits)})
                .value().value_or(0), 1);
}

TEST_F(ScreeningServiceTest, ManyPeopleAreScreenedInPartsAndEachIsAnsweredInOrder) {
  ASSERT_TRUE(screening().import_watchlist(Actor::command_line(),
                                           {.name = "wanted", .kind = "wanted", .file_name = "w.csv",
                                            .text = std::string(kList)}));
  // More people than one part holds, the watchlisted one last.
  const std::size_t n = ScreeningService::kPeoplePerTransaction + 3;
  std::string file(kRegistrationHeader);
  for (std::size_t i = 0; i + 1 < n; ++i) {
    file += fmt::format("G{},lajas-blancas,2026-10-02,Persona{},Prueba{},female,,30,VEN,none,,,,head,"
                        "Necoclí,3,,,0,0,0,0,0\n", i, i, i);
  }
  file += "Z,lajas-blancas,2026-10-02,Luis,Palacios,male,1984-03-07,,COL,none,,,,head,Necoclí,3,,,0,0,0,0,0\n";
  auto report = services().registrations().import_csv(Actor::command_line(), make_string_stream(file, "r.csv"));
  ASSERT_TRUE(report.has_value()) << report.error().to_string();
  ASSERT_TRUE(report->screened) << report->screening_problem;
  EXPECT_EQ(report->screened_people, static_cast<std::int64_t>(n));
  EXPECT_EQ(report->people_with_hits, 1);
  auto db = services().pool().acquire();
  EXPECT_EQ(db->query_int("SELECT COUNT(*) FROM audit_log WHERE action = 'screening.screen'")
                .value().value_or(0), 2);
  const auto last = db->query_int("SELECT MAX(id) FROM persons").value().value_or(0);
  ASSERT_EQ(screening().hits(reg_, "open", last, 50)->size(), static_cast<std::size_t>(report->hits));

  // Asked in another order, the answer follows it; an unknown person is refused.
  const std::int64_t ids[] = {last, 1, last - 1};
  auto again = screening().screen_people(Actor::of(reg_), ids);
  ASSERT_TRUE(again.has_value()) << again.error().to_string();
  ASSERT_EQ(again->size(), 3u);
  EXPECT_EQ((*again)[0].person_id, last);
  EXPECT_EQ((*again)[0].hits, report->hits);
  EXPECT_EQ((*again)[1].person_id, 1);
  EXPECT_EQ((*again)[1].hits, 0);
  EXPECT_EQ((*again)[2].person_id, last - 1);
  const std::int64_t unknown[] = {last, last + 10};
  EXPECT_EQ(screening().screen_people(Actor::of(reg_), unknown).error().code(), ErrorCode::kNotFound);
  EXPECT_EQ(screening().screen_people(Actor::of(analyst_), ids).error().code(),
            ErrorCode::kPermissionDenied);
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
