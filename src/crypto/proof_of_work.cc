#include "crypto/proof_of_work.h"

#include <charconv>
#include <vector>

#include "crypto/crypto.h"
#include "crypto/sealed_box.h"

namespace escudo::crypto {
namespace {

constexpr std::size_t kMaxChallengeBytes = 256;
constexpr std::size_t kMaxNonceBytes = 32;

std::vector<std::string_view> split_dots(std::string_view text) {
  std::vector<std::string_view> parts;
  while (true) {
    std::size_t dot = text.find('.');
    parts.push_back(text.substr(0, dot));
    if (dot == std::string_view::npos) break;
    text.remove_prefix(dot + 1);
  }
  return parts;
}

bool parse_int(std::string_view text, std::int64_t* out) {
  if (text.empty() || text.size() > 19) return false;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), *out);
  return ec == std::errc() && ptr == text.data() + text.size();
}

// The first 128 bits of the HMAC, as 32 hex digits.
std::string mac_of(std::string_view key, std::string_view signed_part) {
  std::string mac = hmac_sha256(key, signed_part);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (std::size_t i = 0; i < 16; ++i) {
    auto b = static_cast<unsigned char>(mac[i]);
    out.push_back(kHex[b >> 4]);
    out.push_back(kHex[b & 15]);
  }
  return out;
}

}  // namespace

std::string issue_challenge(std::string_view key, std::string_view purpose, int difficulty,
                            std::int64_t expires_at) {
  std::string signed_part = fmt::format("v1.{}.{}.{}.{}", expires_at, difficulty, purpose,
                                        random_token(12));
  return signed_part + "." + mac_of(key, signed_part);
}

int solution_bits(std::string_view challenge, std::string_view nonce) {
  std::string input;
  input.reserve(challenge.size() + nonce.size() + 1);
  input.append(challenge).append(":").append(nonce);
  std::string digest = sha256_raw(input);
  int bits = 0;
  for (char c : digest) {
    auto byte = static_cast<unsigned char>(c);
    if (byte == 0) {
      bits += 8;
      continue;
    }
    while ((byte & 0x80) == 0) {
      ++bits;
      byte = static_cast<unsigned char>(byte << 1);
    }
    break;
  }
  return bits;
}

std::int64_t challenge_expiry(std::string_view challenge) {
  auto parts = split_dots(challenge);
  std::int64_t expires = 0;
  if (parts.size() != 6 || !parse_int(parts[1], &expires)) return 0;
  return expires;
}

Status check_solution(std::string_view key, std::string_view challenge, std::string_view nonce,
                      std::string_view purpose, int min_difficulty, std::int64_t now) {
  auto invalid = [] {
    return make_error(ErrorCode::kInvalidArgument,
                      "the anti-abuse check of this form did not pass; reload the page and send "
                      "it again",
                      "pow_invalid");
  };
  if (challenge.empty() || challenge.size() > kMaxChallengeBytes || nonce.empty() ||
      nonce.size() > kMaxNonceBytes) {
    return invalid();
  }
  auto parts = split_dots(challenge);
  if (parts.size() != 6 || parts[0] != "v1") return invalid();
  std::int64_t expires = 0;
  std::int64_t difficulty = 0;
  if (!parse_int(parts[1], &expires) || !parse_int(parts[2], &difficulty)) return invalid();
  std::string_view signed_part = challenge.substr(0, challenge.rfind('.'));
  if (!constant_time_equal(parts[5], mac_of(key, signed_part))) return invalid();
  if (parts[3] != purpose || difficulty < min_difficulty || difficulty > kMaxPowDifficulty) {
    return invalid();
  }
  if (expires < now) {
    return make_error(ErrorCode::kFailedPrecondition,
                      "the form waited too long before it was sent; send it again",
                      "pow_expired");
  }
  if (solution_bits(challenge, nonce) < difficulty) return invalid();
  return ok_status();
}

std::string solve_challenge(std::string_view challenge, int difficulty) {
  for (std::uint64_t n = 0;; ++n) {
    std::string nonce = std::to_string(n);
    if (solution_bits(challenge, nonce) >= difficulty) return nonce;
  }
}

}  // namespace escudo::crypto
