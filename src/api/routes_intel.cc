// /api/intel/…: the intelligence graph (service/intel_service.h).
#include <charconv>

#include "api/query_params.h"
#include "api/routes.h"
#include "base/input_stream.h"
#include "base/json.h"

namespace escudo::api {
namespace {

using model::Permission;

Result<std::int64_t> id_of(std::string_view text, std::string_view what) {
  std::int64_t id = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (ec != std::errc() || ptr != text.data() + text.size() || id <= 0) {
    return errorf(ErrorCode::kInvalidArgument, "'{}' is not {}", text, what);
  }
  return id;
}

Result<std::int64_t> required_id(const Request& req, const std::string& name) {
  auto value = text_query(req, name);
  if (!value) return errorf(ErrorCode::kInvalidArgument, "'{}' is required", name);
  return id_of(*value, "an entity id");
}

std::vector<std::string> split(std::string_view text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t comma = text.find(',', start);
    if (comma == std::string_view::npos) comma = text.size();
    if (comma > start) out.emplace_back(text.substr(start, comma - start));
    start = comma + 1;
  }
  return out;
}

service::LinkFilter filter_of(const Request& req) {
  service::LinkFilter f;
  if (auto types = text_query(req, "types")) {
    for (auto& t : split(*types)) f.types.insert(t);
  }
  f.from = text_query(req, "from");
  f.to = text_query(req, "to");
  return f;
}

void write_node(JsonWriter& w, const service::GraphNodeView& n) {
  w.begin_object()
      .key("id").value(n.entity_id)
      .key("kind").value(n.kind)
      .key("label").value(n.label)
      .key("degree").value(n.degree)
      .end_object();
}

void write_edge(JsonWriter& w, const service::GraphEdgeView& e) {
  w.begin_object().key("source").value(e.source).key("target").value(e.target).key("types").begin_array();
  for (const auto& t : e.types) w.value(t);
  w.end_array()
      .key("links").value(e.links)
      .key("count").value(e.count)
      .key("amount_cents").value(e.amount_cents)
      .key("first").value(e.first)
      .key("last").value(e.last)
      .end_object();
}

void write_entity(JsonWriter& w, const service::IntelEntityView& e) {
  w.begin_object()
      .key("id").value(e.row.id)
      .key("kind").value(e.row.kind)
      .key("label").value(e.row.label)
      .key("label_hidden").value(e.label_hidden)
      .key("person_entity_id");
  if (e.row.person_entity_id && !e.label_hidden) w.value(*e.row.person_entity_id); else w.null();
  w.key("created_by").value(e.row.created_by).key("created_at").value(e.row.created_at).end_object();
}

void write_optional(JsonWriter& w, const std::optional<std::string>& v) {
  if (v) w.value(*v); else w.null();
}

void write_link(JsonWriter& w, const service::IntelLinkView& l) {
  const auto& r = l.row;
  w.begin_object()
      .key("id").value(r.id)
      .key("type").value(r.type)
      .key("source").begin_object().key("id").value(r.source_id).key("kind").value(l.source_kind)
      .key("label").value(l.source_label).end_object()
      .key("target").begin_object().key("id").value(r.target_id).key("kind").value(l.target_kind)
      .key("label").value(l.target_label).end_object()
      .key("source_record").value(r.source_record)
      .key("date_from");
  write_optional(w, r.date_from);
  w.key("date_to");
  write_optional(w, r.date_to);
  w.key("count").value(r.count).key("amount_cents");
  if (r.amount_cents) w.value(*r.amount_cents); else w.null();
  w.key("currency");
  write_optional(w, r.currency);
  w.key("confidence").value(r.confidence)
      .key("note").value(r.note)
      .key("entered_by").value(r.entered_by)
      .key("entered_at").value(r.entered_at)
      .end_object();
}

constexpr std::string_view kGraphSchema =
    R"({"type":"object","properties":{"nodes":{"type":"array","items":{"type":"object","properties":{"id":{"type":"integer"},"kind":{"type":"string"},"label":{"type":"string"},"degree":{"type":"integer"}}}},"edges":{"type":"array","items":{"type":"object","properties":{"source":{"type":"integer"},"target":{"type":"integer"},"types":{"type":"array","items":{"type":"string"}},"links":{"type":"integer"},"count":{"type":"integer"},"amount_cents":{"type":"integer"},"first":{"type":"string"},"last":{"type":"string"}}}}}})";

const std::vector<std::pair<std::string, std::string>> kFilterQuery = {
    {"types", "link types to follow, comma-separated (all when missing)"},
    {"from", "links on or after this day (YYYY-MM-DD)"},
    {"to", "links on or before this day (YYYY-MM-DD)"}};

}  // namespace

