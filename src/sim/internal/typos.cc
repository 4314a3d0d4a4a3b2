#include "sim/internal/typos.h"

#include <vector>

#include "sim/internal/text.h"

namespace escudo::sim::internal {
namespace {

// Keys next to each other on a Latin American Spanish keyboard (QWERTY with ñ).
std::u32string_view neighbours(char32_t c) {
  switch (c) {
    case U'a':
      return U"qwsz";
    case U'b':
      return U"vghn";
    case U'c':
      return U"xdfv";
    case U'd':
      return U"serfcx";
    case U'e':
      return U"wsdr";
    case U'f':
      return U"drtgvc";
    case U'g':
      return U"ftyhbv";
    case U'h':
      return U"gyujnb";
    case U'i':
      return U"ujko";
    case U'j':
      return U"huikmn";
    case U'k':
      return U"jiolm";
    case U'l':
      return U"kopñ";
    case U'm':
      return U"njk";
    case U'n':
      return U"bhjm";
    case U'o':
      return U"iklp";
    case U'p':
      return U"olñ";
    case U'q':
      return U"wa";
    case U'r':
      return U"edft";
    case U's':
      return U"awedxz";
    case U't':
      return U"rfgy";
    case U'u':
      return U"yhji";
    case U'v':
      return U"cfgb";
    case U'w':
      return U"qase";
    case U'x':
      return U"zsdc";
    case U'y':
      return U"tghu";
    case U'z':
      return U"asx";
    case U'ñ':
      return U"lp";
    default:
      return {};
  }
}

bool is_letter(char32_t c) { return c != U' ' && c != U'-' && c != U'\'' && c != U'.'; }

char32_t lower(char32_t c) { return c >= U'A' && c <= U'Z' ? c + (U'a' - U'A') : c; }
char32_t upper(char32_t c) { return c >= U'a' && c <= U'z' ? c - (U'a' - U'A') : c; }
bool is_upper(char32_t c) { return c >= U'A' && c <= U'Z'; }

// A letter to put in place of (or next to) `c`: a neighbouring key when `c` is on the
// keyboard, otherwise another letter of the same name.
char32_t slip_of(char32_t c, const std::u32string& letters, Rng& rng) {
  std::u32string_view keys = neighbours(lower(c));
  char32_t out = c;
  if (!keys.empty()) {
    out = keys[rng.below(keys.size())];
    return is_upper(c) ? upper(out) : out;
  }
  for (int tries = 0; tries < 8 && out == c; ++tries) {
    char32_t other = letters[rng.below(letters.size())];
    if (is_letter(other)) out = lower(other);
  }
  return out != c ? out : (c == U'a' ? U'e' : U'a');
}

}  // namespace

std::string with_typo(std::string_view name, Rng& rng) {
  return with_typo(name, static_cast<TypoKind>(rng.below(4)), rng);
}

std::string with_typo(std::string_view name, TypoKind kind, Rng& rng) {
  std::u32string letters = to_code_points(name);
  if (letters.empty()) return std::string(name);
  // Positions after the first letter that hold a letter.
  std::vector<std::size_t> at;
  for (std::size_t i = 1; i < letters.size(); ++i) {
    if (is_letter(letters[i])) at.push_back(i);
  }
  if (at.empty()) kind = TypoKind::kInsert;
  if (kind == TypoKind::kTranspose) {
    std::vector<std::size_t> pairs;  // i and i+1 are different letters
    for (std::size_t i : at) {
      if (i + 1 < letters.size() && is_letter(letters[i + 1]) &&
          lower(letters[i]) != lower(letters[i + 1])) {
        pairs.push_back(i);
      }
    }
    if (pairs.empty()) {
      kind = TypoKind::kSubstitute;
    } else {
      std::size_t i = pairs[rng.below(pairs.size())];
      std::swap(letters[i], letters[i + 1]);
      return to_utf8(letters);
    }
  }
  switch (kind) {
    case TypoKind::kInsert: {
      const std::size_t i = at.empty() ? letters.size() : at[rng.below(at.size())];
      const char32_t near = letters[i - 1];
      // Half the time the key is pressed twice ("Rodrriguez"), else a neighbour slips in.
      letters.insert(i, 1, rng.chance(0.5) ? lower(near) : lower(slip_of(near, letters, rng)));
      break;
    }
    case TypoKind::kDelete:
      letters.erase(at[rng.below(at.size())], 1);
      break;
    case TypoKind::kSubstitute:
    case TypoKind::kTranspose: {
      const std::size_t i = at[rng.below(at.size())];
      letters[i] = slip_of(letters[i], letters, rng);
      break;
    }
  }
  return to_utf8(letters);
}

namespace {

char32_t acute(char32_t c) {
  switch (c) {
    case U'a':
      return U'á';
    case U'e':
      return U'é';
    case U'i':
      return U'í';
    case U'o':
      return U'ó';
    case U'u':
      return U'ú';
    default:
      return 0;
  }
}

}  // namespace

bool can_add_accent(std::string_view name) {
  std::u32string letters = to_code_points(name);
  for (std::size_t i = 1; i < letters.size(); ++i) {
    if (acute(letters[i]) != 0) return true;
  }
  return false;
}

std::string with_accent_added(std::string_view name, Rng& rng) {
  std::u32string letters = to_code_points(name);
  std::vector<std::size_t> vowels;
  for (std::size_t i = 1; i < letters.size(); ++i) {
    if (acute(letters[i]) != 0) vowels.push_back(i);
  }
  if (vowels.empty()) return std::string(name);
  const std::size_t i = vowels[rng.below(vowels.size())];
  letters[i] = acute(letters[i]);
  return to_utf8(letters);
}

}  // namespace escudo::sim::internal
