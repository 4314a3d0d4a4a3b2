#include "base/json.h"

#include <cmath>
#include <functional>

#include <nlohmann/json.hpp>

#include "base/utf8.h"

namespace escudo {

void JsonWriter::separate() {
  if (need_comma_) out_.push_back(',');
}

JsonWriter& JsonWriter::begin_object() {
  separate();
  out_.push_back('{');
  need_comma_ = false;
  return *this;
}
JsonWriter& JsonWriter::end_object() {
  out_.push_back('}');
  need_comma_ = true;
  return *this;
}
JsonWriter& JsonWriter::begin_array() {
  separate();
  out_.push_back('[');
  need_comma_ = false;
  return *this;
}
JsonWriter& JsonWriter::end_array() {
  out_.push_back(']');
  need_comma_ = true;
  return *this;
}
JsonWriter& JsonWriter::key(std::string_view name) {
  separate();
  append_json_string(out_, name);
  out_.push_back(':');
  need_comma_ = false;
  return *this;
}
JsonWriter& JsonWriter::value(std::string_view text) {
  separate();
  append_json_string(out_, text);
  need_comma_ = true;
  return *this;
}
JsonWriter& JsonWriter::value(std::int64_t number) {
  separate();
  fmt::format_to(std::back_inserter(out_), "{}", number);
  need_comma_ = true;
  return *this;
}
JsonWriter& JsonWriter::value(double number) {
  separate();
  if (std::isfinite(number)) {
    fmt::format_to(std::back_inserter(out_), "{}", number);
  } else {
    out_ += "null";  // JSON has no NaN or infinity
  }
  need_comma_ = true;
  return *this;
}
JsonWriter& JsonWriter::value(bool flag) {
  separate();
  out_ += flag ? "true" : "false";
  need_comma_ = true;
  return *this;
}
JsonWriter& JsonWriter::null() {
  separate();
  out_ += "null";
  need_comma_ = true;
  return *this;
}
JsonWriter& JsonWriter::raw(std::string_view json) {
  separate();
  out_ += json;
  need_comma_ = true;
  return *this;
}

void append_json_string(std::string& out, std::string_view text) {
  static constexpr char kHex[] = "0123456789abcdef";
  out.push_back('"');
  // Invalid UTF-8 never reaches the output: it is replaced so the JSON stays valid.
  bool valid = !find_invalid_utf8(text).has_value();
  for (char ch : text) {
    auto c = static_cast<unsigned char>(ch);
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      case '<': out += "\\u003c"; break;  // safe to embed in HTML
      default:
        if (c < 0x20) {
          out += "\\u00";
          out.push_back(kHex[c >> 4]);
          out.push_back(kHex[c & 15]);
        } else if (c >= 0x80 && !valid) {
          out += "\\ufffd";
        } else {
          out.push_back(ch);
        }
    }
  }
  out.push_back('"');
}

namespace {

std::unexpected<Error> member_error(std::string_view name, std::string_view expected) {
  return errorf(ErrorCode::kInvalidArgument, "field '{}' must be {}", name, expected);
}

}  // namespace

Result<std::string> JsonObject::get_string(std::string_view name) const {
  auto it = members_.find(name);
  if (it == members_.end()) return errorf(ErrorCode::kInvalidArgument, "field '{}' is required", name);
  if (const auto* s = std::get_if<std::string>(&it->second)) return *s;
  return member_error(name, "a string");
}

Result<std::optional<std::string>> JsonObject::get_optional_string(std::string_view name) const {
  auto it = members_.find(name);
  if (it == members_.end() || std::holds_alternative<std::nullptr_t>(it->second)) {
    return std::optional<std::string>();
  }
  if (const auto* s = std::get_if<std::string>(&it->second)) return std::optional<std::string>(*s);
  return member_error(name, "a string");
}

Result<std::int64_t> JsonObject::get_int(std::string_view name) const {
  auto it = members_.find(name);
  if (it == members_.end()) return errorf(ErrorCode::kInvalidArgument, "field '{}' is required", name);
  if (const auto* i = std::get_if<std::int64_t>(&it->second)) return *i;
  return member_error(name, "a whole number");
}

Result<bool> JsonObject::get_bool(std::string_view name) const {
  auto it = members_.find(name);
  if (it == members_.end()) return errorf(ErrorCode::kInvalidArgument, "field '{}' is required", name);
  if (const auto* b = std::get_if<bool>(&it->second)) return *b;
  return member_error(name, "true or false");
}

