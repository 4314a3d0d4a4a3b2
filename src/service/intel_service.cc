#include "service/intel_service.h"

#include <algorithm>
#include <unordered_set>

#include "base/ascii.h"
#include "base/civil_date.h"
#include "base/csv_writer.h"
#include "base/log.h"
#include "graph/export.h"
#include "graph/neighbourhood.h"
#include "graph/paths.h"
#include "service/audit_service.h"
#include "service/internal/intel_snapshot.h"

namespace escudo::service {
namespace {

constexpr std::size_t kMaxLabelBytes = 500;
constexpr std::int64_t kMaxEvidenceShown = 500;

bool is_owned_kind(std::string_view kind) {
  return kind == "phone" || kind == "account" || kind == "vehicle" || kind == "vessel";
}

bool is_owner_kind(std::string_view kind) { return kind == "person" || kind == "organisation"; }

// The key that makes two mentions of a phone, account or place one entity.
std::optional<std::string> match_key_of(std::string_view kind, std::string_view label) {
  if (kind == "phone") {
    std::string digits;
    for (char c : label) {
      if ((c >= '0' && c <= '9') || (c == '+' && digits.empty())) digits += c;
    }
    return digits;
  }
  if (kind == "account" || kind == "place" || kind == "document" || kind == "vehicle" ||
      kind == "vessel") {
    std::string key;
    for (char c : label) {
      if (c == ' ' && (key.empty() || key.back() == ' ')) continue;
      key += ascii_lower(c);
    }
    while (!key.empty() && key.back() == ' ') key.pop_back();
    return key;
  }
  return std::nullopt;
}

Result<std::optional<std::int32_t>> day_of(const std::optional<std::string>& text,
                                           std::string_view what) {
  if (!text || text->empty()) return std::optional<std::int32_t>();
  auto date = CivilDate::parse(*text);
  if (!date) return errorf(ErrorCode::kInvalidArgument, "{}: '{}' is not a date (YYYY-MM-DD)", what, *text);
  return std::optional<std::int32_t>(date->days_since_epoch());
}

// A stored date (checked when it was stored); nullopt when there is none.
std::optional<std::int32_t> stored_day(const std::optional<std::string>& text) {
  if (!text) return std::nullopt;
  auto date = CivilDate::parse(*text);
  if (!date) return std::nullopt;
  return date->days_since_epoch();
}

std::string day_text(std::int32_t day) {
  if (day == kNoDayBefore || day == kNoDayAfter) return "";
  return CivilDate::from_days(day).to_string();
}

}  // namespace

const std::vector<std::string>& intel_entity_kinds() {
  static const std::vector<std::string> kinds = {"person",  "organisation", "phone", "account",
                                                 "vessel",  "vehicle",      "place", "document"};
  return kinds;
}

const std::vector<std::string>& intel_link_types() {
  static const std::vector<std::string> types = {"called", "paid",  "member_of",  "travelled_with",
                                                 "guided", "owns",  "uses",       "located_at",
                                                 "met"};
  return types;
}

Result<ExportFormat> parse_export_format(std::string_view word) {
  if (word == "csv") return ExportFormat::kCsv;
  if (word == "graphml") return ExportFormat::kGraphml;
  if (word == "gexf") return ExportFormat::kGexf;
  return errorf(ErrorCode::kInvalidArgument, "'{}' is not an export format; use csv, graphml or gexf", word);
}

Status require_intel(const Actor& actor, model::Permission permission) {
  if (actor.principal == nullptr) return ok_status();
  return require(*actor.principal, permission);
}

bool shows_names(const Actor& actor) {
  return actor.principal == nullptr || actor.principal->can(model::Permission::kIntelIdentity);
}

IntelService::IntelService(store::DatabasePool& pool, const Clock& clock, ResolveService& resolve)
    : pool_(pool), clock_(clock), resolve_(resolve) {}

IntelService::~IntelService() = default;

void IntelService::invalidate() {
  std::lock_guard lock(mutex_);
  ++generation_;
  snapshot_.reset();
  analysis_.reset();
}

Status IntelService::audit_read(const Actor& actor, std::string_view action,
                                std::string_view object, std::string_view detail) {
  auto db = pool_.acquire();
  ESCUDO_ASSIGN_OR_RETURN(auto tx, store::Transaction::begin(*db));
  ESCUDO_TRY(append_audit(*db, clock_, actor, action, object, detail));
  return tx.commit();
}

Result<std::int64_t> IntelService::add_entity(const Actor& actor, const NewIntelEntity& e) {
  ESCUDO_TRY(require_intel(actor, model::Permission::kIntelWrite));
  const auto& kinds = intel_entity_kinds();
  if (std::ranges::find(kinds, e.kind) == kinds.end()) {
    return errorf(ErrorCode::kInvalidArgument,
                  "'{}' is not an entity kind; use person, organisation, phone, account, vessel, "
                  "vehicle, place or document",
                  e.kind);
  }
  if (e.label.empty() || e.label.size() > kMaxLabelBytes) {
    return errorf(ErrorCode::kInvalidArgument, "the label must have 1 to {} bytes", kMaxLabelBytes);
  }
  if (e.person_entity_id && e.kind != "person") {
    return make_error(ErrorCode::kInvalidArgument, "only a person links to a resolved person entity");
  }
  store::IntelEntityRow row;
  row.kind = e.kind;
  row.label = e.label;
  row.match_key = match_key_of(e.kind, e.label);
  if (e.person_entity_id) row.match_key = fmt::format("entity:{}", *e.person_entity_id);
  if (row.match_key && row.match_key->empty()) {
    return errorf(ErrorCode::kInvalidArgument, "'{}' holds no {} number", e.label, e.kind);
  }
  row.person_entity_id = e.person_entity_id;
  row.created_by = actor.name;
  row.created_at = clock_.now_unix_seconds();
  auto db = pool_.acquire();
  ESCUDO_ASSIGN_OR_RETURN(auto tx, store::Transaction::begin(*db));
  store::IntelRepo repo(*db);
  ESCUDO_ASSIGN_OR_RETURN(std::int64_t id, repo.find_or_add_entity(row));
  ESCUDO_TRY(append_audit(*db, clock_, actor, "intel.entity.add", fmt::format("intel_entity:{}", id),
                          fmt::format("kind={}", e.kind)));
  ESCUDO_TRY(tx.commit());
  invalidate();
  return id;
}

Result<std::int64_t> IntelService::add_link(const Actor& actor, const NewIntelLink& l) {
  ESCUDO_TRY(require_intel(actor, model::Permission::kIntelWrite));
  const auto& types = intel_link_types();
  if (std::ranges::find(types, l.type) == types.end()) {
    return errorf(ErrorCode::kInvalidArgument,
                  "'{}' is not a link type; use called, paid, member_of, travelled_with, guided, "
                  "owns, uses, located_at or met",
                  l.type);
  }
  if (l.source_record.empty() || l.source_record.size() > kMaxLabelBytes) {
    return make_error(ErrorCode::kInvalidArgument,
                      "say where the link was learnt (source_record, e.g. 'calls.csv:17')");
  }
  if (!(l.confidence >= 0 && l.confidence <= 1)) {
    return make_error(ErrorCode::kInvalidArgument, "confidence must be between 0 and 1");
  }
  if (l.count < 1) return make_error(ErrorCode::kInvalidArgument, "count must be 1 or more");
  if (l.source_id == l.target_id) {
    return make_error(ErrorCode::kInvalidArgument, "a link joins two different entities");
  }
  ESCUDO_ASSIGN_OR_RETURN(auto from, day_of(l.date_from, "date_from"));
  ESCUDO_ASSIGN_OR_RETURN(auto to, day_of(l.date_to, "date_to"));
  if (from && to && *to < *from) return make_error(ErrorCode::kInvalidArgument, "date_to is before date_from");
  if (l.amount_cents && *l.amount_cents < 0) {
    return make_error(ErrorCode::kInvalidArgument, "an amount cannot be negative");
  }
  if (l.currency && !is_capital_code(*l.currency)) {
    return errorf(ErrorCode::kInvalidArgument, "'{}' is not a currency code (ISO 4217, e.g. USD)", *l.currency);
  }
  auto db = pool_.acquire();
  ESCUDO_ASSIGN_OR_RETURN(auto tx, store::Transaction::begin(*db));
  store::IntelRepo repo(*db);
  for (std::int64_t id : {l.source_id, l.target_id}) {
    ESCUDO_ASSIGN_OR_RETURN(auto found, repo.entity(id));
    if (!found) return errorf(ErrorCode::kNotFound, "there is no entity {}", id);
  }
  store::IntelLinkRow row;
  row.type = l.type;
  row.source_id = l.source_id;
  row.target_id = l.target_id;
  row.source_record = l.source_record;
  row.date_from = l.date_from;
  row.date_to = l.date_to ? l.date_to : l.date_from;
  row.count = l.count;
  row.amount_cents = l.amount_cents;
  row.currency = l.amount_cents ? std::optional<std::string>(l.currency.value_or("USD")) : std::nullopt;
  row.confidence = l.confidence;
  row.note = l.note;
  row.entered_by = actor.name;
  row.entered_at = clock_.now_unix_seconds();
  ESCUDO_ASSIGN_OR_RETURN(std::int64_t id, repo.add_link(row));
  ESCUDO_TRY(append_audit(*db, clock_, actor, "intel.link.add", fmt::format("intel_link:{}", id),
                          fmt::format("type={} source={} target={} record={}", l.type, l.source_id,
                                      l.target_id, l.source_record)));
  ESCUDO_TRY(tx.commit());
  invalidate();
  return id;
}

Result<std::vector<IntelEntityView>> IntelService::find_entities(const Actor& actor,
                                                                 std::string_view kind,
                                                                 std::string_view text,
                                                                 std::int64_t limit) {
  ESCUDO_TRY(require_intel(actor, model::Permission::kIntelRead));
  const bool names = shows_names(actor);
  if (!text.empty() && !names && (kind.empty() || kind == "person")) {
    return make_error(ErrorCode::kPermissionDenied,
                      "searching people by name needs 'intel.identity'; ask an administrator of "
                      "your agency, or search another kind");
  }
  auto db = pool_.acquire();
  ESCUDO_ASSIGN_OR_RETURN(auto rows,
                          store::IntelRepo(*db).find_entities(kind, text, std::clamp<std::int64_t>(limit, 1, 500)));
  std::vector<IntelEntityView> out;
  bool any_name = false;
  for (auto& row : rows) {
    IntelEntityView v{std::move(row), false};
    if (v.row.kind == "person") {
      if (names) {
        any_name = true;
      } else {
        v.row.label = fmt::format("person {}", v.row.id);
        v.label_hidden = true;
      }
    }
    out.push_back(std::move(v));
  }
  if (any_name && actor.principal != nullptr) {
    ESCUDO_TRY(audit_read(actor, "intel.entities.search", "intel_entities",
                          fmt::format("kind={} results={}", kind, out.size())));
  }
  return out;
}

Result<IntelEntityDetail> IntelService::entity(const Actor& actor, std::int64_t id) {
  ESCUDO_TRY(require_intel(actor, model::Permission::kIntelRead));
  const bool names = shows_names(actor);
  auto db = pool_.acquire();
  store::IntelRepo repo(*db);
  ESCUDO_ASSIGN_OR_RETURN(auto row, repo.entity(id));
  if (!row) return errorf(ErrorCode::kNotFound, "there is no entity {}", id);
  IntelEntityDetail detail;
  detail.entity.row = std::move(*row);
  auto mask = [&](store::IntelEntityRow& e) {
    if (e.kind == "person" && !names) {
      e.label = fmt::format("person {}", e.id);
      return true;
    }
    return false;
  };
  bool shown_name = detail.entity.row.kind == "person" && names;
  detail.entity.label_hidden = mask(detail.entity.row);
  ESCUDO_ASSIGN_OR_RETURN(auto count, db->query_int(
      "SELECT COUNT(*) FROM intel_links WHERE source_id = $1 OR target_id = $1", {id}));
  detail.link_count = count.value_or(0);
  ESCUDO_ASSIGN_OR_RETURN(auto links, repo.links_of(id, kMaxEvidenceShown));
  std::unordered_map<std::int64_t, store::IntelEntityRow> others;
  for (auto& link : links) {
    IntelLinkView v;
    for (std::int64_t end : {link.source_id, link.target_id}) {
      if (others.contains(end)) continue;
      ESCUDO_ASSIGN_OR_RETURN(auto other, repo.entity(end));
      if (!other) continue;
      if (other->kind == "person" && names) shown_name = true;
      mask(*other);
      others.emplace(end, std::move(*other));
    }
    v.source_label = others[link.source_id].label;
    v.source_kind = others[link.source_id].kind;
    v.target_label = others[link.target_id].label;
    v.target_kind = others[link.target_id].kind;
    v.row = std::move(link);
    detail.links.push_back(std::move(v));
  }
  if (shown_name && actor.principal != nullptr) {
    ESCUDO_TRY(audit_read(actor, "intel.entity.read", fmt::format("intel_entity:{}", id), "names shown"));
  }
  return detail;
}

Result<std::shared_ptr<const IntelService::Snapshot>> IntelService::snapshot() {
  std::uint64_t generation = 0;
  {
    std::lock_guard lock(mutex_);
    if (snapshot_) return snapshot_;
    generation = generation_;
  }
  auto s = std::make_shared<Snapshot>();
  auto db = pool_.acquire();
  store::IntelRepo repo(*db);
  ESCUDO_TRY(repo.for_each_entity([&](const store::IntelEntityRow& e) {
    graph::NodeIndex node = s->names.intern(std::to_string(e.id));
    s->node_of.emplace(e.id, node);
    s->entity_id.push_back(e.id);
    s->kind.push_back(e.kind);
    s->label.push_back(e.label);
    return ok_status();
  }));
  const auto& types = intel_link_types();
  const graph::NodeIndex n = s->names.size();
  std::vector<std::vector<graph::NodeIndex>> owners(n);
  ESCUDO_TRY(repo.for_each_link([&](const store::IntelLinkRow& l) {
    auto from = s->node_of.find(l.source_id);
    auto to = s->node_of.find(l.target_id);
    if (from == s->node_of.end() || to == s->node_of.end()) return ok_status();
    s->rows.add(from->second, to->second, static_cast<double>(l.count) * l.confidence);
    s->link_id.push_back(l.id);
    s->type.push_back(static_cast<std::uint8_t>(std::ranges::find(types, l.type) - types.begin()));
    s->count.push_back(l.count);
    s->amount_cents.push_back(l.amount_cents.value_or(0));
    s->currency.push_back(l.currency.value_or(""));
    s->confidence.push_back(l.confidence);
    s->source_record.push_back(l.source_record);
    auto from_day = stored_day(l.date_from);
    auto to_day = stored_day(l.date_to);
    s->day_from.push_back(from_day.value_or(kNoDayBefore));
    s->day_to.push_back(to_day ? *to_day : from_day.value_or(kNoDayAfter));
    if ((l.type == "owns" || l.type == "uses") && is_owner_kind(s->kind[from->second]) &&
        is_owned_kind(s->kind[to->second])) {
      auto& list = owners[to->second];
      if (std::ranges::find(list, from->second) == list.end()) list.push_back(from->second);
    }
    return ok_status();
  }));
  s->owner.resize(n);
  for (graph::NodeIndex v = 0; v < n; ++v) s->owner[v] = owners[v].size() == 1 ? owners[v][0] : v;
  // Rows by node (counting sort).
  s->row_offsets.assign(n + 1, 0);
  for (std::size_t r = 0; r < s->rows.size(); ++r) {
    ++s->row_offsets[s->rows.source[r] + 1];
    ++s->row_offsets[s->rows.target[r] + 1];
  }
  for (graph::NodeIndex v = 0; v < n; ++v) s->row_offsets[v + 1] += s->row_offsets[v];
  s->rows_of_node.resize(s->row_offsets[n]);
  std::vector<std::uint64_t> fill(s->row_offsets.begin(), s->row_offsets.end() - 1);
  for (std::size_t r = 0; r < s->rows.size(); ++r) {
    s->rows_of_node[fill[s->rows.source[r]]++] = static_cast<std::uint32_t>(r);
    s->rows_of_node[fill[s->rows.target[r]]++] = static_cast<std::uint32_t>(r);
  }
  ESCUDO_ASSIGN_OR_RETURN(s->whole, graph::Graph::build(n, s->rows, {.directed = false}));
  log::info("intel.loaded", {{"entities", std::to_string(n)}, {"links", std::to_string(s->rows.size())}});
  std::lock_guard lock(mutex_);
  std::shared_ptr<const Snapshot> built = std::move(s);
  if (generation == generation_) snapshot_ = built;
  return built;
}

GraphNodeView IntelService::node_view(const Snapshot& s, std::uint32_t node, bool show_names) const {
  GraphNodeView v;
  v.entity_id = s.entity_id[node];
  v.kind = s.kind[node];
  v.label = (v.kind == "person" && !show_names) ? fmt::format("person {}", v.entity_id) : s.label[node];
  v.degree = s.whole.out_degree(node);
  return v;
}

Result<std::vector<std::uint8_t>> kept_rows(const IntelService::Snapshot& s, const LinkFilter& f) {
  std::vector<std::uint8_t> keep;
  if (f.types.empty() && !f.from && !f.to) return keep;
  const auto& types = intel_link_types();
  std::vector<std::uint8_t> type_kept(types.size(), f.types.empty() ? 1 : 0);
  for (const auto& t : f.types) {
    auto it = std::ranges::find(types, t);
    if (it == types.end()) return errorf(ErrorCode::kInvalidArgument, "'{}' is not a link type", t);
    type_kept[static_cast<std::size_t>(it - types.begin())] = 1;
  }
  ESCUDO_ASSIGN_OR_RETURN(auto from, day_of(f.from, "from"));
  ESCUDO_ASSIGN_OR_RETURN(auto to, day_of(f.to, "to"));
  keep.resize(s.rows.size());
  for (std::size_t r = 0; r < keep.size(); ++r) {
    bool in_period = (!from || s.day_to[r] >= *from) && (!to || s.day_from[r] <= *to);
    // A link with no date is kept by a period only when the period is open on that side.
    if ((from || to) && s.day_from[r] == kNoDayBefore) in_period = false;
    keep[r] = type_kept[s.type[r]] && in_period ? 1 : 0;
  }
  return keep;
}

namespace {

// Describes the graph edges `edges` of `g` from the rows behind them.
std::vector<GraphEdgeView> edge_views(const IntelService::Snapshot& s, const graph::Graph& g,
                                      std::span<const graph::NodeIndex> nodes,
                                      std::span<const graph::EdgeIndex> edges) {
  std::unordered_map<graph::EdgeIndex, std::size_t> slot;
  std::vector<GraphEdgeView> out;
  std::vector<std::int32_t> first, last;
  std::vector<std::set<std::string>> types;
  for (graph::EdgeIndex e : edges) {
    slot.emplace(e, out.size());
    GraphEdgeView v;
    v.source = s.entity_id[g.edge_source(e)];
    v.target = s.entity_id[g.edge_target(e)];
    out.push_back(v);
    first.push_back(kNoDayAfter);
    last.push_back(kNoDayBefore);
    types.emplace_back();
  }
  std::unordered_set<std::uint32_t> seen;
  for (graph::NodeIndex v : nodes) {
    for (std::uint64_t i = s.row_offsets[v]; i < s.row_offsets[v + 1]; ++i) {
      std::uint32_t r = s.rows_of_node[i];
      auto it = slot.find(g.row_edge(r));
      if (it == slot.end() || !seen.insert(r).second) continue;
      auto& view = out[it->second];
      ++view.links;
      view.count += s.count[r];
      view.amount_cents += s.amount_cents[r];
      types[it->second].insert(std::string(s.type_name(r)));
      if (s.day_from[r] != kNoDayBefore) first[it->second] = std::min(first[it->second], s.day_from[r]);
      if (s.day_to[r] != kNoDayAfter) last[it->second] = std::max(last[it->second], s.day_to[r]);
    }
  }
  for (std::size_t i = 0; i < out.size(); ++i) {
    out[i].types.assign(types[i].begin(), types[i].end());
    if (first[i] != kNoDayAfter) out[i].first = day_text(first[i]);
    if (last[i] != kNoDayBefore) out[i].last = day_text(last[i]);
  }
  return out;
}

}  // namespace

Result<NeighbourhoodView> IntelService::neighbourhood(const Actor& actor, std::int64_t entity_id,
                                                      const LinkFilter& filter,
                                                      std::size_t max_neighbours) {
  ESCUDO_TRY(require_intel(actor, model::Permission::kIntelRead));
  ESCUDO_ASSIGN_OR_RETURN(auto s, snapshot());
  auto it = s->node_of.find(entity_id);
  if (it == s->node_of.end()) return errorf(ErrorCode::kNotFound, "there is no entity {}", entity_id);
  ESCUDO_ASSIGN_OR_RETURN(auto keep, kept_rows(*s, filter));
  graph::Graph filtered;
  if (!keep.empty()) {
    ESCUDO_ASSIGN_OR_RETURN(filtered, graph::Graph::build(s->names.size(), s->rows, {.keep = keep}));
  }
  const graph::Graph& g = keep.empty() ? s->whole : filtered;
  ESCUDO_ASSIGN_OR_RETURN(auto around, graph::neighbourhood(g, it->second, max_neighbours));
  const bool names = shows_names(actor);
  NeighbourhoodView view;
  bool any_name = false;
  for (graph::NodeIndex v : around.nodes) {
    view.nodes.push_back(node_view(*s, v, names));
    any_name = any_name || (names && s->kind[v] == "person");
  }
  view.edges = edge_views(*s, g, around.nodes, around.edges);
  view.neighbours_total = static_cast<std::int64_t>(around.neighbours_total);
  if (any_name && actor.principal != nullptr) {
    ESCUDO_TRY(audit_read(actor, "intel.neighbourhood.read", fmt::format("intel_entity:{}", entity_id),
                          fmt::format("nodes={}", view.nodes.size())));
  }
  return view;
}

Result<std::vector<PathView>> IntelService::paths(const Actor& actor, std::int64_t from,
                                                  std::int64_t to, std::size_t k,
                                                  const LinkFilter& filter) {
  ESCUDO_TRY(require_intel(actor, model::Permission::kIntelRead));
  ESCUDO_ASSIGN_OR_RETURN(auto s, snapshot());
  auto a = s->node_of.find(from);
  auto b = s->node_of.find(to);
  if (a == s->node_of.end()) return errorf(ErrorCode::kNotFound, "there is no entity {}", from);
  if (b == s->node_of.end()) return errorf(ErrorCode::kNotFound, "there is no entity {}", to);
  ESCUDO_ASSIGN_OR_RETURN(auto keep, kept_rows(*s, filter));
  graph::Graph filtered;
  if (!keep.empty()) {
    ESCUDO_ASSIGN_OR_RETURN(filtered, graph::Graph::build(s->names.size(), s->rows, {.keep = keep}));
  }
  const graph::Graph& g = keep.empty() ? s->whole : filtered;
  ESCUDO_ASSIGN_OR_RETURN(auto found, graph::k_shortest_paths(g, a->second, b->second,
                                                              std::clamp<std::size_t>(k, 1, 10)));
  const bool names = shows_names(actor);
  std::vector<PathView> out;
  bool any_name = false;
  for (const auto& p : found) {
    PathView v;
    v.length = p.length;
    for (graph::NodeIndex n : p.nodes) {
      v.nodes.push_back(node_view(*s, n, names));
      any_name = any_name || (names && s->kind[n] == "person");
    }
    v.edges = edge_views(*s, g, p.nodes, p.edges);
    out.push_back(std::move(v));
  }
  if (any_name && actor.principal != nullptr) {
    ESCUDO_TRY(audit_read(actor, "intel.path.read", fmt::format("intel_entity:{}", from),
                          fmt::format("to={} paths={}", to, out.size())));
  }
  return out;
}

Result<std::string> IntelService::export_graph(const Actor& actor, ExportFormat format) {
  ESCUDO_TRY(require_intel(actor, model::Permission::kIntelRead));
  ESCUDO_ASSIGN_OR_RETURN(auto s, snapshot());
  const bool names = shows_names(actor);
  std::string out;
  if (format == ExportFormat::kCsv) {
    out = "link_id,type,source_id,source_kind,source_label,target_id,target_kind,target_label,"
          "source_record,date_from,date_to,count,amount_cents,currency,confidence\n";
    for (std::size_t r = 0; r < s->rows.size(); ++r) {
      graph::NodeIndex a = s->rows.source[r], b = s->rows.target[r];
      auto va = node_view(*s, a, names), vb = node_view(*s, b, names);
      out += fmt::format("{},{},{},{},", s->link_id[r], s->type_name(r), va.entity_id, va.kind);
      append_csv_field(out, va.label);
      out += fmt::format(",{},{},", vb.entity_id, vb.kind);
      append_csv_field(out, vb.label);
      out += ',';
      append_csv_field(out, s->source_record[r]);
      out += fmt::format(",{},{},{},{},{},{}\n", day_text(s->day_from[r]), day_text(s->day_to[r]),
                         s->count[r], s->amount_cents[r], s->currency[r], s->confidence[r]);
    }
  } else {
    // One edge per stored link, so each keeps its type, date and source.
    ESCUDO_ASSIGN_OR_RETURN(auto g, graph::Graph::build(s->names.size(), s->rows,
                                                        {.directed = true, .aggregate_parallel = false}));
    const graph::NodeIndex n = s->names.size();
    std::vector<std::string> kinds(s->kind), labels(n);
    for (graph::NodeIndex v = 0; v < n; ++v) labels[v] = node_view(*s, v, names).label;
    std::vector<std::string> edge_type(g.edge_count()), edge_source(g.edge_count()),
        edge_date(g.edge_count());
    std::vector<double> edge_conf(g.edge_count()), edge_amount(g.edge_count());
    for (std::size_t r = 0; r < s->rows.size(); ++r) {
      graph::EdgeIndex e = g.row_edge(r);
      if (e == graph::kNoEdge) continue;
      edge_type[e] = s->type_name(r);
      edge_source[e] = s->source_record[r];
      edge_date[e] = day_text(s->day_from[r]);
      edge_conf[e] = s->confidence[r];
      edge_amount[e] = static_cast<double>(s->amount_cents[r]) / 100.0;
    }
    std::vector<graph::Attribute> node_attrs = {graph::Attribute::text("kind", std::move(kinds)),
                                                graph::Attribute::text("label", std::move(labels))};
    std::vector<graph::Attribute> edge_attrs = {
        graph::Attribute::text("type", std::move(edge_type)),
        graph::Attribute::text("source_record", std::move(edge_source)),
        graph::Attribute::text("date", std::move(edge_date)),
        graph::Attribute::number("confidence", std::move(edge_conf)),
        graph::Attribute::number("amount", std::move(edge_amount))};
    if (format == ExportFormat::kGraphml) {
      ESCUDO_ASSIGN_OR_RETURN(out, graph::to_graphml(g, s->names, node_attrs, edge_attrs));
    } else {
      ESCUDO_ASSIGN_OR_RETURN(out, graph::to_gexf(g, s->names, node_attrs, edge_attrs));
    }
  }
  if (actor.principal != nullptr) {
    ESCUDO_TRY(audit_read(actor, "intel.export", "intel_graph",
                          fmt::format("format={} links={} names={}",
                                      format == ExportFormat::kCsv ? "csv"
                                      : format == ExportFormat::kGraphml ? "graphml" : "gexf",
                                      s->rows.size(), names ? "shown" : "hidden")));
  }
  return out;
}

}  // namespace escudo::service
