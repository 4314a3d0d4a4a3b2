#include "service/case_service.h"

#include <gtest/gtest.h>

#include "service/test_support.h"

namespace escudo::service {
namespace {

using model::Role;

class CaseServiceTest : public ::testing::Test, public ServicesFixture {
 protected:
  void SetUp() override {
    add_user("ana", {Role::kAnalyst});
    add_user("luis", {Role::kAnalyst});
    add_user("reg", {Role::kRegistrar});
    add_user("rew", {Role::kRewardsCommittee});
    add_user("cmd", {Role::kCommander});
    for (const char* name : {"ana", "luis", "reg", "rew", "cmd"}) {
      principals_.emplace(name, services().access().login({name, "a long enough password", {}, "x"}).value().principal);
    }
    person_ = services().intel().add_entity(as("ana"), {.kind = "person", .label = "El Paisa"}).value();
  }
  Actor as(const std::string& name) { return Actor::of(principals_.at(name)); }
  CaseService& cases() { return services().cases(); }
  std::int64_t audits(std::string_view action) {
    return services().pool().acquire()->query_int(
        "SELECT COUNT(*) FROM audit_log WHERE action = $1", {action}).value().value_or(0);
  }
  std::map<std::string, Principal> principals_;
  std::int64_t person_ = 0;
};

TEST_F(CaseServiceTest, AnEntitysCasesAreOnlyThoseTheReaderMayOpen) {
  std::int64_t mine = cases().create(as("ana"), {.title = "Ruta Necoclí", .agency = "DIJIN", .country = "COL"}).value();
  ASSERT_TRUE(cases().add_item(as("ana"), mine, "entity", person_).has_value());
  ASSERT_TRUE(cases().add_item(as("ana"), mine, "tip", 41).has_value());
  std::int64_t other = cases().create(as("ana"), {.title = "Otra", .agency = "DIJIN", .country = "COL"}).value();
  ASSERT_TRUE(cases().add_item(as("ana"), other, "tip", 42).has_value());
  std::int64_t theirs = cases().create(as("luis"), {.title = "Lajas Blancas", .agency = "PNP", .country = "PAN"}).value();
  ASSERT_TRUE(cases().add_item(as("luis"), theirs, "entity", person_).has_value());
  ASSERT_TRUE(cases().add_event(as("luis"), theirs, {.entity_id = person_, .kind = "arrest", .date = "2024-03-02",
                                                     .agency = "PNP", .country = "PAN"}).has_value());

  auto held = cases().cases_of_entity(as("ana"), person_).value();
  ASSERT_EQ(held.size(), 1u) << "not Luis's case, nor the case without the entity";
  EXPECT_EQ(held[0].summary.row.id, mine);
  EXPECT_EQ(held[0].tips, std::vector<std::int64_t>{41});
  auto luis = cases().cases_of_entity(as("luis"), person_).value();
  ASSERT_EQ(luis.size(), 1u);
  EXPECT_EQ(luis[0].summary.row.id, theirs);
  ASSERT_EQ(luis[0].events.size(), 1u);
  EXPECT_EQ(luis[0].events[0].kind, "arrest");
  EXPECT_EQ(cases().cases_of_entity(as("reg"), person_).error().code(), ErrorCode::kPermissionDenied);
  EXPECT_EQ(audits("case.entity.read"), 2);
}

TEST_F(CaseServiceTest, OnlyMembersReadACaseAndOthersAreToldWhomToAsk) {
  std::int64_t id = cases().create(as("ana"), {.title = "Ruta Necoclí", .agency = "DIJIN", .country = "COL"}).value();
  ASSERT_TRUE(cases().add_item(as("ana"), id, "entity", person_).has_value());
  auto view = cases().get(as("ana"), id).value();
  EXPECT_EQ(view.row.title, "Ruta Necoclí");
  ASSERT_EQ(view.members.size(), 1u);
  EXPECT_EQ(view.members[0].username, "ana");
  ASSERT_EQ(view.items.size(), 1u);
  EXPECT_EQ(view.items[0].label, "El Paisa");

  auto luis = cases().get(as("luis"), id);
  ASSERT_FALSE(luis.has_value());
  EXPECT_EQ(luis.error().code(), ErrorCode::kPermissionDenied);
  EXPECT_EQ(luis.error().reason(), "not_a_member");
  EXPECT_NE(luis.error().message().find("(ana)"), std::string::npos) << luis.error().message();
  EXPECT_TRUE(cases().list(as("luis")).value().empty());
  EXPECT_EQ(cases().add_item(as("luis"), id, "entity", person_).error().reason(), "not_a_member");

  auto registrar = cases().get(as("reg"), id);
  EXPECT_EQ(registrar.error().code(), ErrorCode::kPermissionDenied);
  EXPECT_NE(registrar.error().reason(), "not_a_member") << "a registrar is not told the case exists";
  EXPECT_EQ(cases().get(as("ana"), 999).error().code(), ErrorCode::kNotFound);

  // The lead adds a member; the rewards committee sees every case without being one.
  EXPECT_EQ(cases().add_member(as("luis"), id, "luis").error().code(), ErrorCode::kPermissionDenied);
  ASSERT_TRUE(cases().add_member(as("ana"), id, "luis").has_value());
  EXPECT_TRUE(cases().get(as("luis"), id).has_value());
  EXPECT_TRUE(cases().get(as("rew"), id).has_value());
  EXPECT_EQ(cases().list(as("rew")).value().size(), 1u);
  EXPECT_EQ(audits("case.read"), 3);
  EXPECT_EQ(audits("case.member.add"), 1);
  EXPECT_EQ(audits("case.create"), 1);
}

TEST_F(CaseServiceTest, FiguresCountArrestsAndConvictionsByPeriodAgencyAndCountry) {
  std::int64_t id = cases().create(as("ana"), {.title = "Ruta", .agency = "DIJIN", .country = "COL"}).value();
  auto event = [&](const char* kind, const char* date, const char* agency, const char* country) {
    return cases().add_event(as("ana"), id, {.entity_id = person_, .kind = kind, .date = date,
                                             .agency = agency, .country = country});
  };
  ASSERT_TRUE(event("arrest", "2024-03-02", "PNP", "PAN").has_value());
  ASSERT_TRUE(event("arrest", "2024-03-20", "PNP", "PAN").has_value());
  ASSERT_TRUE(event("conviction", "2024-11-05", "Fiscalía", "COL").has_value());
  ASSERT_TRUE(event("charge", "2024-03-05", "PNP", "PAN").has_value());
  EXPECT_EQ(event("jailed", "2024-03-05", "PNP", "PAN").error().code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(event("arrest", "2024-02-30", "PNP", "PAN").error().code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(cases().add_event(as("luis"), id, {.entity_id = person_, .kind = "arrest", .date = "2024-03-02",
                                               .agency = "PNP", .country = "PAN"}).error().reason(),
            "not_a_member");

  auto monthly = cases().figures(as("cmd"), {}).value();
  ASSERT_EQ(monthly.size(), 2u);
  EXPECT_EQ(monthly[0].period, "2024-03");
  EXPECT_EQ(monthly[0].agency, "PNP");
  EXPECT_EQ(monthly[0].country, "PAN");
  EXPECT_EQ(monthly[0].arrests, 2);
  EXPECT_EQ(monthly[0].convictions, 0);
  EXPECT_EQ(monthly[1].period, "2024-11");
  EXPECT_EQ(monthly[1].convictions, 1);
  auto yearly = cases().figures(as("cmd"), {.by_year = true, .from = "2024-04"}).value();
  ASSERT_EQ(yearly.size(), 1u);
  EXPECT_EQ(yearly[0].period, "2024");
  EXPECT_EQ(yearly[0].convictions, 1);
  EXPECT_EQ(cases().figures(as("reg"), {}).error().code(), ErrorCode::kPermissionDenied);
  // A commander sees figures, not cases.
  EXPECT_EQ(cases().get(as("cmd"), id).error().code(), ErrorCode::kPermissionDenied);
}

TEST_F(CaseServiceTest, AnArrestMakesACentralPersonASuggestedKeyLeader) {
  auto& intel = services().intel();
  std::vector<std::int64_t> cell;
  for (int i = 0; i < 12; ++i) {
    std::int64_t p = intel.add_entity(as("ana"), {.kind = "person", .label = fmt::format("Member {}", i)}).value();
    intel.add_link(as("ana"), {.type = "member_of", .source_id = p, .target_id = person_, .source_record = "interview 4"}).value();
    cell.push_back(p);
  }
  for (int i = 0; i + 1 < 12; ++i) {
    intel.add_link(as("ana"), {.type = "met", .source_id = cell[i], .target_id = cell[i + 1], .source_record = "surveillance"}).value();
  }
  auto before = intel.key_players(as("ana"), 3).value();
  ASSERT_FALSE(before.empty());
  EXPECT_EQ(before[0].node.entity_id, person_);
  EXPECT_TRUE(before[0].suggested_tiers.empty());
  std::int64_t id = cases().create(as("ana"), {.title = "Ruta", .agency = "DIJIN", .country = "COL"}).value();
  ASSERT_TRUE(cases().add_event(as("ana"), id, {.entity_id = person_, .kind = "arrest", .date = "2024-03-02",
                                                .agency = "PNP", .country = "PAN"}).has_value());
  auto after = intel.key_players(as("ana"), 3).value();
  ASSERT_EQ(after[0].node.entity_id, person_);
  ASSERT_EQ(after[0].suggested_tiers, std::vector<std::string>{"key_leader"});
  ASSERT_EQ(after[0].events.size(), 1u);
  EXPECT_EQ(after[0].events[0], "arrest 2024-03-02 (PNP, PAN)");
}

}  // namespace
}  // namespace escudo::service
