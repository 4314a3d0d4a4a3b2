#include <charconv>

#include "api/routes.h"
#include "api/views.h"
#include "base/json.h"

namespace escudo::api {
namespace {

Result<UserId> parse_user_id(const Request& req) {
  const std::string& text = req.params.at("id");
  std::int64_t id = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (ec != std::errc() || ptr != text.data() + text.size() || id <= 0) {
    return errorf(ErrorCode::kInvalidArgument, "'{}' is not a user id", text);
  }
  return UserId(id);
}

Response user_response(const model::User& user) {
  JsonWriter w;
  write_user(w, user);
  return Response::json(200, std::move(w).take());
}

constexpr std::string_view kUserRef = R"({"$ref":"#/components/schemas/User"})";

}  // namespace

void add_user_routes(Router& router, service::Services& services) {
  auto& access = services.access();

  router.add({.method = "GET",
              .pattern = "/api/users",
              .summary = "Every user",
              .tag = "users",
              .permission = model::Permission::kUsersManage,
              .response_schema =
                  R"({"type":"object","properties":{"users":{"type":"array","items":{"$ref":"#/components/schemas/User"}}}})"},
             [&access](const Request&, const service::Principal* me) -> Result<Response> {
               ESCUDO_ASSIGN_OR_RETURN(auto users, access.list_users(service::Actor::of(*me)));
               JsonWriter w;
               w.begin_object().key("users").begin_array();
               for (const auto& u : users) write_user(w, u);
               w.end_array().end_object();
               return Response::json(200, std::move(w).take());
             });

  router.add(
      {.method = "POST",
       .pattern = "/api/users",
       .summary = "Create a user; a second factor is made at once for roles that need one",
       .tag = "users",
       .permission = model::Permission::kUsersManage,
       .offload = true,
       .body_content_type = "application/json",
       .max_body_bytes = 16 << 10,
       .request_schema =
           R"({"type":"object","required":["username","display_name","agency","roles","password"],"properties":{"username":{"type":"string"},"display_name":{"type":"string"},"agency":{"type":"string"},"roles":{"type":"array","items":{"type":"string"}},"password":{"type":"string"},"language":{"enum":["es","en"]}}})",
       .response_schema =
           R"({"type":"object","properties":{"user":{"$ref":"#/components/schemas/User"},"totp_secret":{"type":"string"},"otpauth_uri":{"type":"string"}}})",
       .success_status = 201},
      [&access](const Request& req, const service::Principal* me) -> Result<Response> {
        ESCUDO_ASSIGN_OR_RETURN(JsonObject body, parse_json_object(req.body));
        service::NewUserRequest request;
        ESCUDO_ASSIGN_OR_RETURN(request.username, body.get_string("username"));
        ESCUDO_ASSIGN_OR_RETURN(request.display_name, body.get_string("display_name"));
        ESCUDO_ASSIGN_OR_RETURN(request.agency, body.get_string("agency"));
        ESCUDO_ASSIGN_OR_RETURN(request.password, body.get_string("password"));
        ESCUDO_ASSIGN_OR_RETURN(auto roles, body.get_string_array("roles"));
        for (const auto& name : roles) {
          ESCUDO_ASSIGN_OR_RETURN(model::Role role, model::parse_role(name));
          request.roles.push_back(role);
        }
        ESCUDO_ASSIGN_OR_RETURN(auto language, body.get_optional_string("language"));
        if (language) {
          ESCUDO_ASSIGN_OR_RETURN(request.language, model::parse_language(*language));
        }
        ESCUDO_ASSIGN_OR_RETURN(auto created, access.create_user(service::Actor::of(*me), request));
        JsonWriter w;
        w.begin_object().key("user");
        write_user(w, created.user);
        if (created.totp_secret) {
          w.key("totp_secret").value(*created.totp_secret);
          w.key("otpauth_uri").value(*created.totp_uri);
        }
        w.end_object();
        return Response::json(201, std::move(w).take());
      });

  router.add({.method = "PUT",
              .pattern = "/api/users/{id}/disabled",
              .summary = "Disable or enable a user; disabling ends their sessions",
              .tag = "users",
              .permission = model::Permission::kUsersManage,
              .body_content_type = "application/json",
              .max_body_bytes = 4 << 10,
              .request_schema =
                  R"({"type":"object","required":["disabled"],"properties":{"disabled":{"type":"boolean"}}})",
              .response_schema = std::string(kUserRef)},
             [&access](const Request& req, const service::Principal* me) -> Result<Response> {
               ESCUDO_ASSIGN_OR_RETURN(UserId id, parse_user_id(req));
               ESCUDO_ASSIGN_OR_RETURN(JsonObject body, parse_json_object(req.body));
               ESCUDO_ASSIGN_OR_RETURN(bool disabled, body.get_bool("disabled"));
               ESCUDO_ASSIGN_OR_RETURN(auto user,
                                       access.set_disabled(service::Actor::of(*me), id, disabled));
               return user_response(user);
             });
}

}  // namespace escudo::api
