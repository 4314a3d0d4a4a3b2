// IntelService::compare_periods: the network of one period against another, through the graph
// engine's time slices (graph/slices.h).
#include <algorithm>
#include <cmath>
#include <unordered_set>

#include "base/civil_date.h"
#include "graph/measures.h"
#include "graph/slices.h"
#include "service/internal/intel_snapshot.h"

namespace escudo::service {
namespace {

// Exact betweenness up to this many nodes, estimated from this many sources above (as the
// analysis of the whole graph does).
constexpr graph::NodeIndex kExactBetweennessNodes = 5000;
constexpr std::uint32_t kBetweennessPivots = 1000;

Result<CivilDate> required_day(const std::optional<std::string>& text, std::string_view field) {
  if (!text || text->empty()) return errorf(ErrorCode::kInvalidArgument, "{} is required (YYYY-MM-DD)", field);
  auto day = CivilDate::parse(*text);
  if (!day) return errorf(ErrorCode::kInvalidArgument, "{}: '{}' is not a date (YYYY-MM-DD)", field, *text);
  return *day;
}

Status check_period(const std::optional<std::string>& from, const std::optional<std::string>& to,
                    std::string_view from_field, std::string_view to_field) {
  ESCUDO_ASSIGN_OR_RETURN(CivilDate a, required_day(from, from_field));
  ESCUDO_ASSIGN_OR_RETURN(CivilDate b, required_day(to, to_field));
  if (b.days_since_epoch() < a.days_since_epoch()) {
    return errorf(ErrorCode::kInvalidArgument, "{}: {} is before {} ({})", to_field, *to, from_field, *from);
  }
  return ok_status();
}

std::uint64_t pair_key(graph::NodeIndex a, graph::NodeIndex b) {
  if (a > b) std::swap(a, b);
  return (static_cast<std::uint64_t>(a) << 32) | b;
}

}  // namespace

Result<SliceView> IntelService::compare_periods(const Actor& actor, const SliceQuery& query) {
  ESCUDO_TRY(require_intel(actor, model::Permission::kIntelRead));
  ESCUDO_TRY(check_period(query.from1, query.to1, "from1", "to1"));
  ESCUDO_TRY(check_period(query.from2, query.to2, "from2", "to2"));
  if (query.limit < 1 || query.limit > 5000) return make_error(ErrorCode::kInvalidArgument, "limit: 1 to 5000");
  ESCUDO_ASSIGN_OR_RETURN(auto s, snapshot());
  const graph::NodeIndex n = s->names.size();
  std::vector<graph::NodeIndex> asked;
  for (std::int64_t id : query.entities) {
    auto it = s->node_of.find(id);
    if (it == s->node_of.end()) return errorf(ErrorCode::kNotFound, "there is no entity {}", id);
    asked.push_back(it->second);
  }

  ESCUDO_ASSIGN_OR_RETURN(auto keep1, kept_rows(*s, {.types = query.types, .from = query.from1, .to = query.to1}));
  ESCUDO_ASSIGN_OR_RETURN(auto keep2, kept_rows(*s, {.types = query.types, .from = query.from2, .to = query.to2}));
  ESCUDO_ASSIGN_OR_RETURN(auto before, graph::Graph::build(n, s->rows, {.directed = false, .keep = keep1}));
  ESCUDO_ASSIGN_OR_RETURN(auto after, graph::Graph::build(n, s->rows, {.directed = false, .keep = keep2}));
  graph::MeasureOptions options;
  if (n > kExactBetweennessNodes) options.pivots = kBetweennessPivots;
  ESCUDO_ASSIGN_OR_RETURN(auto diff, graph::compare_slices(before, after, graph::Measure::kBetweenness, options));
  auto degree_before = graph::degree(before), degree_after = graph::degree(after);

  SliceView view;
  view.from1 = *query.from1;
  view.to1 = *query.to1;
  view.from2 = *query.from2;
  view.to2 = *query.to2;
  view.nodes_before = static_cast<std::int64_t>(diff.nodes_before);
  view.nodes_after = static_cast<std::int64_t>(diff.nodes_after);
  view.edges_before = static_cast<std::int64_t>(diff.edges_before);
  view.edges_after = static_cast<std::int64_t>(diff.edges_after);
  view.nodes_new = static_cast<std::int64_t>(diff.nodes_added.size());
  view.nodes_gone = static_cast<std::int64_t>(diff.nodes_removed.size());
  view.nodes_kept = view.nodes_before - view.nodes_gone;
  view.edges_new = static_cast<std::int64_t>(diff.edges_added.size());
  view.edges_gone = static_cast<std::int64_t>(diff.edges_removed.size());
  view.edges_kept = view.edges_after - view.edges_new;

  // Which entities to report, in order: those asked for, or every entity present in either
  // period by the size of its change.
  std::vector<graph::MeasureChange> changes;
  if (!asked.empty()) {
    std::vector<double> b_before(n, 0.0), b_after(n, 0.0);
    for (const auto& c : diff.changes) {
      b_before[c.node] = c.before;
      b_after[c.node] = c.after;
    }
    for (graph::NodeIndex v : asked) changes.push_back({v, b_before[v], b_after[v]});
  } else {
    changes = diff.changes;
    std::ranges::stable_sort(changes, [&](const auto& x, const auto& y) {
      double bx = std::fabs(x.after - x.before), by = std::fabs(y.after - y.before);
      if (bx != by) return bx > by;
      return std::fabs(degree_after[x.node] - degree_before[x.node]) >
             std::fabs(degree_after[y.node] - degree_before[y.node]);
    });
  }
  if (changes.size() > query.limit) {
    changes.resize(query.limit);
    view.truncated = true;
  }
  const bool names = shows_names(actor);
  bool any_name = false;
  std::unordered_set<graph::NodeIndex> reported;
  for (const auto& c : changes) {
    const bool in1 = before.out_degree(c.node) > 0, in2 = after.out_degree(c.node) > 0;
    SliceNodeView v;
    v.node = node_view(*s, c.node, names);
    v.status = in1 && in2 ? "kept" : in2 ? "new" : in1 ? "gone" : "absent";
    v.degree_before = std::llround(degree_before[c.node]);
    v.degree_after = std::llround(degree_after[c.node]);
    v.betweenness_before = c.before;
    v.betweenness_after = c.after;
    any_name = any_name || (names && s->kind[c.node] == "person");
    reported.insert(c.node);
    view.nodes.push_back(std::move(v));
  }

  // The links among the entities asked for, or every link: new, gone, then kept.
  auto wanted = [&](graph::NodeIndex a, graph::NodeIndex b) {
    return asked.empty() || (reported.contains(a) && reported.contains(b));
  };
  std::unordered_set<std::uint64_t> changed;
  auto add_edge = [&](graph::NodeIndex a, graph::NodeIndex b, const char* status) {
    if (!wanted(a, b)) return;
    if (view.edges.size() >= query.limit) {
      view.truncated = true;
      return;
    }
    std::int64_t x = s->entity_id[a], y = s->entity_id[b];
    view.edges.push_back({std::min(x, y), std::max(x, y), status});
  };
  for (auto [a, b] : diff.edges_added) {
    changed.insert(pair_key(a, b));
    add_edge(a, b, "new");
  }
  for (auto [a, b] : diff.edges_removed) {
    changed.insert(pair_key(a, b));
    add_edge(a, b, "gone");
  }
  for (graph::EdgeIndex e = 0; e < after.edge_count(); ++e) {
    graph::NodeIndex a = after.edge_source(e), b = after.edge_target(e);
    if (!changed.contains(pair_key(a, b))) add_edge(a, b, "kept");
  }

  if (any_name && actor.principal != nullptr) {
    ESCUDO_TRY(audit_read(actor, "intel.slices.read", "intel_graph",
                          fmt::format("from1={} to1={} from2={} to2={} nodes={}", view.from1, view.to1,
                                      view.from2, view.to2, view.nodes.size())));
  }
  return view;
}

}  // namespace escudo::service
