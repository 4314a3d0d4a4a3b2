#include "service/audit_service.h"

#include <gtest/gtest.h>

#include "service/test_support.h"

namespace escudo::service {
namespace {

class AuditServiceTest : public ::testing::Test, public ServicesFixture {
 protected:
  void SetUp() override {
    add_user("ana", {model::Role::kAnalyst});
    add_user("aud", {model::Role::kAuditor});
    add_user("reg", {model::Role::kRegistrar});
  }
  // Lets a test play an attacker with write access to the file.
  void tamper(const std::string& sql) {
    auto db = services().pool().acquire();
    ASSERT_TRUE(db->execute("DROP TRIGGER audit_log_no_update").has_value());
    ASSERT_TRUE(db->execute("DROP TRIGGER audit_log_no_delete").has_value());
    ASSERT_TRUE(db->execute(sql).has_value());
  }
};

TEST_F(AuditServiceTest, ChainHoldsForHonestLog) {
  auto report = services().audit().verify(nullptr).value();
  EXPECT_TRUE(report.ok);
  EXPECT_EQ(report.entries, 3);
  EXPECT_EQ(report.head_hash.size(), 64u);
}

TEST_F(AuditServiceTest, ChangedEntryIsNamed) {
  tamper("UPDATE audit_log SET detail = 'username=mallory' WHERE id = 2");
  auto report = services().audit().verify(nullptr).value();
  EXPECT_FALSE(report.ok);
  EXPECT_EQ(report.first_broken, 2);
  EXPECT_NE(report.reason.find("changed"), std::string::npos);
  EXPECT_EQ(report.entries, 1);
}

TEST_F(AuditServiceTest, RemovedEntryIsNamed) {
  tamper("DELETE FROM audit_log WHERE id = 2");
  auto report = services().audit().verify(nullptr).value();
  EXPECT_FALSE(report.ok);
  EXPECT_EQ(report.first_broken, 3);
  EXPECT_NE(report.reason.find("missing"), std::string::npos);
}

TEST_F(AuditServiceTest, RehashedForgeryStillBreaksTheNextLink) {
  // The attacker rewrites entry 1 and recomputes its hash; entry 2 still points at the old one.
  tamper("UPDATE audit_log SET actor = 'nobody', hash = 'f00' WHERE id = 1");
  auto report = services().audit().verify(nullptr).value();
  EXPECT_FALSE(report.ok);
  EXPECT_EQ(report.first_broken, 1);
}

TEST_F(AuditServiceTest, ReadingTheLogNeedsAuditReadAndIsItselfAudited) {
  auto analyst = services().access().login({"ana", "a long enough password", {}, "x"}).value();
  auto denied = services().audit().list(analyst.principal, 10, std::nullopt);
  ASSERT_FALSE(denied.has_value());
  EXPECT_EQ(denied.error().code(), ErrorCode::kPermissionDenied);

  auto auditor = services().access().login({"aud", "a long enough password", {}, "x"}).value();
  auto entries = services().audit().list(auditor.principal, 100, std::nullopt).value();
  ASSERT_FALSE(entries.empty());
  EXPECT_EQ(entries.front().action, "session.login");  // newest first
  auto again = services().audit().list(auditor.principal, 1, std::nullopt).value();
  EXPECT_EQ(again.front().action, "audit.read");
  EXPECT_TRUE(services().audit().verify(&auditor.principal).value().ok);
}

}  // namespace
}  // namespace escudo::service
