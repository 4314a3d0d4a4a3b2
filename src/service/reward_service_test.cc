#include <gtest/gtest.h>

#include "crypto/proof_of_work.h"
#include "crypto/totp.h"
#include "service/test_support.h"

namespace escudo::service {
namespace {

using model::Role;

class RewardServiceTest : public ::testing::Test, public ServicesFixture {
 protected:
  void SetUp() override {
    auto h = add_user("handler", {Role::kTipHandler}, "handler password");
    ASSERT_TRUE(services().tips().init_desk(Actor::command_line()).has_value());
    auto c = services().tips().challenge("submit").value();
    TipSubmission s{.content = {.text = "the tip"},
                    .pow = {c.challenge, crypto::solve_challenge(c.challenge, c.difficulty)}};
    auto sent = services().tips().submit(std::move(s));
    ASSERT_TRUE(sent.has_value()) << sent.error().to_string();
    ASSERT_TRUE(sent->stored);
    handler_ = login("handler", "handler password", h.totp_secret);
    add_user("member.a", {Role::kRewardsCommittee}, "member password a");
    add_user("member.b", {Role::kRewardsCommittee}, "member password b");
    a_ = login("member.a", "member password a");
    b_ = login("member.b", "member password b");
  }

  Principal login(const std::string& name, const std::string& pw,
                  const std::optional<std::string>& secret = std::nullopt) {
    std::optional<std::string> code;
    if (secret) code = crypto::totp_code(*secret, clock().now_unix_seconds()).value();
    auto r = services().access().login({name, pw, code, "t"});
    EXPECT_TRUE(r.has_value()) << r.error().to_string();
    clock().advance_seconds(31);
    return r->principal;
  }

  NominationRequest request() {
    return {.tip_id = 1, .tier = "finances", .outcome_kind = "asset_seizure",
            .outcome_on = "2026-10-10", .outcome_reference = "Seizure order 44",
            .amount_usd_cents = 50'000'000, .justification = "Accounts named in the tip were frozen"};
  }

  Principal handler_, a_, b_;
};

TEST_F(RewardServiceTest, OneApproverCannotApproveTwice) {
  auto id = services().rewards().nominate(handler_, request());
  ASSERT_TRUE(id.has_value()) << id.error().to_string();
  EXPECT_EQ(services().rewards().review(a_, *id, true, "")->status, "proposed");
  auto twice = services().rewards().review(a_, *id, true, "");
  ASSERT_FALSE(twice.has_value());
  EXPECT_EQ(twice.error().reason(), "already_reviewed");
  EXPECT_EQ(services().rewards().get(a_, *id)->status, "proposed");
  // Not payable until a second member approves.
  EXPECT_EQ(services().rewards().pay(a_, *id, {1, "2026-11-01", "x"}).error().code(),
            ErrorCode::kFailedPrecondition);
  EXPECT_EQ(services().rewards().review(b_, *id, true, "")->status, "approved");
  EXPECT_EQ(services().rewards().get(a_, *id)->reviews.size(), 2u);
}

TEST_F(RewardServiceTest, TheNominatorNeverReviewsAndARejectionCloses) {
  // A user who is both handler and committee member proposes; they cannot review their own.
  auto both = add_user("both.roles", {Role::kRewardsCommittee, Role::kTipHandler}, "member and handler");
  Principal b = login("both.roles", "member and handler", both.totp_secret);
  auto own = services().rewards().nominate(b, request());
  ASSERT_TRUE(own.has_value()) << own.error().to_string();
  EXPECT_EQ(services().rewards().review(b, *own, true, "").error().reason(), "own_nomination");
  auto id = services().rewards().nominate(handler_, request());
  ASSERT_TRUE(id.has_value());
  auto self = services().rewards().review(handler_, *id, true, "");
  EXPECT_EQ(self.error().code(), ErrorCode::kPermissionDenied);  // handlers do not review
  EXPECT_FALSE(services().rewards().review(a_, *id, false, "").has_value());  // a reason is needed
  EXPECT_EQ(services().rewards().review(a_, *id, false, "The seizure came from another source")->status,
            "rejected");
  EXPECT_EQ(services().rewards().review(b_, *id, true, "").error().code(), ErrorCode::kFailedPrecondition);
}

TEST_F(RewardServiceTest, AmountsStayWithinTheTierAndOutcomesFitIt) {
  NominationRequest over = request();
  over.amount_usd_cents = 100'000'001;
  auto refused = services().rewards().nominate(handler_, over);
  ASSERT_FALSE(refused.has_value());
  EXPECT_NE(refused.error().message().find("$1,000,000.00"), std::string::npos);
  NominationRequest misfit = request();
  misfit.outcome_kind = "death_link";
  EXPECT_NE(services().rewards().nominate(handler_, misfit).error().message().find("'outcome_kind'"),
            std::string::npos);
  NominationRequest future = request();
  future.outcome_on = "2099-01-01";
  EXPECT_NE(services().rewards().nominate(handler_, future).error().message().find("'outcome_on'"),
            std::string::npos);
  NominationRequest no_tip = request();
  no_tip.tip_id = 99;
  EXPECT_NE(services().rewards().nominate(handler_, no_tip).error().message().find("'tip_id'"),
            std::string::npos);
  NominationRequest bad_tier = request();
  bad_tier.tier = "everything";
  EXPECT_NE(services().rewards().nominate(handler_, bad_tier).error().message().find("'tier'"),
            std::string::npos);
  // A lower ceiling set from the command line applies to payments too.
  auto id = services().rewards().nominate(handler_, request());
  ASSERT_TRUE(id.has_value());
  services().rewards().review(a_, *id, true, "");
  services().rewards().review(b_, *id, true, "");
  ASSERT_TRUE(services().rewards().set_tier(Actor::command_line(),
                                            {"finances", "Finances", 10'000'000}).has_value());
  EXPECT_FALSE(services().rewards().pay(a_, *id, {50'000'000, "2026-11-01", "T"}).has_value());
  EXPECT_TRUE(services().rewards().pay(a_, *id, {10'000'000, "2026-11-01", "T"}).has_value());
  auto tiers = services().rewards().tiers(a_).value();
  EXPECT_EQ(tiers.size(), 3u);
  EXPECT_EQ(services().rewards().tiers(b_)->at(1).ceiling_usd_cents, 200'000'000);  // key_leader
}

}  // namespace
}  // namespace escudo::service
