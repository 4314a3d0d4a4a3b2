// JSON in and out, without exposing a third-party JSON type.
//
// Out: JsonWriter appends compact, correctly escaped JSON to a string. It is the fast path for
// every API response.
//   JsonWriter w;
//   w.begin_object().key("status").value("ok").key("count").value(int64_t{3}).end_object();
//   std::string body = std::move(w).take();
//
// In: parse_json_object reads a request body that is one JSON object into a JsonObject, whose
// members are scalars or arrays of strings (what escudo's request bodies hold). Nested objects
// are refused with a message naming the member.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "base/status.h"

namespace escudo {

class JsonWriter {
 public:
  JsonWriter& begin_object();
  JsonWriter& end_object();
  JsonWriter& begin_array();
  JsonWriter& end_array();
  // Inside an object, each value follows a key.
  JsonWriter& key(std::string_view name);
  JsonWriter& value(std::string_view text);
  JsonWriter& value(const char* text) { return value(std::string_view(text)); }
  JsonWriter& value(std::int64_t number);
  JsonWriter& value(int number) { return value(static_cast<std::int64_t>(number)); }
  JsonWriter& value(double number);
  JsonWriter& value(bool flag);
  JsonWriter& null();
  // Appends already-serialised JSON (for a cached fragment). The caller vouches for it.
  JsonWriter& raw(std::string_view json);

  const std::string& str() const { return out_; }
  std::string take() && { return std::move(out_); }

 private:
  void separate();
  std::string out_;
  bool need_comma_ = false;
};

// Appends `text` as a JSON string literal (quotes included) to `out`.
void append_json_string(std::string& out, std::string_view text);

using JsonScalar = std::variant<std::nullptr_t, bool, std::int64_t, double, std::string,
                                std::vector<std::string>>;

class JsonObject {
 public:
  bool has(std::string_view name) const { return members_.contains(std::string(name)); }

  // The string member `name`. kInvalidArgument naming the member when it is missing (and
  // `required`) or not a string.
  Result<std::string> get_string(std::string_view name) const;
  Result<std::optional<std::string>> get_optional_string(std::string_view name) const;
  Result<std::int64_t> get_int(std::string_view name) const;
  Result<bool> get_bool(std::string_view name) const;
  Result<std::vector<std::string>> get_string_array(std::string_view name) const;

  std::map<std::string, JsonScalar, std::less<>>& members() { return members_; }

 private:
  std::map<std::string, JsonScalar, std::less<>> members_;
};

// kInvalidArgument with the byte offset when `text` is not JSON, not an object, holds a nested
// object, or is nested deeper than one array level.
Result<JsonObject> parse_json_object(std::string_view text);

}  // namespace escudo
