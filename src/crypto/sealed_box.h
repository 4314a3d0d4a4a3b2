// Public-key and secret-key encryption for the tip desk (libsodium).
//
// Sealed boxes (crypto_box_seal: X25519 + XSalsa20-Poly1305 with a throw-away sender key) let
// anyone encrypt to a public key without being able to decrypt what they sent: the server seals
// each tip to the desk's public key at submission and keeps no way to open it. Secret keys are
// kept wrapped: encrypted with a key derived from a password by Argon2id (derive_key) using
// crypto_secretbox (XSalsa20-Poly1305, random nonce).
//
//   BoxKeyPair desk = new_box_keypair();
//   std::string sealed = seal(desk.public_key, "the tip");
//   ESCUDO_ASSIGN_OR_RETURN(std::string text, open_sealed(desk, sealed));
//
//   ESCUDO_ASSIGN_OR_RETURN(SecretBytes kek, derive_key(password, salt, cost));
//   std::string wrapped = wrap(kek, desk.secret_key.view());
//
// Every function is thread-safe after crypto::init().
#pragma once

#include <string>
#include <string_view>

#include "base/status.h"
#include "crypto/password.h"
#include "crypto/secret_bytes.h"

namespace escudo::crypto {

inline constexpr std::size_t kBoxKeyBytes = 32;
inline constexpr std::size_t kSaltBytes = 16;

struct BoxKeyPair {
  std::string public_key;  // 32 raw bytes
  SecretBytes secret_key;  // 32 raw bytes
};

BoxKeyPair new_box_keypair();
// The same key pair every time for the same 32-byte seed. kInvalidArgument for another size.
Result<BoxKeyPair> box_keypair_from_seed(const SecretBytes& seed);
// The key pair whose secret key is `secret_key` (the public key is computed from it).
Result<BoxKeyPair> box_keypair_from_secret(SecretBytes secret_key);

// Encrypts `plaintext` so that only the holder of the secret key matching `public_key` can read
// it. The result is 48 bytes longer. kInvalidArgument for a public key of the wrong size.
Result<std::string> seal(std::string_view public_key, std::string_view plaintext);
// kDataLoss when `sealed` was not made for this key pair or was changed.
Result<std::string> open_sealed(const BoxKeyPair& keys, std::string_view sealed);

// `size` random bytes (salts, seeds).
std::string random_bytes(std::size_t size);
// A uniformly random integer in [0, upper).
std::uint32_t random_below(std::uint32_t upper);

// A 32-byte key from `secret` (a password or a receipt code) and a kSaltBytes salt with
// Argon2id, or 64 bytes when `bytes` says so. kInvalidArgument for a salt of the wrong size,
// kResourceExhausted when the memory cannot be had. CPU-heavy by design.
Result<SecretBytes> derive_key(std::string_view secret, std::string_view salt, PasswordCost cost,
                               std::size_t bytes = 32);

// Encrypts with a 32-byte key: nonce followed by the secretbox (40 bytes longer).
Result<std::string> wrap(const SecretBytes& key, std::string_view plaintext);
// kDataLoss when the key is wrong or the text was changed.
Result<SecretBytes> unwrap(const SecretBytes& key, std::string_view wrapped);

// HMAC-SHA-256 of `message` under `key` (any length), as raw bytes.
std::string hmac_sha256(std::string_view key, std::string_view message);
// SHA-256 of `data`, as 32 raw bytes.
std::string sha256_raw(std::string_view data);

}  // namespace escudo::crypto
