#include "crypto/sealed_box.h"

#include <sodium.h>

namespace escudo::crypto {
namespace {

const unsigned char* u8(std::string_view s) {
  return reinterpret_cast<const unsigned char*>(s.data());
}

}  // namespace

BoxKeyPair new_box_keypair() {
  BoxKeyPair out;
  out.public_key.assign(crypto_box_PUBLICKEYBYTES, '\0');
  out.secret_key = SecretBytes(crypto_box_SECRETKEYBYTES);
  crypto_box_keypair(reinterpret_cast<unsigned char*>(out.public_key.data()),
                     out.secret_key.data());
  return out;
}

Result<BoxKeyPair> box_keypair_from_seed(const SecretBytes& seed) {
  if (seed.size() != crypto_box_SEEDBYTES) {
    return make_error(ErrorCode::kInvalidArgument, "a key seed has 32 bytes");
  }
  BoxKeyPair out;
  out.public_key.assign(crypto_box_PUBLICKEYBYTES, '\0');
  out.secret_key = SecretBytes(crypto_box_SECRETKEYBYTES);
  crypto_box_seed_keypair(reinterpret_cast<unsigned char*>(out.public_key.data()),
                          out.secret_key.data(), seed.data());
  return out;
}

Result<BoxKeyPair> box_keypair_from_secret(SecretBytes secret_key) {
  if (secret_key.size() != crypto_box_SECRETKEYBYTES) {
    return make_error(ErrorCode::kDataLoss, "a stored secret key does not have 32 bytes");
  }
  BoxKeyPair out;
  out.public_key.assign(crypto_box_PUBLICKEYBYTES, '\0');
  crypto_scalarmult_base(reinterpret_cast<unsigned char*>(out.public_key.data()),
                         secret_key.data());
  out.secret_key = std::move(secret_key);
  return out;
}

Result<std::string> seal(std::string_view public_key, std::string_view plaintext) {
  if (public_key.size() != crypto_box_PUBLICKEYBYTES) {
    return make_error(ErrorCode::kInvalidArgument, "a public key has 32 bytes");
  }
  std::string out(plaintext.size() + crypto_box_SEALBYTES, '\0');
  if (crypto_box_seal(reinterpret_cast<unsigned char*>(out.data()), u8(plaintext),
                      plaintext.size(), u8(public_key)) != 0) {
    return make_error(ErrorCode::kInternal, "sealing failed");
  }
  return out;
}

Result<std::string> open_sealed(const BoxKeyPair& keys, std::string_view sealed) {
  if (sealed.size() < crypto_box_SEALBYTES || keys.public_key.size() != crypto_box_PUBLICKEYBYTES ||
      keys.secret_key.size() != crypto_box_SECRETKEYBYTES) {
    return make_error(ErrorCode::kDataLoss, "the sealed text is damaged or the key is wrong");
  }
  std::string out(sealed.size() - crypto_box_SEALBYTES, '\0');
  if (crypto_box_seal_open(reinterpret_cast<unsigned char*>(out.data()), u8(sealed), sealed.size(),
                           u8(keys.public_key), keys.secret_key.data()) != 0) {
    return make_error(ErrorCode::kDataLoss, "the sealed text is damaged or the key is wrong");
  }
  return out;
}

std::string random_bytes(std::size_t size) {
  std::string out(size, '\0');
  randombytes_buf(out.data(), out.size());
  return out;
}

std::uint32_t random_below(std::uint32_t upper) { return randombytes_uniform(upper); }

Result<SecretBytes> derive_key(std::string_view secret, std::string_view salt, PasswordCost cost,
                               std::size_t bytes) {
  if (salt.size() != crypto_pwhash_SALTBYTES) {
    return make_error(ErrorCode::kInvalidArgument, "a key-derivation salt has 16 bytes");
  }
  SecretBytes out(bytes);
  if (crypto_pwhash(out.data(), out.size(), secret.data(), secret.size(), u8(salt), cost.ops,
                    cost.memory_bytes, crypto_pwhash_ALG_ARGON2ID13) != 0) {
    return make_error(ErrorCode::kResourceExhausted, "not enough memory to derive the key");
  }
  return out;
}

Result<std::string> wrap(const SecretBytes& key, std::string_view plaintext) {
  if (key.size() != crypto_secretbox_KEYBYTES) {
    return make_error(ErrorCode::kInvalidArgument, "a wrapping key has 32 bytes");
  }
  std::string out(crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES + plaintext.size(), '\0');
  auto* nonce = reinterpret_cast<unsigned char*>(out.data());
  randombytes_buf(nonce, crypto_secretbox_NONCEBYTES);
  crypto_secretbox_easy(nonce + crypto_secretbox_NONCEBYTES, u8(plaintext), plaintext.size(), nonce,
                        key.data());
  return out;
}

Result<SecretBytes> unwrap(const SecretBytes& key, std::string_view wrapped) {
  constexpr std::size_t kOverhead = crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES;
  if (key.size() != crypto_secretbox_KEYBYTES || wrapped.size() < kOverhead) {
    return make_error(ErrorCode::kDataLoss, "the wrapped key is damaged or the password is wrong");
  }
  SecretBytes out(wrapped.size() - kOverhead);
  const unsigned char* nonce = u8(wrapped);
  if (crypto_secretbox_open_easy(out.data(), nonce + crypto_secretbox_NONCEBYTES,
                                 wrapped.size() - crypto_secretbox_NONCEBYTES, nonce,
                                 key.data()) != 0) {
    return make_error(ErrorCode::kDataLoss, "the wrapped key is damaged or the password is wrong");
  }
  return out;
}

std::string hmac_sha256(std::string_view key, std::string_view message) {
  std::string out(crypto_auth_hmacsha256_BYTES, '\0');
  crypto_auth_hmacsha256_state state;
  crypto_auth_hmacsha256_init(&state, u8(key), key.size());
  crypto_auth_hmacsha256_update(&state, u8(message), message.size());
  crypto_auth_hmacsha256_final(&state, reinterpret_cast<unsigned char*>(out.data()));
  sodium_memzero(&state, sizeof state);
  return out;
}

std::string sha256_raw(std::string_view data) {
  std::string out(crypto_hash_sha256_BYTES, '\0');
  crypto_hash_sha256(reinterpret_cast<unsigned char*>(out.data()), u8(data), data.size());
  return out;
}

}  // namespace escudo::crypto
