// An audit entry: who did what to which record, when. Entries are append-only and chained by
// hash (see crypto/hash_chain.h); canonical_text() is what the hash covers.
#pragma once

#include <cstdint>
#include <string>

#include "base/ids.h"

namespace escudo::model {

struct AuditEntry {
  AuditEntryId id;
  std::int64_t at = 0;     // unix seconds
  std::string actor;       // user name, or "system" / "cli:<os user>"
  std::string action;      // "user.create", "session.login", "transits.import", …
  std::string object;      // "user:12", "import:3", …
  std::string detail;      // short, never a secret and never a migrant's identity
  std::string previous_hash;
  std::string hash;
};

// The text the hash covers: every field but the hashes, each escaped, in a fixed order.
std::string canonical_text(const AuditEntry& entry);

}  // namespace escudo::model
