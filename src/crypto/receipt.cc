#include "crypto/receipt.h"

#include "crypto/crypto.h"

namespace escudo::crypto {

std::string ReceiptCode::formatted() const {
  std::string digits = locator + secret;
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && i % 4 == 0) out.push_back(' ');
    out.push_back(digits[i]);
  }
  return out;
}

ReceiptCode new_receipt_code() {
  auto digits = [](std::size_t n) {
    std::string out;
    for (std::size_t i = 0; i < n; ++i) out.push_back(static_cast<char>('0' + random_below(10)));
    return out;
  };
  return ReceiptCode{digits(kReceiptLocatorDigits), digits(kReceiptSecretDigits)};
}

Result<ReceiptCode> parse_receipt_code(std::string_view text) {
  std::string digits;
  for (char c : text) {
    if (c >= '0' && c <= '9') {
      digits.push_back(c);
    } else if (c != ' ' && c != '-' && c != '\t') {
      return make_error(ErrorCode::kInvalidArgument,
                        "the receipt code is made of 20 digits (spaces and dashes are ignored)",
                        "receipt_malformed");
    }
    if (digits.size() > kReceiptLocatorDigits + kReceiptSecretDigits) break;
  }
  if (digits.size() != kReceiptLocatorDigits + kReceiptSecretDigits) {
    return make_error(ErrorCode::kInvalidArgument,
                      "the receipt code is made of 20 digits (spaces and dashes are ignored)",
                      "receipt_malformed");
  }
  return ReceiptCode{digits.substr(0, kReceiptLocatorDigits), digits.substr(kReceiptLocatorDigits)};
}

Result<ReceiptKeys> derive_receipt_keys(std::string_view secret, std::string_view salt,
                                        PasswordCost cost) {
  ESCUDO_ASSIGN_OR_RETURN(SecretBytes out, derive_key(secret, salt, cost, 64));
  ReceiptKeys keys;
  keys.verifier = sha256_hex(std::string_view(out.view().substr(0, 32)));
  SecretBytes seed(out.data() + 32, 32);
  ESCUDO_ASSIGN_OR_RETURN(keys.tipster, box_keypair_from_seed(seed));
  return keys;
}

}  // namespace escudo::crypto
