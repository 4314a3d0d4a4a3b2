// Numbered SQL migrations, compiled into the binary from src/store/migrations/NNNN_name.sql.
// open_sqlite() applies the missing ones in order, each in its own transaction, and records
// them in schema_migrations. Numbers may have gaps, and a migration numbered below the newest
// applied one still runs if it was never applied (a number reserved for work that lands later).
// A database newer than the binary is refused, never downgraded.
#pragma once

#include <span>
#include <string_view>

#include "store/database.h"

namespace escudo::store {

struct Migration {
  int version;
  std::string_view name;
  std::string_view sql;
};

// Every migration this binary knows, in version order.
std::span<const Migration> all_migrations();

// Applies the missing migrations. kFailedPrecondition when the database holds a version this
// binary does not know; the error of the failing statement otherwise (nothing of that
// migration is kept).
Status migrate(Database& db, std::span<const Migration> migrations = all_migrations());

// The highest applied version, 0 for a new database.
Result<int> schema_version(Database& db);

}  // namespace escudo::store
