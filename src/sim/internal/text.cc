#include "sim/internal/text.h"

#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include <cstdint>

namespace escudo::sim::internal {
namespace {

// The base letter of `c` when its canonical decomposition is a letter followed only by
// combining marks; `c` itself otherwise, and 0 for a lone combining mark.
UChar32 base_letter(const UNormalizer2* nfd, UChar32 c) {
  if (u_charType(c) == U_NON_SPACING_MARK) return 0;
  if (nfd == nullptr) return c;
  UChar buffer[16];
  UErrorCode status = U_ZERO_ERROR;
  const std::int32_t length = unorm2_getDecomposition(nfd, c, buffer, 16, &status);
  if (U_FAILURE(status) || length <= 0) return c;
  std::int32_t i = 0;
  UChar32 base = 0;
  U16_NEXT(buffer, i, length, base);
  while (i < length) {
    UChar32 mark = 0;
    U16_NEXT(buffer, i, length, mark);
    if (u_charType(mark) != U_NON_SPACING_MARK) return c;
  }
  return base;
}

}  // namespace

std::u32string to_code_points(std::string_view utf8) {
  std::u32string out;
  out.reserve(utf8.size());
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(utf8.data());
  const auto length = static_cast<std::int32_t>(utf8.size());
  std::int32_t i = 0;
  while (i < length) {
    UChar32 c = 0;
    U8_NEXT(bytes, i, length, c);
    out.push_back(c < 0 ? U'\uFFFD' : static_cast<char32_t>(c));
  }
  return out;
}

std::string to_utf8(std::u32string_view code_points) {
  std::string out;
  out.reserve(code_points.size() + 4);
  for (char32_t c : code_points) {
    std::uint8_t buffer[U8_MAX_LENGTH];
    std::int32_t n = 0;
    U8_APPEND_UNSAFE(buffer, n, static_cast<UChar32>(c));
    out.append(reinterpret_cast<const char*>(buffer), static_cast<std::size_t>(n));
  }
  return out;
}

std::string without_accents(std::string_view utf8) {
  if (is_ascii(utf8)) return std::string(utf8);
  UErrorCode status = U_ZERO_ERROR;
  const UNormalizer2* nfd = unorm2_getNFDInstance(&status);
  if (U_FAILURE(status)) nfd = nullptr;
  std::u32string letters = to_code_points(utf8);
  std::u32string out;
  out.reserve(letters.size());
  for (char32_t c : letters) {
    const UChar32 base = base_letter(nfd, static_cast<UChar32>(c));
    if (base != 0) out.push_back(static_cast<char32_t>(base));
  }
  return to_utf8(out);
}

std::string in_capitals(std::string_view utf8) {
  std::u32string letters = to_code_points(utf8);
  for (char32_t& c : letters) c = static_cast<char32_t>(u_toupper(static_cast<UChar32>(c)));
  return to_utf8(letters);
}

bool is_ascii(std::string_view text) {
  for (char c : text) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

}  // namespace escudo::sim::internal
