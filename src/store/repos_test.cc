#include <gtest/gtest.h>

#include "store/audit_repo.h"
#include "store/entity_repo.h"
#include "store/session_repo.h"
#include "store/transit_repo.h"
#include "store/user_repo.h"
#include "testing/temp_dir.h"

namespace escudo::store {
namespace {

class ReposTest : public ::testing::Test {
 protected:
  void SetUp() override { db_ = open_sqlite(dir_.file("r.db")).value(); }

  UserId add_user(const std::string& name, std::vector<model::Role> roles) {
    UserRepo users(*db_);
    AgencyId agency = users.ensure_agency("SNM", 100).value();
    auto tx = Transaction::begin(*db_).value();
    UserId id = users.create({.username = name, .display_name = "Ana", .agency_id = agency,
                              .roles = std::move(roles), .password_hash = "$argon2id$x",
                              .created_at = 100})
                    .value();
    EXPECT_TRUE(tx.commit().has_value());
    return id;
  }

  testing::TempDir dir_;
  std::unique_ptr<Database> db_;
};

TEST_F(ReposTest, UsersRoundTrip) {
  UserId id = add_user("ana", {model::Role::kAnalyst, model::Role::kAuditor});
  UserRepo users(*db_);
  auto found = users.find_by_username("ana").value();
  EXPECT_EQ(found.user.id, id);
  EXPECT_EQ(found.user.agency_name, "SNM");
  EXPECT_EQ(found.user.roles,
            (std::vector<model::Role>{model::Role::kAnalyst, model::Role::kAuditor}));
  EXPECT_EQ(found.password_hash, "$argon2id$x");
  EXPECT_FALSE(found.user.totp_enabled);
  EXPECT_EQ(users.ensure_agency("SNM", 200).value(), found.user.agency_id);

  auto dup = users.create({.username = "ana", .display_name = "x",
                           .agency_id = found.user.agency_id, .password_hash = "h"});
  ASSERT_FALSE(dup.has_value());
  EXPECT_EQ(dup.error().code(), ErrorCode::kAlreadyExists);
  EXPECT_EQ(users.find_by_username("nobody").error().code(), ErrorCode::kNotFound);

  ASSERT_TRUE(users.set_language(id, model::Language::kEnglish).has_value());
  ASSERT_TRUE(users.set_disabled(id, true).has_value());
  ASSERT_TRUE(users.set_totp_secret(id, "ABC").has_value());
  auto after = users.find_by_id(id).value();
  EXPECT_EQ(after.user.language, model::Language::kEnglish);
  EXPECT_TRUE(after.user.disabled);
  EXPECT_TRUE(after.user.totp_enabled);
  EXPECT_EQ(users.set_disabled(UserId(999), true).error().code(), ErrorCode::kNotFound);
  EXPECT_EQ(users.list().value().size(), 1u);
}

TEST_F(ReposTest, SessionsOpenAndEnd) {
  UserId id = add_user("ana", {model::Role::kAnalyst});
  SessionRepo sessions(*db_);
  SessionId s = sessions.create("hash1", id, "csrf1", 1000).value();
  auto open = sessions.find_open("hash1").value();
  ASSERT_TRUE(open.has_value());
  EXPECT_EQ(open->csrf_token, "csrf1");
  ASSERT_TRUE(sessions.touch(s, 1500).has_value());
  EXPECT_EQ(sessions.find_open("hash1").value()->last_seen_at, 1500);
  ASSERT_TRUE(sessions.end(s, 1600).has_value());
  EXPECT_FALSE(sessions.find_open("hash1").value().has_value());
  EXPECT_FALSE(sessions.find_open("other").value().has_value());
}

TEST_F(ReposTest, LoginFailuresCountInWindow) {
  LoginFailureRepo failures(*db_);
  for (int i = 0; i < 3; ++i) ASSERT_TRUE(failures.record("ana", "1.2.3.4", 100 + i).has_value());
  ASSERT_TRUE(failures.record("bob", "1.2.3.4", 200).has_value());
  EXPECT_EQ(failures.count_for_user_since("ana", 101).value(), 2);
  EXPECT_EQ(failures.count_for_address_since("1.2.3.4", 0).value(), 4);
  ASSERT_TRUE(failures.clear_for_user("ana").has_value());
  EXPECT_EQ(failures.count_for_user_since("ana", 0).value(), 0);
}

TEST_F(ReposTest, AuditLogIsAppendOnly) {
  AuditRepo audit(*db_);
  EXPECT_FALSE(audit.last().value().has_value());
  model::AuditEntry e{AuditEntryId(1), 10, "ana", "user.create", "user:1", "", "0", "h1"};
  ASSERT_TRUE(audit.append(e).has_value());
  EXPECT_EQ(audit.last().value()->hash, "h1");
  auto update = db_->execute("UPDATE audit_log SET actor = 'eve'");
  ASSERT_FALSE(update.has_value());
  EXPECT_NE(update.error().message().find("append-only"), std::string::npos);
  EXPECT_FALSE(db_->execute("DELETE FROM audit_log").has_value());
  EXPECT_EQ(audit.list(10, std::nullopt).value().size(), 1u);
}

TEST_F(ReposTest, TransitImportReplacesCoveredMonths) {
  TransitRepo transits(*db_);
  auto month = [](int y, int m) { return YearMonth(y, m); };
  {
    auto tx = Transaction::begin(*db_).value();
    ImportId first = transits.record_import({"nationality", "a.csv", "x", 3, 1, "cli"}).value();
    std::vector<model::NationalityCount> rows = {{month(2023, 1), false, "VEN", 10},
                                                 {month(2023, 1), false, "HTI", 5},
                                                 {month(2023, 2), false, "VEN", 7}};
    ASSERT_TRUE(transits.replace_nationality_months(first, rows).has_value());
    ASSERT_TRUE(tx.commit().has_value());
  }
  {
    auto tx = Transaction::begin(*db_).value();
    ImportId second = transits.record_import({"nationality", "b.csv", "y", 1, 2, "cli"}).value();
    std::vector<model::NationalityCount> rows = {{month(2023, 1), false, "VEN", 11}};
    ASSERT_TRUE(transits.replace_nationality_months(second, rows).has_value());
    ASSERT_TRUE(tx.commit().has_value());
  }
  auto all = transits.nationality_counts({}).value();
  ASSERT_EQ(all.size(), 2u);  // 2023-01 VEN 11 (HTI gone), 2023-02 VEN 7
  EXPECT_EQ(all[0].count, 11);
  EXPECT_EQ(all[1].month, month(2023, 2));
  auto only_feb = transits.nationality_counts({.from = month(2023, 2)}).value();
  EXPECT_EQ(only_feb.size(), 1u);
  auto by_nat = transits.nationality_counts({.nationality = "HTI"}).value();
  EXPECT_TRUE(by_nat.empty());
}

TEST_F(ReposTest, EntityAssignmentsAliasesEventsAndModel) {
  EntityRepo entities(*db_);
  EXPECT_EQ(entities.max_entity_id().value(), 0);
  std::vector<EntityAssignment> rows = {{"registration:1", 7, 1.0, ""},
                                        {"registration:2", 7, 0.97, "registration:1"},
                                        {"registration:3", 9, 1.0, ""}};
  ASSERT_TRUE(entities.save_assignments(rows, 100).has_value());
  // Saving again replaces: record 3 joins entity 7.
  std::vector<EntityAssignment> moved = {{"registration:3", 7, 0.91, "registration:2"}};
  ASSERT_TRUE(entities.save_assignments(moved, 101).has_value());
  auto of7 = entities.records_of(7).value();
  ASSERT_EQ(of7.size(), 3u);
  EXPECT_EQ(of7[2].record_id, "registration:3");
  EXPECT_DOUBLE_EQ(of7[2].probability, 0.91);
  EXPECT_TRUE(entities.records_of(9).value().empty());
  EXPECT_EQ(entities.assignment("registration:2").value()->linked_to, "registration:1");
  EXPECT_FALSE(entities.assignment("registration:99").value().has_value());

  // 9 merged into 7, then 7 into 12: both old ids lead to 12.
  ASSERT_TRUE(entities.add_alias(9, 7).has_value());
  ASSERT_TRUE(entities.add_alias(7, 12).has_value());
  EXPECT_EQ(entities.current_entity(9).value(), 12);
  EXPECT_EQ(entities.current_entity(7).value(), 12);
  EXPECT_EQ(entities.current_entity(12).value(), 12);
  EXPECT_EQ(entities.max_entity_id().value(), 12);

  ASSERT_TRUE(entities.append_event({.at = 100, .actor = "cli", .kind = "created", .entity_id = 7,
                                     .records = "registration:1"}).has_value());
  ASSERT_TRUE(entities.append_event({.at = 101, .actor = "ana", .kind = "merged", .entity_id = 12,
                                     .other_entity_id = 7, .records = "registration:1",
                                     .probability = 0.95, .reason = "same passport"}).has_value());
  auto events = entities.events_of(7).value();
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[1].kind, "merged");
  EXPECT_EQ(events[1].reason, "same passport");
  EXPECT_FALSE(entities.append_event({.at = 1, .actor = "x", .kind = "renamed", .entity_id = 1}).has_value());

  EXPECT_FALSE(entities.model_parameters().value().has_value());
  ASSERT_TRUE(entities.save_model_parameters("{\"prior\":0.01}", 100).has_value());
  ASSERT_TRUE(entities.save_model_parameters("{\"prior\":0.02}", 200).has_value());
  EXPECT_EQ(entities.model_parameters().value(), "{\"prior\":0.02}");
  ASSERT_TRUE(entities.append_decision({.at = 5, .actor = "ana", .decision = "different",
                                        .record_a = "registration:1", .record_b = "registration:3"}).has_value());
  auto decisions = entities.decisions().value();
  ASSERT_EQ(decisions.size(), 1u);
  EXPECT_EQ(decisions[0].record_b, "registration:3");
}

}  // namespace
}  // namespace escudo::store
