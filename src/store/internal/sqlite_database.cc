#include "store/internal/sqlite_database.h"

#include <charconv>
#include <mutex>

#include <fmt/format.h>

namespace escudo::store::internal {
namespace {

// The row a callback sees: a view over the statement's current row.
class SqliteRow final : public Row {
 public:
  explicit SqliteRow(sqlite3_stmt* stmt) : stmt_(stmt) {}
  int column_count() const override { return sqlite3_column_count(stmt_); }
  bool is_null(int column) const override {
    return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
  }
  std::int64_t get_int(int column) const override { return sqlite3_column_int64(stmt_, column); }
  double get_double(int column) const override { return sqlite3_column_double(stmt_, column); }
  std::string_view get_text_view(int column) const override {
    const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
    if (text == nullptr) return {};
    return {text, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column))};
  }

 private:
  sqlite3_stmt* stmt_;
};

}  // namespace

std::unexpected<Error> SqliteDatabase::error_from(int rc, std::string_view doing) const {
  int primary = rc & 0xff;
  ErrorCode code = ErrorCode::kInternal;
  switch (primary) {
    case SQLITE_CONSTRAINT:
      code = (rc == SQLITE_CONSTRAINT_UNIQUE || rc == SQLITE_CONSTRAINT_PRIMARYKEY)
                 ? ErrorCode::kAlreadyExists
                 : ErrorCode::kFailedPrecondition;
      break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
    case SQLITE_IOERR:
    case SQLITE_FULL:
    case SQLITE_CANTOPEN:
    case SQLITE_READONLY:
      code = ErrorCode::kUnavailable;
      break;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      code = ErrorCode::kDataLoss;
      break;
    case SQLITE_ERROR:
    case SQLITE_RANGE:
    case SQLITE_MISMATCH:
      code = ErrorCode::kInvalidArgument;
      break;
    default:
      break;
  }
  // The message never holds bound values: they may be secrets or a person's identity.
  return make_error(code, fmt::format("database {}: {}", doing, sqlite3_errmsg(db_)));
}

Result<std::unique_ptr<SqliteDatabase>> SqliteDatabase::open(const std::string& path,
                                                             const DatabaseOptions& options) {
  // Memory statistics cost a global lock on every allocation SQLite makes; escudo does not read
  // them. This must precede SQLite's initialisation, so it is set once, before the first open.
  static std::once_flag configured;
  std::call_once(configured, [] { (void)sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); });
  sqlite3* raw = nullptr;
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
  int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
  if (rc != SQLITE_OK) {
    std::string why = raw != nullptr ? sqlite3_errmsg(raw) : sqlite3_errstr(rc);
    sqlite3_close(raw);
    return errorf(ErrorCode::kUnavailable, "cannot open database {}: {}", path, why);
  }
  std::unique_ptr<SqliteDatabase> db(new SqliteDatabase(raw, options));
  sqlite3_extended_result_codes(raw, 1);
  sqlite3_busy_timeout(raw, options.busy_timeout_ms);
  // WAL lets readers go on while one writer writes; NORMAL sync is durable across application
  // crashes and loses at most the last transactions on power loss, the usual WAL trade-off.
  // New databases use 8 KiB pages: half the page writes of a large import, where 16 KiB
  // doubled the p99 of single registrations (bench/import, bench/api). Temporary storage
  // (statement journals of multi-row inserts, sorts) stays in memory: never
  // a stray file with people's data in /var/tmp, and no write call per page.
  auto pragmas = db->execute_script(
      "PRAGMA page_size = 8192; PRAGMA foreign_keys = ON; PRAGMA journal_mode = WAL; "
      "PRAGMA synchronous = NORMAL; "
      "PRAGMA temp_store = MEMORY;");
  if (!pragmas) {
    return std::unexpected(pragmas.error().with_context(fmt::format("opening {}", path)));
  }
  if (!options.auto_checkpoint) {
    ESCUDO_TRY(db->execute_script("PRAGMA wal_autocheckpoint = 0;"));
  }
  return db;
}

SqliteDatabase::~SqliteDatabase() {
  for (auto& [sql, statement] : lru_) sqlite3_finalize(statement->stmt);
  sqlite3_close(db_);
}

Result<SqliteDatabase::CachedStatement*> SqliteDatabase::prepare(std::string_view sql) {
  if (auto it = cache_.find(sql); it != cache_.end()) {
    auto node = it->second;
    if (!node->second->in_use) {
      lru_.splice(lru_.begin(), lru_, node);
      node->second->in_use = true;
      return node->second.get();
    }
  }
  sqlite3_stmt* stmt = nullptr;
  const char* tail = nullptr;
  int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()),
                              SQLITE_PREPARE_PERSISTENT, &stmt, &tail);
  if (rc != SQLITE_OK) return error_from(rc, "prepare");
  if (stmt == nullptr) return make_error(ErrorCode::kInvalidArgument, "empty SQL statement");
  auto statement = std::make_unique<CachedStatement>();
  statement->stmt = stmt;
  statement->in_use = true;
  // Where each $n sits, read from the parameter names in one pass (asking SQLite for each name
  // in turn costs a search per name, which shows on statements of many rows).
  int count = sqlite3_bind_parameter_count(stmt);
  statement->param_index.assign(static_cast<std::size_t>(count), 0);
  for (int i = 1; i <= count; ++i) {
    const char* name = sqlite3_bind_parameter_name(stmt, i);
    if (name == nullptr || name[0] != '$') continue;
    std::string_view digits(name + 1);
    std::size_t n = 0;
    auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), n);
    if (ec == std::errc() && end == digits.data() + digits.size() && n >= 1 &&
        n <= statement->param_index.size()) {
      statement->param_index[n - 1] = i;
    }
  }
  if (cache_.contains(sql)) {
    // Nested use of a statement already running: not cached, finalised after use.
    return statement.release();
  }
  lru_.emplace_front(std::string(sql), std::move(statement));
  cache_.emplace(lru_.front().first, lru_.begin());
  while (lru_.size() > options_.statement_cache_size) {
    auto& last = lru_.back();
    if (last.second->in_use) break;
    cache_.erase(last.first);
    sqlite3_finalize(last.second->stmt);
    lru_.pop_back();
  }
  return lru_.front().second.get();
}

