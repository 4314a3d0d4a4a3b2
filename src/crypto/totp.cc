#include "crypto/totp.h"

#include <liboath/oath.h>
#include <sodium.h>

#include <cstdlib>
#include <mutex>

namespace escudo::crypto {
namespace {

constexpr unsigned kStepSeconds = 30;
constexpr unsigned kDigits = 6;
constexpr std::size_t kSecretBytes = 20;

void ensure_oath() {
  static std::once_flag once;
  std::call_once(once, [] { oath_init(); });
}

Result<std::string> decode_secret(std::string_view secret_base32) {
  ensure_oath();
  char* raw = nullptr;
  size_t raw_len = 0;
  std::string in(secret_base32);
  if (oath_base32_decode(in.c_str(), in.size(), &raw, &raw_len) != OATH_OK || raw_len == 0) {
    std::free(raw);
    return make_error(ErrorCode::kInvalidArgument, "the second-factor secret is not base32");
  }
  std::string out(raw, raw_len);
  sodium_memzero(raw, raw_len);
  std::free(raw);
  return out;
}

std::string url_escape(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
      out.push_back(static_cast<char>(c));
    } else {
      out.push_back('%');
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 15]);
    }
  }
  return out;
}

}  // namespace

std::string new_totp_secret() {
  ensure_oath();
  unsigned char raw[kSecretBytes];
  randombytes_buf(raw, sizeof raw);
  char* encoded = nullptr;
  size_t encoded_len = 0;
  oath_base32_encode(reinterpret_cast<const char*>(raw), sizeof raw, &encoded, &encoded_len);
  std::string out(encoded, encoded_len);
  std::free(encoded);
  sodium_memzero(raw, sizeof raw);
  return out;
}

Result<std::string> totp_code(std::string_view secret_base32, std::int64_t unix_seconds) {
  ESCUDO_ASSIGN_OR_RETURN(std::string secret, decode_secret(secret_base32));
  char code[kDigits + 1] = {};
  int rc = oath_totp_generate(secret.data(), secret.size(), static_cast<time_t>(unix_seconds),
                              kStepSeconds, 0, kDigits, code);
  sodium_memzero(secret.data(), secret.size());
  if (rc != OATH_OK) return make_error(ErrorCode::kInternal, oath_strerror(rc));
  return std::string(code);
}

Result<std::optional<std::int64_t>> verify_totp(std::string_view secret_base32,
                                                std::string_view code, std::int64_t unix_seconds,
                                                std::int64_t last_used_step) {
  if (code.size() != kDigits ||
      code.find_first_not_of("0123456789") != std::string_view::npos) {
    return std::optional<std::int64_t>();
  }
  ESCUDO_ASSIGN_OR_RETURN(std::string secret, decode_secret(secret_base32));
  std::string otp(code);
  int offset = 0;
  int rc = oath_totp_validate2(secret.data(), secret.size(), static_cast<time_t>(unix_seconds),
                               kStepSeconds, 0, 1, &offset, otp.c_str());
  sodium_memzero(secret.data(), secret.size());
  if (rc < 0) return std::optional<std::int64_t>();
  std::int64_t step = unix_seconds / kStepSeconds + offset;
  if (step <= last_used_step) return std::optional<std::int64_t>();
  return std::optional<std::int64_t>(step);
}

std::string totp_uri(std::string_view issuer, std::string_view account,
                     std::string_view secret_base32) {
  return "otpauth://totp/" + url_escape(issuer) + ":" + url_escape(account) +
         "?secret=" + std::string(secret_base32) + "&issuer=" + url_escape(issuer) +
         "&algorithm=SHA1&digits=6&period=30";
}

}  // namespace escudo::crypto
