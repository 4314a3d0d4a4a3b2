// Hashcash-style proof of work for the public tip forms: the server hands out a challenge it
// signed (HMAC-SHA-256 under a key of its own) with an expiry, a difficulty and a purpose, and
// keeps nothing; the client finds a nonce such that SHA-256(challenge ":" nonce) starts with
// `difficulty` zero bits (about 2^difficulty hashes), then sends both back. Spent challenges are
// recorded by the caller until they expire, so one solution buys one request.
//
//   std::string c = issue_challenge(key, "submit", 16, now + 7200);
//   ESCUDO_TRY(check_solution(key, c, nonce, "submit", 16, now));
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "base/status.h"

namespace escudo::crypto {

inline constexpr int kMaxPowDifficulty = 32;

// "v1.<expires_at>.<difficulty>.<purpose>.<random>.<mac>" — printable, no spaces.
// `purpose` is lower-case letters only.
std::string issue_challenge(std::string_view key, std::string_view purpose, int difficulty,
                            std::int64_t expires_at);

// kInvalidArgument (reason "pow_invalid") when the challenge was not signed with `key`, is for
// another purpose, asks less than `min_difficulty`, or the nonce does not solve it;
// kFailedPrecondition (reason "pow_expired") when it expired before `now`.
Status check_solution(std::string_view key, std::string_view challenge, std::string_view nonce,
                      std::string_view purpose, int min_difficulty, std::int64_t now);

// The expiry written in a well-formed challenge (for recording it as spent), or 0.
std::int64_t challenge_expiry(std::string_view challenge);

// Leading zero bits of SHA-256(challenge ":" nonce).
int solution_bits(std::string_view challenge, std::string_view nonce);

// Finds a nonce (decimal text) for a challenge; for tests and the command line.
std::string solve_challenge(std::string_view challenge, int difficulty);

}  // namespace escudo::crypto
