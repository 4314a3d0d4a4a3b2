// Folds UTF-8 text to lower-case ASCII for matching: accents dropped ("Núñez" → "nunez"), other
// scripts transliterated through ICU ("Иван" → "ivan", "王伟" → "wang wei"), letters and digits
// kept, the punctuation that carries meaning in names kept as one ASCII mark ('"', '(', ')',
// ',', '.', '\''), everything else a space. ICU stays inside text_fold.cc.
//
//   TextFolder folder;                       // costs ~2 ms: build one per thread and keep it
//   std::string s = folder.fold("José “El Mono” Ñáñez");   // "jose \"el mono\" nanez"
#pragma once

#include <array>
#include <memory>
#include <string>
#include <string_view>

namespace escudo::resolve::internal {

class TextFolder {
 public:
  TextFolder();
  ~TextFolder();
  TextFolder(TextFolder&&) noexcept;
  TextFolder& operator=(TextFolder&&) noexcept;

  // Not thread-safe (the ICU transliterator keeps state): one folder per thread.
  std::string fold(std::string_view utf8) const;

 private:
  std::string fold_impl(std::string_view utf8, bool use_icu) const;
  struct Icu;
  std::unique_ptr<Icu> icu_;
  // Folded forms of U+0080..U+024F, the Latin letters of the corridor's names, looked up
  // without ICU.
  std::array<std::string, 0x250 - 0x80> latin_;
};

}  // namespace escudo::resolve::internal
