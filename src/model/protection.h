// Protection needs and the safeguards that stop a return the law forbids. What a person's file
// holds (claims, trafficking assessments, a child's best-interest assessment) is summed up as a
// ProtectionState; return_blocks() says which safeguards forbid returning them now and why.
// This is the one rule every path to a return goes through (service::ReturnService checks it
// when a return is decided and again, inside the same transaction, when it is executed).
//
//   ProtectionState s{.child = true};
//   for (const SafeguardBlock& b : return_blocks(s)) puts(b.reason.c_str());
//     // "a child without a completed best-interest assessment recommending return"
//
// No role lifts a safeguard. The only lawful exception is a voluntary return the person asked
// for (voluntary_return_lifts()), approved by a second officer; it never lifts the safeguard of
// a child. Pure and thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace escudo::model {

enum class ClaimStatus : std::uint8_t {
  kPending,        // lodged, no first decision yet
  kRecognised,     // refugee or complementary protection granted
  kRejected,       // rejected at first instance, no appeal lodged (yet)
  kUnderAppeal,
  kRejectedFinal,  // the appeal was dismissed
  kWithdrawn,
};
std::string_view claim_status_name(ClaimStatus status);
Result<ClaimStatus> parse_claim_status(std::string_view text);

// The moves a claim may make: pending → recognised | rejected | withdrawn;
// rejected → under_appeal | rejected_final (appeal time over); under_appeal → recognised |
// rejected_final | withdrawn. kFailedPrecondition naming both states otherwise.
Status check_claim_transition(ClaimStatus from, ClaimStatus to);

enum class TraffickingOutcome : std::uint8_t {
  kNoIndicators,  // the checklist was gone through and nothing was found
  kSuspected,     // indicators found; the assessment goes on
  kRecognised,    // identified as a victim of trafficking
  kNotAVictim,    // indicators were looked into and ruled out
};
std::string_view trafficking_outcome_name(TraffickingOutcome outcome);
Result<TraffickingOutcome> parse_trafficking_outcome(std::string_view text);

// The trafficking indicators checklist (after the ILO/IOM operational indicators): code and
// plain description. A code not on it is refused.
struct TraffickingIndicator {
  std::string_view code;
  std::string_view description;
};
const std::vector<TraffickingIndicator>& trafficking_indicators();
Status check_trafficking_indicator(std::string_view code);

enum class BestInterestStatus : std::uint8_t { kNone, kOpen, kCompleted };
enum class BestInterestRecommendation : std::uint8_t { kNone, kReturn, kStay, kOtherSolution };
std::string_view best_interest_status_name(BestInterestStatus status);
Result<BestInterestStatus> parse_best_interest_status(std::string_view text);
std::string_view best_interest_recommendation_name(BestInterestRecommendation r);  // "" for kNone
Result<BestInterestRecommendation> parse_best_interest_recommendation(std::string_view text);

struct ProtectionState {
  bool child = false;  // under 18 today, or registered as a child
  std::vector<ClaimStatus> claims;
  // The latest assessment's outcome; kNoIndicators when none was made.
  TraffickingOutcome trafficking = TraffickingOutcome::kNoIndicators;
  BestInterestStatus best_interest = BestInterestStatus::kNone;
  BestInterestRecommendation recommendation = BestInterestRecommendation::kNone;
};

enum class Safeguard : std::uint8_t {
  kClaimPending,
  kClaimUnderAppeal,
  kRecognisedRefugee,
  kChildWithoutBestInterest,
  kTraffickingVictim,
  kTraffickingSuspected,
};
inline constexpr int kSafeguardCount = 6;
std::string_view safeguard_name(Safeguard safeguard);  // "claim_pending", …

struct SafeguardBlock {
  Safeguard safeguard = Safeguard::kClaimPending;
  std::string reason;  // plain words for the officer, the person and the log
};

// Every safeguard that forbids a return now, in the order of the Safeguard enum; empty when the
// law allows it.
std::vector<SafeguardBlock> return_blocks(const ProtectionState& state);

// Whether a voluntary return the person asked for, approved by a second officer, lifts this
// safeguard. Never for a child without a best-interest assessment recommending return.
bool voluntary_return_lifts(Safeguard safeguard);

}  // namespace escudo::model
