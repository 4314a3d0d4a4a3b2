// The slips of a registrar's hand in a name: one letter inserted, deleted, replaced (often by
// a key next to it) or two letters swapped; and an accent put where there is none.
#pragma once

#include <string>
#include <string_view>

#include "sim/internal/rng.h"

namespace escudo::sim::internal {

enum class TypoKind : std::uint8_t { kInsert, kDelete, kSubstitute, kTranspose };

// `name` with one edit of a random kind, never equal to `name` when it has two or more
// letters (a name of one letter gets a letter inserted). The first letter is kept: people
// rarely mistype the start of a name.
std::string with_typo(std::string_view name, Rng& rng);
std::string with_typo(std::string_view name, TypoKind kind, Rng& rng);

// `name` with an acute accent on one of its plain vowels after the first letter ("Maria" →
// "María", "Yorman" → "Yormán"); `name` unchanged when it has none.
std::string with_accent_added(std::string_view name, Rng& rng);
bool can_add_accent(std::string_view name);

}  // namespace escudo::sim::internal
