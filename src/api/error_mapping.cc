#include "api/error_mapping.h"

#include "base/json.h"
#include "base/log.h"

namespace escudo::api {

int http_status_for(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalidArgument: return 400;
    case ErrorCode::kUnauthenticated: return 401;
    case ErrorCode::kPermissionDenied: return 403;
    case ErrorCode::kNotFound: return 404;
    case ErrorCode::kAlreadyExists: return 409;
    case ErrorCode::kFailedPrecondition: return 409;
    case ErrorCode::kResourceExhausted: return 429;
    case ErrorCode::kUnavailable: return 503;
    case ErrorCode::kDataLoss: return 500;
    case ErrorCode::kInternal: return 500;
  }
  return 500;
}

Response error_response(const Error& error) {
  std::string message = error.message();
  if (error.code() == ErrorCode::kInternal || error.code() == ErrorCode::kDataLoss) {
    log::error("api.internal_error", {{"error", error.to_string()}});
    message = "something went wrong on the server; the error was logged";
  }
  JsonWriter w;
  w.begin_object().key("error").begin_object();
  w.key("code").value(error_code_name(error.code()));
  w.key("message").value(message);
  if (!error.reason().empty()) w.key("reason").value(error.reason());
  w.end_object().end_object();
  return Response::json(http_status_for(error.code()), std::move(w).take());
}

}  // namespace escudo::api