void add_intel_routes(Router& router, service::Services& services) {
  auto& intel = services.intel();
  auto actor = [](const service::Principal* me) { return service::Actor::of(*me); };

  router.add({.method = "GET", .pattern = "/api/intel/entities",
              .summary = "Entities of a kind whose label holds a text (names need intel.identity)",
              .tag = "intel", .permission = Permission::kIntelRead, .offload = true,
              .response_schema = R"({"type":"object","properties":{"entities":{"type":"array","items":{"type":"object"}}}})",
              .query = {{"kind", "person, organisation, phone, account, vessel, vehicle, place or document"},
                        {"q", "text the label holds"}, {"limit", "1 to 500 (default 50)"}}},
             [&intel, actor](const Request& req, const service::Principal* me) -> Result<Response> {
               ESCUDO_ASSIGN_OR_RETURN(auto limit, int_query(req, "limit"));
               ESCUDO_ASSIGN_OR_RETURN(auto found, intel.find_entities(actor(me), text_query(req, "kind").value_or(""),
                                                                       text_query(req, "q").value_or(""), limit.value_or(50)));
               JsonWriter w;
               w.begin_object().key("entities").begin_array();
               for (const auto& e : found) write_entity(w, e);
               w.end_array().end_object();
               return Response::json(200, std::move(w).take());
             });

  router.add({.method = "POST", .pattern = "/api/intel/entities", .summary = "Add an entity (a phone, account or place already stored is returned)",
              .tag = "intel", .permission = Permission::kIntelWrite, .offload = true,
              .body_content_type = "application/json", .max_body_bytes = 16 << 10,
              .request_schema = R"({"type":"object","required":["kind","label"],"properties":{"kind":{"type":"string"},"label":{"type":"string"},"person_entity_id":{"type":"integer"}}})",
              .response_schema = R"({"type":"object","properties":{"id":{"type":"integer"}}})", .success_status = 201},
             [&intel, actor](const Request& req, const service::Principal* me) -> Result<Response> {
               ESCUDO_ASSIGN_OR_RETURN(JsonValue body, parse_json(req.body));
               service::NewIntelEntity e;
               ESCUDO_ASSIGN_OR_RETURN(e.kind, body.get_string("kind"));
               ESCUDO_ASSIGN_OR_RETURN(e.label, body.get_string("label"));
               ESCUDO_ASSIGN_OR_RETURN(e.person_entity_id, body.get_optional_int("person_entity_id"));
               ESCUDO_ASSIGN_OR_RETURN(auto id, intel.add_entity(actor(me), e));
               JsonWriter w;
               w.begin_object().key("id").value(id).end_object();
               return Response::json(201, std::move(w).take());
             });

  router.add({.method = "POST", .pattern = "/api/intel/links", .summary = "Add a link with its provenance",
              .tag = "intel", .permission = Permission::kIntelWrite, .offload = true,
              .body_content_type = "application/json", .max_body_bytes = 16 << 10,
              .request_schema = R"({"type":"object","required":["type","source_id","target_id","source_record"],"properties":{"type":{"enum":["called","paid","member_of","travelled_with","guided","owns","uses","located_at","met"]},"source_id":{"type":"integer"},"target_id":{"type":"integer"},"source_record":{"type":"string"},"date_from":{"type":"string"},"date_to":{"type":"string"},"count":{"type":"integer"},"amount_cents":{"type":"integer"},"currency":{"type":"string"},"confidence_percent":{"type":"integer","minimum":0,"maximum":100},"note":{"type":"string"}}})",
              .response_schema = R"({"type":"object","properties":{"id":{"type":"integer"}}})", .success_status = 201},
             [&intel, actor](const Request& req, const service::Principal* me) -> Result<Response> {
               ESCUDO_ASSIGN_OR_RETURN(JsonValue body, parse_json(req.body));
               service::NewIntelLink l;
               ESCUDO_ASSIGN_OR_RETURN(l.type, body.get_string("type"));
               ESCUDO_ASSIGN_OR_RETURN(auto source, body.get_optional_int("source_id"));
               ESCUDO_ASSIGN_OR_RETURN(auto target, body.get_optional_int("target_id"));
               if (!source || !target) return make_error(ErrorCode::kInvalidArgument, "source_id and target_id are required");
               l.source_id = *source;
               l.target_id = *target;
               ESCUDO_ASSIGN_OR_RETURN(l.source_record, body.get_string("source_record"));
               ESCUDO_ASSIGN_OR_RETURN(l.date_from, body.get_optional_string("date_from"));
               ESCUDO_ASSIGN_OR_RETURN(l.date_to, body.get_optional_string("date_to"));
               ESCUDO_ASSIGN_OR_RETURN(auto count, body.get_optional_int("count"));
               l.count = count.value_or(1);
               ESCUDO_ASSIGN_OR_RETURN(l.amount_cents, body.get_optional_int("amount_cents"));
               ESCUDO_ASSIGN_OR_RETURN(l.currency, body.get_optional_string("currency"));
               ESCUDO_ASSIGN_OR_RETURN(auto percent, body.get_optional_int("confidence_percent"));
               if (percent) l.confidence = static_cast<double>(*percent) / 100.0;
               ESCUDO_ASSIGN_OR_RETURN(auto note, body.get_optional_string("note"));
               l.note = note.value_or("");
               ESCUDO_ASSIGN_OR_RETURN(auto id, intel.add_link(actor(me), l));
               JsonWriter w;
               w.begin_object().key("id").value(id).end_object();
               return Response::json(201, std::move(w).take());
             });

  router.add({.method = "GET", .pattern = "/api/intel/neighbourhood",
              .summary = "An entity, its neighbours and the links among them (strongest ties first)",
              .tag = "intel", .permission = Permission::kIntelRead, .offload = true,
              .response_schema = std::string(kGraphSchema),
              .query = {{"entity", "the entity id"}, {"max", "at most this many neighbours (default 50, at most 500)"},
                        kFilterQuery[0], kFilterQuery[1], kFilterQuery[2]}},
             [&intel, actor](const Request& req, const service::Principal* me) -> Result<Response> {
               ESCUDO_ASSIGN_OR_RETURN(auto id, required_id(req, "entity"));
               ESCUDO_ASSIGN_OR_RETURN(auto max, int_query(req, "max"));
               auto n = static_cast<std::size_t>(std::clamp<std::int64_t>(max.value_or(50), 1, 500));
               ESCUDO_ASSIGN_OR_RETURN(auto view, intel.neighbourhood(actor(me), id, filter_of(req), n));
               JsonWriter w;
               w.begin_object().key("nodes").begin_array();
               for (const auto& node : view.nodes) write_node(w, node);
               w.end_array().key("edges").begin_array();
               for (const auto& e : view.edges) write_edge(w, e);
               w.end_array().key("neighbours_total").value(view.neighbours_total).end_object();
               return Response::json(200, std::move(w).take());
             });

  router.add({.method = "GET", .pattern = "/api/intel/analysis",
              .summary = "Degree, betweenness, PageRank, strength and Leiden community of entities",
              .tag = "intel", .permission = Permission::kIntelRead, .offload = true,
              .response_schema = R"({"type":"object","properties":{"nodes":{"type":"array","items":{"type":"object"}},"communities":{"type":"integer"},"modularity":{"type":"number"}}})",
              .query = {{"measure", "pagerank (default), betweenness, degree or strength: the order"},
                        {"limit", "at most this many (default 100, at most 5000)"},
                        {"entities", "these entity ids only, comma-separated"}}},
             [&intel, actor](const Request& req, const service::Principal* me) -> Result<Response> {
               service::AnalysisQuery q;
               q.measure = text_query(req, "measure").value_or("pagerank");
               ESCUDO_ASSIGN_OR_RETURN(auto limit, int_query(req, "limit"));
               q.limit = static_cast<std::size_t>(std::clamp<std::int64_t>(limit.value_or(100), 1, 5000));
               if (auto ids = text_query(req, "entities")) {
                 for (const auto& t : split(*ids)) {
                   ESCUDO_ASSIGN_OR_RETURN(auto id, id_of(t, "an entity id"));
                   q.entities.push_back(id);
                 }
                 if (q.entities.size() > 5000) return make_error(ErrorCode::kInvalidArgument, "at most 5000 entities");
               }
               ESCUDO_ASSIGN_OR_RETURN(auto view, intel.analysis(actor(me), q));
               JsonWriter w;
               w.begin_object().key("nodes").begin_array();
               for (const auto& n : view.nodes) {
                 w.begin_object()
                     .key("id").value(n.node.entity_id).key("kind").value(n.node.kind)
                     .key("label").value(n.node.label).key("degree").value(n.node.degree)
                     .key("betweenness").value(n.betweenness).key("pagerank").value(n.pagerank)
                     .key("strength").value(n.strength)
                     .key("community").value(static_cast<std::int64_t>(n.community))
                     .end_object();
               }
               w.end_array()
                   .key("communities").value(static_cast<std::int64_t>(view.communities))
                   .key("modularity").value(view.modularity)
                   .key("node_count").value(view.node_count)
                   .key("edge_count").value(view.edge_count)
                   .end_object();
               return Response::json(200, std::move(w).take());
             });

  router.add({.method = "GET", .pattern = "/api/intel/path", .summary = "The shortest paths between two entities",
              .tag = "intel", .permission = Permission::kIntelRead, .offload = true,
              .response_schema = R"({"type":"object","properties":{"paths":{"type":"array","items":{"type":"object"}}}})",
              .query = {{"from", "entity id"}, {"to", "entity id"}, {"k", "how many paths (default 1, at most 10)"},
                        {"types", kFilterQuery[0].second}}},
             [&intel, actor](const Request& req, const service::Principal* me) -> Result<Response> {
               ESCUDO_ASSIGN_OR_RETURN(auto from, required_id(req, "from"));
               ESCUDO_ASSIGN_OR_RETURN(auto to, required_id(req, "to"));
               ESCUDO_ASSIGN_OR_RETURN(auto k, int_query(req, "k"));
               service::LinkFilter f;
               if (auto types = text_query(req, "types")) {
                 for (auto& t : split(*types)) f.types.insert(t);
               }
               ESCUDO_ASSIGN_OR_RETURN(auto paths, intel.paths(actor(me), from, to,
                                                               static_cast<std::size_t>(std::clamp<std::int64_t>(k.value_or(1), 1, 10)), f));
               JsonWriter w;
               w.begin_object().key("paths").begin_array();
               for (const auto& p : paths) {
                 w.begin_object().key("length").value(p.length).key("nodes").begin_array();
                 for (const auto& n : p.nodes) write_node(w, n);
                 w.end_array().key("edges").begin_array();
                 for (const auto& e : p.edges) write_edge(w, e);
                 w.end_array().end_object();
               }
               w.end_array().end_object();
               return Response::json(200, std::move(w).take());
             });

  router.add({.method = "GET", .pattern = "/api/intel/flows",
              .summary = "Money in and out of an account, or of a person with their accounts",
              .tag = "intel", .permission = Permission::kIntelRead, .offload = true,
              .response_schema = R"({"type":"object"})",
              .query = {{"entity", "entity id"}, {"currency", "ISO 4217 (default USD)"}}},
             [&intel, actor](const Request& req, const service::Principal* me) -> Result<Response> {
               ESCUDO_ASSIGN_OR_RETURN(auto id, required_id(req, "entity"));
               ESCUDO_ASSIGN_OR_RETURN(auto f, intel.flows(actor(me), id, text_query(req, "currency").value_or("USD")));
               JsonWriter w;
               w.begin_object().key("entity");
               write_node(w, f.node);
               w.key("currency").value(f.currency)
                   .key("amount_in_cents").value(f.amount_in_cents)
                   .key("amount_out_cents").value(f.amount_out_cents)
                   .key("senders").value(f.senders)
                   .key("receivers").value(f.receivers);
               for (auto [key, list] : {std::pair{"top_senders", &f.top_senders}, std::pair{"top_receivers", &f.top_receivers}}) {
                 w.key(key).begin_array();
                 for (const auto& c : *list) {
                   w.begin_object().key("entity");
                   write_node(w, c.node);
                   w.key("amount_cents").value(c.amount_cents).end_object();
                 }
                 w.end_array();
               }
               w.key("accounts").begin_array();
               for (auto a : f.accounts) w.value(a);
               w.end_array().end_object();
               return Response::json(200, std::move(w).take());
             });

  router.add({.method = "GET", .pattern = "/api/intel/disrupt",
              .summary = "Which removals would break the network of people apart",
              .tag = "intel", .permission = Permission::kIntelRead, .offload = true,
              .response_schema = R"({"type":"object"})",
              .query = {{"by", "betweenness (default), pagerank, degree, strength, closeness, kcore"},
                        {"steps", "1 to 50 (default 5)"}}},
             [&intel, actor](const Request& req, const service::Principal* me) -> Result<Response> {
               ESCUDO_ASSIGN_OR_RETURN(auto steps, int_query(req, "steps"));
               ESCUDO_ASSIGN_OR_RETURN(auto d, intel.disrupt(actor(me), text_query(req, "by").value_or("betweenness"),
                                                             static_cast<int>(std::clamp<std::int64_t>(steps.value_or(5), 0, 51))));
               JsonWriter w;
               w.begin_object().key("measure").value(d.measure)
                   .key("initial_largest_group").value(d.initial_largest_group).key("steps").begin_array();
               for (const auto& s : d.steps) {
                 w.begin_object().key("removed");
                 write_node(w, s.removed);
                 w.key("score").value(s.score).key("largest_group").value(s.largest_group)
                     .key("groups").value(s.groups).end_object();
               }
               w.end_array().end_object();
               return Response::json(200, std::move(w).take());
             });

  router.add({.method = "GET", .pattern = "/api/intel/slices",
              .summary = "The network of one period against another: links and entities new, gone or kept, and the change in degree and betweenness",
              .tag = "intel", .permission = Permission::kIntelRead, .offload = true,
              .response_schema = R"({"type":"object","properties":{"nodes":{"type":"array","items":{"type":"object","properties":{"id":{"type":"integer"},"status":{"enum":["new","gone","kept","absent"]},"degree_before":{"type":"integer"},"degree_after":{"type":"integer"},"betweenness_before":{"type":"number"},"betweenness_after":{"type":"number"}}}},"edges":{"type":"array","items":{"type":"object","properties":{"source":{"type":"integer"},"target":{"type":"integer"},"status":{"enum":["new","gone","kept"]}}}},"truncated":{"type":"boolean"}}})",
              .query = {{"from1", "first period: first day (YYYY-MM-DD), required"},
                        {"to1", "first period: last day (YYYY-MM-DD), required"},
                        {"from2", "second period: first day (YYYY-MM-DD), required"},
                        {"to2", "second period: last day (YYYY-MM-DD), required"},
                        kFilterQuery[0],
                        {"entities", "these entity ids only and the links among them, comma-separated"},
                        {"limit", "at most this many entities and links (default 200, at most 5000)"}}},
             [&intel, actor](const Request& req, const service::Principal* me) -> Result<Response> {
               service::SliceQuery q;
               q.from1 = text_query(req, "from1");
               q.to1 = text_query(req, "to1");
               q.from2 = text_query(req, "from2");
               q.to2 = text_query(req, "to2");
               if (auto types = text_query(req, "types")) {
                 for (auto& t : split(*types)) q.types.insert(t);
               }
               if (auto ids = text_query(req, "entities")) {
                 for (const auto& t : split(*ids)) {
                   ESCUDO_ASSIGN_OR_RETURN(auto id, id_of(t, "an entity id"));
                   q.entities.push_back(id);
                 }
                 if (q.entities.size() > 5000) return make_error(ErrorCode::kInvalidArgument, "entities: at most 5000");
               }
               ESCUDO_ASSIGN_OR_RETURN(auto limit, int_query(req, "limit"));
               q.limit = static_cast<std::size_t>(std::clamp<std::int64_t>(limit.value_or(200), 1, 5000));
               ESCUDO_ASSIGN_OR_RETURN(auto v, intel.compare_periods(actor(me), q));
               JsonWriter w;
               w.begin_object()
                   .key("from1").value(v.from1).key("to1").value(v.to1)
                   .key("from2").value(v.from2).key("to2").value(v.to2)
                   .key("nodes_before").value(v.nodes_before).key("nodes_after").value(v.nodes_after)
                   .key("edges_before").value(v.edges_before).key("edges_after").value(v.edges_after)
                   .key("nodes_new").value(v.nodes_new).key("nodes_gone").value(v.nodes_gone)
                   .key("nodes_kept").value(v.nodes_kept)
                   .key("edges_new").value(v.edges_new).key("edges_gone").value(v.edges_gone)
                   .key("edges_kept").value(v.edges_kept)
                   .key("nodes").begin_array();
               for (const auto& n : v.nodes) {
                 w.begin_object()
                     .key("id").value(n.node.entity_id).key("kind").value(n.node.kind)
                     .key("label").value(n.node.label).key("status").value(n.status)
                     .key("degree_before").value(n.degree_before).key("degree_after").value(n.degree_after)
                     .key("betweenness_before").value(n.betweenness_before)
                     .key("betweenness_after").value(n.betweenness_after)
                     .end_object();
               }
               w.end_array().key("edges").begin_array();
               for (const auto& e : v.edges) {
                 w.begin_object().key("source").value(e.source).key("target").value(e.target)
                     .key("status").value(e.status).end_object();
               }
               w.end_array().key("truncated").value(v.truncated).end_object();
               return Response::json(200, std::move(w).take());
             });

  router.add({.method = "GET", .pattern = "/api/intel/key-players",
              .summary = "Key players: measures with the evidence and reasons, and suggested rewards tiers",
              .tag = "intel", .permission = Permission::kIntelRead, .offload = true,
              .response_schema = R"({"type":"object","properties":{"players":{"type":"array","items":{"type":"object","properties":{"entity":{"type":"object"},"score":{"type":"number"},"reasons":{"type":"array","items":{"type":"string"}},"suggested_tiers":{"type":"array","items":{"type":"string"}}}}}}})",
              .query = {{"limit", "1 to 500 (default 25)"},
                        {"entity", "this entity's entry only (its owner's, for a phone or account), ranked among all"}}},
             [&intel, actor](const Request& req, const service::Principal* me) -> Result<Response> {
               ESCUDO_ASSIGN_OR_RETURN(auto limit, int_query(req, "limit"));
               std::vector<service::KeyPlayer> players;
               if (text_query(req, "entity")) {
                 ESCUDO_ASSIGN_OR_RETURN(auto id, required_id(req, "entity"));
                 ESCUDO_ASSIGN_OR_RETURN(auto one, intel.key_player(actor(me), id));
                 if (one) players.push_back(std::move(*one));
               } else {
                 ESCUDO_ASSIGN_OR_RETURN(players, intel.key_players(actor(me),
                                                                    static_cast<std::size_t>(std::clamp<std::int64_t>(limit.value_or(25), 1, 500))));
               }
               JsonWriter w;
               w.begin_object().key("players").begin_array();
               for (const auto& k : players) {
                 w.begin_object().key("entity");
                 write_node(w, k.node);
                 w.key("rank").value(k.rank).key("score").value(k.score).key("betweenness").value(k.betweenness)
                     .key("pagerank").value(k.pagerank).key("links").value(k.links)
                     .key("source_records").value(k.source_records)
                     .key("mean_confidence").value(k.mean_confidence);
                 for (auto [key, list] : {std::pair{"events", &k.events}, std::pair{"reasons", &k.reasons},
                                          std::pair{"reason_codes", &k.reason_codes},
                                          std::pair{"suggested_tiers", &k.suggested_tiers}}) {
                   w.key(key).begin_array();
                   for (const auto& s : *list) w.value(s);
                   w.end_array();
                 }
                 w.key("identifiers").begin_array();
                 for (auto id : k.identifiers) w.value(id);
                 w.end_array().key("tiers_are_suggestions").value(true).end_object();
               }
               w.end_array().end_object();
               return Response::json(200, std::move(w).take());
             });

  router.add({.method = "GET", .pattern = "/api/intel/export",
              .summary = "The stored graph as CSV (one link a row), GraphML or GEXF (audited)",
              .tag = "intel", .permission = Permission::kIntelRead, .offload = true,
              .response_schema = R"({"type":"string"})",
              .query = {{"format", "csv, graphml or gexf"}}},
             [&intel, actor](const Request& req, const service::Principal* me) -> Result<Response> {
               std::string word = text_query(req, "format").value_or("graphml");
               ESCUDO_ASSIGN_OR_RETURN(auto format, service::parse_export_format(word));
               ESCUDO_ASSIGN_OR_RETURN(auto body, intel.export_graph(actor(me), format));
               Response r;
               r.status = 200;
               r.content_type = format == service::ExportFormat::kCsv ? "text/csv; charset=utf-8" : "application/xml; charset=utf-8";
               r.body = std::move(body);
               r.headers.emplace_back("Content-Disposition", fmt::format("attachment; filename=\"escudo-graph.{}\"", word));
               return r;
             });

  router.add({.method = "POST", .pattern = "/api/intel/import/{kind}",
              .summary = "Import call records, transfers, interview mentions or meeting lists (CSV); every row or none",
              .tag = "intel", .permission = Permission::kIntelWrite, .offload = true,
              .body_content_type = "text/csv", .max_body_bytes = 64 << 20,
              .request_schema = R"({"type":"string","description":"CSV: calls caller_phone,callee_phone,time,duration_s; transfers sender_account,receiver_account,amount,date[,currency]; mentions interview_id,name,role_words,place,date[,phone]; meetings person,meeting,date"})",
              .response_schema = R"({"type":"object","properties":{"kind":{"type":"string"},"rows":{"type":"integer"},"links":{"type":"integer"},"entities":{"type":"integer"},"import_id":{"type":"integer"}}})",
              .refuses_fields = true,
              .query = {{"filename", "the file's name, kept as the links' provenance"}}},
             [&intel, actor](const Request& req, const service::Principal* me) -> Result<Response> {
               ESCUDO_ASSIGN_OR_RETURN(auto kind, service::parse_intel_import_kind(req.params.at("kind")));
               std::string name = std::string(service::intel_import_kind_name(kind)) + ".csv";
               if (auto given = text_query(req, "filename"); given && given->size() < 200) name = *given;
               ESCUDO_ASSIGN_OR_RETURN(auto report, intel.import_csv(actor(me), kind, make_string_stream(req.body, name)));
               if (!report.stored) {
                 return rows_refused(fmt::format("{} row(s) of {} are wrong; nothing was stored. Correct them and "
                                                 "import the file again.", report.error_count, name),
                                     report.error_count, report.errors);
               }
               JsonWriter w;
               w.begin_object().key("kind").value(report.kind).key("rows").value(report.rows)
                   .key("links").value(report.links).key("entities").value(report.entities)
                   .key("import_id").value(report.import_id).end_object();
               return Response::json(200, std::move(w).take());
             });

  router.add({.method = "GET", .pattern = "/api/intel/entities/{id}",
              .summary = "An entity with the evidence: its links and their provenance (audited when it shows names)",
              .tag = "intel", .permission = Permission::kIntelRead, .offload = true,
              .response_schema = R"({"type":"object","properties":{"entity":{"type":"object"},"links":{"type":"array","items":{"type":"object"}},"link_count":{"type":"integer"}}})"},
             [&intel, actor](const Request& req, const service::Principal* me) -> Result<Response> {
               ESCUDO_ASSIGN_OR_RETURN(auto id, id_of(req.params.at("id"), "an entity id"));
               ESCUDO_ASSIGN_OR_RETURN(auto detail, intel.entity(actor(me), id));
               JsonWriter w;
               w.begin_object().key("entity");
               write_entity(w, detail.entity);
               w.key("links").begin_array();
               for (const auto& l : detail.links) write_link(w, l);
               w.end_array().key("link_count").value(detail.link_count).end_object();
               return Response::json(200, std::move(w).take());
             });
}

}  // namespace escudo::api
