// The audit trail: who read and changed what. Every change is recorded in the same transaction
// as the change itself, so there is no change without its entry. Entries are chained by hash;
// verify() walks the chain and names the first entry that does not hold.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/clock.h"
#include "model/audit.h"
#include "service/principal.h"
#include "store/database.h"
#include "store/pool.h"

namespace escudo::service {

struct AuditVerification {
  bool ok = true;
  std::int64_t entries = 0;
  std::optional<std::int64_t> first_broken;  // id of the first entry that fails
  std::string reason;                        // why it fails
  std::string head_hash;                     // the last good hash: record it elsewhere to
                                             // detect a removed tail later
};

// Appends one entry to the chain. Precondition: `db` is inside a write transaction (which also
// keeps two writers from chaining to the same previous entry).
Status append_audit(store::Database& db, const Clock& clock, const Actor& actor,
                    std::string_view action, std::string_view object, std::string_view detail);

class AuditService {
 public:
  AuditService(store::DatabasePool& pool, const Clock& clock) : pool_(pool), clock_(clock) {}

  // Needs audit.read. Newest first; `limit` is clamped to 1..500. The read is itself audited.
  Result<std::vector<model::AuditEntry>> list(const Principal& principal, int limit,
                                              std::optional<std::int64_t> before_id);
  // Needs audit.read when a principal is given; the command line may always verify.
  Result<AuditVerification> verify(const Principal* principal);

 private:
  store::DatabasePool& pool_;
  const Clock& clock_;
};

}  // namespace escudo::service
