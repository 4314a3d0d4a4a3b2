// Degree, coreness, components, brokerage and the measures by name; the longer kernels are in
// betweenness.cc, pagerank.cc and closeness.cc.
#include "graph/measures.h"

#include <algorithm>

#include "graph/internal/igraph_bridge.h"

namespace escudo::graph {

std::vector<double> degree(const Graph& g, Direction direction, bool weighted) {
  const NodeIndex n = g.node_count();
  std::vector<double> out(n, 0.0);
  auto add = [&](NodeIndex v, std::span<const NodeIndex> nbrs, std::span<const double> w) {
    if (!weighted) {
      out[v] += static_cast<double>(nbrs.size());
    } else {
      for (double x : w) out[v] += x;
    }
  };
  for (NodeIndex v = 0; v < n; ++v) {
    if (!g.directed()) {
      add(v, g.out_neighbors(v), g.out_weights(v));
      continue;
    }
    if (direction != Direction::kIn) add(v, g.out_neighbors(v), g.out_weights(v));
    if (direction != Direction::kOut) add(v, g.in_neighbors(v), g.in_weights(v));
  }
  return out;
}

Result<std::vector<double>> coreness(const Graph& g) { return internal::igraph_coreness_of(g); }

NodeIndex Components::largest() const {
  return size.empty() ? 0 : *std::max_element(size.begin(), size.end());
}

Components connected_components(const Graph& g) {
  const NodeIndex n = g.node_count();
  Components c;
  c.label.assign(n, std::numeric_limits<std::uint32_t>::max());
  std::vector<NodeIndex> stack;
  for (NodeIndex s = 0; s < n; ++s) {
    if (c.label[s] != std::numeric_limits<std::uint32_t>::max()) continue;
    const auto id = static_cast<std::uint32_t>(c.size.size());
    NodeIndex count = 0;
    c.label[s] = id;
    stack.push_back(s);
    while (!stack.empty()) {
      NodeIndex v = stack.back();
      stack.pop_back();
      ++count;
      auto visit = [&](NodeIndex w) {
        if (c.label[w] == std::numeric_limits<std::uint32_t>::max()) {
          c.label[w] = id;
          stack.push_back(w);
        }
      };
      for (NodeIndex w : g.out_neighbors(v)) visit(w);
      if (g.directed()) {
        for (NodeIndex w : g.in_neighbors(v)) visit(w);
      }
    }
    c.size.push_back(count);
  }
  return c;
}

std::string_view broker_role_name(BrokerRole role) {
  switch (role) {
    case BrokerRole::kCoordinator: return "coordinator";
    case BrokerRole::kItinerant: return "itinerant";
    case BrokerRole::kGatekeeper: return "gatekeeper";
    case BrokerRole::kRepresentative: return "representative";
    case BrokerRole::kLiaison: return "liaison";
  }
  return "";
}

Result<std::vector<std::array<std::int64_t, kBrokerRoles>>> brokerage(
    const Graph& g, std::span<const std::uint32_t> group) {
  const NodeIndex n = g.node_count();
  if (group.size() != n) {
    return errorf(ErrorCode::kInvalidArgument, "brokerage needs a group for each of the {} nodes, got {}",
                  n, group.size());
  }
  std::vector<std::array<std::int64_t, kBrokerRoles>> out(n, std::array<std::int64_t, kBrokerRoles>{});
  for (NodeIndex b = 0; b < n; ++b) {
    for (NodeIndex a : g.in_neighbors(b)) {
      for (NodeIndex c : g.out_neighbors(b)) {
        if (a == c || g.find_edge(a, c) != kNoEdge) continue;
        const std::uint32_t ga = group[a], gb = group[b], gc = group[c];
        BrokerRole role;
        if (ga == gb && gb == gc) {
          role = BrokerRole::kCoordinator;
        } else if (ga == gc) {
          role = BrokerRole::kItinerant;
        } else if (gb == gc) {
          role = BrokerRole::kGatekeeper;
        } else if (ga == gb) {
          role = BrokerRole::kRepresentative;
        } else {
          role = BrokerRole::kLiaison;
        }
        ++out[b][static_cast<std::size_t>(role)];
      }
    }
  }
  return out;
}

std::string_view measure_name(Measure m) {
  switch (m) {
    case Measure::kDegree: return "degree";
    case Measure::kWeightedDegree: return "strength";
    case Measure::kInDegree: return "in_degree";
    case Measure::kOutDegree: return "out_degree";
    case Measure::kBetweenness: return "betweenness";
    case Measure::kPageRank: return "pagerank";
    case Measure::kCloseness: return "closeness";
    case Measure::kCoreness: return "kcore";
  }
  return "";
}

Result<Measure> parse_measure(std::string_view word) {
  for (Measure m : {Measure::kDegree, Measure::kWeightedDegree, Measure::kInDegree,
                    Measure::kOutDegree, Measure::kBetweenness, Measure::kPageRank,
                    Measure::kCloseness, Measure::kCoreness}) {
    if (word == measure_name(m)) return m;
  }
  if (word == "weighted_degree") return Measure::kWeightedDegree;
  if (word == "coreness") return Measure::kCoreness;
  return errorf(ErrorCode::kInvalidArgument,
                "'{}' is not a measure; use degree, strength, in_degree, out_degree, betweenness, "
                "pagerank, closeness or kcore",
                word);
}

Result<std::vector<double>> compute_measure(const Graph& g, Measure m,
                                            const MeasureOptions& options) {
  switch (m) {
    case Measure::kDegree: return degree(g, Direction::kAll, false);
    case Measure::kWeightedDegree: return degree(g, Direction::kAll, true);
    case Measure::kInDegree: return degree(g, Direction::kIn, false);
    case Measure::kOutDegree: return degree(g, Direction::kOut, false);
    case Measure::kBetweenness:
      return betweenness(g, {.length = options.length,
                             .pivots = options.pivots,
                             .path_samples = options.path_samples,
                             .seed = options.seed,
                             .threads = options.threads});
    case Measure::kPageRank: return pagerank(g, {.threads = options.threads});
    case Measure::kCloseness:
      return closeness(g, {.length = options.length, .threads = options.threads});
    case Measure::kCoreness: return coreness(g);
  }
  return make_error(ErrorCode::kInvalidArgument, "unknown measure");
}

}  // namespace escudo::graph
