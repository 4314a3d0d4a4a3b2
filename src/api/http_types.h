// escudo's own view of an HTTP exchange. Handlers see only these types; Boost.Beast stays
// inside api/http/, so the server library can change without touching a handler.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace escudo::api {

struct Request {
  std::string method;  // "GET", "POST", …
  std::string path;    // decoded path without the query, e.g. "/api/users/12/disabled"
  std::string raw_target;
  std::map<std::string, std::string> query;    // decoded; a repeated key keeps the last value
  std::map<std::string, std::string> headers;  // names in lower case
  std::string body;
  std::string client_address;  // used for login throttling only; never logged

  // The value of a header (name in lower case), or empty.
  std::string_view header(const std::string& lower_name) const;
  // The value of a cookie, or nullopt.
  std::optional<std::string> cookie(std::string_view name) const;
  // Path parameters filled in by the router ("{id}" -> params["id"]).
  std::map<std::string, std::string> params;
};

struct Response {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;
  // Whether the connection must close after this response (a body too large, bad framing).
  bool close = false;

  static Response json(int status, std::string body);
  static Response no_content();
};

// Splits "a=1&b=x%20y" into a map, decoding %XX and '+'. Malformed escapes are kept as-is.
std::map<std::string, std::string> parse_query(std::string_view query);
// Decodes %XX escapes in a path. nullopt for a malformed escape or an encoded NUL or '/'.
std::optional<std::string> decode_path(std::string_view path);

}  // namespace escudo::api
