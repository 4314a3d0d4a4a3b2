// Official transit statistics: import a table (all rows or none) and read the flows.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/clock.h"
#include "base/input_stream.h"
#include "service/principal.h"
#include "service/transit_csv.h"
#include "stats/transit_series.h"
#include "store/pool.h"
#include "store/transit_repo.h"

namespace escudo::service {

struct ImportReport {
  bool stored = false;         // false: nothing was stored, see errors
  std::string kind;            // "nationality" or "demographic"
  std::int64_t rows = 0;       // rows stored
  std::int64_t total = 0;      // people in the rows stored
  std::int64_t import_id = 0;
  std::vector<RowError> errors;
  std::int64_t error_count = 0;
};

struct MonthlyQuery {
  std::optional<YearMonth> from;
  std::optional<YearMonth> to;
  std::optional<std::string> nationality;
};

struct MonthlyFlows {
  std::vector<stats::MonthlyTotal> series;
  std::vector<model::NationalityCount> rows;
};

class TransitService {
 public:
  TransitService(store::DatabasePool& pool, const Clock& clock) : pool_(pool), clock_(clock) {}

  // Needs transits.import (or the command line). Reads the whole table; when any row is bad
  // the report lists the bad rows and nothing is stored; otherwise every row is stored in one
  // transaction, replacing what was stored for the months the table covers. The Result fails
  // for an unreadable stream, an unknown header, or a database error (again storing nothing).
  Result<ImportReport> import_table(const Actor& actor, std::unique_ptr<InputStream> input);

  // Need transits.read. Monthly rows only (2020 on); `from`/`to` inclusive.
  Result<MonthlyFlows> monthly(const Principal& principal, const MonthlyQuery& query);
  Result<std::vector<stats::YearlyTotal>> yearly(const Principal& principal);

 private:
  store::DatabasePool& pool_;
  const Clock& clock_;
};

}  // namespace escudo::service
