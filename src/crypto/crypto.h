// Cryptography for escudo, on libsodium (and liboath for TOTP, the format authenticator apps
// speak). Call init() once at start-up; every function below is thread-safe after that.
//
//   ESCUDO_TRY(crypto::init());
//   std::string token = crypto::random_token(32);          // url-safe, for session cookies
//   std::string digest = crypto::sha256_hex(token);        // what the store keeps
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "base/status.h"

namespace escudo::crypto {

// kInternal when libsodium cannot start (no entropy source).
Status init();

// `bytes` random bytes from the operating system's CSPRNG, as unpadded base64url text.
std::string random_token(std::size_t bytes);

// SHA-256 of `data`, as 64 lower-case hex digits.
std::string sha256_hex(std::string_view data);

// Compares two strings in time that depends only on their length.
bool constant_time_equal(std::string_view a, std::string_view b);

}  // namespace escudo::crypto
