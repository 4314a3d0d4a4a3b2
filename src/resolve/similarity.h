// String similarity for short folded tokens (names, postcodes, document numbers).
//
//   jaro_winkler("martha", "marhta") ≈ 0.961
//   damerau_levenshtein("mosquera", "mosqeura") == 1     // one transposition
//
// Allocation-free for strings up to 64 bytes (longer ones are cut there). Pure, thread-safe.
#pragma once

#include <string_view>

namespace escudo::resolve {

// Jaro–Winkler similarity in [0, 1], prefix scale 0.1 over at most 4 characters.
double jaro_winkler(std::string_view a, std::string_view b);

// Optimal-string-alignment distance (insertions, deletions, substitutions, transpositions of
// adjacent characters), or `limit + 1` as soon as it exceeds `limit`.
int damerau_levenshtein(std::string_view a, std::string_view b, int limit = 3);

}  // namespace escudo::resolve
