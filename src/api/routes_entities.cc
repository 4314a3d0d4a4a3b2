#include <charconv>

#include "api/query_params.h"
#include "api/routes.h"
#include "api/views.h"
#include "base/json.h"

namespace escudo::api {
namespace {

Result<std::int64_t> entity_id_of(const std::string& text) {
  std::int64_t id = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (ec != std::errc() || ptr != text.data() + text.size() || id <= 0) {
    return errorf(ErrorCode::kInvalidArgument, "'{}' is not an entity id", text);
  }
  return id;
}

Result<std::string> required_query(const Request& req, const std::string& name) {
  auto value = text_query(req, name);
  if (!value || value->empty()) return errorf(ErrorCode::kInvalidArgument, "'{}' is required", name);
  return *value;
}

}  // namespace

void add_entity_routes(Router& router, service::Services& services) {
  auto& resolve = services.resolve();

  // Literal paths come before /api/entities/{id}, which would otherwise take them.
  router.add({.method = "GET",
              .pattern = "/api/entities/review",
              .summary = "Uncertain pairs of records waiting for a reviewer, most uncertain first",
              .tag = "entities",
              .permission = model::Permission::kEntitiesReview,
              .offload = true,
              .response_schema =
                  R"({"type":"object","properties":{"pairs":{"type":"array","items":{"type":"object"}}}})",
              .query = {{"limit", "at most this many pairs (default 20, at most 200)"}}},
             [&resolve](const Request& req, const service::Principal* me) -> Result<Response> {
               ESCUDO_ASSIGN_OR_RETURN(auto limit, int_query(req, "limit"));
               auto n = static_cast<std::size_t>(std::clamp<std::int64_t>(limit.value_or(20), 1, 200));
               ESCUDO_ASSIGN_OR_RETURN(auto items, resolve.review_queue(*me, n));
               JsonWriter w;
               w.begin_object().key("pairs").begin_array();
               for (const auto& item : items) {
                 w.begin_object();
                 w.key("same_entity").value(item.same_entity);
                 w.key("entity_a");
                 if (item.entity_a) w.value(*item.entity_a); else w.null();
                 w.key("entity_b");
                 if (item.entity_b) w.value(*item.entity_b); else w.null();
                 w.key("person_a");
                 if (item.person_a) write_person_summary(w, *item.person_a); else w.null();
                 w.key("person_b");
                 if (item.person_b) write_person_summary(w, *item.person_b); else w.null();
                 w.key("why");
                 write_pair(w, item.pair);
                 w.end_object();
               }
               w.end_array().end_object();
               return Response::json(200, std::move(w).take());
             });

  router.add(
      {.method = "POST",
       .pattern = "/api/entities/review",
       .summary = "Decide a pair: the same person, different people, or split a record out of "
                  "its entity (audited; the clustering keeps to it)",
       .tag = "entities",
       .permission = model::Permission::kEntitiesReview,
       .offload = true,
       .body_content_type = "application/json",
       .max_body_bytes = 16 << 10,
       .request_schema =
           R"({"type":"object","required":["decision","record_a"],"properties":{"decision":{"enum":["same","different","split"]},"record_a":{"type":"string"},"record_b":{"type":"string"},"entity_id":{"type":"integer"},"reason":{"type":"string"}}})",
       .response_schema =
           R"({"type":"object","properties":{"entities":{"type":"array","items":{"type":"integer"}}}})"},
      [&resolve](const Request& req, const service::Principal* me) -> Result<Response> {
        ESCUDO_ASSIGN_OR_RETURN(JsonValue body, parse_json(req.body));
        service::ReviewInput input;
        ESCUDO_ASSIGN_OR_RETURN(input.decision, body.get_string("decision"));
        ESCUDO_ASSIGN_OR_RETURN(input.record_a, body.get_string("record_a"));
        ESCUDO_ASSIGN_OR_RETURN(auto b, body.get_optional_string("record_b"));
        input.record_b = b.value_or("");
        ESCUDO_ASSIGN_OR_RETURN(input.entity_id, body.get_optional_int("entity_id"));
        ESCUDO_ASSIGN_OR_RETURN(auto reason, body.get_optional_string("reason"));
        input.reason = reason.value_or("");
        if (input.reason.size() > 2000) {
          return make_error(ErrorCode::kInvalidArgument, "the reason is longer than 2000 bytes");
        }
        ESCUDO_ASSIGN_OR_RETURN(auto entities, resolve.decide(*me, input));
        JsonWriter w;
        w.begin_object().key("entities").begin_array();
        for (auto id : entities) w.value(id);
        w.end_array().end_object();
        return Response::json(200, std::move(w).take());
      });

  router.add({.method = "GET",
              .pattern = "/api/entities/explain",
              .summary = "Why two records are or are not the same person, field by field (audited)",
              .tag = "entities",
              .permission = model::Permission::kIdentityRead,
              .offload = true,
              .response_schema = R"({"type":"object"})",
              .query = {{"a", "a record id, e.g. registration:42"}, {"b", "another record id"}}},
             [&resolve](const Request& req, const service::Principal* me) -> Result<Response> {
               ESCUDO_ASSIGN_OR_RETURN(auto a, required_query(req, "a"));
               ESCUDO_ASSIGN_OR_RETURN(auto b, required_query(req, "b"));
               ESCUDO_ASSIGN_OR_RETURN(auto pair, resolve.explain(*me, a, b));
               JsonWriter w;
               write_pair(w, pair);
               return Response::json(200, std::move(w).take());
             });

  router.add({.method = "GET",
              .pattern = "/api/entities/of",
              .summary = "The entity a record belongs to",
              .tag = "entities",
              .permission = model::Permission::kIdentityRead,
              .offload = true,
              .response_schema =
                  R"({"type":"object","properties":{"entity_id":{"type":["integer","null"]}}})",
              .query = {{"record", "a record id, e.g. registration:42"}}},
             [&resolve](const Request& req, const service::Principal* me) -> Result<Response> {
               ESCUDO_ASSIGN_OR_RETURN(auto record, required_query(req, "record"));
               ESCUDO_ASSIGN_OR_RETURN(auto entity, resolve.entity_of(*me, record));
               JsonWriter w;
               w.begin_object().key("entity_id");
               if (entity) w.value(*entity); else w.null();
               w.end_object();
               return Response::json(200, std::move(w).take());
             });

  router.add({.method = "GET",
              .pattern = "/api/entities/{id}",
              .summary = "An entity: its records, the links that hold it together and its history "
                         "(audited)",
              .tag = "entities",
              .permission = model::Permission::kIdentityRead,
              .offload = true,
              .response_schema = R"({"type":"object"})"},
             [&resolve](const Request& req, const service::Principal* me) -> Result<Response> {
               ESCUDO_ASSIGN_OR_RETURN(auto id, entity_id_of(req.params.at("id")));
               ESCUDO_ASSIGN_OR_RETURN(auto view, resolve.entity(*me, id));
               JsonWriter w;
               w.begin_object();
               w.key("id").value(view.id);
               w.key("records").begin_array();
               for (const auto& r : view.records) {
                 w.begin_object();
                 w.key("record_id").value(r.record_id);
                 w.key("probability").value(r.probability);
                 w.key("linked_to").value(r.linked_to);
                 w.key("person");
                 if (r.person) write_person_summary(w, *r.person); else w.null();
                 w.end_object();
               }
               w.end_array();
               w.key("links").begin_array();
               for (const auto& link : view.links) write_pair(w, link);
               w.end_array();
               w.key("history").begin_array();
               for (const auto& e : view.history) {
                 w.begin_object();
                 w.key("at").value(e.at);
                 w.key("actor").value(e.actor);
                 w.key("kind").value(e.kind);
                 w.key("entity_id").value(e.entity_id);
                 w.key("other_entity_id");
                 if (e.other_entity_id) w.value(*e.other_entity_id); else w.null();
                 w.key("records").value(e.records);
                 w.key("probability");
                 if (e.probability) w.value(*e.probability); else w.null();
                 w.key("reason").value(e.reason);
                 w.end_object();
               }
               w.end_array();
               w.end_object();
               return Response::json(200, std::move(w).take());
             });
}

}  // namespace escudo::api
