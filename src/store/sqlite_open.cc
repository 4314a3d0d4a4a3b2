#include "store/internal/sqlite_database.h"
#include "store/migrations.h"

namespace escudo::store {

Result<std::unique_ptr<Database>> open_sqlite(const std::string& path, DatabaseOptions options) {
  ESCUDO_ASSIGN_OR_RETURN(auto db, internal::SqliteDatabase::open(path, options));
  ESCUDO_TRY(migrate(*db));
  return std::unique_ptr<Database>(std::move(db));
}

}  // namespace escudo::store
