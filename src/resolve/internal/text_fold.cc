#include "resolve/internal/text_fold.h"

#include <unicode/translit.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <cstdint>

namespace escudo::resolve::internal {

struct TextFolder::Icu {
  std::unique_ptr<icu::Transliterator> to_latin;
};

namespace {

// One ASCII byte as it stays in folded text ('\0': becomes a space).
char fold_ascii(char c) {
  if (c >= 'A' && c <= 'Z') return static_cast<char>(c - 'A' + 'a');
  if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) return c;
  switch (c) {
    case '"': case '(': case ')': case ',': case '.': case '\'':
      return c;
    case '[': return '(';
    case ']': return ')';
    default: return ' ';
  }
}

// Quotation marks of many languages fold to '"'; the Arabic letters ayin and hamza, which the
// transliteration writes as modifier letters, fold to 'a' so that "ʿly" meets "Ali".
const char* fold_special(UChar32 c) {
  switch (c) {
    case 0x201C: case 0x201D: case 0x201E: case 0x00AB: case 0x00BB: case 0x2039:
    case 0x203A: case 0x300C: case 0x300D:
      return "\"";
    case 0x2018: case 0x2019: case 0x02BC:
      return "'";
    case 0x02BE: case 0x02BF:
      return "a";
    default:
      return nullptr;
  }
}

}  // namespace

TextFolder::TextFolder() : icu_(std::make_unique<Icu>()) {
  UErrorCode status = U_ZERO_ERROR;
  icu_->to_latin.reset(icu::Transliterator::createInstance(
      "Any-Latin; Latin-ASCII", UTRANS_FORWARD, status));
  if (U_FAILURE(status)) icu_->to_latin.reset();
  for (UChar32 c = 0x80; c < 0x250; ++c) {
    icu::UnicodeString text(c);
    if (icu_->to_latin) icu_->to_latin->transliterate(text);
    std::string utf8;
    text.toUTF8String(utf8);
    std::string folded;
    for (char ch : utf8) {
      char f = static_cast<unsigned char>(ch) < 0x80 ? fold_ascii(ch) : ' ';
      folded += f;
    }
    latin_[static_cast<std::size_t>(c - 0x80)] = folded;
  }
}

TextFolder::~TextFolder() = default;
TextFolder::TextFolder(TextFolder&&) noexcept = default;
TextFolder& TextFolder::operator=(TextFolder&&) noexcept = default;

std::string TextFolder::fold(std::string_view utf8) const { return fold_impl(utf8, true); }

std::string TextFolder::fold_impl(std::string_view utf8, bool use_icu) const {
  std::string out;
  out.reserve(utf8.size());
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(utf8.data());
  const auto length = static_cast<std::int32_t>(utf8.size());
  std::int32_t i = 0;
  while (i < length) {
    if (bytes[i] < 0x80) {
      out += fold_ascii(static_cast<char>(bytes[i]));
      ++i;
      continue;
    }
    std::int32_t start = i;
    UChar32 c = 0;
    U8_NEXT(bytes, i, length, c);
    if (c < 0) {
      out += ' ';
      continue;
    }
    if (const char* special = fold_special(c)) {
      out += special;
    } else if (c < 0x250) {
      out += latin_[static_cast<std::size_t>(c - 0x80)];
    } else if (use_icu && icu_->to_latin) {
      // Transliterate the whole run of non-Latin text at once: scripts such as Arabic and Han
      // transliterate by context, not letter by letter.
      std::int32_t end = i;
      while (end < length) {
        if (bytes[end] < 0x80) break;
        std::int32_t next = end;
        UChar32 d = 0;
        U8_NEXT(bytes, next, length, d);
        if (d >= 0 && d < 0x250) break;
        end = next;
      }
      icu::UnicodeString text = icu::UnicodeString::fromUTF8(
          icu::StringPiece(utf8.data() + start, end - start));
      icu_->to_latin->transliterate(text);
      std::string latin;
      text.toUTF8String(latin);
      out += fold_impl(latin, false);  // what ICU could not transliterate becomes a space
      i = end;
    } else {
      out += ' ';
    }
  }
  return out;
}

}  // namespace escudo::resolve::internal
