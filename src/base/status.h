// Errors as values.
//
// Every function that can fail returns `Result<T>` (`std::expected<T, Error>`). An `Error`
// carries a code from one canonical list and a message a user can act on ("line 12, column
// 'count': expected a whole number, got 'abc'"). The API maps codes to HTTP statuses in one
// table (api/error_mapping.cc); the CLI prints the message.
//
//   Result<Month> parse_month(std::string_view text);
//   ESCUDO_ASSIGN_OR_RETURN(Month m, parse_month(field));
//   ESCUDO_TRY(db.execute("DELETE FROM x"));
#pragma once

#include <expected>
#include <string>
#include <string_view>
#include <utility>

#include <fmt/format.h>

namespace escudo {

enum class ErrorCode : int {
  kInvalidArgument = 1,
  kNotFound,
  kAlreadyExists,
  kFailedPrecondition,
  kPermissionDenied,
  kUnauthenticated,
  kResourceExhausted,
  kUnavailable,
  kDataLoss,
  kInternal,
};

// The stable, lower-case name of a code ("invalid_argument"), used in JSON errors and logs.
std::string_view error_code_name(ErrorCode code);

class Error {
 public:
  Error(ErrorCode code, std::string message) : code_(code), message_(std::move(message)) {}

  ErrorCode code() const { return code_; }
  const std::string& message() const { return message_; }
  // A short machine-readable word that refines the code for clients ("totp_required",
  // "csrf"); empty when the code says it all.
  const std::string& reason() const { return reason_; }
  Error with_reason(std::string reason) && {
    reason_ = std::move(reason);
    return std::move(*this);
  }

  // Prefixes the message with where it happened: "importing data.csv: " + message.
  Error with_context(std::string_view context) const& {
    Error out(code_, fmt::format("{}: {}", context, message_));
    out.reason_ = reason_;
    return out;
  }

  // "invalid_argument: line 3: ..." — for logs and the CLI.
  std::string to_string() const;

 private:
  ErrorCode code_;
  std::string message_;
  std::string reason_;
};

template <typename T>
using Result = std::expected<T, Error>;

// A Result that carries no value.
using Status = std::expected<void, Error>;

inline std::unexpected<Error> make_error(ErrorCode code, std::string message) {
  return std::unexpected<Error>(Error(code, std::move(message)));
}

template <typename... Args>
std::unexpected<Error> errorf(ErrorCode code, fmt::format_string<Args...> format, Args&&... args) {
  return make_error(code, fmt::format(format, std::forward<Args>(args)...));
}

inline std::unexpected<Error> make_error(ErrorCode code, std::string message, std::string reason) {
  return std::unexpected<Error>(Error(code, std::move(message)).with_reason(std::move(reason)));
}

inline Status ok_status() { return {}; }

}  // namespace escudo

#define ESCUDO_CONCAT_INNER(a, b) a##b
#define ESCUDO_CONCAT(a, b) ESCUDO_CONCAT_INNER(a, b)

// Returns the error of `expr` (a Result or Status) from the enclosing function, if any.
#define ESCUDO_TRY(expr)                                                  \
  do {                                                                    \
    auto&& escudo_try_result_ = (expr);                                   \
    if (!escudo_try_result_.has_value()) [[unlikely]]                     \
      return std::unexpected(std::move(escudo_try_result_).error());      \
  } while (false)

// Declares `lhs` from the value of `rexpr`, or returns its error from the enclosing function.
#define ESCUDO_ASSIGN_OR_RETURN(lhs, rexpr) \
  ESCUDO_ASSIGN_OR_RETURN_IMPL(ESCUDO_CONCAT(escudo_result_, __LINE__), lhs, rexpr)

#define ESCUDO_ASSIGN_OR_RETURN_IMPL(tmp, lhs, rexpr)     \
  auto tmp = (rexpr);                                     \
  if (!tmp.has_value()) [[unlikely]]                      \
    return std::unexpected(std::move(tmp).error());       \
  lhs = std::move(tmp).value()
