#include "crypto/secret_bytes.h"

#include <sodium.h>

namespace escudo::crypto {

SecretBytes::SecretBytes(std::size_t size) : bytes_(size) {
  if (!bytes_.empty()) sodium_mlock(bytes_.data(), bytes_.size());
}

SecretBytes::SecretBytes(const std::uint8_t* data, std::size_t size) : SecretBytes(size) {
  if (size > 0) std::copy(data, data + size, bytes_.data());
}

SecretBytes::~SecretBytes() { wipe(); }

SecretBytes& SecretBytes::operator=(SecretBytes&& other) noexcept {
  if (this != &other) {
    wipe();
    bytes_ = std::exchange(other.bytes_, {});
  }
  return *this;
}

void SecretBytes::wipe() {
  // sodium_munlock zeroes the memory before unlocking it.
  if (!bytes_.empty()) sodium_munlock(bytes_.data(), bytes_.size());
  bytes_.clear();
}

std::string to_base64(std::string_view bytes) {
  std::string out(sodium_base64_ENCODED_LEN(bytes.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()),
                    bytes.size(), sodium_base64_VARIANT_ORIGINAL);
  out.resize(out.size() - 1);  // the terminating NUL
  return out;
}

bool from_base64(std::string_view text, std::string* bytes) {
  std::string out(text.size() / 4 * 3 + 3, '\0');
  std::size_t length = 0;
  const char* end = nullptr;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.data(),
                        text.size(), nullptr, &length, &end, sodium_base64_VARIANT_ORIGINAL) != 0 ||
      end != text.data() + text.size()) {
    return false;
  }
  out.resize(length);
  *bytes = std::move(out);
  return true;
}

}  // namespace escudo::crypto
