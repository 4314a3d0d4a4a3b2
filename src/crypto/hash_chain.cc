#include "crypto/hash_chain.h"

#include <sodium.h>

namespace escudo::crypto {

std::string chain_hash(std::string_view previous_hash, std::string_view canonical_entry) {
  crypto_hash_sha256_state state;
  crypto_hash_sha256_init(&state);
  crypto_hash_sha256_update(&state, reinterpret_cast<const unsigned char*>(previous_hash.data()),
                            previous_hash.size());
  const unsigned char separator = '\n';
  crypto_hash_sha256_update(&state, &separator, 1);
  crypto_hash_sha256_update(&state, reinterpret_cast<const unsigned char*>(canonical_entry.data()),
                            canonical_entry.size());
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256_final(&state, digest);
  std::string hex(crypto_hash_sha256_BYTES * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), digest, sizeof digest);
  hex.pop_back();
  return hex;
}

}  // namespace escudo::crypto
