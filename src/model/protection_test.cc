#include "model/protection.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>

namespace escudo::model {
namespace {

bool blocks(const ProtectionState& s, Safeguard g) {
  auto all = return_blocks(s);
  return std::ranges::any_of(all, [&](const SafeguardBlock& b) { return b.safeguard == g; });
}

TEST(ProtectionTest, AnAdultWithoutClaimsMayBeReturned) {
  EXPECT_TRUE(return_blocks({}).empty());
  EXPECT_TRUE(return_blocks({.claims = {ClaimStatus::kRejectedFinal, ClaimStatus::kWithdrawn}})
                  .empty());
  EXPECT_TRUE(return_blocks({.trafficking = TraffickingOutcome::kNotAVictim}).empty());
}

TEST(ProtectionTest, EachSafeguardWithItsReason) {
  auto pending = return_blocks({.claims = {ClaimStatus::kPending}});
  ASSERT_EQ(pending.size(), 1u);
  EXPECT_EQ(safeguard_name(pending[0].safeguard), "claim_pending");
  EXPECT_NE(pending[0].reason.find("pending"), std::string::npos);
  EXPECT_TRUE(blocks({.claims = {ClaimStatus::kUnderAppeal}}, Safeguard::kClaimUnderAppeal));
  EXPECT_TRUE(blocks({.claims = {ClaimStatus::kRecognised}}, Safeguard::kRecognisedRefugee));
  EXPECT_TRUE(blocks({.trafficking = TraffickingOutcome::kRecognised}, Safeguard::kTraffickingVictim));
  EXPECT_TRUE(blocks({.trafficking = TraffickingOutcome::kSuspected},
                     Safeguard::kTraffickingSuspected));
  // A child: only a completed assessment that recommends return opens the way.
  EXPECT_TRUE(blocks({.child = true}, Safeguard::kChildWithoutBestInterest));
  EXPECT_TRUE(blocks({.child = true, .best_interest = BestInterestStatus::kOpen,
                      .recommendation = BestInterestRecommendation::kReturn},
                     Safeguard::kChildWithoutBestInterest));
  EXPECT_TRUE(blocks({.child = true, .best_interest = BestInterestStatus::kCompleted,
                      .recommendation = BestInterestRecommendation::kStay},
                     Safeguard::kChildWithoutBestInterest));
  EXPECT_TRUE(return_blocks({.child = true, .best_interest = BestInterestStatus::kCompleted,
                             .recommendation = BestInterestRecommendation::kReturn})
                  .empty());
}

TEST(ProtectionTest, VoluntaryReturnNeverLiftsAChildsSafeguard) {
  EXPECT_FALSE(voluntary_return_lifts(Safeguard::kChildWithoutBestInterest));
  EXPECT_TRUE(voluntary_return_lifts(Safeguard::kClaimPending));
}

// Random states: a return is allowed exactly when none of the forbidden conditions holds.
TEST(ProtectionTest, RandomStatesBlockExactlyTheForbiddenOnes) {
  std::mt19937 rng(7);
  for (int i = 0; i < 20000; ++i) {
    ProtectionState s;
    s.child = rng() % 2 == 0;
    const int claims = static_cast<int>(rng() % 3);
    for (int c = 0; c < claims; ++c) s.claims.push_back(static_cast<ClaimStatus>(rng() % 6));
    s.trafficking = static_cast<TraffickingOutcome>(rng() % 4);
    s.best_interest = static_cast<BestInterestStatus>(rng() % 3);
    s.recommendation = static_cast<BestInterestRecommendation>(rng() % 4);
    auto has = [&](ClaimStatus c) { return std::ranges::find(s.claims, c) != s.claims.end(); };
    const bool forbidden =
        has(ClaimStatus::kPending) || has(ClaimStatus::kUnderAppeal) ||
        has(ClaimStatus::kRecognised) || s.trafficking == TraffickingOutcome::kRecognised ||
        s.trafficking == TraffickingOutcome::kSuspected ||
        (s.child && !(s.best_interest == BestInterestStatus::kCompleted &&
                      s.recommendation == BestInterestRecommendation::kReturn));
    auto b = return_blocks(s);
    EXPECT_EQ(!b.empty(), forbidden) << i;
    for (const auto& block : b) EXPECT_FALSE(block.reason.empty());
  }
}

TEST(ProtectionTest, ClaimsMoveOnlyForward) {
  using enum ClaimStatus;
  EXPECT_TRUE(check_claim_transition(kPending, kRejected));
  EXPECT_TRUE(check_claim_transition(kRejected, kUnderAppeal));
  EXPECT_TRUE(check_claim_transition(kUnderAppeal, kRecognised));
  auto back = check_claim_transition(kRejectedFinal, kPending);
  ASSERT_FALSE(back);
  EXPECT_EQ(back.error().message(), "a claim that is rejected_final cannot become pending");
  EXPECT_FALSE(check_claim_transition(kRecognised, kRejected));
}

TEST(ProtectionTest, NamesParseBackAndIndicatorsAreChecked) {
  for (int i = 0; i < 6; ++i) {
    auto c = static_cast<ClaimStatus>(i);
    EXPECT_EQ(parse_claim_status(claim_status_name(c)).value(), c);
  }
  auto bad = parse_claim_status("maybe");
  ASSERT_FALSE(bad);
  EXPECT_NE(bad.error().message().find("under_appeal"), std::string::npos);
  EXPECT_TRUE(check_trafficking_indicator("debt_bondage"));
  EXPECT_FALSE(check_trafficking_indicator("tattoos"));
  EXPECT_EQ(parse_best_interest_recommendation("return").value(), BestInterestRecommendation::kReturn);
}

}  // namespace
}  // namespace escudo::model
