// Reads an official transit table (CSV) into counts, checking every row. Two layouts are
// known, told apart by their header:
//   by nationality:    month,period_type,quarter,nationality_iso3,count
//   by sex and age:    month,quarter,demog,count
// Columns may come in any order; extra columns are an error (a different table was chosen).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "base/input_stream.h"
#include "base/status.h"
#include "model/transit.h"

namespace escudo::service {

struct RowError {
  std::int64_t line = 0;
  std::int64_t column = 0;  // character column where the field starts; 0 for the whole row
  std::string field;        // column name, empty for the whole row
  std::string message;
};

struct TransitTable {
  enum class Kind { kNationality, kDemographic } kind = Kind::kNationality;
  std::vector<model::NationalityCount> nationality;
  std::vector<model::DemographicCount> demographic;
  std::vector<RowError> errors;     // at most kMaxReportedErrors
  std::int64_t error_count = 0;     // all of them
  std::string sha256;               // of the bytes read
};

inline constexpr std::size_t kMaxReportedErrors = 1000;

std::string_view table_kind_name(TransitTable::Kind kind);

// Reads the whole stream. Row problems are collected in `errors` (the caller stores nothing
// when there are any); the Result fails only when the stream itself cannot be read or the
// header is not one of the known layouts (kInvalidArgument).
Result<TransitTable> read_transit_table(std::unique_ptr<InputStream> input);

}  // namespace escudo::service
