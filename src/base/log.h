// Structured logging: an event name and key=value fields, one line each, on stderr.
//
//   log::info("user.login", {{"user", name}, {"agency", agency}});
//   -> [2026-11-23 10:00:00.123] [info] user.login user=ana agency="SENAFRONT"
//
// Secrets never reach a log: a field whose key names a secret (password, token, secret,
// cookie, csrf, totp, authorization, key, tip) is written as "[redacted]" whatever the caller
// passed, so a careless call cannot leak one. Thread-safe.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace escudo::log {

enum class Level { kDebug, kInfo, kWarn, kError, kOff };

struct Field {
  std::string_view key;
  std::string value;
};

void set_level(Level level);
// Parses "debug", "info", "warn", "error", "off"; anything else leaves the level unchanged
// and returns false.
bool set_level_by_name(std::string_view name);

void debug(std::string_view event, std::initializer_list<Field> fields = {});
void info(std::string_view event, std::initializer_list<Field> fields = {});
void warn(std::string_view event, std::initializer_list<Field> fields = {});
void error(std::string_view event, std::initializer_list<Field> fields = {});

// True when a field with this key is always redacted.
bool is_secret_key(std::string_view key);

// Formats an event line the way the logger writes it (without time and level).
std::string format_event(std::string_view event, std::initializer_list<Field> fields);

// While alive, every log line is also appended to `lines` (for tests). Not nestable.
class ScopedCapture {
 public:
  explicit ScopedCapture(std::vector<std::string>* lines);
  ~ScopedCapture();
  ScopedCapture(const ScopedCapture&) = delete;
  ScopedCapture& operator=(const ScopedCapture&) = delete;
};

}  // namespace escudo::log
