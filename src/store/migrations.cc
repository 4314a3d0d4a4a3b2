#include "store/migrations.h"

#include <chrono>
#include <set>

namespace escudo::store {
namespace {

Status ensure_table(Database& db) {
  return db.execute(
      "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
      "name TEXT NOT NULL, applied_at INTEGER NOT NULL)");
}

}  // namespace

Result<int> schema_version(Database& db) {
  ESCUDO_TRY(ensure_table(db));
  ESCUDO_ASSIGN_OR_RETURN(auto version, db.query_int("SELECT MAX(version) FROM schema_migrations"));
  return static_cast<int>(version.value_or(0));
}

Status migrate(Database& db, std::span<const Migration> migrations) {
  ESCUDO_ASSIGN_OR_RETURN(int current, schema_version(db));
  int newest_known = migrations.empty() ? 0 : migrations.back().version;
  if (current > newest_known) {
    return errorf(ErrorCode::kFailedPrecondition,
                  "the database is at schema version {} but this escudo knows only up to {}; "
                  "use a newer escudo",
                  current, newest_known);
  }
  // Every known migration not yet applied runs, in version order, even one numbered below the
  // newest applied: numbers may be reserved for work that lands later.
  std::set<std::int64_t> applied;
  ESCUDO_TRY(db.query("SELECT version FROM schema_migrations", {}, [&](const Row& row) {
    applied.insert(row.get_int(0));
    return ok_status();
  }));
  for (const Migration& m : migrations) {
    if (applied.contains(m.version)) continue;
    ESCUDO_ASSIGN_OR_RETURN(auto tx, Transaction::begin(db));
    auto applied = db.execute_script(m.sql);
    if (!applied) {
      return std::unexpected(applied.error().with_context(
          fmt::format("migration {:04}_{}", m.version, m.name)));
    }
    auto now = std::chrono::duration_cast<std::chrono::seconds>(
                   std::chrono::system_clock::now().time_since_epoch())
                   .count();
    ESCUDO_TRY(db.execute("INSERT INTO schema_migrations (version, name, applied_at) "
                          "VALUES ($1, $2, $3)",
                          {std::int64_t{m.version}, m.name, std::int64_t{now}}));
    ESCUDO_TRY(tx.commit());
  }
  return ok_status();
}

}  // namespace escudo::store
