#include "graph/slices.h"

#include <algorithm>
#include <cmath>

namespace escudo::graph {
namespace {

std::vector<std::uint8_t> present(const Graph& g) {
  std::vector<std::uint8_t> out(g.node_count(), 0);
  for (EdgeIndex e = 0; e < g.edge_count(); ++e) {
    out[g.edge_source(e)] = 1;
    out[g.edge_target(e)] = 1;
  }
  return out;
}

}  // namespace

std::vector<std::uint8_t> rows_in_period(std::span<const std::int64_t> period, std::int64_t from,
                                         std::int64_t to) {
  std::vector<std::uint8_t> keep(period.size());
  for (std::size_t i = 0; i < period.size(); ++i) keep[i] = period[i] >= from && period[i] <= to;
  return keep;
}

Result<SliceComparison> compare_slices(const Graph& before, const Graph& after, Measure measure,
                                       const MeasureOptions& options) {
  if (before.node_count() != after.node_count() || before.directed() != after.directed()) {
    return make_error(ErrorCode::kInvalidArgument,
                      "the slices must be built on the same nodes, both directed or both not");
  }
  SliceComparison out;
  auto in_before = present(before), in_after = present(after);
  for (NodeIndex v = 0; v < before.node_count(); ++v) {
    out.nodes_before += in_before[v];
    out.nodes_after += in_after[v];
    if (in_after[v] && !in_before[v]) out.nodes_added.push_back(v);
    if (in_before[v] && !in_after[v]) out.nodes_removed.push_back(v);
  }
  out.edges_before = before.edge_count();
  out.edges_after = after.edge_count();
  for (EdgeIndex e = 0; e < after.edge_count(); ++e) {
    if (before.find_edge(after.edge_source(e), after.edge_target(e)) == kNoEdge) {
      out.edges_added.emplace_back(after.edge_source(e), after.edge_target(e));
    }
  }
  for (EdgeIndex e = 0; e < before.edge_count(); ++e) {
    if (after.find_edge(before.edge_source(e), before.edge_target(e)) == kNoEdge) {
      out.edges_removed.emplace_back(before.edge_source(e), before.edge_target(e));
    }
  }
  ESCUDO_ASSIGN_OR_RETURN(auto mb, compute_measure(before, measure, options));
  ESCUDO_ASSIGN_OR_RETURN(auto ma, compute_measure(after, measure, options));
  for (NodeIndex v = 0; v < before.node_count(); ++v) {
    if (in_before[v] || in_after[v]) out.changes.push_back({v, mb[v], ma[v]});
  }
  std::stable_sort(out.changes.begin(), out.changes.end(), [](const MeasureChange& a, const MeasureChange& b) {
    return std::fabs(a.after - a.before) > std::fabs(b.after - b.before);
  });
  return out;
}

}  // namespace escudo::graph
