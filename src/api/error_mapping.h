// The one table from Error codes to HTTP statuses, and the JSON error body:
//   {"error": {"code": "invalid_argument", "message": "…", "reason": "…"}}
#pragma once

#include "api/http_types.h"
#include "base/status.h"

namespace escudo::api {

int http_status_for(ErrorCode code);

// The response for `error`. Internal errors are logged and shown without their details, which
// may name files or SQL.
Response error_response(const Error& error);

}  // namespace escudo::api
