// The rewards programme: tiers with a ceiling each, and nominations that tie a tip to the
// outcome it led to, decided by a committee (two different members approve) and paid.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "base/status.h"

namespace escudo::model {

enum class OutcomeKind : std::uint8_t {
  kArrest,
  kConviction,
  kAssetSeizure,
  kFinanceDisruption,
  kDeathLink,  // the smuggling of the person named led to a death
};
// "arrest", "conviction", "asset_seizure", "finance_disruption", "death_link"
std::string_view outcome_kind_name(OutcomeKind kind);
Result<OutcomeKind> parse_outcome_kind(std::string_view name);

enum class NominationStatus : std::uint8_t { kProposed, kApproved, kRejected, kPaid };
std::string_view nomination_status_name(NominationStatus status);
Result<NominationStatus> parse_nomination_status(std::string_view name);

// Approvals by different committee members a nomination needs.
inline constexpr int kApprovalsNeeded = 2;

struct RewardTier {
  std::string code;  // "key_leader", "finances", "regional_leader_death"
  std::string name;
  std::int64_t ceiling_usd_cents = 0;
};

// "$2,000,000.00" for 200000000.
std::string format_usd(std::int64_t cents);
// "2000000", "2,000,000.50", "$1,000" → cents. kInvalidArgument naming `field` otherwise.
Result<std::int64_t> parse_usd(std::string_view field, std::string_view text);

}  // namespace escudo::model
