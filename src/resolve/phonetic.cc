#include "resolve/phonetic.h"

namespace escudo::resolve {
namespace {

bool is_vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }
bool front_vowel(char c) { return c == 'e' || c == 'i' || c == 'y'; }

}  // namespace

std::string spanish_phonetic(std::string_view in) {
  std::string letters;
  letters.reserve(in.size());
  for (char c : in) {
    if (c >= 'a' && c <= 'z') letters += c;
  }
  std::string key;
  auto emit = [&](char symbol) {
    if (key.empty() || key.back() != symbol) key += symbol;
  };
  const std::size_t n = letters.size();
  auto at = [&](std::size_t i) -> char { return i < n ? letters[i] : '\0'; };
  for (std::size_t i = 0; i < n; ++i) {
    const char c = letters[i];
    const char next = at(i + 1);
    if (is_vowel(c)) {
      if (key.empty()) key += 'A';
      continue;
    }
    switch (c) {
      case 'h':
        if (key.empty() && !is_vowel(next) && next != '\0') break;  // silent
        if (key.empty() && next != '\0') key += 'A';  // "Hernández" starts with its vowel
        break;
      case 'b': case 'v': case 'w':
        emit('B');
        break;
      case 'c':
        if (next == 'h') {
          emit('C');
          ++i;
        } else if (front_vowel(next)) {
          emit('S');
        } else {
          emit('K');
          if (next == 'c' || next == 'k' || next == 'q') ++i;
        }
        break;
      case 'k':
        emit('K');
        break;
      case 'q':
        emit('K');
        if (next == 'u') ++i;
        break;
      case 's':
        if (next == 'h') {
          emit('X');
          ++i;
        } else {
          emit('S');
        }
        break;
      case 'z':
        emit('S');
        break;
      case 'g':
        if (next == 'u' && front_vowel(at(i + 2))) {
          emit('G');
          ++i;
        } else if (front_vowel(next)) {
          emit('J');
        } else {
          emit('G');
        }
        break;
      case 'j':
        emit('J');
        break;
      case 'x':
        if (key.empty() && is_vowel(next)) {
          emit('J');
        } else {
          emit('K');
          emit('S');
        }
        break;
      case 'l':
        if (next == 'l') {
          emit('Y');
          ++i;
        } else {
          emit('L');
        }
        break;
      case 'y':
        if (is_vowel(next)) {
          emit('Y');
        } else if (key.empty()) {
          key += 'A';
        }
        break;
      case 'p':
        if (next == 'h') {
          emit('F');
          ++i;
        } else {
          emit('P');
        }
        break;
      default:
        emit(static_cast<char>(c - 'a' + 'A'));
        break;
    }
  }
  return key;
}

std::uint64_t phonetic_code(std::string_view folded) {
  std::string key = spanish_phonetic(folded);
  std::uint64_t code = 0;
  std::size_t count = 0;
  for (char symbol : key) {
    if (count == 12) break;
    code = (code << 5) | static_cast<std::uint64_t>(symbol - 'A' + 1);
    ++count;
  }
  // The length in the low bits keeps "B" and "AB"-style keys apart from each other's prefixes.
  return code == 0 ? 0 : (code << 4) | count;
}

}  // namespace escudo::resolve
