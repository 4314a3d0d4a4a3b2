// The tables of protection needs and returns (migration 0009): claims, trafficking
// assessments, best-interest assessments, referrals, return decisions, their overrides,
// manifests and the stops safeguards made. Rules live in the service (ReturnService); this is
// storage only.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.h"

namespace escudo::store {

// What the safeguards need to know of a registered person.
struct PersonFacts {
  std::int64_t id = 0;
  std::string nationality;
  std::string age_group;  // "child", "adult", "unknown"
  std::optional<std::string> birth_date;
  std::string registered_on;
};

struct ClaimRecord {
  std::int64_t id = 0;
  std::int64_t person_id = 0;
  std::string lodged_on;
  std::string status;
  std::optional<std::string> decided_on;
  std::string decision_note;
  std::optional<std::string> appealed_on;
  std::int64_t updated_at = 0;
  std::string updated_by;
};

struct TraffickingRecord {
  std::int64_t id = 0;
  std::int64_t person_id = 0;
  std::vector<std::string> indicators;
  std::string outcome;
  std::string assessed_on;
  std::int64_t assessed_at = 0;
  std::string assessed_by;
};

struct BestInterestRecord {
  std::int64_t id = 0;
  std::int64_t person_id = 0;
  std::string status;
  std::string recommendation;
  std::string note;
  std::int64_t updated_at = 0;
  std::string updated_by;
};

struct ReferralRecord {
  std::int64_t id = 0;
  std::int64_t person_id = 0;
  std::string partner;
  std::string service;
  bool consent = false;
  std::string consent_note;
  std::int64_t referred_at = 0;
  std::string referred_by;
};

struct ReturnRecord {
  std::int64_t id = 0;
  std::int64_t person_id = 0;
  std::string receiving_country;
  std::string reason;
  std::optional<std::int64_t> rule_version;
  bool voluntary = false;
  std::string status;  // decided, executed, stopped, cancelled
  std::optional<std::int64_t> manifest_id;
  std::int64_t decided_at = 0;
  std::string decided_by;
  std::optional<std::int64_t> executed_at;
  std::string executed_by;
  std::string stopped_reason;
};

struct OverrideRecord {
  std::int64_t id = 0;
  std::int64_t return_id = 0;
  std::string ground;
  std::string statement;
  std::string requested_by;
  std::int64_t requested_at = 0;
  std::string approved_by;  // empty until approved
  std::optional<std::int64_t> approved_at;
};

struct ManifestRecord {
  std::int64_t id = 0;
  std::string mode;
  std::string receiving_country;
  std::string departs_on;
  std::string escort;
  std::string status;
  std::int64_t created_at = 0;
  std::string created_by;
};

// One row of the figures: a count by kind, nationality and month.
struct FigureRow {
  std::string measure;  // "screenings", "hits", "claims", "decisions:<status>", "returns",
                        // "stopped:<safeguard>"
  std::string nationality;
  std::string month;    // YYYY-MM
  std::int64_t count = 0;
};

class ProtectionRepo {
 public:
  explicit ProtectionRepo(Database& db) : db_(db) {}

  Result<std::optional<PersonFacts>> person(std::int64_t person_id);

  Result<std::int64_t> insert_claim(const ClaimRecord& c);
  // kNotFound naming the id.
  Result<ClaimRecord> claim(std::int64_t id);
  Result<std::vector<ClaimRecord>> claims_of(std::int64_t person_id);
  Status update_claim(const ClaimRecord& c);

  Result<std::int64_t> insert_trafficking(const TraffickingRecord& t);
  Result<std::vector<TraffickingRecord>> trafficking_of(std::int64_t person_id);  // newest first

  Result<std::int64_t> insert_best_interest(const BestInterestRecord& b);
  Result<std::vector<BestInterestRecord>> best_interest_of(std::int64_t person_id);  // newest first

  Result<std::int64_t> insert_referral(const ReferralRecord& r);
  Result<std::vector<ReferralRecord>> referrals_of(std::int64_t person_id);

  Result<std::int64_t> insert_return(const ReturnRecord& r);
  Result<ReturnRecord> return_decision(std::int64_t id);  // kNotFound naming the id
  Result<std::vector<ReturnRecord>> returns_of(std::int64_t person_id);
  Result<std::vector<ReturnRecord>> returns_on_manifest(std::int64_t manifest_id);
  Status update_return(const ReturnRecord& r);

  Result<std::int64_t> insert_override(const OverrideRecord& o);
  Result<std::vector<OverrideRecord>> overrides_of(std::int64_t return_id);
  Status approve_override(std::int64_t id, const std::string& by, std::int64_t at);

  Result<std::int64_t> insert_manifest(const ManifestRecord& m);
  Result<ManifestRecord> manifest(std::int64_t id);  // kNotFound naming the id
  Result<std::vector<ManifestRecord>> manifests();
  Status set_manifest_status(std::int64_t id, const std::string& status);

  Status insert_stop(std::int64_t person_id, std::optional<std::int64_t> return_id,
                     const std::string& safeguard, const std::string& stage, std::int64_t at,
                     const std::string& by);

  // Counts by nationality and month (from `from_month` to `to_month`, YYYY-MM, inclusive).
  Result<std::vector<FigureRow>> figures(const std::string& from_month, const std::string& to_month);

 private:
  Database& db_;
};

}  // namespace escudo::store
