// Tips as the rest of escudo sees them: what a tipster may send and the states a tip goes
// through at the desk. The text itself is only ever held in memory here; the store keeps it
// sealed (see docs/security.md, "The tip line").
//
//   std::vector<FieldProblem> problems = validate_tip(content);   // empty when it may be stored
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace escudo::model {

enum class TipStatus : std::uint8_t { kNew, kTriaged, kActionable, kClosed };
std::string_view tip_status_name(TipStatus status);  // "new", "triaged", "actionable", "closed"
// kInvalidArgument naming the valid states.
Result<TipStatus> parse_tip_status(std::string_view name);

// The languages of the public form: Spanish, English, French and Haitian Creole.
enum class TipLanguage : std::uint8_t { kSpanish, kEnglish, kFrench, kHaitianCreole };
std::string_view tip_language_code(TipLanguage language);  // "es", "en", "fr", "ht"
Result<TipLanguage> parse_tip_language(std::string_view code);

inline constexpr std::size_t kMaxTipTextBytes = 20'000;
inline constexpr std::size_t kMaxTipFieldBytes = 2'000;
inline constexpr std::size_t kMaxTipMessageBytes = 10'000;
inline constexpr std::size_t kMaxTipAttachments = 5;
inline constexpr std::size_t kMaxTipAttachmentsBytes = 10u << 20;

// What a tipster writes. Only `text` is required; the rest are optional structured hints.
struct TipContent {
  std::string text;      // what happened, in their words
  std::string who;       // people or groups involved (names, nicknames, descriptions)
  std::string where;     // places
  std::string when;      // dates or times, as they remember them
  std::string phones;    // phone numbers
  std::string accounts;  // bank, wallet or money-transfer accounts
  TipLanguage language = TipLanguage::kSpanish;
};

// One problem with one field, for an error summary that links to the field.
struct FieldProblem {
  std::string field;    // "text", "who", …, "attachments"
  std::string code;     // "required", "too_long", "not_text" — for translated messages
  std::string message;  // in English, naming the field
};

// Every problem with `content` (empty text, a field too long, text that is not valid UTF-8 or
// holds control characters other than line breaks and tabs).
std::vector<FieldProblem> validate_tip(const TipContent& content);
// The same checks for one message (a follow-up or an answer): 1..kMaxTipMessageBytes.
std::vector<FieldProblem> validate_tip_message(std::string_view field, std::string_view text);

// kInvalidArgument unless 1–40 characters of a–z, 0–9, '-' and '_' (tags are labels for
// sorting, stored in the clear, so they cannot carry free text).
Status validate_tag(std::string_view tag);

// The whole content as one JSON document (what gets sealed), and back. kDataLoss when `json`
// is not such a document.
std::string tip_content_to_json(const TipContent& content);
Result<TipContent> tip_content_from_json(std::string_view json);

}  // namespace escudo::model
