// Receipt codes for the tip line: what a tipster writes down to come back, read answers and
// add to their tip. A code is 20 decimal digits shown in five groups of four
// ("4821 0937 5512 6604 1298"): the first 8 digits are the tip's locator (random, stored in the
// clear so the tip can be found), the last 12 the secret (never stored; 10^12 ≈ 2^39.9).
//
// The secret goes through Argon2id with a per-tip salt once per check; the 64-byte output is
// split: its first half's SHA-256 is the stored verifier, its second half seeds the X25519 key
// pair the desk's answers are sealed to. So the server can check a code and read a tipster's
// conversation only while the tipster presents the code.
//
//   ReceiptCode code = new_receipt_code();
//   std::string shown = code.formatted();                       // once, to the tipster
//   ESCUDO_ASSIGN_OR_RETURN(ReceiptCode back, parse_receipt_code(typed));
//   ESCUDO_ASSIGN_OR_RETURN(ReceiptKeys keys, derive_receipt_keys(back.secret, salt, cost));
#pragma once

#include <string>
#include <string_view>

#include "base/status.h"
#include "crypto/password.h"
#include "crypto/sealed_box.h"

namespace escudo::crypto {

inline constexpr std::size_t kReceiptLocatorDigits = 8;
inline constexpr std::size_t kReceiptSecretDigits = 12;

struct ReceiptCode {
  std::string locator;  // 8 digits
  std::string secret;   // 12 digits

  // "dddd dddd dddd dddd dddd".
  std::string formatted() const;
};

ReceiptCode new_receipt_code();

// Accepts the 20 digits with any spaces or dashes between them. kInvalidArgument otherwise
// (the message never echoes the text).
Result<ReceiptCode> parse_receipt_code(std::string_view text);

struct ReceiptKeys {
  std::string verifier;  // 64 hex digits: what the store keeps
  BoxKeyPair tipster;    // answers to the tipster are sealed to tipster.public_key
};

// Argon2id over the secret with the tip's salt (kSaltBytes). CPU-heavy by design.
Result<ReceiptKeys> derive_receipt_keys(std::string_view secret, std::string_view salt,
                                        PasswordCost cost);

}  // namespace escudo::crypto
