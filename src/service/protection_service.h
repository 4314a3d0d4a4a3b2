// Protection needs of registered people: protection (asylum) claims with their decisions and
// appeals, the trafficking indicators checklist, best-interest assessments of children, and
// referrals to protection partners (only with the person's consent, recorded). Every change is
// audited; reading a person's file is audited too. What these records say is what the return
// safeguards read (ReturnService).
//
//   auto claim = protection.lodge_claim(officer, person_id, "2026-03-02");
//   protection.update_claim(officer, claim->id, model::ClaimStatus::kRejected, "2026-04-10", "…");
//   protection.assess_trafficking(officer, person_id, {"debt_bondage"}, kSuspected, "2026-03-02");
//
// Changes need protection.manage (the command line may make them too); the file needs
// identity.read or protection.manage. Thread-safe.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/clock.h"
#include "model/protection.h"
#include "service/principal.h"
#include "store/pool.h"
#include "store/protection_repo.h"

namespace escudo::service {

struct PersonFile {
  store::PersonFacts person;
  bool child = false;
  std::vector<store::ClaimRecord> claims;
  std::vector<store::TraffickingRecord> trafficking;     // newest first
  std::vector<store::BestInterestRecord> best_interest;  // newest first
  std::vector<store::ReferralRecord> referrals;
  std::vector<store::ReturnRecord> returns;
  // What would stop a return today, with the reasons.
  std::vector<model::SafeguardBlock> safeguards;
};

class ProtectionService {
 public:
  ProtectionService(store::DatabasePool& pool, const Clock& clock) : pool_(pool), clock_(clock) {}

  // kNotFound for an unknown person; kInvalidArgument naming a date that is not YYYY-MM-DD or
  // lies in the future.
  Result<store::ClaimRecord> lodge_claim(const Actor& actor, std::int64_t person_id,
                                         const std::string& lodged_on);
  // A decision (recognised, rejected), an appeal (under_appeal), the end of the appeal
  // (recognised, rejected_final) or a withdrawal, dated `on`. kFailedPrecondition for a move
  // the claim cannot make (model::check_claim_transition).
  Result<store::ClaimRecord> update_claim(const Actor& actor, std::int64_t claim_id,
                                          model::ClaimStatus to, const std::string& on,
                                          const std::string& note);
  // kInvalidArgument naming an indicator not on the checklist, or an outcome "no_indicators"
  // with indicators ticked.
  Result<store::TraffickingRecord> assess_trafficking(const Actor& actor, std::int64_t person_id,
                                                      const std::vector<std::string>& indicators,
                                                      model::TraffickingOutcome outcome,
                                                      const std::string& assessed_on);
  // Children only (kFailedPrecondition otherwise). A completed assessment needs a
  // recommendation; an open one has none.
  Result<store::BestInterestRecord> record_best_interest(const Actor& actor, std::int64_t person_id,
                                                         model::BestInterestStatus status,
                                                         model::BestInterestRecommendation r,
                                                         const std::string& note);
  // kFailedPrecondition without the person's consent: nothing leaves the file then.
  Result<store::ReferralRecord> refer(const Actor& actor, std::int64_t person_id,
                                      const std::string& partner, const std::string& service,
                                      bool consent, const std::string& consent_note);

  Result<PersonFile> file(const Principal& principal, std::int64_t person_id);

 private:
  store::DatabasePool& pool_;
  const Clock& clock_;
};

// What the safeguards know of a person now, read inside the caller's transaction.
// kNotFound for an unknown person.
Result<model::ProtectionState> protection_state(store::ProtectionRepo& repo, std::int64_t person_id,
                                                std::int64_t now_unix_seconds);

// The actor may do this: a principal holding the permission, or the command line.
Status allowed(const Actor& actor, model::Permission permission);

}  // namespace escudo::service
