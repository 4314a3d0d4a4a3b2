#include <charconv>

#include "api/query_params.h"
#include "api/routes.h"
#include "api/views.h"
#include "base/json.h"

namespace escudo::api {

void add_audit_routes(Router& router, service::Services& services) {
  auto& audit = services.audit();

  router.add({.method = "GET",
              .pattern = "/api/audit",
              .summary = "Audit entries, newest first (query: limit ≤ 500, before = id)",
              .tag = "audit",
              .permission = model::Permission::kAuditRead,
              .response_schema =
                  R"({"type":"object","properties":{"entries":{"type":"array","items":{"$ref":"#/components/schemas/AuditEntry"}}}})"},
             [&audit](const Request& req, const service::Principal* me) -> Result<Response> {
               ESCUDO_ASSIGN_OR_RETURN(auto limit, int_query(req, "limit"));
               ESCUDO_ASSIGN_OR_RETURN(auto before, int_query(req, "before"));
               ESCUDO_ASSIGN_OR_RETURN(
                   auto entries,
                   audit.list(*me, static_cast<int>(std::clamp<std::int64_t>(limit.value_or(100), 1, 500)),
                              before));
               JsonWriter w;
               w.begin_object().key("entries").begin_array();
               for (const auto& e : entries) write_audit_entry(w, e);
               w.end_array().end_object();
               return Response::json(200, std::move(w).take());
             });

  router.add({.method = "GET",
              .pattern = "/api/audit/verify",
              .summary = "Walk the audit log's hash chain and name the first broken entry",
              .tag = "audit",
              .permission = model::Permission::kAuditRead,
              .offload = true,
              .response_schema =
                  R"({"type":"object","properties":{"ok":{"type":"boolean"},"entries":{"type":"integer"},"first_broken":{"type":"integer"},"reason":{"type":"string"},"head_hash":{"type":"string"}}})"},
             [&audit](const Request&, const service::Principal* me) -> Result<Response> {
               ESCUDO_ASSIGN_OR_RETURN(auto report, audit.verify(me));
               JsonWriter w;
               w.begin_object();
               w.key("ok").value(report.ok);
               w.key("entries").value(report.entries);
               if (report.first_broken) {
                 w.key("first_broken").value(*report.first_broken);
                 w.key("reason").value(report.reason);
               }
               w.key("head_hash").value(report.head_hash);
               w.end_object();
               return Response::json(200, std::move(w).take());
             });
}

}  // namespace escudo::api
