// The rewards programme: tiers and their ceilings, nominations that tie a tip to the outcome it
// led to, the committee's review (two different members approve; the nominator never
// reviews), payments within the ceiling, and a report by tier and status. Every step is audited.
//
//   auto id = rewards.nominate(handler, {.tip_id = 12, .tier = "key_leader", ...});
//   rewards.review(member_a, *id, true, "");  rewards.review(member_b, *id, true, "");
//   rewards.pay(member_a, *id, {.amount_usd_cents = ..., .paid_on = "2026-03-01", ...});
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/clock.h"
#include "model/reward.h"
#include "service/principal.h"
#include "store/pool.h"
#include "store/reward_repo.h"

namespace escudo::service {

struct NominationRequest {
  std::int64_t tip_id = 0;
  std::string tier;
  std::string outcome_kind;
  std::string outcome_on;  // YYYY-MM-DD; with a case event, empty or the event's date
  // A case event (arrest, conviction, asset seizure, death linked) of a case that holds the tip.
  std::optional<std::int64_t> case_event_id;
  std::string outcome_reference;
  std::int64_t amount_usd_cents = 0;
  std::string justification;
};

struct PaymentRequest {
  std::int64_t amount_usd_cents = 0;
  std::string paid_on;  // YYYY-MM-DD
  std::string reference;
};

class RewardService {
 public:
  RewardService(store::DatabasePool& pool, const Clock& clock) : pool_(pool), clock_(clock) {}

  // rewards.read.
  Result<std::vector<model::RewardTier>> tiers(const Principal& principal);
  // The command line only: change a tier's ceiling or name, or add a tier. Audited.
  Status set_tier(const Actor& actor, const model::RewardTier& tier);

  // rewards.nominate. kInvalidArgument naming the field: unknown tip or tier, an outcome that
  // does not fit the tier, a date in the future, an amount above the ceiling.
  Result<std::int64_t> nominate(const Principal& principal, const NominationRequest& request);
  // rewards.review. kFailedPrecondition when the nomination is not waiting for review, the
  // reviewer nominated it, or already reviewed it. Two approvals make it approved; one
  // rejection makes it rejected.
  Result<store::NominationRecord> review(const Principal& principal, std::int64_t id, bool approve,
                                         std::string_view reason);
  // rewards.pay. kFailedPrecondition unless approved; kInvalidArgument for an amount above the
  // nominated amount or the tier's ceiling.
  Result<store::NominationRecord> pay(const Principal& principal, std::int64_t id,
                                      const PaymentRequest& payment);

  Result<std::vector<store::NominationRecord>> list(const Principal& principal,
                                                    std::optional<std::string> status);
  Result<store::NominationRecord> get(const Principal& principal, std::int64_t id);
  // rewards.read, or the command line.
  Result<std::vector<store::RewardReportRow>> report(const Actor& actor);

 private:
  store::DatabasePool& pool_;
  const Clock& clock_;
};

}  // namespace escudo::service
