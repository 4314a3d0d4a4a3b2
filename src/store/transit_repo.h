// Official transit tables. An import replaces, for every month it covers, what was stored for
// that month: a newer bulletin is the truth for its months, and a nationality it no longer
// lists is gone rather than left stale.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "base/ids.h"
#include "model/transit.h"
#include "store/database.h"

namespace escudo::store {

struct TransitImport {
  std::string kind;  // "nationality" or "demographic"
  std::string source_name;
  std::string sha256;
  std::int64_t row_count = 0;
  std::int64_t imported_at = 0;
  std::string imported_by;
};

struct NationalityFilter {
  std::optional<YearMonth> from;
  std::optional<YearMonth> to;
  std::optional<std::string> nationality;
  bool include_annual_totals = true;
};

class TransitRepo {
 public:
  explicit TransitRepo(Database& db) : db_(db) {}

  // Call these inside one transaction so the import is all or nothing.
  Result<ImportId> record_import(const TransitImport& import);
  Status replace_nationality_months(ImportId import, std::span<const model::NationalityCount> rows);
  Status replace_demographic_months(ImportId import, std::span<const model::DemographicCount> rows);

  // Rows in (month, nationality) order.
  Result<std::vector<model::NationalityCount>> nationality_counts(const NationalityFilter& filter);
  Result<std::vector<model::DemographicCount>> demographic_counts();

 private:
  Database& db_;
};

}  // namespace escudo::store
