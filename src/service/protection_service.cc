#include "service/protection_service.h"

#include <fmt/format.h>

#include "base/civil_date.h"
#include "model/registration.h"
#include "service/audit_service.h"

namespace escudo::service {
namespace {

CivilDate today(std::int64_t now) {
  return CivilDate::from_days(static_cast<std::int32_t>(now / 86'400));
}

Result<CivilDate> past_day(std::string_view field, std::string_view text, std::int64_t now) {
  auto d = CivilDate::parse(text);
  if (!d) {
    return errorf(ErrorCode::kInvalidArgument, "'{}': '{}' is not a day (YYYY-MM-DD)", field,
                  text.substr(0, 40));
  }
  if (d->days_since_epoch() > today(now).days_since_epoch()) {
    return errorf(ErrorCode::kInvalidArgument, "'{}': {} is in the future", field, text);
  }
  return *d;
}

Status check_text(std::string_view field, std::string_view text, std::size_t max, bool required) {
  if (required && text.empty()) return errorf(ErrorCode::kInvalidArgument, "'{}' is required", field);
  if (text.size() > max) {
    return errorf(ErrorCode::kInvalidArgument, "'{}' is longer than {} characters", field, max);
  }
  return ok_status();
}

bool is_child(const store::PersonFacts& p, std::int64_t now) {
  if (p.age_group == "child") return true;
  if (!p.birth_date) return false;
  auto born = CivilDate::parse(*p.birth_date);
  if (!born) return false;
  CivilDate t = today(now);
  int age = t.year() - born->year();
  if (t.month() < born->month() || (t.month() == born->month() && t.day() < born->day())) --age;
  return age < model::kAdultAge;
}

Result<store::PersonFacts> person_or_error(store::ProtectionRepo& repo, std::int64_t person_id) {
  ESCUDO_ASSIGN_OR_RETURN(auto p, repo.person(person_id));
  if (!p) return errorf(ErrorCode::kNotFound, "there is no registered person {}", person_id);
  return *p;
}

std::string person_object(std::int64_t id) { return fmt::format("person:{}", id); }

}  // namespace

Status allowed(const Actor& actor, model::Permission permission) {
  return actor.principal != nullptr ? require(*actor.principal, permission) : ok_status();
}

Result<model::ProtectionState> protection_state(store::ProtectionRepo& repo, std::int64_t person_id,
                                                std::int64_t now) {
  ESCUDO_ASSIGN_OR_RETURN(store::PersonFacts p, person_or_error(repo, person_id));
  model::ProtectionState s;
  s.child = is_child(p, now);
  ESCUDO_ASSIGN_OR_RETURN(auto claims, repo.claims_of(person_id));
  for (const auto& c : claims) {
    ESCUDO_ASSIGN_OR_RETURN(model::ClaimStatus status, model::parse_claim_status(c.status));
    s.claims.push_back(status);
  }
  ESCUDO_ASSIGN_OR_RETURN(auto trafficking, repo.trafficking_of(person_id));
  if (!trafficking.empty()) {
    ESCUDO_ASSIGN_OR_RETURN(s.trafficking, model::parse_trafficking_outcome(trafficking.front().outcome));
  }
  ESCUDO_ASSIGN_OR_RETURN(auto bia, repo.best_interest_of(person_id));
  if (!bia.empty()) {
    ESCUDO_ASSIGN_OR_RETURN(s.best_interest, model::parse_best_interest_status(bia.front().status));
    ESCUDO_ASSIGN_OR_RETURN(s.recommendation,
                            model::parse_best_interest_recommendation(bia.front().recommendation));
  }
  return s;
}

Result<store::ClaimRecord> ProtectionService::lodge_claim(const Actor& actor, std::int64_t person_id,
                                                          const std::string& lodged_on) {
  ESCUDO_TRY(allowed(actor, model::Permission::kProtectionManage));
  const std::int64_t now = clock_.now_unix_seconds();
  ESCUDO_TRY(past_day("lodged_on", lodged_on, now));
  auto db = pool_.acquire();
  ESCUDO_ASSIGN_OR_RETURN(auto tx, store::Transaction::begin(*db));
  store::ProtectionRepo repo(*db);
  ESCUDO_TRY(person_or_error(repo, person_id));
  store::ClaimRecord c{.person_id = person_id, .lodged_on = lodged_on, .status = "pending",
                       .updated_at = now, .updated_by = actor.name};
  ESCUDO_ASSIGN_OR_RETURN(c.id, repo.insert_claim(c));
  ESCUDO_TRY(append_audit(*db, clock_, actor, "protection.claim.lodge", person_object(person_id),
                          fmt::format("claim={} lodged_on={}", c.id, lodged_on)));
  ESCUDO_TRY(tx.commit());
  return c;
}

Result<store::ClaimRecord> ProtectionService::update_claim(const Actor& actor, std::int64_t claim_id,
                                                           model::ClaimStatus to,
                                                           const std::string& on,
                                                           const std::string& note) {
  ESCUDO_TRY(allowed(actor, model::Permission::kProtectionManage));
  const std::int64_t now = clock_.now_unix_seconds();
  ESCUDO_TRY(past_day("on", on, now));
  ESCUDO_TRY(check_text("note", note, 2000, false));
  auto db = pool_.acquire();
  ESCUDO_ASSIGN_OR_RETURN(auto tx, store::Transaction::begin(*db));
  store::ProtectionRepo repo(*db);
  ESCUDO_ASSIGN_OR_RETURN(store::ClaimRecord c, repo.claim(claim_id));
  ESCUDO_ASSIGN_OR_RETURN(model::ClaimStatus from, model::parse_claim_status(c.status));
  ESCUDO_TRY(model::check_claim_transition(from, to));
  if (on < c.lodged_on) {
    return errorf(ErrorCode::kInvalidArgument, "'on': {} is before the claim was lodged ({})", on,
                  c.lodged_on);
  }
  c.status = std::string(model::claim_status_name(to));
  if (to == model::ClaimStatus::kUnderAppeal) {
    c.appealed_on = on;
  } else {
    c.decided_on = on;
    c.decision_note = note;
  }
  c.updated_at = now;
  c.updated_by = actor.name;
  ESCUDO_TRY(repo.update_claim(c));
  ESCUDO_TRY(append_audit(*db, clock_, actor, "protection.claim.update", person_object(c.person_id),
                          fmt::format("claim={} {}->{} on={}", c.id, model::claim_status_name(from),
                                      c.status, on)));
  ESCUDO_TRY(tx.commit());
  return c;
}

Result<store::TraffickingRecord> ProtectionService::assess_trafficking(
    const Actor& actor, std::int64_t person_id, const std::vector<std::string>& indicators,
    model::TraffickingOutcome outcome, const std::string& assessed_on) {
  ESCUDO_TRY(allowed(actor, model::Permission::kProtectionManage));
  const std::int64_t now = clock_.now_unix_seconds();
  ESCUDO_TRY(past_day("assessed_on", assessed_on, now));
  for (const auto& i : indicators) {
    auto ok = model::check_trafficking_indicator(i);
    if (!ok) return std::unexpected(ok.error().with_context("'indicators'"));
  }
  if (outcome == model::TraffickingOutcome::kNoIndicators && !indicators.empty()) {
    return make_error(ErrorCode::kInvalidArgument,
                      "'outcome' is no_indicators but indicators are ticked; choose suspected, "
                      "recognised or not_a_victim");
  }
  auto db = pool_.acquire();
  ESCUDO_ASSIGN_OR_RETURN(auto tx, store::Transaction::begin(*db));
  store::ProtectionRepo repo(*db);
  ESCUDO_TRY(person_or_error(repo, person_id));
  store::TraffickingRecord t{.person_id = person_id, .indicators = indicators,
                             .outcome = std::string(model::trafficking_outcome_name(outcome)),
                             .assessed_on = assessed_on, .assessed_at = now,
                             .assessed_by = actor.name};
  ESCUDO_ASSIGN_OR_RETURN(t.id, repo.insert_trafficking(t));
  ESCUDO_TRY(append_audit(*db, clock_, actor, "protection.trafficking.assess",
                          person_object(person_id),
                          fmt::format("outcome={} indicators={}", t.outcome, indicators.size())));
  ESCUDO_TRY(tx.commit());
  return t;
}

Result<store::BestInterestRecord> ProtectionService::record_best_interest(
    const Actor& actor, std::int64_t person_id, model::BestInterestStatus status,
    model::BestInterestRecommendation r, const std::string& note) {
  ESCUDO_TRY(allowed(actor, model::Permission::kProtectionManage));
  ESCUDO_TRY(check_text("note", note, 4000, false));
  if (status == model::BestInterestStatus::kNone) {
    return make_error(ErrorCode::kInvalidArgument, "'status' is open or completed");
  }
  if (status == model::BestInterestStatus::kCompleted && r == model::BestInterestRecommendation::kNone) {
    return make_error(ErrorCode::kInvalidArgument,
                      "'recommendation' is required for a completed assessment: return, stay or "
                      "other_solution");
  }
  if (status == model::BestInterestStatus::kOpen && r != model::BestInterestRecommendation::kNone) {
    return make_error(ErrorCode::kInvalidArgument,
                      "an open assessment has no recommendation yet; complete it to recommend");
  }
  const std::int64_t now = clock_.now_unix_seconds();
  auto db = pool_.acquire();
  ESCUDO_ASSIGN_OR_RETURN(auto tx, store::Transaction::begin(*db));
  store::ProtectionRepo repo(*db);
  ESCUDO_ASSIGN_OR_RETURN(store::PersonFacts p, person_or_error(repo, person_id));
  if (!is_child(p, now)) {
    return errorf(ErrorCode::kFailedPrecondition,
                  "person {} is not a child; best-interest assessments are for children", person_id);
  }
  store::BestInterestRecord b{.person_id = person_id,
                              .status = std::string(model::best_interest_status_name(status)),
                              .recommendation = std::string(model::best_interest_recommendation_name(r)),
                              .note = note, .updated_at = now, .updated_by = actor.name};
  ESCUDO_ASSIGN_OR_RETURN(b.id, repo.insert_best_interest(b));
  ESCUDO_TRY(append_audit(*db, clock_, actor, "protection.best_interest", person_object(person_id),
                          fmt::format("status={} recommendation={}", b.status, b.recommendation)));
  ESCUDO_TRY(tx.commit());
  return b;
}

Result<store::ReferralRecord> ProtectionService::refer(const Actor& actor, std::int64_t person_id,
                                                       const std::string& partner,
                                                       const std::string& service, bool consent,
                                                       const std::string& consent_note) {
  ESCUDO_TRY(allowed(actor, model::Permission::kProtectionManage));
  ESCUDO_TRY(check_text("partner", partner, 200, true));
  ESCUDO_TRY(check_text("service", service, 200, true));
  ESCUDO_TRY(check_text("consent_note", consent_note, 2000, false));
  if (!consent) {
    return make_error(ErrorCode::kFailedPrecondition,
                      "the person has not consented to the referral; nothing is shared without "
                      "consent",
                      "no_consent");
  }
  const std::int64_t now = clock_.now_unix_seconds();
  auto db = pool_.acquire();
  ESCUDO_ASSIGN_OR_RETURN(auto tx, store::Transaction::begin(*db));
  store::ProtectionRepo repo(*db);
  ESCUDO_TRY(person_or_error(repo, person_id));
  store::ReferralRecord r{.person_id = person_id, .partner = partner, .service = service,
                          .consent = true, .consent_note = consent_note, .referred_at = now,
                          .referred_by = actor.name};
  ESCUDO_ASSIGN_OR_RETURN(r.id, repo.insert_referral(r));
  ESCUDO_TRY(append_audit(*db, clock_, actor, "protection.refer", person_object(person_id),
                          fmt::format("partner={} service={}", partner, service)));
  ESCUDO_TRY(tx.commit());
  return r;
}

Result<PersonFile> ProtectionService::file(const Principal& principal, std::int64_t person_id) {
  if (!principal.can(model::Permission::kIdentityRead) &&
      !principal.can(model::Permission::kProtectionManage)) {
    ESCUDO_TRY(require(principal, model::Permission::kIdentityRead));
  }
  const std::int64_t now = clock_.now_unix_seconds();
  auto db = pool_.acquire();
  ESCUDO_ASSIGN_OR_RETURN(auto tx, store::Transaction::begin(*db));
  store::ProtectionRepo repo(*db);
  PersonFile f;
  ESCUDO_ASSIGN_OR_RETURN(f.person, person_or_error(repo, person_id));
  f.child = is_child(f.person, now);
  ESCUDO_ASSIGN_OR_RETURN(f.claims, repo.claims_of(person_id));
  ESCUDO_ASSIGN_OR_RETURN(f.trafficking, repo.trafficking_of(person_id));
  ESCUDO_ASSIGN_OR_RETURN(f.best_interest, repo.best_interest_of(person_id));
  ESCUDO_ASSIGN_OR_RETURN(f.referrals, repo.referrals_of(person_id));
  ESCUDO_ASSIGN_OR_RETURN(f.returns, repo.returns_of(person_id));
  ESCUDO_ASSIGN_OR_RETURN(model::ProtectionState s, protection_state(repo, person_id, now));
  f.safeguards = model::return_blocks(s);
  ESCUDO_TRY(append_audit(*db, clock_, Actor::of(principal), "protection.file.read",
                          person_object(person_id), ""));
  ESCUDO_TRY(tx.commit());
  return f;
}

}  // namespace escudo::service
