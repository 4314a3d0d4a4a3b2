// Protection incidents over HTTP: incidents (with the survivor-centred rules of
// IncidentService), counts, map points, hotspots, sectors, deployment plans and operations.
#include <algorithm>
#include <charconv>
#include <cmath>

#include "api/query_params.h"
#include "api/routes.h"
#include "base/json.h"

namespace escudo::api {
namespace {

using model::Permission;

Result<service::IncidentQuery> incident_query(const Request& req) {
  service::IncidentQuery q;
  if (auto type = text_query(req, "type")) {
    auto parsed = model::parse_incident_type(*type);
    if (!parsed) return make_error(ErrorCode::kInvalidArgument, "'type': " + parsed.error().message());
    q.type = *parsed;
  }
  ESCUDO_ASSIGN_OR_RETURN(auto from, month_query(req, "from"));
  ESCUDO_ASSIGN_OR_RETURN(auto to, month_query(req, "to"));
  if (from) q.from = from->to_string();
  if (to) q.to = to->to_string();
  if (text_query(req, "darien") == "1") q.within = service::kDarienBox;
  return q;
}

std::vector<std::pair<std::string, std::string>> period_params() {
  return {{"type", "incident type (robbery, sexual_violence, drowning, …)"},
          {"from", "first month, YYYY-MM"},
          {"to", "last month, YYYY-MM"}};
}

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

void write_incident(JsonWriter& w, const service::IncidentView& v) {
  const model::Incident& in = v.incident;
  w.begin_object();
  if (in.id != 0) w.key("id").value(in.id);
  w.key("type").value(model::incident_type_name(in.type)).key("month").value(in.month)
      .key("lat").value(in.lat).key("lon").value(in.lon).key("redacted").value(v.redacted);
  if (v.redacted) {
    if (!in.suspect_entity_ids.empty()) {
      w.key("suspect_entity_ids").begin_array();
      for (auto e : in.suspect_entity_ids) w.value(e);
      w.end_array();
    }
    w.end_object();
    return;
  }
  w.key("cause_text").value(in.cause_text).key("occurred_on").value(in.occurred_on)
      .key("period_end_month").value(in.period_end_month);
  if (in.segment_end_lat) w.key("segment_end").begin_array().value(*in.segment_end_lon).value(*in.segment_end_lat).end_array();
  w.key("location").value(in.location).key("country_iso3").value(in.country_iso3)
      .key("victims").begin_object().key("women").value(in.victims.women).key("men").value(in.victims.men)
      .key("girls").value(in.victims.girls).key("boys").value(in.victims.boys)
      .key("unknown").value(in.victims.unknown).end_object()
      .key("dead_or_missing").value(in.dead_or_missing).key("survivors");
  if (in.survivors) w.value(*in.survivors); else w.null();
  w.key("origin").value(in.origin).key("source").value(model::incident_source_name(in.source))
      .key("source_ref").value(in.source_ref).key("reliability").value(model::reliability_name(in.reliability))
      .key("narrative").value(in.narrative);
  if (in.is_survivor_record()) {
    w.key("survivor_code").value(in.survivor_code).key("consents").begin_array();
    for (auto c : in.consents) w.value(model::consent_name(c));
    w.end_array();
  }
  w.key("suspect_entity_ids").begin_array();
  for (auto e : in.suspect_entity_ids) w.value(e);
  w.end_array().key("recorded_by").value(in.recorded_by).key("recorded_at").value(in.recorded_at).end_object();
}

Result<model::Incident> incident_from_body(std::string_view body) {
  ESCUDO_ASSIGN_OR_RETURN(JsonValue doc, parse_json(body, 4));
  model::Incident in;
  ESCUDO_ASSIGN_OR_RETURN(std::string type, doc.get_string("type"));
  auto parsed = model::parse_incident_type(type);
  if (!parsed) return make_error(ErrorCode::kInvalidArgument, "'type': " + parsed.error().message(), "type");
  in.type = *parsed;
  ESCUDO_ASSIGN_OR_RETURN(in.month, doc.get_string("month"));
  ESCUDO_ASSIGN_OR_RETURN(auto occurred, doc.get_optional_string("occurred_on"));
  in.occurred_on = occurred.value_or("");
  ESCUDO_ASSIGN_OR_RETURN(auto lat, doc.get_optional_double("lat"));
  ESCUDO_ASSIGN_OR_RETURN(auto lon, doc.get_optional_double("lon"));
  if (!lat || !lon) return make_error(ErrorCode::kInvalidArgument, "'lat' and 'lon' are required", "lat");
  in.lat = *lat;
  in.lon = *lon;
  for (auto [name, slot] : {std::pair<const char*, std::string*>{"location", &in.location},
                            {"country_iso3", &in.country_iso3}, {"origin", &in.origin},
                            {"narrative", &in.narrative}, {"survivor_code", &in.survivor_code},
                            {"cause_text", &in.cause_text}, {"source_ref", &in.source_ref}}) {
    ESCUDO_ASSIGN_OR_RETURN(auto v, doc.get_optional_string(name));
    *slot = v.value_or("");
  }
  ESCUDO_ASSIGN_OR_RETURN(auto source, doc.get_optional_string("source"));
  if (source) {
    auto s = model::parse_incident_source(*source);
    if (!s) return make_error(ErrorCode::kInvalidArgument, "'source': " + s.error().message(), "source");
    in.source = *s;
  }
  ESCUDO_ASSIGN_OR_RETURN(auto reliability, doc.get_optional_string("reliability"));
  if (reliability) {
    auto r = model::parse_reliability(*reliability);
    if (!r) return make_error(ErrorCode::kInvalidArgument, "'reliability': " + r.error().message(), "reliability");
    in.reliability = *r;
  }
  if (doc.has("victims")) {
    ESCUDO_ASSIGN_OR_RETURN(const JsonValue* v, doc.get_object("victims"));
    for (auto [name, slot] : {std::pair<const char*, std::int64_t*>{"women", &in.victims.women},
                              {"men", &in.victims.men}, {"girls", &in.victims.girls},
                              {"boys", &in.victims.boys}, {"unknown", &in.victims.unknown}}) {
      ESCUDO_ASSIGN_OR_RETURN(auto n, v->get_optional_int(name));
      *slot = n.value_or(0);
    }
  }
  ESCUDO_ASSIGN_OR_RETURN(auto dead, doc.get_optional_int("dead_or_missing"));
  in.dead_or_missing = dead.value_or(0);
  ESCUDO_ASSIGN_OR_RETURN(auto suspects, doc.get_array("suspect_entity_ids"));
  for (const JsonValue* v : suspects) {
    ESCUDO_ASSIGN_OR_RETURN(double id, v->as_double());
    if (id < 1 || id != std::floor(id) || id > 9e15) {
      return make_error(ErrorCode::kInvalidArgument, "'suspect_entity_ids' holds entity ids (positive whole numbers)",
                        "suspect_entity_ids");
    }
    in.suspect_entity_ids.push_back(static_cast<std::int64_t>(id));
  }
  // Consent for each kind of sharing: {"maps": true, "referral": false, "prosecution": false,
  // "registration": false}.
  if (doc.has("consents")) {
    ESCUDO_ASSIGN_OR_RETURN(const JsonValue* consents, doc.get_object("consents"));
    for (model::Consent c : model::all_consents()) {
      ESCUDO_ASSIGN_OR_RETURN(bool given, consents->get_bool_or(model::consent_name(c), false));
      if (given) in.consents.push_back(c);
    }
  }
  return in;
}

}  // namespace

void add_incident_routes(Router& router, service::Services& services) {
  auto& incidents = services.incidents();

  {
    RouteSpec spec{.method = "GET", .pattern = "/api/incidents", .summary = "Incidents the reader may see (survivors' records only with consent, redacted)",
                   .tag = "incidents", .permission = Permission::kIncidentsRead, .offload = true};
    spec.query = period_params();
    spec.response_schema = R"({"type":"object","properties":{"incidents":{"type":"array","items":{"type":"object"}}}})";
    router.add(std::move(spec), [&incidents](const Request& req, const service::Principal* me) -> Result<Response> {
      ESCUDO_ASSIGN_OR_RETURN(auto q, incident_query(req));
      ESCUDO_ASSIGN_OR_RETURN(auto list, incidents.list(service::Actor::of(*me), q));
      ESCUDO_ASSIGN_OR_RETURN(auto limit, int_query(req, "limit"));
      std::size_t n = std::min<std::size_t>(list.size(), static_cast<std::size_t>(std::clamp<std::int64_t>(limit.value_or(500), 1, 5000)));
      JsonWriter w;
      w.begin_object().key("total").value(static_cast<std::int64_t>(list.size())).key("incidents").begin_array();
      // Newest first.
      for (std::size_t i = 0; i < n; ++i) write_incident(w, list[list.size() - 1 - i]);
      w.end_array().end_object();
      return Response::json(200, std::move(w).take());
    });
  }

  {
    RouteSpec spec{.method = "GET", .pattern = "/api/incidents/points",
                   .summary = "Map points, columnar (lon, lat, type index, month); survivors' records only with consent to maps, rounded",
                   .tag = "incidents", .permission = Permission::kIncidentsRead, .offload = true};
    spec.query = period_params();
    spec.response_schema = R"({"type":"object","properties":{"types":{"type":"array"},"lon":{"type":"array"},"lat":{"type":"array"},"type":{"type":"array"},"month":{"type":"array"}}})";
    router.add(std::move(spec), [&incidents](const Request& req, const service::Principal* me) -> Result<Response> {
      ESCUDO_ASSIGN_OR_RETURN(auto q, incident_query(req));
      ESCUDO_ASSIGN_OR_RETURN(auto points, incidents.points(service::Actor::of(*me), q));
      JsonWriter w;
      w.begin_object().key("types").begin_array();
      for (auto t : model::all_incident_types()) w.value(model::incident_type_name(t));
      w.end_array().key("lon").begin_array();
      for (double v : points.lon) w.value(std::round(v * 1e5) / 1e5);
      w.end_array().key("lat").begin_array();
      for (double v : points.lat) w.value(std::round(v * 1e5) / 1e5);
      w.end_array().key("type").begin_array();
      for (auto t : points.type) w.value(static_cast<std::int64_t>(t));
      w.end_array().key("month").begin_array();
      for (const auto& m : points.month) w.value(m);
      w.end_array();
      w.end_object();
      return Response::json(200, std::move(w).take());
    });
  }

  {
    RouteSpec spec{.method = "GET", .pattern = "/api/incidents/counts",
                   .summary = "Anonymous counts by year or month and type (survivors' records included)",
                   .tag = "incidents", .permission = Permission::kIncidentsRead, .offload = true};
    spec.query = period_params();
    spec.query.push_back({"by", "year (default) or month"});
    spec.query.push_back({"darien", "1: only inside the Darién box"});
    spec.response_schema = R"({"type":"object","properties":{"rows":{"type":"array","items":{"type":"object","properties":{"period":{"type":"string"},"type":{"type":"string"},"incidents":{"type":"integer"},"dead_or_missing":{"type":"integer"},"victims":{"type":"integer"}}}}}})";
    router.add(std::move(spec), [&incidents](const Request& req, const service::Principal* me) -> Result<Response> {
      ESCUDO_ASSIGN_OR_RETURN(auto q, incident_query(req));
      auto by = text_query(req, "by").value_or("year");
      if (by != "year" && by != "month") return make_error(ErrorCode::kInvalidArgument, "'by' must be year or month");
      ESCUDO_ASSIGN_OR_RETURN(auto rows, incidents.counts(service::Actor::of(*me), q, by == "month"));
      JsonWriter w;
      w.begin_object().key("rows").begin_array();
      for (const auto& c : rows) {
        w.begin_object().key("period").value(c.period).key("type").value(c.type).key("incidents").value(c.incidents)
            .key("dead_or_missing").value(c.dead_or_missing).key("victims").value(c.victims).end_object();
      }
      w.end_array().end_object();
      return Response::json(200, std::move(w).take());
    });
  }

  router.add({.method = "GET", .pattern = "/api/incidents/{id}",
              .summary = "One incident; a survivor's record whole only for protection officers (audited)",
              .tag = "incidents", .permission = Permission::kIncidentsRead},
             [&incidents](const Request& req, const service::Principal* me) -> Result<Response> {
               ESCUDO_ASSIGN_OR_RETURN(auto id, id_param(req));
               ESCUDO_ASSIGN_OR_RETURN(auto v, incidents.get(*me, id));
               JsonWriter w;
               write_incident(w, v);
               return Response::json(200, std::move(w).take());
             });

  router.add({.method = "GET", .pattern = "/api/incidents/{id}/victims",
              .summary = "Registrations (person ids) linked to an incident's victims; only for readers of both the "
                         "incident and identities (a survivor's record: protection officers; audited)",
              .tag = "incidents", .permission = Permission::kIdentityRead},
             [&incidents](const Request& req, const service::Principal* me) -> Result<Response> {
               ESCUDO_ASSIGN_OR_RETURN(auto id, id_param(req));
               ESCUDO_ASSIGN_OR_RETURN(auto links, incidents.victim_links(*me, id));
               JsonWriter w;
               w.begin_object().key("victims").begin_array();
               for (const auto& l : links) {
                 w.begin_object().key("person_id").value(l.person_id).key("linked_by").value(l.linked_by)
                     .key("linked_at").value(l.linked_at).end_object();
               }
               w.end_array().end_object();
               return Response::json(200, std::move(w).take());
             });

  {
    RouteSpec spec{.method = "POST", .pattern = "/api/incidents/{id}/victims",
                   .summary = "Link a victim to her registration (person id); a survivor's record only with her "
                              "consent 'registration' (audited)",
                   .tag = "incidents", .permission = Permission::kIncidentsWrite,
                   .body_content_type = "application/json", .max_body_bytes = 4 << 10};
    spec.request_schema = R"({"type":"object","required":["person_id"],"properties":{"person_id":{"type":"integer"}}})";
    router.add(std::move(spec), [&incidents](const Request& req, const service::Principal* me) -> Result<Response> {
      ESCUDO_ASSIGN_OR_RETURN(auto id, id_param(req));
      ESCUDO_ASSIGN_OR_RETURN(JsonObject body, parse_json_object(req.body));
      ESCUDO_ASSIGN_OR_RETURN(std::int64_t person, body.get_int("person_id"));
      ESCUDO_TRY(incidents.link_victim(*me, id, person));
      return Response::no_content();
    });
  }

  {
    RouteSpec spec{.method = "POST", .pattern = "/api/incidents",
                   .summary = "Record an incident (a survivor's record needs incidents.survivor); audited",
                   .tag = "incidents", .permission = Permission::kIncidentsWrite,
                   .body_content_type = "application/json", .max_body_bytes = 64 << 10,
                   .success_status = 201};
    spec.request_schema = R"({"type":"object","required":["type","month","lat","lon"],"properties":{"type":{"type":"string"},"month":{"type":"string"},"occurred_on":{"type":"string"},"lat":{"type":"number"},"lon":{"type":"number"},"location":{"type":"string"},"victims":{"type":"object"},"dead_or_missing":{"type":"integer"},"source":{"type":"string"},"reliability":{"type":"string"},"narrative":{"type":"string"},"survivor_code":{"type":"string"},"consents":{"type":"object","properties":{"maps":{"type":"boolean"},"referral":{"type":"boolean"},"prosecution":{"type":"boolean"},"registration":{"type":"boolean"}}},"suspect_entity_ids":{"type":"array","items":{"type":"integer"}}}})";
    router.add(std::move(spec), [&incidents](const Request& req, const service::Principal* me) -> Result<Response> {
      ESCUDO_ASSIGN_OR_RETURN(model::Incident in, incident_from_body(req.body));
      ESCUDO_ASSIGN_OR_RETURN(auto id, incidents.record(*me, std::move(in)));
      JsonWriter w;
      w.begin_object().key("id").value(id).end_object();
      return Response::json(201, std::move(w).take());
    });
  }

  router.add({.method = "POST", .pattern = "/api/incidents/import-mmp",
              .summary = "Import the IOM Missing Migrants CSV; every row is stored or none",
              .tag = "incidents", .permission = Permission::kIncidentsWrite, .offload = true,
              .body_content_type = "text/csv", .max_body_bytes = 32 << 20, .refuses_fields = true},
             [&incidents](const Request& req, const service::Principal* me) -> Result<Response> {
               std::string name = text_query(req, "filename").value_or("upload.csv");
               if (name.size() > 200) name = "upload.csv";
               ESCUDO_ASSIGN_OR_RETURN(auto report, incidents.import_mmp(service::Actor::of(*me),
                                                                         make_string_stream(req.body, name)));
               if (!report.stored) {
                 return rows_refused(fmt::format("{} row(s) are wrong; nothing was stored", report.error_count),
                                     report.error_count, report.errors);
               }
               JsonWriter w;
               w.begin_object().key("rows").value(report.rows).key("dead_or_missing").value(report.dead_or_missing)
                   .key("import_id").value(report.import_id).end_object();
               return Response::json(200, std::move(w).take());
             });

  {
    RouteSpec spec{.method = "GET", .pattern = "/api/hotspots",
                   .summary = "Hotspots (kernel density, extents) as GeoJSON; survivors' records mapped only with consent",
                   .tag = "incidents", .permission = Permission::kIncidentsRead, .offload = true};
    spec.query = period_params();
    spec.query.push_back({"compare_from", "another period's first month, to compare"});
    spec.query.push_back({"compare_to", "another period's last month"});
    spec.query.push_back({"cells", "1: include the density grid's cells"});
    spec.query.push_back({"bandwidth_km", "kernel radius (default 8)"});
    router.add(std::move(spec), [&incidents](const Request& req, const service::Principal* me) -> Result<Response> {
      service::HotspotQuery q;
      ESCUDO_ASSIGN_OR_RETURN(q.incidents, incident_query(req));
      ESCUDO_ASSIGN_OR_RETURN(auto cf, month_query(req, "compare_from"));
      ESCUDO_ASSIGN_OR_RETURN(auto ct, month_query(req, "compare_to"));
      if (cf || ct) {
        q.compare_to = q.incidents;
        q.compare_to->from = cf ? cf->to_string() : "";
        q.compare_to->to = ct ? ct->to_string() : "";
      }
      ESCUDO_ASSIGN_OR_RETURN(auto bandwidth, int_query(req, "bandwidth_km"));
      if (bandwidth) {
        if (*bandwidth < 1 || *bandwidth > 100) return make_error(ErrorCode::kInvalidArgument, "'bandwidth_km' must be 1 to 100");
        q.density.bandwidth_km = static_cast<double>(*bandwidth);
      }
      ESCUDO_ASSIGN_OR_RETURN(auto report, incidents.hotspots(service::Actor::of(*me), q));
      return Response::json(200, service::hotspots_geojson(report, text_query(req, "cells") == "1"));
    });
  }

  {
    RouteSpec spec{.method = "GET", .pattern = "/api/sectors",
                   .summary = "The route's sectors with their risk over the period (GeoJSON; anonymous counts)",
                   .tag = "incidents", .permission = Permission::kIncidentsRead, .offload = true};
    spec.query = period_params();
    router.add(std::move(spec), [&incidents](const Request& req, const service::Principal* me) -> Result<Response> {
      ESCUDO_ASSIGN_OR_RETURN(auto q, incident_query(req));
      ESCUDO_ASSIGN_OR_RETURN(auto risk, incidents.sector_risk(service::Actor::of(*me), q));
      return Response::json(200, service::sectors_geojson(risk));
    });
  }

  {
    RouteSpec spec{.method = "POST", .pattern = "/api/plan",
                   .summary = "A deployment plan: coverage per sector (Stackelberg game), reasons, a sampled schedule",
                   .tag = "operations", .permission = Permission::kOperationsPlan, .offload = true,
                   .body_content_type = "application/json", .max_body_bytes = 64 << 10};
    spec.request_schema = R"({"type":"object","required":["units"],"properties":{"units":{"type":"integer"},"air_units":{"type":"integer"},"air_weight":{"type":"number"},"period":{"type":"string"},"shifts":{"type":"integer"},"seed":{"type":"integer"},"fixed":{"type":"array","items":{"type":"object","properties":{"code":{"type":"string"},"coverage":{"type":"number"}}}}}})";
    router.add(std::move(spec), [&incidents](const Request& req, const service::Principal* me) -> Result<Response> {
      ESCUDO_ASSIGN_OR_RETURN(JsonValue doc, parse_json(req.body, 4));
      service::PlanRequest r;
      ESCUDO_ASSIGN_OR_RETURN(auto units, doc.get_optional_int("units"));
      if (!units) return make_error(ErrorCode::kInvalidArgument, "'units' is required", "units");
      r.ground_units = *units;
      ESCUDO_ASSIGN_OR_RETURN(auto air, doc.get_optional_int("air_units"));
      r.air_units = air.value_or(0);
      ESCUDO_ASSIGN_OR_RETURN(auto weight, doc.get_optional_double("air_weight"));
      r.air_weight = weight.value_or(3);
      ESCUDO_ASSIGN_OR_RETURN(auto period, doc.get_optional_string("period"));
      r.period = period.value_or("");
      ESCUDO_ASSIGN_OR_RETURN(auto shifts, doc.get_optional_int("shifts"));
      r.shifts = static_cast<int>(std::clamp<std::int64_t>(shifts.value_or(14), 0, 1000));
      ESCUDO_ASSIGN_OR_RETURN(auto seed, doc.get_optional_int("seed"));
      r.seed = static_cast<std::uint64_t>(seed.value_or(1));
      ESCUDO_ASSIGN_OR_RETURN(auto fixed, doc.get_array("fixed"));
      for (const JsonValue* f : fixed) {
        ESCUDO_ASSIGN_OR_RETURN(auto code, f->get_string("code"));
        ESCUDO_ASSIGN_OR_RETURN(auto coverage, f->get_optional_double("coverage"));
        if (!coverage) return make_error(ErrorCode::kInvalidArgument, "'fixed': each needs a coverage", "fixed");
        r.fixed[code] = *coverage;
      }
      ESCUDO_ASSIGN_OR_RETURN(auto plan, incidents.plan(service::Actor::of(*me), r));
      return Response::json(200, service::plan_json(plan));
    });
  }

  router.add({.method = "GET", .pattern = "/api/operations",
              .summary = "The operation log with incidents before and during each operation",
              .tag = "operations", .permission = Permission::kIncidentsRead, .offload = true},
             [&incidents](const Request&, const service::Principal* me) -> Result<Response> {
               ESCUDO_ASSIGN_OR_RETURN(auto ops, incidents.operations(service::Actor::of(*me)));
               JsonWriter w;
               w.begin_object().key("operations").begin_array();
               for (const auto& r : ops) {
                 const auto& op = r.operation;
                 w.begin_object().key("id").value(op.id).key("name").value(op.name).key("from").value(op.from_month)
                     .key("to").value(op.to_month).key("sectors").begin_array();
                 for (const auto& s : op.sectors) w.value(s);
                 w.end_array().key("ground_units").value(op.ground_units).key("air_units").value(op.air_units)
                     .key("arrests").value(op.arrests).key("seizures").value(op.seizures).key("rescues").value(op.rescues)
                     .key("notes").value(op.notes).key("incidents_before").value(r.incidents_before)
                     .key("incidents_during").value(r.incidents_during)
                     .key("dead_or_missing_before").value(r.dead_or_missing_before)
                     .key("dead_or_missing_during").value(r.dead_or_missing_during).end_object();
               }
               w.end_array().end_object();
               return Response::json(200, std::move(w).take());
             });

  router.add({.method = "POST", .pattern = "/api/operations", .summary = "Record an operation (audited)",
              .tag = "operations", .permission = Permission::kOperationsPlan,
              .body_content_type = "application/json", .max_body_bytes = 16 << 10, .success_status = 201},
             [&incidents](const Request& req, const service::Principal* me) -> Result<Response> {
               ESCUDO_ASSIGN_OR_RETURN(JsonObject body, parse_json_object(req.body));
               service::OperationInput in;
               ESCUDO_ASSIGN_OR_RETURN(in.name, body.get_string("name"));
               ESCUDO_ASSIGN_OR_RETURN(in.from, body.get_string("from"));
               ESCUDO_ASSIGN_OR_RETURN(in.to, body.get_string("to"));
               if (body.has("sectors")) { ESCUDO_ASSIGN_OR_RETURN(in.sectors, body.get_string_array("sectors")); }
               if (body.has("ground_units")) { ESCUDO_ASSIGN_OR_RETURN(in.ground_units, body.get_int("ground_units")); }
               if (body.has("air_units")) { ESCUDO_ASSIGN_OR_RETURN(in.air_units, body.get_int("air_units")); }
               ESCUDO_ASSIGN_OR_RETURN(auto id, incidents.create_operation(service::Actor::of(*me), in));
               JsonWriter w;
               w.begin_object().key("id").value(id).end_object();
               return Response::json(201, std::move(w).take());
             });

  router.add({.method = "POST", .pattern = "/api/operations/{id}/results",
              .summary = "Record an operation's results: arrests, seizures, rescues (audited)",
              .tag = "operations", .permission = Permission::kOperationsPlan,
              .body_content_type = "application/json", .max_body_bytes = 16 << 10},
             [&incidents](const Request& req, const service::Principal* me) -> Result<Response> {
               ESCUDO_ASSIGN_OR_RETURN(auto id, id_param(req));
               ESCUDO_ASSIGN_OR_RETURN(JsonObject body, parse_json_object(req.body));
               std::int64_t arrests = 0, seizures = 0, rescues = 0;
               if (body.has("arrests")) { ESCUDO_ASSIGN_OR_RETURN(arrests, body.get_int("arrests")); }
               if (body.has("seizures")) { ESCUDO_ASSIGN_OR_RETURN(seizures, body.get_int("seizures")); }
               if (body.has("rescues")) { ESCUDO_ASSIGN_OR_RETURN(rescues, body.get_int("rescues")); }
               ESCUDO_ASSIGN_OR_RETURN(auto notes, body.get_optional_string("notes"));
               ESCUDO_TRY(incidents.record_operation_results(service::Actor::of(*me), id, arrests, seizures,
                                                            rescues, notes.value_or("")));
               return Response::no_content();
             });
}

}  // namespace escudo::api
