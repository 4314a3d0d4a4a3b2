#include "store/database.h"

namespace escudo::store {

Result<std::optional<std::int64_t>> Database::query_int(std::string_view sql, SqlParams params) {
  std::optional<std::int64_t> out;
  bool first = true;
  ESCUDO_TRY(query(sql, params, [&](const Row& row) -> Status {
    if (first && !row.is_null(0)) out = row.get_int(0);
    first = false;
    return ok_status();
  }));
  return out;
}

Result<Transaction> Transaction::begin(Database& db, bool write) {
  ESCUDO_TRY(db.begin_transaction(write));
  return Transaction(&db);
}

Transaction::~Transaction() {
  if (db_ != nullptr) (void)db_->rollback();
}

Status Transaction::commit() {
  if (db_ == nullptr) return make_error(ErrorCode::kInternal, "transaction already finished");
  Database* db = std::exchange(db_, nullptr);
  auto status = db->commit();
  if (!status) (void)db->rollback();
  return status;
}

}  // namespace escudo::store
