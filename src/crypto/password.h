// Password hashing with Argon2id (libsodium's crypto_pwhash_str): the stored string carries its
// own salt and cost parameters, so raising the cost later only needs needs_rehash() at login.
//
//   ESCUDO_ASSIGN_OR_RETURN(std::string stored, crypto::hash_password(pw));
//   if (crypto::verify_password(stored, attempt)) { ... }
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "base/status.h"

namespace escudo::crypto {

struct PasswordCost {
  std::uint64_t ops = 0;
  std::size_t memory_bytes = 0;

  // libsodium's INTERACTIVE: 2 passes over 64 MiB, about 0.1 s on one core. The default.
  static PasswordCost interactive();
  // The floor libsodium allows; only for tests that create many users.
  static PasswordCost minimum_for_tests();
};

inline constexpr std::size_t kMinPasswordLength = 10;
inline constexpr std::size_t kMaxPasswordLength = 1024;

// kInvalidArgument when the password is shorter than kMinPasswordLength characters or longer
// than kMaxPasswordLength bytes; kResourceExhausted when memory for the hash cannot be had.
Result<std::string> hash_password(std::string_view password,
                                  PasswordCost cost = PasswordCost::interactive());

// True when `password` matches the stored Argon2id string. False for any malformed `stored`.
bool verify_password(std::string_view stored, std::string_view password);

// True when `stored` was made with a different cost than `cost`.
bool password_needs_rehash(std::string_view stored, PasswordCost cost = PasswordCost::interactive());

}  // namespace escudo::crypto