Result<std::vector<std::string>> JsonObject::get_string_array(std::string_view name) const {
  auto it = members_.find(name);
  if (it == members_.end()) return errorf(ErrorCode::kInvalidArgument, "field '{}' is required", name);
  if (const auto* a = std::get_if<std::vector<std::string>>(&it->second)) return *a;
  return member_error(name, "a list of strings");
}

Result<JsonObject> parse_json_object(std::string_view text) {
  nlohmann::json doc;
  try {
    doc = nlohmann::json::parse(text.begin(), text.end());
  } catch (const nlohmann::json::parse_error& e) {
    return errorf(ErrorCode::kInvalidArgument, "the body is not valid JSON (at byte {})", e.byte);
  } catch (const std::exception& e) {
    return errorf(ErrorCode::kInvalidArgument, "the body is not valid JSON");
  }
  if (!doc.is_object()) {
    return errorf(ErrorCode::kInvalidArgument, "the body must be a JSON object");
  }
  JsonObject out;
  for (auto& [name, value] : doc.items()) {
    JsonScalar scalar;
    if (value.is_null()) {
      scalar = nullptr;
    } else if (value.is_boolean()) {
      scalar = value.get<bool>();
    } else if (value.is_number_integer()) {
      if (value.is_number_unsigned() && value.get<std::uint64_t>() > INT64_MAX) {
        return member_error(name, "a number that fits in 64 bits");
      }
      scalar = value.get<std::int64_t>();
    } else if (value.is_number()) {
      scalar = value.get<double>();
    } else if (value.is_string()) {
      scalar = value.get<std::string>();
    } else if (value.is_array()) {
      std::vector<std::string> items;
      for (const auto& item : value) {
        if (!item.is_string()) return member_error(name, "a list of strings");
        items.push_back(item.get<std::string>());
      }
      scalar = std::move(items);
    } else {
      return member_error(name, "a plain value, not an object");
    }
    out.members().emplace(name, std::move(scalar));
  }
  return out;
}

bool JsonValue::has(std::string_view name) const {
  for (const auto& [k, v] : members_) {
    if (k == name) return true;
  }
  return false;
}

Result<const JsonValue*> JsonValue::member(std::string_view name) const {
  if (type_ != Type::kObject) {
    return errorf(ErrorCode::kInvalidArgument, "{} must be an object", path_.empty() ? "the body" : path_);
  }
  for (const auto& [k, v] : members_) {
    if (k == name) return &v;
  }
  return static_cast<const JsonValue*>(nullptr);
}

namespace {
std::string member_path(const std::string& base, std::string_view name) {
  return base.empty() ? std::string(name) : base + "." + std::string(name);
}
}  // namespace

Result<std::string> JsonValue::get_string(std::string_view name) const {
  ESCUDO_ASSIGN_OR_RETURN(const JsonValue* v, member(name));
  if (v == nullptr || v->type_ == Type::kNull) {
    return errorf(ErrorCode::kInvalidArgument, "field '{}' is required", member_path(path_, name));
  }
  if (v->type_ != Type::kString) {
    return errorf(ErrorCode::kInvalidArgument, "field '{}' must be a string", member_path(path_, name));
  }
  return v->string_;
}

Result<std::optional<std::string>> JsonValue::get_optional_string(std::string_view name) const {
  ESCUDO_ASSIGN_OR_RETURN(const JsonValue* v, member(name));
  if (v == nullptr || v->type_ == Type::kNull) return std::optional<std::string>();
  if (v->type_ != Type::kString) {
    return errorf(ErrorCode::kInvalidArgument, "field '{}' must be a string", member_path(path_, name));
  }
  return std::optional<std::string>(v->string_);
}

Result<std::optional<std::int64_t>> JsonValue::get_optional_int(std::string_view name) const {
  ESCUDO_ASSIGN_OR_RETURN(const JsonValue* v, member(name));
  if (v == nullptr || v->type_ == Type::kNull) return std::optional<std::int64_t>();
  if (v->type_ != Type::kInt) {
    return errorf(ErrorCode::kInvalidArgument, "field '{}' must be a whole number", member_path(path_, name));
  }
  return std::optional<std::int64_t>(v->int_);
}

