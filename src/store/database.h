// store::Database: the one interface every repository talks to. It speaks one SQL dialect,
// the common ground of SQLite and PostgreSQL: `$1, $2…` placeholders, `INSERT … RETURNING id`,
// `ON CONFLICT … DO UPDATE`, ISO text for months and dates, integers for times (unix seconds).
// A PostgreSQL backend implements this same interface; callers do not change.
//
//   ESCUDO_ASSIGN_OR_RETURN(auto db, store::open_sqlite("escudo.db"));   // migrates on open
//   ESCUDO_ASSIGN_OR_RETURN(auto tx, store::Transaction::begin(*db));
//   ESCUDO_TRY(db->execute("UPDATE users SET disabled = $1 WHERE id = $2", {1, id}));
//   ESCUDO_TRY(tx.commit());                 // a Transaction not committed rolls back
//
// A Database is one connection: not thread-safe. Threads each take one from a DatabasePool.
#pragma once

#include <cstdint>
#include <functional>
#include <initializer_list>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>

#include "base/status.h"

namespace escudo::store {

// A parameter bound to a `$n` placeholder. Text is copied when bound.
using SqlValue = std::variant<std::nullptr_t, std::int64_t, double, std::string_view>;
using SqlParams = std::initializer_list<SqlValue>;

// One result row, valid only inside the callback that receives it.
class Row {
 public:
  virtual ~Row() = default;
  virtual int column_count() const = 0;
  virtual bool is_null(int column) const = 0;
  virtual std::int64_t get_int(int column) const = 0;
  virtual double get_double(int column) const = 0;
  // Valid until the callback returns; copy it to keep it.
  virtual std::string_view get_text_view(int column) const = 0;
  std::string get_text(int column) const { return std::string(get_text_view(column)); }
  std::optional<std::string> get_optional_text(int column) const {
    return is_null(column) ? std::nullopt : std::optional<std::string>(get_text(column));
  }
};

using RowCallback = std::function<Status(const Row&)>;

struct DatabaseOptions {
  int busy_timeout_ms = 5000;
  std::size_t statement_cache_size = 64;
  // Shared by the connections of one pool (shared_ptr: each connection holds it), so that
  // writers in this process queue on a mutex and wake at once, instead of SQLite's busy handler
  // polling with sleeps of up to 100 ms. Other processes still wait with the busy timeout.
  std::shared_ptr<std::mutex> write_lock;
  // Whether a commit that grows the write-ahead log past its limit copies it back into the
  // database itself. A server turns this off and checkpoints from a background thread
  // (DatabasePool), so no request waits for the copy and its fsync.
  bool auto_checkpoint = true;
};

class Database {
 public:
  virtual ~Database() = default;

  // Runs one statement that returns no rows. Errors: kAlreadyExists for a unique-key clash,
  // kFailedPrecondition for another constraint, kUnavailable when the database is busy or the
  // disk fails, kDataLoss when the file is corrupt, kInvalidArgument for bad SQL.
  virtual Status execute(std::string_view sql, std::span<const SqlValue> params) = 0;
  Status execute(std::string_view sql, SqlParams params = {}) {
    return execute(sql, std::span<const SqlValue>(params.begin(), params.size()));
  }

  // Runs one statement and calls `on_row` for each row; stops at the first error `on_row`
  // returns and returns it. Same errors as execute().
  virtual Status query(std::string_view sql, std::span<const SqlValue> params,
                       const RowCallback& on_row) = 0;
  Status query(std::string_view sql, SqlParams params, const RowCallback& on_row) {
    return query(sql, std::span<const SqlValue>(params.begin(), params.size()), on_row);
  }

  // The first column of the first row as an integer; nullopt when there is no row or it is NULL.
  Result<std::optional<std::int64_t>> query_int(std::string_view sql, SqlParams params = {});

  // Runs several statements separated by ';' with no parameters (migrations).
  virtual Status execute_script(std::string_view sql) = 0;

  // Transactions; prefer the Transaction class. A write transaction takes the write lock at
  // once, so two writers never deadlock upgrading a read lock.
  virtual Status begin_transaction(bool write) = 0;
  virtual Status commit() = 0;
  virtual Status rollback() = 0;

  // "sqlite" or "postgresql".
  virtual std::string_view backend() const = 0;

  // Copies what it can of the write-ahead log into the database without blocking readers or
  // writers. A no-op for backends without one.
  virtual Status checkpoint() { return ok_status(); }
};

// RAII transaction: rolls back on destruction unless commit() succeeded.
class Transaction {
 public:
  // Begins a write transaction (the usual case) or a read-only snapshot.
  static Result<Transaction> begin(Database& db, bool write = true);
  Transaction(Transaction&& other) noexcept : db_(std::exchange(other.db_, nullptr)) {}
  Transaction& operator=(Transaction&&) = delete;
  ~Transaction();

  Status commit();

 private:
  explicit Transaction(Database* db) : db_(db) {}
  Database* db_;
};

// Opens (creating if needed) the SQLite file at `path` with WAL, foreign keys, a busy timeout
// and a prepared-statement cache, then applies any migration not yet applied. ":memory:" works
// for a private in-memory database. kUnavailable when the file cannot be opened, kDataLoss when
// it is not a database, kFailedPrecondition when it was written by a newer escudo.
Result<std::unique_ptr<Database>> open_sqlite(const std::string& path, DatabaseOptions options = {});

}  // namespace escudo::store
