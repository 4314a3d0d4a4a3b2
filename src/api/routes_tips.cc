// The tip desk's API: the inbox, a tip, its handling, answers, links, extracts, keys.
#include <charconv>

#include "api/query_params.h"
#include "api/routes.h"
#include "base/json.h"

namespace escudo::api {
namespace {

Result<std::int64_t> id_param(const Request& req, const std::string& name) {
  auto it = req.params.find(name);
  std::string_view text = it == req.params.end() ? std::string_view() : std::string_view(it->second);
  std::int64_t id = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (ec != std::errc() || ptr != text.data() + text.size() || id <= 0) {
    return errorf(ErrorCode::kInvalidArgument, "'{}' must be a positive whole number", name);
  }
  return id;
}

void write_summary(JsonWriter& w, const store::TipSummary& s) {
  w.begin_object().key("id").value(s.id).key("received_on").value(s.received_on)
      .key("status").value(s.status).key("updated_at").value(s.updated_at);
  w.key("assigned_to");
  if (s.assigned_to) w.value(s.assigned_username); else w.null();
  w.key("duplicate_of");
  if (s.duplicate_of) w.value(*s.duplicate_of); else w.null();
  w.key("attachment_count").value(s.attachment_count).key("unread").value(s.unread_from_tipster);
  w.key("tags").begin_array();
  for (const auto& t : s.tags) w.value(t);
  w.end_array().end_object();
}

void write_ids(JsonWriter& w, std::string_view key, const std::vector<std::int64_t>& ids) {
  w.key(key).begin_array();
  for (auto id : ids) w.value(id);
  w.end_array();
}

Result<std::string> required_text(const JsonObject& body, std::string_view name) {
  return body.get_string(name);
}

constexpr std::string_view kSummarySchema =
    R"({"type":"object","properties":{"id":{"type":"integer"},"received_on":{"type":"string"},"status":{"enum":["new","triaged","actionable","closed"]},"updated_at":{"type":"integer"},"assigned_to":{"type":["string","null"]},"duplicate_of":{"type":["integer","null"]},"attachment_count":{"type":"integer"},"unread":{"type":"boolean"},"tags":{"type":"array","items":{"type":"string"}}}})";

RouteSpec desk_spec(std::string method, std::string pattern, std::string summary,
                    model::Permission permission) {
  RouteSpec spec{.method = std::move(method), .pattern = std::move(pattern),
                 .summary = std::move(summary), .tag = "tips", .permission = permission};
  if (spec.method != "GET" && spec.method != "DELETE") {
    spec.body_content_type = "application/json";
    spec.max_body_bytes = 64 << 10;
  }
  return spec;
}

}  // namespace

void add_tip_routes(Router& router, service::Services& services) {
  auto& tips = services.tips();
  using model::Permission;

  {
    RouteSpec spec = desk_spec("GET", "/api/tips", "The tip inbox: what is not sealed, newest first",
                               Permission::kTipsRead);
    spec.query = {{"status", "new, triaged, actionable or closed"}, {"tag", "a tag"},
                  {"assigned", "a user name, or 'none'"}, {"from", "first day received (YYYY-MM-DD)"},
                  {"to", "last day received"}, {"unread", "1: tips with unread tipster messages"},
                  {"before", "the id the previous page ended with"}, {"limit", "1-500 (50)"}};
    spec.response_schema = std::string(R"({"type":"object","properties":{"total":{"type":"integer"},"desk_unlocked":{"type":"boolean"},"tips":{"type":"array","items":)") +
                           std::string(kSummarySchema) + "}}}";
    router.add(std::move(spec), [&tips, &services](const Request& req, const service::Principal* me) -> Result<Response> {
      store::InboxFilter f;
      f.status = text_query(req, "status");
      f.tag = text_query(req, "tag");
      f.from_day = text_query(req, "from");
      f.to_day = text_query(req, "to");
      f.unread_only = text_query(req, "unread").value_or("") == "1";
      if (auto assigned = text_query(req, "assigned")) {
        if (*assigned == "none") {
          f.assigned_to = 0;
        } else {
          auto db = services.pool().acquire();
          ESCUDO_ASSIGN_OR_RETURN(auto id, db->query_int("SELECT id FROM users WHERE username = $1",
                                                         {std::string_view(*assigned)}));
          f.assigned_to = id.value_or(-1);
        }
      }
      ESCUDO_ASSIGN_OR_RETURN(auto before, int_query(req, "before"));
      f.before_id = before;
      ESCUDO_ASSIGN_OR_RETURN(auto limit, int_query(req, "limit"));
      f.limit = static_cast<int>(std::clamp<std::int64_t>(limit.value_or(50), 1, 500));
      ESCUDO_ASSIGN_OR_RETURN(auto page, tips.inbox(*me, f));
      JsonWriter w;
      w.begin_object().key("total").value(page.total).key("desk_unlocked").value(tips.desk_unlocked(*me));
      w.key("tips").begin_array();
      for (const auto& s : page.tips) write_summary(w, s);
      w.end_array().end_object();
      return Response::json(200, std::move(w).take());
    });
  }

  {
    RouteSpec spec = desk_spec("GET", "/api/tips/statistics", "Tip counts by status, month and tag (no content)",
                               Permission::kTipsRead);
    spec.response_schema = R"({"type":"object","properties":{"total":{"type":"integer"},"by_status":{"type":"object"},"by_month":{"type":"object"},"by_tag":{"type":"object"}}})";
    router.add(std::move(spec), [&tips](const Request&, const service::Principal* me) -> Result<Response> {
      ESCUDO_ASSIGN_OR_RETURN(auto c, tips.statistics(service::Actor::of(*me)));
      JsonWriter w;
      w.begin_object().key("total").value(c.total);
      for (auto [key, rows] : {std::pair{"by_status", &c.by_status}, std::pair{"by_month", &c.by_month},
                               std::pair{"by_tag", &c.by_tag}}) {
        w.key(key).begin_object();
        for (const auto& [k, n] : *rows) w.key(k).value(n);
        w.end_object();
      }
      w.end_object();
      return Response::json(200, std::move(w).take());
    });
  }

  {
    RouteSpec spec = desk_spec("GET", "/api/tips/extracts", "Extracts of tips forwarded to me (audited)",
                               Permission::kTipExtracts);
    spec.response_schema = R"({"type":"object","properties":{"extracts":{"type":"array","items":{"type":"object","properties":{"id":{"type":"integer"},"tip_id":{"type":"integer"},"from":{"type":"string"},"created_at":{"type":"integer"},"text":{"type":"string"}}}}}})";
    router.add(std::move(spec), [&tips](const Request&, const service::Principal* me) -> Result<Response> {
      ESCUDO_ASSIGN_OR_RETURN(auto extracts, tips.my_extracts(*me));
      JsonWriter w;
      w.begin_object().key("extracts").begin_array();
      for (const auto& e : extracts) {
        w.begin_object().key("id").value(e.id).key("tip_id").value(e.tip_id).key("from").value(e.from)
            .key("created_at").value(e.created_at).key("text").value(e.text).end_object();
      }
      w.end_array().end_object();
      return Response::json(200, std::move(w).take());
    });
  }

  {
    RouteSpec spec = desk_spec("POST", "/api/tips/unlock",
                               "Enter one's password again to unlock one's keys (after a restart)",
                               Permission::kTipsRead);
    spec.offload = true;
    spec.max_body_bytes = 8 << 10;
    spec.request_schema = R"({"type":"object","required":["password"],"properties":{"password":{"type":"string"}}})";
    spec.success_status = 204;
    router.add(std::move(spec), [&tips](const Request& req, const service::Principal* me) -> Result<Response> {
      ESCUDO_ASSIGN_OR_RETURN(JsonObject body, parse_json_object(req.body));
      ESCUDO_ASSIGN_OR_RETURN(std::string password, body.get_string("password"));
      ESCUDO_TRY(tips.unlock(*me, password));
      return Response::no_content();
    });
  }

  {
    RouteSpec spec = desk_spec("POST", "/api/tips/grants", "Grant the desk key to another tip handler",
                               Permission::kTipsManage);
    spec.request_schema = R"({"type":"object","required":["username"],"properties":{"username":{"type":"string"}}})";
    spec.success_status = 204;
    router.add(std::move(spec), [&tips](const Request& req, const service::Principal* me) -> Result<Response> {
      ESCUDO_ASSIGN_OR_RETURN(JsonObject body, parse_json_object(req.body));
      ESCUDO_ASSIGN_OR_RETURN(std::string username, body.get_string("username"));
      ESCUDO_TRY(tips.grant(*me, username));
      return Response::no_content();
    });
  }

  {
    RouteSpec spec = desk_spec("GET", "/api/tips/{id}", "One tip, opened with the desk key (audited)",
                               Permission::kTipsRead);
    spec.offload = true;
    spec.response_schema = R"({"type":"object","properties":{"tip":{"type":"object"},"content":{"type":"object"},"attachments":{"type":"array"},"messages":{"type":"array"},"notes":{"type":"array"},"entity_ids":{"type":"array"},"case_ids":{"type":"array"}}})";
    router.add(std::move(spec), [&tips](const Request& req, const service::Principal* me) -> Result<Response> {
      ESCUDO_ASSIGN_OR_RETURN(auto id, id_param(req, "id"));
      ESCUDO_ASSIGN_OR_RETURN(auto d, tips.open(*me, id));
      JsonWriter w;
      w.begin_object().key("tip");
      write_summary(w, d.summary);
      w.key("content").begin_object().key("text").value(d.content.text).key("who").value(d.content.who)
          .key("where").value(d.content.where).key("when").value(d.content.when)
          .key("phones").value(d.content.phones).key("accounts").value(d.content.accounts)
          .key("language").value(model::tip_language_code(d.content.language)).end_object();
      w.key("attachments").begin_array();
      for (const auto& a : d.attachments) {
        w.begin_object().key("id").value(a.id).key("message_id");
        if (a.message_id) w.value(*a.message_id); else w.null();
        w.key("name").value(a.name).key("media_type").value(a.media_type).key("size").value(a.size)
            .key("removed").begin_array();
        for (const auto& r : a.removed) w.value(r);
        w.end_array().end_object();
      }
      w.end_array().key("messages").begin_array();
      for (const auto& m : d.messages) {
        w.begin_object().key("id").value(m.id).key("author").value(m.author).key("username").value(m.username)
            .key("on_day").value(m.on_day).key("text").value(m.text).end_object();
      }
      w.end_array().key("notes").begin_array();
      for (const auto& n : d.notes) {
        w.begin_object().key("id").value(n.id).key("username").value(n.username).key("at").value(n.at)
            .key("text").value(n.text).end_object();
      }
      w.end_array();
      write_ids(w, "entity_ids", d.entity_ids);
      write_ids(w, "case_ids", d.case_ids);
      w.end_object();
      return Response::json(200, std::move(w).take());
    });
  }

  {
    RouteSpec spec = desk_spec("PATCH", "/api/tips/{id}",
                               "Change a tip's status, assignment, duplicate mark or tags (audited)",
                               Permission::kTipsManage);
    spec.request_schema = R"({"type":"object","properties":{"status":{"enum":["new","triaged","actionable","closed"]},"assign_to":{"type":"string"},"duplicate_of":{"type":"integer"},"add_tags":{"type":"array","items":{"type":"string"}},"remove_tags":{"type":"array","items":{"type":"string"}}}})";
    spec.response_schema = std::string(kSummarySchema);
    router.add(std::move(spec), [&tips](const Request& req, const service::Principal* me) -> Result<Response> {
      ESCUDO_ASSIGN_OR_RETURN(auto id, id_param(req, "id"));
      ESCUDO_ASSIGN_OR_RETURN(JsonObject body, parse_json_object(req.body));
      service::TipUpdate u;
      if (body.has("status")) {
        ESCUDO_ASSIGN_OR_RETURN(std::string status, body.get_string("status"));
        ESCUDO_ASSIGN_OR_RETURN(u.status, model::parse_tip_status(status));
      }
      if (body.has("assign_to")) {
        ESCUDO_ASSIGN_OR_RETURN(u.assign_to, body.get_string("assign_to"));
      }
      if (body.has("duplicate_of")) {
        ESCUDO_ASSIGN_OR_RETURN(u.duplicate_of, body.get_int("duplicate_of"));
      }
      if (body.has("add_tags")) {
        ESCUDO_ASSIGN_OR_RETURN(u.add_tags, body.get_string_array("add_tags"));
      }
      if (body.has("remove_tags")) {
        ESCUDO_ASSIGN_OR_RETURN(u.remove_tags, body.get_string_array("remove_tags"));
      }
      ESCUDO_ASSIGN_OR_RETURN(auto summary, tips.update(*me, id, u));
      JsonWriter w;
      write_summary(w, summary);
      return Response::json(200, std::move(w).take());
    });
  }

  for (auto [path, summary, is_reply] :
       {std::tuple{"/api/tips/{id}/notes", "Add an internal note (sealed; audited)", false},
        std::tuple{"/api/tips/{id}/replies", "Answer the tipster (they read it with their receipt)", true}}) {
    RouteSpec spec = desk_spec("POST", path, summary, Permission::kTipsManage);
    spec.request_schema = R"({"type":"object","required":["text"],"properties":{"text":{"type":"string"}}})";
    spec.response_schema = R"({"type":"object","properties":{"id":{"type":"integer"}}})";
    spec.success_status = 201;
    router.add(std::move(spec), [&tips, is_reply](const Request& req, const service::Principal* me) -> Result<Response> {
      ESCUDO_ASSIGN_OR_RETURN(auto id, id_param(req, "id"));
      ESCUDO_ASSIGN_OR_RETURN(JsonObject body, parse_json_object(req.body));
      ESCUDO_ASSIGN_OR_RETURN(std::string text, required_text(body, "text"));
      ESCUDO_ASSIGN_OR_RETURN(auto created, is_reply ? tips.reply(*me, id, text) : tips.add_note(*me, id, text));
      JsonWriter w;
      w.begin_object().key("id").value(created).end_object();
      return Response::json(201, std::move(w).take());
    });
  }

  {
    RouteSpec spec = desk_spec("POST", "/api/tips/{id}/extracts",
                               "Forward a sanitised extract to an investigator (audited)",
                               Permission::kTipsManage);
    spec.request_schema = R"({"type":"object","required":["recipient","text"],"properties":{"recipient":{"type":"string"},"text":{"type":"string"}}})";
    spec.response_schema = R"({"type":"object","properties":{"id":{"type":"integer"}}})";
    spec.success_status = 201;
    router.add(std::move(spec), [&tips](const Request& req, const service::Principal* me) -> Result<Response> {
      ESCUDO_ASSIGN_OR_RETURN(auto id, id_param(req, "id"));
      ESCUDO_ASSIGN_OR_RETURN(JsonObject body, parse_json_object(req.body));
      ESCUDO_ASSIGN_OR_RETURN(std::string recipient, body.get_string("recipient"));
      ESCUDO_ASSIGN_OR_RETURN(std::string text, body.get_string("text"));
      ESCUDO_ASSIGN_OR_RETURN(auto created, tips.forward(*me, id, recipient, text));
      JsonWriter w;
      w.begin_object().key("id").value(created).end_object();
      return Response::json(201, std::move(w).take());
    });
  }

  {
    RouteSpec spec = desk_spec("GET", "/api/tips/{id}/attachments/{attachment_id}",
                               "An attachment's cleaned bytes (audited)", Permission::kTipsRead);
    spec.offload = true;
    spec.response_schema = R"({"type":"string","format":"binary"})";
    router.add(std::move(spec), [&tips](const Request& req, const service::Principal* me) -> Result<Response> {
      ESCUDO_ASSIGN_OR_RETURN(auto id, id_param(req, "id"));
      ESCUDO_ASSIGN_OR_RETURN(auto attachment_id, id_param(req, "attachment_id"));
      ESCUDO_ASSIGN_OR_RETURN(auto a, tips.attachment(*me, id, attachment_id));
      Response r;
      r.content_type = a.info.media_type == "text/plain" ? "text/plain; charset=utf-8" : a.info.media_type;
      r.body = std::move(a.data);
      // Never rendered inline from the API: downloaded under a neutral name.
      r.headers.emplace_back("Content-Disposition",
                             fmt::format("attachment; filename=\"tip-{}-{}\"", id, attachment_id));
      return r;
    });
  }

  {
    RouteSpec spec = desk_spec("POST", "/api/tips/{id}/people",
                               "A person the tip names joins entity resolution; the tip is linked "
                               "to their entity (audited, without the name)",
                               Permission::kTipsManage);
    spec.offload = true;  // the first resolution after a start builds the index
    spec.request_schema = R"({"type":"object","required":["full_name"],"properties":{"full_name":{"type":"string"},"phone":{"type":"string"}}})";
    spec.response_schema = R"({"type":"object","properties":{"record_id":{"type":"string"},"entity_id":{"type":"integer"}}})";
    spec.success_status = 201;
    router.add(std::move(spec), [&tips](const Request& req, const service::Principal* me) -> Result<Response> {
      ESCUDO_ASSIGN_OR_RETURN(auto id, id_param(req, "id"));
      ESCUDO_ASSIGN_OR_RETURN(JsonObject body, parse_json_object(req.body));
      ESCUDO_ASSIGN_OR_RETURN(std::string full_name, body.get_string("full_name"));
      ESCUDO_ASSIGN_OR_RETURN(auto phone, body.get_optional_string("phone"));
      ESCUDO_ASSIGN_OR_RETURN(auto named, tips.name_person(*me, id, full_name, phone.value_or("")));
      JsonWriter w;
      w.begin_object().key("record_id").value(named.record_id).key("entity_id").value(named.entity_id).end_object();
      return Response::json(201, std::move(w).take());
    });
  }

  for (auto [path, kind] : {std::pair{"/api/tips/{id}/entities/{other}", "entity"},
                            std::pair{"/api/tips/{id}/cases/{other}", "case"}}) {
    for (const char* method : {"PUT", "DELETE"}) {
      bool link = std::string_view(method) == "PUT";
      RouteSpec spec = desk_spec(method, path,
                                 fmt::format("{} the tip {} {} (audited)", link ? "Link" : "Unlink",
                                             link ? "to an" : "from an", kind),
                                 Permission::kTipsManage);
      spec.body_content_type.clear();
      spec.success_status = 204;
      bool entity = std::string_view(kind) == "entity";
      router.add(std::move(spec), [&tips, link, entity](const Request& req, const service::Principal* me) -> Result<Response> {
        ESCUDO_ASSIGN_OR_RETURN(auto id, id_param(req, "id"));
        ESCUDO_ASSIGN_OR_RETURN(auto other, id_param(req, "other"));
        if (entity) {
          ESCUDO_TRY(tips.link_entity(*me, id, other, link));
        } else {
          ESCUDO_TRY(tips.link_case(*me, id, other, link));
        }
        return Response::no_content();
      });
    }
  }
}

}  // namespace escudo::api
