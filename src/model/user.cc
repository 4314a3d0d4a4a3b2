#include "model/user.h"

#include "base/utf8.h"

namespace escudo::model {

std::string_view language_code(Language language) {
  return language == Language::kEnglish ? "en" : "es";
}

Result<Language> parse_language(std::string_view code) {
  if (code == "en") return Language::kEnglish;
  if (code == "es") return Language::kSpanish;
  return errorf(ErrorCode::kInvalidArgument, "'{}' is not a language; use 'es' or 'en'", code);
}

Status validate_username(std::string_view username) {
  if (username.size() < 3 || username.size() > 64) {
    return make_error(ErrorCode::kInvalidArgument, "a user name has 3 to 64 characters");
  }
  for (char c : username) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
    if (!ok) {
      return make_error(ErrorCode::kInvalidArgument,
                        "a user name may hold only a-z, 0-9, '.', '_' and '-'");
    }
  }
  return ok_status();
}

Status validate_display_text(std::string_view field, std::string_view text) {
  if (text.empty()) return errorf(ErrorCode::kInvalidArgument, "{} is required", field);
  if (text.size() > 200) return errorf(ErrorCode::kInvalidArgument, "{} is too long", field);
  if (find_invalid_utf8(text)) {
    return errorf(ErrorCode::kInvalidArgument, "{} is not valid UTF-8 text", field);
  }
  for (unsigned char c : text) {
    if (c < 0x20 || c == 0x7f) {
      return errorf(ErrorCode::kInvalidArgument, "{} holds a control character", field);
    }
  }
  return ok_status();
}

}  // namespace escudo::model
