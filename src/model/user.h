// Agencies, users and sessions as the rest of escudo sees them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/ids.h"
#include "base/status.h"
#include "model/role.h"

namespace escudo::model {

enum class Language : std::uint8_t { kEnglish, kSpanish };
std::string_view language_code(Language language);  // "en", "es"
Result<Language> parse_language(std::string_view code);

struct Agency {
  AgencyId id;
  std::string name;
};

struct User {
  UserId id;
  std::string username;
  std::string display_name;
  AgencyId agency_id;
  std::string agency_name;
  std::vector<Role> roles;
  Language language = Language::kSpanish;
  bool disabled = false;
  bool totp_enabled = false;
  std::int64_t created_at = 0;  // unix seconds
};

// kInvalidArgument when the username is not 3–64 characters of a–z, 0–9, '.', '_' or '-'.
Status validate_username(std::string_view username);
// kInvalidArgument when empty, longer than 200 bytes, or holding control characters.
Status validate_display_text(std::string_view field, std::string_view text);

}  // namespace escudo::model
