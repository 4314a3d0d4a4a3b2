// Returns with safeguards. A return is decided for one person (receiving country, the reason,
// the entry-rule version it applied), put on a manifest (a bus or a flight, its escort) and
// executed. The safeguards of model::return_blocks() are checked here, the one place every path
// (the API, the command line, the pages) goes through: when a return is decided, and again when
// it is executed, inside the same transaction that marks it executed, so a claim lodged in
// between stops it. No permission lifts a safeguard, an administrator's included. Every stop is
// recorded (safeguard_stops) with its reason and counted in the figures.
//
// The one lawful exception is a voluntary return the person asked for: one officer records the
// person's request (request_override), a different officer approves it (approve_override); it
// then lifts the safeguards voluntary_return_lifts() allows, never a child's.
//
//   auto r = returns.decide(registrar, {.person_id = 7, .receiving_country = "COL", .reason = …});
//   auto m = returns.create_manifest(commander, {.mode = "bus", .receiving_country = "COL", …});
//   returns.add_to_manifest(commander, m->id, r->id);
//   auto report = returns.execute_manifest(commander, m->id);   // who went, who was stopped, why
//
// Thread-safe.
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

struct ReturnRequest {
  std::int64_t person_id = 0;
  std::string receiving_country;  // ISO 3166 alpha-3
  std::string reason;
  std::optional<std::int64_t> rule_version;  // the entry-rule version the decision applied
  bool voluntary = false;  // the person asked to go back (needs an approved override)
};

struct ManifestRequest {
  std::string mode;  // "bus" or "flight"
  std::string receiving_country;
  std::string departs_on;  // YYYY-MM-DD
  std::string escort;
};

struct SafeguardCheck {
  std::vector<model::SafeguardBlock> blocks;  // every safeguard that applies now
  std::vector<bool> lifted;                   // by block: lifted by an approved override
  bool allowed() const;
  // "a protection claim is pending: …; a recognised victim of trafficking"
  std::string reasons() const;
};

struct ExecutionOutcome {
  store::ReturnRecord decision;
  bool executed = false;
  std::string stopped_reason;  // when not executed
};

class ReturnService {
 public:
  ReturnService(store::DatabasePool& pool, const Clock& clock) : pool_(pool), clock_(clock) {}

  // What would stop returning the person now. returns.decide, returns.execute or
  // protection.manage. kNotFound for an unknown person.
  Result<SafeguardCheck> check(const Actor& actor, std::int64_t person_id);

  // returns.decide. kFailedPrecondition (reason "safeguard") naming every safeguard that
  // forbids it, after recording the stop; a voluntary request goes ahead when each of them is
  // one a voluntary return may lift, and waits for the override. kInvalidArgument naming a bad
  // field.
  Result<store::ReturnRecord> decide(const Actor& actor, const ReturnRequest& request);
  // returns.decide, signed-in officers only. The person's statement is required.
  Result<store::OverrideRecord> request_override(const Principal& officer, std::int64_t return_id,
                                                 const std::string& statement);
  // returns.decide, signed-in officers only. kFailedPrecondition (reason "same_officer") when
  // the approver requested it.
  Result<store::OverrideRecord> approve_override(const Principal& officer, std::int64_t return_id);

  // returns.execute.
  Result<store::ManifestRecord> create_manifest(const Actor& actor, const ManifestRequest& request);
  Result<store::ReturnRecord> add_to_manifest(const Actor& actor, std::int64_t manifest_id,
                                              std::int64_t return_id);
  Result<std::vector<store::ManifestRecord>> manifests(const Actor& actor);
  Result<std::vector<store::ReturnRecord>> manifest_returns(const Actor& actor, std::int64_t manifest_id);

  // returns.execute. Checks the safeguards again and executes, or stops the return and
  // records why (the stop is kept: the result is an outcome, not an error).
  Result<ExecutionOutcome> execute(const Actor& actor, std::int64_t return_id);
  // Every return on the manifest, each checked on its own; the manifest is then executed.
  Result<std::vector<ExecutionOutcome>> execute_manifest(const Actor& actor, std::int64_t manifest_id);

  // returns.decide. A decided return not yet executed is cancelled.
  Result<store::ReturnRecord> cancel(const Actor& actor, std::int64_t return_id, const std::string& why);

  // screening.figures: counts by measure, nationality and month; no names.
  Result<std::vector<store::FigureRow>> figures(const Actor& actor, const std::string& from_month,
                                                const std::string& to_month);

 private:
  Result<ExecutionOutcome> execute_in(store::Database& db, const Actor& actor,
                                      store::ReturnRecord r, std::int64_t now);
  store::DatabasePool& pool_;
  const Clock& clock_;
};

}  // namespace escudo::service
