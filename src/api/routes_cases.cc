// /api/cases/…: investigations, their members, items and events, and the task force's figures
// (service/case_service.h).
#include <charconv>

#include "api/query_params.h"
#include "api/routes.h"
#include "base/csv_writer.h"
#include "base/json.h"

namespace escudo::api {
namespace {

using model::Permission;

Result<std::int64_t> case_id_of(const Request& req) {
  const std::string& text = req.params.at("id");
  std::int64_t id = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (ec != std::errc() || ptr != text.data() + text.size() || id <= 0) {
    return errorf(ErrorCode::kInvalidArgument, "'{}' is not a case id", text);
  }
  return id;
}

void write_case(JsonWriter& w, const store::CaseRow& c) {
  w.key("id").value(c.id).key("title").value(c.title).key("agency").value(c.agency)
      .key("country").value(c.country).key("status").value(c.status)
      .key("lead").begin_object().key("username").value(c.lead_username)
      .key("display_name").value(c.lead_display_name).end_object()
      .key("created_at").value(c.created_at);
}

// Figures as CSV: period,agency,country,arrests,convictions.
std::string figures_csv(const std::vector<service::FigureRow>& rows) {
  std::string out = "period,agency,country,arrests,convictions\n";
  for (const auto& r : rows) {
    out += r.period;
    out += ',';
    append_csv_field(out, r.agency);
    out += fmt::format(",{},{},{}\n", r.country, r.arrests, r.convictions);
  }
  return out;
}

void write_figures_json(JsonWriter& w, const std::vector<service::FigureRow>& rows) {
  w.begin_object().key("rows").begin_array();
  std::int64_t arrests = 0, convictions = 0;
  for (const auto& r : rows) {
    w.begin_object().key("period").value(r.period).key("agency").value(r.agency)
        .key("country").value(r.country).key("arrests").value(r.arrests)
        .key("convictions").value(r.convictions).end_object();
    arrests += r.arrests;
    convictions += r.convictions;
  }
  w.end_array().key("arrests").value(arrests).key("convictions").value(convictions).end_object();
}

}  // namespace

void add_case_routes(Router& router, service::Services& services) {
  auto& cases = services.cases();
  auto actor = [](const service::Principal* me) { return service::Actor::of(*me); };

  router.add({.method = "GET", .pattern = "/api/cases", .summary = "The cases one may open (those holding an entity, with its events and the cases' tips)",
              .tag = "cases", .permission = Permission::kCasesRead, .offload = true,
              .response_schema = R"({"type":"object","properties":{"cases":{"type":"array","items":{"type":"object"}}}})",
              .query = {{"entity", "only the cases holding this intelligence entity (audited)"}}},
             [&cases, actor](const Request& req, const service::Principal* me) -> Result<Response> {
               JsonWriter w;
               w.begin_object().key("cases").begin_array();
               if (auto entity = text_query(req, "entity")) {
                 std::int64_t id = 0;
                 auto [ptr, ec] = std::from_chars(entity->data(), entity->data() + entity->size(), id);
                 if (ec != std::errc() || ptr != entity->data() + entity->size() || id <= 0) {
                   return errorf(ErrorCode::kInvalidArgument, "entity: '{}' is not an entity id", *entity);
                 }
                 ESCUDO_ASSIGN_OR_RETURN(auto held, cases.cases_of_entity(actor(me), id));
                 for (const auto& c : held) {
                   w.begin_object();
                   write_case(w, c.summary.row);
                   w.key("member").value(c.summary.member).key("tips").begin_array();
                   for (auto t : c.tips) w.value(t);
                   w.end_array().key("events").begin_array();
                   for (const auto& e : c.events) {
                     w.begin_object().key("id").value(e.id).key("kind").value(e.kind)
                         .key("date").value(e.happened_on).key("agency").value(e.agency)
                         .key("country").value(e.country).end_object();
                   }
                   w.end_array().end_object();
                 }
                 w.end_array().end_object();
                 return Response::json(200, std::move(w).take());
               }
               ESCUDO_ASSIGN_OR_RETURN(auto list, cases.list(actor(me)));
               for (const auto& c : list) {
                 w.begin_object();
                 write_case(w, c.row);
                 w.key("member").value(c.member).end_object();
               }
               w.end_array().end_object();
               return Response::json(200, std::move(w).take());
             });

  router.add({.method = "POST", .pattern = "/api/cases", .summary = "Open a case (the opener leads it)",
              .tag = "cases", .permission = Permission::kCasesManage, .offload = true,
              .body_content_type = "application/json", .max_body_bytes = 16 << 10,
              .request_schema = R"({"type":"object","required":["title","agency","country"],"properties":{"title":{"type":"string"},"agency":{"type":"string"},"country":{"type":"string"},"status":{"enum":["open","suspended","closed"]}}})",
              .response_schema = R"({"type":"object","properties":{"id":{"type":"integer"}}})", .success_status = 201},
             [&cases, actor](const Request& req, const service::Principal* me) -> Result<Response> {
               ESCUDO_ASSIGN_OR_RETURN(JsonValue body, parse_json(req.body));
               service::NewCase c;
               ESCUDO_ASSIGN_OR_RETURN(c.title, body.get_string("title"));
               ESCUDO_ASSIGN_OR_RETURN(c.agency, body.get_string("agency"));
               ESCUDO_ASSIGN_OR_RETURN(c.country, body.get_string("country"));
               ESCUDO_ASSIGN_OR_RETURN(auto status, body.get_optional_string("status"));
               c.status = status.value_or("open");
               ESCUDO_ASSIGN_OR_RETURN(auto id, cases.create(actor(me), c));
               JsonWriter w;
               w.begin_object().key("id").value(id).end_object();
               return Response::json(201, std::move(w).take());
             });

  router.add({.method = "GET", .pattern = "/api/cases/figures",
              .summary = "Arrests and convictions by period, agency and country (no names)",
              .tag = "cases", .permission = Permission::kCasesFigures, .offload = true,
              .response_schema = R"({"type":"object","properties":{"rows":{"type":"array","items":{"type":"object","properties":{"period":{"type":"string"},"agency":{"type":"string"},"country":{"type":"string"},"arrests":{"type":"integer"},"convictions":{"type":"integer"}}}},"arrests":{"type":"integer"},"convictions":{"type":"integer"}}})",
              .query = {{"by", "month (default) or year"}, {"from", "YYYY-MM"}, {"to", "YYYY-MM"},
                        {"format", "json (default) or csv"}}},
             [&cases, actor](const Request& req, const service::Principal* me) -> Result<Response> {
               service::FiguresQuery q;
               std::string by = text_query(req, "by").value_or("month");
               if (by != "month" && by != "year") return make_error(ErrorCode::kInvalidArgument, "by is month or year");
               q.by_year = by == "year";
               q.from = text_query(req, "from");
               q.to = text_query(req, "to");
               std::string format = text_query(req, "format").value_or("json");
               if (format != "json" && format != "csv") return make_error(ErrorCode::kInvalidArgument, "format is json or csv");
               ESCUDO_ASSIGN_OR_RETURN(auto rows, cases.figures(actor(me), q));
               if (format == "csv") {
                 Response r;
                 r.content_type = "text/csv; charset=utf-8";
                 r.body = figures_csv(rows);
                 r.headers.emplace_back("Content-Disposition", "attachment; filename=\"escudo-case-figures.csv\"");
                 return r;
               }
               JsonWriter w;
               write_figures_json(w, rows);
               return Response::json(200, std::move(w).take());
             });

  router.add({.method = "GET", .pattern = "/api/cases/{id}",
              .summary = "A case: members, entities, links, tips, incidents and events (members and cases.all; audited)",
              .tag = "cases", .permission = Permission::kCasesRead, .offload = true,
              .response_schema = R"({"type":"object"})"},
             [&cases, actor](const Request& req, const service::Principal* me) -> Result<Response> {
               ESCUDO_ASSIGN_OR_RETURN(auto id, case_id_of(req));
               ESCUDO_ASSIGN_OR_RETURN(auto view, cases.get(actor(me), id));
               JsonWriter w;
               w.begin_object();
               write_case(w, view.row);
               w.key("members").begin_array();
               for (const auto& m : view.members) {
                 w.begin_object().key("username").value(m.username).key("display_name").value(m.display_name)
                     .key("agency").value(m.agency).key("added_at").value(m.added_at).end_object();
               }
               w.end_array().key("items").begin_array();
               for (const auto& i : view.items) {
                 w.begin_object().key("kind").value(i.item.kind).key("id").value(i.item.item_id)
                     .key("label").value(i.label).key("entity_kind").value(i.kind)
                     .key("added_by").value(i.item.added_by).key("added_at").value(i.item.added_at).end_object();
               }
               w.end_array().key("events").begin_array();
               for (const auto& e : view.events) {
                 w.begin_object().key("id").value(e.row.id).key("entity_id").value(e.row.entity_id)
                     .key("entity_label").value(e.entity_label).key("kind").value(e.row.kind)
                     .key("date").value(e.row.happened_on).key("agency").value(e.row.agency)
                     .key("country").value(e.row.country).key("note").value(e.row.note)
                     .key("entered_by").value(e.row.entered_by).end_object();
               }
               w.end_array().end_object();
               return Response::json(200, std::move(w).take());
             });

  router.add({.method = "POST", .pattern = "/api/cases/{id}/members", .summary = "Add a member (the lead only)",
              .tag = "cases", .permission = Permission::kCasesManage, .offload = true,
              .body_content_type = "application/json", .max_body_bytes = 4 << 10,
              .request_schema = R"({"type":"object","required":["username"],"properties":{"username":{"type":"string"}}})",
              .success_status = 204},
             [&cases, actor](const Request& req, const service::Principal* me) -> Result<Response> {
               ESCUDO_ASSIGN_OR_RETURN(auto id, case_id_of(req));
               ESCUDO_ASSIGN_OR_RETURN(JsonValue body, parse_json(req.body));
               ESCUDO_ASSIGN_OR_RETURN(auto username, body.get_string("username"));
               ESCUDO_TRY(cases.add_member(actor(me), id, username));
               return Response::no_content();
             });

  router.add({.method = "POST", .pattern = "/api/cases/{id}/items",
              .summary = "Tie an entity, link, tip or incident to the case (members)",
              .tag = "cases", .permission = Permission::kCasesManage, .offload = true,
              .body_content_type = "application/json", .max_body_bytes = 4 << 10,
              .request_schema = R"({"type":"object","required":["kind","id"],"properties":{"kind":{"enum":["entity","link","tip","incident"]},"id":{"type":"integer"}}})",
              .success_status = 204},
             [&cases, actor](const Request& req, const service::Principal* me) -> Result<Response> {
               ESCUDO_ASSIGN_OR_RETURN(auto id, case_id_of(req));
               ESCUDO_ASSIGN_OR_RETURN(JsonValue body, parse_json(req.body));
               ESCUDO_ASSIGN_OR_RETURN(auto kind, body.get_string("kind"));
               ESCUDO_ASSIGN_OR_RETURN(auto item, body.get_optional_int("id"));
               if (!item) return make_error(ErrorCode::kInvalidArgument, "'id' is required");
               ESCUDO_TRY(cases.add_item(actor(me), id, kind, *item));
               return Response::no_content();
             });

  router.add({.method = "POST", .pattern = "/api/cases/{id}/events",
              .summary = "Record an arrest, charge, conviction, acquittal, extradition, asset seizure or linked death (members)",
              .tag = "cases", .permission = Permission::kCasesManage, .offload = true,
              .body_content_type = "application/json", .max_body_bytes = 8 << 10,
              .request_schema = R"({"type":"object","required":["entity_id","kind","date","agency","country"],"properties":{"entity_id":{"type":"integer"},"kind":{"enum":["arrest","charge","conviction","acquittal","extradition","asset_seizure","death_linked"]},"date":{"type":"string"},"agency":{"type":"string"},"country":{"type":"string"},"note":{"type":"string"}}})",
              .response_schema = R"({"type":"object","properties":{"id":{"type":"integer"}}})", .success_status = 201},
             [&cases, actor](const Request& req, const service::Principal* me) -> Result<Response> {
               ESCUDO_ASSIGN_OR_RETURN(auto id, case_id_of(req));
               ESCUDO_ASSIGN_OR_RETURN(JsonValue body, parse_json(req.body));
               service::NewCaseEvent e;
               ESCUDO_ASSIGN_OR_RETURN(auto entity, body.get_optional_int("entity_id"));
               if (!entity) return make_error(ErrorCode::kInvalidArgument, "'entity_id' is required");
               e.entity_id = *entity;
               ESCUDO_ASSIGN_OR_RETURN(e.kind, body.get_string("kind"));
               ESCUDO_ASSIGN_OR_RETURN(e.date, body.get_string("date"));
               ESCUDO_ASSIGN_OR_RETURN(e.agency, body.get_string("agency"));
               ESCUDO_ASSIGN_OR_RETURN(e.country, body.get_string("country"));
               ESCUDO_ASSIGN_OR_RETURN(auto note, body.get_optional_string("note"));
               e.note = note.value_or("");
               ESCUDO_ASSIGN_OR_RETURN(auto event, cases.add_event(actor(me), id, e));
               JsonWriter w;
               w.begin_object().key("id").value(event).end_object();
               return Response::json(201, std::move(w).take());
             });
}

}  // namespace escudo::api
