#include "model/tip.h"

#include "base/json.h"
#include "base/utf8.h"

namespace escudo::model {
namespace {

constexpr std::string_view kStatusNames[] = {"new", "triaged", "actionable", "closed"};
constexpr std::string_view kLanguageCodes[] = {"es", "en", "fr", "ht"};

void check_text(std::vector<FieldProblem>& out, std::string_view field, std::string_view text,
                std::size_t max_bytes, bool required) {
  if (text.empty() || text.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    if (required) out.push_back({std::string(field), "required", fmt::format("'{}' is empty; write what you know", field)});
    return;
  }
  if (text.size() > max_bytes) {
    out.push_back({std::string(field), "too_long",
                   fmt::format("'{}' is longer than {} bytes; shorten it or send the rest in a "
                               "follow-up",
                               field, max_bytes)});
    return;
  }
  bool control = false;
  for (char c : text) {
    auto u = static_cast<unsigned char>(c);
    if ((u < 0x20 && c != '\n' && c != '\r' && c != '\t') || u == 0x7F) control = true;
  }
  if (control || find_invalid_utf8(text)) {
    out.push_back({std::string(field), "not_text",
                   fmt::format("'{}' holds characters that are not text", field)});
  }
}

}  // namespace

std::string_view tip_status_name(TipStatus status) {
  return kStatusNames[static_cast<int>(status)];
}

Result<TipStatus> parse_tip_status(std::string_view name) {
  for (int i = 0; i < 4; ++i) {
    if (kStatusNames[i] == name) return static_cast<TipStatus>(i);
  }
  return errorf(ErrorCode::kInvalidArgument,
                "'{}' is not a tip status; use new, triaged, actionable or closed", name);
}

std::string_view tip_language_code(TipLanguage language) {
  return kLanguageCodes[static_cast<int>(language)];
}

Result<TipLanguage> parse_tip_language(std::string_view code) {
  for (int i = 0; i < 4; ++i) {
    if (kLanguageCodes[i] == code) return static_cast<TipLanguage>(i);
  }
  return errorf(ErrorCode::kInvalidArgument, "'language' must be es, en, fr or ht, not '{}'", code);
}

std::vector<FieldProblem> validate_tip(const TipContent& c) {
  std::vector<FieldProblem> out;
  check_text(out, "text", c.text, kMaxTipTextBytes, true);
  check_text(out, "who", c.who, kMaxTipFieldBytes, false);
  check_text(out, "where", c.where, kMaxTipFieldBytes, false);
  check_text(out, "when", c.when, kMaxTipFieldBytes, false);
  check_text(out, "phones", c.phones, kMaxTipFieldBytes, false);
  check_text(out, "accounts", c.accounts, kMaxTipFieldBytes, false);
  return out;
}

std::vector<FieldProblem> validate_tip_message(std::string_view field, std::string_view text) {
  std::vector<FieldProblem> out;
  check_text(out, field, text, kMaxTipMessageBytes, true);
  return out;
}

Status validate_tag(std::string_view tag) {
  bool ok = !tag.empty() && tag.size() <= 40;
  for (char c : tag) {
    ok = ok && ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_');
  }
  if (!ok) {
    return errorf(ErrorCode::kInvalidArgument,
                  "a tag is 1 to 40 characters of a-z, 0-9, '-' and '_' ('{}' is not)",
                  tag.substr(0, 60));
  }
  return ok_status();
}

std::string tip_content_to_json(const TipContent& c) {
  JsonWriter w;
  w.begin_object()
      .key("text").value(c.text)
      .key("who").value(c.who)
      .key("where").value(c.where)
      .key("when").value(c.when)
      .key("phones").value(c.phones)
      .key("accounts").value(c.accounts)
      .key("language").value(tip_language_code(c.language))
      .end_object();
  return std::move(w).take();
}

Result<TipContent> tip_content_from_json(std::string_view json) {
  auto parsed = parse_json_object(json);
  if (!parsed) return make_error(ErrorCode::kDataLoss, "a stored tip is not readable");
  TipContent c;
  auto get = [&](std::string_view name, std::string* out) -> Status {
    auto value = parsed->get_string(name);
    if (!value) return make_error(ErrorCode::kDataLoss, "a stored tip is not readable");
    *out = std::move(*value);
    return ok_status();
  };
  ESCUDO_TRY(get("text", &c.text));
  ESCUDO_TRY(get("who", &c.who));
  ESCUDO_TRY(get("where", &c.where));
  ESCUDO_TRY(get("when", &c.when));
  ESCUDO_TRY(get("phones", &c.phones));
  ESCUDO_TRY(get("accounts", &c.accounts));
  std::string language;
  ESCUDO_TRY(get("language", &language));
  auto lang = parse_tip_language(language);
  c.language = lang.value_or(TipLanguage::kSpanish);
  return c;
}

}  // namespace escudo::model
