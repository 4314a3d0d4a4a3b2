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

// A whole JSON document, for bodies with nested objects (a registration group and its people).
// Accessors return kInvalidArgument naming the member's path ("people[2].birth_date").
class JsonValue {
 public:
  enum class Type { kNull, kBool, kInt, kDouble, kString, kArray, kObject };

  JsonValue() = default;
  Type type() const { return type_; }
  bool is_null() const { return type_ == Type::kNull; }

  // Members of an object. kInvalidArgument when this is not an object.
  bool has(std::string_view name) const;
  Result<std::string> get_string(std::string_view name) const;
  // Missing or null: nullopt.
  Result<std::optional<std::string>> get_optional_string(std::string_view name) const;
  Result<std::optional<std::int64_t>> get_optional_int(std::string_view name) const;
  Result<bool> get_bool_or(std::string_view name, bool fallback) const;
  // The array member `name` (empty when missing).
  Result<std::vector<const JsonValue*>> get_array(std::string_view name) const;
  // The object member `name`; kInvalidArgument naming it when missing or not an object.
  Result<const JsonValue*> get_object(std::string_view name) const;

  // Missing or null: nullopt; a whole number reads as a double too.
  Result<std::optional<double>> get_optional_double(std::string_view name) const;
  // The elements of an array (empty for any other value), and a number read as a double
  // (kInvalidArgument naming the path when it is not a number).
  const std::vector<JsonValue>& items() const { return items_; }
  Result<double> as_double() const;

  // Where this value sits in the document, for messages ("people[2]").
  const std::string& path() const { return path_; }

 private:
  friend Result<JsonValue> parse_json(std::string_view text, int max_depth);
  Result<const JsonValue*> member(std::string_view name) const;

  Type type_ = Type::kNull;
  bool bool_ = false;
  std::int64_t int_ = 0;
  double double_ = 0;
  std::string string_;
  std::vector<JsonValue> items_;
  std::vector<std::pair<std::string, JsonValue>> members_;
  std::string path_;
};

// kInvalidArgument with the byte offset when `text` is not JSON, or nests deeper than
// `max_depth`.
Result<JsonValue> parse_json(std::string_view text, int max_depth = 8);

}  // namespace escudo