void SqliteDatabase::release(CachedStatement* statement) {
  sqlite3_reset(statement->stmt);
  sqlite3_clear_bindings(statement->stmt);
  statement->in_use = false;
  finalize_if_uncached(statement);
}

void SqliteDatabase::finalize_if_uncached(CachedStatement* statement) {
  for (auto& [sql, cached] : lru_) {
    if (cached.get() == statement) return;
  }
  sqlite3_finalize(statement->stmt);
  delete statement;  // owned here: see prepare()
}

Status SqliteDatabase::bind(CachedStatement& statement, std::span<const SqlValue> params) {
  if (params.size() != statement.param_index.size()) {
    return errorf(ErrorCode::kInvalidArgument, "the statement takes {} parameters, {} given",
                  statement.param_index.size(), params.size());
  }
  for (std::size_t i = 0; i < params.size(); ++i) {
    int index = statement.param_index[i];
    if (index == 0) {
      return errorf(ErrorCode::kInvalidArgument, "placeholder ${} is missing", i + 1);
    }
    int rc = std::visit(
        [&](const auto& v) -> int {
          using T = std::decay_t<decltype(v)>;
          if constexpr (std::is_same_v<T, std::nullptr_t>) {
            return sqlite3_bind_null(statement.stmt, index);
          } else if constexpr (std::is_same_v<T, std::int64_t>) {
            return sqlite3_bind_int64(statement.stmt, index, v);
          } else if constexpr (std::is_same_v<T, double>) {
            return sqlite3_bind_double(statement.stmt, index, v);
          } else {
            // The text outlives the statement's use of it: the bindings are cleared in
            // release(), before the caller's values go away, so SQLite need not copy them.
            return sqlite3_bind_text64(statement.stmt, index, v.data(), v.size(), SQLITE_STATIC,
                                       SQLITE_UTF8);
          }
        },
        params[i]);
    if (rc != SQLITE_OK) return error_from(rc, "bind");
  }
  return ok_status();
}

Status SqliteDatabase::execute(std::string_view sql, std::span<const SqlValue> params) {
  return query(sql, params, [](const Row&) { return ok_status(); });
}

Status SqliteDatabase::query(std::string_view sql, std::span<const SqlValue> params,
                             const RowCallback& on_row) {
  ESCUDO_ASSIGN_OR_RETURN(CachedStatement * statement, prepare(sql));
  struct Releaser {
    SqliteDatabase* self;
    CachedStatement* statement;
    ~Releaser() { self->release(statement); }
  } releaser{this, statement};
  ESCUDO_TRY(bind(*statement, params));
  SqliteRow row(statement->stmt);
  while (true) {
    int rc = sqlite3_step(statement->stmt);
    if (rc == SQLITE_DONE) return ok_status();
    if (rc != SQLITE_ROW) return error_from(rc, "step");
    ESCUDO_TRY(on_row(row));
  }
}

Status SqliteDatabase::execute_script(std::string_view sql) {
  std::string text(sql);
  char* message = nullptr;
  int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &message);
  if (rc != SQLITE_OK) {
    std::string why = message != nullptr ? message : sqlite3_errstr(rc);
    sqlite3_free(message);
    auto error = error_from(rc, "script");
    return make_error(error.error().code(), "database script: " + why);
  }
  return ok_status();
}

Status SqliteDatabase::checkpoint() {
  int rc = sqlite3_wal_checkpoint_v2(db_, nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
  if (rc != SQLITE_OK && rc != SQLITE_BUSY) return error_from(rc, "checkpoint");
  return ok_status();
}

Status SqliteDatabase::begin_transaction(bool write) {
  if (write && options_.write_lock) write_guard_ = std::unique_lock(*options_.write_lock);
  auto status = execute(write ? "BEGIN IMMEDIATE" : "BEGIN DEFERRED", SqlParams{});
  if (!status && write_guard_.owns_lock()) write_guard_.unlock();
  return status;
}

Status SqliteDatabase::commit() {
  auto status = execute("COMMIT", SqlParams{});
  if (status && write_guard_.owns_lock()) write_guard_.unlock();
  return status;
}

Status SqliteDatabase::rollback() {
  Status status = ok_status();
  if (sqlite3_get_autocommit(db_) == 0) status = execute("ROLLBACK", SqlParams{});
  if (write_guard_.owns_lock()) write_guard_.unlock();
  return status;
}

}  // namespace escudo::store::internal
