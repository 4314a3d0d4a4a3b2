// Screening, protection needs and returns: watchlists, the screening queue, entry requirements,
// a person's file, protection records, return decisions, overrides, manifests and figures.
// Permissions are enforced by the services; every safeguard is checked in ReturnService.
#include <charconv>

#include "api/query_params.h"
#include "api/routes.h"
#include "base/json.h"

namespace escudo::api {
namespace {

using model::Permission;

Result<std::int64_t> id_param(const Request& req) {
  auto it = req.params.find("id");
  std::string_view text = it == req.params.end() ? std::string_view() : std::string_view(it->second);
  std::int64_t id = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (ec != std::errc() || ptr != text.data() + text.size() || id <= 0) {
    return make_error(ErrorCode::kInvalidArgument, "'id' must be a positive whole number");
  }
  return id;
}

RouteSpec spec_of(std::string method, std::string pattern, std::string summary, std::string tag,
                  std::optional<Permission> p) {
  RouteSpec spec{.method = std::move(method), .pattern = std::move(pattern),
                 .summary = std::move(summary), .tag = std::move(tag), .permission = p};
  if (spec.method == "POST") {
    spec.body_content_type = "application/json";
    spec.max_body_bytes = 64 << 10;
  }
  return spec;
}

void write_strings(JsonWriter& w, const std::vector<std::string>& v) {
  w.begin_array();
  for (const auto& s : v) w.value(s);
  w.end_array();
}

void write_optional(JsonWriter& w, const std::optional<std::string>& v) {
  if (v) w.value(*v); else w.null();
}
void write_optional(JsonWriter& w, const std::optional<std::int64_t>& v) {
  if (v) w.value(*v); else w.null();
}

void write_hit(JsonWriter& w, const store::HitRecord& h) {
  w.begin_object().key("id").value(h.id).key("person_id").value(h.person_id)
      .key("source").value(h.source).key("watchlist").value(h.watchlist)
      .key("version_id");
  write_optional(w, h.version_id);
  w.key("entry_id").value(h.entry_id).key("matched_name").value(h.matched_name)
      .key("score").value(h.score).key("reasons");
  write_strings(w, h.reasons);
  w.key("status").value(h.status).key("decided_by").value(h.decided_by)
      .key("decision_note").value(h.decision_note).key("nationality").value(h.nationality)
      .key("created_at").value(h.created_at).end_object();
}

void write_return(JsonWriter& w, const store::ReturnRecord& r) {
  w.begin_object().key("id").value(r.id).key("person_id").value(r.person_id)
      .key("receiving_country").value(r.receiving_country).key("reason").value(r.reason)
      .key("rule_version");
  write_optional(w, r.rule_version);
  w.key("voluntary").value(r.voluntary).key("status").value(r.status).key("manifest_id");
  write_optional(w, r.manifest_id);
  w.key("decided_at").value(r.decided_at).key("decided_by").value(r.decided_by)
      .key("executed_at");
  write_optional(w, r.executed_at);
  w.key("executed_by").value(r.executed_by).key("stopped_reason").value(r.stopped_reason)
      .end_object();
}

void write_manifest(JsonWriter& w, const store::ManifestRecord& m) {
  w.begin_object().key("id").value(m.id).key("mode").value(m.mode)
      .key("receiving_country").value(m.receiving_country).key("departs_on").value(m.departs_on)
      .key("escort").value(m.escort).key("status").value(m.status)
      .key("created_by").value(m.created_by).end_object();
}

void write_blocks(JsonWriter& w, const std::vector<model::SafeguardBlock>& blocks,
                  const std::vector<bool>& lifted) {
  w.begin_array();
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    w.begin_object().key("safeguard").value(model::safeguard_name(blocks[i].safeguard))
        .key("reason").value(blocks[i].reason)
        .key("lifted").value(i < lifted.size() && lifted[i]).end_object();
  }
  w.end_array();
}

Response json_of(int status, const std::function<void(JsonWriter&)>& write) {
  JsonWriter w;
  write(w);
  return Response::json(status, std::move(w).take());
}

void write_outcomes(JsonWriter& w, const std::vector<service::ExecutionOutcome>& outcomes) {
  w.begin_object().key("outcomes").begin_array();
  for (const auto& o : outcomes) {
    w.begin_object().key("executed").value(o.executed).key("stopped_reason").value(o.stopped_reason)
        .key("return");
    write_return(w, o.decision);
    w.end_object();
  }
  w.end_array().end_object();
}

}  // namespace

