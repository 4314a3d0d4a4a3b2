// UTF-8 checks. Every text that enters escudo (CSV fields, JSON strings, names) is checked
// here before it is stored, so that the store holds only valid UTF-8.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace escudo {

// The byte offset of the first invalid sequence in `text`, or nullopt when it is valid UTF-8
// (overlong forms, surrogates and code points past U+10FFFF are invalid). Thread-safe.
std::optional<std::size_t> find_invalid_utf8(std::string_view text);

// The number of code points in the valid UTF-8 prefix `text` (for 1-based column numbers).
std::size_t count_code_points(std::string_view text);

}  // namespace escudo
