#include "crypto/password.h"

#include <sodium.h>

#include "base/utf8.h"

namespace escudo::crypto {

PasswordCost PasswordCost::interactive() {
  return {crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE};
}

PasswordCost PasswordCost::minimum_for_tests() {
  return {crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN};
}

Result<std::string> hash_password(std::string_view password, PasswordCost cost) {
  if (find_invalid_utf8(password)) {
    return make_error(ErrorCode::kInvalidArgument, "the password is not valid UTF-8 text");
  }
  if (count_code_points(password) < kMinPasswordLength) {
    return errorf(ErrorCode::kInvalidArgument, "a password needs at least {} characters",
                  kMinPasswordLength);
  }
  if (password.size() > kMaxPasswordLength) {
    return errorf(ErrorCode::kInvalidArgument, "a password may have at most {} bytes",
                  kMaxPasswordLength);
  }
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(out, password.data(), password.size(), cost.ops, cost.memory_bytes,
                            crypto_pwhash_ALG_ARGON2ID13) != 0) {
    return make_error(ErrorCode::kResourceExhausted, "not enough memory to hash the password");
  }
  return std::string(out);
}

bool verify_password(std::string_view stored, std::string_view password) {
  if (stored.empty() || stored.size() >= crypto_pwhash_STRBYTES) return false;
  if (password.size() > kMaxPasswordLength) return false;
  std::string terminated(stored);
  return crypto_pwhash_str_verify(terminated.c_str(), password.data(), password.size()) == 0;
}

bool password_needs_rehash(std::string_view stored, PasswordCost cost) {
  std::string terminated(stored);
  return crypto_pwhash_str_needs_rehash(terminated.c_str(), cost.ops, cost.memory_bytes) != 0;
}

}  // namespace escudo::crypto
