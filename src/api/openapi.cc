#include "api/openapi.h"

#include <map>

#include "base/json.h"
#include "base/version.h"

namespace escudo::api {
namespace {

constexpr std::string_view kErrorSchema =
    R"({"type":"object","properties":{"error":{"type":"object","required":["code","message"],"properties":{"code":{"type":"string"},"message":{"type":"string"},"reason":{"type":"string"},"rows":{"type":"array","items":{"type":"object","properties":{"line":{"type":"integer"},"column":{"type":"integer"},"field":{"type":"string"},"message":{"type":"string"}}}}}}}})";
constexpr std::string_view kMeSchema =
    R"({"type":"object","properties":{"id":{"type":"integer"},"username":{"type":"string"},"display_name":{"type":"string"},"agency":{"type":"string"},"roles":{"type":"array","items":{"type":"string"}},"permissions":{"type":"array","items":{"type":"string"}},"language":{"enum":["es","en"]},"totp_enabled":{"type":"boolean"},"totp_required":{"type":"boolean"},"csrf_token":{"type":"string"}}})";
constexpr std::string_view kUserSchema =
    R"({"type":"object","properties":{"id":{"type":"integer"},"username":{"type":"string"},"display_name":{"type":"string"},"agency":{"type":"string"},"roles":{"type":"array","items":{"type":"string"}},"disabled":{"type":"boolean"},"totp_enabled":{"type":"boolean"},"created_at":{"type":"integer"}}})";
constexpr std::string_view kAuditSchema =
    R"({"type":"object","properties":{"id":{"type":"integer"},"at":{"type":"integer"},"actor":{"type":"string"},"action":{"type":"string"},"object":{"type":"string"},"detail":{"type":"string"},"hash":{"type":"string"}}})";

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string operation_id(const RouteSpec& spec) {
  std::string id = lower(spec.method);
  for (char c : spec.pattern) {
    if (std::isalnum(static_cast<unsigned char>(c))) id.push_back(c);
    else if (c == '/' || c == '_') id.push_back('_');
  }
  return id;
}

void error_response(JsonWriter& w, int status, std::string_view description) {
  w.key(std::to_string(status)).begin_object().key("description").value(description);
  w.key("content").begin_object().key("application/json").begin_object().key("schema")
      .raw(R"({"$ref":"#/components/schemas/Error"})").end_object().end_object();
  w.end_object();
}

}  // namespace

std::string openapi_document(const Router& router) {
  std::map<std::string, std::vector<const Router::Route*>> by_path;
  for (const auto& route : router.routes()) by_path[route.spec.pattern].push_back(&route);

  JsonWriter w;
  w.begin_object();
  w.key("openapi").value("3.1.0");
  w.key("info").begin_object()
      .key("title").value("escudo API")
      .key("version").value(kVersion)
      .key("description").value("Operations and protection platform for the Darién corridor. "
                                "State-changing requests need the X-CSRF-Token header.")
      .end_object();
  w.key("paths").begin_object();
  for (const auto& [path, routes] : by_path) {
    w.key(path).begin_object();
    for (const Router::Route* route : routes) {
      const RouteSpec& spec = route->spec;
      w.key(lower(spec.method)).begin_object();
      w.key("operationId").value(operation_id(spec));
      w.key("summary").value(spec.summary);
      if (!spec.tag.empty()) w.key("tags").begin_array().value(spec.tag).end_array();
      if (spec.permission) {
        w.key("x-escudo-permission").value(model::permission_name(*spec.permission));
      }
      if (spec.needs_session) {
        w.key("security").begin_array().begin_object().key("session").begin_array().end_array()
            .end_object().end_array();
      } else {
        w.key("security").begin_array().end_array();
      }
      std::vector<std::string> params;
      for (const auto& seg : route->segments) {
        if (seg.size() > 2 && seg.front() == '{') params.push_back(seg.substr(1, seg.size() - 2));
      }
      if (!params.empty() || !spec.query.empty()) {
        w.key("parameters").begin_array();
        for (const auto& p : params) {
          w.begin_object().key("name").value(p).key("in").value("path").key("required").value(true)
              .key("schema").raw(R"({"type":"integer"})").end_object();
        }
        for (const auto& [name, description] : spec.query) {
          w.begin_object().key("name").value(name).key("in").value("query")
              .key("required").value(false).key("description").value(description)
              .key("schema").raw(R"({"type":"string"})").end_object();
        }
        w.end_array();
      }
      if (!spec.body_content_type.empty()) {
        w.key("requestBody").begin_object().key("required").value(true).key("content")
            .begin_object().key(spec.body_content_type).begin_object().key("schema")
            .raw(spec.request_schema.empty() ? "{}" : spec.request_schema)
            .end_object().end_object().end_object();
      }
      w.key("responses").begin_object();
      w.key(std::to_string(spec.success_status)).begin_object().key("description").value("success");
      if (!spec.response_schema.empty()) {
        w.key("content").begin_object().key("application/json").begin_object().key("schema")
            .raw(spec.response_schema).end_object().end_object();
      }
      w.end_object();
      if (!spec.body_content_type.empty() || !params.empty()) error_response(w, 400, "bad input");
      if (spec.needs_session) {
        error_response(w, 401, "not signed in");
        error_response(w, 403, "not allowed, or the CSRF token is missing");
      }
      if (spec.body_content_type == "text/csv" || spec.refuses_fields) {
        error_response(w, 422, "fields or rows to correct; nothing stored");
      }
      if (!spec.needs_session) error_response(w, 429, "too many attempts");
      w.end_object();
      w.end_object();
    }
    w.end_object();
  }
  w.end_object();
  w.key("components").begin_object();
  w.key("securitySchemes").begin_object().key("session").begin_object()
      .key("type").value("apiKey").key("in").value("cookie").key("name").value(kSessionCookie)
      .end_object().end_object();
  w.key("schemas").begin_object()
      .key("Error").raw(kErrorSchema)
      .key("Me").raw(kMeSchema)
      .key("User").raw(kUserSchema)
      .key("AuditEntry").raw(kAuditSchema)
      .end_object();
  w.end_object();
  w.end_object();
  return std::move(w).take();
}

}  // namespace escudo::api
