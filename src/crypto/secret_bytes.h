// Key material in memory: bytes that are wiped when they go away and kept out of swap where the
// system allows (libsodium's sodium_mlock). Move-only, so a key has one owner.
//
//   crypto::SecretBytes key(32);
//   randombytes_buf(key.data(), key.size());     // inside src/crypto only
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace escudo::crypto {

class SecretBytes {
 public:
  SecretBytes() = default;
  explicit SecretBytes(std::size_t size);
  SecretBytes(const std::uint8_t* data, std::size_t size);
  ~SecretBytes();
  SecretBytes(SecretBytes&& other) noexcept : bytes_(std::exchange(other.bytes_, {})) {}
  SecretBytes& operator=(SecretBytes&& other) noexcept;
  SecretBytes(const SecretBytes&) = delete;
  SecretBytes& operator=(const SecretBytes&) = delete;

  // A second copy, for the rare holder that needs its own (a key kept for several sessions).
  SecretBytes clone() const { return SecretBytes(data(), size()); }

  std::uint8_t* data() { return bytes_.data(); }
  const std::uint8_t* data() const { return bytes_.data(); }
  std::size_t size() const { return bytes_.size(); }
  bool empty() const { return bytes_.empty(); }
  std::string_view view() const {
    return {reinterpret_cast<const char*>(bytes_.data()), bytes_.size()};
  }

 private:
  void wipe();
  std::vector<std::uint8_t> bytes_;
};

// Standard base64 (with padding) of arbitrary bytes, and back. from_base64 returns false for
// text that is not base64.
std::string to_base64(std::string_view bytes);
bool from_base64(std::string_view text, std::string* bytes);

}  // namespace escudo::crypto
