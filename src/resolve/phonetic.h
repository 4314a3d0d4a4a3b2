// A phonetic key for names as they are spoken in Spanish, so that spellings a registrar hears
// the same way meet: "Gonzales"/"González", "Jiménez"/"Giménez"/"Ximénez", "Mosquera"/
// "Mozquera", "Yépez"/"Llépez", "Vélez"/"Bélez", "Hernández"/"Ernández", "Quintero"/"Kintero".
//
//   spanish_phonetic("gonzalez") == "GNSLS"
//   phonetic_code("gonzalez") == phonetic_code("gonzales")
//
// Rules (on folded text, see normalize.h): a silent h; b/v/w as one sound; c before e/i, s, z
// as one; c, k, q(u) as one; g before e/i, j and initial x before a vowel as one; gu before e/i
// is g; ll and y before a vowel as one; ch, ph (f), sh kept apart; rr is r; doubled sounds count
// once; a leading vowel is kept as "A", later vowels are dropped (they are rarely misheard,
// but they differ most between transliterations: "Mohamed"/"mhmd"). Pure and thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace escudo::resolve {

// The key as letters (for explanations and tests). Input: lower-case ASCII; other bytes are
// skipped.
std::string spanish_phonetic(std::string_view folded);

// The first 12 symbols of the key packed into an integer; 0 for a name without letters.
std::uint64_t phonetic_code(std::string_view folded);

}  // namespace escudo::resolve
