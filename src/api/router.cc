#include "api/router.h"

#include "api/error_mapping.h"
#include "crypto/crypto.h"

namespace escudo::api {
namespace {

std::vector<std::string> split_path(std::string_view path) {
  std::vector<std::string> out;
  while (!path.empty()) {
    if (path.front() == '/') {
      path.remove_prefix(1);
      continue;
    }
    std::size_t end = path.find('/');
    out.emplace_back(path.substr(0, end));
    if (end == std::string_view::npos) break;
    path.remove_prefix(end);
  }
  return out;
}

bool changes_state(std::string_view method) {
  return method == "POST" || method == "PUT" || method == "PATCH" || method == "DELETE";
}

}  // namespace

void Router::add(RouteSpec spec, Handler handler) {
  std::vector<std::string> segments = split_path(spec.pattern);
  routes_.push_back(Route{std::move(spec), std::move(handler), std::move(segments)});
}

const Router::Route* Router::match(std::string_view method, std::string_view path,
                                   std::map<std::string, std::string>* params,
                                   bool* path_known) const {
  std::vector<std::string> parts = split_path(path);
  *path_known = false;
  for (const Route& route : routes_) {
    if (route.segments.size() != parts.size()) continue;
    std::map<std::string, std::string> found;
    bool ok = true;
    for (std::size_t i = 0; i < parts.size() && ok; ++i) {
      const std::string& seg = route.segments[i];
      if (seg.size() > 2 && seg.front() == '{' && seg.back() == '}') {
        found[seg.substr(1, seg.size() - 2)] = parts[i];
      } else {
        ok = seg == parts[i];
      }
    }
    if (!ok) continue;
    *path_known = true;
    if (route.spec.method == method || (method == "HEAD" && route.spec.method == "GET")) {
      if (params != nullptr) *params = std::move(found);
      return &route;
    }
  }
  return nullptr;
}

std::size_t Router::max_body_bytes(std::string_view method, std::string_view path) const {
  bool known = false;
  const Route* route = match(method, path, nullptr, &known);
  return route != nullptr ? route->spec.max_body_bytes : kDefaultMaxBodyBytes;
}

bool Router::offload(std::string_view method, std::string_view path) const {
  bool known = false;
  const Route* route = match(method, path, nullptr, &known);
  return route != nullptr && route->spec.offload;
}

Response Router::handle(Request& request) const {
  bool known = false;
  const Route* route = match(request.method, request.path, &request.params, &known);
  if (route == nullptr) {
    if (known) {
      Response r = error_response(Error(ErrorCode::kInvalidArgument,
                                        fmt::format("{} is not allowed on {}", request.method,
                                                    request.path)));
      r.status = 405;
      return r;
    }
    return error_response(
        Error(ErrorCode::kNotFound, fmt::format("there is no API route {}", request.path)));
  }
  const RouteSpec& spec = route->spec;

  std::optional<service::Principal> principal;
  if (spec.needs_session) {
    std::optional<std::string> token = request.cookie(kSessionCookie);
    if (!token) return error_response(Error(ErrorCode::kUnauthenticated, "sign in first"));
    auto who = authenticate_(*token);
    if (!who) return error_response(who.error());
    principal = std::move(*who);
    if (changes_state(request.method) &&
        !crypto::constant_time_equal(request.header("x-csrf-token"), principal->csrf_token)) {
      return error_response(Error(ErrorCode::kPermissionDenied,
                                  "the request lacks this session's CSRF token; reload the page")
                                .with_reason("csrf"));
    }
    if (principal->must_enrol_totp && !spec.before_enrolment) {
      return error_response(Error(ErrorCode::kPermissionDenied,
                                  "your role requires a second factor; set it up under Account "
                                  "first")
                                .with_reason("totp_enrolment_required"));
    }
  }
  if (!spec.body_content_type.empty()) {
    std::string_view type = request.header("content-type");
    type = type.substr(0, type.find(';'));
    while (!type.empty() && type.back() == ' ') type.remove_suffix(1);
    if (type != spec.body_content_type) {
      Response r = error_response(Error(
          ErrorCode::kInvalidArgument,
          fmt::format("send the body as {} (Content-Type was '{}')", spec.body_content_type, type)));
      r.status = 415;
      return r;
    }
  }
  auto result = route->handler(request, principal ? &*principal : nullptr);
  if (!result) return error_response(result.error());
  return std::move(*result);
}

}  // namespace escudo::api
