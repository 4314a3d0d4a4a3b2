// Lists of short texts (reasons, aliases, indicator codes) kept in one TEXT column, one item a
// line. Items never hold a line break: they are codes, names and one-line reasons.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace escudo::store::internal {

// Each item followed by '\n'.
inline std::string join_lines(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& s : items) out.append(s).push_back('\n');
  return out;
}

// The non-empty lines of `text`.
inline std::vector<std::string> split_lines(std::string_view text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    if (end > start) out.emplace_back(text.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

}  // namespace escudo::store::internal
