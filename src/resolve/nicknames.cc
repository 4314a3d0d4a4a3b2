#include "resolve/nicknames.h"

#include <sstream>
#include <vector>

#include "resolve/internal/text_fold.h"

namespace escudo::resolve {
namespace {

std::vector<std::string> words(std::string_view folded) {
  std::vector<std::string> out;
  std::string current;
  for (char c : folded) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      current += c;
    } else if (c != '\'' && !current.empty()) {
      out.push_back(std::move(current));
      current.clear();
    }
  }
  if (!current.empty()) out.push_back(std::move(current));
  return out;
}

std::string join(const std::vector<std::string>& parts) {
  std::string out;
  for (const auto& p : parts) {
    if (!out.empty()) out += ' ';
    out += p;
  }
  return out;
}

}  // namespace

Result<NicknameTable> NicknameTable::parse(std::string_view text) {
  internal::TextFolder folder;
  NicknameTable table;
  std::size_t line_number = 0;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    ++line_number;
    if (std::size_t hash = line.find('#'); hash != std::string_view::npos) {
      line = line.substr(0, hash);
    }
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) {
      if (end == text.size()) break;
      continue;
    }
    std::size_t colon = line.find(':');
    if (colon == std::string_view::npos) {
      return errorf(ErrorCode::kInvalidArgument,
                    "nicknames line {}: expected 'canonical: variant variant ...'", line_number);
    }
    std::vector<std::string> canonical = words(folder.fold(line.substr(0, colon)));
    if (canonical.empty()) {
      return errorf(ErrorCode::kInvalidArgument, "nicknames line {}: no canonical name before ':'",
                    line_number);
    }
    std::string canonical_text = join(canonical);
    for (const auto& w : canonical) table.given_names_.insert(w);
    // Variants are single words; a variant written with a hyphen or a space is a compound name
    // and is matched token by token instead.
    std::string rest = folder.fold(line.substr(colon + 1));
    std::istringstream variants(rest);
    std::string variant;
    while (variants >> variant) {
      std::vector<std::string> parts = words(variant);
      if (parts.size() != 1) continue;
      table.given_names_.insert(parts[0]);
      if (parts[0] != canonical_text) table.canonical_.try_emplace(parts[0], canonical_text);
    }
    if (end == text.size()) break;
  }
  return table;
}

void NicknameTable::add(const NicknameTable& other) {
  for (const auto& [variant, canonical] : other.canonical_) canonical_.try_emplace(variant, canonical);
  given_names_.insert(other.given_names_.begin(), other.given_names_.end());
}

std::string_view NicknameTable::canonical(std::string_view token) const {
  auto it = canonical_.find(std::string(token));
  return it == canonical_.end() ? token : std::string_view(it->second);
}

bool NicknameTable::is_given_name(std::string_view token) const {
  return given_names_.contains(std::string(token));
}

}  // namespace escudo::resolve
