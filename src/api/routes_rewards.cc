// The rewards programme's API: tiers, nominations, the committee's reviews, payments, report.
#include <charconv>

#include "api/query_params.h"
#include "api/routes.h"
#include "base/json.h"

namespace escudo::api {
namespace {

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

void write_nomination(JsonWriter& w, const store::NominationRecord& n) {
  w.begin_object().key("id").value(n.id).key("tip_id").value(n.tip_id).key("tier").value(n.tier)
      .key("outcome_kind").value(n.outcome_kind).key("outcome_on").value(n.outcome_on)
      .key("case_event_id");
  if (n.case_event_id) w.value(*n.case_event_id); else w.null();
  w.key("outcome_reference").value(n.outcome_reference)
      .key("amount_usd_cents").value(n.amount_usd_cents)
      .key("amount").value(model::format_usd(n.amount_usd_cents))
      .key("justification").value(n.justification).key("status").value(n.status)
      .key("nominated_by").value(n.nominator).key("nominated_at").value(n.nominated_at);
  w.key("reviews").begin_array();
  for (const auto& r : n.reviews) {
    w.begin_object().key("reviewer").value(r.reviewer).key("decision").value(r.decision)
        .key("reason").value(r.reason).key("at").value(r.at).end_object();
  }
  w.end_array().key("payment");
  if (n.payment) {
    w.begin_object().key("amount_usd_cents").value(n.payment->amount_usd_cents)
        .key("amount").value(model::format_usd(n.payment->amount_usd_cents))
        .key("paid_on").value(n.payment->paid_on).key("reference").value(n.payment->reference)
        .key("recorded_by").value(n.payment->recorded_by).end_object();
  } else {
    w.null();
  }
  w.end_object();
}

Response nomination_response(int status, const store::NominationRecord& n) {
  JsonWriter w;
  write_nomination(w, n);
  return Response::json(status, std::move(w).take());
}

constexpr std::string_view kNominationSchema =
    R"({"type":"object","properties":{"id":{"type":"integer"},"tip_id":{"type":"integer"},"tier":{"type":"string"},"outcome_kind":{"type":"string"},"outcome_on":{"type":"string"},"case_event_id":{"type":["integer","null"]},"outcome_reference":{"type":"string"},"amount_usd_cents":{"type":"integer"},"amount":{"type":"string"},"justification":{"type":"string"},"status":{"enum":["proposed","approved","rejected","paid"]},"nominated_by":{"type":"string"},"nominated_at":{"type":"integer"},"reviews":{"type":"array"},"payment":{"type":["object","null"]}}})";

RouteSpec spec_of(std::string method, std::string pattern, std::string summary, model::Permission p) {
  RouteSpec spec{.method = std::move(method), .pattern = std::move(pattern),
                 .summary = std::move(summary), .tag = "rewards", .permission = p};
  if (spec.method == "POST") {
    spec.body_content_type = "application/json";
    spec.max_body_bytes = 32 << 10;
  }
  spec.response_schema = std::string(kNominationSchema);
  return spec;
}

}  // namespace

void add_reward_routes(Router& router, service::Services& services) {
  auto& rewards = services.rewards();
  using model::Permission;

  {
    RouteSpec spec = spec_of("GET", "/api/rewards/tiers", "The programme's tiers and ceilings",
                             Permission::kRewardsRead);
    spec.response_schema = R"({"type":"object","properties":{"tiers":{"type":"array","items":{"type":"object","properties":{"code":{"type":"string"},"name":{"type":"string"},"ceiling_usd_cents":{"type":"integer"},"ceiling":{"type":"string"}}}}}})";
    router.add(std::move(spec), [&rewards](const Request&, const service::Principal* me) -> Result<Response> {
      ESCUDO_ASSIGN_OR_RETURN(auto tiers, rewards.tiers(*me));
      JsonWriter w;
      w.begin_object().key("tiers").begin_array();
      for (const auto& t : tiers) {
        w.begin_object().key("code").value(t.code).key("name").value(t.name)
            .key("ceiling_usd_cents").value(t.ceiling_usd_cents)
            .key("ceiling").value(model::format_usd(t.ceiling_usd_cents)).end_object();
      }
      w.end_array().end_object();
      return Response::json(200, std::move(w).take());
    });
  }

  {
    RouteSpec spec = spec_of("GET", "/api/rewards/report", "Claims by tier and status, with amounts",
                             Permission::kRewardsRead);
    spec.response_schema = R"({"type":"object","properties":{"rows":{"type":"array","items":{"type":"object","properties":{"tier":{"type":"string"},"status":{"type":"string"},"count":{"type":"integer"},"proposed_usd_cents":{"type":"integer"},"paid_usd_cents":{"type":"integer"}}}}}})";
    router.add(std::move(spec), [&rewards](const Request&, const service::Principal* me) -> Result<Response> {
      ESCUDO_ASSIGN_OR_RETURN(auto rows, rewards.report(service::Actor::of(*me)));
      JsonWriter w;
      w.begin_object().key("rows").begin_array();
      for (const auto& r : rows) {
        w.begin_object().key("tier").value(r.tier).key("status").value(r.status).key("count").value(r.count)
            .key("proposed_usd_cents").value(r.proposed_usd_cents)
            .key("paid_usd_cents").value(r.paid_usd_cents).end_object();
      }
      w.end_array().end_object();
      return Response::json(200, std::move(w).take());
    });
  }

  {
    RouteSpec spec = spec_of("GET", "/api/rewards/nominations", "Reward nominations, newest first",
                             Permission::kRewardsRead);
    spec.query = {{"status", "proposed, approved, rejected or paid"}};
    spec.response_schema = std::string(R"({"type":"object","properties":{"nominations":{"type":"array","items":)") +
                           std::string(kNominationSchema) + "}}}";
    router.add(std::move(spec), [&rewards](const Request& req, const service::Principal* me) -> Result<Response> {
      ESCUDO_ASSIGN_OR_RETURN(auto list, rewards.list(*me, text_query(req, "status")));
      JsonWriter w;
      w.begin_object().key("nominations").begin_array();
      for (const auto& n : list) write_nomination(w, n);
      w.end_array().end_object();
      return Response::json(200, std::move(w).take());
    });
  }

  {
    RouteSpec spec = spec_of("POST", "/api/rewards/nominations",
                             "Propose a reward for a tip that led to an outcome (audited)",
                             Permission::kRewardsNominate);
    spec.request_schema = R"({"type":"object","required":["tip_id","tier","outcome_kind","outcome_reference","amount","justification"],"properties":{"tip_id":{"type":"integer"},"tier":{"type":"string"},"outcome_kind":{"enum":["arrest","conviction","asset_seizure","finance_disruption","death_link"]},"outcome_on":{"type":"string","format":"date"},"case_event_id":{"type":"integer"},"outcome_reference":{"type":"string"},"amount":{"type":"string"},"justification":{"type":"string"}}})";
    spec.success_status = 201;
    router.add(std::move(spec), [&rewards](const Request& req, const service::Principal* me) -> Result<Response> {
      ESCUDO_ASSIGN_OR_RETURN(JsonObject body, parse_json_object(req.body));
      service::NominationRequest r;
      ESCUDO_ASSIGN_OR_RETURN(r.tip_id, body.get_int("tip_id"));
      ESCUDO_ASSIGN_OR_RETURN(r.tier, body.get_string("tier"));
      ESCUDO_ASSIGN_OR_RETURN(r.outcome_kind, body.get_string("outcome_kind"));
      // Taken from the case event when there is one.
      ESCUDO_ASSIGN_OR_RETURN(auto outcome_on, body.get_optional_string("outcome_on"));
      r.outcome_on = outcome_on.value_or("");
      if (body.has("case_event_id")) {
        ESCUDO_ASSIGN_OR_RETURN(r.case_event_id, body.get_int("case_event_id"));
      }
      ESCUDO_ASSIGN_OR_RETURN(r.outcome_reference, body.get_string("outcome_reference"));
      ESCUDO_ASSIGN_OR_RETURN(std::string amount, body.get_string("amount"));
      ESCUDO_ASSIGN_OR_RETURN(r.amount_usd_cents, model::parse_usd("amount", amount));
      ESCUDO_ASSIGN_OR_RETURN(r.justification, body.get_string("justification"));
      ESCUDO_ASSIGN_OR_RETURN(auto id, rewards.nominate(*me, r));
      ESCUDO_ASSIGN_OR_RETURN(auto n, rewards.get(*me, id));
      return nomination_response(201, n);
    });
  }

  router.add(spec_of("GET", "/api/rewards/nominations/{id}", "One nomination with its reviews and payment",
                     Permission::kRewardsRead),
             [&rewards](const Request& req, const service::Principal* me) -> Result<Response> {
               ESCUDO_ASSIGN_OR_RETURN(auto id, id_param(req));
               ESCUDO_ASSIGN_OR_RETURN(auto n, rewards.get(*me, id));
               return nomination_response(200, n);
             });

  {
    RouteSpec spec = spec_of("POST", "/api/rewards/nominations/{id}/reviews",
                             "A committee member approves or rejects (two different members approve)",
                             Permission::kRewardsReview);
    spec.request_schema = R"({"type":"object","required":["decision"],"properties":{"decision":{"enum":["approve","reject"]},"reason":{"type":"string"}}})";
    router.add(std::move(spec), [&rewards](const Request& req, const service::Principal* me) -> Result<Response> {
      ESCUDO_ASSIGN_OR_RETURN(auto id, id_param(req));
      ESCUDO_ASSIGN_OR_RETURN(JsonObject body, parse_json_object(req.body));
      ESCUDO_ASSIGN_OR_RETURN(std::string decision, body.get_string("decision"));
      if (decision != "approve" && decision != "reject") {
        return make_error(ErrorCode::kInvalidArgument, "'decision' must be approve or reject");
      }
      ESCUDO_ASSIGN_OR_RETURN(auto reason, body.get_optional_string("reason"));
      ESCUDO_ASSIGN_OR_RETURN(auto n, rewards.review(*me, id, decision == "approve", reason.value_or("")));
      return nomination_response(200, n);
    });
  }

  {
    RouteSpec spec = spec_of("POST", "/api/rewards/nominations/{id}/payment",
                             "Record the payment of an approved reward (within the ceiling)",
                             Permission::kRewardsPay);
    spec.request_schema = R"({"type":"object","required":["amount","paid_on","reference"],"properties":{"amount":{"type":"string"},"paid_on":{"type":"string","format":"date"},"reference":{"type":"string"}}})";
    router.add(std::move(spec), [&rewards](const Request& req, const service::Principal* me) -> Result<Response> {
      ESCUDO_ASSIGN_OR_RETURN(auto id, id_param(req));
      ESCUDO_ASSIGN_OR_RETURN(JsonObject body, parse_json_object(req.body));
      service::PaymentRequest p;
      ESCUDO_ASSIGN_OR_RETURN(std::string amount, body.get_string("amount"));
      ESCUDO_ASSIGN_OR_RETURN(p.amount_usd_cents, model::parse_usd("amount", amount));
      ESCUDO_ASSIGN_OR_RETURN(p.paid_on, body.get_string("paid_on"));
      ESCUDO_ASSIGN_OR_RETURN(p.reference, body.get_string("reference"));
      ESCUDO_ASSIGN_OR_RETURN(auto n, rewards.pay(*me, id, p));
      return nomination_response(200, n);
    });
  }
}

}  // namespace escudo::api
