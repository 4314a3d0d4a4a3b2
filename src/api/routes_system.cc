#include <memory>

#include "api/openapi.h"
#include "api/routes.h"
#include "base/version.h"

namespace escudo::api {

void add_system_routes(Router& router) {
  router.add({.method = "GET",
              .pattern = "/api/health",
              .summary = "Whether the server is up",
              .tag = "system",
              .needs_session = false,
              .response_schema =
                  R"({"type":"object","properties":{"status":{"type":"string"},"version":{"type":"string"}}})"},
             [body = fmt::format(R"({{"status":"ok","version":"{}"}})", kVersion)](
                 const Request&, const service::Principal*) -> Result<Response> {
               return Response::json(200, body);
             });

  // shared_ptr: the handler (a copyable std::function) reads the document, which can only be
  // built once every route, this one included, is on the router.
  auto document = std::make_shared<std::string>();
  router.add({.method = "GET",
              .pattern = "/api/openapi.json",
              .summary = "This description",
              .tag = "system",
              .needs_session = false},
             [document](const Request&, const service::Principal*) -> Result<Response> {
               return Response::json(200, *document);
             });
  *document = openapi_document(router);
}

void add_all_routes(Router& router, service::Services& services, const RouteOptions& options) {
  add_session_routes(router, services, options);
  add_user_routes(router, services);
  add_audit_routes(router, services);
  add_transit_routes(router, services);
  add_stats_routes(router, services);
  add_registration_routes(router, services);
  add_entity_routes(router, services);
  add_public_tip_routes(router, services);
  add_tip_page_routes(router, services);
  add_tip_routes(router, services);
  add_reward_routes(router, services);
  add_intel_routes(router, services);
  add_case_routes(router, services);
  add_screening_routes(router, services);
  add_incident_routes(router, services);
  add_system_routes(router);
}

}  // namespace escudo::api
