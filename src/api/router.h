// The API's routing table and request pipeline: match the route, authenticate the session,
// check the CSRF token on state-changing requests, check the body's content type, call the
// handler, and turn an Error into a JSON error with the status from error_mapping.h.
//
//   router.add({.method = "GET", .pattern = "/api/users/{id}", .summary = "One user"},
//              [&](const Request& req, const service::Principal* who) -> Result<Response> {…});
//   Response r = router.handle(request);
//
// The route table also feeds the OpenAPI description (openapi.h). Thread-safe once built.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "api/http_types.h"
#include "base/status.h"
#include "model/role.h"
#include "service/principal.h"

namespace escudo::api {

inline constexpr std::size_t kDefaultMaxBodyBytes = 1 << 20;

struct RouteSpec {
  std::string method;
  std::string pattern;  // "/api/users/{id}/disabled"
  std::string summary;
  std::string tag;
  bool needs_session = true;
  std::optional<model::Permission> permission;  // for the description; services enforce it
  // Run on the worker pool rather than an I/O thread (Argon2id, imports, long reads).
  bool offload = false;
  // Allowed while a user whose role needs a second factor has not set one up yet.
  bool before_enrolment = false;
  std::string body_content_type;  // "application/json", "text/csv", or empty for no body
  std::size_t max_body_bytes = kDefaultMaxBodyBytes;
  std::string request_schema;   // JSON Schema (raw JSON) of the body, for the description
  std::string response_schema;  // JSON Schema (raw JSON) of a success body
  int success_status = 200;
  // May answer 422 with the fields or rows to correct (registrations, imports).
  bool refuses_fields = false;
  // Query parameters, for the description: name and what it means.
  std::vector<std::pair<std::string, std::string>> query;
};

using Handler = std::function<Result<Response>(const Request&, const service::Principal*)>;
using Authenticator = std::function<Result<service::Principal>(std::string_view token)>;

inline constexpr std::string_view kSessionCookie = "escudo_session";

class Router {
 public:
  explicit Router(Authenticator authenticate) : authenticate_(std::move(authenticate)) {}

  void add(RouteSpec spec, Handler handler);

  // Runs the whole pipeline. Never throws; an unknown /api/ path is 404, a known path with
  // another method 405.
  Response handle(Request& request) const;

  // The route's body limit (kDefaultMaxBodyBytes when no route matches) and whether it runs
  // on the worker pool. Both are asked before the body is read.
  std::size_t max_body_bytes(std::string_view method, std::string_view path) const;
  bool offload(std::string_view method, std::string_view path) const;

  struct Route {
    RouteSpec spec;
    Handler handler;
    std::vector<std::string> segments;
  };
  const std::vector<Route>& routes() const { return routes_; }

 private:
  const Route* match(std::string_view method, std::string_view path,
                     std::map<std::string, std::string>* params, bool* path_known) const;

  Authenticator authenticate_;
  std::vector<Route> routes_;
};

}  // namespace escudo::api