Result<std::optional<double>> JsonValue::get_optional_double(std::string_view name) const {
  ESCUDO_ASSIGN_OR_RETURN(const JsonValue* v, member(name));
  if (v == nullptr || v->type_ == Type::kNull) return std::optional<double>();
  if (v->type_ == Type::kInt) return std::optional<double>(static_cast<double>(v->int_));
  if (v->type_ != Type::kDouble) {
    return errorf(ErrorCode::kInvalidArgument, "field '{}' must be a number", member_path(path_, name));
  }
  return std::optional<double>(v->double_);
}

Result<double> JsonValue::as_double() const {
  if (type_ == Type::kInt) return static_cast<double>(int_);
  if (type_ == Type::kDouble) return double_;
  return errorf(ErrorCode::kInvalidArgument, "'{}' must be a number", path_.empty() ? "value" : path_);
}

Result<bool> JsonValue::get_bool_or(std::string_view name, bool fallback) const {
  ESCUDO_ASSIGN_OR_RETURN(const JsonValue* v, member(name));
  if (v == nullptr || v->type_ == Type::kNull) return fallback;
  if (v->type_ != Type::kBool) {
    return errorf(ErrorCode::kInvalidArgument, "field '{}' must be true or false", member_path(path_, name));
  }
  return v->bool_;
}

Result<std::vector<const JsonValue*>> JsonValue::get_array(std::string_view name) const {
  ESCUDO_ASSIGN_OR_RETURN(const JsonValue* v, member(name));
  std::vector<const JsonValue*> out;
  if (v == nullptr || v->type_ == Type::kNull) return out;
  if (v->type_ != Type::kArray) {
    return errorf(ErrorCode::kInvalidArgument, "field '{}' must be a list", member_path(path_, name));
  }
  for (const auto& item : v->items_) out.push_back(&item);
  return out;
}

Result<const JsonValue*> JsonValue::get_object(std::string_view name) const {
  ESCUDO_ASSIGN_OR_RETURN(const JsonValue* v, member(name));
  if (v == nullptr || v->type_ != Type::kObject) {
    return errorf(ErrorCode::kInvalidArgument, "field '{}' must be an object",
                  member_path(path_, name));
  }
  return v;
}

Result<JsonValue> parse_json(std::string_view text, int max_depth) {
  nlohmann::json doc;
  try {
    doc = nlohmann::json::parse(text.begin(), text.end());
  } catch (const nlohmann::json::parse_error& e) {
    return errorf(ErrorCode::kInvalidArgument, "the body is not valid JSON (at byte {})", e.byte);
  } catch (const std::exception&) {
    return errorf(ErrorCode::kInvalidArgument, "the body is not valid JSON");
  }
  JsonValue out;
  std::function<Status(const nlohmann::json&, JsonValue&, const std::string&, int)> walk =
      [&](const nlohmann::json& in, JsonValue& v, const std::string& path, int depth) -> Status {
    if (depth > max_depth) {
      return errorf(ErrorCode::kInvalidArgument, "the body nests deeper than {} levels", max_depth);
    }
    v.path_ = path;
    if (in.is_null()) {
      v.type_ = JsonValue::Type::kNull;
    } else if (in.is_boolean()) {
      v.type_ = JsonValue::Type::kBool;
      v.bool_ = in.get<bool>();
    } else if (in.is_number_integer()) {
      if (in.is_number_unsigned() && in.get<std::uint64_t>() > INT64_MAX) {
        return errorf(ErrorCode::kInvalidArgument, "{} is too large a number", path);
      }
      v.type_ = JsonValue::Type::kInt;
      v.int_ = in.get<std::int64_t>();
    } else if (in.is_number()) {
      v.type_ = JsonValue::Type::kDouble;
      v.double_ = in.get<double>();
    } else if (in.is_string()) {
      v.type_ = JsonValue::Type::kString;
      v.string_ = in.get<std::string>();
    } else if (in.is_array()) {
      v.type_ = JsonValue::Type::kArray;
      v.items_.resize(in.size());
      for (std::size_t i = 0; i < in.size(); ++i) {
        ESCUDO_TRY(walk(in[i], v.items_[i], fmt::format("{}[{}]", path, i), depth + 1));
      }
    } else {
      v.type_ = JsonValue::Type::kObject;
      for (const auto& [k, item] : in.items()) {
        v.members_.emplace_back(k, JsonValue());
        ESCUDO_TRY(walk(item, v.members_.back().second, member_path(path, k), depth + 1));
      }
    }
    return ok_status();
  };
  ESCUDO_TRY(walk(doc, out, "", 0));
  return out;
}

}  // namespace escudo
