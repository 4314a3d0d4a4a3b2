// The rewards programme's tables: tiers, nominations, the committee's reviews and payments.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/reward.h"
#include "store/database.h"

namespace escudo::store {

struct NewNomination {
  std::int64_t tip_id = 0;
  std::string tier;
  std::string outcome_kind;
  std::string outcome_on;
  std::optional<std::int64_t> case_event_id;
  std::string outcome_reference;
  std::int64_t amount_usd_cents = 0;
  std::string justification;
  std::int64_t nominated_by = 0;
  std::int64_t nominated_at = 0;
};

struct RewardReview {
  std::int64_t reviewer_id = 0;
  std::string reviewer;
  std::string decision;  // "approve" or "reject"
  std::string reason;
  std::int64_t at = 0;
};

struct RewardPayment {
  std::int64_t amount_usd_cents = 0;
  std::string paid_on;
  std::string reference;
  std::string recorded_by;
  std::int64_t recorded_at = 0;
};

struct NominationRecord {
  std::int64_t id = 0;
  std::int64_t tip_id = 0;
  std::string tier;
  std::string outcome_kind;
  std::string outcome_on;
  std::optional<std::int64_t> case_event_id;
  std::string outcome_reference;
  std::int64_t amount_usd_cents = 0;
  std::string justification;
  std::string status;
  std::int64_t nominated_by = 0;
  std::string nominator;
  std::int64_t nominated_at = 0;
  std::optional<std::int64_t> decided_at;
  std::vector<RewardReview> reviews;
  std::optional<RewardPayment> payment;
};

struct RewardReportRow {
  std::string tier;
  std::string status;
  std::int64_t count = 0;
  std::int64_t proposed_usd_cents = 0;
  std::int64_t paid_usd_cents = 0;
};

class RewardRepo {
 public:
  explicit RewardRepo(Database& db) : db_(db) {}

  Result<std::vector<model::RewardTier>> tiers();
  // kNotFound naming the valid codes.
  Result<model::RewardTier> tier(std::string_view code);
  Status set_tier(const model::RewardTier& tier, std::int64_t now);

  Result<std::int64_t> insert(const NewNomination& n);
  // With its reviews and payment. kNotFound when missing.
  Result<NominationRecord> find(std::int64_t id);
  // Newest first, without reviews and payment unless `full`.
  Result<std::vector<NominationRecord>> list(std::optional<std::string> status, bool full);
  Status set_status(std::int64_t id, std::string_view status, std::optional<std::int64_t> decided_at);
  // kAlreadyExists when this reviewer already reviewed the nomination.
  Status add_review(std::int64_t nomination_id, std::int64_t reviewer_id, std::string_view decision,
                    std::string_view reason, std::int64_t at);
  Status add_payment(std::int64_t nomination_id, const RewardPayment& payment,
                     std::int64_t recorded_by);
  Result<std::vector<RewardReportRow>> report();

 private:
  Database& db_;
};

}  // namespace escudo::store
