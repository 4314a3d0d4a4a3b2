// The audit log's storage: append and read, never update or delete (the schema's triggers
// refuse both). The hash chain itself is computed by the service layer.
#pragma once

#include <functional>
#include <optional>
#include <vector>

#include "model/audit.h"
#include "store/database.h"

namespace escudo::store {

class AuditRepo {
 public:
  explicit AuditRepo(Database& db) : db_(db) {}

  // The newest entry, nullopt for an empty log.
  Result<std::optional<model::AuditEntry>> last();
  // Stores `entry` with its id, hashes and all. kAlreadyExists when the id is taken (another
  // writer appended first; the caller's transaction prevents that).
  Status append(const model::AuditEntry& entry);
  // Newest first, at most `limit`, with id below `before_id` when given.
  Result<std::vector<model::AuditEntry>> list(int limit, std::optional<std::int64_t> before_id);
  // Every entry in id order, for verification; stops at the first error `visit` returns.
  Status for_each(const std::function<Status(const model::AuditEntry&)>& visit);

 private:
  Database& db_;
};

}  // namespace escudo::store
