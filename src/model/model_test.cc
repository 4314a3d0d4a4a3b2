#include <gtest/gtest.h>

#include "model/audit.h"
#include "model/role.h"
#include "model/transit.h"
#include "model/user.h"

namespace escudo::model {
namespace {

TEST(RoleTest, NamesRoundTripAndUnknownIsExplained) {
  for (Role r : all_roles()) EXPECT_EQ(parse_role(role_name(r)).value(), r);
  auto bad = parse_role("superuser");
  ASSERT_FALSE(bad.has_value());
  EXPECT_NE(bad.error().message().find("tip_handler"), std::string::npos);
}

TEST(RoleTest, GrantsFollowTheTable) {
  EXPECT_TRUE(role_grants(Role::kAdmin, Permission::kUsersManage));
  EXPECT_FALSE(role_grants(Role::kAnalyst, Permission::kUsersManage));
  EXPECT_FALSE(role_grants(Role::kAnalyst, Permission::kTransitsImport));
  EXPECT_TRUE(role_grants(Role::kRegistrar, Permission::kTransitsImport));
  EXPECT_TRUE(role_grants(Role::kAuditor, Permission::kAuditRead));
  for (Role r : all_roles()) EXPECT_TRUE(role_grants(r, Permission::kTransitsRead));
  EXPECT_TRUE(role_grants(Role::kAnalyst, Permission::kTipExtracts));
  EXPECT_TRUE(role_grants(Role::kAnalyst, Permission::kWatchlistsManage));
  EXPECT_TRUE(role_grants(Role::kAnalyst, Permission::kScreeningFigures));
  EXPECT_TRUE(role_grants(Role::kAnalyst, Permission::kIncidentsRead));
  EXPECT_FALSE(role_grants(Role::kAnalyst, Permission::kIncidentsSurvivor));
  EXPECT_FALSE(role_grants(Role::kAdmin, Permission::kReturnsExecute));
  EXPECT_TRUE(role_grants(Role::kTipHandler, Permission::kTipsRead));
  EXPECT_FALSE(role_grants(Role::kAnalyst, Permission::kTipsRead));
  EXPECT_FALSE(role_grants(Role::kRewardsCommittee, Permission::kTipsRead));
  EXPECT_FALSE(role_grants(Role::kTipHandler, Permission::kRewardsReview));
  EXPECT_TRUE(role_grants(Role::kRewardsCommittee, Permission::kRewardsReview));
  std::vector<Role> roles = {Role::kCommander, Role::kAuditor};
  EXPECT_EQ(permissions_of(roles), (std::vector<Permission>{Permission::kAuditRead, Permission::kTransitsRead,
                                                            Permission::kCasesFigures,
                                                            Permission::kReturnsExecute, Permission::kScreeningFigures,
                                                            Permission::kIncidentsRead, Permission::kOperationsPlan}));
  // Analysts build the graph and the cases; commanders see the figures only; names in the
  // graph are for those who need them.
  EXPECT_TRUE(role_grants(Role::kAnalyst, Permission::kIntelWrite));
  EXPECT_TRUE(role_grants(Role::kAnalyst, Permission::kIntelIdentity));
  EXPECT_FALSE(role_grants(Role::kCommander, Permission::kCasesRead));
  EXPECT_FALSE(role_grants(Role::kRewardsCommittee, Permission::kIntelIdentity));
  EXPECT_TRUE(role_grants(Role::kRewardsCommittee, Permission::kCasesAll));
  EXPECT_FALSE(role_grants(Role::kRegistrar, Permission::kIntelRead));
  EXPECT_EQ(permission_name(Permission::kCasesFigures), "cases.figures");
  EXPECT_TRUE(role_requires_totp(Role::kTipHandler));
  EXPECT_TRUE(role_requires_totp(Role::kAdmin));
  EXPECT_FALSE(role_requires_totp(Role::kRegistrar));
}

TEST(UserTest, Validation) {
  EXPECT_TRUE(validate_username("ana.perez").has_value());
  EXPECT_FALSE(validate_username("Ana").has_value());
  EXPECT_FALSE(validate_username("a'; DROP TABLE users;--").has_value());
  EXPECT_FALSE(validate_display_text("display name", "").has_value());
  EXPECT_FALSE(validate_display_text("display name", "a\nb").has_value());
  EXPECT_TRUE(validate_display_text("display name", "María Núñez").has_value());
  EXPECT_EQ(parse_language("es").value(), Language::kSpanish);
  EXPECT_FALSE(parse_language("fr").has_value());
}

TEST(TransitTest, Iso3AndGroups) {
  EXPECT_TRUE(validate_iso3("VEN").has_value());
  EXPECT_FALSE(validate_iso3("ven").has_value());
  EXPECT_FALSE(validate_iso3("VENE").has_value());
  EXPECT_EQ(parse_demographic("girls").value(), DemographicGroup::kGirls);
  EXPECT_FALSE(parse_demographic("kids").has_value());
}

TEST(AuditTest, CanonicalTextCannotBeAmbiguous) {
  AuditEntry a{.id = AuditEntryId(1), .at = 5, .actor = "x\ty", .action = "a"};
  AuditEntry b{.id = AuditEntryId(1), .at = 5, .actor = "x", .action = "y\ta"};
  EXPECT_NE(canonical_text(a), canonical_text(b));
}

}  // namespace
}  // namespace escudo::model
