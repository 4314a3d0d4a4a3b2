#include "api/routes.h"
#include "api/views.h"
#include "base/json.h"

namespace escudo::api {
namespace {

constexpr std::string_view kMeSchema = R"({"$ref":"#/components/schemas/Me"})";

Response me_response(const service::Principal& me) {
  JsonWriter w;
  write_me(w, me);
  return Response::json(200, std::move(w).take());
}

}  // namespace

void add_session_routes(Router& router, service::Services& services, const RouteOptions& options) {
  auto& access = services.access();

  router.add(
      {.method = "POST",
       .pattern = "/api/session",
       .summary = "Sign in; sets the session cookie and returns the CSRF token",
       .tag = "session",
       .needs_session = false,
       .offload = true,
       .body_content_type = "application/json",
       .max_body_bytes = 16 << 10,
       .request_schema =
           R"({"type":"object","required":["username","password"],"properties":{"username":{"type":"string"},"password":{"type":"string"},"totp_code":{"type":"string"}}})",
       .response_schema =
           R"({"type":"object","properties":{"csrf_token":{"type":"string"},"user":{"$ref":"#/components/schemas/Me"}}})"},
      [&access, options](const Request& req, const service::Principal*) -> Result<Response> {
        ESCUDO_ASSIGN_OR_RETURN(JsonObject body, parse_json_object(req.body));
        ESCUDO_ASSIGN_OR_RETURN(std::string username, body.get_string("username"));
        ESCUDO_ASSIGN_OR_RETURN(std::string password, body.get_string("password"));
        ESCUDO_ASSIGN_OR_RETURN(auto code, body.get_optional_string("totp_code"));
        ESCUDO_ASSIGN_OR_RETURN(auto login,
                                access.login({username, password, code, req.client_address}));
        JsonWriter w;
        w.begin_object().key("csrf_token").value(login.principal.csrf_token).key("user");
        write_me(w, login.principal);
        w.end_object();
        Response r = Response::json(200, std::move(w).take());
        r.headers.emplace_back(
            "Set-Cookie", fmt::format("{}={}; Path=/; HttpOnly; SameSite=Strict; Max-Age=43200{}",
                                      kSessionCookie, login.session_token,
                                      options.secure_cookies ? "; Secure" : ""));
        return r;
      });

  router.add({.method = "DELETE",
              .pattern = "/api/session",
              .summary = "Sign out",
              .tag = "session",
              .before_enrolment = true,
              .success_status = 204},
             [&access](const Request&, const service::Principal* me) -> Result<Response> {
               ESCUDO_TRY(access.logout(*me));
               Response r = Response::no_content();
               r.headers.emplace_back(
                   "Set-Cookie",
                   fmt::format("{}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0", kSessionCookie));
               return r;
             });

  router.add({.method = "GET",
              .pattern = "/api/me",
              .summary = "The signed-in user, their permissions and the CSRF token",
              .tag = "session",
              .before_enrolment = true,
              .response_schema = std::string(kMeSchema)},
             [](const Request&, const service::Principal* me) -> Result<Response> {
               return me_response(*me);
             });

  router.add({.method = "PUT",
              .pattern = "/api/me/language",
              .summary = "Keep the user's language (es or en)",
              .tag = "session",
              .before_enrolment = true,
              .body_content_type = "application/json",
              .max_body_bytes = 4 << 10,
              .request_schema =
                  R"({"type":"object","required":["language"],"properties":{"language":{"enum":["es","en"]}}})",
              .response_schema = std::string(kMeSchema)},
             [&access](const Request& req, const service::Principal* me) -> Result<Response> {
               ESCUDO_ASSIGN_OR_RETURN(JsonObject body, parse_json_object(req.body));
               ESCUDO_ASSIGN_OR_RETURN(std::string code, body.get_string("language"));
               ESCUDO_ASSIGN_OR_RETURN(model::Language language, model::parse_language(code));
               ESCUDO_TRY(access.set_language(*me, language));
               service::Principal updated = *me;
               updated.language = language;
               return me_response(updated);
             });

  router.add({.method = "PUT",
              .pattern = "/api/me/password",
              .summary = "Change one's own password; other sessions of the user end",
              .tag = "session",
              .offload = true,
              .before_enrolment = true,
              .body_content_type = "application/json",
              .max_body_bytes = 8 << 10,
              .request_schema =
                  R"({"type":"object","required":["current_password","new_password"],"properties":{"current_password":{"type":"string"},"new_password":{"type":"string"}}})",
              .success_status = 204},
             [&access](const Request& req, const service::Principal* me) -> Result<Response> {
               ESCUDO_ASSIGN_OR_RETURN(JsonObject body, parse_json_object(req.body));
               ESCUDO_ASSIGN_OR_RETURN(std::string current, body.get_string("current_password"));
               ESCUDO_ASSIGN_OR_RETURN(std::string replacement, body.get_string("new_password"));
               ESCUDO_TRY(access.change_own_password(*me, current, replacement));
               return Response::no_content();
             });

  router.add({.method = "POST",
              .pattern = "/api/me/totp",
              .summary = "Start setting up a second factor; returns the secret and otpauth URI",
              .tag = "session",
              .before_enrolment = true,
              .response_schema =
                  R"({"type":"object","properties":{"secret":{"type":"string"},"otpauth_uri":{"type":"string"}}})"},
             [&access](const Request&, const service::Principal* me) -> Result<Response> {
               ESCUDO_ASSIGN_OR_RETURN(auto enrolment, access.begin_totp(*me));
               JsonWriter w;
               w.begin_object()
                   .key("secret").value(enrolment.secret)
                   .key("otpauth_uri").value(enrolment.uri)
                   .end_object();
               return Response::json(200, std::move(w).take());
             });

  router.add({.method = "PUT",
              .pattern = "/api/me/totp",
              .summary = "Confirm the second factor with a code from the app",
              .tag = "session",
              .before_enrolment = true,
              .body_content_type = "application/json",
              .max_body_bytes = 4 << 10,
              .request_schema =
                  R"({"type":"object","required":["code"],"properties":{"code":{"type":"string"}}})",
              .response_schema = std::string(kMeSchema)},
             [&access](const Request& req, const service::Principal* me) -> Result<Response> {
               ESCUDO_ASSIGN_OR_RETURN(JsonObject body, parse_json_object(req.body));
               ESCUDO_ASSIGN_OR_RETURN(std::string code, body.get_string("code"));
               ESCUDO_TRY(access.confirm_totp(*me, code));
               service::Principal updated = *me;
               updated.totp_enabled = true;
               updated.must_enrol_totp = false;
               return me_response(updated);
             });
}

}  // namespace escudo::api
