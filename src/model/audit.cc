#include "model/audit.h"

#include <fmt/format.h>

namespace escudo::model {
namespace {

// Tabs and newlines separate fields, so they are escaped inside a field; otherwise two
// different entries could share a canonical text.
std::string escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (c == '\\') out += "\\\\";
    else if (c == '\t') out += "\\t";
    else if (c == '\n') out += "\\n";
    else out.push_back(c);
  }
  return out;
}

}  // namespace

std::string canonical_text(const AuditEntry& entry) {
  return fmt::format("{}\t{}\t{}\t{}\t{}\t{}", entry.id.value(), entry.at, escape(entry.actor),
                     escape(entry.action), escape(entry.object), escape(entry.detail));
}

}  // namespace escudo::model
