#include "service/reward_service.h"

#include <algorithm>

#include "base/civil_date.h"
#include "base/utf8.h"
#include "model/tip.h"
#include "service/audit_service.h"
#include "store/case_repo.h"
#include "store/tip_repo.h"

namespace escudo::service {
namespace {

std::string object_of(std::int64_t id) { return fmt::format("reward:{}", id); }

Status check_text(std::string_view field, std::string_view text, std::size_t max, bool required) {
  if (required && text.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    return errorf(ErrorCode::kInvalidArgument, "'{}' is required", field);
  }
  if (text.size() > max) return errorf(ErrorCode::kInvalidArgument, "'{}' is longer than {} bytes", field, max);
  if (find_invalid_utf8(text)) return errorf(ErrorCode::kInvalidArgument, "'{}' is not valid UTF-8 text", field);
  return ok_status();
}

Result<CivilDate> past_date(std::string_view field, std::string_view text, std::int64_t now) {
  auto date = CivilDate::parse(text);
  if (!date) return errorf(ErrorCode::kInvalidArgument, "'{}' must be a date (YYYY-MM-DD)", field);
  if (*date > civil_date_from_unix_seconds(now)) {
    return errorf(ErrorCode::kInvalidArgument, "'{}' cannot be in the future", field);
  }
  return *date;
}

// Which outcomes each tier of the programme rewards (a tier added later accepts any).
bool outcome_fits(std::string_view tier, model::OutcomeKind kind) {
  using enum model::OutcomeKind;
  if (tier == "key_leader") return kind == kArrest || kind == kConviction;
  if (tier == "finances") return kind == kAssetSeizure || kind == kFinanceDisruption;
  if (tier == "regional_leader_death") return kind == kArrest || kind == kConviction || kind == kDeathLink;
  return true;
}

// The case event a nomination rests on: it must exist, be of the outcome's kind, and belong to a
// case that holds the tip. Returns the event's date.
Result<std::string> check_case_event(store::Database& db, std::int64_t event_id, std::int64_t tip_id,
                                     model::OutcomeKind kind) {
  using enum model::OutcomeKind;
  ESCUDO_ASSIGN_OR_RETURN(auto event, store::CaseRepo(db).find_event(event_id));
  if (!event) return errorf(ErrorCode::kInvalidArgument, "'case_event_id': there is no case event {}", event_id);
  std::string_view expected = kind == kArrest           ? "arrest"
                              : kind == kConviction     ? "conviction"
                              : kind == kDeathLink      ? "death_linked"
                                                        : "asset_seizure";
  if (event->kind != expected) {
    return errorf(ErrorCode::kInvalidArgument, "'case_event_id': event {} is of kind '{}', and the outcome needs '{}'", event_id,
                  event->kind, expected);
  }
  ESCUDO_ASSIGN_OR_RETURN(auto cases, store::TipRepo(db).cases_of(tip_id));
  if (std::ranges::find(cases, event->case_id) == cases.end()) {
    return errorf(ErrorCode::kInvalidArgument,
                  "'case_event_id': case {} does not hold tip {}; link the tip to the case first",
                  event->case_id, tip_id);
  }
  return event->happened_on;
}

}  // namespace

Result<std::vector<model::RewardTier>> RewardService::tiers(const Principal& principal) {
  ESCUDO_TRY(require(principal, model::Permission::kRewardsRead));
  auto db = pool_.acquire();
  return store::RewardRepo(*db).tiers();
}

Status RewardService::set_tier(const Actor& actor, const model::RewardTier& tier) {
  if (actor.principal != nullptr) {
    return make_error(ErrorCode::kPermissionDenied, "tiers are set on the server with `escudo rewards tier`");
  }
  ESCUDO_TRY(model::validate_tag(tier.code));
  ESCUDO_TRY(check_text("name", tier.name, 200, true));
  if (tier.ceiling_usd_cents <= 0) return make_error(ErrorCode::kInvalidArgument, "'ceiling' must be above zero");
  auto db = pool_.acquire();
  ESCUDO_ASSIGN_OR_RETURN(auto tx, store::Transaction::begin(*db));
  ESCUDO_TRY(store::RewardRepo(*db).set_tier(tier, clock_.now_unix_seconds()));
  ESCUDO_TRY(append_audit(*db, clock_, actor, "reward.tier", fmt::format("tier:{}", tier.code),
                          fmt::format("ceiling={}", model::format_usd(tier.ceiling_usd_cents))));
  return tx.commit();
}

Result<std::int64_t> RewardService::nominate(const Principal& principal,
                                             const NominationRequest& r) {
  ESCUDO_TRY(require(principal, model::Permission::kRewardsNominate));
  std::int64_t now = clock_.now_unix_seconds();
  ESCUDO_ASSIGN_OR_RETURN(model::OutcomeKind kind, model::parse_outcome_kind(r.outcome_kind));
  ESCUDO_TRY(check_text("outcome_reference", r.outcome_reference, 200, true));
  ESCUDO_TRY(check_text("justification", r.justification, 4000, true));
  if (r.case_event_id && *r.case_event_id <= 0) {
    return make_error(ErrorCode::kInvalidArgument, "'case_event_id' must be a positive id");
  }
  if (r.amount_usd_cents <= 0) return make_error(ErrorCode::kInvalidArgument, "'amount' must be above zero");
  auto db = pool_.acquire();
  ESCUDO_ASSIGN_OR_RETURN(auto tx, store::Transaction::begin(*db));
  store::RewardRepo rewards(*db);
  auto tier = rewards.tier(r.tier);
  if (!tier) return make_error(ErrorCode::kInvalidArgument, "'tier': " + tier.error().message());
  if (!outcome_fits(tier->code, kind)) {
    return errorf(ErrorCode::kInvalidArgument, "'outcome_kind': the tier '{}' does not reward {}",
                  tier->code, model::outcome_kind_name(kind));
  }
  if (r.amount_usd_cents > tier->ceiling_usd_cents) {
    return errorf(ErrorCode::kInvalidArgument, "'amount' is above the tier's ceiling of {}",
                  model::format_usd(tier->ceiling_usd_cents));
  }
  if (!store::TipRepo(*db).find(r.tip_id)) {
    return errorf(ErrorCode::kInvalidArgument, "'tip_id': there is no tip {}", r.tip_id);
  }
  // An outcome recorded in a case is taken from it: its date, and the check that it fits.
  std::string outcome_on = r.outcome_on;
  if (r.case_event_id) {
    ESCUDO_ASSIGN_OR_RETURN(std::string happened_on, check_case_event(*db, *r.case_event_id, r.tip_id, kind));
    if (!outcome_on.empty() && outcome_on != happened_on) {
      return errorf(ErrorCode::kInvalidArgument, "'outcome_on': the case event happened on {}, not {}",
                    happened_on, outcome_on);
    }
    outcome_on = happened_on;
  }
  ESCUDO_TRY(past_date("outcome_on", outcome_on, now));
  ESCUDO_ASSIGN_OR_RETURN(auto id, rewards.insert({.tip_id = r.tip_id,
                                                  .tier = tier->code,
                                                  .outcome_kind = std::string(model::outcome_kind_name(kind)),
                                                  .outcome_on = outcome_on,
                                                  .case_event_id = r.case_event_id,
                                                  .outcome_reference = r.outcome_reference,
                                                  .amount_usd_cents = r.amount_usd_cents,
                                                  .justification = r.justification,
                                                  .nominated_by = principal.user_id.value(),
                                                  .nominated_at = now}));
  ESCUDO_TRY(append_audit(*db, clock_, Actor::of(principal), "reward.nominate", object_of(id),
                          fmt::format("tip:{} tier={} outcome={} amount={}", r.tip_id, tier->code,
                                      model::outcome_kind_name(kind),
                                      model::format_usd(r.amount_usd_cents))));
  ESCUDO_TRY(tx.commit());
  return id;
}

Result<store::NominationRecord> RewardService::review(const Principal& principal, std::int64_t id,
                                                      bool approve, std::string_view reason) {
  ESCUDO_TRY(require(principal, model::Permission::kRewardsReview));
  ESCUDO_TRY(check_text("reason", reason, 2000, !approve));
  auto db = pool_.acquire();
  std::int64_t now = clock_.now_unix_seconds();
  ESCUDO_ASSIGN_OR_RETURN(auto tx, store::Transaction::begin(*db));
  store::RewardRepo rewards(*db);
  ESCUDO_ASSIGN_OR_RETURN(store::NominationRecord n, rewards.find(id));
  if (n.status != "proposed") {
    return errorf(ErrorCode::kFailedPrecondition, "reward nomination {} is {}, not waiting for review",
                  id, n.status);
  }
  if (n.nominated_by == principal.user_id.value()) {
    return make_error(ErrorCode::kFailedPrecondition,
                      "you proposed this reward, so two other committee members decide it",
                      "own_nomination");
  }
  for (const auto& r : n.reviews) {
    if (r.reviewer_id == principal.user_id.value()) {
      return make_error(ErrorCode::kFailedPrecondition,
                        "you already reviewed this nomination; another committee member must "
                        "give the second approval",
                        "already_reviewed");
    }
  }
  ESCUDO_TRY(rewards.add_review(id, principal.user_id.value(), approve ? "approve" : "reject", reason, now));
  int approvals = approve ? 1 : 0;
  for (const auto& r : n.reviews) approvals += r.decision == "approve" ? 1 : 0;
  std::string status = "proposed";
  if (!approve) {
    status = "rejected";
  } else if (approvals >= model::kApprovalsNeeded) {
    status = "approved";
  }
  if (status != "proposed") ESCUDO_TRY(rewards.set_status(id, status, now));
  ESCUDO_TRY(append_audit(*db, clock_, Actor::of(principal), approve ? "reward.approve" : "reward.reject",
                          object_of(id), fmt::format("approvals={} status={}", approvals, status)));
  ESCUDO_ASSIGN_OR_RETURN(auto updated, rewards.find(id));
  ESCUDO_TRY(tx.commit());
  return updated;
}

Result<store::NominationRecord> RewardService::pay(const Principal& principal, std::int64_t id,
                                                   const PaymentRequest& p) {
  ESCUDO_TRY(require(principal, model::Permission::kRewardsPay));
  std::int64_t now = clock_.now_unix_seconds();
  ESCUDO_TRY(past_date("paid_on", p.paid_on, now));
  ESCUDO_TRY(check_text("reference", p.reference, 200, true));
  if (p.amount_usd_cents <= 0) return make_error(ErrorCode::kInvalidArgument, "'amount' must be above zero");
  auto db = pool_.acquire();
  ESCUDO_ASSIGN_OR_RETURN(auto tx, store::Transaction::begin(*db));
  store::RewardRepo rewards(*db);
  ESCUDO_ASSIGN_OR_RETURN(store::NominationRecord n, rewards.find(id));
  if (n.status != "approved") {
    return errorf(ErrorCode::kFailedPrecondition,
                  "reward nomination {} is {}; only an approved reward can be paid", id, n.status);
  }
  ESCUDO_ASSIGN_OR_RETURN(model::RewardTier tier, rewards.tier(n.tier));
  if (p.amount_usd_cents > tier.ceiling_usd_cents) {
    return errorf(ErrorCode::kInvalidArgument, "'amount' is above the tier's ceiling of {}",
                  model::format_usd(tier.ceiling_usd_cents));
  }
  if (p.amount_usd_cents > n.amount_usd_cents) {
    return errorf(ErrorCode::kInvalidArgument, "'amount' is above the approved {}",
                  model::format_usd(n.amount_usd_cents));
  }
  ESCUDO_TRY(rewards.add_payment(id, {p.amount_usd_cents, p.paid_on, p.reference, "", now},
                                 principal.user_id.value()));
  ESCUDO_TRY(rewards.set_status(id, "paid", std::nullopt));
  ESCUDO_TRY(append_audit(*db, clock_, Actor::of(principal), "reward.pay", object_of(id),
                          fmt::format("amount={} on={}", model::format_usd(p.amount_usd_cents), p.paid_on)));
  ESCUDO_ASSIGN_OR_RETURN(auto updated, rewards.find(id));
  ESCUDO_TRY(tx.commit());
  return updated;
}

Result<std::vector<store::NominationRecord>> RewardService::list(const Principal& principal,
                                                                 std::optional<std::string> status) {
  ESCUDO_TRY(require(principal, model::Permission::kRewardsRead));
  if (status) ESCUDO_TRY(model::parse_nomination_status(*status));
  auto db = pool_.acquire();
  return store::RewardRepo(*db).list(std::move(status), /*full=*/false);
}

Result<store::NominationRecord> RewardService::get(const Principal& principal, std::int64_t id) {
  ESCUDO_TRY(require(principal, model::Permission::kRewardsRead));
  auto db = pool_.acquire();
  return store::RewardRepo(*db).find(id);
}

Result<std::vector<store::RewardReportRow>> RewardService::report(const Actor& actor) {
  if (actor.principal != nullptr) ESCUDO_TRY(require(*actor.principal, model::Permission::kRewardsRead));
  auto db = pool_.acquire();
  return store::RewardRepo(*db).report();
}

}  // namespace escudo::service
