// Reading query parameters with errors that name the parameter.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "api/http_types.h"
#include "base/civil_date.h"
#include "base/status.h"
#include "service/transit_csv.h"

namespace escudo::api {

// The parameter's text; nullopt when missing or empty.
std::optional<std::string> text_query(const Request& req, const std::string& name);
// A YYYY-MM parameter. kInvalidArgument naming the parameter when malformed.
Result<std::optional<YearMonth>> month_query(const Request& req, const std::string& name);
// A whole-number parameter. kInvalidArgument naming the parameter when malformed.
Result<std::optional<std::int64_t>> int_query(const Request& req, const std::string& name);

// The 422 answer of an import refused for bad rows: every row error with line, column, field.
Response rows_refused(std::string message, std::int64_t error_count,
                      const std::vector<service::RowError>& rows);

}  // namespace escudo::api
