// Time-based one-time passwords (RFC 6238: HMAC-SHA-1, 30-second steps, 6 digits), the second
// factor every authenticator app understands. Secrets are 20 random bytes in base32.
//
//   std::string secret = crypto::new_totp_secret();
//   std::string uri = crypto::totp_uri("escudo", "ana", secret);   // for the app
//   auto step = crypto::verify_totp(secret, "123456", now, last_used_step);
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "base/status.h"

namespace escudo::crypto {

std::string new_totp_secret();

// The 6-digit code for `unix_seconds`. kInvalidArgument for a malformed secret.
Result<std::string> totp_code(std::string_view secret_base32, std::int64_t unix_seconds);

// The time step a correct `code` belongs to, accepting one step of clock drift either way;
// nullopt when the code is wrong or its step is not after `last_used_step` (so a code cannot
// be replayed). kInvalidArgument for a malformed secret.
Result<std::optional<std::int64_t>> verify_totp(std::string_view secret_base32,
                                                std::string_view code, std::int64_t unix_seconds,
                                                std::int64_t last_used_step);

// otpauth://totp/ISSUER:ACCOUNT?secret=...&issuer=ISSUER — the text inside enrolment QR codes.
std::string totp_uri(std::string_view issuer, std::string_view account,
                     std::string_view secret_base32);

}  // namespace escudo::crypto
