#include "graph/disrupt.h"

namespace escudo::graph {
namespace {

// Components among the nodes not removed.
std::pair<NodeIndex, std::size_t> components_left(const Graph& g,
                                                  const std::vector<std::uint8_t>& removed) {
  const NodeIndex n = g.node_count();
  std::vector<std::uint8_t> seen(removed);
  std::vector<NodeIndex> stack;
  NodeIndex largest = 0;
  std::size_t count = 0;
  for (NodeIndex s = 0; s < n; ++s) {
    if (seen[s]) continue;
    ++count;
    NodeIndex size = 0;
    seen[s] = 1;
    stack.push_back(s);
    while (!stack.empty()) {
      NodeIndex v = stack.back();
      stack.pop_back();
      ++size;
      auto visit = [&](NodeIndex w) {
        if (!seen[w]) {
          seen[w] = 1;
          stack.push_back(w);
        }
      };
      for (NodeIndex w : g.out_neighbors(v)) visit(w);
      if (g.directed()) {
        for (NodeIndex w : g.in_neighbors(v)) visit(w);
      }
    }
    largest = std::max(largest, size);
  }
  return {largest, count};
}

}  // namespace

Result<Disruption> disrupt(const Graph& g, const DisruptOptions& options) {
  if (options.steps < 0) {
    return errorf(ErrorCode::kInvalidArgument, "the number of steps must be ≥ 0, got {}", options.steps);
  }
  const NodeIndex n = g.node_count();
  Disruption out;
  std::vector<std::uint8_t> removed(n, 0);
  std::tie(out.initial_largest, out.initial_components) = components_left(g, removed);
  ESCUDO_ASSIGN_OR_RETURN(std::vector<double> score, compute_measure(g, options.by, options.measure));
  for (int step = 0; step < options.steps && static_cast<NodeIndex>(step) < n; ++step) {
    if (options.recompute && step > 0) {
      Graph left = g.without_nodes(removed);
      ESCUDO_ASSIGN_OR_RETURN(score, compute_measure(left, options.by, options.measure));
    }
    NodeIndex best = kNoNode;
    for (NodeIndex v = 0; v < n; ++v) {
      if (!removed[v] && (best == kNoNode || score[v] > score[best])) best = v;
    }
    removed[best] = 1;
    DisruptStep s;
    s.removed = best;
    s.score = score[best];
    std::tie(s.largest_component, s.components) = components_left(g, removed);
    out.steps.push_back(s);
  }
  return out;
}

}  // namespace escudo::graph
