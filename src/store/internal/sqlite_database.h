// The SQLite backend of store::Database. Private to src/store.
#pragma once

#include <sqlite3.h>

#include <list>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "store/database.h"

namespace escudo::store::internal {

class SqliteDatabase final : public Database {
 public:
  static Result<std::unique_ptr<SqliteDatabase>> open(const std::string& path,
                                                      const DatabaseOptions& options);
  ~SqliteDatabase() override;

  Status execute(std::string_view sql, std::span<const SqlValue> params) override;
  Status query(std::string_view sql, std::span<const SqlValue> params,
               const RowCallback& on_row) override;
  Status execute_script(std::string_view sql) override;
  Status begin_transaction(bool write) override;
  Status commit() override;
  Status rollback() override;
  std::string_view backend() const override { return "sqlite"; }
  Status checkpoint() override;

 private:
  struct CachedStatement {
    sqlite3_stmt* stmt = nullptr;
    std::vector<int> param_index;  // param_index[i] = bind index of "$<i+1>", 0 when absent
    bool in_use = false;
  };

  SqliteDatabase(sqlite3* db, DatabaseOptions options) : db_(db), options_(options) {}
  Result<CachedStatement*> prepare(std::string_view sql);
  void release(CachedStatement* statement);
  void finalize_if_uncached(CachedStatement* statement);
  Status bind(CachedStatement& statement, std::span<const SqlValue> params);
  std::unexpected<Error> error_from(int rc, std::string_view doing) const;

  sqlite3* db_;
  DatabaseOptions options_;
  std::unique_lock<std::mutex> write_guard_;  // held from BEGIN IMMEDIATE to COMMIT/ROLLBACK
  // Most recently used first. A statement already in use (the same SQL run again inside a
  // row callback) is prepared afresh and finalised after use instead.
  std::list<std::pair<std::string, std::unique_ptr<CachedStatement>>> lru_;
  std::unordered_map<std::string_view, decltype(lru_)::iterator> cache_;
};

}  // namespace escudo::store::internal