void add_screening_routes(Router& router, service::Services& services) {
  auto& screening = services.screening();
  auto& protection = services.protection();
  auto& returns = services.returns();
  using service::Actor;

  {
    RouteSpec spec = spec_of("POST", "/api/watchlists/import",
                             "Import a watchlist CSV as a new version (all rows or none)",
                             "screening", Permission::kWatchlistsManage);
    spec.body_content_type = "text/csv";
    spec.max_body_bytes = 64 << 20;
    spec.offload = true;
    spec.query = {{"name", "the list's name"}, {"kind", "wanted, sanctions or other"},
                  {"file_name", "the file's name, kept with the version"}};
    spec.success_status = 201;
    router.add(std::move(spec), [&screening](const Request& req, const service::Principal* me) -> Result<Response> {
      ESCUDO_ASSIGN_OR_RETURN(auto report, screening.import_watchlist(
          Actor::of(*me), {.name = text_query(req, "name").value_or(""),
                           .kind = text_query(req, "kind").value_or("other"),
                           .file_name = text_query(req, "file_name").value_or("upload.csv"),
                           .text = req.body}));
      return json_of(201, [&](JsonWriter& w) {
        w.begin_object().key("version_id").value(report.version_id).key("version").value(report.version)
            .key("entries").value(report.entries)
            .key("screened_entries").value(report.screened_entries)
            .key("screened_names").value(report.screened_names).end_object();
      });
    });
  }

  router.add(spec_of("GET", "/api/watchlists", "Every imported watchlist version, newest first",
                     "screening", std::nullopt),
             [&screening](const Request&, const service::Principal* me) -> Result<Response> {
               ESCUDO_ASSIGN_OR_RETURN(auto versions, screening.versions(Actor::of(*me)));
               return json_of(200, [&](JsonWriter& w) {
                 w.begin_object().key("versions").begin_array();
                 for (const auto& v : versions) {
                   w.begin_object().key("id").value(v.id).key("watchlist").value(v.watchlist)
                       .key("kind").value(v.kind).key("version").value(v.version)
                       .key("file_name").value(v.file_name).key("sha256").value(v.file_sha256)
                       .key("entries").value(v.entries).key("imported_at").value(v.imported_at)
                       .key("imported_by").value(v.imported_by).end_object();
                 }
                 w.end_array().end_object();
               });
             });

  {
    RouteSpec spec = spec_of("GET", "/api/screening/hits", "The screening queue, best score first",
                             "screening", Permission::kScreeningRead);
    spec.query = {{"status", "open (default), confirmed, dismissed or all"},
                  {"person", "one person's hits"}};
    router.add(std::move(spec), [&screening](const Request& req, const service::Principal* me) -> Result<Response> {
      std::string status = text_query(req, "status").value_or("open");
      if (status == "all") status.clear();
      ESCUDO_ASSIGN_OR_RETURN(auto person, int_query(req, "person"));
      ESCUDO_ASSIGN_OR_RETURN(auto hits, screening.hits(*me, status, person, 200));
      return json_of(200, [&](JsonWriter& w) {
        w.begin_object().key("hits").begin_array();
        for (const auto& h : hits) write_hit(w, h);
        w.end_array().end_object();
      });
    });
  }

  {
    RouteSpec spec = spec_of("POST", "/api/screening/hits/{id}/decision",
                             "Confirm or dismiss a hit (a dismissal says why; audited)",
                             "screening", Permission::kScreeningDecide);
    spec.request_schema = R"({"type":"object","required":["decision"],"properties":{"decision":{"enum":["confirm","dismiss"]},"note":{"type":"string"}}})";
    router.add(std::move(spec), [&screening](const Request& req, const service::Principal* me) -> Result<Response> {
      ESCUDO_ASSIGN_OR_RETURN(auto id, id_param(req));
      ESCUDO_ASSIGN_OR_RETURN(JsonObject body, parse_json_object(req.body));
      ESCUDO_ASSIGN_OR_RETURN(std::string decision, body.get_string("decision"));
      if (decision != "confirm" && decision != "dismiss") {
        return make_error(ErrorCode::kInvalidArgument, "'decision' must be confirm or dismiss");
      }
      ESCUDO_ASSIGN_OR_RETURN(auto note, body.get_optional_string("note"));
      ESCUDO_ASSIGN_OR_RETURN(auto hit, screening.decide_hit(*me, id, decision == "confirm", note.value_or("")));
      return json_of(200, [&](JsonWriter& w) { write_hit(w, hit); });
    });
  }

  {
    RouteSpec spec = spec_of("POST", "/api/persons/{id}/screening",
                             "Screen a registered person now against the watchlists and earlier records",
                             "screening", Permission::kScreeningRead);
    spec.body_content_type.clear();
    router.add(std::move(spec), [&screening](const Request& req, const service::Principal* me) -> Result<Response> {
      ESCUDO_ASSIGN_OR_RETURN(auto id, id_param(req));
      ESCUDO_ASSIGN_OR_RETURN(auto hits, screening.screen_person(Actor::of(*me), id));
      return json_of(200, [&](JsonWriter& w) {
        w.begin_object().key("hits").begin_array();
        for (const auto& h : hits) write_hit(w, h);
        w.end_array().end_object();
      });
    });
  }

  router.add(spec_of("GET", "/api/rules", "Entry requirements, every version (newest first)",
                     "screening", std::nullopt),
             [&screening](const Request&, const service::Principal* me) -> Result<Response> {
               ESCUDO_ASSIGN_OR_RETURN(auto rules, screening.rules(Actor::of(*me)));
               return json_of(200, [&](JsonWriter& w) {
                 w.begin_object().key("versions").begin_array();
                 for (const auto& r : rules) {
                   w.begin_object().key("version").value(r.version).key("effective_on").value(r.effective_on)
                       .key("rules").value(r.rules).key("note").value(r.note)
                       .key("created_by").value(r.created_by).end_object();
                 }
                 w.end_array().end_object();
               });
             });

  {
    RouteSpec spec = spec_of("POST", "/api/rules", "A new version of the entry requirements",
                             "screening", Permission::kRulesManage);
    spec.request_schema = R"({"type":"object","required":["effective_on","rules"],"properties":{"effective_on":{"type":"string","format":"date"},"rules":{"type":"string","description":"JSON object: documents, visa_required, visa_exempt, min_age_alone, notes"},"note":{"type":"string"}}})";
    spec.success_status = 201;
    router.add(std::move(spec), [&screening](const Request& req, const service::Principal* me) -> Result<Response> {
      ESCUDO_ASSIGN_OR_RETURN(JsonObject body, parse_json_object(req.body));
      ESCUDO_ASSIGN_OR_RETURN(std::string effective_on, body.get_string("effective_on"));
      ESCUDO_ASSIGN_OR_RETURN(std::string rules, body.get_string("rules"));
      ESCUDO_ASSIGN_OR_RETURN(auto note, body.get_optional_string("note"));
      ESCUDO_ASSIGN_OR_RETURN(auto r, screening.add_rules(Actor::of(*me), effective_on, rules, note.value_or("")));
      return json_of(201, [&](JsonWriter& w) {
        w.begin_object().key("version").value(r.version).key("effective_on").value(r.effective_on).end_object();
      });
    });
  }

  router.add(spec_of("GET", "/api/persons/{id}/file",
                     "A person's file: claims, trafficking, best interest, referrals, returns, "
                     "what would stop a return now (audited)",
                     "protection", Permission::kIdentityRead),
             [&protection](const Request& req, const service::Principal* me) -> Result<Response> {
               ESCUDO_ASSIGN_OR_RETURN(auto id, id_param(req));
               ESCUDO_ASSIGN_OR_RETURN(auto f, protection.file(*me, id));
               return json_of(200, [&](JsonWriter& w) {
                 w.begin_object().key("person_id").value(f.person.id)
                     .key("nationality").value(f.person.nationality)
                     .key("registered_on").value(f.person.registered_on).key("child").value(f.child)
                     .key("claims").begin_array();
                 for (const auto& c : f.claims) {
                   w.begin_object().key("id").value(c.id).key("lodged_on").value(c.lodged_on)
                       .key("status").value(c.status).key("decided_on");
                   write_optional(w, c.decided_on);
                   w.key("appealed_on");
                   write_optional(w, c.appealed_on);
                   w.key("decision_note").value(c.decision_note).end_object();
                 }
                 w.end_array().key("trafficking").begin_array();
                 for (const auto& t : f.trafficking) {
                   w.begin_object().key("id").value(t.id).key("outcome").value(t.outcome)
                       .key("assessed_on").value(t.assessed_on).key("indicators");
                   write_strings(w, t.indicators);
                   w.key("assessed_by").value(t.assessed_by).end_object();
                 }
                 w.end_array().key("best_interest").begin_array();
                 for (const auto& b : f.best_interest) {
                   w.begin_object().key("id").value(b.id).key("status").value(b.status)
                       .key("recommendation").value(b.recommendation).key("note").value(b.note)
                       .key("updated_by").value(b.updated_by).end_object();
                 }
                 w.end_array().key("referrals").begin_array();
                 for (const auto& r : f.referrals) {
                   w.begin_object().key("id").value(r.id).key("partner").value(r.partner)
                       .key("service").value(r.service).key("consent").value(r.consent)
                       .key("consent_note").value(r.consent_note).end_object();
                 }
                 w.end_array().key("returns").begin_array();
                 for (const auto& r : f.returns) write_return(w, r);
                 w.end_array().key("safeguards");
                 write_blocks(w, f.safeguards, std::vector<bool>(f.safeguards.size(), false));
                 w.end_object();
               });
             });

  {
    RouteSpec spec = spec_of("POST", "/api/persons/{id}/claims", "Lodge a protection claim",
                             "protection", Permission::kProtectionManage);
    spec.request_schema = R"({"type":"object","required":["lodged_on"],"properties":{"lodged_on":{"type":"string","format":"date"}}})";
    spec.success_status = 201;
    router.add(std::move(spec), [&protection](const Request& req, const service::Principal* me) -> Result<Response> {
      ESCUDO_ASSIGN_OR_RETURN(auto id, id_param(req));
      ESCUDO_ASSIGN_OR_RETURN(JsonObject body, parse_json_object(req.body));
      ESCUDO_ASSIGN_OR_RETURN(std::string on, body.get_string("lodged_on"));
      ESCUDO_ASSIGN_OR_RETURN(auto c, protection.lodge_claim(Actor::of(*me), id, on));
      return json_of(201, [&](JsonWriter& w) {
        w.begin_object().key("id").value(c.id).key("status").value(c.status).end_object();
      });
    });
  }

  {
    RouteSpec spec = spec_of("POST", "/api/claims/{id}",
                             "Decide, appeal or withdraw a claim (status, on, note)", "protection",
                             Permission::kProtectionManage);
    spec.request_schema = R"({"type":"object","required":["status","on"],"properties":{"status":{"enum":["recognised","rejected","under_appeal","rejected_final","withdrawn"]},"on":{"type":"string","format":"date"},"note":{"type":"string"}}})";
    router.add(std::move(spec), [&protection](const Request& req, const service::Principal* me) -> Result<Response> {
      ESCUDO_ASSIGN_OR_RETURN(auto id, id_param(req));
      ESCUDO_ASSIGN_OR_RETURN(JsonObject body, parse_json_object(req.body));
      ESCUDO_ASSIGN_OR_RETURN(std::string status_text, body.get_string("status"));
      ESCUDO_ASSIGN_OR_RETURN(auto status, model::parse_claim_status(status_text));
      ESCUDO_ASSIGN_OR_RETURN(std::string on, body.get_string("on"));
      ESCUDO_ASSIGN_OR_RETURN(auto note, body.get_optional_string("note"));
      ESCUDO_ASSIGN_OR_RETURN(auto c, protection.update_claim(Actor::of(*me), id, status, on, note.value_or("")));
      return json_of(200, [&](JsonWriter& w) {
        w.begin_object().key("id").value(c.id).key("status").value(c.status).end_object();
      });
    });
  }

  {
    RouteSpec spec = spec_of("POST", "/api/persons/{id}/trafficking",
                             "Record a trafficking assessment (the checklist's codes)", "protection",
                             Permission::kProtectionManage);
    spec.request_schema = R"({"type":"object","required":["outcome","assessed_on"],"properties":{"indicators":{"type":"array","items":{"type":"string"}},"outcome":{"enum":["no_indicators","suspected","recognised","not_a_victim"]},"assessed_on":{"type":"string","format":"date"}}})";
    spec.success_status = 201;
    router.add(std::move(spec), [&protection](const Request& req, const service::Principal* me) -> Result<Response> {
      ESCUDO_ASSIGN_OR_RETURN(auto id, id_param(req));
      ESCUDO_ASSIGN_OR_RETURN(JsonObject body, parse_json_object(req.body));
      std::vector<std::string> indicators;
      if (body.has("indicators")) {
        ESCUDO_ASSIGN_OR_RETURN(indicators, body.get_string_array("indicators"));
      }
      ESCUDO_ASSIGN_OR_RETURN(std::string outcome_text, body.get_string("outcome"));
      ESCUDO_ASSIGN_OR_RETURN(auto outcome, model::parse_trafficking_outcome(outcome_text));
      ESCUDO_ASSIGN_OR_RETURN(std::string on, body.get_string("assessed_on"));
      ESCUDO_ASSIGN_OR_RETURN(auto t, protection.assess_trafficking(Actor::of(*me), id, indicators, outcome, on));
      return json_of(201, [&](JsonWriter& w) {
        w.begin_object().key("id").value(t.id).key("outcome").value(t.outcome).end_object();
      });
    });
  }

  {
    RouteSpec spec = spec_of("POST", "/api/persons/{id}/best-interest",
                             "A child's best-interest assessment", "protection",
                             Permission::kProtectionManage);
    spec.request_schema = R"({"type":"object","required":["status"],"properties":{"status":{"enum":["open","completed"]},"recommendation":{"enum":["return","stay","other_solution"]},"note":{"type":"string"}}})";
    spec.success_status = 201;
    router.add(std::move(spec), [&protection](const Request& req, const service::Principal* me) -> Result<Response> {
      ESCUDO_ASSIGN_OR_RETURN(auto id, id_param(req));
      ESCUDO_ASSIGN_OR_RETURN(JsonObject body, parse_json_object(req.body));
      ESCUDO_ASSIGN_OR_RETURN(std::string status_text, body.get_string("status"));
      ESCUDO_ASSIGN_OR_RETURN(auto status, model::parse_best_interest_status(status_text));
      ESCUDO_ASSIGN_OR_RETURN(auto rec_text, body.get_optional_string("recommendation"));
      ESCUDO_ASSIGN_OR_RETURN(auto rec, model::parse_best_interest_recommendation(rec_text.value_or("")));
      ESCUDO_ASSIGN_OR_RETURN(auto note, body.get_optional_string("note"));
      ESCUDO_ASSIGN_OR_RETURN(auto b, protection.record_best_interest(Actor::of(*me), id, status, rec, note.value_or("")));
      return json_of(201, [&](JsonWriter& w) {
        w.begin_object().key("id").value(b.id).key("status").value(b.status)
            .key("recommendation").value(b.recommendation).end_object();
      });
    });
  }

  {
    RouteSpec spec = spec_of("POST", "/api/persons/{id}/referrals",
                             "Refer to a protection partner (only with the person's consent)",
                             "protection", Permission::kProtectionManage);
    spec.request_schema = R"({"type":"object","required":["partner","service","consent"],"properties":{"partner":{"type":"string"},"service":{"type":"string"},"consent":{"type":"boolean"},"consent_note":{"type":"string"}}})";
    spec.success_status = 201;
    router.add(std::move(spec), [&protection](const Request& req, const service::Principal* me) -> Result<Response> {
      ESCUDO_ASSIGN_OR_RETURN(auto id, id_param(req));
      ESCUDO_ASSIGN_OR_RETURN(JsonObject body, parse_json_object(req.body));
      ESCUDO_ASSIGN_OR_RETURN(std::string partner, body.get_string("partner"));
      ESCUDO_ASSIGN_OR_RETURN(std::string service, body.get_string("service"));
      ESCUDO_ASSIGN_OR_RETURN(bool consent, body.get_bool("consent"));
      ESCUDO_ASSIGN_OR_RETURN(auto note, body.get_optional_string("consent_note"));
      ESCUDO_ASSIGN_OR_RETURN(auto r, protection.refer(Actor::of(*me), id, partner, service, consent, note.value_or("")));
      return json_of(201, [&](JsonWriter& w) { w.begin_object().key("id").value(r.id).end_object(); });
    });
  }

  router.add(spec_of("GET", "/api/persons/{id}/safeguards",
                     "What would stop returning the person now, with the reasons", "returns",
                     Permission::kReturnsDecide),
             [&returns](const Request& req, const service::Principal* me) -> Result<Response> {
               ESCUDO_ASSIGN_OR_RETURN(auto id, id_param(req));
               ESCUDO_ASSIGN_OR_RETURN(auto c, returns.check(Actor::of(*me), id));
               return json_of(200, [&](JsonWriter& w) {
                 w.begin_object().key("allowed").value(c.allowed()).key("safeguards");
                 write_blocks(w, c.blocks, c.lifted);
                 w.end_object();
               });
             });

  {
    RouteSpec spec = spec_of("POST", "/api/returns",
                             "Decide a return; 409 with the reasons when a safeguard forbids it",
                             "returns", Permission::kReturnsDecide);
    spec.request_schema = R"({"type":"object","required":["person_id","receiving_country","reason"],"properties":{"person_id":{"type":"integer"},"receiving_country":{"type":"string"},"reason":{"type":"string"},"voluntary":{"type":"boolean"}}})";
    spec.success_status = 201;
    router.add(std::move(spec), [&returns](const Request& req, const service::Principal* me) -> Result<Response> {
      ESCUDO_ASSIGN_OR_RETURN(JsonObject body, parse_json_object(req.body));
      service::ReturnRequest r;
      ESCUDO_ASSIGN_OR_RETURN(r.person_id, body.get_int("person_id"));
      ESCUDO_ASSIGN_OR_RETURN(r.receiving_country, body.get_string("receiving_country"));
      ESCUDO_ASSIGN_OR_RETURN(r.reason, body.get_string("reason"));
      if (body.has("voluntary")) {
        ESCUDO_ASSIGN_OR_RETURN(r.voluntary, body.get_bool("voluntary"));
      }
      ESCUDO_ASSIGN_OR_RETURN(auto d, returns.decide(Actor::of(*me), r));
      return json_of(201, [&](JsonWriter& w) { write_return(w, d); });
    });
  }

  {
    RouteSpec spec = spec_of("POST", "/api/returns/{id}/override",
                             "Record the person's request for a voluntary return (one officer)",
                             "returns", Permission::kReturnsDecide);
    spec.request_schema = R"({"type":"object","required":["statement"],"properties":{"statement":{"type":"string"}}})";
    router.add(std::move(spec), [&returns](const Request& req, const service::Principal* me) -> Result<Response> {
      ESCUDO_ASSIGN_OR_RETURN(auto id, id_param(req));
      ESCUDO_ASSIGN_OR_RETURN(JsonObject body, parse_json_object(req.body));
      ESCUDO_ASSIGN_OR_RETURN(std::string statement, body.get_string("statement"));
      ESCUDO_ASSIGN_OR_RETURN(auto o, returns.request_override(*me, id, statement));
      return json_of(200, [&](JsonWriter& w) {
        w.begin_object().key("id").value(o.id).key("requested_by").value(o.requested_by)
            .key("approved_by").value(o.approved_by).end_object();
      });
    });
  }

  {
    RouteSpec spec = spec_of("POST", "/api/returns/{id}/override/approval",
                             "Approve a voluntary-return override (a second, different officer)",
                             "returns", Permission::kReturnsDecide);
    spec.body_content_type.clear();
    router.add(std::move(spec), [&returns](const Request& req, const service::Principal* me) -> Result<Response> {
      ESCUDO_ASSIGN_OR_RETURN(auto id, id_param(req));
      ESCUDO_ASSIGN_OR_RETURN(auto o, returns.approve_override(*me, id));
      return json_of(200, [&](JsonWriter& w) {
        w.begin_object().key("id").value(o.id).key("requested_by").value(o.requested_by)
            .key("approved_by").value(o.approved_by).end_object();
      });
    });
  }

  {
    RouteSpec spec = spec_of("POST", "/api/returns/{id}/execute",
                             "Execute a return; the safeguards are checked again, and a stop is "
                             "an outcome with its reason",
                             "returns", Permission::kReturnsExecute);
    spec.body_content_type.clear();
    router.add(std::move(spec), [&returns](const Request& req, const service::Principal* me) -> Result<Response> {
      ESCUDO_ASSIGN_OR_RETURN(auto id, id_param(req));
      ESCUDO_ASSIGN_OR_RETURN(auto o, returns.execute(Actor::of(*me), id));
      return json_of(200, [&](JsonWriter& w) { write_outcomes(w, {o}); });
    });
  }

  {
    RouteSpec spec = spec_of("POST", "/api/returns/{id}/cancel", "Cancel a waiting return",
                             "returns", Permission::kReturnsDecide);
    spec.request_schema = R"({"type":"object","required":["why"],"properties":{"why":{"type":"string"}}})";
    router.add(std::move(spec), [&returns](const Request& req, const service::Principal* me) -> Result<Response> {
      ESCUDO_ASSIGN_OR_RETURN(auto id, id_param(req));
      ESCUDO_ASSIGN_OR_RETURN(JsonObject body, parse_json_object(req.body));
      ESCUDO_ASSIGN_OR_RETURN(std::string why, body.get_string("why"));
      ESCUDO_ASSIGN_OR_RETURN(auto r, returns.cancel(Actor::of(*me), id, why));
      return json_of(200, [&](JsonWriter& w) { write_return(w, r); });
    });
  }

  router.add(spec_of("GET", "/api/manifests", "Return manifests, newest first", "returns",
                     Permission::kReturnsExecute),
             [&returns](const Request&, const service::Principal* me) -> Result<Response> {
               ESCUDO_ASSIGN_OR_RETURN(auto list, returns.manifests(Actor::of(*me)));
               return json_of(200, [&](JsonWriter& w) {
                 w.begin_object().key("manifests").begin_array();
                 for (const auto& m : list) write_manifest(w, m);
                 w.end_array().end_object();
               });
             });

  {
    RouteSpec spec = spec_of("POST", "/api/manifests", "Open a manifest (a bus or a flight)",
                             "returns", Permission::kReturnsExecute);
    spec.request_schema = R"({"type":"object","required":["mode","receiving_country","departs_on"],"properties":{"mode":{"enum":["bus","flight"]},"receiving_country":{"type":"string"},"departs_on":{"type":"string","format":"date"},"escort":{"type":"string"}}})";
    spec.success_status = 201;
    router.add(std::move(spec), [&returns](const Request& req, const service::Principal* me) -> Result<Response> {
      ESCUDO_ASSIGN_OR_RETURN(JsonObject body, parse_json_object(req.body));
      service::ManifestRequest m;
      ESCUDO_ASSIGN_OR_RETURN(m.mode, body.get_string("mode"));
      ESCUDO_ASSIGN_OR_RETURN(m.receiving_country, body.get_string("receiving_country"));
      ESCUDO_ASSIGN_OR_RETURN(m.departs_on, body.get_string("departs_on"));
      ESCUDO_ASSIGN_OR_RETURN(auto escort, body.get_optional_string("escort"));
      m.escort = escort.value_or("");
      ESCUDO_ASSIGN_OR_RETURN(auto rec, returns.create_manifest(Actor::of(*me), m));
      return json_of(201, [&](JsonWriter& w) { write_manifest(w, rec); });
    });
  }

  router.add(spec_of("GET", "/api/manifests/{id}/returns", "The returns on a manifest", "returns",
                     Permission::kReturnsExecute),
             [&returns](const Request& req, const service::Principal* me) -> Result<Response> {
               ESCUDO_ASSIGN_OR_RETURN(auto id, id_param(req));
               ESCUDO_ASSIGN_OR_RETURN(auto list, returns.manifest_returns(Actor::of(*me), id));
               return json_of(200, [&](JsonWriter& w) {
                 w.begin_object().key("returns").begin_array();
                 for (const auto& r : list) write_return(w, r);
                 w.end_array().end_object();
               });
             });

  {
    RouteSpec spec = spec_of("POST", "/api/manifests/{id}/returns",
                             "Put a decided return on the manifest (refused, with the reason, when "
                             "a safeguard stops it now)",
                             "returns", Permission::kReturnsExecute);
    spec.request_schema = R"({"type":"object","required":["return_id"],"properties":{"return_id":{"type":"integer"}}})";
    router.add(std::move(spec), [&returns](const Request& req, const service::Principal* me) -> Result<Response> {
      ESCUDO_ASSIGN_OR_RETURN(auto id, id_param(req));
      ESCUDO_ASSIGN_OR_RETURN(JsonObject body, parse_json_object(req.body));
      ESCUDO_ASSIGN_OR_RETURN(auto return_id, body.get_int("return_id"));
      ESCUDO_ASSIGN_OR_RETURN(auto r, returns.add_to_manifest(Actor::of(*me), id, return_id));
      return json_of(200, [&](JsonWriter& w) { write_return(w, r); });
    });
  }

  {
    RouteSpec spec = spec_of("POST", "/api/manifests/{id}/execute",
                             "Execute a manifest: each return checked again; who went and who was "
                             "stopped, and why",
                             "returns", Permission::kReturnsExecute);
    spec.body_content_type.clear();
    router.add(std::move(spec), [&returns](const Request& req, const service::Principal* me) -> Result<Response> {
      ESCUDO_ASSIGN_OR_RETURN(auto id, id_param(req));
      ESCUDO_ASSIGN_OR_RETURN(auto out, returns.execute_manifest(Actor::of(*me), id));
      return json_of(200, [&](JsonWriter& w) { write_outcomes(w, out); });
    });
  }

  {
    RouteSpec spec = spec_of("GET", "/api/screening/figures",
                             "Screenings, hits, claims, decisions, returns and safeguard stops by "
                             "nationality and month (no names)",
                             "screening", Permission::kScreeningFigures);
    spec.query = {{"from", "first month, YYYY-MM"}, {"to", "last month, YYYY-MM"}};
    router.add(std::move(spec), [&returns](const Request& req, const service::Principal* me) -> Result<Response> {
      ESCUDO_ASSIGN_OR_RETURN(auto rows, returns.figures(Actor::of(*me), text_query(req, "from").value_or("2000-01"),
                                                         text_query(req, "to").value_or("2100-12")));
      return json_of(200, [&](JsonWriter& w) {
        w.begin_object().key("rows").begin_array();
        for (const auto& r : rows) {
          w.begin_object().key("measure").value(r.measure).key("nationality").value(r.nationality)
              .key("month").value(r.month).key("count").value(r.count).end_object();
        }
        w.end_array().end_object();
      });
    });
  }
}

}  // namespace escudo::api
