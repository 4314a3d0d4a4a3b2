#include "graph/flows.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace escudo::graph {
namespace {

std::vector<Counterparty> largest(std::span<const NodeIndex> nodes, std::span<const double> w,
                                  std::size_t top) {
  std::vector<Counterparty> all;
  all.reserve(nodes.size());
  for (std::size_t i = 0; i < nodes.size(); ++i) all.push_back({nodes[i], w[i]});
  auto by_amount = [](const Counterparty& a, const Counterparty& b) {
    return a.amount != b.amount ? a.amount > b.amount : a.node < b.node;
  };
  if (all.size() > top) {
    std::partial_sort(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(top), all.end(), by_amount);
    all.resize(top);
  } else {
    std::sort(all.begin(), all.end(), by_amount);
  }
  return all;
}

}  // namespace

Result<FlowSummary> flow_summary(const Graph& g, NodeIndex node, std::size_t top) {
  if (node >= g.node_count()) {
    return errorf(ErrorCode::kInvalidArgument, "node {} is not in the graph ({} nodes)", node, g.node_count());
  }
  FlowSummary s;
  for (double w : g.in_weights(node)) s.amount_in += w;
  for (double w : g.out_weights(node)) s.amount_out += w;
  s.sender_count = g.in_neighbors(node).size();
  s.receiver_count = g.out_neighbors(node).size();
  s.top_senders = largest(g.in_neighbors(node), g.in_weights(node), top);
  s.top_receivers = largest(g.out_neighbors(node), g.out_weights(node), top);
  return s;
}

Result<std::vector<FlowPath>> top_flow_paths(const Graph& g, NodeIndex source, NodeIndex target,
                                             std::size_t k) {
  if (!g.directed()) {
    return make_error(ErrorCode::kInvalidArgument,
                      "money routes need a directed graph (each link from sender to receiver)");
  }
  std::vector<double> sent(g.node_count(), 0.0);
  for (NodeIndex v = 0; v < g.node_count(); ++v) {
    for (double w : g.out_weights(v)) sent[v] += w;
  }
  // Cost of u → v: −log(share of u's outflow sent to v).
  std::vector<double> cost(g.edge_count(), std::numeric_limits<double>::infinity());
  for (EdgeIndex e = 0; e < g.edge_count(); ++e) {
    double out = sent[g.edge_source(e)];
    double w = g.edge_weight(e);
    if (out > 0 && w > 0) cost[e] = std::max(0.0, -std::log(w / out));
  }
  ESCUDO_ASSIGN_OR_RETURN(auto paths, k_shortest_paths(g, source, target, k, cost));
  std::vector<FlowPath> out;
  for (auto& p : paths) {
    FlowPath f;
    f.share = std::exp(-p.length);
    f.bottleneck = std::numeric_limits<double>::infinity();
    for (EdgeIndex e : p.edges) f.bottleneck = std::min(f.bottleneck, g.edge_weight(e));
    f.path = std::move(p);
    out.push_back(std::move(f));
  }
  return out;
}

}  // namespace escudo::graph
