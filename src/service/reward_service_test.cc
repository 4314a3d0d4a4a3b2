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

TEST_F(RewardServiceTest, ANominationRestsOnAnOutcomeOfACaseThatHoldsTheTip) {
  Actor cli = Actor::command_line();
  add_user("ana", {Role::kAnalyst}, "analyst password");
  auto case_id = services().cases().create(cli, {.title = "Cuentas", .agency = "DIJIN", .country = "COL", .lead = "ana"});
  ASSERT_TRUE(case_id.has_value()) << case_id.error().to_string();
  auto account = services().intel().add_entity(cli, {.kind = "person", .label = "Don Chepe"});
  ASSERT_TRUE(account.has_value()) << account.error().to_string();
  auto event = [&](const char* kind) {
    return services().cases().add_event(cli, *case_id, {.entity_id = *account, .kind = kind, .date = "2026-09-30",
                                                       .agency = "DIJIN", .country = "COL"}).value();
  };
  std::int64_t seizure = event("asset_seizure");
  std::int64_t charge = event("charge");
  auto with_event = [&](std::int64_t id, std::string outcome_on) {
    NominationRequest r = request();
    r.case_event_id = id;
    r.outcome_on = std::move(outcome_on);
    return services().rewards().nominate(handler_, r);
  };
  auto refused = with_event(seizure, "");
  ASSERT_FALSE(refused.has_value());
  EXPECT_NE(refused.error().message().find("does not hold tip 1"), std::string::npos) << refused.error().message();
  ASSERT_TRUE(services().tips().link_case(handler_, 1, *case_id, true).has_value());
  refused = with_event(charge, "");
  ASSERT_FALSE(refused.has_value());
  EXPECT_NE(refused.error().message().find("is of kind 'charge', and the outcome needs 'asset_seizure'"), std::string::npos)
      << refused.error().message();
  refused = with_event(seizure + 100, "");
  ASSERT_FALSE(refused.has_value());
  EXPECT_NE(refused.error().message().find("there is no case event"), std::string::npos);
  refused = with_event(seizure, "2026-10-10");
  ASSERT_FALSE(refused.has_value());
  EXPECT_NE(refused.error().message().find("happened on 2026-09-30"), std::string::npos);
  // The outcome's date comes from the event.
  auto id = with_event(seizure, "");
  ASSERT_TRUE(id.has_value()) << id.error().to_string();
  auto nomination = services().rewards().get(a_, *id);
  EXPECT_EQ(nomination->outcome_on, "2026-09-30");
  EXPECT_EQ(nomination->case_event_id, seizure);
  // Without an event, the date is required.
  NominationRequest undated = request();
  undated.outcome_on = "";
  EXPECT_FALSE(services().rewards().nominate(handler_, undated).has_value());
}

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
