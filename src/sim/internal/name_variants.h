// Other ways the same name gets written: hypocorisms (José → Pepe), other spellings and
// transliterations (Mohammad → Muhammad, Zhang → Chang, Yeferson → Jefferson, Jean-Baptiste →
// Jean Baptiste), and Chinese names in Han characters.
#pragma once

#include <string>
#include <string_view>

#include "sim/internal/rng.h"

namespace escudo::sim::internal {

// Nicknames follow the language of the country: José is Pepe in Caracas and Zé in São Paulo.
enum class NameLanguage : std::uint8_t { kSpanish, kPortuguese, kEnglish, kOther };

NameLanguage name_language(std::string_view iso3);

// A hypocorism of `given_names` ("José" → "Pepe" or "Chepe", "María José" → "Majo", "José
// Luis" → "Pepe"), or empty when the table has none for the whole name or its first part.
std::string_view hypocorism(std::string_view given_names, NameLanguage language, Rng& rng);
bool has_hypocorism(std::string_view given_names, NameLanguage language);

// `name` with one word spelled another common way, or with its hyphens written as spaces
// ("Jean-Pierre" → "Jean Pierre"); empty when no word has another spelling. Case-sensitive:
// it knows the names as the simulator writes them.
std::string alternate_spelling(std::string_view name, Rng& rng);
bool has_alternate_spelling(std::string_view name);

// The Han characters of a Chinese name in pinyin ("Wang" → "王", "Zhiwei" → "志伟"), or empty
// when the table does not know it.
std::string_view han_family_name(std::string_view pinyin);
std::string_view han_given_name(std::string_view pinyin);

}  // namespace escudo::sim::internal
